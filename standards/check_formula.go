package standards

import (
	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// formulaBounds finds the grades whose computed fine (catalog.FineFormula)
// can leave a statutory range in yuan for some case within the declared
// bounds of the fact it counts. The engine keeps such an amount within the
// statute, so the published formula and the fine decided would differ:
// the standard should state the formula's min and max.
//
// The amount never falls as the fact grows (per ≥ 0, each rounding is
// monotone), so its extremes are at the fact's declared bounds: the
// declared min (or the threshold, where the fact may lie at or below it)
// and the declared max — for a list, its number of values; without a
// max, no upper bound unless the formula states one.
func (ck *checker) formulaBounds(vc *chkVersion) {
	fine := chkFineOf(vc.ver)
	if fine == nil || fine.Amount == nil {
		return
	}
	facts := ck.cat.FormulaFacts(vc.it)
	for _, g := range vc.b.Grades {
		if pf := g.PersonsFine; pf != nil && pf.Formula != nil && fine.Persons != nil {
			p := fine.Persons
			ck.formulaWithin(vc, g, pf.Formula, facts, penalty.Closed(p.Min, p.Max), p.Pos, true)
		}
		if g.Fine == nil || g.Fine.None {
			continue
		}
		amount := fine.AmountOf(g.Range)
		if amount == nil {
			continue
		}
		for _, pr := range chkPartyRules(amount) {
			gf := g.Fine
			if pr.party != "" {
				gf = g.Fine.For(pr.party)
			}
			if gf == nil || gf.Unit != catalog.UnitFormula || gf.Formula == nil || pr.rule.Kind != penalty.Fixed {
				continue
			}
			ck.formulaWithin(vc, g, gf.Formula, facts, pr.rule.FactorRange(), pr.pos, false)
		}
	}
}

// formulaWithin reports where a formula's amount leaves the statutory
// range stat (the persons' with persons) for some value within the
// declared bounds of what it counts.
func (ck *checker) formulaWithin(vc *chkVersion, g *catalog.Grade, f *catalog.FineFormula, facts catalog.Facts, stat penalty.Range, statPos catalog.Pos, persons bool) {
	name, isLen := f.OfFact()
	fact := facts.Lookup(name)
	if fact == nil {
		return // reported by the loader
	}
	lowOf, highOf, bounded := formulaDomain(f, fact, isLen)
	what, unit := f.Quantity(fact)
	add := func(format string, args ...any) {
		ff := vc.finding(f.Pos, CodeRange, SeverityError, MethodStatic, nil, format, args...)
		ff.claim = claimGrade(g.ID)
		ff.Related = []Related{relatedRule(statPos, "statutory amount")}
		if persons {
			ff.Related = []Related{relatedRule(statPos, "the persons' statutory amount")}
		}
		ff.setHint("state the formula's min and max within the statutory range, as the standard publishes them")
		ck.add(ff)
	}
	low := f.Bound(f.Amount(lowOf))
	if low.LessThan(stat.Min) {
		if persons {
			add("grade %s: the persons' formula gives %s yuan where %s is %s%s, below their statutory minimum %s yuan; the fine decided is the minimum, not what the formula states",
				g.ID, low.String(), what, lowOf.String(), unit, stat.Min.String())
		} else {
			add("grade %s: the formula gives %s yuan where %s is %s%s, below the statutory minimum %s yuan; the fine decided is the minimum, not what the formula states",
				g.ID, low.String(), what, lowOf.String(), unit, stat.Min.String())
		}
	}
	if stat.Unbounded {
		return
	}
	switch {
	case !bounded && f.Max == nil && f.Per.Sign() > 0:
		if persons {
			add("grade %s: the persons' formula grows without bound as %s grows (it has no declared max), above their statutory maximum %s yuan; state the formula's max",
				g.ID, what, stat.Max.String())
		} else {
			add("grade %s: the formula grows without bound as %s grows (the fact has no declared max), above the statutory maximum %s yuan; state the formula's max",
				g.ID, what, stat.Max.String())
		}
	case bounded:
		if high := f.Bound(f.Amount(highOf)); high.GreaterThan(stat.Max) {
			if persons {
				add("grade %s: the persons' formula gives %s yuan where %s is %s%s, above their statutory maximum %s yuan; the fine decided is the maximum, not what the formula states",
					g.ID, high.String(), what, highOf.String(), unit, stat.Max.String())
			} else {
				add("grade %s: the formula gives %s yuan where %s is %s%s, above the statutory maximum %s yuan; the fine decided is the maximum, not what the formula states",
					g.ID, high.String(), what, highOf.String(), unit, stat.Max.String())
			}
		}
	case f.Max != nil && f.Max.GreaterThan(stat.Max):
		// Reported by the loader for a statute in yuan.
		add("grade %s: the formula gives up to %s yuan, above the statutory maximum %s yuan; the fine decided is the maximum, not what the formula states",
			g.ID, f.Max.String(), stat.Max.String())
	}
}

// formulaDomain is the least and greatest value a formula can count
// within the fact's declared bounds; bounded is false where the fact has
// no declared max.
func formulaDomain(f *catalog.FineFormula, fact *catalog.Fact, isLen bool) (low, high decimal.Decimal, bounded bool) {
	if isLen {
		return decimal.Zero, decimal.NewFromInt(int64(len(fact.Values))), true
	}
	low = f.Above // at or below the threshold the amount is the base
	if fact.Min != nil && fact.Min.GreaterThan(f.Above) {
		low = *fact.Min
	}
	if fact.Max == nil {
		return low, decimal.Decimal{}, false
	}
	return low, *fact.Max, true
}
