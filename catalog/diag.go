package catalog

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a source file: 1-based line and column, columns
// counted in runes (as yaml.v3 counts them).
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// IsValid reports whether p points somewhere.
func (p Pos) IsValid() bool { return p.Line > 0 }

func (p Pos) String() string {
	switch {
	case !p.IsValid():
		return p.File
	case p.File == "":
		return fmt.Sprintf("%d:%d", p.Line, p.Col)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Before orders positions by file, line and column.
func (p Pos) Before(q Pos) bool {
	if p.File != q.File {
		return p.File < q.File
	}
	if p.Line != q.Line {
		return p.Line < q.Line
	}
	return p.Col < q.Col
}

// Stable diagnostic codes. Tools match on them with errors.Is and a template
// Diagnostic: errors.Is(err, &catalog.Diagnostic{Code: catalog.CodeUnknownField}).
const (
	CodeSyntax        = "catalog_syntax"         // malformed YAML
	CodeUnknownField  = "catalog_unknown_field"  // a key the format does not define
	CodeDuplicateKey  = "catalog_duplicate_key"  // a key given twice in one mapping
	CodeType          = "catalog_type"           // a value of the wrong YAML type
	CodeMissing       = "catalog_missing"        // a required field is absent
	CodeValue         = "catalog_value"          // a value outside what the field allows
	CodeDate          = "catalog_date"           // not a real YYYY-MM-DD date
	CodeDuplicateName = "catalog_duplicate_name" // two items, facts, grades … with one name
	CodeReference     = "catalog_reference"      // a name that refers to nothing
	CodeRange         = "catalog_range"          // a range outside the statute, or inverted
	CodeExprSyntax    = "catalog_expr_syntax"    // a condition that does not parse
	CodeExprType      = "catalog_expr_type"      // a condition that does not type-check
	CodeExprUnknown   = "catalog_expr_unknown"   // a condition that names an undeclared fact
	CodeExprFeature   = "catalog_expr_feature"   // a condition using a construct the engine does not allow
	CodeTooLarge      = "catalog_too_large"      // input beyond the loader's limits
)

// Diagnostic is one problem found in a catalog, with where it is.
//
// Its message and hint are kept as data, a format and its arguments, and
// rendered in the language asked for: Message and Hint hold the Chinese
// rendering unless the catalog was loaded with LoadOptions{Lang: "en"};
// Localize renders them again in another language.
type Diagnostic struct {
	Pos     Pos    `json:"pos"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`

	msg, hint *Phrase
}

// Phrase is a piece of diagnostic text as data: an English format with its
// arguments. Arguments that are themselves phrases are rendered in the
// same language.
type Phrase struct {
	format string
	args   []any
	table  Messages // nil: the catalog's own table
}

// P makes a phrase. The format is the English text; its Chinese
// translation is looked up in the message table by the same format.
func P(format string, args ...any) *Phrase { return &Phrase{format: format, args: args} }

// Messages is a table that translates English formats into Chinese. The
// catalog keeps one for its diagnostics; a package that reports its own
// problems (discretion for cases) keeps another and makes its phrases with
// Messages.P, so that both are rendered by one mechanism. A format that
// is not in a phrase's table is looked up in the catalog's.
type Messages map[string]string

// P makes a phrase whose Chinese is looked up in m.
func (m Messages) P(format string, args ...any) *Phrase {
	return &Phrase{format: format, args: args, table: m}
}

// Errorf makes an error whose text is a phrase of m: its Error is
// English, and a phrase that carries it renders it in the phrase's
// language.
func (m Messages) Errorf(format string, args ...any) error {
	return &phraseError{m.P(format, args...)}
}

// Localizer is a value that renders itself in a language. A phrase renders
// an argument that is one in its own language: an error of a package with
// its own translations, such as a case error of the engine.
type Localizer interface{ Render(lang string) string }

// Translated reports whether format has a Chinese translation in m.
func (m Messages) Translated(format string) (string, bool) {
	zh, ok := m[format]
	return zh, ok
}

// Format returns the phrase's English format, for tests that check that
// every format has its translation.
func (p *Phrase) Format() string { return p.format }

// ErrorPhrase returns the phrase an error carries (the catalog's own
// errors, such as a malformed date or a value that does not fit its
// fact), or the error's text as it is for any other error.
func ErrorPhrase(err error) *Phrase {
	var pe interface{ phrase() *Phrase }
	if errors.As(err, &pe) {
		return pe.phrase()
	}
	return P("%s", err.Error())
}

// Render renders the phrase in lang: "en" for English, anything else for
// Chinese.
func (p *Phrase) Render(lang string) string {
	if p == nil {
		return ""
	}
	format := p.format
	english := isEnglish(lang)
	if !english {
		if zh, ok := p.table[format]; ok {
			format = zh
		} else if zh, ok := messagesZh[format]; ok {
			format = zh
		}
	}
	args := make([]any, len(p.args))
	for i, a := range p.args {
		switch x := a.(type) {
		case *Phrase:
			args[i] = x.Render(lang)
		case interface{ phrase() *Phrase }:
			args[i] = x.phrase().Render(lang)
		case Localizer:
			args[i] = x.Render(lang)
		case error:
			args[i] = ErrorPhrase(x).Render(lang)
		case string:
			args[i] = x
			if w, ok := wordsZh[x]; ok {
				if english {
					args[i] = strings.Trim(x, "<>")
				} else {
					args[i] = w
				}
			}
		default:
			args[i] = a
		}
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

func (p *Phrase) String() string { return p.Render("zh") }

// phraseError is an error whose text is a phrase: its Error is English, as
// errors are for programs, and a diagnostic made from it renders it in the
// diagnostic's language.
type phraseError struct{ p *Phrase }

func (e *phraseError) Error() string   { return e.p.Render("en") }
func (e *phraseError) phrase() *Phrase { return e.p }

// errorP makes a phraseError.
func errorP(format string, args ...any) error { return &phraseError{P(format, args...)} }

// IsEnglish reports whether a language tag or locale ("en",
// "en_US.UTF-8") asks for English; everything else is Chinese.
func IsEnglish(lang string) bool { return isEnglish(lang) }

// isEnglish reports whether a language tag or locale ("en", "en_US.UTF-8")
// asks for English.
func isEnglish(lang string) bool {
	return strings.HasPrefix(strings.ToLower(lang), "en")
}

// Localize returns a copy of d with its message and hint rendered in lang
// ("en" for English, "zh" or "" for Chinese). A diagnostic made without a
// phrase (a plain struct literal) is returned as it is.
func (d *Diagnostic) Localize(lang string) *Diagnostic {
	c := *d
	if d.msg != nil {
		c.Message = d.msg.Render(lang)
	}
	if d.hint != nil {
		c.Hint = d.hint.Render(lang)
	}
	return &c
}

// SetHint sets the hint, a phrase rendered like the message, and returns d.
func (d *Diagnostic) SetHint(format string, args ...any) *Diagnostic {
	d.hint = P(format, args...)
	d.Hint = d.hint.Render("zh")
	return d
}

// NewDiagnostic makes a diagnostic whose message is the phrase of format
// and args, rendered in Chinese until Localize is asked for another
// language.
func NewDiagnostic(pos Pos, code, format string, args ...any) *Diagnostic {
	msg := P(format, args...)
	return &Diagnostic{Pos: pos, Code: code, Message: msg.Render("zh"), msg: msg}
}

func (d *Diagnostic) Error() string {
	var b strings.Builder
	if d.Pos.IsValid() || d.Pos.File != "" {
		b.WriteString(d.Pos.String())
		b.WriteString(": ")
	}
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString(" (")
		b.WriteString(d.Hint)
		b.WriteString(")")
	}
	return b.String()
}

// Is matches a template Diagnostic on its non-empty fields, so that
// errors.Is(err, &Diagnostic{Code: CodeExprType}) finds any type error.
func (d *Diagnostic) Is(target error) bool {
	t, ok := target.(*Diagnostic)
	if !ok {
		return false
	}
	return (t.Code == "" || t.Code == d.Code) &&
		(t.Pos == Pos{} || t.Pos == d.Pos) &&
		(t.Message == "" || t.Message == d.Message)
}

// Diagnostics is every problem found in one load or compile. Use Err to turn
// it into an error; it implements Unwrap() []error so errors.Is and errors.As
// see each Diagnostic.
type Diagnostics []*Diagnostic

// maxDiagnostics caps what one run reports; a file broken everywhere is
// better fixed from the first hundred problems than from ten thousand.
const maxDiagnostics = 200

func (ds Diagnostics) Error() string {
	var b strings.Builder
	for i, d := range ds {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.Error())
	}
	return b.String()
}

// Unwrap exposes the individual diagnostics to errors.Is and errors.As.
func (ds Diagnostics) Unwrap() []error {
	out := make([]error, len(ds))
	for i, d := range ds {
		out[i] = d
	}
	return out
}

// Err returns nil when there are no diagnostics, so that a typed nil never
// escapes as a non-nil error.
func (ds Diagnostics) Err() error {
	if len(ds) == 0 {
		return nil
	}
	return ds
}

// Sort orders diagnostics by position, then code, and drops exact repeats.
func (ds *Diagnostics) Sort() {
	list := *ds
	sort.SliceStable(list, func(i, j int) bool {
		if list[i].Pos != list[j].Pos {
			return list[i].Pos.Before(list[j].Pos)
		}
		return list[i].Code < list[j].Code
	})
	out := list[:0]
	for i, d := range list {
		if i > 0 && sameText(d, list[i-1]) {
			continue
		}
		out = append(out, d)
	}
	*ds = out
}

func sameText(a, b *Diagnostic) bool {
	return a.Pos == b.Pos && a.Code == b.Code && a.Message == b.Message && a.Hint == b.Hint
}

// Localize returns the diagnostics rendered in lang ("en" for English,
// else Chinese); see Diagnostic.Localize.
func (ds Diagnostics) Localize(lang string) Diagnostics {
	out := make(Diagnostics, len(ds))
	for i, d := range ds {
		out[i] = d.Localize(lang)
	}
	return out
}

// Add records a diagnostic made elsewhere.
func (ds *Diagnostics) Add(d *Diagnostic) {
	if len(*ds) < maxDiagnostics {
		*ds = append(*ds, d)
	}
}

// Addf records a problem. The format is English; the message is rendered
// from its translation (see Phrase).
func (ds *Diagnostics) Addf(pos Pos, code, format string, args ...any) *Diagnostic {
	d := NewDiagnostic(pos, code, format, args...)
	if len(*ds) < maxDiagnostics {
		*ds = append(*ds, d)
	}
	return d
}

// AsDiagnostics extracts the diagnostics carried by err, if any.
func AsDiagnostics(err error) (Diagnostics, bool) {
	var ds Diagnostics
	if errors.As(err, &ds) {
		return ds, true
	}
	var d *Diagnostic
	if errors.As(err, &d) {
		return Diagnostics{d}, true
	}
	return nil, false
}

// didYouMean returns the candidate the author most likely meant: one that
// the given name begins, or is a part of, or that begins or is a part of
// the given name (area for area_m2, days for days_overdue), the shortest
// such; else the nearest within two edits, if any.
func didYouMean(given string, candidates []string) string {
	best := ""
	if len(given) >= 3 {
		for _, c := range candidates {
			if c == given || len(c) < 3 {
				continue
			}
			if strings.Contains(c, given) || strings.Contains(given, c) {
				if best == "" || len(c) < len(best) || len(c) == len(best) && c < best {
					best = c
				}
			}
		}
		if best != "" {
			return best
		}
	}
	bestDist := 3
	for _, c := range candidates {
		if d := levenshtein(given, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// DidYouMean is the exported form used by the engine for fact names.
func DidYouMean(given string, candidates []string) string { return didYouMean(given, candidates) }

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
