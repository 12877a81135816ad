package discretion_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// Adjustment (tier schemes; 从轻 and 从重 together): the tier scheme splits the grade's range
// (a table row) or re-splits the statutory range (a tier grade); 减轻 goes
// below the statutory minimum only with a mitigating ground; nothing goes
// above the statutory maximum. adjust.yaml: statutory [1000, 11000]; ROWS
// has rows low [1000, 3000] (lighter), mid [3000, 7000], high [7000, 11000]
// (heavier); TIERS has tier grades.

type grounds struct{ lighter, mitigating, heavier bool }

func adjustCase(item, level string, g grounds) *discretion.Case {
	return orgCase(item, map[string]any{"level": level, "lighter_ground": g.lighter,
		"mitigating_ground": g.mitigating, "heavier_ground": g.heavier})
}

func TestAdjust_tier_schemes(t *testing.T) {
	none, lighter, heavier := grounds{}, grounds{lighter: true}, grounds{heavier: true}
	tests := []struct {
		name     string
		scheme   string
		item     string
		level    string
		g        grounds
		outcome  discretion.Outcome
		min, max string
	}{
		// Explicit rows: split within the row.
		{"midpoint_row_without_ground_is_whole_row", "midpoint", "ROWS", "mid", none, discretion.General, "3000", "7000"},
		{"midpoint_row_lighter_is_lower_half_excluding_midpoint", "midpoint", "ROWS", "mid", lighter, discretion.Lighter, "3000", "4999"},
		{"midpoint_row_heavier_is_upper_half_from_midpoint", "midpoint", "ROWS", "mid", heavier, discretion.Heavier, "5000", "7000"},
		{"lower_upper_30_row_lighter_is_lower_30_percent_of_row", "lower_upper_30", "ROWS", "mid", lighter, discretion.Lighter, "3000", "4200"},
		{"lower_upper_30_row_heavier_is_upper_30_percent_of_row", "lower_upper_30", "ROWS", "mid", heavier, discretion.Heavier, "5800", "7000"},
		{"lower_upper_30_row_without_ground_is_whole_row", "lower_upper_30", "ROWS", "mid", none, discretion.General, "3000", "7000"},
		// A row whose tier is lighter or heavier is that tier's range already.
		{"lighter_row_without_ground_is_whole_row", "midpoint", "ROWS", "low", none, discretion.Lighter, "1000", "3000"},
		{"heavier_row_without_ground_is_whole_row", "midpoint", "ROWS", "high", none, discretion.Heavier, "7000", "11000"},
		{"lighter_row_with_lighter_ground_is_its_lower_half", "midpoint", "ROWS", "low", lighter, discretion.Lighter, "1000", "1999"},
		{"heavier_row_with_lighter_ground_is_its_lower_half", "midpoint", "ROWS", "high", lighter, discretion.Lighter, "7000", "8999"},
		// Tier grades: the statutory range is re-split.
		{"midpoint_tier_general_is_the_midpoint", "midpoint", "TIERS", "mid", none, discretion.General, "6000", "6000"},
		{"midpoint_tier_general_lighter_resplits_statute", "midpoint", "TIERS", "mid", lighter, discretion.Lighter, "1000", "5999"},
		{"midpoint_tier_general_heavier_resplits_statute", "midpoint", "TIERS", "mid", heavier, discretion.Heavier, "6000", "11000"},
		{"midpoint_tier_lighter_grade", "midpoint", "TIERS", "low", none, discretion.Lighter, "1000", "5999"},
		{"midpoint_tier_heavier_grade", "midpoint", "TIERS", "high", none, discretion.Heavier, "6000", "11000"},
		{"lower_upper_30_tier_general_excludes_both_cut_points", "lower_upper_30", "TIERS", "mid", none, discretion.General, "4001", "7999"},
		{"lower_upper_30_tier_lighter_resplits_statute", "lower_upper_30", "TIERS", "mid", lighter, discretion.Lighter, "1000", "4000"},
		{"lower_upper_30_tier_heavier_resplits_statute", "lower_upper_30", "TIERS", "mid", heavier, discretion.Heavier, "8000", "11000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := engineFile(t, "adjust.yaml", "tier_scheme: midpoint", "tier_scheme: "+tt.scheme)
			d := decide(t, e, adjustCase(tt.item, tt.level, tt.g))
			wantOutcome(t, d, tt.outcome, "")
			wantFine(t, d, tt.min, tt.max)
		})
	}
}

