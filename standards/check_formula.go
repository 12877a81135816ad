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
	facts := ck.cat.AllFacts(vc.it)
	for _, g := range vc.b.Grades {
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
			f := gf.Formula
			name, isLen := f.OfFact()
			fact := facts.Lookup(name)
			if fact == nil {
				continue // reported by the loader
			}
			lowOf, highOf, bounded := formulaDomain(f, fact, isLen)
			what, unit := f.Quantity(fact)
			stat := pr.rule.FactorRange()
			low := f.Bound(f.Amount(lowOf))
			if low.LessThan(stat.Min) {
				ck.add(formulaFinding(vc, g, gf, pr, "grade %s: the formula gives %s yuan where %s is %s%s, below the statutory minimum %s yuan; the fine decided is the minimum, not what the formula states",
					g.ID, low.String(), what, lowOf.String(), unit, stat.Min.String()))
			}
			if stat.Unbounded {
				continue
			}
			switch {
			case !bounded && f.Max == nil && f.Per.Sign() > 0:
				ck.add(formulaFinding(vc, g, gf, pr, "grade %s: the formula grows without bound as %s grows (the fact has no declared max), above the statutory maximum %s yuan; state the formula's max",
					g.ID, what, stat.Max.String()))
			case bounded:
				if high := f.Bound(f.Amount(highOf)); high.GreaterThan(stat.Max) {
					ck.add(formulaFinding(vc, g, gf, pr, "grade %s: the formula gives %s yuan where %s is %s%s, above the statutory maximum %s yuan; the fine decided is the maximum, not what the formula states",
						g.ID, high.String(), what, highOf.String(), unit, stat.Max.String()))
				}
			case f.Max != nil && f.Max.GreaterThan(stat.Max):
				ck.add(formulaFinding(vc, g, gf, pr, "grade %s: the formula gives up to %s yuan, above the statutory maximum %s yuan; the fine decided is the maximum, not what the formula states",
					g.ID, f.Max.String(), stat.Max.String()))
			}
		}
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

func formulaFinding(vc *chkVersion, g *catalog.Grade, gf *catalog.GradeFine, pr chkPartyRule, format string, args ...any) Finding {
	f := vc.finding(gf.Formula.Pos, CodeRange, SeverityError, MethodStatic, nil, format, args...)
	f.claim = claimGrade(g.ID)
	f.Related = []Related{relatedRule(pr.pos, "statutory amount")}
	f.setHint("state the formula's min and max within the statutory range, as the standard publishes them")
	return f
}
