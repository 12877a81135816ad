package discretion

import (
	"fmt"

	"github.com/jizhun/jizhun/catalog"
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
	listFavourable                        // the list at the decision, which lists the item (从轻)
	listRuleActDate                       // the later list's rule: the list at the act
	listRuleDecision                      // the later list's rule: the list at the decision
	listNotBeforeEffective                // the later list excludes acts before it took effect
	listActOnlyInForce                    // the list at the act; none is in force at the decision
)

// listed reports whether the list of the kind that applies to the case
// lists the item, and records which list applied and why.
func (r *run) listed(kind string) bool {
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
	lists1 := func(i int) bool { return i >= 0 && lists[i].Lists(r.ir.item.Code) }
	applied, why := atAct, listActDate
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
			if !lists1(atAct) && lists1(atDecision) {
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
	listed := lists1(applied)
	light := 0
	if kind == catalog.ListLightViolation {
		light = 1
	}
	r.record(kindList, applied+1, listed, countValue(atAct+1), countValue(atDecision+1), countValue(int(why)), countValue(light))
	return listed
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
	verdict := "未列入本事项"
	if h.result() {
		verdict = "列入本事项"
	}
	var because string
	switch why {
	case listSame:
		because = fmt.Sprintf("违法行为发生时（%s）和作出处罚决定时（%s）施行的均为该清单", rd.dates.act, rd.dates.decision)
		s.Rule += ".in_force"
	case listActDate:
		later := "也未列入本事项"
		if atDecision.Lists(rd.ir.item.Code) {
			later = "虽列入本事项，但行为时的清单已列入"
		} else if h.result() {
			later = "未列入本事项，对当事人不比原清单有利"
		}
		because = fmt.Sprintf("适用违法行为发生时（%s）施行的清单；作出处罚决定时（%s）施行的%s%s（依照%s，参照适用）",
			rd.dates.act, rd.dates.decision, listCite(atDecision), later, citeArt37)
		s.Rule += ".act_date"
	case listFavourable:
		old := "违法行为发生时没有施行中的" + name
		if atAct != nil {
			old = "违法行为发生时施行的" + listCite(atAct) + "未列入本事项"
		}
		because = fmt.Sprintf("%s，作出处罚决定时（%s）施行的清单列入本事项，对当事人有利，适用新清单（依照%s，参照适用）",
			old, rd.dates.decision, citeArt37)
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
	s.Note = fmt.Sprintf("适用%s%s：%s；该清单%s", name, listCite(applied), because, verdict)
	s.Citation = joinNonEmpty(listCite(applied), s.Citation)
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
