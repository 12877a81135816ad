package discretion_test

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

func TestConstraints(t *testing.T) {
	e := engineFile(t, "constraints.yaml")
	ctx := context.Background()
	t.Run("case_violating_constraint_is_a_case_error", func(t *testing.T) {
		_, err := e.Decide(ctx, newCase("DUMP", map[string]any{"harm": "none", "injured_persons": 2, "employees": 0}))
		var cerr *discretion.CaseError
		if !errors.As(err, &cerr) {
			t.Fatalf("Decide: %v; want a *CaseError", err)
		}
		fields := map[string]string{}
		for _, p := range cerr.Problems {
			fields[p.Field] = p.Message
		}
		for _, f := range []string{"facts.harm", "facts.injured_persons"} {
			msg, ok := fields[f]
			if !ok {
				t.Fatalf("problems %v name no %s", cerr.Problems, f)
			}
			for _, want := range []string{"未造成危害后果的，不会有人受伤", "危害后果为“未造成危害后果”", "受伤人数为2人"} {
				if !strings.Contains(msg, want) {
					t.Errorf("%s: %q does not say %q", f, msg, want)
				}
			}
		}
		if len(cerr.Problems) != 2 {
			t.Errorf("problems %v; want exactly the two facts of the constraint", cerr.Problems)
		}
	})
	t.Run("every_violated_constraint_reported_at_once", func(t *testing.T) {
		_, err := e.Decide(ctx, newCase("DUMP", map[string]any{"harm": "none", "injured_persons": 1, "employees": 5}))
		var cerr *discretion.CaseError
		if !errors.As(err, &cerr) {
			t.Fatalf("Decide: %v; want a *CaseError", err)
		}
		got := map[string]bool{}
		for _, p := range cerr.Problems {
			got[p.Field] = true
		}
		for _, f := range []string{"facts.harm", "facts.injured_persons", "party.type", "facts.employees"} {
			if !got[f] {
				t.Errorf("problems %v name no %s", cerr.Problems, f)
			}
		}
	})
	t.Run("item_constraint_reads_party_type", func(t *testing.T) {
		d := decide(t, e, orgCase("DUMP", map[string]any{"harm": "minor", "injured_persons": 1, "employees": 5}))
		if d.Grade != "some" {
			t.Errorf("grade %s; want some", d.Grade)
		}
	})
	t.Run("case_satisfying_constraints_decided", func(t *testing.T) {
		d := decide(t, e, newCase("DUMP", map[string]any{"harm": "none", "employees": 0}))
		if d.Grade != "none" {
			t.Errorf("grade %s; want none", d.Grade)
		}
	})
	t.Run("constraint_on_unstated_fact_not_checked", func(t *testing.T) {
		// employees is not stated: the constraint cannot be checked, and
		// no rule needs the fact.
		d := decide(t, e, newCase("DUMP", map[string]any{"harm": "serious", "injured_persons": 3}))
		if d.Grade != "some" {
			t.Errorf("grade %s; want some", d.Grade)
		}
	})
}

func TestConstraintLoadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"constraint_reading_undeclared_fact_is_a_load_error", `holds: harm != "none" || injured_persons == 0`, `holds: harm != "none" || injured == 0`, "injured"},
		{"constraint_not_boolean_is_a_load_error", `holds: harm != "none" || injured_persons == 0`, `holds: injured_persons + 1`, "constraints.yaml:18:12"},
		{"constraint_id_twice_is_a_load_error", `id: employees_organization_only`, `id: no_harm_no_injury`, "no_harm_no_injury"},
		{"constraint_no_case_can_satisfy_is_a_load_error", `holds: harm != "none" || injured_persons == 0`, `holds: injured_persons < 0`, "constraints.yaml:18:12: 约束 no_harm_no_injury"},
		{"constraint_no_enum_value_satisfies_is_a_load_error", `holds: harm != "none" || injured_persons == 0`, `holds: harm not in ["none", "minor", "serious"]`, "在所声明的事实范围内不可能满足"},
		{"constraints_never_satisfied_together_are_a_load_error", `holds: party_type == "organization" || employees == 0`, `holds: harm == "none" && injured_persons > 0`, "不可能同时满足"},
		{"catalog_constraint_no_case_satisfies_reported_once", `holds: harm != "none" || injured_persons == 0`, `holds: injured_persons > 0 && injured_persons < 1`, "constraints.yaml:18:12:"},
		{"constraint_between_bounds_of_an_int_is_a_load_error", `holds: party_type == "organization" || employees == 0`, `holds: employees > 3 && employees < 4`, "employees_organization_only"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(readTestdata(t, "constraints.yaml"), tc.old, tc.new, 1)
			cat, err := catalog.Load("constraints.yaml", []byte(src))
			if err == nil {
				_, err = discretion.Compile(cat)
			}
			if err == nil {
				t.Fatal("loaded and compiled; want an error")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not mention %q", err, tc.want)
			}
			if !strings.Contains(err.Error(), "constraints.yaml:") {
				t.Errorf("error %q is not positioned", err)
			}
			if n := strings.Count(err.Error(), "任何案件都会被"); n > 1 {
				t.Errorf("error %q reports one impossibility %d times", err, n)
			}
		})
	}
}

