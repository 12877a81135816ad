package standards

import (
	"errors"
	"math/bits"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
)

// This file reasons about conditions as regions of the fact space. A
// region is a union of boxes; a box gives every variable of an item (the
// engine's builtins and the declared facts, by slot) a domain: an
// interval set for numbers and dates, a set of values for booleans and
// enums. Restricting a region by a condition splits its boxes so that the
// condition is constant on each, which is exact for conditions built from
// comparisons of one variable with constants. Anything else (arithmetic on
// facts, two facts compared with each other) is "opaque" and the checks fall
// back to generated cases.

// ivDom is the domain of one variable in a box.
type ivDom struct {
	num  ivSet  // numbers and dates (as days since 1970-01-01)
	bits uint64 // booleans (bit 0 false, bit 1 true) and enums (bit i: value i)
}

// ivVar describes one slot of an item's value slice.
type ivVar struct {
	name    string
	slot    int
	typ     catalog.FactType
	fact    *catalog.Fact
	integer bool     // int and date variables take whole numbers
	values  []string // enum values, in declared order
	used    bool     // some slot exists (fine_max … are never used in items)
}

func (v *ivVar) discrete() bool {
	return v.typ == catalog.FactBool || v.typ == catalog.FactEnum || v.ivList()
}

// ivBox gives each slot a domain.
type ivBox []ivDom

func (b ivBox) empty(vars []ivVar) bool {
	for i, d := range b {
		if !vars[i].used || vars[i].typ == catalog.FactEnumList && !vars[i].ivList() {
			continue // a large list is opaque: it has no domain here
		}
		if vars[i].discrete() {
			if d.bits == 0 {
				return true
			}
		} else if d.num.Empty() {
			return true
		}
	}
	return false
}

func (b ivBox) with(slot int, d ivDom) ivBox {
	out := make(ivBox, len(b))
	copy(out, b)
	out[slot] = d
	return out
}

// errOpaque is returned for conditions the interval method cannot analyse.
type errOpaque struct {
	what string          // English, for Error
	why  *catalog.Phrase // the same as a phrase, for the report
}

// opaque makes an errOpaque from a phrase.
func opaque(format string, args ...any) *errOpaque {
	p := messagesZh.P(format, args...)
	return &errOpaque{what: p.Render("en"), why: p}
}

func (e *errOpaque) Error() string { return e.what }

// errTooComplex is returned when a region splits into more boxes than the
// analysis allows; the checks then generate cases instead.
var errTooComplex = errors.New("the conditions split the fact space into too many regions")

// ivSpace is the fact space of one item.
type ivSpace struct {
	vars     []ivVar
	maxBoxes int
}

// newIVSpace lays out the variables of an item's scope by slot.
func newIVSpace(scope *condition.Scope, nslots int) *ivSpace {
	sp := &ivSpace{vars: make([]ivVar, nslots), maxBoxes: 20000}
	for _, name := range scope.Names() {
		v := scope.Lookup(name)
		if v.Slot >= nslots {
			continue
		}
		iv := ivVar{name: v.Name, slot: v.Slot, typ: v.Type, fact: v.Fact, used: true,
			integer: v.Type == catalog.FactInt || v.Type == catalog.FactDate}
		if v.Fact != nil && v.Type == catalog.FactEnum {
			for _, ev := range v.Fact.Values {
				iv.values = append(iv.values, ev.Name)
			}
		}
		sp.vars[v.Slot] = iv
	}
	return sp
}

