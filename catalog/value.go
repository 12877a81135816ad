package catalog

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/penalty"
)

// Value is the value of one fact in a case, checked against its declaration.
type Value struct {
	Type FactType
	Bool bool
	Num  decimal.Decimal // int, number and money facts
	Enum string          // enum facts: the value's name
	Date Date
	// Set holds an enum_list value: bit i is the fact's i-th declared
	// value, so that membership and length are one instruction each.
	Set uint64
	// List names the values of an enum_list value, in declaration order,
	// for what a decision reports.
	List []string
	// Undeterminable is set for a money fact stated as "undeterminable"
	// (违法所得无法确定); Num is then zero.
	Undeterminable bool
}

// String renders the value as a case would state it.
func (v Value) String() string {
	switch v.Type {
	case FactBool:
		return strconv.FormatBool(v.Bool)
	case FactEnum:
		return v.Enum
	case FactDate:
		return v.Date.String()
	case FactEnumList:
		return "[" + strings.Join(v.List, ", ") + "]"
	}
	if v.Undeterminable {
		return "undeterminable"
	}
	return v.Num.String()
}

// AppendJSON appends the value as JSON: numbers as numbers, the rest as
// strings or booleans.
func (v Value) AppendJSON(b []byte) []byte {
	switch v.Type {
	case FactBool:
		return strconv.AppendBool(b, v.Bool)
	case FactInt, FactNumber, FactMoney:
		if v.Undeterminable {
			return append(b, `"undeterminable"`...)
		}
		return append(b, v.Num.String()...)
	case FactEnumList:
		b = append(b, '[')
		for i, name := range v.List {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, name)
		}
		return append(b, ']')
	}
	return appendJSONString(b, v.String())
}

// appendJSONString appends s as a JSON string, leaving non-ASCII text
// readable (catalog text is Chinese) and escaping what JSON requires.
func appendJSONString(b []byte, s string) []byte {
	q, _ := json.Marshal(s)
	q = bytes.ReplaceAll(q, []byte(`\u003c`), []byte("<"))
	q = bytes.ReplaceAll(q, []byte(`\u003e`), []byte(">"))
	q = bytes.ReplaceAll(q, []byte(`\u0026`), []byte("&"))
	return append(b, q...)
}

// MaxListValues is the most values an enum_list fact may declare: a
// list value is a set of bits in one machine word.
const MaxListValues = 64

// Names returns the names of the declared values an enum_list value holds,
// in declaration order.
func (f *Fact) Names(v Value) []string {
	var out []string
	for i, val := range f.Values {
		if i < MaxListValues && v.Set&(1<<uint(i)) != 0 {
			out = append(out, val.Name)
		}
	}
	return out
}

// ValueError says why a stated value does not fit a fact's declaration.
type ValueError struct {
	Fact    string
	Message string // in English

	msg *Phrase
}

func (e *ValueError) Error() string { return fmt.Sprintf("fact %s: %s", e.Fact, e.Message) }

func (e *ValueError) phrase() *Phrase { return P("fact %s: %s", e.Fact, e.msg) }

// Detail is what is wrong with the value, without the fact's name, as a
// phrase to render in the reader's language.
func (e *ValueError) Detail() *Phrase {
	if e.msg == nil {
		return P("%s", e.Message)
	}
	return e.msg
}

