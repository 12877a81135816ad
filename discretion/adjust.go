package discretion

import (
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// ground is a mitigating or aggravating circumstance found in the case.
type ground struct {
	id, label, citation string
	effect              catalog.Effect
	mandatory           bool
	fr                  *factorRule // the catalog factor, nil for arts. 30 and 31
}

// adjust applies arts. 30, 31 and 32 and the benchmark's factors to the
// grade's tier: any 减轻 ground makes the outcome mitigated; a 从轻 ground
// and a 从重 ground together follow policies.mixed_factors, except that a
// minor (art. 30, "应当从轻或者减轻") is never decided general or heavier.
// byGround is false when no ground moved the outcome off the grade's tier,
// so that the grade's range applies whole.
func (r *run) adjust(v *versionRules, g *catalog.Grade) (out Outcome, discretionary, byGround bool) {
	// Room for the usual grounds on the stack: appending to a nil slice
	// allocated on the heap in most decisions.
	var room [4]ground
	found := room[:0]
	pol := r.e.cat.Policies
	minor := r.dates.hasBirth && r.dates.pAct <= r.dates.birth18
	if minor {
		found = append(found, ground{id: "art30.minor", label: "已满十四周岁不满十八周岁的未成年人", citation: citeArt30, effect: pol.Minors, mandatory: true})
		r.record(kindMinor, 0, true)
	}
	if r.c.Party.Capacity == "limited" {
		found = append(found, ground{id: "art31.limited", label: "尚未完全丧失辨认或者控制自己行为能力", citation: citeArt31, effect: catalog.EffectLighter})
		r.record(kindLimitedCapacity, 0, true)
	}
	for _, f := range v.factors {
		if f.when == nil {
			continue
		}
		if r.eval(f.when) {
			found = append(found, ground{id: f.f.ID, label: f.f.Label, citation: f.when.citation, effect: f.f.Effect, mandatory: f.f.Mandatory, fr: f})
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
	var note adjustNote
	byGround = true
	switch {
	case mitigate:
		out, note = Mitigated, adjustMitigate
	case lighter && heavier && pol.MixedFactors == catalog.EffectGeneral && !minor:
		out, note, byGround = base, adjustCancelled, false
	case lighter:
		out, note = Lighter, adjustLighter
		switch {
		case heavier && pol.MixedFactors == catalog.EffectGeneral:
			note = adjustMinorPrevails
		case heavier:
			note = adjustLighterPrevails
		}
	case heavier:
		out, note = Heavier, adjustHeavier
	default:
		out, note, byGround = base, adjustNone, false
	}
	r.record(kindAdjust, out.index(), true, countValue(int(note)))
	r.publishedEffects(found, out, byGround)
	return out, decidedByDiscretion(found, out), byGround
}

// adjustNote is the note of the adjust step: why the outcome is what it is.
type adjustNote int

const (
	adjustNone adjustNote = iota
	adjustMitigate
	adjustCancelled
	adjustLighter
	adjustMinorPrevails
	adjustLighterPrevails
	adjustHeavier
	// adjustMandatoryMitigated: a mandatory 从轻 ground that cannot lower the
	// grade's range takes effect as 减轻 (penalise).
	adjustMandatoryMitigated
)

var adjustNotes = [...]string{
	adjustNone:               "无法定或者本基准规定的从轻、减轻、从重情节，按所处阶次处罚",
	adjustMitigate:           "具有减轻处罚情节，在法定最低罚款以下确定罚款",
	adjustCancelled:          "从轻与从重情节并存，依本基准相互抵消，按所处阶次处罚",
	adjustLighter:            "具有从轻处罚情节，在阶次幅度的从轻部分内确定罚款",
	adjustMinorPrevails:      "从轻与从重情节并存；未成年人应当从轻或者减轻处罚，不因从重情节抵消",
	adjustLighterPrevails:    "从轻与从重情节并存，依本基准从轻情节优先（应当从轻）",
	adjustHeavier:            "具有从重处罚情节，在阶次幅度的从重部分内确定罚款",
	adjustMandatoryMitigated: "应当从轻或者减轻处罚，但本阶次罚款幅度内从轻已无法降低罚款，依法减轻处罚",
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
			r.record(kindMitigateNoMinimum, 0, true)
			return nil, append(flags, FlagMitigatedNoMinimum)
		}
		floor, _ := mitigationFloor(r.e.cat.Policies, lmin)
		rng = penalty.MitigatedRange(lmin, floor, unit)
		if rng.Empty() {
			// The minimum is already the smallest amount on the grid above
			// the floor: 减轻 cannot lower the amount without reaching zero,
			// and zero is 不予处罚, which needs an art. 33 ground.
			rng = penalty.Closed(lmin, lmin)
			r.record(kindMitigateAtMinimum, 0, true, r.tr.amount(lmin))
			return &rng, append(flags, FlagMitigatedAtMinimum)
		}
		r.record(kindMitigate, 0, true, r.tr.amount(lmin), r.tr.amount(rng.Min), r.tr.upper(rng))
	case byGround && out == Lighter:
		// 应当从轻 always has an effect (penalty.LighterRange): a grade that is
		// already the lighter tier is split again within itself.
		isTier := r.gradeIsTier(g)
		lighter, within, way, err := penalty.LighterRange(v.scheme, stat.rng, grade, isTier, unit)
		if err != nil {
			r.cerr.add("", "item %s: %v", r.ir.item.Code, err)
			return nil, flags
		}
		split := 0
		switch {
		case way == penalty.LighterBelowGrade:
			split = tierBelowGrade
		case isTier && within.Equal(stat.rng):
			split = tierStatutory
		case isTier:
			split = tierWithinTier
		}
		rng = lighter
		r.record(kindTierSplit, split, true, r.tr.amount(within.Min), r.tr.upper(within), r.tr.amount(rng.Min), r.tr.upper(rng))
	case byGround && out == Heavier:
		within, split := grade, tierHeavier
		if r.gradeIsTier(g) {
			within, split = stat.rng, split|tierStatutory
		}
		iv, err := v.scheme.Split(within, penalty.Heavier)
		if err != nil {
			r.cerr.add("", "item %s: %v", r.ir.item.Code, err)
			return nil, flags
		}
		rng = resolve(iv, unit)
		r.record(kindTierSplit, split, true, r.tr.amount(within.Min), r.tr.upper(within), r.tr.amount(rng.Min), r.tr.upper(rng))
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
			r.record(kindStatuteClamp, 0, true, r.tr.amount(stat.rng.Min), r.tr.upper(stat.rng), r.tr.amount(clamped.Min), r.tr.upper(clamped))
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
		r.record(kindTopFine, 0, false)
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
// Where the ranges depend on the case only through its party type (fm is
// not nil, memo.go), the answer is kept with the grade's memos.
func (r *run) mandatoryLighterWithoutEffect(fm *fineMemos, v *versionRules, g *gradeRules, grade penalty.Range, stat statutory) bool {
	if stat.rng.Unbounded {
		return false
	}
	var known *atomic.Int32
	if fm != nil && !r.e.noMemo && !g.computed {
		known = &fm.grades[g.index].lighterLowers
		if k := known.Load(); k != 0 {
			return k == 2
		}
	}
	_, _, way, err := penalty.LighterRange(v.scheme, stat.rng, grade, r.gradeIsTier(g.g), r.e.unit)
	without := err == nil && way == penalty.LighterNone
	if known != nil && err == nil {
		k := int32(1)
		if without {
			k = 2
		}
		known.Store(k)
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
func (r *run) chooseSanctions(out []penalty.SanctionType, sanctions []*sanctionRules, g *catalog.Grade, hasFine bool) []penalty.SanctionType {
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
