package standards

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
)

// This file holds the division check (standards_division): a condition
// that divides by a fact whose declared domain includes 0 cannot be
// evaluated for a case where the fact is 0, and no rule says what such a
// case falls under. The check is static: it walks each condition's typed
// tree and computes, from the facts' declared min and max, whether each
// divisor can be 0 where the division is evaluated.

// divisions reports every condition of the catalog that divides by
// something that may be 0, in the order the catalog states the conditions.
func (ck *checker) divisions() {
	for _, c := range ck.conditions() {
		x := ck.expr(c.cond)
		if x == nil {
			continue
		}
		var found *catalog.Phrase
		seen := map[string]bool{}
		chkDivisors(x.Root, ck.constraintKnown(c.item, c.cond), func(divisor condition.Node, why *catalog.Phrase) {
			d := condition.String(divisor)
			if !seen[d] {
				seen[d] = true
				if found == nil {
					found = messagesZh.P("%s (%s)", d, why)
				} else {
					found = messagesZh.P("%s and by %s", found, messagesZh.P("%s (%s)", d, why))
				}
			}
		})
		if found == nil {
			continue
		}
		where := conditionOwner(c.what)
		if c.item != "" {
			where = messagesZh.P("%s: %s", messagesZh.P("item %s", c.item), where)
		}
		f := finding(c.cond.Pos, CodeDivision, SeverityWarning, MethodStatic,
			"%s: the condition %s divides by %s, which may be 0: a case where it is 0 cannot be decided by this condition",
			where, chkSrc(x), found)
		f.Item, f.Version = c.item, c.version
		f.setHint("declare the fact's min above 0 if it can never be 0, guard the division (days > 0 && area_m2 / days < 10), or multiply instead (area_m2 < 10 * days)")
		ck.add(f)
	}
}

// chkCond is one condition of the catalog with what it belongs to.
type chkCond struct {
	cond          *catalog.Cond
	item, version string
	what          string
}

// conditions lists the catalog's conditions in the order compileCatalog
// compiles them.
func (ck *checker) conditions() []chkCond {
	cat := ck.cat
	var out []chkCond
	add := func(c *catalog.Cond, item, version, what string) {
		if c != nil {
			out = append(out, chkCond{cond: c, item: item, version: version, what: what})
		}
	}
	for _, k := range cat.Constraints {
		add(k.Holds, "", "", "constraint "+k.ID)
	}
	if r := cat.Policies.NoFault; r != nil {
		add(r.When, "", "", "policies.no_fault")
	}
	for _, f := range cat.Factors {
		add(f.When, "", "", "factor "+f.ID)
	}
	if r := cat.Procedure.LegalReview; r != nil {
		add(r.When, "", "", "procedure.legal_review")
	}
	if r := cat.Procedure.CollectiveDiscussion; r != nil {
		add(r.When, "", "", "procedure.collective_discussion")
	}
	for _, it := range cat.Items {
		for _, k := range it.Constraints {
			add(k.Holds, it.Code, "", "constraint "+k.ID)
		}
		if l := it.Limitation; l != nil && l.Extended != nil {
			add(l.Extended.When, it.Code, "", "limitation.extended")
		}
		for _, v := range it.Versions {
			add := func(c *catalog.Cond, what string) { add(c, it.Code, v.ID, what) }
			if p := v.Precondition; p != nil {
				add(p.When, "precondition")
			}
			for _, s := range v.Sanctions {
				if p := s.Precondition; p != nil {
					add(p.When, "precondition of "+string(s.Type))
				}
			}
			b := v.Benchmark
			if b == nil {
				continue
			}
			for _, g := range b.Grades {
				add(g.When, "grade "+g.ID)
			}
			add(condOf(b.LightViolation), "light_violation")
			add(foCond(b.FirstOffense), "first_offense")
			if cm := b.Commitment; cm != nil {
				add(cm.When, "commitment")
			}
			if o := b.Offset; o != nil {
				add(o.When, "public_service_offset")
			}
			for _, f := range b.Factors {
				add(f.When, "factor "+f.ID)
			}
		}
	}
	return out
}

// chkKnown is what a condition has established about variables where a
// subterm is evaluated: the engine evaluates && and || left to right and
// stops early, so the right operand of "days > 0 && …" only sees days > 0.
type chkKnown map[int]ivSet

func (k chkKnown) with(slot int, s ivSet) chkKnown {
	out := make(chkKnown, len(k)+1)
	for i, v := range k {
		out[i] = v
	}
	if old, ok := out[slot]; ok {
		s = old.intersect(s)
	}
	out[slot] = s
	return out
}

