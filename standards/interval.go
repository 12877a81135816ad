package standards

import (
	"strings"

	"github.com/shopspring/decimal"
)

// This file is the interval arithmetic of the consistency checks: sets of
// numbers written as unions of disjoint intervals with open or closed,
// finite or infinite ends. A fact compared with constants ("area_m2 < 10",
// "days in 1..3") constrains the fact to such a set; conjunctions intersect
// the sets and negations complement them.

// ivEnd is one end of an interval. inf marks -∞ for a lower end and +∞ for
// an upper end; open marks an end that does not belong to the interval.
type ivEnd struct {
	v    decimal.Decimal
	inf  bool
	open bool
}

// ivSpan is one interval.
type ivSpan struct{ lo, hi ivEnd }

// ivSet is a union of disjoint intervals in increasing order. The nil set
// is empty.
type ivSet []ivSpan

// ivAll is (-∞, +∞).
func ivAll() ivSet { return ivSet{{lo: ivEnd{inf: true}, hi: ivEnd{inf: true}}} }

// ivPoint is [x, x].
func ivPoint(x decimal.Decimal) ivSet { return ivSet{{lo: ivEnd{v: x}, hi: ivEnd{v: x}}} }

// ivBetween is the interval between lo and hi (nil for an infinite end).
func ivBetween(lo *decimal.Decimal, loOpen bool, hi *decimal.Decimal, hiOpen bool) ivSet {
	s := ivSpan{lo: ivEnd{inf: true}, hi: ivEnd{inf: true}}
	if lo != nil {
		s.lo = ivEnd{v: *lo, open: loOpen}
	}
	if hi != nil {
		s.hi = ivEnd{v: *hi, open: hiOpen}
	}
	if s.empty() {
		return nil
	}
	return ivSet{s}
}

// ivCompare is the set of x with "x op c".
func ivCompare(op string, c decimal.Decimal) ivSet {
	switch op {
	case "<":
		return ivBetween(nil, false, &c, true)
	case "<=":
		return ivBetween(nil, false, &c, false)
	case ">":
		return ivBetween(&c, true, nil, false)
	case ">=":
		return ivBetween(&c, false, nil, false)
	case "==":
		return ivPoint(c)
	case "!=":
		return ivPoint(c).complement()
	}
	return nil
}

// ivFlip turns "c op x" into "x op' c".
func ivFlip(op string) string {
	switch op {
	case "<":
		return ">"
	case "<=":
		return ">="
	case ">":
		return "<"
	case ">=":
		return "<="
	}
	return op
}

func (s ivSpan) empty() bool {
	if s.lo.inf || s.hi.inf {
		return false
	}
	c := s.lo.v.Cmp(s.hi.v)
	return c > 0 || (c == 0 && (s.lo.open || s.hi.open))
}

// ivLoLess orders lower ends: is a below b?
func ivLoLess(a, b ivEnd) bool {
	switch {
	case a.inf:
		return !b.inf
	case b.inf:
		return false
	}
	c := a.v.Cmp(b.v)
	return c < 0 || (c == 0 && !a.open && b.open)
}

// ivHiLess orders upper ends: is a below b?
func ivHiLess(a, b ivEnd) bool {
	switch {
	case a.inf:
		return false
	case b.inf:
		return true
	}
	c := a.v.Cmp(b.v)
	return c < 0 || (c == 0 && a.open && !b.open)
}

// ivTouches reports whether an interval ending at hi and one starting at lo
// overlap or meet without a gap, so that they merge into one.
func ivTouches(hi, lo ivEnd) bool {
	if hi.inf || lo.inf {
		return true
	}
	c := hi.v.Cmp(lo.v)
	return c > 0 || (c == 0 && !(hi.open && lo.open))
}

// Empty reports whether the set holds no number.
func (s ivSet) Empty() bool { return len(s) == 0 }

// intersect returns the numbers in both sets.
func (s ivSet) intersect(o ivSet) ivSet {
	var out ivSet
	i, j := 0, 0
	for i < len(s) && j < len(o) {
		a, b := s[i], o[j]
		sp := ivSpan{lo: a.lo, hi: a.hi}
		if ivLoLess(a.lo, b.lo) {
			sp.lo = b.lo
		}
		if ivHiLess(b.hi, a.hi) {
			sp.hi = b.hi
		}
		if !sp.empty() {
			out = append(out, sp)
		}
		if ivHiLess(a.hi, b.hi) {
			i++
		} else {
			j++
		}
	}
	return out
}

// complement returns the numbers not in s.
func (s ivSet) complement() ivSet {
	var out ivSet
	lo := ivEnd{inf: true}
	for _, sp := range s {
		if !sp.lo.inf {
			gap := ivSpan{lo: lo, hi: ivEnd{v: sp.lo.v, open: !sp.lo.open}}
			if !gap.empty() {
				out = append(out, gap)
			}
		}
		if sp.hi.inf {
			return out
		}
		lo = ivEnd{v: sp.hi.v, open: !sp.hi.open}
	}
	return append(out, ivSpan{lo: lo, hi: ivEnd{inf: true}})
}

