package discretion

import (
	"testing"

	"github.com/jizhun/jizhun/catalog"
)

// formula_of_resolved_once_at_compile: what a formula counts — a fact, the
// number of a list fact's values, or a counter of the history — is
// resolved when the engine is compiled, for the grade's fine and the
// persons' alike; Decide reads the slot, it does not look the name up.
func TestFormulaOfResolvedAtCompile(t *testing.T) {
	cat, err := catalog.Load("formula.yaml", []byte(`id: formula-of
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
      kinds: {type: enum_list, label: 废物种类, values: {a: 甲类, b: 乙类, c: 丙类}}
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
          fine:
            formula: {base: 10000, per: 1000, of: len(kinds), rounding: down}
          persons_fine:
            formula: {base: 2000, per: 500, of: tonnes, step: 10, rounding: up}
        - id: again
          label: 再次
          when: "penalized_2y >= 1"
          fine:
            formula: {base: 20000, per: 10000, of: penalized_2y, above: 1, rounding: down, max: 100000}
`))
	if err != nil {
		t.Fatal(err)
	}
	e, err := Compile(cat)
	if err != nil {
		t.Fatal(err)
	}
	ir := e.items["F1"]
	grades := ir.versions[0].grades
	type want struct {
		slot    int
		label   string
		counter int
		isLen   bool
	}
	check := func(gr *gradeRules, f *catalog.FineFormula, w want) {
		t.Helper()
		ref := gr.formula(f)
		if ref.slot != w.slot || ref.fact == nil || ref.fact.Label != w.label || ref.counter != w.counter || ref.isLen != w.isLen {
			t.Errorf("grade %s formula of %s: slot %d, fact %v, counter %d, len %v; want %+v", gr.g.ID, f.Of, ref.slot, ref.fact, ref.counter, ref.isLen, w)
		}
	}
	check(grades[0], grades[0].g.Fine.Formula, want{ir.factSlot["kinds"], "废物种类", -1, true})
	check(grades[0], grades[0].g.PersonsFine.Formula, want{ir.factSlot["tonnes"], "倾倒数量", -1, false})
	check(grades[1], grades[1].g.Fine.Formula, want{ir.counters[0].slot, "两年内因同一违法行为受过行政处罚的次数", 0, false})
}
