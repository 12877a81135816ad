package standards

import (
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
)

// The interval operations are checked against membership on a grid of
// halves, for random sets built from random comparisons.
func TestIntervalOpsAgainstMembership(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	var grid []decimal.Decimal
	for i := -12; i <= 12; i++ {
		grid = append(grid, decimal.New(int64(i), 0).Div(decimal.NewFromInt(2)))
	}
	ops := []string{"<", "<=", ">", ">=", "==", "!="}
	randSet := func() (ivSet, func(decimal.Decimal) bool) {
		op := ops[rng.Intn(len(ops))]
		c := decimal.NewFromInt(int64(rng.Intn(9) - 4))
		s := ivCompare(op, c)
		in := func(x decimal.Decimal) bool { return ivConstCompare(op, numValue(x), numValue(c)) }
		if rng.Intn(2) == 0 {
			op2 := ops[rng.Intn(len(ops))]
			c2 := decimal.NewFromInt(int64(rng.Intn(9) - 4))
			s2 := ivCompare(op2, c2)
			in2 := func(x decimal.Decimal) bool { return ivConstCompare(op2, numValue(x), numValue(c2)) }
			if rng.Intn(2) == 0 {
				return s.intersect(s2), func(x decimal.Decimal) bool { return in(x) && in2(x) }
			}
			return s.union(s2), func(x decimal.Decimal) bool { return in(x) || in2(x) }
		}
		return s, in
	}
	for i := 0; i < 2000; i++ {
		a, inA := randSet()
		b, inB := randSet()
		checks := []struct {
			name string
			set  ivSet
			in   func(decimal.Decimal) bool
		}{
			{"a", a, inA},
			{"a∩b", a.intersect(b), func(x decimal.Decimal) bool { return inA(x) && inB(x) }},
			{"a∪b", a.union(b), func(x decimal.Decimal) bool { return inA(x) || inB(x) }},
			{"¬a", a.complement(), func(x decimal.Decimal) bool { return !inA(x) }},
			{"a−b", a.minus(b), func(x decimal.Decimal) bool { return inA(x) && !inB(x) }},
			{"ℤ∩a", a.integers(), func(x decimal.Decimal) bool { return x.IsInteger() && inA(x) }},
		}
		for _, c := range checks {
			for _, x := range grid {
				if c.name == "ℤ∩a" && !x.IsInteger() {
					continue // an int variable never holds a fraction
				}
				if got, want := c.set.contains(x), c.in(x); got != want {
					t.Fatalf("%s = %s (a = %s, b = %s): contains(%s) = %v, want %v", c.name, c.set, a, b, x, got, want)
				}
			}
			if x, ok := c.set.pick(c.name == "ℤ∩a"); ok != !c.set.Empty() || ok && !c.set.contains(x) || ok && c.name == "ℤ∩a" && !x.IsInteger() {
				t.Fatalf("%s = %s: pick = %s, %v", c.name, c.set, x, ok)
			}
			for k := 1; k < len(c.set); k++ { // disjoint, ordered, not touching
				if ivTouches(c.set[k-1].hi, c.set[k].lo) {
					t.Fatalf("%s = %s is not normalised", c.name, c.set)
				}
			}
		}
	}
}

func TestIntervalString(t *testing.T) {
	ten, twenty := decimal.NewFromInt(10), decimal.NewFromInt(20)
	s := ivBetween(&ten, false, &twenty, true).union(ivCompare(">=", decimal.NewFromInt(50)))
	if got := s.String(); got != "[10, 20) ∪ [50, +∞)" {
		t.Errorf("String = %q", got)
	}
	if got := ivCompare("!=", ten).String(); got != "(-∞, 10) ∪ (10, +∞)" {
		t.Errorf("String = %q", got)
	}
	if got := ivSet(nil).String(); got != "∅" {
		t.Errorf("String = %q", got)
	}
}

// numValue wraps a number as a condition value.
func numValue(x decimal.Decimal) catalog.Value {
	return catalog.Value{Type: catalog.FactNumber, Num: x}
}
