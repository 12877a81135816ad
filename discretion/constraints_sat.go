package discretion

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// maxSatPoints bounds the combinations of values tried to show that a
// constraint can be satisfied; beyond it, compiling does not decide and
// the consistency checks (standards_constraint) do.
const maxSatPoints = 1 << 16

// satisfiable reports whether some case within the declared facts
// satisfies every condition of xs, and whether that could be decided. It
// is decided for conditions that compare single variables with constants
// (and combine such comparisons with && || !): each such comparison is
// constant between consecutive constants, so trying each constant, a value
// on either side of it and a value between each two of them, within the
// variable's declared bounds, tries every case there is.
func satisfiable(xs []*condition.Expr, nslots int) (sat, decided bool) {
	consts := map[*condition.Var][]decimal.Decimal{}
	var vars []*condition.Var
	for _, x := range xs {
		if !cellConstant(x.Root, consts) {
			return false, false
		}
		for _, v := range x.Refs {
			if !slices.Contains(vars, v) {
				vars = append(vars, v)
			}
		}
	}
	cands := make([][]catalog.Value, len(vars))
	points := 1
	for i, v := range vars {
		cs, ok := satCandidates(v, consts[v])
		if !ok {
			return false, false
		}
		if len(cs) == 0 {
			return false, true // no value within the declared bounds
		}
		cands[i] = cs
		if points *= len(cs); points > maxSatPoints {
			return false, false
		}
	}
	vals := make([]catalog.Value, nslots)
	choice := make([]int, len(vars))
	for {
		for i, v := range vars {
			vals[v.Slot] = cands[i][choice[i]]
		}
		all := true
		for _, x := range xs {
			if !x.Eval(vals) {
				all = false
				break
			}
		}
		if all {
			return true, true
		}
		i := 0
		for ; i < len(choice); i++ {
			if choice[i]++; choice[i] < len(cands[i]) {
				break
			}
			choice[i] = 0
		}
		if i == len(choice) {
			return false, true
		}
	}
}

// cellConstant reports whether n compares single variables with constants
// only, and collects the constants each numeric or date variable is
// compared with.
func cellConstant(n condition.Node, consts map[*condition.Var][]decimal.Decimal) bool {
	var lit func(n condition.Node) (decimal.Decimal, bool)
	lit = func(n condition.Node) (decimal.Decimal, bool) {
		if neg, ok := n.(condition.Neg); ok { // -1
			c, ok := lit(neg.X)
			return c.Neg(), ok
		}
		l, ok := n.(condition.Lit)
		if !ok {
			return decimal.Decimal{}, false
		}
		switch {
		case l.Value.Type.Numeric():
			return l.Value.Num, true
		case l.Value.Type == catalog.FactDate:
			return decimal.NewFromInt(int64(l.Value.Date)), true
		}
		return decimal.Decimal{}, true // an enum or bool constant
	}
	note := func(v *condition.Var, c decimal.Decimal) {
		if v.Type.Numeric() || v.Type == catalog.FactDate {
			consts[v] = append(consts[v], c)
		}
	}
	switch x := n.(type) {
	case condition.And:
		return cellConstant(x.L, consts) && cellConstant(x.R, consts)
	case condition.Or:
		return cellConstant(x.L, consts) && cellConstant(x.R, consts)
	case condition.Not:
		return cellConstant(x.X, consts)
	case condition.Lit:
		return true
	case condition.Ident:
		return x.Var.Type == catalog.FactBool
	case condition.Compare:
		id, ok := x.L.(condition.Ident)
		other := x.R
		if !ok {
			id, ok = x.R.(condition.Ident)
			other = x.L
		}
		if !ok {
			return false
		}
		c, ok := lit(other)
		if ok {
			note(id.Var, c)
		}
		return ok
	case condition.In:
		id, ok := x.X.(condition.Ident)
		if !ok {
			return false
		}
		ends := x.List
		if ends == nil {
			ends = []condition.Node{x.Lo, x.Hi}
		}
		for _, e := range ends {
			c, ok := lit(e)
			if !ok {
				return false
			}
			note(id.Var, c)
		}
		return true
	}
	return false
}

// maxListCandidates is the most values of a list fact whose subsets
// satCandidates lists (2^6 = 64 candidates).
const maxListCandidates = 6

// satCandidates are the values tried for a variable: every value of a
// truth value or an enum; for numbers and dates the constants, values
// beside and between them and the declared bounds, within those bounds.
// ok is false for a variable whose values this cannot list.
func satCandidates(v *condition.Var, consts []decimal.Decimal) ([]catalog.Value, bool) {
	switch v.Type {
	case catalog.FactBool:
		return []catalog.Value{{Type: catalog.FactBool}, {Type: catalog.FactBool, Bool: true}}, true
	case catalog.FactEnum:
		if v.Fact == nil {
			return nil, false
		}
		out := make([]catalog.Value, len(v.Fact.Values))
		for i, ev := range v.Fact.Values {
			out[i] = catalog.Value{Type: catalog.FactEnum, Enum: ev.Name}
		}
		return out, true
	case catalog.FactEnumList:
		// Every subset, while there are few enough to try them all.
		if v.Fact == nil || len(v.Fact.Values) > maxListCandidates {
			return nil, false
		}
		out := make([]catalog.Value, 0, 1<<len(v.Fact.Values))
		for set := uint64(0); set < 1<<len(v.Fact.Values); set++ {
			val := catalog.Value{Type: catalog.FactEnumList, Set: set}
			val.List = v.Fact.Names(val)
			out = append(out, val)
		}
		return out, true
	}
	if v.Fact != nil && v.Fact.Undeterminable {
		return nil, false
	}
	var lo, hi *decimal.Decimal
	switch {
	case v.Slot == SlotAge:
		l := decimal.NewFromInt(-1) // an organization's
		lo = &l
	case v.Slot < NumBuiltinSlots:
		l := decimal.Zero // prior counts
		lo = &l
	case v.Fact != nil:
		lo, hi = v.Fact.Min, v.Fact.Max
	}
	integer := v.Type == catalog.FactInt || v.Type == catalog.FactDate
	one := decimal.NewFromInt(1)
	pts := append([]decimal.Decimal(nil), consts...)
	for _, b := range []*decimal.Decimal{lo, hi} {
		if b != nil {
			pts = append(pts, *b)
		}
	}
	if len(pts) == 0 {
		pts = append(pts, decimal.Zero)
	}
	var tries []decimal.Decimal
	for _, p := range pts {
		if integer {
			f, c := p.Floor(), p.Ceil()
			tries = append(tries, f.Sub(one), f, c, c.Add(one))
		} else {
			tries = append(tries, p.Sub(one), p, p.Add(one))
		}
	}
	if !integer {
		slices.SortFunc(pts, decimal.Decimal.Cmp)
		for i := 1; i < len(pts); i++ {
			tries = append(tries, pts[i-1].Add(pts[i]).Div(decimal.NewFromInt(2)))
		}
	}
	slices.SortFunc(tries, decimal.Decimal.Cmp)
	tries = slices.CompactFunc(tries, decimal.Decimal.Equal)
	var out []catalog.Value
	for _, t := range tries {
		if lo != nil && t.LessThan(*lo) || hi != nil && t.GreaterThan(*hi) {
			continue
		}
		val := catalog.Value{Type: v.Type, Num: t}
		if v.Type == catalog.FactDate {
			val = catalog.Value{Type: catalog.FactDate, Date: catalog.Date(t.IntPart())}
		}
		out = append(out, val)
	}
	return out, true
}
