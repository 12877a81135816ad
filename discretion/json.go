package discretion

import (
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// The Decision JSON contract, written directly: the fields in the
// contract's order with its names and omissions, indented as
// encoding/json's Indent indents with two spaces (Decision.JSON), or
// compact (MarshalJSON). Writing it directly rather than through
// reflection and a second pass to indent makes it several times cheaper;
// TestJSONWriter compares it with encoding/json.

// jsonWriter appends JSON to b.
type jsonWriter struct {
	b      []byte
	indent bool
	depth  int
}

func (w *jsonWriter) newline() {
	if w.indent {
		w.b = append(w.b, '\n')
		for range w.depth {
			w.b = append(w.b, ' ', ' ')
		}
	}
}

// jsonList is an object or an array being written.
type jsonList struct {
	w     *jsonWriter
	close byte
	empty bool
}

func (w *jsonWriter) open(open, close byte) jsonList {
	w.b = append(w.b, open)
	w.depth++
	return jsonList{w: w, close: close, empty: true}
}

func (w *jsonWriter) object() jsonList { return w.open('{', '}') }
func (w *jsonWriter) array() jsonList  { return w.open('[', ']') }

// next starts the next element of an array.
func (l *jsonList) next() {
	if !l.empty {
		l.w.b = append(l.w.b, ',')
	}
	l.empty = false
	l.w.newline()
}

// key starts the next member of an object.
func (l *jsonList) key(k string) {
	l.next()
	l.w.str(k)
	l.w.b = append(l.w.b, ':')
	if l.w.indent {
		l.w.b = append(l.w.b, ' ')
	}
}

func (l *jsonList) end() {
	l.w.depth--
	if !l.empty {
		l.w.newline()
	}
	l.w.b = append(l.w.b, l.close)
}

func (w *jsonWriter) str(s string) { w.b = appendJSONString(w.b, s) }

func (w *jsonWriter) boolean(v bool) {
	if v {
		w.b = append(w.b, "true"...)
	} else {
		w.b = append(w.b, "false"...)
	}
}

func (w *jsonWriter) decimal(d decimal.Decimal) {
	j, _ := d.MarshalJSON() // never fails; honours decimal.MarshalJSONWithoutQuotes
	w.b = append(w.b, j...)
}

// jsonStrings writes a list of strings; an empty list, nil too, is [].
func jsonStrings[S ~string](w *jsonWriter, list []S) {
	a := w.array()
	for _, s := range list {
		a.next()
		w.str(string(s))
	}
	a.end()
}

func (w *jsonWriter) fine(f *Fine) {
	o := w.object()
	o.key("min")
	w.decimal(f.Min)
	o.key("max")
	w.decimal(f.Max)
	o.end()
}

func (w *jsonWriter) decision(d *Decision) {
	if d == nil {
		w.b = append(w.b, "null"...)
		return
	}
	o := w.object()
	o.key("item")
	w.str(d.Item)
	o.key("item_name")
	w.str(d.ItemName)
	if d.Version != "" {
		o.key("version")
		w.str(d.Version)
	}
	o.key("outcome")
	w.str(string(d.Outcome))
	if d.Reason != "" {
		o.key("reason")
		w.str(string(d.Reason))
	}
	o.key("discretionary")
	w.boolean(d.Discretionary)
	if d.Grade != "" {
		o.key("grade")
		w.str(d.Grade)
	}
	if d.GradeLabel != "" {
		o.key("grade_label")
		w.str(d.GradeLabel)
	}
	if d.Fine != nil {
		o.key("fine")
		w.fine(d.Fine)
	}
	if d.Statutory != nil {
		o.key("statutory_fine")
		w.fine(d.Statutory)
	}
	o.key("sanctions")
	jsonStrings(w, d.Sanctions)
	o.key("orders")
	jsonStrings(w, d.Orders)
	o.key("procedure")
	w.procedure(&d.Procedure)
	if c := d.Commitment; c != nil {
		o.key("commitment")
		p := w.object()
		p.key("deadline")
		w.str(c.Deadline)
		if c.Label != "" {
			p.key("label")
			w.str(c.Label)
		}
		p.key("citation")
		w.str(c.Citation)
		p.key("consequence")
		w.str(c.Consequence)
		p.end()
	}
	if f := d.Offset; f != nil {
		o.key("offset")
		p := w.object()
		p.key("rate")
		w.decimal(f.Rate)
		p.key("per")
		w.str(f.Per)
		p.key("citation")
		w.str(f.Citation)
		p.end()
	}
	if pf := d.PersonsFine; pf != nil {
		o.key("persons_fine")
		w.personsFine(pf)
	}
	if len(d.Flags) > 0 {
		o.key("flags")
		jsonStrings(w, d.Flags)
	}
	o.key("basis")
	jsonStrings(w, d.Basis)
	steps := d.Steps()
	o.key("reasons")
	jsonStrings(w, d.reasonsFrom(steps))
	o.key("trace")
	w.steps(steps)
	o.key("catalog")
	c := w.object()
	c.key("id")
	w.str(d.Catalog.ID)
	if d.Catalog.Version != "" {
		c.key("version")
		w.str(d.Catalog.Version)
	}
	c.key("digest")
	w.str(d.Catalog.Digest)
	c.end()
	if len(d.Candidates) > 0 {
		o.key("candidates")
		a := w.array()
		for _, cand := range d.Candidates {
			a.next()
			w.decision(cand)
		}
		a.end()
	}
	o.end()
}

func (w *jsonWriter) procedure(p *Procedure) {
	o := w.object()
	o.key("simple")
	w.boolean(p.Simple)
	o.key("on_the_spot")
	w.boolean(p.OnTheSpot)
	o.key("hearing")
	w.boolean(p.Hearing)
	o.key("legal_review")
	w.boolean(p.LegalReview)
	o.key("collective_discussion")
	w.boolean(p.CollectiveDiscussion)
	o.end()
}

func (w *jsonWriter) steps(steps []Step) {
	a := w.array() // [] for none, never null
	for i := range steps {
		s := &steps[i]
		a.next()
		o := w.object()
		o.key("step")
		w.str(s.Step)
		if s.Rule != "" {
			o.key("rule")
			w.str(s.Rule)
		}
		if s.Citation != "" {
			o.key("citation")
			w.str(s.Citation)
		}
		if s.Expr != "" {
			o.key("expr")
			w.str(s.Expr)
		}
		if len(s.Facts) > 0 {
			o.key("facts")
			f := w.object()
			for _, fv := range s.Facts {
				f.key(fv.Name)
				w.b = fv.Value.AppendJSON(w.b)
			}
			f.end()
		}
		o.key("result")
		w.boolean(s.Result)
		if s.Note != "" {
			o.key("note")
			w.str(s.Note)
		}
		o.end()
	}
	a.end()
}

// appendJSONString appends s as encoding/json writes a string with HTML
// escaping off: quotes, backslashes and control characters escaped,
// U+2028 and U+2029 escaped, invalid UTF-8 replaced by U+FFFD; all other
// text, Chinese included, as it is.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
