package standards

import (
	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/penalty"
)

// This file holds the check that 应当从轻 has an effect
// (standards_lighter_no_effect). 《行政处罚法》第三十条 "已满十四周岁不满十八周岁
// 的未成年人有违法行为的，应当从轻或者减轻行政处罚" and 第三十二条 "当事人有下列情
// 形之一，应当从轻或者减轻行政处罚" oblige the agency: a party with such a ground
// must get less than the same facts without it. Where a grade gives the
// party without the ground a range the tier scheme cannot lower — a single
// amount (a fixed fine, a row of one amount, a one-point tier), or a range
// without a maximum, which no scheme splits — and the ground is applied as
// 从轻, the party with it gets the same range: the catalog must apply the
// ground as 减轻 there (policies.minors: mitigate, or the factor's effect)
// or give the grade a range with room below.
//
// The check builds, for each grade, a case that reaches it with no
// mitigating or aggravating ground, decides it, and where the scheme leaves
// nothing below its range decides the same case with the ground (a party
// aged 16; the factor's facts made true). A finding is reported when the
// engine gives both the same range; its witness is the case with the ground
// and its contrast the case without.

// chkMinorAge is the age of the witness for art. 30: 已满十四周岁不满十八周岁.
const chkMinorAge = 16

// lighterEffect runs the check on one version.
func (ck *checker) lighterEffect(vc *chkVersion) {
	scheme := ck.cat.SchemeFor(vc.b)
	factors := append(append([]*catalog.Factor(nil), ck.cat.Factors...), vc.b.Factors...)
	var quiet []chkLit // every factor false: the contrast has no ground
	for _, f := range factors {
		if x := ck.expr(f.When); x != nil {
			quiet = append(quiet, lit(x, false))
		}
	}
	natural := vc.compileHere(`party_type != "organization"`)
	for i, g := range vc.b.Grades {
		at := vc.takenBy(i)

		// Art. 30: a natural person aged 16 against one of 40.
		if natural != nil && ck.cat.Policies.Minors == catalog.EffectLighter {
			p, ok, m := vc.find(chkQuery{graded: true, lits: chkAll(at, append(quiet, lit(natural, true))...)})
			if ok {
				if adult, r, ok := vc.contrast(p, g, scheme); ok {
					minor := *p
					minor.vals = append([]catalog.Value(nil), p.vals...)
					minor.vals[discretion.SlotAge] = catalog.Value{Type: catalog.FactInt, Num: decimal.NewFromInt(chkMinorAge)}
					f := vc.finding(chkFinePos(g), CodeLighterEffect, SeverityError, m, &minor,
						"grade %s (%s) gives a party aged %d the same fine as an adult with the same facts, %s元: 《行政处罚法》第三十条 requires 从轻或者减轻 for a party aged 14–17, and with policies.minors: lighter the %s scheme finds nothing lighter within %s元",
						g.ID, g.Label, chkMinorAge, r, scheme, r)
					f.Contrast = adult
					f.claim = ck.claimSameRange(adult, g.ID, "")
					f.setHint("set policies.minors: mitigate (art. 30 allows 减轻, which goes below the statutory minimum), or give the grade a range with room below its amount")
					ck.addShown(f)
				}
			}
		}

		// Art. 32 and the other 应当从轻 grounds the catalog declares.
		var (
			p       *chkPoint
			m       Method
			without *discretion.Case
			r       string
			looked  bool
		)
		for _, fac := range factors {
			x := ck.expr(fac.When)
			if x == nil || !fac.Mandatory || fac.Effect != catalog.EffectLighter || chkReadsBuiltins(x, discretion.CounterBase(ck.cat)) {
				continue
			}
			if !looked {
				looked = true
				var ok bool
				if p, ok, m = vc.find(chkQuery{graded: true, lits: chkAll(at, quiet...)}); ok {
					without, r, _ = vc.contrast(p, g, scheme)
				}
			}
			if without == nil {
				break
			}
			with, ok := vc.withGround(p, at, x)
			if !ok {
				continue
			}
			f := vc.finding(chkFinePos(g), CodeLighterEffect, SeverityError, m, with,
				"grade %s (%s) gives a party with %s (%s) the same fine as one without it, %s元: the factor is 应当从轻 (%s), and the %s scheme finds nothing lighter within %s元",
				g.ID, g.Label, fac.ID, fac.Label, r, fac.Citation, scheme, r)
			f.Contrast = without
			f.claim = ck.claimSameRange(without, g.ID, fac.ID)
			f.Related = []Related{relatedRule(fac.Pos, "factor %s", fac.ID)}
			f.setHint("make the factor effect: mitigate where its citation allows 减轻 (art. 32: 从轻或者减轻), or give the grade a range with room below its amount")
			ck.addShown(f)
		}
	}
}