// declared returns the box of every value the schema allows. ages and
// priors give the builtins' ranges.
func (sp *ivSpace) declared(parties []catalog.PartyType, ages ivSet) ivBox {
	b := make(ivBox, len(sp.vars))
	zero := decimal.Zero
	thousand := decimal.NewFromInt(1000)
	for i, v := range sp.vars {
		if !v.used {
			continue
		}
		switch {
		case v.typ == catalog.FactBool:
			b[i].bits = 3
		case v.typ == catalog.FactEnum:
			b[i].bits = ivAllBits(len(v.values))
		case v.typ == catalog.FactEnumList:
			if v.ivList() {
				b[i].bits = ivListAll(&v)
			}
		default:
			b[i].num = ivAll()
			if v.fact != nil {
				b[i].num = ivBetween(v.fact.Min, false, v.fact.Max, false)
			}
			if v.integer {
				b[i].num = b[i].num.integers()
			}
		}
	}
	b[discretion.SlotAge].num = ages
	for _, s := range []int{discretion.SlotPriorSameItem, discretion.SlotPriorSameItem1y, discretion.SlotPriorSameItem2y, discretion.SlotPriorAny1y} {
		b[s].num = ivBetween(&zero, false, &thousand, false)
	}
	if len(parties) > 0 {
		var m uint64
		for _, p := range parties {
			if i := ivIndex(sp.vars[discretion.SlotPartyType].values, string(p)); i >= 0 {
				m |= 1 << i
			}
		}
		b[discretion.SlotPartyType].bits = m
	}
	return b
}

func ivAllBits(n int) uint64 {
	if n >= 64 {
		return ^uint64(0)
	}
	return 1<<n - 1
}

func ivIndex(xs []string, s string) int {
	for i, x := range xs {
		if x == s {
			return i
		}
	}
	return -1
}

// restrict returns the part of region where n evaluates to want, as boxes
// on which n is constant.
func (sp *ivSpace) restrict(region []ivBox, n condition.Node, want bool) ([]ivBox, error) {
	if len(region) == 0 {
		return nil, nil
	}
	switch x := n.(type) {
	case condition.And:
		if want {
			l, err := sp.restrict(region, x.L, true)
			if err != nil {
				return nil, err
			}
			return sp.restrict(l, x.R, true)
		}
		return sp.either(region, x.L, x.R, false)
	case condition.Or:
		if want {
			return sp.either(region, x.L, x.R, true)
		}
		l, err := sp.restrict(region, x.L, false)
		if err != nil {
			return nil, err
		}
		return sp.restrict(l, x.R, false)
	case condition.Not:
		return sp.restrict(region, x.X, !want)
	case condition.Lit:
		if x.Value.Type == catalog.FactBool && x.Value.Bool == want {
			return region, nil
		}
		return nil, nil
	}
	slot, d, err := sp.atom(n)
	if err != nil {
		return nil, err
	}
	if slot < 0 { // a constant comparison
		if (d.bits == 1) == want {
			return region, nil
		}
		return nil, nil
	}
	out := make([]ivBox, 0, len(region))
	v := &sp.vars[slot]
	for _, b := range region {
		nd := b[slot]
		switch {
		case v.discrete() && want:
			nd.bits &= d.bits
		case v.discrete():
			nd.bits &^= d.bits
		case want:
			nd.num = nd.num.intersect(d.num)
		default:
			nd.num = nd.num.minus(d.num)
		}
		if v.integer && !v.discrete() {
			nd.num = nd.num.integers()
		}
		if (v.discrete() && nd.bits == 0) || (!v.discrete() && nd.num.Empty()) {
			continue
		}
		out = append(out, b.with(slot, nd))
	}
	return out, nil
}

// either is "l op r" for op = || (want true) or the negation of && (want
// false): the part where l is want, and the part where l is not want but r
// is. The two parts are disjoint, so that boxes never multiply needlessly.
func (sp *ivSpace) either(region []ivBox, l, r condition.Node, want bool) ([]ivBox, error) {
	a, err := sp.restrict(region, l, want)
	if err != nil {
		return nil, err
	}
	rest, err := sp.restrict(region, l, !want)
	if err != nil {
		return nil, err
	}
	b, err := sp.restrict(rest, r, want)
	if err != nil {
		return nil, err
	}
	if len(a)+len(b) > sp.maxBoxes {
		return nil, errTooComplex
	}
	return append(a, b...), nil
}

