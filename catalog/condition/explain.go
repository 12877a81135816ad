package condition

import (
	"strings"

	"github.com/jizhun/jizhun/catalog"
)

// Explain says in words why a condition holds or fails for a case: the
// facts of the case that decide it, as a decision document states them
// (危害后果轻微, 未及时改正, 一年内同一事项违法次数为1次). vals holds the
// case's values at the slots of the condition's variables; known reports
// whether a slot has a value, so that a variable the case did not state is
// never explained by a zero value — when one the outcome depends on is
// unknown, Explain returns ok false.
//
// Of a conjunction that fails, only the operands that fail are stated; of
// a disjunction that holds, only one operand that holds: the facts that
// decided, not every fact the condition reads. Each fact is stated once.
func Explain(x *Expr, vals []catalog.Value, known func(slot int) bool) (held bool, why []string, ok bool) {
	if x == nil {
		return false, nil, false
	}
	for _, v := range x.Refs {
		if !known(v.Slot) {
			return false, nil, false
		}
	}
	held = x.Eval(vals)
	e := explainer{vals: vals, seen: map[*Var]bool{}}
	e.explain(normalize(x.Root, false), held)
	return held, e.why, true
}

type explainer struct {
	vals []catalog.Value
	seen map[*Var]bool
	why  []string
}

// explain states the facts that make n evaluate to result.
func (e *explainer) explain(n Node, result bool) {
	switch x := n.(type) {
	case And, Or:
		_, isAnd := x.(And)
		parts := flatten(n, isAnd)
		// A conjunction that holds and a disjunction that fails need every
		// operand; otherwise the operands with the deciding value suffice.
		all := isAnd == result
		for _, p := range parts {
			got := compileBool(p, false)(e.vals)
			if all {
				e.explain(p, got)
				continue
			}
			if got == result {
				e.explain(p, got)
				if !isAnd {
					return // one alternative that holds is the reason
				}
			}
		}
		return
	case Lit:
		return // a constant says nothing about the case
	}
	e.leaf(n)
}

// leaf states the facts a test reads, with the case's values.
func (e *explainer) leaf(n Node) {
	for _, v := range readsOf(n, nil) {
		if e.seen[v] {
			continue
		}
		e.seen[v] = true
		e.why = append(e.why, FactText(v, e.vals[v.Slot]))
	}
}

// readsOf lists the variables a node reads, each once, in order of first
// use (a divisor's variables too: compile.go).
func readsOf(n Node, out []*Var) []*Var {
	switch x := n.(type) {
	case Ident:
		for _, v := range out {
			if v == x.Var {
				return out
			}
		}
		return append(out, x.Var)
	case And:
		return readsOf(x.R, readsOf(x.L, out))
	case Or:
		return readsOf(x.R, readsOf(x.L, out))
	case Not:
		return readsOf(x.X, out)
	case Neg:
		return readsOf(x.X, out)
	case Len:
		return readsOf(x.X, out)
	case Has:
		return readsOf(x.X, out)
	case Compare:
		return readsOf(x.R, readsOf(x.L, out))
	case Arith:
		return readsOf(x.R, readsOf(x.L, out))
	case In:
		out = readsOf(x.X, out)
		if x.List == nil {
			return readsOf(x.Hi, readsOf(x.Lo, out))
		}
		for _, el := range x.List {
			out = readsOf(el, out)
		}
	}
	return out
}

// FactText states the value of one fact as a decision document does: a
// boolean fact by its label or its negation (及时改正, 未及时改正), an
// enumerated fact by its value's label (危害后果轻微), a quantity with its
// unit (占用面积为8平方米), a date in Chinese (2026年5月10日).
func FactText(v *Var, val catalog.Value) string {
	switch val.Type {
	case catalog.FactBool:
		label := v.Label()
		if val.Bool {
			return label
		}
		// 有证据足以证明没有主观过错 → 没有证据足以证明没有主观过错: a
		// single clause with 有, which the tables negate as a circumstance
		// (不具有…的情形) for the negation inside, reads plainly with 没有.
		if rest, ok := strings.CutPrefix(label, "有"); ok && !strings.ContainsAny(label, "，、；,;") && !strings.HasPrefix(rest, "关") {
			return "没有" + rest
		}
		return NegateLabel(label)
	case catalog.FactEnum:
		return enumSet(v, []string{val.Enum}, false)
	case catalog.FactDate:
		return v.Label() + "为" + ChineseDate(val.Date)
	case catalog.FactEnumList:
		if len(val.List) == 0 {
			return "无" + v.Label()
		}
		labels := make([]string, len(val.List))
		for i, name := range val.List {
			labels[i] = name
			if v.Fact != nil {
				if j := v.Fact.Values.Index(name); j >= 0 && v.Fact.Values[j].Label != "" {
					labels[i] = v.Fact.Values[j].Label
				}
			}
		}
		return v.Label() + "为" + strings.Join(labels, "、")
	}
	if val.Undeterminable {
		return v.Label() + "无法确定"
	}
	return v.Label() + "为" + literal(NumLit(val.Num), unitOf(Ident{Var: v}))
}
