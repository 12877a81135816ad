package discretion_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// Art. 29: "同一个违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的
// 规定处罚。" When one range dominates the other on both bounds the choice is
// clear; when they cross, the higher maximum is taken and flagged for review
// (an interpretation of art. 29). art29.yaml: A [500, 2000], B [1000, 5000],
// C [100, 8000], D [2000, 9000] only after 逾期不改正.

func art29Case(items ...string) *discretion.Case {
	c := orgCase("", map[string]any{"stalls": 2, "area_m2": 20, "overdue_not_corrected": false})
	c.Items = items
	return c
}

func TestArt29(t *testing.T) {
	e := engineFile(t, "art29.yaml")
	t.Run("art29_dominating_range_applies_without_flag", func(t *testing.T) {
		for _, order := range [][]string{{"A", "B"}, {"B", "A"}} {
			c := art29Case(order...)
			delete(c.Facts, "overdue_not_corrected")
			d := decide(t, e, c)
			if d.Item != "B" {
				t.Fatalf("%v: applied %s, want B\n%s", order, d.Item, d.TraceText())
			}
			wantFine(t, d, "1000", "5000")
			if hasFlag(d, discretion.FlagArt29Crossing) {
				t.Errorf("%v: nested ranges flagged as crossing", order)
			}
		}
	})
	t.Run("art29_crossing_ranges_take_higher_max_and_flag", func(t *testing.T) {
		c := art29Case("B", "C")
		delete(c.Facts, "stalls")
		delete(c.Facts, "overdue_not_corrected")
		d := decide(t, e, c)
		if d.Item != "C" {
			t.Fatalf("applied %s, want C (higher maximum)", d.Item)
		}
		wantFine(t, d, "100", "8000")
		if !hasFlag(d, discretion.FlagArt29Crossing) {
			t.Errorf("flags = %v, want %s", d.Flags, discretion.FlagArt29Crossing)
		}
		if !strings.Contains(step(t, d, "art29", "art29.higher_maximum").Note, "交叉") {
			t.Error("the art29 conclusion does not mention the crossing")
		}
	})
	t.Run("art29_trace_shows_every_candidate", func(t *testing.T) {
		c := art29Case("A", "B")
		delete(c.Facts, "overdue_not_corrected")
		d := decide(t, e, c)
		if len(d.Candidates) != 2 || d.Candidates[0].Item != "A" || d.Candidates[1].Item != "B" {
			t.Fatalf("candidates = %v", d.Candidates)
		}
		for _, code := range []string{"A", "B"} {
			s := step(t, d, "art29", code)
			if s.Result != (code == "B") || !strings.Contains(s.Citation, "第二十九条") {
				t.Errorf("candidate step %s = %+v", code, s)
			}
		}
		if s := step(t, d, "art29", "art29.higher_maximum"); !s.Result || !strings.Contains(s.Note, "B") {
			t.Errorf("conclusion = %+v", s)
		}
		// The applied decision's own trace comes first.
		if d.Steps()[0].Step != "version" {
			t.Errorf("trace starts with %s", d.Steps()[0].Step)
		}
	})
	t.Run("art29_facts_of_one_candidate_are_accepted_for_the_other", func(t *testing.T) {
		c := art29Case("A", "B")
		delete(c.Facts, "overdue_not_corrected")
		decide(t, e, c) // stalls belongs to A only, area_m2 to B only
		// Alone, B rejects A's fact.
		single := art29Case()
		single.Item, single.Items = "B", nil
		delete(single.Facts, "overdue_not_corrected")
		problem(t, caseError(t, e, single), "facts.stalls", "没有声明事实")
	})
	t.Run("art29_fact_of_no_candidate_is_rejected", func(t *testing.T) {
		c := art29Case("A", "B")
		delete(c.Facts, "overdue_not_corrected")
		c.Facts["stals"] = 1
		problem(t, caseError(t, e, c), "facts.stals", `是否应为 "stalls"`)
	})
	t.Run("art29_each_candidate_requires_its_own_facts", func(t *testing.T) {
		c := art29Case("A", "B")
		delete(c.Facts, "area_m2")
		delete(c.Facts, "overdue_not_corrected")
		problem(t, caseError(t, e, c), "facts.area_m2", "缺少", "占用面积")
	})
	t.Run("art29_candidate_without_fine_loses_to_one_with_fine", func(t *testing.T) {
		c := art29Case("D", "A") // D's precondition is unmet
		delete(c.Facts, "area_m2")
		d := decide(t, e, c)
		if d.Item != "A" {
			t.Fatalf("applied %s, want A", d.Item)
		}
		wantFine(t, d, "500", "2000")
		// Candidates are in catalog order: A, then D.
		if d.Candidates[1].Item != "D" || d.Candidates[1].Reason != discretion.ReasonPreconditionUnmet {
			t.Errorf("candidate D = %s %s/%s", d.Candidates[1].Item, d.Candidates[1].Outcome, d.Candidates[1].Reason)
		}
		step(t, d, "art29", "art29.higher_fine")
	})
	t.Run("art29_triggered_higher_provision_applies", func(t *testing.T) {
		c := art29Case("D", "A")
		delete(c.Facts, "area_m2")
		c.Facts["overdue_not_corrected"] = true
		d := decide(t, e, c)
		if d.Item != "D" {
			t.Fatalf("applied %s, want D", d.Item)
		}
	})
	t.Run("art29_unknown_candidate_is_a_case_error", func(t *testing.T) {
		problem(t, caseError(t, e, art29Case("A", "Z")), "items[1]", `"Z" 不是裁量基准目录`)
	})
}

