package catalog

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// FactorApply is the effect of a circumstance as a standard publishes it,
// where it says more than "the lighter or heavier part of the grade": a
// point in the grade ("按该阶次的最高限处罚"), a move of grades ("上调一个裁
// 量阶次"), or a percentage ("在裁量幅度基础上上浮20%"). A factor may state
// several; they combine in the effects order (Catalog.EffectsOrderFor).
// The factor's effect stays its legal character (从轻 or 从重), which
// decides, as for any factor, whether it prevails over grounds the other
// way (policies.mixed_factors).
type FactorApply struct {
	Pos Pos `yaml:"-"`
	// Point fixes the fine at a point of the grade's fine range: maximum
	// (最高限), minimum (最低限) or middle (中间值).
	Point GradePoint `yaml:"point"`
	// Grades moves the case that many grades before the fine is taken: up
	// (上调) for a 从重 factor, down (下调) for a 从轻 one. One grade is the
	// next row of the benchmark, in the order written, that cuts the same
	// statutory range and fines the party; a move past the first or last
	// such row stops there.
	Grades int `yaml:"grades"`
	// Percent scales the grade's fine range, both ends: by 1 + Percent/100
	// for a 从重 factor (上浮), by 1 − Percent/100 for a 从轻 one (下调). The
	// result is kept within the statute; a percentage that would cross the
	// statutory minimum stops at it (only 减轻, with its legal ground, goes
	// below the minimum).
	Percent *decimal.Decimal `yaml:"percent"`
	// Citation is the clause of the standard that states the effect.
	Citation *Citation `yaml:"citation" required:"true"`
}

// GradePoint is a point of a grade's fine range.
type GradePoint string

// Points of a grade's range.
const (
	PointMaximum GradePoint = "maximum" // 最高限
	PointMinimum GradePoint = "minimum" // 最低限
	PointMiddle  GradePoint = "middle"  // 中间值
)

// Label is the Chinese name of the point.
func (p GradePoint) Label() string {
	switch p {
	case PointMaximum:
		return "最高限"
	case PointMinimum:
		return "最低限"
	case PointMiddle:
		return "中间值"
	}
	return string(p)
}

// EffectKind names one kind of published effect in an effects order.
type EffectKind string

// Kinds of published effects.
const (
	EffectKindGrade   EffectKind = "grade"   // FactorApply.Grades
	EffectKindPoint   EffectKind = "point"   // FactorApply.Point
	EffectKindPercent EffectKind = "percent" // FactorApply.Percent
)

// DefaultEffectsOrder is the order published effects combine in unless the
// benchmark or the catalog states another: first the grade moves (the row
// whose range applies), then the point within that grade, then the
// percentage of what results. Most standards state one effect per case;
// where they state several, this is the order the text reads in ("上调一个
// 裁量阶次，按该阶次的最高限处罚").
var DefaultEffectsOrder = []EffectKind{EffectKindGrade, EffectKindPoint, EffectKindPercent}

// EffectsOrderFor is the order in which a benchmark's published effects
// combine: the benchmark's own, the catalog's policies.effects_order, or
// DefaultEffectsOrder.
func (c *Catalog) EffectsOrderFor(b *Benchmark) []EffectKind {
	switch {
	case b != nil && len(b.EffectsOrder) > 0:
		return b.EffectsOrder
	case len(c.Policies.EffectsOrder) > 0:
		return c.Policies.EffectsOrder
	}
	return DefaultEffectsOrder
}

// Describe states the published effect of a factor in Chinese, as a
// table and the 说理 print it: "上调一个裁量阶次", "按该阶次罚款幅度的最高
// 限处罚", "在阶次罚款幅度基础上上浮20%". order is the order the effects
// combine in; "" where the factor has none.
func (f *Factor) Describe(order []EffectKind) string {
	a := f.Apply
	if a == nil {
		return ""
	}
	up, down := "上调", "下调"
	if f.Effect != EffectHeavier {
		up = down
	}
	var parts []string
	for _, k := range order {
		switch k {
		case EffectKindGrade:
			if a.Grades > 0 {
				parts = append(parts, fmt.Sprintf("%s%s个裁量阶次", up, chineseCount(a.Grades)))
			}
		case EffectKindPoint:
			if a.Point != "" {
				parts = append(parts, "按该阶次罚款幅度的"+a.Point.Label()+"处罚")
			}
		case EffectKindPercent:
			if a.Percent != nil {
				dir := "上浮"
				if f.Effect != EffectHeavier {
					dir = "下调"
				}
				parts = append(parts, fmt.Sprintf("在阶次罚款幅度基础上%s%s%%", dir, a.Percent.String()))
			}
		}
	}
	return strings.Join(parts, "，")
}

