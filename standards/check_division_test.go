package standards_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/standards"
)

// TestCheckDivision: a condition that divides by a fact whose declared
// domain includes 0 is warned about at the condition; a divisor the
// declared bounds, or a guard the engine evaluates first, keep from 0 is
// not.
func TestCheckDivision(t *testing.T) {
	tests := []struct {
		name  string
		facts string
		when  string
		warn  bool
		names string // what the message must name
	}{
		{name: "division_by_fact_that_may_be_zero",
			facts: `days: {type: int, label: 天数, min: 0, max: 100, required: true}`,
			when:  `area / days < 10`, warn: true, names: "days 天数, declared with min 0"},
		{name: "division_by_fact_without_min",
			facts: `days: {type: number, label: 天数, max: 100, required: true}`,
			when:  `area / days < 10`, warn: true, names: "declared without a min"},
		{name: "division_by_fact_declared_above_zero",
			facts: `days: {type: int, label: 天数, min: 1, max: 100, required: true}`,
			when:  `area / days < 10`},
		{name: "division_guarded_by_the_left_operand",
			facts: `days: {type: int, label: 天数, min: 0, max: 100, required: true}`,
			when:  `days > 0 && area / days < 10`},
		{name: "division_guarded_by_a_failed_alternative",
			facts: `days: {type: int, label: 天数, min: 0, max: 100, required: true}`,
			when:  `days == 0 || area / days < 10`},
		{name: "division_guarded_after_it_is_evaluated",
			facts: `days: {type: int, label: 天数, min: 0, max: 100, required: true}`,
			when:  `area / days < 10 && days > 0`, warn: true, names: "days"},
		{name: "division_by_a_difference_that_may_be_zero",
			facts: `days: {type: int, label: 天数, min: 1, max: 100, required: true}`,
			when:  `area / (days - 1) < 10`, warn: true, names: "include 0"},
		{name: "division_by_a_sum_kept_from_zero",
			facts: `days: {type: int, label: 天数, min: 0, max: 100, required: true}`,
			when:  `area / (days + 1) < 10`},
		{name: "division_by_a_product_with_a_factor_that_may_be_zero",
			facts: `days: {type: int, label: 天数, min: 0, max: 100, required: true}`,
			when:  `area / (2 * days) < 10`, warn: true, names: "days"},
		{name: "division_by_an_engine_count",
			facts: `days: {type: int, label: 天数, min: 1, max: 100, required: true}`,
			when:  `area / prior_same_item < 10`, warn: true, names: "prior_same_item"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := chkCatalog(`    facts:
      area: {type: number, label: 面积, min: 0, max: 1000, required: true}
      ` + tc.facts + `
` + chkFine + `    benchmark:
      grades:
        - {id: a, label: 少, tier: lighter, when: '` + tc.when + `', fine: {tier: lighter}}
        - {id: b, label: 多, tier: heavier, when: '!(` + tc.when + `)', fine: {tier: heavier}}
`)
			r, _ := chkCheck(t, tc.name+".yaml", []byte(src), standards.Options{})
			var b strings.Builder
			r.WriteText(&b)
			var div []standards.Finding
			for _, f := range r.Findings {
				if f.Code == standards.CodeDivision {
					div = append(div, f)
				}
			}
			if !tc.warn {
				if len(div) > 0 {
					t.Fatalf("want no division warning:\n%s", b.String())
				}
				return
			}
			// Both grades divide: one warning at each condition.
			if len(div) != 2 {
				t.Fatalf("%d division findings, want 2 (one per grade):\n%s", len(div), b.String())
			}
			for _, f := range div {
				if f.Severity != standards.SeverityWarning || f.Method != standards.MethodStatic || f.Witness != nil {
					t.Errorf("%s: %s %s witness %v, want a static warning without a witness", f.Pos, f.Severity, f.Method, f.Witness != nil)
				}
				if line := chkLineOf(src, f.Pos.Line); !strings.Contains(line, "when: '") || f.Pos.Col <= 0 || f.Item != "T1" {
					t.Errorf("finding at %s (item %q), want a grade's condition; the line is %q", f.Pos, f.Item, line)
				}
				if !strings.Contains(f.Localize("en").Message, tc.names) || !strings.Contains(f.Message, "而它可能为 0") {
					t.Errorf("message does not name %q: %s", tc.names, f.Message)
				}
			}
		})
	}
}

// chkLineOf is line n (from 1) of a source text.
func chkLineOf(src string, n int) string {
	lines := strings.Split(src, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return lines[n-1]
}