// atom turns a comparison of one variable with constants into the domain
// where it holds. slot is -1 for a comparison of constants, whose value is
// then d.bits == 1.
func (sp *ivSpace) atom(n condition.Node) (int, ivDom, error) {
	if slot, d, ok, err := sp.listAtom(n); ok {
		return slot, d, err
	}
	switch x := n.(type) {
	case condition.Ident:
		if x.Var.Type == catalog.FactBool {
			return x.Var.Slot, ivDom{bits: 2}, nil
		}
	case condition.Compare:
		return sp.compareAtom(x)
	case condition.In:
		return sp.inAtom(x)
	}
	return 0, ivDom{}, opaque("condition %s is not a comparison of one fact with constants", condition.String(n))
}

func (sp *ivSpace) compareAtom(x condition.Compare) (int, ivDom, error) {
	id, lok := x.L.(condition.Ident)
	c, cok := ivConst(x.R)
	op := x.Op
	if !lok || !cok {
		id, lok = x.R.(condition.Ident)
		c, cok = ivConst(x.L)
		op = ivFlip(op)
	}
	if !lok || !cok {
		l, lc := ivConst(x.L)
		r, rc := ivConst(x.R)
		if lc && rc {
			return -1, ivDom{bits: ivBoolBit(ivConstCompare(x.Op, l, r))}, nil
		}
		return 0, ivDom{}, opaque("%s compares facts with each other or with arithmetic on facts", condition.String(x))
	}
	v := id.Var
	if v.Slot >= len(sp.vars) {
		return 0, ivDom{}, opaque("%s is not a variable of this item", v.Name)
	}
	if len(sp.vars[v.Slot].values) > 64 {
		return 0, ivDom{}, opaque("%s has more than 64 values", v.Name)
	}
	switch {
	case v.Type.Numeric() || v.Type == catalog.FactDate:
		return v.Slot, ivDom{num: ivCompare(op, ivNum(c))}, nil
	case v.Type == catalog.FactBool:
		bit := ivBoolBit(c.Bool)
		if op == "!=" {
			bit = 3 &^ bit
		}
		return v.Slot, ivDom{bits: bit}, nil
	case v.Type == catalog.FactEnum:
		var m uint64
		if i := ivIndex(sp.vars[v.Slot].values, c.Enum); i >= 0 && i < 64 {
			m = 1 << i
		}
		if op == "!=" {
			m = ivAllBits(len(sp.vars[v.Slot].values)) &^ m
		}
		return v.Slot, ivDom{bits: m}, nil
	}
	return 0, ivDom{}, opaque("%s has a type the interval method does not handle", condition.String(x))
}

func (sp *ivSpace) inAtom(x condition.In) (int, ivDom, error) {
	id, ok := x.X.(condition.Ident)
	if !ok || id.Var.Slot >= len(sp.vars) {
		return 0, ivDom{}, opaque("%s tests arithmetic on facts", condition.String(x))
	}
	v := id.Var
	if len(sp.vars[v.Slot].values) > 64 {
		return 0, ivDom{}, opaque("%s has more than 64 values", v.Name)
	}
	var d ivDom
	if x.List == nil {
		lo, lok := ivConst(x.Lo)
		hi, hok := ivConst(x.Hi)
		if !lok || !hok {
			return 0, ivDom{}, opaque("%s has a range with non-constant bounds", condition.String(x))
		}
		l, h := ivNum(lo), ivNum(hi)
		d.num = ivBetween(&l, false, &h, false)
	} else {
		for _, el := range x.List {
			c, ok := ivConst(el)
			if !ok {
				return 0, ivDom{}, opaque("%s lists non-constant values", condition.String(x))
			}
			switch {
			case v.Type.Numeric() || v.Type == catalog.FactDate:
				d.num = d.num.union(ivPoint(ivNum(c)))
			case v.Type == catalog.FactBool:
				d.bits |= ivBoolBit(c.Bool)
			default:
				if i := ivIndex(sp.vars[v.Slot].values, c.Enum); i >= 0 && i < 64 {
					d.bits |= 1 << i
				}
			}
		}
	}
	if x.Negated {
		if sp.vars[v.Slot].discrete() {
			full := uint64(3)
			if v.Type == catalog.FactEnum {
				full = ivAllBits(len(sp.vars[v.Slot].values))
			}
			d.bits = full &^ d.bits
		} else {
			d.num = d.num.complement()
		}
	}
	return v.Slot, d, nil
}