// Scale is the factor by which a percentage effect multiplies the grade's
// range: 1 + p/100 for a 从重 factor, 1 − p/100 for a 从轻 one.
func (f *Factor) Scale() decimal.Decimal {
	if f.Apply == nil || f.Apply.Percent == nil {
		return decimal.NewFromInt(1)
	}
	p := f.Apply.Percent.Div(hundred)
	if f.Effect != EffectHeavier {
		p = p.Neg()
	}
	return decimal.NewFromInt(1).Add(p)
}

// GradeMove is the number of grades a factor moves the case: positive up,
// negative down, zero none.
func (f *Factor) GradeMove() int {
	if f.Apply == nil {
		return 0
	}
	if f.Effect != EffectHeavier {
		return -f.Apply.Grades
	}
	return f.Apply.Grades
}

// chineseCount writes a small count as Chinese prose does (一个, 两个).
func chineseCount(n int) string {
	words := [...]string{"零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"}
	if n >= 0 && n < len(words) {
		return words[n]
	}
	return fmt.Sprint(n)
}

var hundred = decimal.NewFromInt(100)

// factorApply checks a factor's published effect: at least one effect,
// known values, and a direction that agrees with the factor's effect (a
// 从重 circumstance cannot lower the grade, nor a 从轻 one raise it). 减轻
// is a move below the statutory minimum (arts. 30, 32) that these effects,
// which work within the statute, cannot state.
func (v *validator) factorApply(f *Factor) {
	a := f.Apply
	if a == nil {
		return
	}
	pos := v.at(&f.Apply, f.Pos)
	if a.Pos.Line != 0 {
		pos = a.Pos
	}
	if a.Point == "" && a.Grades == 0 && a.Percent == nil {
		v.errorf(pos, CodeMissing, "factor %s: apply states no effect; give point, grades or percent", f.ID)
		return
	}
	switch f.Effect {
	case EffectLighter, EffectHeavier:
	case EffectMitigate:
		v.errorf(pos, CodeValue, "factor %s: a 减轻 (mitigate) factor goes below the statutory minimum and cannot also state a point, grade move or percentage of the grade; give it a separate factor", f.ID)
		return
	default:
		return // the effect itself is reported
	}
	up := f.Effect == EffectHeavier
	switch a.Point {
	case "", PointMiddle:
	case PointMaximum:
		if !up {
			v.errorf(v.at(&a.Point, pos), CodeValue, "factor %s: a 从轻 (lighter) factor cannot fix the fine at the grade's maximum", f.ID)
		}
	case PointMinimum:
		if up {
			v.errorf(v.at(&a.Point, pos), CodeValue, "factor %s: a 从重 (heavier) factor cannot fix the fine at the grade's minimum", f.ID)
		}
	default:
		v.errorf(v.at(&a.Point, pos), CodeValue, "factor %s: point must be maximum, minimum or middle, not %q", f.ID, a.Point)
	}
	if p := a.Percent; p != nil {
		switch {
		case p.Sign() <= 0:
			v.errorf(v.at(&a.Percent, pos), CodeValue, "factor %s: percent must be above 0; the factor's effect gives the direction (从重 raises, 从轻 lowers)", f.ID)
		case !up && p.GreaterThanOrEqual(hundred):
			v.errorf(v.at(&a.Percent, pos), CodeValue, "factor %s: percent %s would lower the fine to zero or below; a fine of zero is 不予处罚, which needs its own ground", f.ID, p)
		}
	}
}

// effectsOrder checks an effects order: each kind once, no other.
func (v *validator) effectsOrder(order []EffectKind, pos Pos, where any) {
	if len(order) == 0 {
		return
	}
	seen := map[EffectKind]bool{}
	for _, k := range order {
		switch k {
		case EffectKindGrade, EffectKindPoint, EffectKindPercent:
		default:
			v.errorf(pos, CodeValue, "%s: effects_order lists %q; the kinds are grade, point and percent", where, k)
			continue
		}
		if seen[k] {
			v.errorf(pos, CodeValue, "%s: effects_order lists %s twice", where, k)
		}
		seen[k] = true
	}
	if len(seen) != 3 && len(seen) == len(order) {
		v.errorf(pos, CodeValue, "%s: effects_order must list grade, point and percent, each once", where)
	}
}
