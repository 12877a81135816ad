package discretion_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// Statutory amounts and grade ranges on the yuan grid (《民法典》第一千二百五十九条:
// 以上/以下 include the bound, 超过/不足 do not).

func TestAmount_fixed_max_only_optional(t *testing.T) {
	e := engineFile(t, "amounts.yaml")
	t.Run("grade_fine_none_imposes_no_fine", func(t *testing.T) {
		d := decide(t, e, orgCase("MAXONLY", map[string]any{"area_m2": json.Number("0.5")}))
		// The fine is the clause's only sanction: nothing is imposed.
		wantOutcome(t, d, discretion.OrderOnly, "")
		wantNoFine(t, d)
		if d.Grade != "tiny" {
			t.Errorf("grade = %s, want tiny", d.Grade)
		}
		ss := steps(d, "grade", "grade:tiny")
		if len(ss) != 2 || !ss[0].Result || ss[1].Result || !strings.Contains(ss[1].Note, "不予罚款") {
			t.Errorf("grade steps = %+v, want the match and then 本阶次不予罚款", ss)
		}
		if n := len(steps(d, "clamp", "")); n != 0 {
			t.Errorf("%d clamp steps for a grade without fine", n)
		}
	})
	t.Run("max_only_statutory_range_starts_at_zero", func(t *testing.T) {
		d := decide(t, e, orgCase("MAXONLY", map[string]any{"area_m2": 20}))
		wantStatutory(t, d, "0", "20000")
	})
}

func TestAmount_grade_bounds_on_the_yuan_grid(t *testing.T) {
	tests := []struct {
		name     string
		unit     string
		area     any
		min, max string
	}{
		{"min_exclusive_2000_to_8000_is_2001_to_8000", "1", 20, "2001", "8000"},
		{"max_exclusive_1000_to_5000_is_1000_to_4999", "1", 60, "1000", "4999"},
		{"min_exclusive_at_unit_0.01_is_2000.01", "0.01", 20, "2000.01", "8000"},
		{"max_exclusive_at_unit_0.01_is_4999.99", "0.01", 60, "1000", "4999.99"},
		{"heavier_row_min_exclusive", "1", 100, "15001", "20000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := engineFile(t, "amounts.yaml", "rounding: {unit: 1}", "rounding: {unit: "+tt.unit+"}")
			d := decide(t, e, orgCase("MAXONLY", map[string]any{"area_m2": tt.area}))
			wantFine(t, d, tt.min, tt.max)
		})
	}
}

func TestAmount_party_split(t *testing.T) {
	tests := []struct {
		name     string
		party    discretion.Party
		ibAs     string
		min, max string
	}{
		{"organization_gets_organization_range", discretion.Party{Type: "organization"}, "individual", "500", "3000"},
		{"individual_gets_individual_range", discretion.Party{Type: "individual", BirthDate: "1980-01-01"}, "individual", "200", "1000"},
		{"individual_business_as_individual", discretion.Party{Type: "individual_business", BirthDate: "1980-01-01"}, "individual", "200", "1000"},
		{"individual_business_as_organization", discretion.Party{Type: "individual_business", BirthDate: "1980-01-01"}, "organization", "500", "3000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := engineFile(t, "amounts.yaml", "individual_business_as: individual", "individual_business_as: "+tt.ibAs)
			c := newCase("PARTY", nil)
			c.Party = tt.party
			d := decide(t, e, c)
			wantStatutory(t, d, tt.min, tt.max)
			wantFine(t, d, tt.min, tt.max)
		})
	}
}

