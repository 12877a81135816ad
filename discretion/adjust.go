package discretion

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// ground is a mitigating or aggravating circumstance found in the case.
type ground struct {
	id, label, citation string
	effect              catalog.Effect
	mandatory           bool
}

// adjust applies arts. 30, 31 and 32 and the benchmark's factors to the
// grade's tier: any 减轻 ground makes the outcome mitigated; a 从轻 ground
// and a 从重 ground together follow policies.mixed_factors, except that a
// minor (art. 30, "应当从轻或者减轻") is never decided general or heavier.
// byGround is false when no ground moved the outcome off the grade's tier,
// so that the grade's range applies whole.
func (r *run) adjust(v *versionRules, g *catalog.Grade) (out Outcome, discretionary, byGround bool) {
	var found []ground
	pol := r.e.cat.Policies
	minor := r.dates.hasBirth && r.dates.pAct <= r.dates.birth18
	if minor {
		found = append(found, ground{id: "art30.minor", label: "已满十四周岁不满十八周岁的未成年人", citation: citeArt30, effect: pol.Minors, mandatory: true})
		note := ""
		if age := r.dates.age; age >= 0 && age < len(r.e.minorNotes) {
			note = r.e.minorNotes[age]
		} else {
			note = fmt.Sprintf("违法行为发生时%d周岁，应当%s", age, pol.Minors.Label())
		}
		r.note("factor", "art30.minor", citeArt30, note, true)
	}
	if r.c.Party.Capacity == "limited" {
		found = append(found, ground{id: "art31.limited", label: "尚未完全丧失辨认或者控制自己行为能力", citation: citeArt31, effect: catalog.EffectLighter})
		r.note("factor", "art31.limited", citeArt31, "尚未完全丧失辨认或者控制自己行为能力的，可以从轻或者减轻", true)
	}
	for _, f := range v.factors {
		if f.when == nil {
			continue
		}
		if r.eval("factor", f.when, f.note) {
			found = append(found, ground{id: f.f.ID, label: f.f.Label, citation: f.when.citation, effect: f.f.Effect, mandatory: f.f.Mandatory})
		}
	}
	var mitigate, lighter, heavier bool
	for _, gr := range found {
		switch gr.effect {
		case catalog.EffectMitigate:
			mitigate = true
		case catalog.EffectLighter:
			lighter = true
		case catalog.EffectHeavier:
			heavier = true
		}
	}
	base := outcomeOfTier(g.Tier)
	var note string
	byGround = true
	switch {
	case mitigate:
		out, note = Mitigated, "具有减轻处罚情节，在法定最低罚款以下确定罚款"
	case lighter && heavier && pol.MixedFactors == catalog.EffectGeneral && !minor:
		out, note, byGround = base, "从轻与从重情节并存，依本基准相互抵消，按所处阶次处罚", false
	case lighter:
		out, note = Lighter, "具有从轻处罚情节，在阶次幅度的从轻部分内确定罚款"
		switch {
		case heavier && pol.MixedFactors == catalog.EffectGeneral:
			note = "从轻与从重情节并存；未成年人应当从轻或者减轻处罚，不因从重情节抵消"
		case heavier:
			note = "从轻与从重情节并存，依本基准从轻情节优先（应当从轻）"
		}
	case heavier:
		out, note = Heavier, "具有从重处罚情节，在阶次幅度的从重部分内确定罚款"
	default:
		out, note, byGround = base, "无法定或者本基准规定的从轻、减轻、从重情节，按所处阶次处罚", false
	}
	r.note("adjust", string(out), groundCites(found), note, true)
	return out, decidedByDiscretion(found, out), byGround
}

// decidedByDiscretion reports whether the outcome rests only on grounds the
// law makes discretionary ("可以"): a lighter outcome backed by a mandatory
// ground ("应当") is not discretionary, whatever optional grounds also apply.
func decidedByDiscretion(found []ground, out Outcome) bool {
	var want catalog.Effect
	switch out {
	case Mitigated:
		want = catalog.EffectMitigate
	case Lighter:
		want = catalog.EffectLighter
	case Heavier:
		want = catalog.EffectHeavier
	}
	decisive, mandatory := false, false
	for _, gr := range found {
		if want == "" || gr.effect == want {
			decisive = true
			mandatory = mandatory || gr.mandatory
		}
	}
	return decisive && !mandatory
}

// groundCitation is the citation of the grounds that adjust applied, as
// recorded in its trace step.
func (r *run) groundCitation() string {
	for i := len(r.trace) - 1; i >= 0; i-- {
		if r.trace[i].Step == "adjust" {
			return r.trace[i].Citation
		}
	}
	return ""
}

