package discretion

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// This file applies the effects of circumstances as standards publish
// them (catalog.FactorApply): a point of the grade, a move of grades, a
// percentage of the grade's range.
//
// Which effects apply: those of the factors found whose effect is the
// direction the adjust step decided (从重 for a heavier outcome, 从轻 for a
// lighter one). Grounds the other way that did not prevail, and all of
// them where the grounds cancel (policies.mixed_factors: general), have no
// effect, as for any factor; a 减轻 outcome goes below the statutory
// minimum by its own rule (finalRange), and the effects within the grade
// give way to it.
//
// How they combine: in the effects order (catalog.EffectsOrderFor), each
// applied to the range the one before gave: grade moves, then points,
// then percentages by default. Where grounds of the same direction
// without a published effect apply too, their part of the grade (the tier
// scheme) and the published effects' range are joined so that neither is
// weakened: the heavier of the two for 从重 (the higher minimum and the
// higher maximum), the lighter for 从轻. The result is kept within the
// statute: never below the statutory minimum (only 减轻 goes there, arts.
// 30 and 32 of 行政处罚法), never above its maximum; where an effect
// would cross a bound, the fine stops at it and the decision is flagged
// (FlagEffectClamped).

// clampEffect is the ref of a kindStatuteClamp step that keeps a
// published effect within the statute.
const clampEffect = 1

// Effect kinds as the trace stores them (kindEffect's first value).
var effectKinds = [...]catalog.EffectKind{catalog.EffectKindGrade, catalog.EffectKindPoint, catalog.EffectKindPercent}

// publishedEffects keeps the factors among the grounds found whose
// published effect applies under the outcome (see above).
func (r *run) publishedEffects(found []ground, out Outcome, byGround bool) {
	r.effects, r.effectsPlain = r.effects[:0], false
	if !byGround || (out != Lighter && out != Heavier) {
		return
	}
	want := catalog.EffectLighter
	if out == Heavier {
		want = catalog.EffectHeavier
	}
	for _, gr := range found {
		if gr.effect != want {
			continue
		}
		if gr.fr != nil && gr.fr.f.Apply != nil {
			r.effects = append(r.effects, gr.fr)
		} else {
			r.effectsPlain = true
		}
	}
}

// effectRange is the fine range under the published effects (see above).
// A nil range means no fine remains.
func (r *run) effectRange(out Outcome, v *versionRules, g *gradeRules, grade penalty.Range, stat statutory, flags []string) (*penalty.Range, []string) {
	var plain *penalty.Range
	if r.effectsPlain {
		var err bool
		plain, flags = r.finalRange(out, true, v, g.g, grade, stat, flags)
		if err = r.cerr.err() != nil; err {
			return nil, flags
		}
	}
	unit := r.e.unit
	at, rng := g, grade
	for _, kind := range v.effectsOrder {
		for _, fr := range r.effects {
			a := fr.f.Apply
			before := rng
			switch kind {
			case catalog.EffectKindGrade:
				if a.Grades == 0 {
					continue
				}
				to, stopped := r.moveGrade(v, at, fr.f.GradeMove(), stat)
				if to != at {
					moved, _ := r.gradeInterval(v, to, stat)
					at, rng = to, moved
				}
				r.record(kindEffect, r.factorIndex(v, fr), true, countValue(0), r.tr.amount(before.Min), r.tr.upper(before),
					r.tr.amount(rng.Min), r.tr.upper(rng), countValue(at.index), flagValue(stopped))
				continue
			case catalog.EffectKindPoint:
				if a.Point == "" {
					continue
				}
				if rng.Unbounded && a.Point != catalog.PointMinimum {
					r.cerr.add("", "item %s: the grade's fine range %s has no maximum, so factor %s cannot take its %s", r.ir.item.Code, rng, fr.f.ID, a.Point)
					return nil, flags
				}
				switch a.Point {
				case catalog.PointMaximum:
					rng = penalty.Closed(rng.Max, rng.Max)
				case catalog.PointMinimum:
					rng = penalty.Closed(rng.Min, rng.Min)
				case catalog.PointMiddle:
					mid := rng.Min.Add(rng.Max).Div(decimal.NewFromInt(2))
					rng = resolve(penalty.Interval{Min: mid, Max: &mid}, unit)
				}
			case catalog.EffectKindPercent:
				if a.Percent == nil {
					continue
				}
				f := fr.f.Scale()
				iv := penalty.Interval{Min: rng.Min.Mul(f)}
				if !rng.Unbounded {
					max := rng.Max.Mul(f)
					iv.Max = &max
				}
				rng = resolve(iv, unit)
			}
			r.record(kindEffect, r.factorIndex(v, fr), true, countValue(effectKindIndex(kind)), r.tr.amount(before.Min), r.tr.upper(before),
				r.tr.amount(rng.Min), r.tr.upper(rng))
		}
	}
	clamped := rng.Intersect(stat.rng)
	if clamped.Empty() {
		b := stat.rng.Min
		if rng.Min.GreaterThan(stat.rng.Max) && !stat.rng.Unbounded {
			b = stat.rng.Max
		}
		clamped = penalty.Closed(b, b)
	}
	if !clamped.Equal(rng) {
		r.record(kindStatuteClamp, clampEffect, true, r.tr.amount(stat.rng.Min), r.tr.upper(stat.rng), r.tr.amount(clamped.Min), r.tr.upper(clamped))
		flags = append(flags, FlagEffectClamped)
	}
	rng = clamped
	if plain != nil {
		joined := joinSameDirection(out, *plain, rng)
		r.record(kindEffectCombined, out.index(), true, r.tr.amount(plain.Min), r.tr.upper(*plain),
			r.tr.amount(rng.Min), r.tr.upper(rng), r.tr.amount(joined.Min), r.tr.upper(joined))
		rng = joined
	}
	if rng.Unbounded || rng.Empty() {
		r.cerr.add("", "item %s: the fine range %s has no maximum; the benchmark must bound it", r.ir.item.Code, rng)
		return nil, flags
	}
	if rng.IsZero() {
		return nil, flags
	}
	if out != Heavier && !stat.rng.Unbounded && rng.Max.Equal(stat.rng.Max) && !hasFlag(flags, FlagTopFine) {
		flags = append(flags, FlagTopFine)
		r.record(kindTopFine, 0, false)
	}
	return &rng, flags
}

