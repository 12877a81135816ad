package penalty

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Range is a closed set of yuan amounts [Min, Max]. Unbounded marks a range
// with no maximum (a "min only" clause such as "处1万元以上罚款"); Max is then
// meaningless.
type Range struct {
	Min       decimal.Decimal
	Max       decimal.Decimal
	Unbounded bool
}

// Closed returns the range [min, max].
func Closed(min, max decimal.Decimal) Range { return Range{Min: min, Max: max} }

// AtLeast returns the unbounded range [min, ∞).
func AtLeast(min decimal.Decimal) Range { return Range{Min: min, Unbounded: true} }

// Empty reports whether no amount lies in r.
func (r Range) Empty() bool { return !r.Unbounded && r.Min.GreaterThan(r.Max) }

// IsZero reports whether r is exactly [0, 0]: the law allows no fine.
func (r Range) IsZero() bool { return !r.Unbounded && r.Min.IsZero() && r.Max.IsZero() }

// Contains reports whether amount lies in r.
func (r Range) Contains(amount decimal.Decimal) bool {
	return amount.GreaterThanOrEqual(r.Min) && (r.Unbounded || amount.LessThanOrEqual(r.Max))
}

// Within reports whether r lies entirely inside outer.
func (r Range) Within(outer Range) bool {
	if r.Min.LessThan(outer.Min) {
		return false
	}
	if outer.Unbounded {
		return true
	}
	return !r.Unbounded && r.Max.LessThanOrEqual(outer.Max)
}

// Intersect returns the amounts in both r and o; the result may be Empty.
func (r Range) Intersect(o Range) Range {
	out := Range{Min: decimal.Max(r.Min, o.Min)}
	switch {
	case r.Unbounded && o.Unbounded:
		out.Unbounded = true
	case r.Unbounded:
		out.Max = o.Max
	case o.Unbounded:
		out.Max = r.Max
	default:
		out.Max = decimal.Min(r.Max, o.Max)
	}
	return out
}

// Equal reports whether r and o hold the same amounts.
func (r Range) Equal(o Range) bool {
	if r.Unbounded != o.Unbounded || !r.Min.Equal(o.Min) {
		return false
	}
	return r.Unbounded || r.Max.Equal(o.Max)
}

// String renders r as "[min, max]" or "[min, ∞)".
func (r Range) String() string {
	if r.Unbounded {
		return fmt.Sprintf("[%s, ∞)", r.Min)
	}
	return fmt.Sprintf("[%s, %s]", r.Min, r.Max)
}

// Interval is a range as an author writes it, with a flag per bound saying
// whether the bound itself belongs to the range (以上/以下 include it, 超过/
// 不足 do not). A nil Max means no upper bound.
type Interval struct {
	Min          decimal.Decimal
	Max          *decimal.Decimal
	MinExclusive bool
	MaxExclusive bool
}

// Resolve turns the interval into a closed Range on the grid of unit: an
// exclusive bound moves one unit inward, then bounds round inward to the
// unit. [1000, 5000) with unit 1 becomes [1000, 4999].
func (iv Interval) Resolve(unit decimal.Decimal) Range {
	min := ceilTo(iv.Min, unit)
	if iv.MinExclusive && min.Equal(iv.Min) {
		min = min.Add(unit)
	}
	if iv.Max == nil {
		return AtLeast(min)
	}
	max := floorTo(*iv.Max, unit)
	if iv.MaxExclusive && max.Equal(*iv.Max) {
		max = max.Sub(unit)
	}
	return Closed(min, max)
}

// Round rounds r inward to the grid of unit, so that the result never holds
// an amount outside r. A range too narrow to hold a grid point collapses to
// the nearest grid point of its midpoint (rounded half up), the one amount an
// officer could actually impose.
func (r Range) Round(unit decimal.Decimal) Range {
	out := Range{Min: ceilTo(r.Min, unit), Max: r.Max, Unbounded: r.Unbounded}
	if r.Unbounded {
		return out
	}
	out.Max = floorTo(r.Max, unit)
	if out.Min.GreaterThan(out.Max) && !r.Empty() {
		mid := r.Min.Add(r.Max).Mul(half) // exact, unlike Div
		p := roundTo(mid, unit)
		return Closed(p, p)
	}
	return out
}

// The grid helpers divide with remainder rather than with Div, which rounds
// the quotient to 16 decimal places: with Div, floorTo(2.99999999999999999, 1)
// was 3, a bound rounded outward. unit must be positive.

func ceilTo(d, unit decimal.Decimal) decimal.Decimal {
	q, r := d.QuoRem(unit, 0)
	if r.Sign() > 0 {
		q = q.Add(decimal.NewFromInt(1))
	}
	return q.Mul(unit)
}

func floorTo(d, unit decimal.Decimal) decimal.Decimal {
	q, r := d.QuoRem(unit, 0)
	if r.Sign() < 0 {
		q = q.Sub(decimal.NewFromInt(1))
	}
	return q.Mul(unit)
}

// roundTo rounds to the nearest grid point, halves away from zero.
func roundTo(d, unit decimal.Decimal) decimal.Decimal {
	q, r := d.QuoRem(unit, 0)
	if r.Abs().Mul(decimal.NewFromInt(2)).GreaterThanOrEqual(unit) {
		q = q.Add(decimal.NewFromInt(int64(d.Sign())))
	}
	return q.Mul(unit)
}

// MitigatedRange is the range a 减轻 (mitigated) fine may take below the
// statutory minimum min: from the floor up to, but excluding, min, on the
// grid of unit. A mitigated fine is still a fine, so a zero floor is
// exclusive: the lowest amount is the smallest one above zero on the grid
// (one yuan, or one fen with unit 0.01). A zero fine would be 不予处罚,
// which 《行政处罚法》第三十三条 reserves to its own grounds. The result is
// Empty when no grid amount lies above the floor and below min.
func MitigatedRange(min, floor, unit decimal.Decimal) Range {
	if floor.Sign() < 0 {
		floor = decimal.Zero
	}
	return Interval{Min: floor, MinExclusive: floor.IsZero(), Max: &min, MaxExclusive: true}.Resolve(unit)
}
