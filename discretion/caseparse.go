package discretion

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jizhun/jizhun/catalog"
)

// jsonProblem says what is wrong with case JSON that does not decode, and
// where: a syntax error or a truncated file at its line and column (and
// byte), a value of the wrong JSON type at its field, an unknown field by
// its name.
func jsonProblem(err error, data []byte) Problem {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off := int(se.Offset) - 1 // the offending byte: Offset counts it as read
		if off < 0 {
			off = 0
		}
		line, col := lineCol(data, off)
		return newProblem("", "malformed JSON at line %d, column %d (byte %d): %s", line, col, off+1, syntaxDetail(se.Error(), data, off))
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return truncated(data)
	}
	if errors.Is(err, io.EOF) {
		return newProblem("", "the case JSON is empty: give one JSON object, {…}")
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return newProblem(te.Field, "want %s, got JSON %s", jsonWant(te.Type), jsonGot(te.Value))
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		return newProblem("", "unknown field %s (see the Case JSON contract in docs/catalog.md)", name)
	}
	return newProblem("", "%v", err)
}

// truncated describes case JSON that ends before it is complete: the
// string or the innermost object or array still open, with where it
// opened.
func truncated(data []byte) Problem {
	// Where the content ends, not after the last line break: the place
	// the reader looks for what is missing.
	endLine, endCol := lineCol(data, len(bytes.TrimRight(data, " \t\r\n"))-1)
	var open []int // offsets of the unclosed { and [
	str := -1      // offset of the opening quote of an unclosed string
	for i := 0; i < len(data); i++ {
		c := data[i]
		if str >= 0 {
			switch c {
			case '\\':
				i++
			case '"':
				str = -1
			}
			continue
		}
		switch c {
		case '"':
			str = i
		case '{', '[':
			open = append(open, i)
		case '}', ']':
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	switch {
	case str >= 0:
		line, col := lineCol(data, str)
		return newProblem("", "the case JSON is incomplete: it ends after line %d, column %d inside the string that opens at line %d, column %d; close it with \"", endLine, endCol, line, col)
	case len(open) > 0:
		at := open[len(open)-1]
		line, col := lineCol(data, at)
		closer := "}"
		if data[at] == '[' {
			closer = "]"
		}
		return newProblem("", "the case JSON is incomplete: it ends after line %d, column %d, and the %s that opens at line %d, column %d is not closed with %s", endLine, endCol, string(data[at]), line, col, closer)
	}
	return newProblem("", "the case JSON is incomplete: it ends after line %d, column %d in the middle of a value", endLine, endCol)
}

// syntaxContexts are the situations encoding/json names after "invalid
// character 'x' ", each with the format that says it (messages_zh.go
// translates them).
var syntaxContexts = map[string]string{
	"looking for beginning of value":             "invalid character %s looking for beginning of value",
	"looking for beginning of object key string": "invalid character %s looking for beginning of object key string",
	"after object key":                           "invalid character %s after object key",
	"after object key:value pair":                "invalid character %s after object key:value pair",
	"after array element":                        "invalid character %s after array element",
	"after top-level value":                      "invalid character %s after top-level value",
	"in string literal":                          "invalid character %s in string literal",
	"in numeric literal":                         "invalid character %s in numeric literal",
	"in string escape code":                      "invalid character %s in string escape code",
	"after decimal point in numeric literal":     "invalid character %s after decimal point in numeric literal",
	"in exponent of numeric literal":             "invalid character %s in exponent of numeric literal",
}

// fullWidth are the full-width characters a Chinese keyboard types where
// JSON wants their ASCII forms.
var fullWidth = map[rune]string{
	'：': ":", '，': ",", '“': `"`, '”': `"`, '｛': "{", '｝': "}", '［': "[", '］': "]",
	'＂': `"`, '‘': `"`, '’': `"`, '　': " ",
}

// syntaxDetail renders encoding/json's syntax message as a phrase, naming
// a full-width character for what it is.
func syntaxDetail(msg string, data []byte, off int) *catalog.Phrase {
	var r rune
	if off < len(data) {
		r, _ = utf8.DecodeRune(data[off:])
		if fullWidth[r] != "" {
			return messagesZh.P("the full-width character %q where JSON wants %q", string(r), fullWidth[r])
		}
		if num := numberBefore(data[:off]); num != "" && (r >= utf8.RuneSelf || unicode.IsLetter(r)) {
			return messagesZh.P("a unit %q after the number %s: write the number alone", unitAt(data[off:]), num)
		}
	}
	rest, ok := strings.CutPrefix(msg, "invalid character ")
	if !ok {
		return messagesZh.P("%s", msg)
	}
	// rest is 'x' and the context; the quoted character may itself be a
	// quote ('\'').
	end := strings.Index(rest[1:], "' ")
	if end < 0 {
		return messagesZh.P("%s", msg)
	}
	char, context := rest[:end+2], rest[end+3:]
	if r >= utf8.RuneSelf {
		// encoding/json quotes the first byte of a character; name the
		// character.
		char = strconv.QuoteRune(r)
	}
	if format, ok := syntaxContexts[context]; ok {
		return messagesZh.P(format, char)
	}
	if lit, ok := strings.CutPrefix(context, "in literal "); ok {
		lit, _, _ = strings.Cut(lit, " ") // "true (expecting 'r')"
		return messagesZh.P("invalid character %s in literal %s", char, lit)
	}
	return messagesZh.P("%s", msg)
}

// numberBefore returns the JSON number that ends at the end of data, if
// data ends in one.
func numberBefore(data []byte) string {
	i := len(data)
	for i > 0 && strings.IndexByte("0123456789.-+eE", data[i-1]) >= 0 {
		i--
	}
	num := string(data[i:])
	if num == "" || strings.IndexAny(num, "0123456789") < 0 {
		return ""
	}
	return num
}

// unitAt returns the letters at the start of data: a unit written after a
// number (元, 万元, m2, 平方米).
func unitAt(data []byte) string {
	s := string(data)
	end := len(s)
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			end = i
			break
		}
	}
	return s[:end]
}