// joinSameDirection joins the range the tier scheme gives grounds without
// a published effect and the range of the published effects, so that
// neither weakens the other: for 从重 the higher of each bound, for 从轻
// the lower.
func joinSameDirection(out Outcome, a, b penalty.Range) penalty.Range {
	pick := decimal.Min
	if out == Heavier {
		pick = decimal.Max
	}
	j := penalty.Range{Min: pick(a.Min, b.Min)}
	switch {
	case a.Unbounded && b.Unbounded:
		j.Unbounded = true
	case a.Unbounded || b.Unbounded:
		if out == Heavier {
			j.Unbounded = true
		} else if a.Unbounded {
			j.Max = b.Max
		} else {
			j.Max = a.Max
		}
	default:
		j.Max = pick(a.Max, b.Max)
	}
	return j
}

// moveGrade moves n grades from g: one grade is the next row of the
// benchmark, in the order written, that cuts the same statutory range and
// gives the case's party a fine. A move past the first or last such row
// stops there (stopped).
func (r *run) moveGrade(v *versionRules, g *gradeRules, n int, stat statutory) (to *gradeRules, stopped bool) {
	to = g
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for i := g.index + step; n > 0 && i >= 0 && i < len(v.grades); i += step {
		c := v.grades[i]
		if c.rng != g.rng {
			continue
		}
		if _, ok := r.gradeInterval(v, c, stat); !ok {
			continue
		}
		to, n = c, n-1
	}
	return to, n > 0
}

// factorIndex is the index of a factor in the version's factors, which
// the trace stores.
func (r *run) factorIndex(v *versionRules, fr *factorRule) int {
	for i, f := range v.factors {
		if f == fr {
			return i
		}
	}
	return -1
}

func effectKindIndex(k catalog.EffectKind) int {
	for i, e := range effectKinds {
		if e == k {
			return i
		}
	}
	return 0
}

func hasFlag(flags []string, f string) bool {
	for _, x := range flags {
		if x == f {
			return true
		}
	}
	return false
}

// effect renders the steps of the published effects.
func (rd *renderer) effect(s *Step, h value, vals []value) {
	t := rd.t
	v := rd.ir.versions[h.version()]
	before, after := t.rangeOf(vals[1], vals[2]), t.rangeOf(vals[3], vals[4])
	if h.kind() == kindEffectCombined {
		tier, which := "从轻", "较轻"
		if outcomes[h.ref()] == Heavier {
			tier, which = "从重", "较重"
		}
		plain, published := t.rangeOf(vals[0], vals[1]), t.rangeOf(vals[2], vals[3])
		joined := t.rangeOf(vals[4], vals[5])
		s.Step, s.Rule, s.Citation = "clamp", "effects_combined", standardCite(rd.cat)
		s.Note = fmt.Sprintf("同时具有按阶次幅度%s部分处罚的情节（%s元）和本基准规定具体调整方式的情节（%s元），各下限、上限取%s者：%s元",
			tier, rangeText(plain), rangeText(published), which, rangeText(joined))
		return
	}
	f := v.factors[h.ref()].f
	kind := effectKinds[vals[0]]
	s.Step, s.Rule, s.Citation = "clamp", "effect:"+f.ID+":"+string(kind), citeOr(f.Apply.Citation, "")
	what := f.Describe([]catalog.EffectKind{kind})
	switch kind {
	case catalog.EffectKindGrade:
		to := v.grades[vals[5]].g
		s.Note = fmt.Sprintf("具有“%s”情节，%s：", f.Label, what)
		if vals[6] != 0 {
			end := "最轻"
			if f.Effect == catalog.EffectHeavier {
				end = "最重"
			}
			s.Note += fmt.Sprintf("已无可再调整的阶次（“%s”已是本法定幅度内%s的阶次），", to.Label, end)
		}
		s.Note += fmt.Sprintf("适用阶次“%s”，罚款幅度%s元", to.Label, rangeText(after))
	default:
		s.Note = fmt.Sprintf("具有“%s”情节，%s：罚款幅度由%s元调整为%s元", f.Label, what, rangeText(before), rangeText(after))
	}
}