func TestAdjust_mitigation(t *testing.T) {
	t.Run("mitigate_goes_below_statutory_minimum", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml")
		for _, item := range []string{"ROWS", "TIERS"} {
			d := decide(t, e, adjustCase(item, "high", grounds{mitigating: true}))
			wantOutcome(t, d, discretion.Mitigated, "")
			wantFine(t, d, "1", "999")
			if d.Discretionary {
				t.Error("art. 32 mitigation is mandatory")
			}
		}
	})
	// 减轻 is still a fine: its lowest amount is the smallest one above zero
	// on the rounding grid, never zero, which is 不予处罚 and needs an
	// art. 33 ground.
	t.Run("mitigated_never_zero", func(t *testing.T) {
		for _, tt := range []struct{ unit, min, max string }{
			{"1", "1", "999"}, {"0.01", "0.01", "999.99"}, {"100", "100", "900"},
		} {
			e := engineFile(t, "adjust.yaml", "tier_scheme: midpoint", "tier_scheme: midpoint\nrounding: {unit: "+tt.unit+"}")
			for _, item := range []string{"ROWS", "TIERS"} {
				d := decide(t, e, adjustCase(item, "mid", grounds{mitigating: true}))
				wantOutcome(t, d, discretion.Mitigated, "")
				wantFine(t, d, tt.min, tt.max)
			}
		}
		// A floor of 0 written out is the same as none.
		e := engineFile(t, "adjust.yaml", "mixed_factors: lighter", "mixed_factors: lighter\n  mitigation_floor: 0")
		d := decide(t, e, adjustCase("ROWS", "mid", grounds{mitigating: true}))
		wantFine(t, d, "1", "999")
	})
	// Without a floor the clamp cites the ground alone: no empty citation
	// joined to it ("第三十二条；").
	t.Run("mitigation_without_floor_cites_the_ground_only", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml")
		d := decide(t, e, adjustCase("ROWS", "mid", grounds{mitigating: true}))
		if c := step(t, d, "clamp", "mitigate").Citation; c == "" || strings.HasSuffix(c, "；") || strings.Contains(c, "；；") {
			t.Errorf("clamp step citation %q", c)
		}
	})
	t.Run("mitigated_at_grid_minimum_stays_at_minimum_flagged", func(t *testing.T) {
		// Statutory minimum 1000 on a grid of 1000 yuan: nothing above zero
		// lies below it.
		e := engineFile(t, "adjust.yaml", "tier_scheme: midpoint", "tier_scheme: midpoint\nrounding: {unit: 1000}")
		d := decide(t, e, adjustCase("ROWS", "mid", grounds{mitigating: true}))
		wantOutcome(t, d, discretion.Mitigated, "")
		wantFine(t, d, "1000", "1000")
		if !hasFlag(d, discretion.FlagMitigatedAtMinimum) {
			t.Errorf("flags = %v, want %s", d.Flags, discretion.FlagMitigatedAtMinimum)
		}
	})
	t.Run("mitigation_floor_cites_its_rule", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml", "mixed_factors: lighter", "mixed_factors: lighter\n  mitigation_floor: 0.5\n  mitigation_floor_citation: {instrument: 测试减轻规则, article: 3}")
		d := decide(t, e, adjustCase("ROWS", "mid", grounds{mitigating: true}))
		wantFine(t, d, "500", "999")
		if s := step(t, d, "clamp", "mitigate"); !strings.Contains(s.Citation, "《测试减轻规则》第三条") {
			t.Errorf("clamp step citation %q lacks the floor's rule", s.Citation)
		}
	})
	t.Run("mitigation_floor_is_a_share_of_the_minimum", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml", "mixed_factors: lighter", "mixed_factors: lighter\n  mitigation_floor: 0.5")
		d := decide(t, e, adjustCase("ROWS", "mid", grounds{mitigating: true}))
		wantFine(t, d, "500", "999")
	})
	t.Run("mitigate_wins_over_lighter_and_heavier", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml")
		d := decide(t, e, adjustCase("ROWS", "mid", grounds{lighter: true, mitigating: true, heavier: true}))
		wantOutcome(t, d, discretion.Mitigated, "")
	})
	t.Run("lighter_never_goes_below_statutory_minimum", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml")
		for _, item := range []string{"ROWS", "TIERS"} {
			d := decide(t, e, adjustCase(item, "low", grounds{lighter: true}))
			wantOutcome(t, d, discretion.Lighter, "")
			if d.Fine.Min.IntPart() < 1000 {
				t.Errorf("%s: lighter fine %s below the statutory minimum", item, d.Fine.Min)
			}
		}
	})
	t.Run("max_only_range_mitigated_is_no_fine_and_flagged", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml")
		d := decide(t, e, adjustCase("MAXONLY", "mid", grounds{mitigating: true}))
		// No fine and no other sanction: nothing is imposed (see TestNothingImposed).
		wantOutcome(t, d, discretion.OrderOnly, "")
		wantNoFine(t, d)
		if !hasFlag(d, discretion.FlagMitigatedNoMinimum) {
			t.Errorf("flags = %v, want %s", d.Flags, discretion.FlagMitigatedNoMinimum)
		}
		// The ground is art. 32 (四) for an adult organization: the trace must
		// not cite art. 30 (minors) for it.
		if traceMentions(d, "第三十条") {
			t.Errorf("an adult's mitigation cites art. 30\n%s", d.TraceText())
		}
		if c := step(t, d, "clamp", "mitigate").Citation; !strings.Contains(c, "第三十二条第（四）项") {
			t.Errorf("clamp step cites %q, want the mitigating ground", c)
		}
	})
}

