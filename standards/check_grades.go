package standards

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/penalty"
)

// gradeChecks finds gaps, overlaps and grades that can never be chosen.
func (ck *checker) gradeChecks(vc *chkVersion) {
	grades := vc.b.Grades
	chosen := make([]bool, len(grades))
	for j, g := range grades {
		q := chkQuery{graded: true, lits: vc.takenBy(j)}
		if _, found, _ := vc.find(q); found {
			chosen[j] = true
			continue
		}
		ck.unreachableGrade(vc, j, g)
	}
	ck.gap(vc)
	ck.overlaps(vc, chosen)
}

// unreachableGrade explains why grade j is never chosen.
func (ck *checker) unreachableGrade(vc *chkVersion, j int, g *catalog.Grade) {
	gx := vc.grades[j]
	sev := SeverityError
	if _, ok, m := vc.find(chkQuery{lits: []chkLit{lit(gx, true)}}); !ok {
		if m == MethodGenerated {
			sev = SeverityWarning
		}
		f := vc.finding(g.When.Pos, CodeUnreachable, sev, m, nil,
			"grade %s (%s) can never apply: its condition %s is never true within the declared facts%s",
			g.ID, g.Label, chkSrc(gx), chkNotProven(m, vc))
		ck.add(f)
		return
	}
	if _, ok, m := vc.find(chkQuery{graded: true, lits: []chkLit{lit(gx, true)}}); !ok {
		if m == MethodGenerated {
			sev = SeverityWarning
		}
		// The witness meets the grade's condition and ends before grading.
		w, _, _ := vc.find(chkQuery{lits: []chkLit{lit(gx, true)}})
		f := vc.finding(g.When.Pos, CodeUnreachable, sev, m, w,
			"grade %s (%s) can never apply: its condition holds only for cases that end before grading (light violation, no fault, unmet precondition, under 14)%s",
			g.ID, g.Label, chkNotProven(m, vc))
		f.claim = claimBeforeGrading
		ck.add(f)
		return
	}
	// Shadowed: every case it matches is taken by a grade that wins over
	// it (an earlier one under first match, a heavier one under heaviest).
	var related []Related
	var earlier []string
	var witness *chkPoint
	method := MethodInterval
	sel := vc.ck.cat.SelectionFor(vc.b)
	heaviest := sel == catalog.SelectHeaviest
	for _, i := range vc.sel.beats(j) {
		p, ok, m := vc.find(chkQuery{graded: true, lits: []chkLit{lit(vc.grades[i], true), lit(gx, true)}})
		if m == MethodGenerated {
			method = m
		}
		if ok {
			what := messagesZh.P(" (matched first)")
			switch sel {
			case catalog.SelectHeaviest:
				what = messagesZh.P(" (heavier)")
			case catalog.SelectExclusive:
				what = messagesZh.P(" (also matches)")
			}
			related = append(related, relatedRule(vc.b.Grades[i].When.Pos, "grade %s%s", vc.b.Grades[i].ID, what))
			earlier = append(earlier, vc.b.Grades[i].ID)
			if witness == nil {
				witness = p
			}
		}
	}
	if method == MethodGenerated {
		sev = SeverityWarning
	}
	var f Finding
	switch {
	case sel == catalog.SelectExclusive:
		f = vc.finding(g.When.Pos, CodeUnreachable, sev, method, witness,
			"grade %s (%s) can never apply: every case it matches also matches grade %s, and the benchmark declares its grades exclusive, so the engine refuses those cases as ambiguous%s",
			g.ID, g.Label, ivJoin(earlier, ", "), chkNotProven(method, vc))
		f.setHint("make the conditions exclusive (e.g. < on one side and >= on the other)")
		f.Related = related
		f.claim = claimAmbiguous(earlier[0], g.ID)
		ck.add(f)
		return
	case heaviest:
		f = vc.finding(g.When.Pos, CodeUnreachable, sev, method, witness,
			"grade %s (%s) can never apply: every case it matches also matches heavier grade %s (the benchmark applies the heaviest grade that holds)%s",
			g.ID, g.Label, ivJoin(earlier, ", "), chkNotProven(method, vc))
		f.setHint("narrow the heavier grade's condition, or remove this grade")
	default:
		f = vc.finding(g.When.Pos, CodeUnreachable, sev, method, witness,
			"grade %s (%s) can never apply: every case it matches is taken first by earlier grade %s (the engine uses the first grade that matches)%s",
			g.ID, g.Label, ivJoin(earlier, ", "), chkNotProven(method, vc))
		f.setHint("narrow the earlier grade's condition or move this grade before it")
	}
	f.Related = related
	f.claim = claimGrade(earlier...)
	ck.add(f)
}

