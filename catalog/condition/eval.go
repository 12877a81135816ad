package condition

import (
	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
)

type (
	boolFn func([]catalog.Value) bool
	numFn  func([]catalog.Value) decimal.Decimal
	strFn  func([]catalog.Value) string
	dateFn func([]catalog.Value) catalog.Date
)

// divisionPlaces is the precision of "/" in conditions: far beyond any
// meaningful quantity, and passed explicitly so that decimal's package-level
// DivisionPrecision is never relied on.
const divisionPlaces = 16

func compileBool(n Node) boolFn {
	switch x := n.(type) {
	case And:
		l, r := compileBool(x.L), compileBool(x.R)
		return func(v []catalog.Value) bool { return l(v) && r(v) }
	case Or:
		l, r := compileBool(x.L), compileBool(x.R)
		return func(v []catalog.Value) bool { return l(v) || r(v) }
	case Not:
		inner := compileBool(x.X)
		return func(v []catalog.Value) bool { return !inner(v) }
	case Ident:
		slot := x.Var.Slot
		return func(v []catalog.Value) bool { return v[slot].Bool }
	case Lit:
		b := x.Value.Bool
		return func([]catalog.Value) bool { return b }
	case Compare:
		return compileCompare(x)
	case In:
		return compileIn(x)
	}
	return func([]catalog.Value) bool { return false }
}

func compileCompare(x Compare) boolFn {
	lt := TypeOf(x.L)
	switch {
	case lt.Numeric():
		return numCompare(x.Op, compileNum(x.L), compileNum(x.R), x.R)
	case lt == catalog.FactDate:
		l, r := compileDate(x.L), compileDate(x.R)
		return func(v []catalog.Value) bool { return cmpResult(x.Op, int(l(v))-int(r(v))) }
	case lt == catalog.FactEnum:
		l, r := compileStr(x.L), compileStr(x.R)
		if x.Op == "!=" {
			return func(v []catalog.Value) bool { return l(v) != r(v) }
		}
		return func(v []catalog.Value) bool { return l(v) == r(v) }
	default:
		l, r := compileBool(x.L), compileBool(x.R)
		if x.Op == "!=" {
			return func(v []catalog.Value) bool { return l(v) != r(v) }
		}
		return func(v []catalog.Value) bool { return l(v) == r(v) }
	}
}

// numCompare specialises the common case of a fact against a constant, so
// that the hot path reads one slot and makes one decimal comparison.
func numCompare(op string, l, r numFn, rightNode Node) boolFn {
	if lit, ok := rightNode.(Lit); ok {
		c := lit.Value.Num
		switch op {
		case "<":
			return func(v []catalog.Value) bool { return l(v).LessThan(c) }
		case "<=":
			return func(v []catalog.Value) bool { return l(v).LessThanOrEqual(c) }
		case ">":
			return func(v []catalog.Value) bool { return l(v).GreaterThan(c) }
		case ">=":
			return func(v []catalog.Value) bool { return l(v).GreaterThanOrEqual(c) }
		case "==":
			return func(v []catalog.Value) bool { return l(v).Equal(c) }
		case "!=":
			return func(v []catalog.Value) bool { return !l(v).Equal(c) }
		}
	}
	return func(v []catalog.Value) bool { return cmpResult(op, l(v).Cmp(r(v))) }
}

func cmpResult(op string, c int) bool {
	switch op {
	case "<":
		return c < 0
	case "<=":
		return c <= 0
	case ">":
		return c > 0
	case ">=":
		return c >= 0
	case "==":
		return c == 0
	case "!=":
		return c != 0
	}
	return false
}

func compileIn(x In) boolFn {
	negated := x.Negated
	st := TypeOf(x.X)
	var test boolFn
	switch {
	case x.List == nil:
		s, lo, hi := compileNum(x.X), compileNum(x.Lo), compileNum(x.Hi)
		test = func(v []catalog.Value) bool {
			n := s(v)
			return n.GreaterThanOrEqual(lo(v)) && n.LessThanOrEqual(hi(v))
		}
	case st.Numeric():
		s := compileNum(x.X)
		consts := make([]decimal.Decimal, len(x.List))
		for i, el := range x.List {
			consts[i] = el.(Lit).Value.Num
		}
		test = func(v []catalog.Value) bool {
			n := s(v)
			for _, c := range consts {
				if n.Equal(c) {
					return true
				}
			}
			return false
		}
	case st == catalog.FactBool:
		s := compileBool(x.X)
		var hasTrue, hasFalse bool
		for _, el := range x.List {
			if el.(Lit).Value.Bool {
				hasTrue = true
			} else {
				hasFalse = true
			}
		}
		test = func(v []catalog.Value) bool {
			if s(v) {
				return hasTrue
			}
			return hasFalse
		}
	case st == catalog.FactDate:
		s := compileDate(x.X)
		consts := make([]catalog.Date, len(x.List))
		for i, el := range x.List {
			consts[i] = el.(Lit).Value.Date
		}
		test = func(v []catalog.Value) bool {
			got := s(v)
			for _, c := range consts {
				if got == c {
					return true
				}
			}
			return false
		}
	default:
		s := compileStr(x.X)
		consts := make([]string, len(x.List))
		for i, el := range x.List {
			consts[i] = el.(Lit).Value.Enum
		}
		test = func(v []catalog.Value) bool {
			got := s(v)
			for _, c := range consts {
				if got == c {
					return true
				}
			}
			return false
		}
	}
	if negated {
		return func(v []catalog.Value) bool { return !test(v) }
	}
	return test
}

func compileNum(n Node) numFn {
	switch x := n.(type) {
	case Ident:
		slot := x.Var.Slot
		return func(v []catalog.Value) decimal.Decimal { return v[slot].Num }
	case Lit:
		c := x.Value.Num
		return func([]catalog.Value) decimal.Decimal { return c }
	case Neg:
		inner := compileNum(x.X)
		return func(v []catalog.Value) decimal.Decimal { return inner(v).Neg() }
	case Arith:
		l, r := compileNum(x.L), compileNum(x.R)
		switch x.Op {
		case "+":
			return func(v []catalog.Value) decimal.Decimal { return l(v).Add(r(v)) }
		case "-":
			return func(v []catalog.Value) decimal.Decimal { return l(v).Sub(r(v)) }
		case "*":
			return func(v []catalog.Value) decimal.Decimal { return l(v).Mul(r(v)) }
		case "/":
			return func(v []catalog.Value) decimal.Decimal {
				d := r(v)
				if d.IsZero() {
					// A condition dividing by a zero fact compares as if the
					// quotient were zero; the consistency checks flag such
					// conditions, and Decide never panics.
					return decimal.Decimal{}
				}
				return l(v).DivRound(d, divisionPlaces)
			}
		}
	}
	return func([]catalog.Value) decimal.Decimal { return decimal.Decimal{} }
}

func compileStr(n Node) strFn {
	switch x := n.(type) {
	case Ident:
		slot := x.Var.Slot
		return func(v []catalog.Value) string { return v[slot].Enum }
	case Lit:
		s := x.Value.Enum
		return func([]catalog.Value) string { return s }
	}
	return func([]catalog.Value) string { return "" }
}

func compileDate(n Node) dateFn {
	switch x := n.(type) {
	case Ident:
		slot := x.Var.Slot
		return func(v []catalog.Value) catalog.Date { return v[slot].Date }
	case Lit:
		d := x.Value.Date
		return func([]catalog.Value) catalog.Date { return d }
	}
	return func([]catalog.Value) catalog.Date { return 0 }
}
