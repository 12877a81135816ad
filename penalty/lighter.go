package penalty

import "github.com/shopspring/decimal"

// 应当从轻 always has an effect. 《行政处罚法》第三十条 (a party aged 14–17)
// and 第三十二条 (its grounds) say "应当从轻或者减轻行政处罚": a party with
// such a ground may never get the range the same facts get without it.
// LighterRange is the one rule for what a 从轻 ground does to a grade's
// range; the engine applies it and the consistency checks call it to find
// grades where 从轻 cannot lower the range, so that the catalog chooses
// 减轻 there.

// LighterWay says how LighterRange lowered a grade's range.
type LighterWay int

const (
	// LighterNone: nothing within the statutory range is lower than the
	// grade (a grade at the statutory minimum, or a grid too coarse to hold
	// a lower amount); only 减轻 can give the ground an effect.
	LighterNone LighterWay = iota
	// LighterSplit: the scheme's lighter part of the range split.
	LighterSplit
	// LighterBelowGrade: the grade has no lighter part (a single amount),
	// so 从轻 takes the statutory amounts below it.
	LighterBelowGrade
)

// LighterRange returns the fine range a 从轻 ground gives a case whose grade
// gives grade, under the scheme s, on the grid of unit. A grade stated as a
// tier of the statutory range (gradeIsTier) is re-split from the statutory
// range; a grade stated as its own range (a table row) is split within that
// range. When that does not lower the range — the grade is already the
// lighter tier — the lighter part of the grade's own range is taken; when
// nothing of the grade is lighter (a single amount), the statutory amounts
// below the grade: 从轻 is a lighter amount within the statutory range, and
// only a grade at the statutory minimum leaves it no room.
//
// split is the range split (statutory or grade), or for LighterBelowGrade
// the statutory range.
func LighterRange(s Scheme, statutory, grade Range, gradeIsTier bool, unit decimal.Decimal) (rng, split Range, way LighterWay, err error) {
	without := grade.Intersect(statutory)
	split = grade
	if gradeIsTier {
		split = statutory
	}
	rng, err = lighterOf(s, split, unit)
	if err != nil {
		return Range{}, split, LighterNone, err
	}
	if Lower(rng.Intersect(statutory), without) {
		return rng, split, LighterSplit, nil
	}
	if gradeIsTier {
		again, err := lighterOf(s, grade, unit)
		if err == nil && Lower(again.Intersect(statutory), without) {
			return again, grade, LighterSplit, nil
		}
	}
	if !without.Empty() && !statutory.Empty() {
		below := Closed(statutory.Min, without.Min.Sub(unit)).Round(unit)
		if !below.Empty() && below.Within(statutory) && Lower(below, without) {
			return below, statutory, LighterBelowGrade, nil
		}
	}
	return rng, split, LighterNone, nil
}

func lighterOf(s Scheme, r Range, unit decimal.Decimal) (Range, error) {
	iv, err := s.Split(r, Lighter)
	if err != nil {
		return Range{}, err
	}
	return ResolveNear(iv, unit), nil
}

// ResolveNear is Interval.Resolve, except that a closed interval too narrow
// to hold a grid point collapses to its nearest grid point rather than
// vanishing (Range.Round).
func ResolveNear(iv Interval, unit decimal.Decimal) Range {
	rng := iv.Resolve(unit)
	if rng.Empty() && iv.Max != nil && !iv.MinExclusive && !iv.MaxExclusive && iv.Min.LessThanOrEqual(*iv.Max) {
		return Closed(iv.Min, *iv.Max).Round(unit)
	}
	return rng
}

// Lower reports whether a is a lower range than b: no bound higher, at
// least one lower. An empty range is lower than nothing.
func Lower(a, b Range) bool {
	if a.Empty() || b.Empty() {
		return false
	}
	switch {
	case a.Unbounded && !b.Unbounded:
		return false
	case !a.Unbounded && !b.Unbounded && a.Max.GreaterThan(b.Max):
		return false
	case a.Min.GreaterThan(b.Min):
		return false
	}
	return !a.Equal(b)
}
