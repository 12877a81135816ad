package standards

import (
	"hash/fnv"
	"math/rand"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
)

// This file generates cases for the conditions the interval method cannot
// analyse. Every variable gets candidate values: its declared bounds, the
// constants the item's conditions compare it with and their neighbours
// (the boundaries where a condition changes), and a few values inside the
// bounds. When the product of candidates is small every combination is
// tried; otherwise Options.Samples combinations are drawn with a fixed seed,
// so that a run is reproducible.

// generate returns the version's generated points, making them once.
func (vc *chkVersion) generate() []*chkPoint {
	if vc.samples != nil {
		return vc.samples
	}
	cands := vc.candidates()
	total := 1
	for _, c := range cands {
		if len(c) == 0 {
			continue
		}
		if total > vc.ck.opts.Samples/len(c) {
			total = -1
			break
		}
		total *= len(c)
	}
	h := fnv.New64a()
	h.Write([]byte(vc.it.Code + "\x00" + vc.ver.ID))
	rng := rand.New(rand.NewSource(vc.ck.opts.Seed ^ int64(h.Sum64()>>1)))
	choice := make([]int, len(cands))
	n := total
	if total < 0 {
		n = vc.ck.opts.Samples
	}
	for k := 0; k < n; k++ {
		if total >= 0 { // mixed-radix enumeration
			x := k
			for i, c := range cands {
				if len(c) > 0 {
					choice[i], x = x%len(c), x/len(c)
				}
			}
		} else {
			for i, c := range cands {
				if len(c) > 0 {
					choice[i] = rng.Intn(len(c))
				}
			}
		}
		vc.samples = append(vc.samples, vc.samplePoint(cands, choice))
	}
	return vc.samples
}

// samplePoint builds a coherent point from candidate choices.
func (vc *chkVersion) samplePoint(cands [][]catalog.Value, choice []int) *chkPoint {
	p := &chkPoint{vals: make([]catalog.Value, len(vc.space.vars))}
	for i, c := range cands {
		if len(c) > 0 {
			p.vals[i] = c[choice[i]]
		}
	}
	age := p.num(discretion.SlotAge)
	if p.vals[discretion.SlotPartyType].Enum == string(catalog.Organization) {
		age = -1
	} else if age < 0 {
		age = 40
	}
	p.vals[discretion.SlotAge].Num = decimal.NewFromInt(age)
	s1, s2, s, a1 := p.num(discretion.SlotPriorSameItem1y), p.num(discretion.SlotPriorSameItem2y), p.num(discretion.SlotPriorSameItem), p.num(discretion.SlotPriorAny1y)
	vc.realizeCounters(p)
	s1 = max(s1, int64(p.counterSame))
	s2, a1 = max(s2, s1), max(a1, s1+int64(p.counterOther))
	s = max(s, s2)
	p.same1, p.same12, p.sameOld, p.other1 = int(s1), int(s2-s1), int(s-s2), int(a1-s1)
	vc.setPriors(p)
	vc.syncCounters(p, nil) // the counters the witness's history gives
	return p
}

// candidates lists the values tried for each slot.
func (vc *chkVersion) candidates() [][]catalog.Value {
	sp := vc.space
	consts := vc.constants()
	out := make([][]catalog.Value, len(sp.vars))
	full := vc.base(false)
	for i := range sp.vars {
		v := &sp.vars[i]
		if !v.used {
			continue
		}
		switch v.typ {
		case catalog.FactBool:
			out[i] = []catalog.Value{{Type: v.typ}, {Type: v.typ, Bool: true}}
		case catalog.FactEnum:
			for j, name := range v.values {
				if full[i].bits&(1<<j) != 0 {
					out[i] = append(out[i], catalog.Value{Type: v.typ, Enum: name})
				}
			}
		case catalog.FactEnumList:
			out[i] = chkListCandidates(v, full[i])
		default:
			out[i] = chkNumbers(v, full[i].num, consts[i])
		}
	}
	return out
}