func groundCites(gs []ground) string {
	switch {
	case len(gs) == 0:
		return ""
	case len(gs) == 1:
		return gs[0].citation
	case len(gs) == 2 && (gs[0].citation == gs[1].citation || gs[1].citation == ""):
		return gs[0].citation
	case len(gs) == 2 && gs[0].citation == "":
		return gs[1].citation
	}
	var cites []string
	seen := map[string]bool{}
	for _, g := range gs {
		if g.citation != "" && !seen[g.citation] {
			seen[g.citation] = true
			cites = append(cites, g.citation)
		}
	}
	return strings.Join(cites, "；")
}

// finalRange splits the grade range by the adjusted tier, keeps it within
// the statute (below the minimum only for 减轻), and rounds it. A nil range
// means no fine remains.
//
// A grade stated as a tier of the statutory range is re-split from the
// statutory range: under the midpoint rule "一般" is a single amount, and
// "从轻处罚应当低于平均值" (粤环发〔2021〕7号 art. 12) refers to the statutory
// range, not to that point. A grade stated as its own range (a table row)
// is split within that range.
//
// Without a ground (byGround false) the grade applies as stated: a table row
// whose tier is lighter or heavier is already that tier's range and is not
// split again.
func (r *run) finalRange(out Outcome, byGround bool, v *versionRules, g *catalog.Grade, grade penalty.Range, stat statutory, flags []string) (*penalty.Range, []string) {
	unit := r.e.unit
	rng := grade
	switch {
	case out == Mitigated:
		lmin := stat.rng.Min
		if lmin.IsZero() {
			r.note("clamp", "mitigate", r.groundCitation(), "法定罚款没有下限，减轻处罚不予罚款（选择较轻的处罚种类）", true)
			return nil, append(flags, FlagMitigatedNoMinimum)
		}
		floor, floorCite := mitigationFloor(r.e.cat.Policies, lmin)
		rng = penalty.MitigatedRange(lmin, floor, unit)
		cite := joinCites(r.groundCitation(), floorCite)
		if rng.Empty() {
			// The minimum is already the smallest amount on the grid above
			// the floor: 减轻 cannot lower the amount without reaching zero,
			// and zero is 不予处罚, which needs an art. 33 ground.
			rng = penalty.Closed(lmin, lmin)
			why := fmt.Sprintf("法定最低罚款%s元以下已无大于零的罚款数额", lmin)
			if floor.Sign() > 0 {
				why = fmt.Sprintf("本基准规定减轻处罚不低于%s元，法定最低罚款%s元以下已无可以确定的罚款数额", floor, lmin)
			}
			r.note("clamp", "mitigate", cite, "减轻处罚："+why+"，按法定最低罚款确定并提请审查（罚款为零即不予处罚，须有法定不予处罚情形）", true)
			return &rng, append(flags, FlagMitigatedAtMinimum)
		}
		r.note("clamp", "mitigate", cite, fmt.Sprintf("减轻处罚：在法定最低罚款%s元以下确定，幅度%s元（减轻处罚仍须罚款，不得为零）", lmin, rangeText(rng)), true)
	case byGround && out == Lighter:
		// 应当从轻 always has an effect (penalty.LighterRange): a grade that is
		// already the lighter tier is split again within itself.
		isTier := r.gradeIsTier(g)
		lighter, within, _, err := penalty.LighterRange(v.scheme, stat.rng, grade, isTier, unit)
		if err != nil {
			r.cerr.add("", "item %s: %v", r.ir.item.Code, err)
			return nil, flags
		}
		what := "阶次幅度"
		switch {
		case isTier && within.Equal(stat.rng):
			what = "法定幅度"
		case isTier:
			what = "阶次幅度（已为法定幅度的从轻部分，再取其从轻部分）"
		}
		rng = lighter
		r.note("clamp", string(v.scheme), "", fmt.Sprintf("按%s规则取%s%s元的%s部分：%s元", v.scheme, what, rangeText(within), penalty.Lighter.Label(), rangeText(rng)), true)
	case byGround && out == Heavier:
		within, what := grade, "阶次幅度"
		if r.gradeIsTier(g) {
			within, what = stat.rng, "法定幅度"
		}
		iv, err := v.scheme.Split(within, penalty.Heavier)
		if err != nil {
			r.cerr.add("", "item %s: %v", r.ir.item.Code, err)
			return nil, flags
		}
		rng = resolve(iv, unit)
		r.note("clamp", string(v.scheme), "", fmt.Sprintf("按%s规则取%s%s元的%s部分：%s元", v.scheme, what, rangeText(within), penalty.Heavier.Label(), rangeText(rng)), true)
	}
	if out != Mitigated {
		clamped := rng.Intersect(stat.rng)
		if clamped.Empty() {
			// A grade that misses the statute entirely is a catalog defect the
			// loader rejects for fixed ranges; for bases it can only happen
			// through a fallback, and the nearest statutory bound is the one
			// amount the law still allows.
			b := stat.rng.Min
			if rng.Min.GreaterThan(stat.rng.Max) && !stat.rng.Unbounded {
				b = stat.rng.Max
			}
			clamped = penalty.Closed(b, b)
		}
		if !clamped.Equal(rng) {
			r.note("clamp", "statute", "", fmt.Sprintf("限定在法定幅度%s元之内：%s元", rangeText(stat.rng), rangeText(clamped)), true)
		}
		rng = clamped
	}
	if rng.Unbounded || rng.Empty() {
		r.cerr.add("", "item %s: the fine range %s has no maximum; the benchmark must bound it", r.ir.item.Code, rng)
		return nil, flags
	}
	if rng.IsZero() {
		return nil, flags
	}
	if out != Heavier && !stat.rng.Unbounded && rng.Max.Equal(stat.rng.Max) {
		flags = append(flags, FlagTopFine)
		r.note("clamp", "top_fine", citeNoTopFine, "罚款幅度达到法定最高额而无从重情节，提请审查（不得随意给予顶格罚款）", false)
	}
	return &rng, flags
}