// Parse checks a value stated for this fact, as decoded from JSON (bool,
// json.Number, float64, string) or given from Go (bool, int, int64,
// decimal.Decimal, string, Date). Numbers outside the declared bounds,
// enum names not declared, fractions for int facts and impossible dates are
// errors.
func (f *Fact) Parse(raw any) (Value, error) {
	v := Value{Type: f.Type}
	bad := func(format string, args ...any) (Value, error) {
		msg := P(format, args...)
		return Value{}, &ValueError{Fact: f.Name, Message: msg.Render("en"), msg: msg}
	}
	switch f.Type {
	case FactBool:
		b, ok := raw.(bool)
		if !ok {
			return bad("want true or false, got %s", describe(raw))
		}
		v.Bool = b
	case FactEnum:
		s, ok := raw.(string)
		if !ok {
			return bad("want one of %s, got %s", f.enumList(), describe(raw))
		}
		if f.Values.Index(s) < 0 {
			if m := didYouMean(s, f.enumNames()); m != "" {
				return bad("%q is not one of %s; did you mean %q?", s, f.enumList(), m)
			}
			return bad("%q is not one of %s", s, f.enumList())
		}
		v.Enum = s
	case FactEnumList:
		var names []string
		switch x := raw.(type) {
		case []string:
			names = x
		case []any:
			for _, el := range x {
				s, ok := el.(string)
				if !ok {
					return bad("want a list of values among %s, got %s in the list", f.enumList(), describe(el))
				}
				names = append(names, s)
			}
		default:
			return bad("want a list of values among %s, got %s", f.enumList(), describe(raw))
		}
		for _, s := range names {
			i := f.Values.Index(s)
			if i < 0 {
				if m := didYouMean(s, f.enumNames()); m != "" {
					return bad("%q is not one of %s; did you mean %q?", s, f.enumList(), m)
				}
				return bad("%q is not one of %s", s, f.enumList())
			}
			if i >= MaxListValues {
				return bad("%q is not one of %s", s, f.enumList())
			}
			if v.Set&(1<<uint(i)) != 0 {
				return bad("%q is listed twice", s)
			}
			v.Set |= 1 << uint(i)
		}
		v.List = f.Names(v)
	case FactDate:
		switch x := raw.(type) {
		case Date:
			v.Date = x
		case string:
			d, err := ParseDate(x)
			if err != nil {
				return bad("%v", err)
			}
			v.Date = d
		default:
			return bad("want a date YYYY-MM-DD, got %s", describe(raw))
		}
	case FactInt, FactNumber, FactMoney:
		if s, ok := raw.(string); ok && s == "undeterminable" {
			if !f.Undeterminable {
				return bad("the catalog does not allow undeterminable for this fact")
			}
			v.Undeterminable = true
			return v, nil
		}
		n, err := number(raw)
		if err != nil {
			return bad("%s", err)
		}
		if f.Type == FactInt && !n.IsInteger() {
			return bad("want a whole number, got %s", n)
		}
		if f.Min != nil && n.LessThan(*f.Min) {
			return bad("%s is below the minimum %s", n, f.Min)
		}
		if f.Max != nil && n.GreaterThan(*f.Max) {
			return bad("%s is above the maximum %s", n, f.Max)
		}
		v.Num = n
	default:
		return bad("unknown fact type %q", f.Type)
	}
	return v, nil
}

func number(raw any) (decimal.Decimal, error) {
	switch x := raw.(type) {
	case json.Number:
		return penalty.ParseYuan(string(x))
	case decimal.Decimal:
		return x, nil
	case int:
		return decimal.NewFromInt(int64(x)), nil
	case int64:
		return decimal.NewFromInt(x), nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return decimal.Decimal{}, errorP("want a number, got %v", x)
		}
		return decimal.NewFromFloat(x), nil
	}
	return decimal.Decimal{}, errorP("want a number, got %s", describe(raw))
}

func describe(raw any) string {
	switch x := raw.(type) {
	case nil:
		return "null"
	case string:
		return strconv.Quote(x)
	case bool:
		return "a boolean"
	case json.Number, float64, int, int64, decimal.Decimal:
		return fmt.Sprintf("the number %v", x)
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", raw)
}

func (f *Fact) enumNames() []string {
	out := make([]string, len(f.Values))
	for i, v := range f.Values {
		out[i] = v.Name
	}
	return out
}

func (f *Fact) enumList() string { return strings.Join(f.enumNames(), ", ") }

// parseDefault reads a fact's YAML default as its type.
func (f *Fact) parseDefault(raw string, tag string) (Value, error) {
	switch f.Type {
	case FactBool:
		if tag != "!!bool" {
			msg := P("default must be true or false")
			return Value{}, &ValueError{Fact: f.Name, Message: msg.Render("en"), msg: msg}
		}
		return f.Parse(raw == "true")
	case FactInt, FactNumber, FactMoney:
		if raw == "undeterminable" {
			return f.Parse(raw)
		}
		return f.Parse(json.Number(raw))
	}
	return f.Parse(raw)
}
