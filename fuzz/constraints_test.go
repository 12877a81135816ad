package fuzz_test

import (
	"context"
	"testing"

	"github.com/jizhun/jizhun/fuzz"
)

// generated_cases_satisfy_constraints: the properties run over a catalog
// whose grades leave out only impossible combinations, and whose item
// constraint reads the party type. A generated case that violates a
// constraint would be rejected by the engine and reported by totality.
func TestGeneratedCasesSatisfyConstraints(t *testing.T) {
	eng := compile(t, "testdata/constraints.yaml")
	results, err := fuzz.Check(context.Background(), eng, fuzz.Config{Cases: 300})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Failure != nil {
			t.Errorf("%s: %s", r.Property, r.Failure.Report(eng.Catalog().ID, r.Property))
		}
		if r.Property == fuzz.PropTotality && r.Cases < 300 {
			t.Errorf("totality decided %d cases; want 300", r.Cases)
		}
	}
}
