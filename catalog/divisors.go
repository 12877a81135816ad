package catalog

import (
	"strings"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/parser"
)

// AdmitsZero reports whether a numeric fact's declared domain includes 0:
// no min, or a min of 0 or less, and no max below 0.
func (f *Fact) AdmitsZero() bool {
	if !f.Type.Numeric() {
		return false
	}
	return (f.Min == nil || f.Min.Sign() <= 0) && (f.Max == nil || f.Max.Sign() >= 0)
}

// zeroDivisors warns of every condition that divides by a fact whose
// declared domain includes 0. Such a condition has no answer for a case
// that states 0, and deciding that case is a case error; the warning lets
// the author bound the fact (min above 0) or guard the division
// (days > 0 && area_m2 / days < 10). Only conditions that contain "/" are
// parsed, so that loading a catalog without division costs nothing more.
func (v *validator) zeroDivisors() {
	c := v.cat
	for _, cond := range catalogConds(c) {
		v.condDivisors(cond, c.Facts)
	}
	for _, it := range c.Items {
		facts := c.AllFacts(it)
		for _, cond := range itemConds(it) {
			v.condDivisors(cond, facts)
		}
	}
	v.cat.Warnings.Sort()
}

func (v *validator) condDivisors(cond *Cond, facts Facts) {
	if cond == nil || !strings.ContainsRune(cond.Src, '/') {
		return
	}
	tree, err := parser.Parse(cond.Src)
	if err != nil {
		return // the compiler reports it
	}
	w := &divisorVisitor{}
	ast.Walk(&tree.Node, w)
	for _, id := range w.divisors {
		f := facts.Lookup(id.Value)
		if f == nil || !f.AdmitsZero() {
			continue
		}
		d := &Diagnostic{Pos: cond.PosAt(id.Location().From), Code: CodeZeroDivisor,
			Message: "condition divides by " + f.Name + " (" + f.Label + "), whose declared domain includes 0: a case that states " + f.Name + " = 0 cannot be decided by it",
			Hint:    "declare a min above 0 for " + f.Name + ", or test " + f.Name + " > 0 before dividing"}
		v.cat.Warnings.Add(d)
	}
}

// divisorVisitor collects the facts that are the right operand of "/".
type divisorVisitor struct{ divisors []*ast.IdentifierNode }

func (w *divisorVisitor) Visit(node *ast.Node) {
	if b, ok := (*node).(*ast.BinaryNode); ok && b.Operator == "/" {
		if id, ok := b.Right.(*ast.IdentifierNode); ok {
			w.divisors = append(w.divisors, id)
		}
	}
}

// catalogConds lists the catalog-wide conditions, which read the catalog's
// facts.
func catalogConds(c *Catalog) []*Cond {
	var out []*Cond
	for _, r := range []*Rule{c.Policies.NoFault, c.Procedure.LegalReview, c.Procedure.CollectiveDiscussion} {
		if r != nil {
			out = append(out, r.When)
		}
	}
	for _, f := range c.Factors {
		out = append(out, f.When)
	}
	return out
}

// itemConds lists an item's conditions, which read the catalog's facts and
// the item's own.
func itemConds(it *Item) []*Cond {
	var out []*Cond
	if l := it.Limitation; l != nil && l.Extended != nil {
		out = append(out, l.Extended.When)
	}
	for _, ver := range it.Versions {
		if p := ver.Precondition; p != nil {
			out = append(out, p.When)
		}
		for _, s := range ver.Sanctions {
			if s.Precondition != nil {
				out = append(out, s.Precondition.When)
			}
		}
		b := ver.Benchmark
		if b == nil {
			continue
		}
		for _, g := range b.Grades {
			out = append(out, g.When)
		}
		if b.LightViolation != nil {
			out = append(out, b.LightViolation.When)
		}
		if b.FirstOffense != nil {
			out = append(out, b.FirstOffense.When)
		}
		if b.Commitment != nil {
			out = append(out, b.Commitment.When)
		}
		if b.Offset != nil {
			out = append(out, b.Offset.When)
		}
		for _, f := range b.Factors {
			out = append(out, f.When)
		}
	}
	return out
}
