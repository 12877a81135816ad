package catalog_test

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
)

func TestErrIsNilWithoutDiagnostics(t *testing.T) {
	for name, ds := range map[string]catalog.Diagnostics{"nil": nil, "empty": {}} {
		// Compare as an error interface: a typed nil would be non-nil here.
		var err error = ds.Err()
		if err != nil {
			t.Errorf("%s Diagnostics: Err() = %#v, want a nil error", name, err)
		}
	}
	ds := catalog.Diagnostics{{Code: catalog.CodeSyntax, Message: "x"}}
	err := ds.Err()
	if err == nil {
		t.Fatal("Err() of one diagnostic is nil")
	}
	if _, ok := err.(catalog.Diagnostics); !ok {
		t.Errorf("Err() is %T, want catalog.Diagnostics", err)
	}
}

func TestSortOrdersByPositionThenCodeAndDropsRepeats(t *testing.T) {
	at := func(file string, line, col int) catalog.Pos { return catalog.Pos{File: file, Line: line, Col: col} }
	ds := catalog.Diagnostics{
		{Pos: at("b.yaml", 1, 1), Code: catalog.CodeType, Message: "b1"},
		{Pos: at("a.yaml", 10, 2), Code: catalog.CodeValue, Message: "a10"},
		{Pos: at("a.yaml", 2, 30), Code: catalog.CodeValue, Message: "a2 late"},
		{Pos: at("a.yaml", 2, 5), Code: catalog.CodeValue, Message: "a2 value"},
		{Pos: at("a.yaml", 2, 5), Code: catalog.CodeDate, Message: "a2 date"},
		{Pos: at("a.yaml", 10, 2), Code: catalog.CodeValue, Message: "a10"}, // exact repeat
		{Pos: at("a.yaml", 2, 5), Code: catalog.CodeValue, Message: "a2 value, said differently"},
		{Pos: at("a.yaml", 2, 30), Code: catalog.CodeValue, Message: "a2 late"}, // exact repeat
	}
	ds.Sort()
	var got []string
	for _, d := range ds {
		got = append(got, d.Message)
	}
	want := []string{"a2 date", "a2 value", "a2 value, said differently", "a2 late", "a10", "b1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sorted = %q\nwant     %q", got, want)
	}
}

func TestSortOfNothing(t *testing.T) {
	var ds catalog.Diagnostics
	ds.Sort()
	if len(ds) != 0 {
		t.Errorf("sorting nothing made %v", ds)
	}
}

func TestPosBeforeAndString(t *testing.T) {
	tests := []struct {
		p, q   catalog.Pos
		before bool
	}{
		{catalog.Pos{File: "a", Line: 1, Col: 9}, catalog.Pos{File: "a", Line: 2, Col: 1}, true},
		{catalog.Pos{File: "a", Line: 2, Col: 1}, catalog.Pos{File: "a", Line: 1, Col: 9}, false},
		{catalog.Pos{File: "a", Line: 3, Col: 1}, catalog.Pos{File: "a", Line: 3, Col: 2}, true},
		{catalog.Pos{File: "a", Line: 3, Col: 2}, catalog.Pos{File: "a", Line: 3, Col: 2}, false},
		{catalog.Pos{File: "b", Line: 1, Col: 1}, catalog.Pos{File: "a", Line: 9, Col: 9}, false},
	}
	for _, tt := range tests {
		if got := tt.p.Before(tt.q); got != tt.before {
			t.Errorf("%v.Before(%v) = %v, want %v", tt.p, tt.q, got, tt.before)
		}
	}
	for p, want := range map[catalog.Pos]string{
		{File: "c.yaml", Line: 3, Col: 7}: "c.yaml:3:7",
		{Line: 3, Col: 7}:                 "3:7",
		{File: "c.yaml"}:                  "c.yaml",
		{}:                                "",
	} {
		if got := p.String(); got != want {
			t.Errorf("%#v.String() = %q, want %q", p, got, want)
		}
	}
}