// factKind names what a fact of type t is stated as.
func factKind(t catalog.FactType) *catalog.Phrase {
	switch t {
	case catalog.FactBool:
		return messagesZh.P("true or false")
	case catalog.FactInt:
		return messagesZh.P("a whole number")
	case catalog.FactNumber:
		return messagesZh.P("a number")
	case catalog.FactMoney:
		return messagesZh.P("an amount in yuan")
	case catalog.FactEnum:
		return messagesZh.P("one of the declared values")
	case catalog.FactEnumList:
		return messagesZh.P("a list of declared values")
	case catalog.FactDate:
		return messagesZh.P("a date string \"YYYY-MM-DD\"")
	}
	return messagesZh.P("%s", string(t))
}

// jsonWant names the JSON a Go type of the Case is read from.
func jsonWant(t reflect.Type) *catalog.Phrase {
	switch {
	case t == reflect.TypeFor[Date]():
		return messagesZh.P("a date string \"YYYY-MM-DD\"")
	case t == reflect.TypeFor[json.Number]():
		return messagesZh.P("a number")
	}
	switch t.Kind() {
	case reflect.String:
		return messagesZh.P("a string")
	case reflect.Bool:
		return messagesZh.P("true or false")
	case reflect.Slice, reflect.Array:
		return messagesZh.P("an array [ … ]")
	case reflect.Struct, reflect.Map, reflect.Pointer:
		return messagesZh.P("an object { … }")
	case reflect.Int, reflect.Int64, reflect.Float64:
		return messagesZh.P("a number")
	}
	return messagesZh.P("%s", t.String())
}

// jsonGot names the JSON value encoding/json found ("number", "string",
// "number 1.5" …).
func jsonGot(v string) *catalog.Phrase {
	kind, rest, _ := strings.Cut(v, " ")
	var word *catalog.Phrase
	switch kind {
	case "number":
		word = messagesZh.P("number")
	case "string":
		word = messagesZh.P("string")
	case "bool":
		word = messagesZh.P("bool")
	case "array":
		word = messagesZh.P("array")
	case "object":
		word = messagesZh.P("object")
	default:
		return messagesZh.P("%s", v)
	}
	if rest == "" {
		return word
	}
	return messagesZh.P("%s %s", word, rest)
}

// lineCol returns the 1-based line and column of a byte offset, the column
// counted in characters, as editors count it.
func lineCol(data []byte, offset int) (int, int) {
	if offset > len(data) {
		offset = len(data)
	}
	line := 1 + bytes.Count(data[:offset], []byte("\n"))
	start := bytes.LastIndexByte(data[:offset], '\n') + 1
	return line, 1 + utf8.RuneCount(data[start:offset])
}
