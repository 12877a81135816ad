package discretion

import (
	"fmt"
	"slices"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// The published lists (首违不罚清单, 轻微违法不予处罚清单) are documents of
// their own, with a term: the list that applies to a case is chosen as the
// version of an item is, 《行政处罚法》第三十七条 by analogy — "实施行政处罚，
// 适用违法行为发生时的法律、法规、规章的规定。但是，作出行政处罚决定时，法
// 律、法规、规章已被修改或者废止，且新的规定处罚较轻或者不认为是违法的，适
// 用新的规定。" — the list in force at the act, unless the one in force at
// the decision lists the item and is so the more favourable to the party;
// unless the issuer of the later list adopted another rule
// (catalog.ListTransition), which the trace cites.

// listWhy is why a list applies, as the trace states it.
type listWhy uint8

const (
	listNone               listWhy = iota // no list of the kind is in force at either date
	listSame                              // one list is in force at the act and at the decision
	listActDate                           // the list at the act (art. 37: 从旧)
	listFavourable                        // the list at the decision, which exempts the case (从轻)
	listRuleActDate                       // the later list's rule: the list at the act
	listRuleDecision                      // the later list's rule: the list at the decision
	listNotBeforeEffective                // the later list excludes acts before it took effect
	listActOnlyInForce                    // the list at the act; none is in force at the decision
)

// listOutcome is what a list says of the case: whether it names the item
// and, where its entry states a condition, whether the condition holds.
type listOutcome uint8

const (
	listUnread     listOutcome = iota // not needed to decide the case
	listNoList                        // no list of the kind is in force
	listUnnamed                       // the list does not name the item
	listNamed                         // named, with no condition of its own
	listEntryHolds                    // named, and the entry's condition holds
	listEntryFails                    // named, but the entry's condition does not hold
)

// Why a case eligible for 首违不罚 is not exempt by the list: the ref of
// its kindFirstOffenseUnlisted step.
const (
	unlistedItem    = iota // the list that applies does not name the item
	unlistedOutside        // it names the item, but not the case's situation
	unlistedNoList         // no list of the kind applies to the case
)

// exempts reports whether the list exempts the case.
func (o listOutcome) exempts() bool { return o == listNamed || o == listEntryHolds }

// listEntryRule is a list's entry for one item, compiled: the entry, or
// nil where the list does not name the item, and its condition.
type listEntryRule struct {
	entry *catalog.ListEntry
	when  *rule
}

// listEntries compiles the entries of the catalog's lists for the item, in
// the order of the lists: an entry's condition is in the item's facts and
// counters, as the benchmark's conditions are.
func (c *compiler) listEntries(it *catalog.Item, scope *condition.Scope) []listEntryRule {
	if len(c.cat.Lists) == 0 {
		return nil
	}
	out := make([]listEntryRule, len(c.cat.Lists))
	for i, l := range c.cat.Lists {
		e := l.Entry(it.Code)
		if e == nil {
			continue
		}
		out[i].entry = e
		if e.When != nil {
			out[i].when = c.cond(e.When, scope, l.Kind, "list:"+l.ID, listCite(l), e.Label)
			if out[i].when != nil {
				out[i].when.subject = messagesZh.P("the condition of the situation %s states, %q", listCite(l), e.Label)
			}
		}
	}
	return out
}

// underList says what the list at index i (-1: none) says of the case. An
// entry's condition is tested without a step of its own: the list's step
// states it (render.go's list).
func (r *run) underList(i int) listOutcome {
	if i < 0 || i >= len(r.ir.lists) {
		return listNoList
	}
	lr := &r.ir.lists[i]
	switch {
	case lr.entry == nil:
		return listUnnamed
	case lr.when == nil:
		return listNamed
	}
	if held, _ := r.test(lr.when); held {
		return listEntryHolds
	}
	return listEntryFails
}

// listed reports whether the list of the kind that applies to the case
// exempts it — names the item and, where its entry states a condition,
// the condition holds — and records which list applied and why. The
// benchmark's own rule has been tested before: it holds. out is what the
// applied list says of the case: listNoList where no list applies,
// listEntryFails where it names the item but the case is not in the
// situation its entry states.
func (r *run) listed(kind string) (exempt bool, out listOutcome) {
	lists := r.e.cat.Lists
	atAct, atDecision := -1, -1
	for i, l := range lists {
		if l.Kind != kind {
			continue
		}
		if l.InForce(r.dates.act) {
			atAct = i
		}
		if l.InForce(r.dates.decision) {
			atDecision = i
		}
	}
	applied, why := atAct, listActDate
	var outAct, outDecision listOutcome
	switch {
	case atAct == atDecision && atAct < 0:
		why = listNone
	case atAct == atDecision:
		why = listSame
	case atDecision < 0:
		why = listActOnlyInForce
	default:
		switch lists[atDecision].Rule() {
		case catalog.ListFavourable:
			// Art. 37 by analogy compares what each list says of this
			// case, not whether each names the item: a later list that
			// relaxes an entry's condition is the more favourable for a
			// case only the relaxed condition exempts.
			// A list at the act that exempts the case leaves the later one
			// nothing more favourable to say: its entry is not tested, and
			// needs no fact of the case.
			outAct = r.underList(atAct)
			if !outAct.exempts() {
				outDecision = r.underList(atDecision)
			}
			if !outAct.exempts() && outDecision.exempts() {
				applied, why = atDecision, listFavourable
			}
		case catalog.ListActDate:
			why = listRuleActDate
		case catalog.ListDecisionDate:
			applied, why = atDecision, listRuleDecision
		case catalog.ListNotBeforeEffective:
			why = listNotBeforeEffective
		}
	}
	// The applied list's outcome, where the comparison did not read it.
	appliedOut := &outAct
	if applied != atAct {
		appliedOut = &outDecision
	}
	if *appliedOut == listUnread {
		*appliedOut = r.underList(applied)
	}
	exempt, out = appliedOut.exempts(), *appliedOut
	light := 0
	if kind == catalog.ListLightViolation {
		light = 1
	}
	r.record(kindList, applied+1, exempt, countValue(atAct+1), countValue(atDecision+1), countValue(int(why)), countValue(light),
		countValue(int(outAct)), countValue(int(outDecision)))
	return exempt, out
}

// listCite is how a list is cited: its title and 文号.
func listCite(l *catalog.List) string {
	s := "《" + l.Title + "》"
	if l.DocNumber != "" {
		s += "（" + l.DocNumber + "）"
	}
	return s
}

// list renders a kindList step.
func (rd *renderer) list(s *Step, h value, vals []value) {
	lists := rd.cat.Lists
	at := func(i value) *catalog.List {
		if i == 0 {
			return nil
		}
		return lists[i-1]
	}
	applied, atAct, atDecision, why := at(value(h.ref())), at(vals[0]), at(vals[1]), listWhy(vals[2])
	outAct, outDecision := listOutcome(vals[4]), listOutcome(vals[5])
	if vals[0] == vals[1] {
		outDecision = outAct // one list, read once
	}
	kind, name := catalog.ListFirstOffense, "首违不罚清单"
	if vals[3] == 1 {
		kind, name = catalog.ListLightViolation, "轻微违法不予处罚清单"
	}
	s.Step = kind
	s.Rule = kind + ".list"
	if why == listNone {
		s.Rule += ".none"
		s.Citation = standardCite(rd.cat)
		s.Note = fmt.Sprintf("违法行为发生时（%s）和作出处罚决定时（%s）均无施行中的%s：本事项未列入清单，依法处理",
			rd.dates.act, rd.dates.decision, name)
		return
	}
	// entry is the entry of the list at index i plus one, or nil.
	entry := func(i value) *listEntryRule {
		if i == 0 || rd.ir.lists == nil {
			return nil
		}
		return &rd.ir.lists[i-1]
	}
	appliedOut, appliedEntry := outAct, entry(vals[0])
	if applied != nil && applied != atAct {
		appliedOut, appliedEntry = outDecision, entry(vals[1])
	}
	rd.listEntryFacts(s, appliedEntry, entry(vals[0]), outAct, entry(vals[1]), outDecision)
	var because string
	switch why {
	case listSame:
		because = fmt.Sprintf("违法行为发生时（%s）和作出处罚决定时（%s）施行的均为该清单", rd.dates.act, rd.dates.decision)
		s.Rule += ".in_force"
	case listActDate:
		s.Rule += ".act_date"
		if outDecision == listUnread {
			// The list at the act exempts the case: its verdict is the
			// reason the later list is not compared, stated once.
			s.Note = fmt.Sprintf("适用%s%s：适用违法行为发生时（%s）施行的清单；该清单%s，依该清单本案不予处罚，作出处罚决定时（%s）施行的%s不会更为有利，无须比较（依照%s，参照适用）",
				name, listCite(applied), rd.dates.act, listVerdict(appliedOut, appliedEntry, "未列入本事项", "列入本事项，"),
				rd.dates.decision, listCite(atDecision), citeArt37)
			s.Citation = listCite(applied)
			return
		}
		act := fmt.Sprintf("适用违法行为发生时（%s）施行的清单", rd.dates.act)
		if atAct == nil {
			act = fmt.Sprintf("违法行为发生时（%s）没有施行中的%s", rd.dates.act, name)
		}
		because = fmt.Sprintf("%s；作出处罚决定时（%s）施行的%s%s（依照%s，参照适用）",
			act, rd.dates.decision, listCite(atDecision), laterListWords(outAct, outDecision, entry(vals[1])), citeArt37)
	case listFavourable:
		old := "违法行为发生时没有施行中的" + name
		if atAct != nil {
			old = "违法行为发生时施行的" + listCite(atAct) + listVerdict(outAct, entry(vals[0]), "未列入本事项", "虽列入本事项，但")
		}
		because = fmt.Sprintf("%s，作出处罚决定时（%s）施行的清单%s，对当事人有利，适用新清单（依照%s，参照适用）",
			old, rd.dates.decision, listVerdict(outDecision, entry(vals[1]), "", "列入本事项且"), citeArt37)
		s.Rule += ".favourable"
	case listRuleActDate, listNotBeforeEffective:
		newer := atDecision
		rule := "规定其施行前发生的违法行为适用违法行为发生时的清单"
		if why == listNotBeforeEffective {
			rule = "规定其施行前发生的违法行为不适用该清单"
			s.Rule += ".not_before_effective"
		} else {
			s.Rule += ".rule_act_date"
		}
		because = fmt.Sprintf("违法行为发生于%s，早于%s施行日期%s，该清单%s，适用违法行为发生时施行的清单", rd.dates.act, listCite(newer), newer.Effective, rule)
		if applied == nil {
			because = fmt.Sprintf("违法行为发生于%s，早于%s施行日期%s，该清单%s，而违法行为发生时没有施行中的%s", rd.dates.act, listCite(newer), newer.Effective, rule, name)
		}
		s.Citation = citeOr(newer.Transition.Citation, "")
	case listRuleDecision:
		because = fmt.Sprintf("%s规定适用作出处罚决定时（%s）施行的清单", listCite(atDecision), rd.dates.decision)
		s.Citation = citeOr(atDecision.Transition.Citation, "")
		s.Rule += ".rule_decision_date"
	case listActOnlyInForce:
		because = fmt.Sprintf("作出处罚决定时（%s）没有施行中的%s，适用违法行为发生时（%s）施行的清单", rd.dates.decision, name, rd.dates.act)
		s.Rule += ".act_date"
	}
	if applied == nil {
		s.Note = fmt.Sprintf("不适用%s：%s", name, because)
		s.Citation = joinNonEmpty(s.Citation, standardCite(rd.cat))
		return
	}
	s.Note = fmt.Sprintf("适用%s%s：%s", name, listCite(applied), because)
	if why != listFavourable { // the favourable rule's reason states the new list's verdict
		s.Note += "；该清单" + listVerdict(appliedOut, appliedEntry, "未列入本事项", "列入本事项，")
	}
	s.Citation = joinNonEmpty(listCite(applied), s.Citation)
}

// listVerdict says what a list says of the case: unnamed where it does not
// name the item; named, where it does with no condition of its own; and
// otherwise named and then whether the case is in the situation the entry
// states, in the list's words.
func listVerdict(o listOutcome, e *listEntryRule, unnamed, named string) string {
	switch o {
	case listUnnamed, listNoList:
		return unnamed
	case listEntryHolds:
		return named + "本案符合其所列情形“" + e.entry.Label + "”"
	case listEntryFails:
		return named + "本案不符合其所列情形“" + e.entry.Label + "”"
	}
	return "列入本事项"
}

// laterListWords says why the list at the decision, under rule
// favourable, does not displace the list at the act, which does not exempt
// the case (or there is none): the later list does not exempt it either.
func laterListWords(outAct, outDecision listOutcome, later *listEntryRule) string {
	switch {
	case outDecision == listEntryFails:
		return "虽列入本事项，但本案不符合其所列情形“" + later.entry.Label + "”"
	case outAct == listNoList:
		return "未列入本事项"
	}
	return "也未列入本事项"
}

// listEntryFacts gives a list step the condition of the applied list's
// entry, and the facts the entries tested read: the applied list's first.
func (rd *renderer) listEntryFacts(s *Step, applied, act *listEntryRule, outAct listOutcome, decision *listEntryRule, outDecision listOutcome) {
	if applied != nil && applied.when != nil {
		s.Expr = applied.when.expr.Src
	}
	tested := func(e *listEntryRule, o listOutcome) bool {
		return e != nil && e.when != nil && (o == listEntryHolds || o == listEntryFails)
	}
	var refs []*condition.Var
	add := func(e *listEntryRule) {
		for _, v := range e.when.expr.Refs {
			if !slices.ContainsFunc(refs, func(w *condition.Var) bool { return w.Slot == v.Slot }) {
				refs = append(refs, v)
			}
		}
	}
	first, second := act, decision
	firstOut, secondOut := outAct, outDecision
	if applied == decision {
		first, second, firstOut, secondOut = decision, act, outDecision, outAct
	}
	if tested(first, firstOut) {
		add(first)
	}
	if second != first && tested(second, secondOut) {
		add(second)
	}
	if len(refs) > 0 {
		s.Facts = rd.facts(refs)
	}
}

func joinNonEmpty(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "；" + b
}

// appliedEntry returns the compiled entry of the list a kindList step
// applied, and what the list said of the case. Where none applied, it is
// the entry of the list at the decision, which was tested and did not
// exempt the case.
func (ir *itemRules) appliedEntry(h value, vals []value) (*listEntryRule, listOutcome) {
	applied := h.ref()
	if applied == 0 && vals[1] != 0 {
		applied = int(vals[1])
	}
	if applied == 0 || ir.lists == nil {
		return nil, listNoList
	}
	if value(applied) == vals[0] {
		return &ir.lists[applied-1], listOutcome(vals[4])
	}
	return &ir.lists[applied-1], listOutcome(vals[5])
}

// listEntryRules are the conditions of the entries a kindList step may
// have tested: those of the lists in force at the act and at the decision.
func (ir *itemRules) listEntryRules(vals []value) []*rule {
	var out []*rule
	for _, i := range vals[:2] {
		if i == 0 || ir.lists == nil {
			continue
		}
		if ru := ir.lists[i-1].when; ru != nil && !slices.Contains(out, ru) {
			out = append(out, ru)
		}
	}
	return out
}

// listReason states in the 说理 which list applied and what it says of the
// case: the step's note and, where the entry of the list states a
// condition, the facts of the case that meet it or fail it.
func (rs *reasoner) listReason(s reasonStep) string {
	line := s.Note
	if e, o := rs.ir.appliedEntry(s.h, s.vals); e != nil && e.when != nil && (o == listEntryHolds || o == listEntryFails) {
		if _, why, ok := rs.explain(e.when); ok && why != "" {
			line += "（" + why + "）"
		}
	}
	return line + cite(s.Citation)
}
