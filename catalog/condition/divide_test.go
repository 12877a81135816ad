package condition_test

import (
	"errors"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// A division by zero is an error of the evaluation, never a quotient of 0:
// area_m2 / days < 10 says nothing about a case with days 0.
func TestEvalStrict(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		set     map[int]catalog.Value
		want    bool
		divisor string // the divisor reported, "" for no error
		vars    []string
	}{
		{"division_by_zero_is_an_error", "area_m2 / days < 10",
			map[int]catalog.Value{slotArea: num("30"), slotDays: num("0")}, false, "days", []string{"days"}},
		{"division_by_zero_is_an_error_whatever_the_comparison", "area_m2 / days >= 10",
			map[int]catalog.Value{slotArea: num("30"), slotDays: num("0")}, false, "days", []string{"days"}},
		{"division_by_a_zero_difference_names_its_facts", "gains / (area_m2 - days) > 1",
			map[int]catalog.Value{slotGains: num("5"), slotArea: num("3"), slotDays: num("3")}, false, "(area_m2 - days)", []string{"area_m2", "days"}},
		{"division_by_zero_inside_in", "area_m2 / days in 1..5",
			map[int]catalog.Value{slotArea: num("3"), slotDays: num("0")}, false, "days", []string{"days"}},
		{"guarded_division_is_not_evaluated", "days > 0 && area_m2 / days < 10",
			map[int]catalog.Value{slotArea: num("30"), slotDays: num("0")}, false, "", nil},
		{"guarded_division_or", "days == 0 || area_m2 / days < 10",
			map[int]catalog.Value{slotArea: num("30"), slotDays: num("0")}, true, "", nil},
		{"division_by_a_nonzero_value", "area_m2 / days < 10",
			map[int]catalog.Value{slotArea: num("30"), slotDays: num("4")}, true, "", nil},
		{"condition_without_division", "area_m2 < 10",
			map[int]catalog.Value{slotArea: num("3")}, true, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := mustCompile(t, tt.src)
			got, err := e.EvalStrict(facts(tt.set))
			if tt.divisor == "" {
				if err != nil || got != tt.want {
					t.Fatalf("EvalStrict = %v, %v; want %v, nil", got, err, tt.want)
				}
				if e.Eval(facts(tt.set)) != got {
					t.Errorf("Eval and EvalStrict disagree where nothing divides by zero")
				}
				return
			}
			var dz *condition.DivisionByZero
			if !errors.As(err, &dz) {
				t.Fatalf("EvalStrict = %v, %v; want a *DivisionByZero", got, err)
			}
			if got := condition.String(dz.Division.Divisor); got != tt.divisor {
				t.Errorf("divisor %s, want %s", got, tt.divisor)
			}
			var names []string
			for _, v := range dz.Division.Vars {
				names = append(names, v.Name)
			}
			if len(names) != len(tt.vars) {
				t.Fatalf("divisor reads %v, want %v", names, tt.vars)
			}
			for i := range names {
				if names[i] != tt.vars[i] {
					t.Errorf("divisor reads %v, want %v", names, tt.vars)
				}
			}
		})
	}
}

// Deciding a case evaluates every condition strictly. Where nothing divides
// by zero that costs no allocation beyond Eval's (whose decimal division
// allocates), and none at all for a condition without division.
func TestEvalStrictAllocatesNoMoreThanEval(t *testing.T) {
	vals := facts(map[int]catalog.Value{slotArea: num("30"), slotDays: num("4")})
	for _, src := range []string{"area_m2 < 10 && days > 2", "area_m2 / days < 10", "days > 0 && area_m2 / days < 10"} {
		e := mustCompile(t, src)
		strict := testing.AllocsPerRun(200, func() { _, _ = e.EvalStrict(vals) })
		plain := testing.AllocsPerRun(200, func() { _ = e.Eval(vals) })
		if strict > plain || (len(e.Divisions) == 0 && strict > 0) {
			t.Errorf("EvalStrict(%q) allocates %.0f times, Eval %.0f", src, strict, plain)
		}
	}
}