// chkDivisors calls report for every divisor in n that may be 0 where it is
// evaluated.
func chkDivisors(n condition.Node, known chkKnown, report func(divisor condition.Node, why *catalog.Phrase)) {
	switch x := n.(type) {
	case condition.And:
		chkDivisors(x.L, known, report)
		chkDivisors(x.R, chkLearn(x.L, true, known), report)
	case condition.Or:
		chkDivisors(x.L, known, report)
		chkDivisors(x.R, chkLearn(x.L, false, known), report)
	case condition.Not:
		chkDivisors(x.X, known, report)
	case condition.Compare:
		chkDivisors(x.L, known, report)
		chkDivisors(x.R, known, report)
	case condition.In:
		chkDivisors(x.X, known, report)
		for _, el := range x.List {
			chkDivisors(el, known, report)
		}
		if x.Lo != nil {
			chkDivisors(x.Lo, known, report)
			chkDivisors(x.Hi, known, report)
		}
	case condition.Neg:
		chkDivisors(x.X, known, report)
	case condition.Arith:
		chkDivisors(x.L, known, report)
		chkDivisors(x.R, known, report)
		if x.Op == "/" {
			if why, ok := chkMayBeZero(x.R, known); ok {
				report(x.R, why)
			}
		}
	}
}

// chkLearn is what is known once n has evaluated to want: the comparisons
// of one variable with constants it implies. Anything else teaches
// nothing.
func chkLearn(n condition.Node, want bool, known chkKnown) chkKnown {
	switch x := n.(type) {
	case condition.And:
		if want {
			return chkLearn(x.R, true, chkLearn(x.L, true, known))
		}
	case condition.Or:
		if !want {
			return chkLearn(x.R, false, chkLearn(x.L, false, known))
		}
	case condition.Not:
		return chkLearn(x.X, !want, known)
	case condition.Compare:
		id, c, op, ok := chkVarConst(x)
		if !ok {
			break
		}
		s := ivCompare(op, c)
		if !want {
			s = s.complement()
		}
		return known.with(id.Var.Slot, s)
	case condition.In:
		id, ok := x.X.(condition.Ident)
		if !ok || !id.Var.Type.Numeric() {
			break
		}
		var s ivSet
		if x.List == nil {
			lo, lok := ivConst(x.Lo)
			hi, hok := ivConst(x.Hi)
			if !lok || !hok {
				break
			}
			l, h := ivNum(lo), ivNum(hi)
			s = ivBetween(&l, false, &h, false)
		} else {
			for _, el := range x.List {
				c, cok := ivConst(el)
				if !cok {
					return known
				}
				s = s.union(ivPoint(ivNum(c)))
			}
		}
		if x.Negated != !want {
			s = s.complement()
		}
		return known.with(id.Var.Slot, s)
	}
	return known
}

// chkVarConst reads "x op c" or "c op x" as x op' c, for a numeric x.
func chkVarConst(x condition.Compare) (condition.Ident, decimal.Decimal, string, bool) {
	if id, ok := x.L.(condition.Ident); ok && id.Var.Type.Numeric() {
		if c, ok := ivConst(x.R); ok {
			return id, ivNum(c), x.Op, true
		}
	}
	if id, ok := x.R.(condition.Ident); ok && id.Var.Type.Numeric() {
		if c, ok := ivConst(x.L); ok {
			return id, ivNum(c), ivFlip(x.Op), true
		}
	}
	return condition.Ident{}, decimal.Decimal{}, "", false
}

// chkMayBeZero reports whether a numeric term may be 0, and why. A
// product is 0 when a factor is, a quotient when its dividend is; a sum or
// difference is bounded from its terms' bounds.
func chkMayBeZero(n condition.Node, known chkKnown) (*catalog.Phrase, bool) {
	switch x := n.(type) {
	case condition.Ident:
		d := chkDomain(x.Var, known)
		if !d.contains(decimal.Zero) {
			return nil, false
		}
		return chkDomainText(x.Var, d), true
	case condition.Lit:
		if ivNum(x.Value).IsZero() {
			return messagesZh.P("the constant 0"), true
		}
		return nil, false
	case condition.Neg:
		return chkMayBeZero(x.X, known)
	case condition.Arith:
		switch x.Op {
		case "*":
			if why, ok := chkMayBeZero(x.L, known); ok {
				return why, true
			}
			return chkMayBeZero(x.R, known)
		case "/":
			return chkMayBeZero(x.L, known)
		}
	}
	if h := chkHull(n, known); h.contains(decimal.Zero) {
		return messagesZh.P("its bounds %s include 0", h.String()), true
	}
	return nil, false
}

