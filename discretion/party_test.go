package discretion_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// A clause may name 个体工商户 in its own right; such a rule applies to them
// ahead of the individual_business_as mapping, which only fills the gap.
func TestPartySplit(t *testing.T) {
	explicit := engineFile(t, "amounts.yaml",
		"          individual: {min: 200, max: 1000}\n",
		"          individual: {min: 200, max: 1000}\n          individual_business: {min: 300, max: 2000}\n",
		"            individual: {share: {min: 0, max: 1}}\n",
		"            individual: {share: {min: 0, max: 1}}\n            individual_business: {share: {min: 0, max: 1}}\n")
	mapped := engineFile(t, "amounts.yaml")
	business := func() *discretion.Case {
		c := newCase("PARTY", nil)
		c.Party.Type = catalog.IndividualBusiness
		return c
	}
	tests := []struct {
		name     string
		e        *discretion.Engine
		min, max string
	}{
		{"individual_business_explicit_rule_wins_over_mapping", explicit, "300", "2000"},
		{"individual_business_without_rule_maps_to_individual", mapped, "200", "1000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decide(t, tt.e, business())
			if d.Fine == nil || d.Fine.Min.String() != tt.min || d.Fine.Max.String() != tt.max {
				t.Fatalf("fine = %+v, want %s–%s", d.Fine, tt.min, tt.max)
			}
		})
	}
}

// encoding/json keeps the last of two equal keys; a case must never be
// decided on a value chosen that silently.
func TestParseCase_duplicate_keys_are_each_reported(t *testing.T) {
	src := `{"item":"A","party":{"type":"individual","type":"organization"},"act_date":"2024-01-01",
	"discovery_date":"2024-01-02","decision_date":"2024-01-03","facts":{"x":1,"y":2,"x":3},
	"history":[{"item":"a","act_date":"2023-01-01"},{"item":"b","item":"c","act_date":"2023-01-01"}]}`
	_, err := discretion.ParseCase(strings.NewReader(src))
	var cerr *discretion.CaseError
	if !errors.As(err, &cerr) {
		t.Fatalf("err = %v, want *CaseError", err)
	}
	want := []string{"party.type", "facts.x", "history[1].item"}
	if len(cerr.Problems) != len(want) {
		t.Fatalf("problems = %+v, want fields %v", cerr.Problems, want)
	}
	for i, f := range want {
		if cerr.Problems[i].Field != f {
			t.Errorf("problem %d field = %q, want %q", i, cerr.Problems[i].Field, f)
		}
	}
	if _, err := discretion.ParseCase(strings.NewReader(`{"item":"A","facts":{"x":{"a":1,"b":2}},"history":[{"item":"a"},{"item":"a"}]}`)); err != nil {
		t.Fatalf("equal keys in different objects are not duplicates: %v", err)
	}
}

// individual_business_as decides which of a clause's parties a 个体工商户 is:
// an item limited to organizations reaches one only when the catalog counts
// individual businesses as organizations.
func TestItemParties_individual_business_follows_mapping(t *testing.T) {
	business := func() *discretion.Case {
		c := newCase("V002", map[string]any{"harm": "minor"})
		c.Party.Type = catalog.IndividualBusiness
		return c
	}
	asIndividual := engineFile(t, "validation.yaml")
	if _, err := asIndividual.Decide(context.Background(), business()); !errors.Is(err, &discretion.CaseError{}) {
		t.Errorf("individual_business counted as individual: err = %v, want a CaseError (item is for organizations)", err)
	}
	asOrg := engineFile(t, "validation.yaml", "tier_scheme: midpoint\n", "tier_scheme: midpoint\nthresholds: {individual_business_as: organization}\n")
	if _, err := asOrg.Decide(context.Background(), business()); err != nil {
		t.Errorf("individual_business counted as organization: %v", err)
	}
}