// chkNumbers picks the candidate numbers of a variable.
func chkNumbers(v *ivVar, dom ivSet, consts []decimal.Decimal) []catalog.Value {
	step := decimal.NewFromInt(1)
	if !v.integer {
		step = decimal.New(1, -2)
	}
	set := map[string]decimal.Decimal{}
	add := func(x decimal.Decimal) {
		if dom.contains(x) {
			set[x.String()] = x
		}
	}
	for _, c := range consts {
		if v.integer {
			c = c.Floor()
		}
		add(c)
		add(c.Sub(step))
		add(c.Add(step))
		if !v.integer {
			add(c.Floor().Sub(decimal.NewFromInt(1)))
			add(c.Floor().Add(decimal.NewFromInt(1)))
		}
	}
	for _, x := range []int64{0, 1, 18, 40} {
		add(decimal.NewFromInt(x))
	}
	for _, sp := range dom {
		if !sp.lo.inf {
			add(sp.lo.v)
		}
		if !sp.hi.inf {
			add(sp.hi.v)
			if !sp.lo.inf {
				add(sp.lo.v.Add(sp.hi.v).Div(decimal.NewFromInt(2)).Floor())
			}
		}
	}
	if v.slot == discretion.SlotAge {
		for _, x := range []int64{-1, 13, 14, 17} {
			add(decimal.NewFromInt(x))
		}
	}
	limit := decimal.NewFromInt(3) // prior counts: small histories
	for _, c := range consts {
		limit = decimal.Max(limit, c.Add(decimal.NewFromInt(1)))
	}
	prior := v.slot >= discretion.SlotPriorSameItem && v.slot <= discretion.SlotPriorAny1y
	keys := make([]decimal.Decimal, 0, len(set))
	for _, x := range set {
		if !prior || x.LessThanOrEqual(limit) {
			keys = append(keys, x)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].LessThan(keys[j]) })
	out := make([]catalog.Value, len(keys))
	for i, x := range keys {
		out[i] = catalog.Value{Type: v.typ, Num: x}
		if v.typ == catalog.FactDate {
			out[i] = catalog.Value{Type: v.typ, Date: catalog.Date(x.IntPart())}
		}
	}
	return out
}

// constants collects, per slot, the constants the version's conditions
// compare each variable with; a constant in a condition that does
// arithmetic on facts counts for every variable of that condition.
func (vc *chkVersion) constants() [][]decimal.Decimal {
	out := make([][]decimal.Decimal, len(vc.space.vars))
	var all []*condition.Expr
	all = append(all, vc.grades...)
	for _, l := range vc.reach {
		all = append(all, l.any...)
	}
	for _, l := range vc.constraints {
		all = append(all, l.any...)
	}
	if vc.fo != nil {
		all = append(all, vc.fo)
	}
	for _, f := range vc.factors() {
		if x := vc.ck.expr(f.When); x != nil {
			all = append(all, x)
		}
	}
	for _, x := range all {
		var lits []decimal.Decimal
		chkWalk(x.Root, func(n condition.Node) {
			if c, ok := n.(condition.Lit); ok && (c.Value.Type.Numeric() || c.Value.Type == catalog.FactDate) {
				lits = append(lits, ivNum(c.Value))
			}
		})
		for _, v := range x.Refs {
			if v.Slot < len(out) {
				out[v.Slot] = append(out[v.Slot], lits...)
			}
		}
	}
	return out
}

// chkWalk visits every node of a condition tree.
func chkWalk(n condition.Node, f func(condition.Node)) {
	f(n)
	switch x := n.(type) {
	case condition.And:
		chkWalk(x.L, f)
		chkWalk(x.R, f)
	case condition.Or:
		chkWalk(x.L, f)
		chkWalk(x.R, f)
	case condition.Not:
		chkWalk(x.X, f)
	case condition.Compare:
		chkWalk(x.L, f)
		chkWalk(x.R, f)
	case condition.In:
		chkWalk(x.X, f)
		for _, el := range x.List {
			chkWalk(el, f)
		}
		if x.Lo != nil {
			chkWalk(x.Lo, f)
			chkWalk(x.Hi, f)
		}
	case condition.Arith:
		chkWalk(x.L, f)
		chkWalk(x.R, f)
	case condition.Neg:
		chkWalk(x.X, f)
	}
}

// factors lists the factors that apply to the version: the catalog's, then
// the benchmark's.
func (vc *chkVersion) factors() []*catalog.Factor {
	out := append([]*catalog.Factor(nil), vc.ck.cat.Factors...)
	if vc.b != nil {
		out = append(out, vc.b.Factors...)
	}
	return out
}