func TestDiagnosticError(t *testing.T) {
	tests := []struct {
		d    catalog.Diagnostic
		want string
	}{
		{catalog.Diagnostic{Pos: catalog.Pos{File: "c.yaml", Line: 3, Col: 1}, Message: `catalog: unknown key "isuer"`, Hint: `did you mean "issuer"?`},
			`c.yaml:3:1: catalog: unknown key "isuer" (did you mean "issuer"?)`},
		{catalog.Diagnostic{Pos: catalog.Pos{File: "c.yaml"}, Message: "no such file"}, "c.yaml: no such file"},
		{catalog.Diagnostic{Message: "bare"}, "bare"},
	}
	for _, tt := range tests {
		if got := tt.d.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
	two := catalog.Diagnostics{&tests[0].d, &tests[1].d}
	if got, want := two.Error(), tests[0].want+"\n"+tests[1].want; got != want {
		t.Errorf("Diagnostics.Error() = %q, want one diagnostic a line: %q", got, want)
	}
}

func TestDiagnosticIsMatchesTemplateFields(t *testing.T) {
	d := &catalog.Diagnostic{Pos: catalog.Pos{File: "c.yaml", Line: 3, Col: 1}, Code: catalog.CodeUnknownField, Message: "m"}
	tests := []struct {
		target error
		want   bool
	}{
		{&catalog.Diagnostic{}, true},
		{&catalog.Diagnostic{Code: catalog.CodeUnknownField}, true},
		{&catalog.Diagnostic{Code: catalog.CodeType}, false},
		{&catalog.Diagnostic{Pos: catalog.Pos{File: "c.yaml", Line: 3, Col: 1}}, true},
		{&catalog.Diagnostic{Pos: catalog.Pos{File: "c.yaml", Line: 4, Col: 1}}, false},
		{&catalog.Diagnostic{Code: catalog.CodeUnknownField, Message: "m"}, true},
		{&catalog.Diagnostic{Code: catalog.CodeUnknownField, Message: "other"}, false},
		{errors.New("m"), false},
	}
	for _, tt := range tests {
		if got := errors.Is(d, tt.target); got != tt.want {
			t.Errorf("errors.Is(%v, %#v) = %v, want %v", d, tt.target, got, tt.want)
		}
	}
}

func loadFixture(t *testing.T, name string) error {
	t.Helper()
	path := "testdata/invalid/" + name
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = catalog.Load(path, data)
	if err == nil {
		t.Fatalf("%s loaded without error", path)
	}
	return err
}

func TestErrorsIsFindsCodesInLoadErrors(t *testing.T) {
	err := loadFixture(t, "unknown_key.yaml")
	if !errors.Is(err, &catalog.Diagnostic{Code: catalog.CodeUnknownField}) {
		t.Errorf("errors.Is(err, CodeUnknownField) = false for %v", err)
	}
	if !errors.Is(err, &catalog.Diagnostic{Code: catalog.CodeMissing}) {
		t.Errorf("errors.Is(err, CodeMissing) = false for %v", err)
	}
	if errors.Is(err, &catalog.Diagnostic{Code: catalog.CodeExprType}) {
		t.Errorf("errors.Is(err, CodeExprType) = true for %v", err)
	}
	wrapped := fmt.Errorf("loading: %w", err)
	if !errors.Is(wrapped, &catalog.Diagnostic{Code: catalog.CodeUnknownField, Pos: catalog.Pos{File: "testdata/invalid/unknown_key.yaml", Line: 3, Col: 1}}) {
		t.Errorf("errors.Is through a wrapper with code and position = false for %v", wrapped)
	}
}

func TestErrorsAsFindsDiagnostics(t *testing.T) {
	err := fmt.Errorf("loading: %w", loadFixture(t, "many_problems_structure.yaml"))
	var ds catalog.Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("errors.As(err, *Diagnostics) = false for %T", err)
	}
	if len(ds) < 6 {
		t.Errorf("got %d diagnostics, want every problem of the file", len(ds))
	}
	var d *catalog.Diagnostic
	if !errors.As(err, &d) || d != ds[0] {
		t.Errorf("errors.As(err, **Diagnostic) = %v, want the first diagnostic %v", d, ds[0])
	}
	got, ok := catalog.AsDiagnostics(err)
	if !ok || len(got) != len(ds) {
		t.Errorf("AsDiagnostics = %d, %v; want all %d", len(got), ok, len(ds))
	}
}