// gap looks for cases that reach grading and match no grade.
func (ck *checker) gap(vc *chkVersion) {
	q := chkQuery{graded: true}
	var all []chkLit
	for _, g := range vc.grades {
		q.lits = append(q.lits, lit(g, false))
		all = append(all, lit(g, true))
	}
	p, box, found, m := vc.findBox(q)
	if !found {
		return
	}
	slots := chkSlotsOf(all...)
	var region any = ""
	if box != nil {
		region = messagesZh.P("; the uncovered region includes %s", vc.space.describeBox(box, vc.base(true), slots))
	}
	f := vc.finding(vc.b.Pos, CodeGap, SeverityError, m, p,
		"no grade matches cases such as %s%s; the engine answers them with a gap error",
		vc.describePoint(p, slots), region)
	for _, g := range vc.b.Grades {
		f.Related = append(f.Related, relatedRule(g.When.Pos, "grade %s", g.ID))
	}
	f.claim = claimGap
	f.setHint("add a grade for these facts or widen a neighbouring grade; bounds 以上/以下 include the number, 超过/不足 do not")
	ck.add(f)
}

// overlaps looks for cases that match two grades, as the benchmark's
// selection rule makes them matter.
//
// Under first match the engine takes the first grade that matches, and
// published tables are often written that way: each grade bounds the facts
// from above and leaves the lower bound to the grades before it
// ("面积不足50平方米" after "面积不足10平方米"). Such a nested overlap,
// where every case an earlier grade takes also matches the later one, is
// the idiom and is not reported. A partial overlap is: the later grade
// claims cases (e.g. "或者造成严重后果") that an earlier grade takes first,
// so the order of the rows decides the penalty — unless the two rows give
// the same outcome, when the order changes nothing.
//
// Under heaviest overlapping rows are how the standard is written, and
// the heavier row decides: nothing to report. Under exclusive every
// overlap is an error: the engine refuses a case that two rows claim.
func (ck *checker) overlaps(vc *chkVersion, chosen []bool) {
	sel := ck.cat.SelectionFor(vc.b)
	if sel == catalog.SelectHeaviest {
		return
	}
	exclusive := sel == catalog.SelectExclusive
	for j := range vc.grades {
		if !chosen[j] {
			continue // reported as unreachable
		}
		gj := vc.b.Grades[j]
		var related []Related
		var ids []string
		var witness *chkPoint
		var firstID string
		method := MethodInterval
		for i := 0; i < j; i++ {
			gi := vc.b.Grades[i]
			if !exclusive && sameOutcome(vc.ver, gi, gj) {
				continue // the order of the rows changes nothing
			}
			var q chkQuery
			if exclusive {
				q = chkQuery{graded: true, lits: []chkLit{lit(vc.grades[i], true), lit(vc.grades[j], true)}}
			} else {
				taken := vc.takenBy(i)
				if _, nested, m := vc.find(chkQuery{graded: true, lits: chkAnd(taken, lit(vc.grades[j], false))}); !nested {
					if m == MethodGenerated {
						method = m
					}
					continue // every case grade i takes matches grade j too: the idiom
				}
				q = chkQuery{graded: true, lits: chkAnd(taken, lit(vc.grades[j], true))}
			}
			p, ok, m := vc.find(q)
			if m == MethodGenerated {
				method = m
			}
			if !ok {
				continue
			}
			if witness == nil {
				witness, firstID = p, gi.ID
			}
			ids = append(ids, gi.ID)
			related = append(related, relatedRule(gi.When.Pos, "grade %s", gi.ID))
		}
		if witness == nil {
			continue
		}
		slots := chkSlotsOf(lit(vc.grades[j], true))
		var f Finding
		if exclusive {
			f = vc.finding(gj.When.Pos, CodeOverlap, SeverityError, method, witness,
				"grade %s overlaps grade %s, but the benchmark declares its grades exclusive: cases such as %s match both, and the engine refuses them as ambiguous",
				gj.ID, ivJoin(ids, ", "), vc.describePoint(witness, chkSlotsOf(lit(vc.grades[j], true), lit(vc.grades[0], true))))
			f.Related = related
			f.claim = claimAmbiguous(firstID, gj.ID)
			f.setHint("make the conditions exclusive (e.g. < on one side and >= on the other), or declare selection: heaviest if the standard applies the heavier row")
			ck.add(f)
			continue
		}
		f = vc.finding(gj.When.Pos, CodeOverlap, SeverityWarning, method, witness,
			"grade %s (%s) also matches cases that earlier grades (%s) take first, such as %s, which the engine grades %s: the order of the grades, not their conditions, decides these cases",
			gj.ID, gj.Label, ivJoin(ids, ", "), vc.describePoint(witness, slots), firstID)
		f.Related = related
		f.claim = claimGrade(firstID)
		f.setHint("make the conditions exclusive (e.g. < on one side and >= on the other), or move the grade before the ones that take its cases")
		ck.add(f)
	}
}

