package fuzz_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/standards"
)

// FuzzLoad feeds arbitrary bytes to the loader, the compiler and the
// consistency checks. None may panic or hang, and every failure must be a
// catalog.Diagnostics. Seeds: testdata/fuzz/FuzzLoad and the catalogs of
// the repository.
func FuzzLoad(f *testing.F) {
	// The engine's test catalogs exercise every construct of the format
	// (ranges, counters, lists, formulas, effects, 双罚, constraints), so
	// that mutations start from each.
	for _, pattern := range []string{"../examples/*/catalog.yaml", "../standards/testdata/broken/catalog.yaml", "testdata/*.yaml", "testdata/*/catalog.yaml", "../discretion/testdata/*.yaml"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, err := catalog.Load("fuzz.yaml", data)
		if err != nil {
			mustDiagnostics(t, "Load", err)
			return
		}
		eng, err := discretion.Compile(cat)
		if err != nil {
			mustDiagnostics(t, "Compile", err)
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		report, err := standards.Check(ctx, eng, standards.Options{Samples: 256, MaxRegions: 2000})
		if err != nil {
			t.Fatalf("Check failed on a catalog that compiles: %v", err)
		}
		for _, fd := range report.Findings {
			if !fd.Pos.IsValid() {
				t.Errorf("finding without a position: %s", fd.Message)
			}
			if fd.Witness != nil {
				decideWitness(t, eng, fd.Witness)
			}
		}
		// The first item with an empty case: a decision or a typed error.
		if len(cat.Items) > 0 {
			c := &discretion.Case{Item: cat.Items[0].Code, Party: discretion.Party{Type: catalog.Organization},
				ActDate: "2026-03-01", DiscoveryDate: "2026-03-01", DecisionDate: "2026-03-02", Facts: map[string]any{}}
			decideTyped(t, eng, c)
		}
	})
}

// decideWitness decides a witness case from its JSON, as `jizhun decide`
// would: it must parse, and deciding it must not panic.
func decideWitness(t *testing.T, eng *discretion.Engine, w *discretion.Case) {
	t.Helper()
	js, err := w.JSON()
	if err != nil {
		t.Fatalf("a witness has no Case JSON: %v", err)
	}
	c, err := discretion.ParseCase(bytes.NewReader(js))
	if err != nil {
		t.Fatalf("a witness is not valid Case JSON: %v\n%s", err, js)
	}
	decideTyped(t, eng, c)
}

// FuzzDecide feeds arbitrary case JSON to Decide against the starter
// catalog. Parsing and deciding may fail only with a *CaseError, a
// *GapError or an *AmbiguousGradeError; a decision must serialise and keep its fine within the
// statute.
func FuzzDecide(f *testing.F) {
	cat, err := catalog.LoadFile("../examples/starter/catalog.yaml")
	if err != nil {
		f.Fatal(err)
	}
	eng, err := discretion.Compile(cat)
	if err != nil {
		f.Fatal(err)
	}
	paths, _ := filepath.Glob("../examples/starter/cases/*.json")
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := discretion.ParseCase(bytes.NewReader(data))
		if err != nil {
			if !errors.Is(err, &discretion.CaseError{}) {
				t.Fatalf("ParseCase returned an untyped error %T: %v", err, err)
			}
			return
		}
		decideTyped(t, eng, c)
	})
}

// decideTyped decides a case and checks that the result is a decision that
// keeps the statute, or a typed error.
func decideTyped(t *testing.T, eng *discretion.Engine, c *discretion.Case) {
	t.Helper()
	d, err := eng.Decide(context.Background(), c)
	if err != nil {
		var gap *discretion.GapError
		var ambiguous *discretion.AmbiguousGradeError
		if !errors.Is(err, &discretion.CaseError{}) && !errors.As(err, &gap) && !errors.As(err, &ambiguous) {
			t.Fatalf("Decide returned an untyped error %T: %v", err, err)
		}
		return
	}
	if d == nil {
		t.Fatal("Decide returned neither a decision nor an error")
	}
	if _, err := d.JSON(); err != nil {
		t.Fatalf("the decision does not serialise: %v", err)
	}
	if f := d.Fine; f != nil {
		if f.Min.Sign() < 0 || f.Min.GreaterThan(f.Max) {
			t.Fatalf("fine %s–%s is negative or inverted", f.Min, f.Max)
		}
		if s := d.Statutory; s != nil && (f.Max.GreaterThan(s.Max) || f.Min.LessThan(s.Min) && d.Outcome != discretion.Mitigated) {
			t.Fatalf("fine %s–%s leaves the statutory range %s–%s (%s)", f.Min, f.Max, s.Min, s.Max, d.Outcome)
		}
	}
}

func mustDiagnostics(t *testing.T, what string, err error) {
	t.Helper()
	ds, ok := catalog.AsDiagnostics(err)
	if !ok {
		t.Fatalf("%s returned an untyped error %T: %v", what, err, err)
	}
	for _, d := range ds {
		if d.Code == "" || d.Message == "" {
			t.Fatalf("%s returned a diagnostic without code or message: %+v", what, d)
		}
	}
}
