package catalog

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// This file holds what the catalog loader and the test-file loader
// (package casetest) share about YAML source text: where a syntax error
// really is, and what a Chinese keyboard typed instead of what YAML wants.

// CheckEncoding reports the first byte that is not UTF-8, or the first
// control character other than tab, line feed and carriage return (a NUL,
// say), at its line and column; the YAML parser would report either at
// 1:1. It returns nil for clean text.
func CheckEncoding(file string, data []byte, code string) *Diagnostic {
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		switch {
		case r == utf8.RuneError && size <= 1:
			return NewDiagnostic(Pos{File: file, Line: line, Col: col}, code,
				"the file is not valid UTF-8 text").SetHint("save the file as UTF-8")
		case r == '\n':
			line, col = line+1, 0
		case r < 0x20 && r != '\t' && r != '\r', r == 0x7f:
			return NewDiagnostic(Pos{File: file, Line: line, Col: col}, code,
				"the file holds the control character U+%04X", int(r)).SetHint("delete it")
		}
		col++
		data = data[size:]
	}
	return nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// SyntaxDiagnostic turns a yaml.v3 parse error into a diagnostic at the line
// of its cause. The parser reports a runaway quoted value where the value
// ends, often many lines on, so an unclosed double quote is reported at the
// quote; an indentation with tabs or full-width spaces, and full-width
// punctuation or curly quotes near the error, are named where they stand.
// Otherwise the error is placed at the first character of the line yaml.v3
// names (counted from 1 for scanner errors, from 0 for parser errors).
func SyntaxDiagnostic(file string, data []byte, err error, code string) *Diagnostic {
	lines := splitLines(data)
	pos, msg := Pos{File: file, Line: 1, Col: 1}, err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if yamlParserProblem(msg) {
			pos.Line++
		}
		// The end of the stream counts as a line of its own when the
		// last line has no newline.
		pos.Line = max(1, min(pos.Line, len(lines)))
	}
	if pos.Line <= len(lines) {
		text := lines[pos.Line-1]
		pos.Col = utf8.RuneCountInString(text) - utf8.RuneCountInString(strings.TrimLeft(text, " ")) + 1
	}
	if d := indentCause(file, lines, pos.Line+1, code); d != nil {
		return d
	}
	if line, col := unclosedQuote(data, lines, pos.Line); line > 0 {
		return NewDiagnostic(Pos{File: file, Line: line, Col: col}, code,
			"malformed YAML: this double quote is never closed").
			SetHint("put a \" at the end of the value, or remove the opening one")
	}
	if d := keyboardCause(file, lines, pos.Line, code); d != nil {
		return d
	}
	what := P("%s", msg)
	if p, ok := yamlProblems[msg]; ok {
		what = p
	}
	return NewDiagnostic(pos, code, "malformed YAML: %s", what)
}

// yamlProblems words yaml.v3's commonest complaints the way an author
// understands them; others are shown as yaml.v3 words them.
var yamlProblems = map[string]*Phrase{
	"could not find expected ':'":                                  P("a key is not followed by a colon \":\""),
	"did not find expected ',' or '}'":                             P("a mapping { } lacks a comma \",\" or its closing \"}\""),
	"did not find expected ',' or ']'":                             P("a list [ ] lacks a comma \",\" or its closing \"]\""),
	"did not find expected key":                                    P("the indentation is inconsistent, or a key is missing here"),
	"did not find expected '-' indicator":                          P("the indentation of a list is inconsistent"),
	"found character that cannot start any token":                  P("a character that cannot stand here"),
	"mapping values are not allowed in this context":               P("a \"key: value\" cannot stand here (check that quotes are closed and that a colon inside a value is followed by no space)"),
	"found unexpected end of stream":                               P("the file ends before a quote or bracket is closed"),
	"found a tab character that violates indentation":              P("a tab is used for indentation"),
	"did not find expected node content":                           P("a value is missing"),
	"found unknown escape character while parsing a quoted scalar": P("an unknown escape in double quotes; write a backslash as \\\\ or use single quotes"),
	"block sequence entries are not allowed in this context":       P("a list entry \"- \" cannot stand here (check the indentation)"),
}

// yamlParserProblem reports whether msg is one of the problems yaml.v3's
// parser (as opposed to its scanner) reports; see parserc.go.
func yamlParserProblem(msg string) bool {
	return strings.HasPrefix(msg, "did not find expected") || strings.HasPrefix(msg, "found duplicate %") ||
		msg == "found incompatible YAML document" || msg == "found undefined tag handle"
}

// indentCause finds, on the lines up to the error's, the first indentation
// made with a tab or a full-width space (U+3000), which YAML does not
// count as indentation.
func indentCause(file string, lines []string, errLine int, code string) *Diagnostic {
	for i := 0; i < len(lines) && i < errLine; i++ {
		text := lines[i]
		for col, r := range []rune(text) {
			if r == ' ' {
				continue
			}
			if r == '\t' || r == '\u3000' {
				name := P("a tab")
				if r == '\u3000' {
					name = P("a full-width space")
				}
				return NewDiagnostic(Pos{File: file, Line: i + 1, Col: col + 1}, code,
					"malformed YAML: the line is indented with %s", name).
					SetHint("indent with half-width spaces only")
			}
			break
		}
	}
	return nil
}

