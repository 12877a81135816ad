package standards

import (
	"github.com/jizhun/jizhun/catalog"
)

// CodeConstraint is the code of a constraint that no case can satisfy:
// with it, every case of the item is rejected as impossible.
const CodeConstraint = "standards_constraint"

// constraintLits are the constraints that bind the cases of an item: the
// catalog's, then the item's, with the constraint each stands for.
func (ck *checker) constraintLits(it *catalog.Item) ([]chkLit, []*catalog.Constraint) {
	var out []chkLit
	var defs []*catalog.Constraint
	for _, cs := range [][]*catalog.Constraint{ck.cat.Constraints, it.Constraints} {
		for _, k := range cs {
			if x := ck.expr(k.Holds); x != nil {
				out = append(out, lit(x, true))
				defs = append(defs, k)
			}
		}
	}
	return out, defs
}

// constraintChecks reports, for one version, a constraint that no case
// within the declared facts satisfies, or constraints that together leave
// no case at all: the engine would reject every case of the item. It
// returns false then, and the version's other checks, which would find
// every rule unreachable, are not run.
func (ck *checker) constraintChecks(vc *chkVersion) bool {
	if len(vc.constraints) == 0 {
		return true
	}
	ks := vc.constraintDefs
	alone := false
	for i, k := range ks {
		if _, ok, m := vc.findFree(vc.constraints[i]); !ok {
			alone = alone || m == MethodInterval // proven
			if ck.constraintsReported[k] {
				continue // a catalog constraint, reported for an earlier item
			}
			ck.constraintsReported[k] = true
			ck.add(vc.finding(k.Holds.Pos, CodeConstraint, chkSev(m), m, nil,
				"constraint %s (%s) is never satisfied within the declared facts: every case would be rejected as impossible%s",
				k.ID, k.Label, chkNotProven(m, vc)))
		}
	}
	if alone {
		return false
	}
	_, ok, m := vc.find(chkQuery{})
	if !ok {
		f := vc.finding(ks[0].Holds.Pos, CodeConstraint, chkSev(m), m, nil,
			"the constraints together are never satisfied within the declared facts: every case would be rejected as impossible%s",
			chkNotProven(m, vc))
		for _, k := range ks[1:] {
			f.Related = append(f.Related, relatedRule(k.Holds.Pos, "constraint %s", k.ID))
		}
		ck.add(f)
	}
	return ok || m == MethodGenerated
}

// findFree finds a point that satisfies one constraint, the others left
// aside.
func (vc *chkVersion) findFree(l chkLit) (*chkPoint, bool, Method) {
	saved := vc.constraints
	vc.constraints = nil
	defer func() { vc.constraints = saved }()
	return vc.find(chkQuery{lits: []chkLit{l}})
}

// constraintKnown is what the constraints of an item (code empty: the
// catalog's alone) establish about single facts, such as days >= 1: every
// case satisfies them, so a division by days is never a division by 0. The
// constraint whose condition is self is left out: while it is evaluated,
// it is not yet known to hold.
func (ck *checker) constraintKnown(code string, self *catalog.Cond) chkKnown {
	known := chkKnown{}
	cs := ck.cat.Constraints
	if it := ck.cat.Item(code); code != "" && it != nil {
		cs = append(append([]*catalog.Constraint(nil), cs...), it.Constraints...)
	}
	for _, k := range cs {
		if x := ck.expr(k.Holds); x != nil && k.Holds != self {
			known = chkLearn(x.Root, true, known)
		}
	}
	return known
}
