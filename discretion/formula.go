package discretion

import (
	"fmt"
	"math/bits"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// formulaOf is what a formula counts, resolved when the engine is
// compiled: a numeric fact, the number of values of a list fact (len), or
// a counter of the history ("每多一次…").
type formulaOf struct {
	f       *catalog.FineFormula
	slot    int           // the value's slot; -1 where the name is neither (rejected by the loader)
	fact    *catalog.Fact // its declaration: a counter's as the whole number it is
	counter int           // index in itemRules.counters; -1 for a fact
	isLen   bool
}

// formulasOf resolves the formulas of a grade: its fine's, for every party
// it names, and the persons'.
func (ir *itemRules) formulasOf(g *catalog.Grade) []formulaOf {
	var fs []*catalog.FineFormula
	if gf := g.Fine; gf != nil {
		if gf.Formula != nil {
			fs = append(fs, gf.Formula)
		}
		for _, pf := range gf.ByParty {
			if pf.Fine != nil && pf.Fine.Formula != nil {
				fs = append(fs, pf.Fine.Formula)
			}
		}
	}
	if g.PersonsFine != nil && g.PersonsFine.Formula != nil {
		fs = append(fs, g.PersonsFine.Formula)
	}
	var out []formulaOf
	for _, f := range fs {
		name, isLen := f.OfFact()
		ref := formulaOf{f: f, slot: -1, counter: -1, isLen: isLen}
		if slot, ok := ir.factSlot[name]; ok {
			ref.slot, ref.fact = slot, ir.facts[slot-numBuiltinSlots]
		} else if i := slices.IndexFunc(ir.counters, func(cr *counterRule) bool { return cr.c.Name == name }); i >= 0 {
			ref.slot, ref.fact, ref.counter = ir.counters[i].slot, ir.counters[i].c.Fact(), i
		}
		out = append(out, ref)
	}
	return out
}

// formula returns what the grade's formula f counts, as compiled.
func (gr *gradeRules) formula(f *catalog.FineFormula) *formulaOf {
	for i := range gr.formulas {
		if gr.formulas[i].f == f {
			return &gr.formulas[i]
		}
	}
	return &formulaOf{f: f, slot: -1, counter: -1} // not a formula of the grade: counts nothing
}

// formulaAmount computes a grade's fine from its formula (catalog.
// FineFormula) in exact decimals: the value it counts (formulaInput), the
// rounded units above the threshold, the amount, and the amount within the
// formula's own bounds. With record set, it reports a value the case does
// not give and records the computation in the trace.
func (r *run) formulaAmount(gr *gradeRules, f *catalog.FineFormula, record bool) (decimal.Decimal, bool) {
	of, ok := r.formulaInput(gr.formula(f), record, false, gr.g.Label)
	if !ok {
		return decimal.Decimal{}, false
	}
	units := f.Units(of)
	computed := f.Amount(of)
	amount := f.Bound(computed)
	if record {
		r.record(kindGradeFormula, gr.index, true, countValue(partyIndex(r.c.Party.Type)), r.tr.amount(of), r.tr.amount(units), r.tr.amount(computed), r.tr.amount(amount))
	}
	return amount, true
}

// formulaInput is the value a formula counts for the case. ok is false
// where the case does not give it usably; with record set, a case error
// names what is missing and the fine that needs it (the grade's, or with
// persons the fine on the responsible persons at the grade labelled
// grade).
func (r *run) formulaInput(ref *formulaOf, record, persons bool, grade string) (decimal.Decimal, bool) {
	switch {
	case ref.slot < 0:
		return decimal.Decimal{}, false // rejected by the loader
	case ref.counter >= 0:
		if !r.set[ref.slot] {
			if record {
				r.formulaCounterGap(ref.counter, persons, grade)
			}
			return decimal.Decimal{}, false
		}
		return r.vals[ref.slot].Num, true
	}
	fact, v := ref.fact, r.vals[ref.slot]
	switch {
	case !r.set[ref.slot]:
		switch {
		case record && persons:
			r.cerr.add("facts."+fact.Name, "missing: %[1]s (%[2]s) is needed to compute the fine on the responsible persons at grade %[3]s", fact.Label, factKind(fact.Type), grade)
		case record:
			r.cerr.add("facts."+fact.Name, "missing: %[1]s (%[2]s) is needed to compute the fine of grade %[3]s", fact.Label, factKind(fact.Type), grade)
		}
		return decimal.Decimal{}, false
	case v.Undeterminable:
		switch {
		case record && persons:
			r.cerr.add("facts."+fact.Name, "%[1]s is undeterminable, but the fine on the responsible persons at grade %[2]s is computed from it", fact.Label, grade)
		case record:
			r.cerr.add("facts."+fact.Name, "%[1]s is undeterminable, but the fine of grade %[2]s is computed from it", fact.Label, grade)
		}
		return decimal.Decimal{}, false
	}
	if ref.isLen {
		return intDecimal(int64(bits.OnesCount64(v.Set))), true
	}
	return v.Num, true
}

// formulaCounterGap reports the prior that leaves a counter a formula
// counts unknown: it lacks its decision date or outcome.
func (r *run) formulaCounterGap(i int, persons bool, grade string) {
	cr, g := r.ir.counters[i], r.gaps[i]
	whose := messagesZh.P("the fine of grade %s", grade)
	if persons {
		whose = messagesZh.P("the fine on the responsible persons at grade %s", grade)
	}
	field := fmt.Sprintf("history[%d].%s", g.prior, g.field)
	if o := r.c.History[g.prior].Outcome; g.field == "outcome" && o != "" {
		r.cerr.add(field, "%q is not an outcome: %s is computed from %s (%s), which counts the prior decisions that imposed a penalty; give its outcome (no_penalty, order_only, no_fine_possible, mitigated, lighter, general or heavier)",
			o, whose, cr.c.Name, cr.c.Label)
		return
	}
	what := messagesZh.P("its decision date")
	if g.field == "outcome" {
		what = messagesZh.P("its outcome (no_penalty, order_only, no_fine_possible, mitigated, lighter, general or heavier)")
	}
	r.cerr.add(field, "missing: %s is computed from %s (%s), which counts prior violations of item %s: give the prior violation %s",
		whose, cr.c.Name, cr.c.Label, r.c.History[g.prior].Item, what)
}

// formulaNote states a grade's computed fine (kindGradeFormula) in
// Chinese: the value counted, the units above the threshold with the
// standard's rounding, the sum, and the grade's bound where it applied.
// vals: the party type's index, the value counted, the units, the amount
// computed and the amount within the formula's bounds.
func formulaNote(rd *renderer, gr *gradeRules, vals []value) string {
	g := gr.g
	party := partyTypes[int(vals[0])]
	gf := gradeFineFor(g.Fine, party, rd.cat.MapParty(party))
	if gf == nil || gf.Formula == nil {
		return ""
	}
	f := gr.formula(gf.Formula)
	of, units, computed, amount := rd.t.num(vals[1]), rd.t.num(vals[2]), rd.t.num(vals[3]), rd.t.num(vals[4])
	note := fmt.Sprintf("阶次%s的罚款按公式计算：", g.Label) + formulaWords(f.f, f.fact, rd.formulaWindow(f), of, units, computed)
	switch {
	case amount.LessThan(computed):
		note += fmt.Sprintf("，高于该阶次的上限，按%s元计", amount)
	case amount.GreaterThan(computed):
		note += fmt.Sprintf("，低于该阶次的下限，按%s元计", amount)
	}
	return note
}

// formulaWords states a computation: "超标排放量为25立方米，超过0立方米的
// 部分按每10立方米计为3个（不足整数倍的按整数倍计），罚款为基础罚款20000元
// ＋3×5000元＝35000元"; window, where the formula counts a counter, ends it
// (the 说理 drops the value where the sentence before states it, up to the
// first comma).
func formulaWords(f *catalog.FineFormula, fact *catalog.Fact, window string, of, units, computed decimal.Decimal) string {
	what, unit := f.Quantity(fact)
	note := fmt.Sprintf("%s为%s%s", what, of, unit)
	base := ""
	if !f.Base.IsZero() {
		base = fmt.Sprintf("基础罚款%s元＋", f.Base)
	}
	switch {
	case units.IsZero():
		return note + fmt.Sprintf("，超过%s%s的部分不足计数，罚款为基础罚款%s元", f.Above, unit, f.Base) + window
	case f.WholeUnits(fact) && f.Above.IsZero():
		// 逾期天数为40日，罚款为40×50元: the count is the units.
	case f.WholeUnits(fact):
		note += fmt.Sprintf("，超过%s%s的部分为%s%s", f.Above, unit, units, unit)
	default:
		note += fmt.Sprintf("，超过%s%s的部分按每%s%s计为%s个（%s）", f.Above, unit, f.StepOrOne(), unit, units, f.Rounding.Words())
	}
	return note + fmt.Sprintf("，罚款为%s%s×%s元＝%s元", base, units, f.Per, computed) + window
}

// formulaWindow names the window of the counter a formula counts, as a
// rule's step does ("（此前因本违法行为被查处的次数：不限回溯期间，计至…）");
// "" for a fact.
func (rd *renderer) formulaWindow(ref *formulaOf) string {
	if ref.counter < 0 {
		return ""
	}
	cr := rd.ir.counters[ref.counter]
	return rd.counterWindows([]*condition.Var{{Name: cr.c.Name, Slot: cr.slot}})
}

// num unpacks an amount recorded with recorder.amount.
func (t *trace) num(v value) decimal.Decimal {
	d, _ := t.decimalOf(v)
	return d
}
