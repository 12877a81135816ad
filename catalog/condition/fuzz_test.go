package condition_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// FuzzCompile feeds arbitrary text to Compile, as a condition at a place in
// a file and as one made by NewCond. Seeds live in
// testdata/fuzz/FuzzCompile. Compile must never panic; a failure must come
// as diagnostics, each with a code, a message and a valid position inside
// the condition; a success must evaluate without panicking and render
// (String) to a condition that compiles back to the same rendering.
func FuzzCompile(f *testing.F) {
	f.Add("area_m2 < 10 && days <= 3")
	f.Add(`harm in ["minor", "serious"] || !corrected`)
	f.Fuzz(func(t *testing.T, src string) {
		scope := testScope()
		inFile := &catalog.Cond{Src: src, Pos: catalog.Pos{File: "fuzz.yaml", Line: 3, Col: 9}}
		checkCompile(t, src, inFile, scope, func(p catalog.Pos) bool {
			return p.File == "fuzz.yaml" && p.Line >= 3 && p.Col >= 1
		})
		lines := strings.Count(src, "\n") + 1
		checkCompile(t, src, catalog.NewCond(src), scope, func(p catalog.Pos) bool {
			return p.Line >= 1 && p.Line <= lines && p.Col >= 1
		})
	})
}

func checkCompile(t *testing.T, src string, c *catalog.Cond, scope *condition.Scope, validPos func(catalog.Pos) bool) {
	t.Helper()
	e, diags := condition.Compile(c, scope)
	if e == nil {
		if len(diags) == 0 {
			t.Fatalf("Compile(%q) returned neither an expression nor a diagnostic", src)
		}
		for _, d := range diags {
			if d == nil || d.Code == "" || d.Message == "" {
				t.Fatalf("Compile(%q): incomplete diagnostic %#v", src, d)
			}
			if !validPos(d.Pos) {
				t.Fatalf("Compile(%q): diagnostic at invalid position %+v: %v", src, d.Pos, d)
			}
			if !strings.HasPrefix(d.Code, "catalog_") {
				t.Fatalf("Compile(%q): unknown code %q", src, d.Code)
			}
		}
		if _, ok := catalog.AsDiagnostics(diags.Err()); !ok {
			t.Fatalf("Compile(%q): diagnostics do not survive as an error", src)
		}
		return
	}
	if len(diags) != 0 {
		t.Fatalf("Compile(%q) returned an expression and diagnostics %v", src, diags)
	}
	for _, vals := range [][]catalog.Value{facts(nil), facts(map[int]catalog.Value{
		slotArea: num("12.5"), slotDays: num("3"), slotGains: num("0"), slotHarm: enum("minor"),
		slotCorrected: boolean(true), slotFoundOn: date("2024-02-29"), slotDivisor: num("0"), slotRepeat: boolean(true),
	})} {
		// EvalStrict agrees with Eval unless it reports a division by zero,
		// which only a condition with division can.
		plain := e.Eval(vals)
		strict, err := e.EvalStrict(vals)
		var dz *condition.DivisionByZero
		switch {
		case err == nil && strict != plain:
			t.Fatalf("%q: EvalStrict = %v, Eval = %v", src, strict, plain)
		case err != nil && (!errors.As(err, &dz) || len(e.Divisions) == 0):
			t.Fatalf("%q: EvalStrict error %v", src, err)
		}
	}
	rendered := condition.String(e.Root)
	again, diags := condition.Compile(catalog.NewCond(rendered), scope)
	if again == nil {
		t.Fatalf("String(Compile(%q)) = %q does not compile: %v", src, rendered, diags)
	}
	if s := condition.String(again.Root); s != rendered {
		t.Fatalf("String is not a fixed point: %q → %q → %q", src, rendered, s)
	}
}