// addShown records a finding that rests on what the engine decides: only
// when the engine, deciding its witness, shows it.
func (ck *checker) addShown(f Finding) {
	d, err := ck.eng.Decide(ck.ctx, f.Witness)
	if f.claim(d, err) == nil {
		ck.add(f)
	}
}

// chkAll is lits followed by more.
func chkAll(lits []chkLit, more ...chkLit) []chkLit {
	return append(append(make([]chkLit, 0, len(lits)+len(more)), lits...), more...)
}

// contrast decides the case of a point without any ground and reports
// whether the tier scheme can find nothing lighter within the range the
// engine gives it at the grade: the case for a ground with no effect. It
// returns the case and its range.
func (vc *chkVersion) contrast(p *chkPoint, g *catalog.Grade, scheme penalty.Scheme) (*discretion.Case, string, bool) {
	c := vc.witness(p)
	d, err := vc.ck.eng.Decide(vc.ck.ctx, c)
	if err != nil || d.Grade != g.ID || d.Outcome == discretion.NoPenalty || d.Fine == nil {
		return nil, "", false
	}
	// A range with room below: the scheme's lighter part is lower.
	r := d.Fine.Range()
	iv, err := scheme.Split(r, penalty.Lighter)
	if err == nil && (iv.Max == nil || iv.Max.LessThan(r.Max) || iv.MaxExclusive || iv.Min.GreaterThan(r.Min)) {
		return nil, "", false
	}
	return c, chkRangeText(d.Fine), true
}

// withGround is the point p with the facts a factor reads set so that the
// factor holds, everything else unchanged; ok is false when no such point
// keeps the case at the same grade.
func (vc *chkVersion) withGround(p *chkPoint, at []chkLit, x *condition.Expr) (*chkPoint, bool) {
	src, ok, _ := vc.find(chkQuery{graded: true, lits: chkAll(at, lit(x, true))})
	if !ok {
		return nil, false
	}
	q := *p
	q.vals = append([]catalog.Value(nil), p.vals...)
	for _, v := range x.Refs {
		q.vals[v.Slot] = src.vals[v.Slot]
	}
	if !x.Eval(q.vals) || !chkHolds(&q, vc.lits(chkQuery{graded: true, lits: at})) {
		return nil, false
	}
	return &q, true
}

// chkReadsBuiltins reports whether a condition reads a variable the engine
// fills (age, prior counts, the declared counters from counters on), which
// a witness cannot change alone.
func chkReadsBuiltins(x *condition.Expr, counters int) bool {
	for _, v := range x.Refs {
		if v.Slot < discretion.NumBuiltinSlots || v.Slot >= counters {
			return true
		}
	}
	return false
}

// compileHere compiles a condition in the version's item scope, or nil
// where it does not compile (an item that reaches no natural person).
func (vc *chkVersion) compileHere(src string) *condition.Expr {
	scope := discretion.ItemScope(discretion.BaseScope(vc.ck.cat), vc.ck.cat, vc.it)
	x, diags := condition.Compile(catalog.NewCond(src), scope)
	if len(diags) > 0 {
		return nil
	}
	return x
}

func chkRangeText(f *discretion.Fine) string {
	if f.Min.Equal(f.Max) {
		return f.Min.String()
	}
	return f.Min.String() + "–" + f.Max.String()
}

// claimSameRange: the witness, which has a 应当从轻 ground (a party aged
// 14–17, or the factor named), is decided at the grade with the same fine
// as the contrast, the same case without the ground, decided now too.
func (ck *checker) claimSameRange(contrast *discretion.Case, grade, factor string) claim {
	ctx := ck.ctx
	eng := ck.eng
	return func(d *discretion.Decision, err error) error {
		c, cerr := eng.Decide(ctx, contrast)
		switch {
		case err != nil || d.Grade != grade || d.Fine == nil:
			return messagesZh.Errorf("want grade %s with a fine for the case with the ground, the engine %s", grade, engineDid(d, err))
		case cerr != nil || c.Grade != grade || c.Fine == nil:
			return messagesZh.Errorf("want grade %s with a fine for the case without the ground, the engine %s", grade, engineDid(c, cerr))
		case !d.Fine.Min.Equal(c.Fine.Min) || !d.Fine.Max.Equal(c.Fine.Max):
			return messagesZh.Errorf("want the same fine with and without the ground, the engine gives %s元 and %s元", chkRangeText(d.Fine), chkRangeText(c.Fine))
		}
		if factor != "" {
			applied, jerr := appliedRules(d)
			if jerr != nil {
				return messagesZh.Errorf("the engine's trace could not be read (%v)", jerr)
			}
			if !applied["factor:"+factor] {
				return messagesZh.Errorf("want factor %s to apply to the case with the ground, the engine did not apply it", factor)
			}
		}
		return nil
	}
}
