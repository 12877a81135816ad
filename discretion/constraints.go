package discretion

import (
	"slices"
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// constraintRule is a compiled catalog.Constraint: a condition every case
// satisfies.
type constraintRule struct {
	c    *catalog.Constraint
	expr *condition.Expr
}

// constraints compiles a list of constraints against a scope. A constraint
// that reads an undeclared fact or is not a truth value is a positioned
// diagnostic, as any condition.
func (c *compiler) constraints(cs []*catalog.Constraint, scope *condition.Scope) []*constraintRule {
	var out []*constraintRule
	for _, k := range cs {
		if k == nil || k.Holds == nil {
			continue
		}
		x, diags := condition.Compile(k.Holds, scope)
		for _, d := range diags {
			c.diags.Add(d)
		}
		if x != nil {
			out = append(out, &constraintRule{c: k, expr: x})
		}
	}
	return out
}

// unsatisfiable reports, as compile errors, constraints that no case within
// the declared facts satisfies: each of own alone, then, if each can be,
// all of all together (the catalog's and the item's, for item code; the
// catalog's, for code "").
// Where deciding that needs more than comparisons with constants, the
// consistency checks decide it (standards_constraint).
func (c *compiler) unsatisfiable(own, all []*constraintRule, nslots int, code string) {
	for _, k := range own {
		if sat, decided := satisfiable([]*condition.Expr{k.expr}, nslots); decided && !sat {
			c.diags.Addf(k.c.Holds.Pos, catalog.CodeUnsatisfiable,
				"constraint %s (%s) is never satisfied within the declared facts: every case would be rejected as impossible",
				k.c.ID, k.c.Label).SetHint("check the constraint against the facts' min, max and values")
			return
		}
	}
	if len(all) < 2 || len(own) == 0 {
		return
	}
	xs := make([]*condition.Expr, len(all))
	ids := make([]string, len(all))
	for i, k := range all {
		xs[i], ids[i] = k.expr, k.c.ID
		if sat, decided := satisfiable(xs[i:i+1], nslots); decided && !sat {
			return // a catalog constraint, reported as such
		}
	}
	if sat, decided := satisfiable(xs, nslots); !decided || sat {
		return
	}
	var d *catalog.Diagnostic
	if code == "" {
		d = c.diags.Addf(own[0].c.Holds.Pos, catalog.CodeUnsatisfiable,
			"constraints %s are never satisfied together within the declared facts: every case would be rejected as impossible",
			strings.Join(ids, ", "))
	} else {
		d = c.diags.Addf(own[0].c.Holds.Pos, catalog.CodeUnsatisfiable,
			"item %s: constraints %s are never satisfied together within the declared facts: every case would be rejected as impossible",
			code, strings.Join(ids, ", "))
	}
	d.SetHint("check the constraint against the facts' min, max and values")
}

// checkConstraints rejects a case whose facts violate a constraint of its
// item or of the catalog: such a combination cannot occur, so the case is
// misstated, and deciding it would answer a question no real case asks.
// Every violated constraint is reported, each under every fact it reads.
// A constraint that reads a fact the case does not state is not checked:
// the rules that need the fact report it missing.
func (r *run) checkConstraints() error {
	var cerr *CaseError
	for _, k := range r.ir.constraints {
		if !r.allSet(k.expr) {
			continue
		}
		ok, err := k.expr.EvalStrict(r.vals)
		if err != nil {
			if cerr == nil {
				cerr = &CaseError{}
			}
			cerr.evalFailed(messagesZh.P("the condition of rule %s", "constraint:"+k.c.ID), err)
			continue
		}
		if ok {
			continue
		}
		if cerr == nil {
			cerr = &CaseError{}
		}
		r.violated(cerr, k)
	}
	if cerr == nil {
		return nil
	}
	return cerr
}

func (r *run) allSet(x *condition.Expr) bool {
	for _, v := range x.Refs {
		if !r.set[v.Slot] {
			return false
		}
	}
	return true
}

// violated adds the problems of a violated constraint: one per field the
// constraint reads, each naming the constraint and the values of all of
// them, so that whoever fixes one field sees what it conflicts with.
func (r *run) violated(cerr *CaseError, k *constraintRule) {
	var vals *catalog.Phrase
	for _, v := range k.expr.Refs {
		val := messagesZh.P("%s is %s", v.Label(), valueText(v, r.vals[v.Slot]))
		if vals == nil {
			vals = val
		} else {
			vals = messagesZh.P("%s, %s", vals, val)
		}
	}
	msg := messagesZh.P("an impossible combination of facts: the case does not meet constraint \"%s\" (%s): here %s; check these facts",
		k.c.Label, k.c.ID, vals)
	seen := map[string]bool{}
	for _, v := range k.expr.Refs {
		field := constraintField(v)
		if seen[field] {
			continue
		}
		seen[field] = true
		cerr.add(field, "%s", msg)
	}
}

// constraintField is the case field a variable's value comes from.
func constraintField(v *condition.Var) string {
	switch v.Slot {
	case SlotPartyType:
		return "party.type"
	case SlotAge:
		return "party.birth_date"
	case SlotPriorSameItem, SlotPriorSameItem1y, SlotPriorSameItem2y, SlotPriorAny1y, SlotPriorPenalizedSameItem1y:
		return "history"
	case SlotCommitmentBreached:
		return "commitment.breached"
	}
	return "facts." + v.Name
}

// valueText states a value in Chinese: an enum by its label, a truth value
// as 是/否, a number with the fact's unit.
func valueText(v *condition.Var, val catalog.Value) string {
	switch val.Type {
	case catalog.FactBool:
		if val.Bool {
			return "“是”"
		}
		return "“否”"
	case catalog.FactEnum:
		if v.Fact != nil {
			if i := v.Fact.Values.Index(val.Enum); i >= 0 && v.Fact.Values[i].Label != "" {
				return "“" + v.Fact.Values[i].Label + "”"
			}
		}
		return "“" + val.Enum + "”"
	case catalog.FactEnumList:
		if len(val.List) == 0 {
			return "无"
		}
		labels := make([]string, len(val.List))
		for i, name := range val.List {
			labels[i] = "“" + name + "”"
			if v.Fact != nil {
				if j := v.Fact.Values.Index(name); j >= 0 && v.Fact.Values[j].Label != "" {
					labels[i] = "“" + v.Fact.Values[j].Label + "”"
				}
			}
		}
		return strings.Join(labels, "、")
	case catalog.FactDate:
		return val.Date.String()
	}
	if val.Undeterminable {
		return "无法确定"
	}
	s := val.Num.String()
	if v.Fact != nil && v.Fact.Unit != "" {
		s += v.Fact.Unit
	}
	return s
}

// Impossible returns the ids of the constraints the case's facts violate
// — of the catalog and of each item the case names — in catalog order,
// each once; nil when the case satisfies them all. A case that cannot be
// loaded (an unknown item, a missing or malformed fact) violates nothing
// here: Decide reports what is wrong with it. Case generators use
// Impossible to draw again instead of deciding a case that cannot occur.
func (e *Engine) Impossible(c *Case) []string {
	if c == nil {
		return nil
	}
	codes := c.Items
	if len(codes) == 0 {
		codes = []string{c.Item}
	}
	// The facts of every item named, which each item ignores (art. 29).
	var declared map[string]bool
	if len(codes) > 1 {
		declared = map[string]bool{}
		for _, code := range codes {
			if ir := e.items[code]; ir != nil {
				for name := range ir.factSlot {
					declared[name] = true
				}
			}
		}
	}
	var out []string
	for _, code := range codes {
		ir := e.items[code]
		if ir == nil || len(ir.constraints) == 0 {
			continue
		}
		single := *c
		single.Item, single.Items = code, nil
		r := e.newRun(&single, ir)
		if r.load(declared) == nil {
			for _, k := range ir.constraints {
				if !r.allSet(k.expr) {
					continue
				}
				if ok, err := k.expr.EvalStrict(r.vals); err == nil && !ok && !slices.Contains(out, k.c.ID) {
					out = append(out, k.c.ID)
				}
			}
		}
		r.release()
	}
	return out
}
