package discretion_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// Effects of circumstances as published (effects.yaml): a point of the
// grade, a move of grades, a percentage of the grade's range, combined in
// the declared order and kept within the statute [1000, 11000].
func TestEffects_as_published(t *testing.T) {
	tests := []struct {
		name     string
		order    string // effects_order of the benchmark, empty for the default
		level    string
		facts    []string
		outcome  discretion.Outcome
		min, max string
		flag     string // a flag the decision must carry
		note     string // words a step's note must hold
	}{
		{name: "effect_grade_maximum", level: "mid", facts: []string{"at_max"}, outcome: discretion.Heavier, min: "7000", max: "7000", note: "按该阶次罚款幅度的最高限处罚"},
		{name: "effect_grade_minimum", level: "mid", facts: []string{"at_min"}, outcome: discretion.Lighter, min: "3000", max: "3000", note: "最低限"},
		{name: "effect_grade_middle", level: "mid", facts: []string{"at_middle"}, outcome: discretion.Heavier, min: "5000", max: "5000", note: "中间值"},
		{name: "effect_one_grade_up", level: "mid", facts: []string{"up"}, outcome: discretion.Heavier, min: "7000", max: "11000", note: "上调一个裁量阶次"},
		{name: "effect_one_grade_up_clamped_at_top", level: "high", facts: []string{"up"}, outcome: discretion.Heavier, min: "7000", max: "11000", note: "已无可再调整的阶次"},
		{name: "effect_one_grade_down", level: "mid", facts: []string{"down"}, outcome: discretion.Lighter, min: "1000", max: "3000", note: "下调一个裁量阶次"},
		{name: "effect_one_grade_down_clamped_at_bottom", level: "low", facts: []string{"down"}, outcome: discretion.Lighter, min: "1000", max: "3000", note: "已无可再调整的阶次"},
		{name: "effect_percentage_up_20", level: "mid", facts: []string{"pct_up"}, outcome: discretion.Heavier, min: "3600", max: "8400", note: "上浮20%"},
		{name: "effect_percentage_up_20_stops_at_statutory_maximum", level: "high", facts: []string{"pct_up"}, outcome: discretion.Heavier, min: "8400", max: "11000", flag: discretion.FlagEffectClamped},
		{name: "effect_percentage_down_10", level: "mid", facts: []string{"pct_down"}, outcome: discretion.Lighter, min: "2700", max: "6300", note: "下调10%"},
		{name: "percentage_down_never_below_minimum_without_ground", level: "low", facts: []string{"pct_down"}, outcome: discretion.Lighter, min: "1000", max: "2700", flag: discretion.FlagEffectClamped, note: "不得低于法定最低额"},
		// 减轻 (art. 32) goes below the minimum by its own rule: the
		// percentage of a lighter circumstance gives way to it.
		{name: "percentage_down_with_mitigating_ground_is_mitigation", level: "low", facts: []string{"pct_down", "mitigating"}, outcome: discretion.Mitigated, min: "1", max: "999"},
		{name: "effects_combined_in_declared_order", level: "low", facts: []string{"up", "pct_up"}, outcome: discretion.Heavier, min: "3600", max: "8400"},
		{name: "effects_combined_in_declared_order_percent_first", order: "[percent, grade, point]", level: "low", facts: []string{"up", "pct_up"}, outcome: discretion.Heavier, min: "3000", max: "7000"},
		{name: "effects_grade_then_point", level: "low", facts: []string{"up", "at_max"}, outcome: discretion.Heavier, min: "7000", max: "7000"},
		{name: "effects_point_then_grade", order: "[point, grade, percent]", level: "low", facts: []string{"up", "at_max"}, outcome: discretion.Heavier, min: "3000", max: "7000"},
		// A 从重 circumstance without a published effect takes the upper
		// half [5000, 7000]; +20% gives [3600, 8400]; neither weakens the
		// other.
		{name: "published_and_tier_part_joined_to_the_heavier", level: "mid", facts: []string{"pct_up", "plain_heavier"}, outcome: discretion.Heavier, min: "5000", max: "8400", note: "取较重者"},
		{name: "published_and_tier_part_joined_to_the_lighter", level: "mid", facts: []string{"pct_down", "plain_lighter"}, outcome: discretion.Lighter, min: "2700", max: "4999", note: "取较轻者"},
		// policies.mixed_factors: lighter — the 从轻 ground prevails and the
		// 从重 circumstance's move has no effect.
		{name: "heavier_effect_gives_way_to_prevailing_lighter_ground", level: "mid", facts: []string{"up", "plain_lighter"}, outcome: discretion.Lighter, min: "3000", max: "4999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e *discretion.Engine
			if tt.order != "" {
				e = engineFile(t, "effects.yaml", "    benchmark:\n", "    benchmark:\n      effects_order: "+tt.order+"\n")
			} else {
				e = engineFile(t, "effects.yaml")
			}
			facts := map[string]any{"level": tt.level}
			for _, f := range tt.facts {
				facts[f] = true
			}
			d := decide(t, e, orgCase("ROWS", facts))
			wantOutcome(t, d, tt.outcome, "")
			wantFine(t, d, tt.min, tt.max)
			if tt.flag != "" && !hasFlag(d, tt.flag) {
				t.Errorf("flags %v, want %s\n%s", d.Flags, tt.flag, d.Text())
			}
			if tt.flag == "" {
				for _, f := range d.Flags {
					if f == discretion.FlagEffectClamped {
						t.Errorf("flag %s raised where no effect crosses the statute\n%s", f, d.Text())
					}
				}
			}
			if tt.note != "" {
				found := false
				for _, s := range d.Steps() {
					found = found || strings.Contains(s.Note, tt.note)
				}
				if !found {
					t.Errorf("no step states %q\n%s", tt.note, d.Text())
				}
				if !strings.Contains(strings.Join(d.Reasons(), ""), tt.note) {
					t.Errorf("the 说理 does not state %q:\n%s", tt.note, d.Reasons())
				}
			}
		})
	}
}