// chkAnd returns lits and one more, without sharing lits' array.
func chkAnd(lits []chkLit, l chkLit) []chkLit {
	return append(append(make([]chkLit, 0, len(lits)+1), lits...), l)
}

// takenBy is the constraint of the cases the engine decides at grade i: no
// grade that wins over it matches (an earlier one under first match, a
// heavier one under heaviest), grade i does.
func (vc *chkVersion) takenBy(i int) []chkLit {
	var out []chkLit
	for _, k := range vc.sel.beats(i) {
		out = append(out, lit(vc.grades[k], false))
	}
	return append(out, lit(vc.grades[i], true))
}

// sameOutcome reports whether two grades of a version decide alike: the
// same tier, fine and chosen sanctions, so that which of them applies to a
// case changes nothing but the grade's name.
func sameOutcome(v *catalog.Version, a, b *catalog.Grade) bool {
	if a.Tier != b.Tier || !slices.Equal(a.Sanctions, b.Sanctions) {
		return false
	}
	return reflect.DeepEqual(gradeFineShape(a.Fine), gradeFineShape(b.Fine))
}

// gradeFineShape is a grade fine without the positions it was written at.
func gradeFineShape(g *catalog.GradeFine) any {
	if g == nil {
		return nil
	}
	type shape struct {
		None    bool
		Tier    penalty.Tier
		Unit    catalog.FineUnit
		Span    string
		ByParty []any
	}
	s := shape{None: g.None, Tier: g.Tier, Unit: g.Unit}
	if g.Span != nil {
		iv := g.Span.Interval()
		s.Span = fmt.Sprint(iv.Min.String(), iv.MinExclusive, iv.Max != nil && iv.Max.String() != "", iv.MaxExclusive)
		if iv.Max != nil {
			s.Span += iv.Max.String()
		}
	}
	for _, pf := range g.ByParty {
		s.ByParty = append(s.ByParty, []any{pf.Party, gradeFineShape(pf.Fine)})
	}
	return s
}

// reachability checks the version's other conditions: exemptions,
// preconditions and factors that can never be true, and benchmark factors
// that hold only for cases that never reach grading.
func (ck *checker) reachability(vc *chkVersion) {
	type cond struct {
		c    *catalog.Cond
		what *catalog.Phrase
	}
	var conds []cond
	if p := vc.ver.Precondition; p != nil {
		conds = append(conds, cond{p.When, messagesZh.P("precondition %s (no penalty can ever be imposed)", p.Kind)})
	}
	for _, s := range vc.ver.Sanctions {
		if p := s.Precondition; p != nil {
			conds = append(conds, cond{p.When, messagesZh.P("precondition of sanction %s", string(s.Type))})
		}
		for _, r := range s.Ranges {
			conds = append(conds, cond{r.When, messagesZh.P("fine range %s (%s)", r.ID, r.Label)})
		}
	}
	b := vc.b
	if e := b.LightViolation; e != nil {
		conds = append(conds, cond{e.When, messagesZh.P("light_violation")})
	}
	if fo := b.FirstOffense; fo != nil {
		conds = append(conds, cond{fo.When, messagesZh.P("first_offense")})
	}
	if c := b.Commitment; c != nil {
		conds = append(conds, cond{c.When, messagesZh.P("commitment")})
	}
	if o := b.Offset; o != nil {
		conds = append(conds, cond{o.When, messagesZh.P("public_service_offset")})
	}
	for _, f := range b.Factors {
		conds = append(conds, cond{f.When, messagesZh.P("factor %s", f.ID)})
	}
	for _, c := range conds {
		x := vc.ck.expr(c.c)
		if x == nil {
			continue
		}
		if _, ok, m := vc.find(chkQuery{lits: []chkLit{lit(x, true)}}); !ok {
			ck.add(vc.finding(c.c.Pos, CodeUnreachable, chkSev(m), m, nil,
				"%s can never apply: its condition %s is never true within the declared facts%s", c.what, chkSrc(x), chkNotProven(m, vc)))
		}
	}
	any := chkLit{any: vc.grades, want: true}
	for _, f := range b.Factors {
		x := vc.ck.expr(f.When)
		if x == nil {
			continue
		}
		if _, ok, _ := vc.find(chkQuery{lits: []chkLit{lit(x, true)}}); !ok {
			continue // reported above
		}
		if _, ok, m := vc.find(chkQuery{graded: true, lits: []chkLit{any, lit(x, true)}}); !ok {
			ck.add(vc.finding(f.When.Pos, CodeUnreachable, chkSev(m), m, nil,
				"factor %s can never apply: it holds only for cases that end before grading or match no grade%s", f.ID, chkNotProven(m, vc)))
		}
	}
}