func TestAmount_multiple_of_gains_with_fallback(t *testing.T) {
	e := engineFile(t, "amounts.yaml")
	tests := []struct {
		name     string
		gains    any
		min, max string
		fallback bool
	}{
		{"gains_0_uses_fallback_range", 0, "10000", "50000", true},
		{"gains_9999.99_below_threshold_uses_fallback", json.Number("9999.99"), "10000", "50000", true},
		{"gains_10000_uses_multiple", 10000, "10000", "50000", false},
		{"gains_20000_uses_multiple", 20000, "20000", "100000", false},
		{"gains_12345.67_multiple_rounded_inward", json.Number("12345.67"), "12346", "61728", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decide(t, e, orgCase("GAINS", map[string]any{"illegal_gains": tt.gains}))
			wantStatutory(t, d, tt.min, tt.max)
			wantFine(t, d, tt.min, tt.max)
			if !hasSanction(d, "confiscate_gains") {
				t.Errorf("sanctions %v lack confiscate_gains", d.Sanctions)
			}
			note := step(t, d, "statutory", "amount").Note
			if got := strings.Contains(note, "基数缺失、为零、不足或无法确定"); got != tt.fallback {
				t.Errorf("statutory note %q: fallback mentioned = %v, want %v", note, got, tt.fallback)
			}
			if !tt.fallback && !strings.Contains(note, "倍") {
				t.Errorf("statutory note %q does not state the multiple", note)
			}
		})
	}
}

func TestAmount_grade_in_multiples(t *testing.T) {
	e := engineFile(t, "amounts.yaml")
	tests := []struct {
		name     string
		gains    int
		days     int
		min, max string
	}{
		{"multiple_grade_long_4_to_5_exclusive", 86000, 273, "344001", "430000"},
		{"multiple_grade_short_1_to_2", 86000, 10, "86000", "172000"},
		// gains 6000 < 10000: fallback [10000, 50000]; (2, 4] of 1–5× is the
		// share (0.25, 0.75] → (20000, 40000].
		{"fallback_keeps_grade_position_medium", 6000, 55, "20001", "40000"},
		{"fallback_keeps_grade_position_short", 6000, 10, "10000", "20000"},
		{"fallback_keeps_grade_position_long", 0, 200, "40001", "50000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decide(t, e, orgCase("GAINSGRADED", map[string]any{"illegal_gains": tt.gains, "operating_days": tt.days}))
			wantFine(t, d, tt.min, tt.max)
		})
	}
}

func TestAmount_zero_gains_without_fallback_is_no_fine(t *testing.T) {
	e := engineFile(t, "amounts.yaml")
	d := decide(t, e, orgCase("NOFALLBACK", map[string]any{"illegal_gains": 0}))
	wantNoFine(t, d)
	if !hasSanction(d, "confiscate_gains") {
		t.Errorf("sanctions %v: the mandatory confiscation stays", d.Sanctions)
	}
	if s := step(t, d, "statutory", "amount"); s.Result {
		t.Errorf("statutory step = %+v, want result false", s)
	}
	// With gains the multiple applies.
	d = decide(t, e, orgCase("NOFALLBACK", map[string]any{"illegal_gains": 100}))
	wantFine(t, d, "100", "300")
}

func TestAmount_undeterminable_base(t *testing.T) {
	e := engineFile(t, "amounts.yaml")
	t.Run("with_fallback_uses_it", func(t *testing.T) {
		d := decide(t, e, orgCase("UNDET", map[string]any{"illegal_gains": "undeterminable"}))
		wantStatutory(t, d, "0", "50000")
		wantFine(t, d, "0", "50000")
	})
	t.Run("with_fallback_known_gains_use_multiple", func(t *testing.T) {
		d := decide(t, e, orgCase("UNDET", map[string]any{"illegal_gains": 1000}))
		wantFine(t, d, "1000", "3000")
	})
	t.Run("without_fallback_is_no_fine", func(t *testing.T) {
		d := decide(t, e, orgCase("UNDETNOFB", map[string]any{"illegal_gains": "undeterminable"}))
		wantNoFine(t, d)
		s := step(t, d, "statutory", "amount")
		if s.Result || !strings.Contains(s.Note, "无法确定") {
			t.Errorf("statutory step = %+v", s)
		}
		if d.Outcome == discretion.NoPenalty {
			t.Errorf("outcome no_penalty: the confiscation is still a penalty")
		}
	})
	t.Run("undeterminable_only_where_the_fact_allows_it", func(t *testing.T) {
		c := orgCase("NOFALLBACK", map[string]any{"illegal_gains": "undeterminable"})
		problem(t, caseError(t, e, c), "facts.illegal_gains", "undeterminable")
	})
}