// Checking constraints costs no allocation: a case that satisfies them is
// decided with the allocations of the same catalog without them.
func TestConstraintsAllocateNothing(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("allocation count")
	}
	src := readTestdata(t, "constraints.yaml")
	with := engineYAML(t, "constraints.yaml", src)
	without := engineYAML(t, "constraints.yaml", constraintBlocks.ReplaceAllString(src, ""))
	if strings.Contains(constraintBlocks.ReplaceAllString(src, ""), "holds:") {
		t.Fatal("the constraints were not all removed")
	}
	ctx := context.Background()
	c := newCase("DUMP", map[string]any{"harm": "minor", "injured_persons": 1, "employees": 0})
	allocs := func(e *discretion.Engine) float64 {
		return testing.AllocsPerRun(500, func() {
			if _, err := e.Decide(ctx, c); err != nil {
				t.Fatal(err)
			}
		})
	}
	if a, b := allocs(with), allocs(without); a > b {
		t.Errorf("Decide makes %.1f allocations with constraints, %.1f without", a, b)
	}
}

// constraintBlocks matches a constraints: list with its entries.
var constraintBlocks = regexp.MustCompile(`(?m)^(?:constraints:\n(?:  .*\n)+|    constraints:\n(?:      .*\n)+)`)

func TestImpossible(t *testing.T) {
	e := engineFile(t, "constraints.yaml")
	for _, tc := range []struct {
		name string
		c    *discretion.Case
		want []string
	}{
		{"possible_case_names_nothing", newCase("DUMP", map[string]any{"harm": "minor", "injured_persons": 1, "employees": 0}), nil},
		{"catalog_and_item_constraints_named", newCase("DUMP", map[string]any{"harm": "none", "injured_persons": 1, "employees": 3}),
			[]string{"no_harm_no_injury", "employees_organization_only"}},
		{"invalid_case_left_to_decide", newCase("DUMP", map[string]any{"harm": "nothing", "injured_persons": 1}), nil},
		{"unknown_item_left_to_decide", newCase("NOPE", nil), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := e.Impossible(tc.c); !slices.Equal(got, tc.want) {
				t.Errorf("Impossible = %v; want %v", got, tc.want)
			}
		})
	}
}

// Satisfiable constraints compile, whatever the values that satisfy them
// lie between; constraints that compare facts with each other are left to
// the consistency checks.
func TestConstraintsSatisfiableCompile(t *testing.T) {
	for _, holds := range []string{
		`employees > 3 && employees < 5`,
		`injured_persons > 2.5 && injured_persons < 3.5`,
		`age >= 200 || party_type == "organization"`,
		`employees <= injured_persons && injured_persons < employees`, // opaque to compiling
		`prior_same_item_1y == 0 || harm != "none"`,
	} {
		t.Run(holds, func(t *testing.T) {
			src := strings.Replace(readTestdata(t, "constraints.yaml"), `holds: party_type == "organization" || employees == 0`, "holds: '"+holds+"'", 1)
			cat, err := catalog.Load("constraints.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := discretion.Compile(cat); err != nil {
				t.Errorf("Compile: %v", err)
			}
		})
	}
}

// BenchmarkDecideConstraints decides a case of a catalog with constraints,
// and of the same catalog without them.
func BenchmarkDecideConstraints(b *testing.B) {
	src := readTestdata(b, "constraints.yaml")
	c := newCase("DUMP", map[string]any{"harm": "minor", "injured_persons": 1, "employees": 0})
	for _, bc := range []struct {
		name string
		e    *discretion.Engine
	}{
		{"with", engineYAML(b, "constraints.yaml", src)},
		{"without", engineYAML(b, "constraints.yaml", constraintBlocks.ReplaceAllString(src, ""))},
	} {
		b.Run(bc.name, func(b *testing.B) {
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bc.e.Decide(ctx, c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