func chkSev(m Method) Severity {
	if m == MethodGenerated {
		return SeverityWarning
	}
	return SeverityError
}

func chkNotProven(m Method, vc *chkVersion) any {
	if m != MethodGenerated {
		return ""
	}
	return messagesZh.P(" (no case among %d generated ones; not proven: %s)", len(vc.samples), vc.generated)
}

// tierWord names a tier in a finding: 从轻, 一般, 从重 (lighter, general,
// heavier in English).
func tierWord(t penalty.Tier) *catalog.Phrase { return messagesZh.P(t.String()) }

func chkSrc(x *condition.Expr) string { return fmt.Sprintf("%q", x.Src) }

// chkShare is a grade's fine placed on a common scale: a share of the
// statutory factor range (0 the statutory minimum, 1 its maximum) where
// the range is bounded, else raw yuan.
type chkShare struct {
	lo, hi decimal.Decimal
	kind   string // "share", "yuan" or "none"
}

// tierOrder checks that grades ordered by severity do not have decreasing
// ranges. Severity is read two ways: the tier (lighter ≤ general ≤
// heavier), and the facts declared aggravating (aggravates: higher, lower,
// true, false): a case that moves from grade A to grade B by making one
// aggravating fact worse, all else equal, must not find a lower range at B.
func (ck *checker) tierOrder(vc *chkVersion) {
	fine := chkFineOf(vc.ver)
	grades := vc.b.Grades
	for _, g := range grades {
		if g.Fine != nil && g.Fine.Unit == catalog.UnitTier && g.Fine.Tier != g.Tier && len(g.Fine.ByParty) == 0 {
			f := vc.finding(g.Fine.Pos, CodeTierOrder, SeverityError, MethodStatic, vc.gradeWitness(g),
				"grade %s is labelled %s (%s) but takes the %s tier's range (%s)", g.ID, g.Tier, g.Tier.Label(), g.Fine.Tier, g.Fine.Tier.Label())
			f.claim = claimGrade(g.ID)
			f.Related = []Related{relatedRule(g.Pos, "grade %s", g.ID)}
			ck.add(f)
		}
	}
	if fine == nil || fine.Amount == nil {
		return
	}
	scheme := ck.cat.SchemeFor(vc.b)
	reported := map[int]bool{}
	for _, pr := range chkPartyRules(fine.Amount) {
		// Each grade is placed on its own statutory range (a fine may
		// have several, catalog.FineRange); grades of different ranges
		// are not compared: the ranges themselves are ordered.
		shares := make([]chkShare, len(grades))
		for i, g := range grades {
			if rule, ok := chkRangeRule(fine, g.Range, pr.party); ok {
				shares[i] = chkGradeShare(rule, g, pr.party, scheme)
			}
		}
		var party any = ""
		if pr.party != "" {
			party = messagesZh.P(" for %s (%s)", pr.party.Label(), string(pr.party))
		}
		for bi, gb := range grades {
			for ai, ga := range grades {
				if reported[bi] || ga.Range != gb.Range || ga.Tier >= gb.Tier || !chkLower(shares[ai], shares[bi]) {
					continue
				}
				reported[bi] = true
				f := vc.finding(chkFinePos(gb), CodeTierOrder, SeverityError, MethodStatic, vc.gradeWitness(gb),
					"grade %s (%s, %s)%s allows %s, below grade %s (%s, %s): %s; a %s grade must not have a lower range than a %s one",
					gb.ID, gb.Label, tierWord(gb.Tier), party, chkShareText(shares[bi], pr.rule), ga.ID, ga.Label, tierWord(ga.Tier), chkShareText(shares[ai], pr.rule), tierWord(gb.Tier), tierWord(ga.Tier))
				f.Related = []Related{relatedRule(chkFinePos(ga), "grade %s", ga.ID)}
				f.claim = claimGrade(gb.ID)
				ck.add(f)
			}
		}
		for bi, gb := range grades {
			for ai, ga := range grades {
				if reported[bi] || ai == bi || ga.Range != gb.Range || !chkLower(shares[ai], shares[bi]) {
					continue
				}
				mv, ok := vc.aggravation(ai, bi, pr.party)
				if !ok {
					continue
				}
				reported[bi] = true
				f := vc.finding(chkFinePos(gb), CodeTierOrder, SeverityError, MethodInterval, mv.after,
					"grade %s (%s)%s allows %s, below grade %s (%s): %s, yet a case moves from %s to %s when %s, declared aggravating (aggravates: %s), goes from %s to %s (%s)",
					gb.ID, gb.Label, party, chkShareText(shares[bi], pr.rule), ga.ID, ga.Label, chkShareText(shares[ai], pr.rule),
					ga.ID, gb.ID, mv.fact.name, mv.fact.fact.Aggravates, mv.before.vals[mv.fact.slot], mv.after.vals[mv.fact.slot],
					vc.describePoint(mv.before, vc.gradeSlots()))
				f.Related = []Related{relatedRule(chkFinePos(ga), "grade %s", ga.ID), relatedRule(mv.fact.fact.Pos, "fact %s (aggravates: %s)", mv.fact.name, mv.fact.fact.Aggravates)}
				f.claim = claimGrade(gb.ID)
				f.setHint("the more serious case must not get the lighter range: reorder the grades' ranges or their conditions")
				ck.add(f)
			}
		}
	}
}