// Each effect is a step of the trace that cites the clause stating it.
func TestEffects_trace_cites_the_effect(t *testing.T) {
	e := engineFile(t, "effects.yaml")
	d := decide(t, e, orgCase("ROWS", map[string]any{"level": "mid", "at_max": true}))
	s := step(t, d, "clamp", "effect:obstruct:point")
	if !strings.Contains(s.Citation, "测试基准") || !strings.Contains(s.Citation, "第十条第二款") {
		t.Errorf("citation %q, want the clause that states the effect", s.Citation)
	}
	if !strings.Contains(s.Note, "拒不配合调查") || !strings.Contains(s.Note, "3000至7000") {
		t.Errorf("note %q", s.Note)
	}
}

// A grade without a maximum has no maximum or middle to take: the case is
// refused with an error, not decided at a guessed amount.
func TestEffects_point_of_unbounded_grade_is_an_error(t *testing.T) {
	e := engineFile(t, "effects.yaml",
		"sanctions: [{type: fine, mandatory: true, amount: {min: 1000, max: 11000}}]", "sanctions: [{type: fine, mandatory: true, amount: {min: 1000}}]",
		"fine: {min: 7000, max: 11000}", "fine: {min: 7000}")
	_, err := e.Decide(context.Background(), orgCase("ROWS", map[string]any{"level": "high", "at_max": true}))
	if err == nil || !strings.Contains(err.Error(), "没有上限") {
		t.Fatalf("err = %v, want an error that the grade has no maximum", err)
	}
	d := decide(t, e, orgCase("ROWS", map[string]any{"level": "high", "at_min": true}))
	wantFine(t, d, "7000", "7000")
}

// One grade is the next row that fines the party: a row that imposes no
// fine on the party is passed over.
func TestEffects_grade_move_passes_over_rows_without_a_fine_for_the_party(t *testing.T) {
	e := engineFile(t, "effects.yaml",
		"amount: {min: 1000, max: 11000}", "amount: {organization: {min: 1000, max: 11000}, individual: {min: 1000, max: 11000}}",
		"        - {id: high, label: 情节较重,",
		"        - {id: high_person, label: 个人情节较重, when: 'level == \"high\"', fine: {organization: none, individual: {min: 7000, max: 9000}}}\n        - {id: high, label: 情节较重,")
	d := decide(t, e, orgCase("ROWS", map[string]any{"level": "mid", "up": true}))
	wantFine(t, d, "7000", "11000")
	if s := step(t, d, "clamp", "effect:repeat:grade"); !strings.Contains(s.Note, "适用阶次“情节较重”") {
		t.Errorf("note %q, want the row 情节较重", s.Note)
	}
}

// A minor (art. 30, 应当从轻) and a 从轻 circumstance with a published
// percentage: the tier part and the percentage are joined to the lighter.
func TestEffects_minor_and_published_lighter_effect_join_to_the_lighter(t *testing.T) {
	e := engineFile(t, "effects.yaml")
	c := orgCase("ROWS", map[string]any{"level": "mid", "pct_down": true})
	c.Party = discretion.Party{Type: "individual", BirthDate: "2008-06-01"}
	d := decide(t, e, c)
	// Lower half of 3000–7000 is 3000–4999; −10 % is 2700–6300.
	wantOutcome(t, d, discretion.Lighter, "")
	wantFine(t, d, "2700", "4999")
}
