package standards

import (
	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
)

// compiled holds every condition of a catalog compiled against its scope,
// the form that rendering and comparing need.
type compiled struct {
	cat   *catalog.Catalog
	exprs map[*catalog.Cond]*condition.Expr
	diags catalog.Diagnostics
}

// compileCatalog compiles every condition of a loaded catalog with the
// scopes the engine uses. The error, if any, is a catalog.Diagnostics with
// every condition that does not compile.
func compileCatalog(cat *catalog.Catalog) (*compiled, error) {
	c := &compiled{cat: cat, exprs: map[*catalog.Cond]*condition.Expr{}}
	base := discretion.BaseScope(cat)
	if r := cat.Policies.NoFault; r != nil {
		c.add(r.When, base)
	}
	for _, f := range cat.Factors {
		c.add(f.When, base)
	}
	for _, k := range cat.Constraints {
		c.add(k.Holds, base)
	}
	proc := discretion.ProcedureScope(cat)
	for _, r := range []*catalog.Rule{cat.Procedure.LegalReview, cat.Procedure.CollectiveDiscussion} {
		if r != nil {
			c.add(r.When, proc)
		}
	}
	for _, it := range cat.Items {
		s := discretion.ItemScope(base, cat, it)
		if l := it.Limitation; l != nil && l.Extended != nil {
			c.add(l.Extended.When, s)
		}
		for _, k := range it.Constraints {
			c.add(k.Holds, s)
		}
		for _, v := range it.Versions {
			c.version(v, s)
		}
		// The lists' entries for the item, in its facts and counters.
		for _, l := range cat.Lists {
			if e := l.Entry(it.Code); e != nil {
				c.add(e.When, s)
			}
		}
	}
	c.diags.Sort()
	if err := c.diags.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *compiled) version(v *catalog.Version, s *condition.Scope) {
	if p := v.Precondition; p != nil {
		c.add(p.When, s)
	}
	for _, sn := range v.Sanctions {
		if p := sn.Precondition; p != nil {
			c.add(p.When, s)
		}
		for _, r := range sn.Ranges {
			c.add(r.When, s)
		}
	}
	b := v.Benchmark
	if b == nil {
		return
	}
	for _, g := range b.Grades {
		c.add(g.When, s)
	}
	if e := b.LightViolation; e != nil {
		c.add(e.When, s)
	}
	if fo := b.FirstOffense; fo != nil {
		c.add(fo.When, s)
	}
	if cm := b.Commitment; cm != nil {
		c.add(cm.When, s)
	}
	if o := b.Offset; o != nil {
		c.add(o.When, s)
	}
	for _, f := range b.Factors {
		c.add(f.When, s)
	}
}

func (c *compiled) add(cond *catalog.Cond, s *condition.Scope) {
	if cond == nil {
		return
	}
	if _, done := c.exprs[cond]; done {
		return
	}
	x, diags := condition.Compile(cond, s)
	for _, d := range diags {
		c.diags.Add(d)
	}
	c.exprs[cond] = x
}

// expr returns the compiled condition, or nil.
func (c *compiled) expr(cond *catalog.Cond) *condition.Expr {
	if cond == nil {
		return nil
	}
	return c.exprs[cond]
}

// text renders a condition into Chinese.
func (c *compiled) text(cond *catalog.Cond) string {
	return RenderCondition(c.expr(cond))
}

// source is the canonical expression of a condition (fully parenthesised,
// whitespace-free), for comparing conditions across catalog versions.
func (c *compiled) source(cond *catalog.Cond) string {
	if x := c.expr(cond); x != nil {
		return condition.String(x.Root)
	}
	if cond != nil {
		return cond.Src
	}
	return ""
}