func TestAmount_missing_base_is_a_case_error_naming_the_fact(t *testing.T) {
	e := engineFile(t, "amounts.yaml")
	ce := caseError(t, e, orgCase("BASEOPT", nil))
	problem(t, ce, "facts.unpaid_fee", "缺少", "应缴纳污水处理费", "unpaid_fee")
}

func TestAmount_percent_of_cost(t *testing.T) {
	tests := []struct {
		name, unit, cost, min, max string
	}{
		{"percent_5_to_10_of_460000", "1", "460000", "23000", "46000"},
		// 5 % of 12345.67 is 617.2835, 10 % is 1234.567: rounded inward.
		{"percent_rounded_inward_to_yuan", "1", "12345.67", "618", "1234"},
		{"percent_rounded_inward_to_cent", "0.01", "12345.67", "617.29", "1234.56"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := engineFile(t, "amounts.yaml", "rounding: {unit: 1}", "rounding: {unit: "+tt.unit+"}")
			d := decide(t, e, orgCase("PERCENT", map[string]any{"construction_cost": json.Number(tt.cost)}))
			wantStatutory(t, d, tt.min, tt.max)
			wantFine(t, d, tt.min, tt.max)
		})
	}
}

func TestAmount_cap(t *testing.T) {
	e := engineFile(t, "amounts.yaml")
	d := decide(t, e, orgCase("CAP", map[string]any{"unpaid_fee": 200}))
	wantFine(t, d, "0", "600")
	if strings.Contains(step(t, d, "statutory", "amount").Note, "上限") {
		t.Error("uncapped amount says it was capped")
	}
	d = decide(t, e, orgCase("CAP", map[string]any{"unpaid_fee": 500}))
	wantStatutory(t, d, "0", "1000")
	wantFine(t, d, "0", "1000")
	if !strings.Contains(step(t, d, "statutory", "amount").Note, "受上限限制") {
		t.Error("capped amount does not say so")
	}
}

func TestAmount_rounding_unit_cent_keeps_cents(t *testing.T) {
	e := engineFile(t, "amounts.yaml", "rounding: {unit: 1}", "rounding: {unit: 0.01}")
	d := decide(t, e, orgCase("GAINS", map[string]any{"illegal_gains": json.Number("12345.67")}))
	wantFine(t, d, "12345.67", "61728.35")
}

func TestGapError_when_no_grade_matches(t *testing.T) {
	e := engineFile(t, "amounts.yaml")
	_, err := e.Decide(t.Context(), orgCase("GAP", map[string]any{"size": 15}))
	var gap *discretion.GapError
	if !errors.As(err, &gap) {
		t.Fatalf("err = %v (%T), want *GapError", err, err)
	}
	if errors.Is(err, &discretion.CaseError{}) {
		t.Error("a gap is a catalog defect, not a case error")
	}
	if gap.Item != "GAP" || gap.Version != "v1" || !gap.Pos.IsValid() {
		t.Errorf("gap = %+v", gap)
	}
	if len(gap.Facts) != 1 || gap.Facts[0].Name != "size" || gap.Facts[0].Value.String() != "15" {
		t.Errorf("gap facts = %+v", gap.Facts)
	}
	if !strings.Contains(err.Error(), "size=15") || !strings.Contains(err.Error(), "amounts.yaml:") {
		t.Errorf("message %q lacks the facts or the position", err)
	}
	// Both neighbours of the gap decide.
	for _, size := range []int{9, 20} {
		decide(t, e, orgCase("GAP", map[string]any{"size": size}))
	}
}
