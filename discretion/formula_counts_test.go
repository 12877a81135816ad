package discretion_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// formulaCountsCatalog computes fines from a counter of the history
// ("每多被处罚一次，增加…") and fines the responsible persons by a formula
// (双罚). The clause and the amounts are the test's own: 测试条例第一条
// "处一万元以上十万元以下罚款，对其直接负责的主管人员处二千元以上一万元
// 以下罚款".
const formulaCountsCatalog = `id: formula-counts
title: 测试目录
issuer: 测试局
effective: 2024-01-01
tier_scheme: midpoint
items:
  - code: "F1"
    name: 测试事项
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 1, text: 处一万元以上十万元以下罚款，对其直接负责的主管人员处二千元以上一万元以下罚款}
    facts:
      tonnes: {type: number, label: 倾倒数量, unit: 吨, min: 0, max: 1000}
    counts:
      - {name: penalized_2y, label: 两年内因同一违法行为受过行政处罚的次数, window: 2y}
    sanctions:
      - type: fine
        mandatory: true
        amount: {min: 10000, max: 100000}
        persons: {label: 直接负责的主管人员, min: 2000, max: 10000}
    benchmark:
      grades:
        - id: first
          label: 初次
          when: "penalized_2y == 0"
          fine: {min: 10000, max: 20000}
          persons_fine:
            formula: {base: 2000, per: 500, of: tonnes, step: 10, rounding: up}
        - id: again
          label: 再次
          when: "penalized_2y >= 1"
          fine:
            formula: {base: 20000, per: 10000, of: penalized_2y, above: 1, rounding: down, max: 100000}
          persons_fine:
            formula: {base: 3000, per: 2000, of: penalized_2y, rounding: down}
`

func priors(n int, decided string) []discretion.Prior {
	var out []discretion.Prior
	for i := 0; i < n; i++ {
		out = append(out, discretion.Prior{Item: "F1", ActDate: "2023-01-10", DecisionDate: discretion.Date(decided), Outcome: "general"})
	}
	return out
}

func TestFormulaOfCounter(t *testing.T) {
	e := engineYAML(t, "formula-counts.yaml", formulaCountsCatalog)
	for _, tc := range []struct {
		name   string
		priors int
		want   string
	}{
		// 再次: 20000 for the second time, 10000 more for each further
		// prior above one.
		{"formula_counter_second_time_base_only", 1, "20000"},
		{"formula_counter_each_further_prior_adds", 3, "40000"},
		{"formula_counter_kept_within_formula_max", 12, "100000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := orgCase("F1", map[string]any{"tonnes": 5})
			c.History = priors(tc.priors, "2023-02-01")
			d := decide(t, e, c)
			if d.Grade != "again" {
				t.Fatalf("grade = %s, want again", d.Grade)
			}
			wantFine(t, d, tc.want, tc.want)
			s := step(t, d, "grade", "grade:again:formula")
			if !strings.Contains(s.Note, "两年内因同一违法行为受过行政处罚的次数为") || !strings.Contains(s.Note, "元（两年内因同一违法行为受过行政处罚的次数：2022-03-01至2024-02-29") {
				t.Errorf("formula step names neither the counter nor its window: %q", s.Note)
			}
			// The 说理 states the count once: the sentence on the grade
			// already gives it.
			if text := strings.Join(d.Reasons(), "\n"); strings.Contains(text, "该阶次的罚款按公式计算：两年内因同一违法行为受过行政处罚的次数为") {
				t.Errorf("说理 states the count again in the grade's computation:\n%s", text)
			}
		})
	}
}

func TestFormulaOfCounterUnknownPrior(t *testing.T) {
	e := engineYAML(t, "formula-counts.yaml", formulaCountsCatalog)
	c := orgCase("F1", map[string]any{"tonnes": 5})
	c.History = []discretion.Prior{{Item: "F1", ActDate: "2023-01-10", Outcome: "general"}}
	ce := caseError(t, e, c)
	problem(t, ce, "history[0].decision_date")
}