func TestAsDiagnostics(t *testing.T) {
	one := &catalog.Diagnostic{Code: catalog.CodeValue, Message: "x"}
	if ds, ok := catalog.AsDiagnostics(fmt.Errorf("w: %w", one)); !ok || len(ds) != 1 || ds[0] != one {
		t.Errorf("AsDiagnostics(single) = %v, %v", ds, ok)
	}
	if ds, ok := catalog.AsDiagnostics(errors.New("plain")); ok || ds != nil {
		t.Errorf("AsDiagnostics(plain error) = %v, %v; want nil, false", ds, ok)
	}
	if _, ok := catalog.AsDiagnostics(nil); ok {
		t.Error("AsDiagnostics(nil) = ok")
	}
}

func TestAddfReturnsTheDiagnosticAndCaps(t *testing.T) {
	var ds catalog.Diagnostics
	d := ds.Addf(catalog.Pos{Line: 1, Col: 1}, catalog.CodeValue, "n=%d", 1)
	d.Hint = "h"
	if ds[0].Hint != "h" || ds[0].Message != "n=1" {
		t.Errorf("Addf did not return the recorded diagnostic: %+v", ds[0])
	}
	for i := 0; i < 500; i++ {
		ds.Addf(catalog.Pos{Line: i + 2, Col: 1}, catalog.CodeValue, "n=%d", i)
		ds.Add(&catalog.Diagnostic{Code: catalog.CodeType})
	}
	if len(ds) != 200 {
		t.Errorf("after 1001 problems, %d recorded; want the cap of 200", len(ds))
	}
}

func TestLoadCapsDiagnostics(t *testing.T) {
	// A file broken on every line reports a bounded number of problems.
	var b strings.Builder
	b.WriteString("id: x\ntitle: t\nissuer: i\neffective: 2024-01-01\ntier_scheme: midpoint\nitems: []\n")
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&b, "unknown_%d: 1\n", i)
	}
	_, err := catalog.Load("many.yaml", []byte(b.String()))
	ds, ok := catalog.AsDiagnostics(err)
	if !ok || len(ds) != 200 {
		t.Fatalf("got %d diagnostics (ok=%v), want 200", len(ds), ok)
	}
	if ds[0].Pos.Line != 7 || ds[199].Pos.Line != 206 {
		t.Errorf("the cap should keep the first problems in file order, got lines %d…%d", ds[0].Pos.Line, ds[199].Pos.Line)
	}
}

func TestDidYouMean(t *testing.T) {
	keys := []string{"issuer", "title", "effective", "expires", "items"}
	tests := []struct{ given, want string }{
		{"isuer", "issuer"},
		{"issuers", "issuer"},
		{"titel", "title"},
		{"efective", "effective"},
		{"item", "items"},
		{"zzz", ""},
		{"publisher", ""},
	}
	for _, tt := range tests {
		if got := catalog.DidYouMean(tt.given, keys); got != tt.want {
			t.Errorf("DidYouMean(%q) = %q, want %q", tt.given, got, tt.want)
		}
	}
	if got := catalog.DidYouMean("严重", []string{"严", "轻微"}); got != "严" {
		t.Errorf("DidYouMean counts runes, not bytes: got %q", got)
	}
}

// twoWords renders itself in each language, as a case error of the engine
// does when a check's message carries it.
type twoWords struct{ en, zh string }

func (w twoWords) Render(lang string) string {
	if catalog.IsEnglish(lang) {
		return w.en
	}
	return w.zh
}

func TestPhraseRendersLocalizerArgumentsInItsLanguage(t *testing.T) {
	m := catalog.Messages{"the engine %s": "引擎%s"}
	p := m.P("the engine %s", twoWords{"failed", "未能作出决定"})
	if got := p.Render("zh"); got != "引擎未能作出决定" {
		t.Errorf("zh: %q", got)
	}
	if got := p.Render("en"); got != "the engine failed" {
		t.Errorf("en: %q", got)
	}
	err := m.Errorf("the engine %s", twoWords{"failed", "未能作出决定"})
	if got := err.Error(); got != "the engine failed" {
		t.Errorf("Error() = %q, want English", got)
	}
	if got := catalog.ErrorPhrase(err).Render("zh"); got != "引擎未能作出决定" {
		t.Errorf("ErrorPhrase(err) in Chinese = %q", got)
	}
}