func TestAdjust_mixed_lighter_and_heavier(t *testing.T) {
	both := grounds{lighter: true, heavier: true}
	t.Run("policy_lighter_lighter_prevails", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml")
		d := decide(t, e, adjustCase("ROWS", "mid", both))
		wantOutcome(t, d, discretion.Lighter, "")
		wantFine(t, d, "3000", "4999")
		if d.Discretionary {
			t.Error("the lighter outcome rests on a mandatory ground (应当从轻)")
		}
	})
	t.Run("policy_general_grounds_cancel", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml", "mixed_factors: lighter", "mixed_factors: general")
		for level, want := range map[string]discretion.Outcome{"low": discretion.Lighter, "mid": discretion.General, "high": discretion.Heavier} {
			d := decide(t, e, adjustCase("ROWS", level, both))
			wantOutcome(t, d, want, "")
		}
		d := decide(t, e, adjustCase("ROWS", "mid", both))
		wantFine(t, d, "3000", "7000")
	})
	t.Run("heavier_alone_is_discretionary", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml")
		d := decide(t, e, adjustCase("ROWS", "mid", grounds{heavier: true}))
		if !d.Discretionary {
			t.Error("a heavier outcome on an optional (可以) ground is discretionary")
		}
	})
	t.Run("no_ground_is_not_discretionary", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml")
		if d := decide(t, e, adjustCase("ROWS", "mid", grounds{})); d.Discretionary {
			t.Error("discretionary without any ground")
		}
	})
}