// chkHull is an interval that holds every value of a numeric term.
func chkHull(n condition.Node, known chkKnown) ivSet {
	switch x := n.(type) {
	case condition.Ident:
		return chkSpan(chkDomain(x.Var, known))
	case condition.Lit:
		return ivPoint(ivNum(x.Value))
	case condition.Neg:
		h := chkHull(x.X, known)
		if len(h) == 0 {
			return nil
		}
		return ivSet{{lo: chkNegEnd(h[0].hi), hi: chkNegEnd(h[0].lo)}}
	case condition.Arith:
		l, r := chkHull(x.L, known), chkHull(x.R, known)
		if len(l) == 0 || len(r) == 0 {
			return nil
		}
		switch x.Op {
		case "+":
			return ivSet{{lo: chkAddEnd(l[0].lo, r[0].lo), hi: chkAddEnd(l[0].hi, r[0].hi)}}
		case "-":
			return ivSet{{lo: chkAddEnd(l[0].lo, chkNegEnd(r[0].hi)), hi: chkAddEnd(l[0].hi, chkNegEnd(r[0].lo))}}
		}
	}
	return ivAll()
}

func chkNegEnd(e ivEnd) ivEnd {
	if e.inf {
		return e
	}
	return ivEnd{v: e.v.Neg(), open: e.open}
}

func chkAddEnd(a, b ivEnd) ivEnd {
	if a.inf || b.inf {
		return ivEnd{inf: true}
	}
	return ivEnd{v: a.v.Add(b.v), open: a.open || b.open}
}

// chkSpan is the smallest interval holding a set.
func chkSpan(s ivSet) ivSet {
	if len(s) == 0 {
		return nil
	}
	return ivSet{{lo: s[0].lo, hi: s[len(s)-1].hi}}
}

// chkDomain is the values a numeric variable may take where a term is
// evaluated: its declared min and max (the engine's own variables: an age
// from -1, for an organization, to 110; counts and amounts from 0), narrowed
// by what the condition has established.
func chkDomain(v *condition.Var, known chkKnown) ivSet {
	d := ivAll()
	switch {
	case v.Slot == discretion.SlotAge:
		lo, hi := decimal.NewFromInt(-1), decimal.NewFromInt(chkMaxAge)
		d = ivBetween(&lo, false, &hi, false)
	case v.Slot < discretion.NumBuiltinSlots:
		zero := decimal.Zero
		d = ivBetween(&zero, false, nil, false)
	case v.Fact != nil:
		d = ivBetween(v.Fact.Min, false, v.Fact.Max, false)
	}
	if v.Type == catalog.FactInt {
		d = d.integers()
	}
	if k, ok := known[v.Slot]; ok {
		d = d.intersect(k)
	}
	return d
}

// chkDomainText says why a variable may be 0.
func chkDomainText(v *condition.Var, d ivSet) *catalog.Phrase {
	label := v.Name
	if v.Fact != nil && v.Fact.Label != "" && v.Fact.Label != v.Name {
		label += " " + v.Fact.Label
	}
	switch {
	case v.Slot < discretion.NumBuiltinSlots:
		return messagesZh.P("%s, which the engine sets to 0 for some cases", label)
	case v.Fact != nil && v.Fact.Min == nil:
		return messagesZh.P("%s, declared without a min", label)
	case v.Fact != nil && v.Fact.Min.Sign() <= 0:
		return messagesZh.P("%s, declared with min %s", label, v.Fact.Min.String())
	}
	return messagesZh.P("%s, which may be 0 here: %s", label, d.String())
}

// conditionOwner names the rule a condition belongs to, as conditions
// lists it ("factor f", "policies.no_fault"), for a finding.
func conditionOwner(what string) *catalog.Phrase {
	for _, prefix := range []string{"constraint ", "factor ", "grade ", "precondition of "} {
		if rest, ok := strings.CutPrefix(what, prefix); ok {
			switch prefix {
			case "constraint ":
				return messagesZh.P("constraint %s", rest)
			case "factor ":
				return messagesZh.P("factor %s", rest)
			case "grade ":
				return messagesZh.P("grade %s", rest)
			default:
				return messagesZh.P("precondition of sanction %s", rest)
			}
		}
	}
	switch what {
	case "policies.no_fault":
		return messagesZh.P("policies.no_fault")
	case "procedure.legal_review":
		return messagesZh.P("procedure.legal_review")
	case "procedure.collective_discussion":
		return messagesZh.P("procedure.collective_discussion")
	case "limitation.extended":
		return messagesZh.P("limitation.extended")
	case "precondition":
		return messagesZh.P("precondition")
	case "light_violation":
		return messagesZh.P("light_violation")
	case "first_offense":
		return messagesZh.P("first_offense")
	case "commitment":
		return messagesZh.P("commitment")
	case "public_service_offset":
		return messagesZh.P("public_service_offset")
	}
	return messagesZh.P("%s", what)
}
