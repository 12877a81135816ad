package standards

import (
	"math/bits"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// List facts (enum_list) in the interval analysis. A list fact of at most
// ivListMax declared values is a discrete variable whose values are the
// subsets of its declared values: bit s of a domain is the subset s (bit i
// of s: the i-th declared value listed), so that 2^6 subsets fill one
// word. "v" in x and len(x) op c are then exact atoms: the subsets that
// list v, the subsets with that many values (len(x) is an int 0..n). A
// larger list is opaque and the checks generate cases for it.

// ivListMax is the most declared values of a list fact the analysis
// treats exactly.
const ivListMax = 6

// ivList reports whether v is a list fact the analysis treats exactly.
func (v *ivVar) ivList() bool {
	return v.typ == catalog.FactEnumList && v.fact != nil && len(v.fact.Values) <= ivListMax
}

// ivListAll is the domain of every subset of v's values.
func ivListAll(v *ivVar) uint64 { return ivAllBits(1 << len(v.fact.Values)) }

// ivSubsets is the domain of the subsets s of v's values for which keep(s).
func ivSubsets(v *ivVar, keep func(s uint64) bool) uint64 {
	var m uint64
	for s := uint64(0); s < 1<<len(v.fact.Values); s++ {
		if keep(s) {
			m |= 1 << s
		}
	}
	return m
}

// listAtom is the domain of "v" in x or of len(x) compared with a
// constant; ok is false for other nodes.
func (sp *ivSpace) listAtom(n condition.Node) (slot int, d ivDom, ok bool, err error) {
	switch x := n.(type) {
	case condition.Has:
		v, err := sp.listVar(x.X)
		if err != nil {
			return 0, ivDom{}, true, err
		}
		bit := uint64(1) << uint(x.Index)
		return v.slot, ivDom{bits: ivSubsets(v, func(s uint64) bool { return s&bit != 0 })}, true, nil
	case condition.Compare:
		l, lok := x.L.(condition.Len)
		c, cok := ivConst(x.R)
		op := x.Op
		if !lok || !cok {
			l, lok = x.R.(condition.Len)
			c, cok = ivConst(x.L)
			op = ivFlip(op)
		}
		if !lok {
			return 0, ivDom{}, false, nil
		}
		if !cok {
			return 0, ivDom{}, true, &errOpaque{what: condition.String(x) + " compares the length of a list with something other than a constant"}
		}
		v, err := sp.listVar(l.X)
		if err != nil {
			return 0, ivDom{}, true, err
		}
		k := ivNum(c)
		return v.slot, ivDom{bits: ivSubsets(v, func(s uint64) bool {
			return condition.Holds(op, decimal.NewFromInt(int64(bits.OnesCount64(s))).Cmp(k))
		})}, true, nil
	}
	return 0, ivDom{}, false, nil
}

func (sp *ivSpace) listVar(id condition.Ident) (*ivVar, error) {
	if id.Var.Slot >= len(sp.vars) {
		return nil, &errOpaque{what: id.Var.Name + " is not a variable of this item"}
	}
	v := &sp.vars[id.Var.Slot]
	if !v.ivList() {
		return nil, &errOpaque{what: id.Var.Name + " lists more values than the interval analysis enumerates"}
	}
	return v, nil
}

// ivListValue is the value of the subset s of v's declared values.
func ivListValue(f *catalog.Fact, s uint64) catalog.Value {
	val := catalog.Value{Type: catalog.FactEnumList, Set: s}
	val.List = f.Names(val)
	return val
}

// chkListCandidates are the list values generated cases try: every subset
// of a small list, and of a larger one the empty list, each value alone,
// each pair and the full list.
func chkListCandidates(v *ivVar, dom ivDom) []catalog.Value {
	if v.fact == nil {
		return []catalog.Value{{Type: catalog.FactEnumList}}
	}
	if v.ivList() {
		var out []catalog.Value
		for s := uint64(0); s < 1<<len(v.fact.Values); s++ {
			if dom.bits&(1<<s) != 0 {
				out = append(out, ivListValue(v.fact, s))
			}
		}
		return out
	}
	n := min(len(v.fact.Values), catalog.MaxListValues)
	out := []catalog.Value{ivListValue(v.fact, 0), ivListValue(v.fact, ivAllBits(n))}
	for i := 0; i < n; i++ {
		out = append(out, ivListValue(v.fact, 1<<uint(i)))
		for j := i + 1; j < n; j++ {
			out = append(out, ivListValue(v.fact, 1<<uint(i)|1<<uint(j)))
		}
	}
	return out
}