// unclosedQuote returns the line and column of the double quote that
// caused a syntax error reported at errLine, or 0, 0. YAML lets a quoted
// value run over several lines, so a quote left open runs on until the
// next quote, and the parser complains there, often many lines on (or,
// when the value then ends a key, a line before). The candidates are the
// quotes left open on their line, nearest to the error first; one is the
// cause when closing it on its line makes the error go away or move past
// the line it was reported at.
func unclosedQuote(data []byte, lines []string, errLine int) (line, col int) {
	var candidates []int
	for i := 0; i < len(lines) && i < errLine+2; i++ {
		if quoteLeftOpen(lines[i]) >= 0 {
			candidates = append(candidates, i)
		}
	}
	for k := len(candidates) - 1; k >= 0 && k >= len(candidates)-3; k-- {
		i := candidates[k]
		fixed := make([]string, len(lines))
		copy(fixed, lines)
		fixed[i] += "\""
		var doc yaml.Node
		err := yaml.Unmarshal([]byte(strings.Join(fixed, "\n")), &doc)
		if err == nil {
			return i + 1, quoteLeftOpen(lines[i]) + 1
		}
		if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
			if l, _ := strconv.Atoi(m[1]); l > errLine {
				return i + 1, quoteLeftOpen(lines[i]) + 1
			}
		}
	}
	return 0, 0
}

// quoteLeftOpen returns the index (in runes) of a double quote that opens
// a value and is not closed on its line, or -1.
func quoteLeftOpen(text string) int {
	open, single, at := false, false, 0
	runes := []rune(text)
	for j := 0; j < len(runes); j++ {
		switch {
		case single:
			single = runes[j] != '\''
		case runes[j] == '\\' && open:
			j++
		case runes[j] == '"':
			open, at = !open, j
		case open:
		case runes[j] == '\'' && (j == 0 || strings.ContainsRune(" :,[{-", runes[j-1])):
			single = true
		case runes[j] == '#' && (j == 0 || runes[j-1] == ' '):
			j = len(runes)
		}
	}
	if open {
		return at
	}
	return -1
}

// fullWidth maps the characters a Chinese keyboard types in place of the
// ASCII ones YAML and conditions are written with.
var fullWidth = map[rune]string{
	'：': ":", '，': ",", '（': "(", '）': ")", '［': "[", '］': "]", '｛': "{", '｝': "}",
	'【': "[", '】': "]", '“': "\"", '”': "\"", '‘': "'", '’': "'", '＂': "\"", '＇': "'",
	'！': "!", '＝': "=", '＜': "<", '＞': ">", '＆': "&", '｜': "|", '－': "-", '＋': "+",
	'＊': "*", '／': "/", '．': ".", '＃': "#", '\u3000': " ", '、': ",", '；': ";",
	'０': "0", '１': "1", '２': "2", '３': "3", '４': "4", '５': "5", '６': "6", '７': "7", '８': "8", '９': "9",
}

// FullWidth returns the ASCII character a full-width one stands for, and
// whether r is one of them.
func FullWidth(r rune) (string, bool) {
	s, ok := fullWidth[r]
	return s, ok
}

// keyboardCause finds a full-width character or curly quote on the line
// of a syntax error or on the few lines before it, outside comments and
// outside quoted text, and names it with what to write instead.
func keyboardCause(file string, lines []string, errLine int, code string) *Diagnostic {
	for i := errLine - 1; i >= 0 && i >= errLine-4; i-- {
		if i >= len(lines) {
			continue
		}
		if col, r := structuralFullWidth(lines[i]); col > 0 {
			return NewDiagnostic(Pos{File: file, Line: i + 1, Col: col}, code,
				"malformed YAML: the full-width character \"%c\" stands where YAML expects \"%s\"", r, fullWidth[r]).
				SetHint("write the half-width \"%s\"; switch the keyboard to half-width (英文标点) for keys, colons, commas and brackets", fullWidth[r])
		}
	}
	return nil
}

// structuralFullWidth returns the column (from 1) and value of the first
// full-width character of a line that stands where YAML needs ASCII
// punctuation: a full-width colon after the key, a full-width comma or
// bracket inside [ ] or { }, a curly quote opening a value. Full-width
// text inside a value, and inside quotes and comments, is left alone.
func structuralFullWidth(line string) (int, rune) {
	runes := []rune(line)
	var quote rune
	inValue, flow := false, 0
	valueStart := true // at a place where a value may begin
	for j, r := range runes {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
			continue
		case r == '"' || r == '\'':
			if valueStart {
				quote = r
			}
		case r == '#' && (j == 0 || runes[j-1] == ' '):
			return 0, 0
		case r == '{' || r == '[':
			flow++
		case r == '}' || r == ']':
			flow--
		case r == ':' && (j+1 == len(runes) || runes[j+1] == ' '):
			inValue = true
		case r == '：' && !inValue:
			return j + 1, r
		case (r == '“' || r == '‘') && valueStart:
			return j + 1, r
		case flow > 0 && (r == '，' || r == '［' || r == '］' || r == '｛' || r == '｝' || r == '：'):
			return j + 1, r
		}
		if r != ' ' {
			valueStart = r == ':' || r == '-' || r == ',' || r == '[' || r == '{'
		}
	}
	return 0, 0
}

// LocalTag reports whether a scalar carries a tag of its own ("!x"): YAML
// reads a plain value that starts with "!" as a tag, so that
// `when: !overdue` is the empty value tagged !overdue.
func LocalTag(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!")
}

// TagDiagnostic reports a value YAML read as a tag because it starts with
// "!", with the quoted form to write.
func TagDiagnostic(pos Pos, code string, n *yaml.Node) *Diagnostic {
	text := n.Tag
	if n.Value != "" {
		text += " " + n.Value
	}
	return NewDiagnostic(pos, code, "YAML reads %s as a tag, not as a value: a value that starts with \"!\" must be quoted", text).
		SetHint("write \"%s\"", text)
}