// Whatever the grounds, the scheme and the grade, the fine stays inside the
// statutory range, except below it for mitigated.
func TestAdjust_fine_stays_within_statute(t *testing.T) {
	for _, scheme := range []string{"midpoint", "lower_upper_30", "max_only_40_60"} {
		for _, mixed := range []string{"lighter", "general"} {
			e := engineFile(t, "adjust.yaml", "tier_scheme: midpoint", "tier_scheme: "+scheme, "mixed_factors: lighter", "mixed_factors: "+mixed)
			for _, item := range []string{"ROWS", "TIERS", "TOP", "MAXONLY"} {
				for _, level := range []string{"low", "mid", "high"} {
					for mask := 0; mask < 8; mask++ {
						g := grounds{mask&1 != 0, mask&2 != 0, mask&4 != 0}
						name := fmt.Sprintf("%s/%s/%s/%s/%+v", scheme, mixed, item, level, g)
						d, err := e.Decide(t.Context(), adjustCase(item, level, g))
						if err != nil {
							t.Errorf("%s: %v", name, err)
							continue
						}
						if d.Fine == nil {
							if !(item == "MAXONLY" && g.mitigating) {
								t.Errorf("%s: no fine", name)
							}
							continue
						}
						st := d.Statutory
						if d.Fine.Min.GreaterThan(d.Fine.Max) {
							t.Errorf("%s: empty fine [%s, %s]", name, d.Fine.Min, d.Fine.Max)
						}
						if d.Fine.Max.GreaterThan(st.Max) {
							t.Errorf("%s: fine max %s above statutory max %s", name, d.Fine.Max, st.Max)
						}
						if d.Outcome == discretion.Mitigated {
							if !d.Fine.Max.LessThan(st.Min) {
								t.Errorf("%s: mitigated fine max %s not below statutory min %s", name, d.Fine.Max, st.Min)
							}
						} else if d.Fine.Min.LessThan(st.Min) {
							t.Errorf("%s: %s fine min %s below statutory min %s", name, d.Outcome, d.Fine.Min, st.Min)
						}
						if g.mitigating != (d.Outcome == discretion.Mitigated) {
							t.Errorf("%s: outcome %s, mitigating ground %v", name, d.Outcome, g.mitigating)
						}
					}
				}
			}
		}
	}
}

func TestAdjust_top_fine_flag(t *testing.T) {
	e := engineFile(t, "adjust.yaml")
	tests := []struct {
		name  string
		item  string
		level string
		g     grounds
		flag  bool
	}{
		{"general_grade_reaching_statutory_max_is_flagged", "TOP", "mid", grounds{}, true},
		{"heavier_ground_at_statutory_max_is_not_flagged", "TOP", "mid", grounds{heavier: true}, false},
		{"lighter_part_below_max_is_not_flagged", "TOP", "mid", grounds{lighter: true}, false},
		{"heavier_grade_at_statutory_max_is_not_flagged", "ROWS", "high", grounds{}, false},
		{"grade_below_max_is_not_flagged", "ROWS", "mid", grounds{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decide(t, e, adjustCase(tt.item, tt.level, tt.g))
			if got := hasFlag(d, discretion.FlagTopFine); got != tt.flag {
				t.Errorf("flag %s = %v, want %v (fine [%s, %s])", discretion.FlagTopFine, got, tt.flag, d.Fine.Min, d.Fine.Max)
			}
		})
	}
}

func TestAdjust_trace_records_grounds_with_citations(t *testing.T) {
	e := engineFile(t, "adjust.yaml")
	d := decide(t, e, adjustCase("ROWS", "mid", grounds{lighter: true}))
	s := step(t, d, "factor", "factor:eliminated_harm")
	if !s.Result || s.Citation != "《中华人民共和国行政处罚法》第三十二条第（一）项" || factValue(t, s, "lighter_ground") != "true" {
		t.Errorf("factor step = %+v", s)
	}
	if a := step(t, d, "adjust", "lighter"); a.Citation != s.Citation {
		t.Errorf("adjust step cites %q, want %q", a.Citation, s.Citation)
	}
	// Every factor is recorded, including those that did not apply.
	if s := step(t, d, "factor", "factor:repeat"); s.Result {
		t.Errorf("repeat factor = %+v", s)
	}
}
