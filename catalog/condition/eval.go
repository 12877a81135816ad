package condition

import (
	"math/bits"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

type (
	boolFn func([]catalog.Value) bool
	numFn  func([]catalog.Value) decimal.Decimal
	strFn  func([]catalog.Value) string
	dateFn func([]catalog.Value) catalog.Date
)

// listCounts are the lengths a list value can have, as decimals.
var listCounts = func() (out [catalog.MaxListValues + 1]decimal.Decimal) {
	for i := range out {
		out[i] = decimal.NewFromInt(int64(i))
	}
	return out
}()

// divisionPlaces is the precision of "/" in conditions: far beyond any
// meaningful quantity, and passed explicitly so that decimal's package-level
// DivisionPrecision is never relied on.
const divisionPlaces = 16

// compileBool compiles a boolean node. With strict, a division by zero
// panics with its *Division, which Expr.EvalStrict recovers; without, the
// quotient reads as 0 (Expr.Eval).
func compileBool(n Node, strict bool) boolFn {
	switch x := n.(type) {
	case And:
		l, r := compileBool(x.L, strict), compileBool(x.R, strict)
		return func(v []catalog.Value) bool { return l(v) && r(v) }
	case Or:
		l, r := compileBool(x.L, strict), compileBool(x.R, strict)
		return func(v []catalog.Value) bool { return l(v) || r(v) }
	case Not:
		inner := compileBool(x.X, strict)
		return func(v []catalog.Value) bool { return !inner(v) }
	case Ident:
		slot := x.Var.Slot
		return func(v []catalog.Value) bool { return v[slot].Bool }
	case Lit:
		b := x.Value.Bool
		return func([]catalog.Value) bool { return b }
	case Compare:
		return compileCompare(x, strict)
	case In:
		return compileIn(x, strict)
	case Has:
		slot, bit := x.X.Var.Slot, uint64(1)<<uint(x.Index)
		return func(v []catalog.Value) bool { return v[slot].Set&bit != 0 }
	}
	return func([]catalog.Value) bool { return false }
}

func compileCompare(x Compare, strict bool) boolFn {
	lt := TypeOf(x.L)
	switch {
	case lt.Numeric():
		return numCompare(x.Op, compileNum(x.L, strict), compileNum(x.R, strict), x.L, x.R)
	case lt == catalog.FactDate:
		l, r := compileDate(x.L), compileDate(x.R)
		return func(v []catalog.Value) bool { return Holds(x.Op, int(l(v))-int(r(v))) }
	case lt == catalog.FactEnum:
		l, r := compileStr(x.L), compileStr(x.R)
		if x.Op == "!=" {
			return func(v []catalog.Value) bool { return l(v) != r(v) }
		}
		return func(v []catalog.Value) bool { return l(v) == r(v) }
	default:
		l, r := compileBool(x.L, strict), compileBool(x.R, strict)
		if x.Op == "!=" {
			return func(v []catalog.Value) bool { return l(v) != r(v) }
		}
		return func(v []catalog.Value) bool { return l(v) == r(v) }
	}
}

// numCompare specialises the common case of a fact against a constant, so
// that the hot path reads one slot and makes one comparison that does not
// allocate (numConst.cmp).
func numCompare(op string, l, r numFn, leftNode, rightNode Node) boolFn {
	if lit, ok := rightNode.(Lit); ok {
		k := newNumConst(lit.Value.Num)
		if id, ok := leftNode.(Ident); ok {
			slot := id.Var.Slot
			switch op {
			case "<":
				return func(v []catalog.Value) bool { return k.cmp(v[slot].Num) < 0 }
			case "<=":
				return func(v []catalog.Value) bool { return k.cmp(v[slot].Num) <= 0 }
			case ">":
				return func(v []catalog.Value) bool { return k.cmp(v[slot].Num) > 0 }
			case ">=":
				return func(v []catalog.Value) bool { return k.cmp(v[slot].Num) >= 0 }
			case "==":
				return func(v []catalog.Value) bool { return k.cmp(v[slot].Num) == 0 }
			case "!=":
				return func(v []catalog.Value) bool { return k.cmp(v[slot].Num) != 0 }
			}
		}
		return func(v []catalog.Value) bool { return Holds(op, k.cmp(l(v))) }
	}
	return func(v []catalog.Value) bool { return Holds(op, penalty.Cmp(l(v), r(v))) }
}

// numConst is a constant of a comparison, with its coefficient and
// exponent at hand.
type numConst struct {
	c     decimal.Decimal
	m     int64 // coefficient, when small
	e     int32 // exponent
	small bool  // the coefficient fits in an int64
}

func newNumConst(c decimal.Decimal) *numConst {
	k := &numConst{c: c, e: c.Exponent()}
	if c.NumDigits() <= 18 {
		k.m, k.small = c.CoefficientInt64(), true
	}
	return k
}

// cmp compares x with the constant: x.Cmp(c), without allocating when the
// exponents differ and the coefficients are small.
func (k *numConst) cmp(x decimal.Decimal) int {
	xe := x.Exponent()
	if xe == k.e || !k.small || x.NumDigits() > 18 {
		return x.Cmp(k.c)
	}
	if c, ok := penalty.CmpScaled(x.CoefficientInt64(), xe, k.m, k.e); ok {
		return c
	}
	return x.Cmp(k.c)
}

// Holds reports whether comparison operator op (== != < <= > >=) holds
// for a three-way comparison result c (negative, zero, positive).
func Holds(op string, c int) bool {
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

func compileIn(x In, strict bool) boolFn {
	negated := x.Negated
	st := TypeOf(x.X)
	var test boolFn
	switch {
	case x.List == nil:
		s, lo, hi := compileNum(x.X, strict), compileNum(x.Lo, strict), compileNum(x.Hi, strict)
		loLit, ok1 := x.Lo.(Lit)
		hiLit, ok2 := x.Hi.(Lit)
		if ok1 && ok2 {
			kl, kh := newNumConst(loLit.Value.Num), newNumConst(hiLit.Value.Num)
			test = func(v []catalog.Value) bool {
				n := s(v)
				return kl.cmp(n) >= 0 && kh.cmp(n) <= 0
			}
			break
		}
		test = func(v []catalog.Value) bool {
			n := s(v)
			return penalty.Cmp(n, lo(v)) >= 0 && penalty.Cmp(n, hi(v)) <= 0
		}
	case st.Numeric():
		s := compileNum(x.X, strict)
		consts := make([]*numConst, len(x.List))
		for i, el := range x.List {
			consts[i] = newNumConst(el.(Lit).Value.Num)
		}
		test = func(v []catalog.Value) bool {
			n := s(v)
			for _, c := range consts {
				if c.cmp(n) == 0 {
					return true
				}
			}
			return false
		}
	case st == catalog.FactBool:
		s := compileBool(x.X, strict)
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

func compileNum(n Node, strict bool) numFn {
	switch x := n.(type) {
	case Ident:
		slot := x.Var.Slot
		return func(v []catalog.Value) decimal.Decimal { return v[slot].Num }
	case Lit:
		c := x.Value.Num
		return func([]catalog.Value) decimal.Decimal { return c }
	case Neg:
		inner := compileNum(x.X, strict)
		return func(v []catalog.Value) decimal.Decimal { return inner(v).Neg() }
	case Len:
		// The counts are made once here so that reading one allocates
		// nothing.
		slot := x.X.Var.Slot
		return func(v []catalog.Value) decimal.Decimal { return listCounts[bits.OnesCount64(v[slot].Set)] }
	case Arith:
		l, r := compileNum(x.L, strict), compileNum(x.R, strict)
		switch x.Op {
		case "+":
			return func(v []catalog.Value) decimal.Decimal { return l(v).Add(r(v)) }
		case "-":
			return func(v []catalog.Value) decimal.Decimal { return l(v).Sub(r(v)) }
		case "*":
			return func(v []catalog.Value) decimal.Decimal { return l(v).Mul(r(v)) }
		case "/":
			if div := x.Div; strict && div != nil {
				return func(v []catalog.Value) decimal.Decimal {
					d := r(v)
					if d.IsZero() {
						// Unwound by EvalStrict, which turns it into a
						// *DivisionByZero; nothing else runs strict code.
						panic(div)
					}
					return l(v).DivRound(d, divisionPlaces)
				}
			}
			return func(v []catalog.Value) decimal.Decimal {
				d := r(v)
				if d.IsZero() {
					// Eval reads a quotient by zero as zero, so that the
					// consistency checks can sample any values;
					// EvalStrict reports it.
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
