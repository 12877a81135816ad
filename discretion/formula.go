package discretion

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
)

// formulaNote states a grade's computed fine (kindGradeFormula) in
// Chinese: the value counted, the units above the threshold with the
// standard's rounding, the sum, and the grade's bound where it applied.
// vals: the party type's index, the value counted, the units, the amount
// computed and the amount within the formula's bounds.
func formulaNote(rd *renderer, g *catalog.Grade, vals []value) string {
	party := partyTypes[int(vals[0])]
	gf := gradeFineFor(g.Fine, party, rd.cat.MapParty(party))
	if gf == nil || gf.Formula == nil {
		return ""
	}
	f := gf.Formula
	name, _ := f.OfFact()
	var fact *catalog.Fact
	if i, ok := rd.ir.factSlot[name]; ok {
		fact = rd.ir.facts[i-numBuiltinSlots]
	}
	what, unit := f.Quantity(fact)
	of, units, computed, amount := rd.t.num(vals[1]), rd.t.num(vals[2]), rd.t.num(vals[3]), rd.t.num(vals[4])
	note := fmt.Sprintf("阶次%s的罚款按公式计算：%s为%s%s", g.Label, what, of, unit)
	if units.IsZero() {
		note += fmt.Sprintf("，超过%s%s的部分不足计数，罚款为基础罚款%s元", f.Above, unit, f.Base)
	} else {
		note += fmt.Sprintf("，超过%s%s的部分按每%s%s计为%s个（%s），罚款为基础罚款%s元＋%s×%s元＝%s元",
			f.Above, unit, f.StepOrOne(), unit, units, f.Rounding.Words(), f.Base, units, f.Per, computed)
	}
	switch {
	case amount.LessThan(computed):
		note += fmt.Sprintf("，高于该阶次的上限，按%s元计", amount)
	case amount.GreaterThan(computed):
		note += fmt.Sprintf("，低于该阶次的下限，按%s元计", amount)
	}
	return note
}

// num unpacks an amount recorded with recorder.amount.
func (t *trace) num(v value) decimal.Decimal {
	d, _ := t.decimalOf(v)
	return d
}