func ivBoolBit(b bool) uint64 {
	if b {
		return 2
	}
	return 1
}

// ivConst folds a constant expression (literals, unary minus and
// arithmetic on literals) to its value, as the engine would compute it.
func ivConst(n condition.Node) (catalog.Value, bool) {
	switch x := n.(type) {
	case condition.Lit:
		return x.Value, true
	case condition.Neg:
		v, ok := ivConst(x.X)
		if !ok {
			return v, false
		}
		return catalog.Value{Type: catalog.FactNumber, Num: v.Num.Neg()}, true
	case condition.Arith:
		l, lok := ivConst(x.L)
		r, rok := ivConst(x.R)
		if !lok || !rok {
			return catalog.Value{}, false
		}
		out := catalog.Value{Type: catalog.FactNumber}
		switch x.Op {
		case "+":
			out.Num = l.Num.Add(r.Num)
		case "-":
			out.Num = l.Num.Sub(r.Num)
		case "*":
			out.Num = l.Num.Mul(r.Num)
		case "/":
			if !r.Num.IsZero() {
				out.Num = l.Num.DivRound(r.Num, 16)
			}
		}
		return out, true
	}
	return catalog.Value{}, false
}

func ivNum(v catalog.Value) decimal.Decimal {
	if v.Type == catalog.FactDate {
		return decimal.NewFromInt(int64(v.Date))
	}
	return v.Num
}

func ivConstCompare(op string, l, r catalog.Value) bool {
	var c int
	switch l.Type {
	case catalog.FactEnum:
		c = map[bool]int{true: 0, false: 1}[l.Enum == r.Enum]
	case catalog.FactBool:
		c = map[bool]int{true: 0, false: 1}[l.Bool == r.Bool]
	default:
		c = ivNum(l).Cmp(ivNum(r))
	}
	return condition.Holds(op, c)
}

// describeBox renders the constraints a box puts on the named variables,
// skipping those it leaves at their declared domain.
func (sp *ivSpace) describeBox(b, declared ivBox, slots []int) string {
	var parts []string
	for _, s := range slots {
		v := &sp.vars[s]
		if !v.used {
			continue
		}
		d, full := b[s], declared[s]
		if v.discrete() {
			if d.bits == full.bits {
				continue
			}
			var names []string
			for i := 0; i < 64 && d.bits>>i != 0; i++ {
				if d.bits&(1<<i) == 0 {
					continue
				}
				if v.typ == catalog.FactBool {
					names = append(names, map[int]string{0: "false", 1: "true"}[i])
				} else if v.typ == catalog.FactEnumList {
					names = append(names, ivListValue(v.fact, uint64(i)).String())
				} else if i < len(v.values) {
					names = append(names, v.values[i])
				}
			}
			if bits.OnesCount64(d.bits) == 1 {
				parts = append(parts, v.name+" = "+names[0])
			} else {
				parts = append(parts, v.name+" ∈ {"+ivJoin(names, ", ")+"}")
			}
			continue
		}
		if d.num.String() == full.num.String() {
			continue
		}
		parts = append(parts, v.name+" ∈ "+d.num.String())
	}
	if len(parts) == 0 {
		return "any facts"
	}
	return ivJoin(parts, ", ")
}

func ivJoin(xs []string, sep string) string {
	out := ""
	for i, x := range xs {
		if i > 0 {
			out += sep
		}
		out += x
	}
	return out
}