// gradeSlots are the slots the grades read.
func (vc *chkVersion) gradeSlots() []int {
	var ls []chkLit
	for _, g := range vc.grades {
		ls = append(ls, lit(g, true))
	}
	return chkSlotsOf(ls...)
}

// chkMove is a pair of cases that differ in one aggravating fact.
type chkMove struct {
	fact          *ivVar
	before, after *chkPoint
}

// aggravation looks for a case decided at grade a that, made worse in one
// fact declared aggravating, is decided at grade b. Interval method only.
func (vc *chkVersion) aggravation(a, b int, party catalog.PartyType) (chkMove, bool) {
	ra, errA := vc.region(chkQuery{graded: true, lits: vc.takenBy(a)})
	rb, errB := vc.region(chkQuery{graded: true, lits: vc.takenBy(b)})
	if errA != nil || errB != nil {
		return chkMove{}, false
	}
	sp := vc.space
	var partyBits uint64
	for i, name := range sp.vars[discretion.SlotPartyType].values {
		if party == "" || vc.ck.cat.MapParty(catalog.PartyType(name)) == party {
			partyBits |= 1 << i
		}
	}
	for s := discretion.NumBuiltinSlots; s < len(sp.vars); s++ {
		v := &sp.vars[s]
		if !v.used || v.fact == nil || v.fact.Aggravates == "" {
			continue
		}
		for _, ba := range ra {
			for _, bb := range rb {
				common, ok := chkMeet(sp, ba, bb, s)
				if !ok {
					continue
				}
				common[discretion.SlotPartyType].bits &= partyBits
				x, y, ok := chkWorse(v, ba[s], bb[s])
				if !ok || common.empty(sp.vars) {
					continue
				}
				common[s] = x
				p1, ok := vc.realize(common)
				if !ok || !vc.defeatFirstOffense(p1, common) {
					continue
				}
				p2 := &chkPoint{vals: append([]catalog.Value(nil), p1.vals...), same1: p1.same1, same12: p1.same12, sameOld: p1.sameOld, other1: p1.other1, otherOld: p1.otherOld}
				val, ok := chkPickValue(v, y)
				if !ok {
					continue
				}
				p2.vals[s] = val
				if chkHolds(p1, vc.lits(chkQuery{graded: true, lits: vc.takenBy(a)})) &&
					chkHolds(p2, vc.lits(chkQuery{graded: true, lits: vc.takenBy(b)})) && vc.gradable(p2) {
					return chkMove{fact: v, before: p1, after: p2}, true
				}
			}
		}
	}
	return chkMove{}, false
}