// gradeIsTier reports whether the grade states its fine for the case's
// party as a tier of the statutory range.
func (r *run) gradeIsTier(g *catalog.Grade) bool {
	gf := gradeFineFor(g.Fine, r.c.Party.Type, r.e.cat.MapParty(r.c.Party.Type))
	return gf != nil && gf.Unit == catalog.UnitTier
}

// mandatoryLighterWithoutEffect reports whether a lighter outcome that a
// mandatory ground ("应当从轻或者减轻", arts. 30 and 32) decided cannot lower
// the grade's range: the law then leaves 减轻 as the only way to give the
// ground an effect.
// memoised says that the ranges depend on the case only through its party
// type (memo.go), so that the answer is kept with the grade.
func (r *run) mandatoryLighterWithoutEffect(v *versionRules, g *gradeRules, memoised bool, grade penalty.Range, stat statutory) bool {
	if stat.rng.Unbounded {
		return false
	}
	pi := partyIndex(r.c.Party.Type)
	if memoised && pi >= 0 {
		if known := g.lighterLowers[pi].Load(); known != 0 {
			return known == 2
		}
	}
	_, _, lowers, err := penalty.LighterRange(v.scheme, stat.rng, grade, r.gradeIsTier(g.g), r.e.unit)
	without := err == nil && !lowers
	if memoised && pi >= 0 && err == nil {
		known := int32(1)
		if without {
			known = 2
		}
		g.lighterLowers[pi].Store(known)
	}
	return without
}

// mitigationFloor is the lowest 减轻 fine the catalog allows, as an amount,
// and its citation: policies.mitigation_floor is a share of the statutory
// minimum. Without one the floor is zero, exclusive: a mitigated fine is
// still a fine (penalty.MitigatedRange).
func mitigationFloor(pol catalog.Policies, lmin decimal.Decimal) (decimal.Decimal, string) {
	f := pol.MitigationFloor
	if f == nil || f.Sign() <= 0 {
		return decimal.Zero, ""
	}
	return lmin.Mul(*f), citeOr(pol.MitigationFloorCitation, "")
}

// chooseSanctions lists the penalties imposed: every mandatory one whose
// precondition holds, the optional ones the grade chooses, and the fine if
// a fine range remains.
func (r *run) chooseSanctions(sanctions []*sanctionRules, g *catalog.Grade, hasFine bool) []penalty.SanctionType {
	out := []penalty.SanctionType{}
	for _, s := range sanctions {
		t := s.s.Type
		switch {
		case t == penalty.Fine:
			if hasFine {
				out = append(out, t)
			}
		case s.s.Mandatory || gradeChooses(g, t):
			out = append(out, t)
		}
	}
	return out
}

func gradeChooses(g *catalog.Grade, t penalty.SanctionType) bool {
	for _, s := range g.Sanctions {
		if s == t {
			return true
		}
	}
	return false
}

func describeDecision(d *Decision) string {
	var parts []string
	for _, s := range d.Sanctions {
		if s == penalty.Fine && d.Fine != nil {
			parts = append(parts, fmt.Sprintf("罚款%s元", rangeText(d.Fine.Range())))
			continue
		}
		parts = append(parts, s.Label())
	}
	if len(parts) == 0 {
		return "不予罚款"
	}
	return strings.Join(parts, "，")
}