// minus returns the numbers in s and not in o.
func (s ivSet) minus(o ivSet) ivSet { return s.intersect(o.complement()) }

// union returns the numbers in either set.
func (s ivSet) union(o ivSet) ivSet {
	all := make(ivSet, 0, len(s)+len(o))
	i, j := 0, 0
	for i < len(s) || j < len(o) {
		if j >= len(o) || (i < len(s) && ivLoLess(s[i].lo, o[j].lo)) {
			all = append(all, s[i])
			i++
		} else {
			all = append(all, o[j])
			j++
		}
	}
	var out ivSet
	for _, sp := range all {
		if n := len(out); n > 0 && ivTouches(out[n-1].hi, sp.lo) {
			if ivHiLess(out[n-1].hi, sp.hi) {
				out[n-1].hi = sp.hi
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}

// integers restricts s to whole numbers and writes every interval with
// closed whole-number ends, so that "x > 3 && x < 4" is empty for an int
// fact.
func (s ivSet) integers() ivSet {
	one := decimal.NewFromInt(1)
	var out ivSet
	for _, sp := range s {
		if !sp.lo.inf {
			v := sp.lo.v.Ceil()
			if sp.lo.open && v.Equal(sp.lo.v) {
				v = v.Add(one)
			}
			sp.lo = ivEnd{v: v}
		}
		if !sp.hi.inf {
			v := sp.hi.v.Floor()
			if sp.hi.open && v.Equal(sp.hi.v) {
				v = v.Sub(one)
			}
			sp.hi = ivEnd{v: v}
		}
		if sp.empty() {
			continue
		}
		if n := len(out); n > 0 && !out[n-1].hi.inf && !sp.lo.inf && out[n-1].hi.v.Add(one).GreaterThanOrEqual(sp.lo.v) {
			if ivHiLess(out[n-1].hi, sp.hi) {
				out[n-1].hi = sp.hi
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}

// contains reports whether x is in s.
func (s ivSet) contains(x decimal.Decimal) bool {
	return !s.intersect(ivPoint(x)).Empty()
}

// pick returns a representative number of s, preferring values an author
// would write: a closed lower end, else one unit above an open one, else a
// whole number inside. ok is false for the empty set.
func (s ivSet) pick(integer bool) (decimal.Decimal, bool) {
	if len(s) == 0 {
		return decimal.Decimal{}, false
	}
	sp := s[0]
	one := decimal.NewFromInt(1)
	in := func(x decimal.Decimal) bool { return ivSet{sp}.contains(x) }
	switch {
	case sp.lo.inf && sp.hi.inf:
		return decimal.Zero, true
	case sp.lo.inf:
		// (-∞, hi]: the number nearest zero from below hi.
		if in(decimal.Zero) {
			return decimal.Zero, true
		}
		x := sp.hi.v.Floor()
		if !in(x) {
			x = x.Sub(one)
		}
		return x, true
	}
	if !sp.lo.open {
		return sp.lo.v, true
	}
	for _, x := range []decimal.Decimal{sp.lo.v.Floor().Add(one), sp.lo.v.Add(decimal.New(1, -2))} {
		if in(x) {
			return x, true
		}
	}
	if integer {
		return decimal.Decimal{}, false
	}
	// A narrow open interval: its midpoint.
	return sp.lo.v.Add(sp.hi.v).Div(decimal.NewFromInt(2)), true
}

// pickHigh returns a number of s near its top: a closed upper end, else
// one unit below an open one, else a value inside.
func (s ivSet) pickHigh(integer bool) (decimal.Decimal, bool) {
	if len(s) == 0 {
		return decimal.Decimal{}, false
	}
	sp := s[len(s)-1]
	if sp.hi.inf {
		return ivSet{sp}.pick(integer)
	}
	if !sp.hi.open {
		return sp.hi.v, true
	}
	one := decimal.NewFromInt(1)
	for _, x := range []decimal.Decimal{sp.hi.v.Ceil().Sub(one), sp.hi.v.Sub(decimal.New(1, -2))} {
		if (ivSet{sp}).contains(x) {
			return x, true
		}
	}
	return ivSet{sp}.pick(integer)
}

// String renders the set in interval notation: "[10, 20) ∪ [50, +∞)".
func (s ivSet) String() string {
	if len(s) == 0 {
		return "∅"
	}
	var parts []string
	for _, sp := range s {
		if !sp.lo.inf && !sp.hi.inf && sp.lo.v.Equal(sp.hi.v) {
			parts = append(parts, sp.lo.v.String())
			continue
		}
		var b strings.Builder
		if sp.lo.inf {
			b.WriteString("(-∞")
		} else {
			b.WriteString(map[bool]string{true: "(", false: "["}[sp.lo.open])
			b.WriteString(sp.lo.v.String())
		}
		b.WriteString(", ")
		if sp.hi.inf {
			b.WriteString("+∞)")
		} else {
			b.WriteString(sp.hi.v.String())
			b.WriteString(map[bool]string{true: ")", false: "]"}[sp.hi.open])
		}
		parts = append(parts, b.String())
	}
	return strings.Join(parts, " ∪ ")
}