func TestPersonsFineFormula(t *testing.T) {
	e := engineYAML(t, "formula-counts.yaml", formulaCountsCatalog)

	t.Run("persons_formula_of_fact", func(t *testing.T) {
		// 25 tonnes: 3 started units of 10 → 2000 + 3×500 = 3500.
		d := decide(t, e, orgCase("F1", map[string]any{"tonnes": 25}))
		pf := d.PersonsFine
		if pf == nil || pf.Min.String() != "3500" || pf.Max.String() != "3500" || pf.Statutory.Max.String() != "10000" {
			t.Fatalf("persons' fine = %+v, want 3500 of 2000–10000\n%s", pf, d.Text())
		}
		s := step(t, d, "persons", "persons:formula")
		if !strings.Contains(s.Note, "罚款为基础罚款2000元＋3×500元＝3500元") {
			t.Errorf("persons step = %q", s.Note)
		}
		if text := strings.Join(d.Reasons(), "\n"); !strings.Contains(text, "对每人罚款3500元；阶次初次对其罚款按公式计算：倾倒数量为25吨") {
			t.Errorf("说理 does not state the persons' computation:\n%s", text)
		}
	})
	// The 说理 states the computation as the trace does, whatever words
	// the catalog gives the persons: a label with 阶次 in it as well.
	t.Run("persons_formula_reasons_state_the_computation_whatever_the_label", func(t *testing.T) {
		src := strings.Replace(formulaCountsCatalog, "label: 直接负责的主管人员", "label: 负责阶次核定的主管人员", 1)
		d := decide(t, engineYAML(t, "formula-counts.yaml", src), orgCase("F1", map[string]any{"tonnes": 25}))
		text := strings.Join(d.Reasons(), "\n")
		if want := "对每人罚款3500元；阶次初次对其罚款按公式计算：倾倒数量为25吨"; !strings.Contains(text, want) {
			t.Errorf("说理 does not say %q:\n%s", want, text)
		}
		if strings.Contains(text, "；阶次核定") {
			t.Errorf("说理 cuts the persons' label:\n%s", text)
		}
	})
	t.Run("persons_formula_of_counter", func(t *testing.T) {
		c := orgCase("F1", map[string]any{"tonnes": 5})
		c.History = priors(2, "2023-02-01")
		d := decide(t, e, c)
		if pf := d.PersonsFine; pf == nil || pf.Min.String() != "7000" {
			t.Fatalf("persons' fine = %+v, want 3000 + 2×2000 = 7000", pf)
		}
	})
	t.Run("persons_formula_clamped_to_statutory_max", func(t *testing.T) {
		// 3000 + 5×2000 = 13000, above the persons' 10000.
		c := orgCase("F1", map[string]any{"tonnes": 5})
		c.History = priors(5, "2023-02-01")
		d := decide(t, e, c)
		if pf := d.PersonsFine; pf == nil || pf.Min.String() != "10000" || pf.Max.String() != "10000" {
			t.Fatalf("persons' fine = %+v, want the statutory maximum 10000", pf)
		}
		s := step(t, d, "persons", "persons:formula")
		if !strings.HasSuffix(s.Note, "，首日计入），高于对其法定罚款幅度的上限，按法定上限10000元计") || !strings.Contains(s.Note, "＝13000元（") {
			t.Errorf("persons step does not state the clamp: %q", s.Note)
		}
	})
	t.Run("persons_formula_fact_missing", func(t *testing.T) {
		ce := caseError(t, e, orgCase("F1", nil))
		problem(t, ce, "facts.tonnes", "倾倒数量", "直接责任人员")
	})
	t.Run("persons_formula_not_for_an_individual", func(t *testing.T) {
		d := decide(t, e, newCase("F1", map[string]any{"tonnes": 25}))
		if d.PersonsFine != nil {
			t.Errorf("an individual has no responsible persons: %+v", d.PersonsFine)
		}
	})
}