// chkMeet intersects two boxes on every slot but skip.
func chkMeet(sp *ivSpace, a, b ivBox, skip int) (ivBox, bool) {
	out := make(ivBox, len(a))
	for i := range a {
		v := &sp.vars[i]
		switch {
		case !v.used || i == skip:
			out[i] = a[i]
		case v.discrete():
			out[i].bits = a[i].bits & b[i].bits
			if out[i].bits == 0 {
				return nil, false
			}
		default:
			out[i].num = a[i].num.intersect(b[i].num)
			if out[i].num.Empty() {
				return nil, false
			}
		}
	}
	return out, true
}

// chkWorse picks a value x from da and a worse value y from db, in the
// direction the fact declares, as one-value domains.
func chkWorse(v *ivVar, da, db ivDom) (x, y ivDom, ok bool) {
	switch v.typ {
	case catalog.FactBool:
		worse, better := uint64(2), uint64(1) // aggravates: "true"
		if v.fact.Aggravates == "false" {
			worse, better = 1, 2
		}
		if da.bits&better != 0 && db.bits&worse != 0 {
			return ivDom{bits: better}, ivDom{bits: worse}, true
		}
	case catalog.FactEnum:
		up := v.fact.Aggravates != "lower"
		for i := 0; i < len(v.values); i++ {
			for j := 0; j < len(v.values); j++ {
				if (up && j > i || !up && j < i) && da.bits&(1<<i) != 0 && db.bits&(1<<j) != 0 {
					return ivDom{bits: 1 << i}, ivDom{bits: 1 << j}, true
				}
			}
		}
	case catalog.FactDate, catalog.FactEnumList:
	default:
		// x: the value of da nearest the worse side that still has a worse
		// value in db; y: the nearest such worse value.
		up := v.fact.Aggravates != "lower"
		var xv, yv decimal.Decimal
		var okx, oky bool
		if up {
			top, ok := db.num.pickHigh(v.integer)
			if !ok {
				return x, y, false
			}
			if xv, okx = da.num.intersect(ivBetween(nil, false, &top, true)).pickHigh(v.integer); !okx {
				return x, y, false
			}
			yv, oky = db.num.intersect(ivBetween(&xv, true, nil, false)).pick(v.integer)
		} else {
			bottom, ok := db.num.pick(v.integer)
			if !ok {
				return x, y, false
			}
			if xv, okx = da.num.intersect(ivBetween(&bottom, true, nil, false)).pick(v.integer); !okx {
				return x, y, false
			}
			yv, oky = db.num.intersect(ivBetween(nil, false, &xv, true)).pickHigh(v.integer)
		}
		if !oky {
			return x, y, false
		}
		return ivDom{num: ivPoint(xv)}, ivDom{num: ivPoint(yv)}, true
	}
	return x, y, false
}

// chkLower reports whether b's range is lower than a's on either end.
func chkLower(a, b chkShare) bool {
	switch {
	case a.kind == "" || b.kind == "":
		return false
	case b.kind == "none":
		return a.kind != "none"
	case a.kind == "none" || a.kind != b.kind:
		return false
	}
	return b.lo.LessThan(a.lo) || b.hi.LessThan(a.hi)
}

func chkFinePos(g *catalog.Grade) catalog.Pos {
	if g.Fine != nil {
		return g.Fine.Pos
	}
	return g.Pos
}

// chkPartyRule is the statutory rule for one party type ("" for all).
type chkPartyRule struct {
	party catalog.PartyType
	rule  penalty.Rule
	pos   catalog.Pos
}

func chkPartyRules(a *catalog.Amount) []chkPartyRule {
	if a.All != nil {
		return []chkPartyRule{{rule: a.All.Rule, pos: a.All.Pos}}
	}
	var out []chkPartyRule
	for _, pr := range a.ByParty {
		if pr.Rule != nil {
			out = append(out, chkPartyRule{party: pr.Party, rule: pr.Rule.Rule, pos: pr.Rule.Pos})
		}
	}
	return out
}