// Art. 29 never depends on the order in which a case lists the provisions:
// the same provisions in every order give the same decision, byte for byte,
// and the trace names the rule that chose.
func TestArt29_order_independent(t *testing.T) {
	e := engineFile(t, "art29.yaml")
	tests := []struct {
		name  string
		items []string
		want  string
		rule  string
		flags []string
	}{
		{"art29_higher_maximum_wins", []string{"A", "B", "C"}, "C", "art29.higher_maximum", []string{discretion.FlagArt29Crossing}},
		{"art29_equal_fines_higher_rank_wins", []string{"B", "E"}, "E", "art29.higher_rank", nil},
		{"art29_deferring_local_regulation_gives_way", []string{"F", "B"}, "B", "art29.defers", nil},
		{"art29_deferring_gives_way_then_rank_decides", []string{"F", "B", "E"}, "E", "art29.higher_rank", nil},
		{"art29_equal_fines_same_rank_special_wins", []string{"H", "G"}, "G", "art29.special", nil},
		{"art29_nothing_to_tell_apart_catalog_order_flagged", []string{"J", "I"}, "I", "art29.catalog_order", []string{discretion.FlagArt29Undecided}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var first string
			for _, order := range permutations(tt.items) {
				c := art29Case(order...)
				c.Facts = map[string]any{}
				for _, code := range order {
					switch code {
					case "A":
						c.Facts["stalls"] = 2
					case "B":
						c.Facts["area_m2"] = 20
					}
				}
				d := decide(t, e, c)
				if d.Item != tt.want {
					t.Fatalf("%v: applied %s, want %s\n%s", order, d.Item, tt.want, d.TraceText())
				}
				if s := steps(d, "art29", tt.rule); len(s) != 1 || !s[0].Result {
					t.Errorf("%v: no concluding step %s\n%s", order, tt.rule, d.TraceText())
				}
				for _, f := range tt.flags {
					if !hasFlag(d, f) {
						t.Errorf("%v: flags = %v, want %s", order, d.Flags, f)
					}
				}
				if tt.flags == nil && len(d.Flags) > 0 && !hasFlag(d, discretion.FlagTopFine) {
					t.Errorf("%v: unexpected flags %v", order, d.Flags)
				}
				js := mustJSON(t, d)
				if first == "" {
					first = js
				} else if js != first {
					t.Errorf("%v: decision differs from the one for %v", order, tt.items)
				}
			}
		})
	}
}

func permutations(xs []string) [][]string {
	if len(xs) <= 1 {
		return [][]string{append([]string(nil), xs...)}
	}
	var out [][]string
	for i := range xs {
		rest := append(append([]string(nil), xs[:i]...), xs[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]string{xs[i]}, p...))
		}
	}
	return out
}
