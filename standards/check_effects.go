package standards

import (
	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// effectChecks checks the effects of circumstances as the standard
// publishes them (catalog.FactorApply; the engine applies them in
// discretion/effects.go):
//
//   - a factor that moves a case by grades reads "one grade" as the next
//     row, in the order written, of the same statutory range: the rows
//     must then run from the lightest to the heaviest, or a move up
//     lowers the fine (standards_tier_order, error);
//   - a percentage that takes a grade's range beyond the statutory
//     maximum, or below the statutory minimum, is kept at the bound by the
//     engine and the decision flagged: the standard promises a fine the
//     law does not allow (standards_effect_outside_statute, warning).
func (ck *checker) effectChecks(vc *chkVersion) {
	var movers, percents []*catalog.Factor
	for _, fs := range [][]*catalog.Factor{ck.cat.Factors, vc.b.Factors} {
		for _, f := range fs {
			if f.Apply == nil || (f.Effect != catalog.EffectHeavier && f.Effect != catalog.EffectLighter) {
				continue
			}
			if f.Apply.Grades > 0 {
				movers = append(movers, f)
			}
			if f.Apply.Percent != nil && f.Apply.Percent.Sign() > 0 {
				percents = append(percents, f)
			}
		}
	}
	fine := chkFineOf(vc.ver)
	if fine == nil || fine.Amount == nil || (len(movers) == 0 && len(percents) == 0) {
		return
	}
	scheme := ck.cat.SchemeFor(vc.b)
	grades := vc.b.Grades
	for _, pr := range chkPartyRules(fine.Amount) {
		var party any = ""
		if pr.party != "" {
			party = messagesZh.P(" for %s (%s)", pr.party.Label(), string(pr.party))
		}
		shares := make([]chkShare, len(grades))
		rules := make([]bool, len(grades))
		for i, g := range grades {
			if rule, ok := chkRangeRule(fine, g.Range, pr.party); ok {
				shares[i], rules[i] = chkGradeShare(rule, g, pr.party, scheme), true
			}
		}
		if len(movers) > 0 {
			ck.gradeMoveOrder(vc, movers[0], shares, pr, party)
		}
		for _, f := range percents {
			for i, g := range grades {
				if !rules[i] {
					continue
				}
				rule, _ := chkRangeRule(fine, g.Range, pr.party)
				ck.percentBeyondStatute(vc, f, g, shares[i], rule, party)
			}
		}
	}
}

// gradeMoveOrder reports a row, in the order written, whose fine is lower
// than the row before it in the same statutory range: a move of one grade
// up from that row would lower the fine.
func (ck *checker) gradeMoveOrder(vc *chkVersion, mover *catalog.Factor, shares []chkShare, pr chkPartyRule, party any) {
	grades := vc.b.Grades
	prev := map[string]int{} // the last row seen with a fine, by statutory range
	for i, g := range grades {
		if shares[i].kind == "" || shares[i].kind == "none" {
			continue
		}
		p, ok := prev[g.Range]
		prev[g.Range] = i
		if !ok || !chkLower(shares[p], shares[i]) {
			continue
		}
		ga := grades[p]
		f := vc.finding(chkFinePos(g), CodeTierOrder, SeverityError, MethodStatic, vc.gradeWitness(ga),
			"factor %s moves a case by grades (%s), and one grade is the next row of the table: grade %s (%s)%s allows %s, below grade %s (%s) before it: %s, so a move up from %s lowers the fine",
			mover.ID, mover.Describe(ck.cat.EffectsOrderFor(vc.b)), g.ID, g.Label, party, chkShareText(shares[i], pr.rule), ga.ID, ga.Label, chkShareText(shares[p], pr.rule), ga.ID)
		f.Related = []Related{relatedRule(chkFinePos(ga), "grade %s", ga.ID), relatedRule(effectPos(mover), "factor %s", mover.ID)}
		f.claim = claimGrade(ga.ID) // the witness is a case at the row moved from
		f.setHint("write the grades of each statutory range from the lightest to the heaviest")
		ck.add(f)
	}
}

// percentBeyondStatute reports a grade whose range a percentage takes
// beyond the statute.
func (ck *checker) percentBeyondStatute(vc *chkVersion, f *catalog.Factor, g *catalog.Grade, s chkShare, rule penalty.Rule, party any) {
	stat := rule.FactorRange()
	if s.kind != "share" || stat.Unbounded {
		return
	}
	d := stat.Max.Sub(stat.Min)
	lo, hi := stat.Min.Add(d.Mul(s.lo)), stat.Min.Add(d.Mul(s.hi))
	scale := f.Scale()
	var what *catalog.Phrase
	switch {
	case f.Effect == catalog.EffectHeavier && hi.Mul(scale).GreaterThan(stat.Max):
		what = messagesZh.P("takes its maximum %s to %s, above the statutory maximum %s", chkNum(hi), chkNum(hi.Mul(scale)), chkNum(stat.Max))
	case f.Effect == catalog.EffectLighter && lo.Mul(scale).LessThan(stat.Min):
		what = messagesZh.P("takes its minimum %s to %s, below the statutory minimum %s, which only 减轻 (arts. 30, 32 of 行政处罚法) may cross", chkNum(lo), chkNum(lo.Mul(scale)), chkNum(stat.Min))
	default:
		return
	}
	fd := vc.finding(effectPos(f), CodeEffect, SeverityWarning, MethodStatic, vc.gradeWitness(g),
		"factor %s (%s) applied to grade %s (%s)%s %s; the fine stops at the statutory bound and the decision is flagged for review",
		f.ID, f.Describe(ck.cat.EffectsOrderFor(vc.b)), g.ID, g.Label, party, what)
	fd.Related = []Related{relatedRule(chkFinePos(g), "grade %s", g.ID)}
	fd.claim = claimGrade(g.ID)
	fd.setHint("state the percentage the standard publishes, and say in the standard that the fine stays within the statute")
	ck.add(fd)
}

// effectPos is where a factor's published effect is written.
func effectPos(f *catalog.Factor) catalog.Pos {
	if f.Apply != nil && f.Apply.Pos.Line != 0 {
		return f.Apply.Pos
	}
	return f.Pos
}

func chkNum(d decimal.Decimal) string { return d.Round(2).String() }