// chkRangeRule is the statutory rule of a fine's range (catalog.BaseRange
// for its own amount) for one party type ("" where the amount does not
// split by party).
func chkRangeRule(fine *catalog.Sanction, rangeID string, party catalog.PartyType) (penalty.Rule, bool) {
	a := fine.AmountOf(rangeID)
	if a == nil {
		return penalty.Rule{}, false
	}
	for _, pr := range chkPartyRules(a) {
		if pr.party == party {
			return pr.rule, true
		}
	}
	return penalty.Rule{}, false
}

// chkFineOf returns a version's fine sanction, or nil.
func chkFineOf(v *catalog.Version) *catalog.Sanction {
	for _, s := range v.Sanctions {
		if s.Type == penalty.Fine {
			return s
		}
	}
	return nil
}

var (
	chkZero = decimal.Zero
	chkOne  = decimal.NewFromInt(1)
)

// chkGradeShare places a grade's fine on the common scale.
func chkGradeShare(rule penalty.Rule, g *catalog.Grade, party catalog.PartyType, scheme penalty.Scheme) chkShare {
	if g.Fine == nil {
		return chkShare{}
	}
	gf := g.Fine
	if party != "" {
		gf = g.Fine.For(party)
	}
	if gf == nil {
		return chkShare{}
	}
	if gf.None {
		return chkShare{kind: "none"}
	}
	stat := rule.FactorRange()
	norm := func(lo, hi decimal.Decimal) chkShare {
		if stat.Unbounded {
			return chkShare{lo: lo, hi: hi, kind: "yuan"}
		}
		d := stat.Max.Sub(stat.Min)
		if d.Sign() <= 0 {
			return chkShare{}
		}
		return chkShare{lo: lo.Sub(stat.Min).DivRound(d, 8), hi: hi.Sub(stat.Min).DivRound(d, 8), kind: "share"}
	}
	switch gf.Unit {
	case catalog.UnitTier:
		iv, err := scheme.Split(penalty.Closed(chkZero, chkOne), gf.Tier)
		if err != nil || iv.Max == nil {
			return chkShare{}
		}
		return chkShare{lo: iv.Min, hi: *iv.Max, kind: "share"}
	case catalog.UnitShare:
		if gf.Span == nil || gf.Span.Max == nil {
			return chkShare{}
		}
		return chkShare{lo: gf.Span.Min, hi: *gf.Span.Max, kind: "share"}
	case catalog.UnitYuan, catalog.UnitTimes, catalog.UnitPercent:
		if gf.Span == nil || gf.Span.Max == nil {
			return chkShare{}
		}
		return norm(gf.Span.Min, *gf.Span.Max)
	}
	return chkShare{}
}

// chkShareText renders a placed range back in the statute's unit.
func chkShareText(s chkShare, rule penalty.Rule) any {
	switch s.kind {
	case "none":
		return messagesZh.P("no fine")
	case "yuan":
		return fmt.Sprintf("[%s, %s]", s.lo, s.hi)
	}
	stat := rule.FactorRange()
	if stat.Unbounded {
		return messagesZh.P("[%s, %s] of the statutory range", s.lo.String(), s.hi.String())
	}
	d := stat.Max.Sub(stat.Min)
	at := func(x decimal.Decimal) string { return stat.Min.Add(d.Mul(x)).Round(2).String() }
	unit := map[penalty.RuleKind]string{penalty.Fixed: "元", penalty.Multiple: "倍", penalty.Percent: "%", penalty.PerUnit: "元/单位"}[rule.Kind]
	return fmt.Sprintf("%s–%s%s", at(s.lo), at(s.hi), unit)
}

// gradeWitness returns a point the version decides at grade g, or nil.
func (vc *chkVersion) gradeWitness(g *catalog.Grade) *chkPoint {
	if vc.hasNil() {
		return nil
	}
	q := chkQuery{graded: true}
	for i, other := range vc.b.Grades {
		if other == g {
			q.lits = append(q.lits, lit(vc.grades[i], true))
			break
		}
		q.lits = append(q.lits, lit(vc.grades[i], false))
	}
	if p, ok, _ := vc.find(q); ok {
		return p
	}
	return nil
}
