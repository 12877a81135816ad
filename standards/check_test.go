package standards_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/standards"
)

// chkCheck loads, compiles and checks a catalog.
func chkCheck(t *testing.T, name string, data []byte, opts standards.Options) (*standards.Report, *discretion.Engine) {
	t.Helper()
	cat, err := catalog.Load(name, data)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	eng, err := discretion.Compile(cat)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return chkConfirmed(t, eng, opts), eng
}

// chkConfirmed checks a catalog; every witness the checks found must be
// one the engine confirmed (check_confirm.go).
func chkConfirmed(t *testing.T, eng *discretion.Engine, opts standards.Options) *standards.Report {
	t.Helper()
	r, unconfirmed, err := standards.CheckConfirmed(context.Background(), eng, opts)
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	for _, u := range unconfirmed {
		t.Errorf("witness not confirmed by the engine: %s", u)
	}
	return r
}

func chkCheckFile(t *testing.T, path string) (*standards.Report, *discretion.Engine) {
	t.Helper()
	cat, err := catalog.LoadFile(path)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	eng, err := discretion.Compile(cat)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	return chkConfirmed(t, eng, standards.Options{}), eng
}

// chkDecide decides a witness the way `jizhun decide --case` would: from
// its JSON. A witness must always be a valid case.
func chkDecide(t *testing.T, eng *discretion.Engine, w *discretion.Case) (*discretion.Decision, error) {
	t.Helper()
	js := chkJSON(t, w)
	c, err := discretion.ParseCase(bytes.NewReader(js))
	if err != nil {
		t.Fatalf("witness is not valid Case JSON: %v\n%s", err, js)
	}
	d, err := eng.Decide(context.Background(), c)
	if errors.Is(err, &discretion.CaseError{}) {
		t.Fatalf("witness is not a valid case: %v\n%s", err, js)
	}
	return d, err
}

// chkJSON is a witness's Case JSON.
func chkJSON(t *testing.T, w *discretion.Case) []byte {
	t.Helper()
	js, err := w.JSON()
	if err != nil {
		t.Fatalf("witness has no Case JSON: %v", err)
	}
	return js
}

// TestCheckExamples: the example catalogs have no defects, and every
// witness the checks give is a valid case.
func TestCheckExamples(t *testing.T) {
	paths, _ := filepath.Glob("../examples/*/catalog.yaml")
	if len(paths) == 0 {
		t.Fatal("no example catalogs")
	}
	for _, path := range paths {
		t.Run(filepath.Base(filepath.Dir(path)), func(t *testing.T) {
			r, eng := chkCheckFile(t, path)
			for _, f := range r.Findings {
				t.Logf("%s: %s: %s: %s", f.Pos, f.Severity, f.Code, f.Message)
				if f.Witness != nil {
					chkDecide(t, eng, f.Witness)
				}
			}
			if r.Errors() > 0 {
				var b strings.Builder
				r.WriteText(&b)
				t.Errorf("%d errors in an example catalog:\n%s", r.Errors(), b.String())
			}
			for _, c := range r.Coverage {
				if c.Method != standards.MethodInterval {
					t.Errorf("item %s: %s (%s); the examples should need no generated cases", c.Item, c.Method, c.Note)
				}
			}
		})
	}
}

// TestCheckDeterministic: equal catalogs give equal reports.
func TestCheckDeterministic(t *testing.T) {
	a, _ := chkCheckFile(t, "testdata/broken/catalog.yaml")
	b, _ := chkCheckFile(t, "testdata/broken/catalog.yaml")
	ja, _ := a.JSON()
	jb, _ := b.JSON()
	if !bytes.Equal(ja, jb) {
		t.Error("two checks of one catalog differ")
	}
	var back map[string]any
	if err := json.Unmarshal(ja, &back); err != nil {
		t.Fatal(err)
	}
	f := back["findings"].([]any)[0].(map[string]any)
	for _, k := range []string{"pos", "code", "message", "severity", "method"} {
		if _, ok := f[k]; !ok {
			t.Errorf("finding JSON lacks %q: %v", k, f)
		}
	}
}

// TestCheckCompileError: a condition that does not compile is an error
// with its position, not a finding: the engine Check needs does not
// compile.
func TestCheckCompileError(t *testing.T) {
	cat, err := catalog.Load("bad.yaml", []byte(chkCatalog(`
    facts:
      x: {type: int, label: 数, min: 0, max: 10, required: true}
    sanctions: [{type: warning, mandatory: true}]
    benchmark:
      grades:
        - {id: a, label: 甲, when: "y > 1"}
`)))
	if err != nil {
		t.Fatal(err)
	}
	_, err = discretion.Compile(cat)
	ds, ok := catalog.AsDiagnostics(err)
	if !ok || len(ds) != 1 || ds[0].Code != catalog.CodeExprUnknown || !ds[0].Pos.IsValid() {
		t.Fatalf("want one positioned catalog_expr_unknown, got %v", err)
	}
}

// chkCatalog wraps one item's body in a catalog.
func chkCatalog(item string) string {
	return `id: t
title: 测试裁量基准
issuer: 测试
effective: 2026-01-01
tier_scheme: midpoint
facts:
  harm: {type: enum, label: 危害后果, values: {none: 无, minor: 轻微, serious: 严重}, required: true}
  corrected_in_time: {type: bool, label: 及时改正, required: true}
items:
  - code: T1
    name: 测试事项
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2}
` + strings.TrimPrefix(item, "\n")
}

// chkCodes lists the codes of a report's findings.
func chkCodes(r *standards.Report) []string {
	var out []string
	for _, f := range r.Findings {
		out = append(out, f.Code+"@"+string(f.Severity))
	}
	return out
}
