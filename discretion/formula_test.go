package discretion_test

import (
	"strings"
	"testing"
)

// Computed amounts: a grade's fine is base + per × round((of − above) ÷
// step), computed from the case in exact decimals, with the standard's
// rounding, within the grade's bounds and the statute.
func TestFormulaAmounts(t *testing.T) {
	tests := []struct {
		name      string
		repl      []string // replacements in testdata/formula.yaml
		facts     map[string]any
		wantGrade string
		want      string
	}{
		{"formula_base_plus_per_started_unit", nil, map[string]any{"excess_m3": 25}, "by_volume", "35000"},
		{"formula_base_plus_per_started_unit_whole_units", nil, map[string]any{"excess_m3": 20}, "by_volume", "30000"},
		{"formula_base_plus_per_started_unit_part_of_one", nil, map[string]any{"excess_m3": 0.5}, "by_volume", "25000"},
		{"formula_rounding_half_up", []string{"rounding: up", "rounding: half_up"}, map[string]any{"excess_m3": 25}, "by_volume", "35000"},
		{"formula_rounding_half_up_below_half_rounds_down", []string{"rounding: up", "rounding: half_up"}, map[string]any{"excess_m3": 24.9}, "by_volume", "30000"},
		{"formula_rounding_down_counts_whole_units", []string{"rounding: up", "rounding: down"}, map[string]any{"excess_m3": 29.99}, "by_volume", "30000"},
		{"formula_step_exact_decimal", []string{"step: 10", "step: 0.3"}, map[string]any{"excess_m3": 0.9}, "by_volume", "35000"},
		{"formula_counts_list_values_above_threshold", nil, map[string]any{"excess_m3": 0, "pollutants": []any{"cod", "nh3", "tp"}}, "by_count", "30000"},
		{"formula_count_term_never_negative", nil, map[string]any{"excess_m3": 0, "pollutants": []any{}}, "by_count", "10000"},
		{"formula_at_threshold_base_only", nil, map[string]any{"excess_m3": 0, "pollutants": []any{"ph"}}, "by_count", "10000"},
		{"formula_clamped_to_statute", nil, map[string]any{"excess_m3": 300}, "by_volume", "100000"},
		{"formula_clamped_to_grade_max", []string{"rounding: up}", "rounding: up, max: 60000}"}, map[string]any{"excess_m3": 300}, "by_volume", "60000"},
		{"formula_clamped_to_grade_min", []string{"rounding: up}", "rounding: up, min: 40000}"}, map[string]any{"excess_m3": 5}, "by_volume", "40000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := engineFile(t, "formula.yaml", tt.repl...)
			d := decide(t, e, orgCase("EXCEED", tt.facts))
			if d.Grade != tt.wantGrade {
				t.Fatalf("grade = %s, want %s", d.Grade, tt.wantGrade)
			}
			wantFine(t, d, tt.want, tt.want)
			s := step(t, d, "grade", "grade:"+tt.wantGrade+":formula")
			if !strings.Contains(s.Note, "罚款按公式计算") {
				t.Errorf("formula step = %q", s.Note)
			}
		})
	}
}

func TestFormulaTraceAndReasons(t *testing.T) {
	e := engineFile(t, "formula.yaml")
	d := decide(t, e, orgCase("EXCEED", map[string]any{"excess_m3": 25}))
	s := step(t, d, "grade", "grade:by_volume:formula")
	want := "阶次按超标排放量计的罚款按公式计算：超标排放量为25立方米，超过0立方米的部分按每10立方米计为3个（不足整数倍的按整数倍计），罚款为基础罚款20000元＋3×5000元＝35000元"
	if s.Note != want {
		t.Errorf("trace note\n got %s\nwant %s", s.Note, want)
	}
	text := strings.Join(d.Reasons(), "\n")
	if !strings.Contains(text, "该阶次的罚款按公式计算：超过0立方米的部分按每10立方米计为3个（不足整数倍的按整数倍计），罚款为基础罚款20000元＋3×5000元＝35000元") {
		t.Errorf("说理 does not state the computation:\n%s", text)
	}
	if strings.Contains(text, "计算：超标排放量为25立方米") {
		t.Errorf("说理 states the volume again in the computation:\n%s", text)
	}

	d = decide(t, e, orgCase("EXCEED", map[string]any{"excess_m3": 300}))
	if !traceMentions(d, "＝170000元") {
		t.Errorf("clamped case: the trace does not state the amount computed before the statute")
	}
	if len(steps(d, "adjust", "")) == 0 && !traceMentions(d, "法定") {
		t.Errorf("clamped case: the trace does not state the statute's bound")
	}
}

func TestFormulaClampedToGradeInTrace(t *testing.T) {
	e := engineFile(t, "formula.yaml", "rounding: up}", "rounding: up, max: 60000}")
	d := decide(t, e, orgCase("EXCEED", map[string]any{"excess_m3": 300}))
	s := step(t, d, "grade", "grade:by_volume:formula")
	if !strings.HasSuffix(s.Note, "＝170000元，高于该阶次的上限，按60000元计") {
		t.Errorf("formula step = %q", s.Note)
	}
}

func TestFormulaCaseErrors(t *testing.T) {
	e := engineFile(t, "formula.yaml")
	ce := caseError(t, e, orgCase("EXCEED", map[string]any{"excess_m3": 0}))
	problem(t, ce, "facts.pollutants", "超标因子", "按超标因子计")
}

// One engine decides many cases: the amount of a computed grade is each
// case's own, also where a party-type memo would have kept the first.
func TestFormulaAmountPerCase(t *testing.T) {
	e := engineFile(t, "formula.yaml")
	for _, tc := range []struct {
		excess any
		want   string
	}{{25, "35000"}, {300, "100000"}, {5, "25000"}, {25, "35000"}} {
		d := decide(t, e, orgCase("EXCEED", map[string]any{"excess_m3": tc.excess}))
		wantFine(t, d, tc.want, tc.want)
		d = decide(t, e, newCase("EXCEED", map[string]any{"excess_m3": tc.excess}))
		wantFine(t, d, tc.want, tc.want)
	}
}
