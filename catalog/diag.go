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
type Diagnostic struct {
	Pos     Pos    `json:"pos"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Hint    string `json:"hint,omitempty"`
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
		if i > 0 && *d == *list[i-1] {
			continue
		}
		out = append(out, d)
	}
	*ds = out
}

// Add records a diagnostic made elsewhere.
func (ds *Diagnostics) Add(d *Diagnostic) {
	if len(*ds) < maxDiagnostics {
		*ds = append(*ds, d)
	}
}

// Addf records a problem.
func (ds *Diagnostics) Addf(pos Pos, code, format string, args ...any) *Diagnostic {
	d := &Diagnostic{Pos: pos, Code: code, Message: fmt.Sprintf(format, args...)}
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

// didYouMean returns the candidate closest to given, if it is close enough
// to be a plausible typo.
func didYouMean(given string, candidates []string) string {
	best, bestDist := "", 3
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
