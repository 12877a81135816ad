package fuzz_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/fuzz"
)

// exampleCatalogs are the catalogs under examples/.
func exampleCatalogs(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("../examples/*/catalog.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no example catalogs found (%v)", err)
	}
	return paths
}

func compile(t *testing.T, path string) *discretion.Engine {
	t.Helper()
	cat, err := catalog.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	eng, err := discretion.Compile(cat)
	if err != nil {
		t.Fatal(err)
	}
	return eng
}

// TestExampleProperties runs every property over every example catalog, the
// way a user runs them over their own.
func TestExampleProperties(t *testing.T) {
	cases := 300
	if testing.Short() {
		cases = 50
	}
	for _, path := range exampleCatalogs(t) {
		t.Run(filepath.Base(filepath.Dir(path)), func(t *testing.T) {
			start := time.Now()
			fuzz.Test(t, compile(t, path), fuzz.Config{Cases: cases, OutDir: t.TempDir()})
			t.Logf("%d cases per property in %v", cases, time.Since(start))
		})
	}
}

// TestStressProperties runs the properties over a fixture that exercises
// the engine's rarer paths (every tier scheme, 减轻 with a floor, minors
// mitigated, cancelling factors, versions, caps and fallbacks, per-unit and
// min-only amounts, party splits behind a precondition).
func TestStressProperties(t *testing.T) {
	cases := 300
	if testing.Short() {
		cases = 50
	}
	fuzz.Test(t, compile(t, "testdata/stress/catalog.yaml"), fuzz.Config{Cases: cases, Seed: 3, OutDir: t.TempDir()})
}

// TestEffectsProperties runs the properties over a fixture whose
// circumstances state their effects as published (points, grade moves,
// percentages, in several orders): the fine stays within the statute, and
// an aggravating fact or circumstance never lowers it.
func TestEffectsProperties(t *testing.T) {
	cases := 300
	if testing.Short() {
		cases = 50
	}
	fuzz.Test(t, compile(t, "testdata/effects/catalog.yaml"), fuzz.Config{Cases: cases, Seed: 5, OutDir: t.TempDir()})
}

// TestFormulaProperties runs the properties over grades whose fines are
// computed from the case by formulas: the fine stays within the statute,
// more pollution never lowers it, and one engine decides each case alike.
func TestFormulaProperties(t *testing.T) {
	cases := 300
	if testing.Short() {
		cases = 50
	}
	fuzz.Test(t, compile(t, "testdata/formula/catalog.yaml"), fuzz.Config{Cases: cases, Seed: 7, OutDir: t.TempDir()})
}
