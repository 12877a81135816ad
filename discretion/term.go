package discretion

import (
	"github.com/jizhun/jizhun/catalog"
)

// The term of the standard. A discretion standard (裁量基准) is in force
// from its effective date to its expiry date (有效期至); 《行政处罚法》第三十四条
// asks that it be published, and a case decided outside its term is not
// decided under a standard in force. The engine still decides it — the
// statute governs the case whatever the standard's term — but flags the
// decision for legal review, with a trace step that names the catalog
// field that decides it.

// standardCite is the citation of the standard itself: its title and 文号.
func standardCite(cat *catalog.Catalog) string {
	s := "《" + cat.Title + "》"
	if cat.DocNumber != "" {
		s += "（" + cat.DocNumber + "）"
	}
	return s
}

// standardTerm checks the decision date against the catalog's term: a
// decision after expires, or before effective, is flagged
// FlagOutsideStandardTerm.
func (r *run) standardTerm() {
	cat := r.e.cat
	switch x := cat.Expires; {
	case x != nil && r.dates.decision > *x:
		r.flags = append(r.flags, FlagOutsideStandardTerm)
		r.record(kindTerm, 0, false)
	case r.dates.decision < cat.Effective:
		r.flags = append(r.flags, FlagOutsideStandardTerm)
		r.record(kindTerm, 1, false)
	}
}

// Items start when their law starts. An item's first version starts on
// the day its penalty clause took effect (the item's effective_from, or
// basis.penalty.effective), which may be long before the catalog's own
// effective date: the statute governed acts before the standard existed.
// Such an act is decided under the catalog's transition rule.

// noVersionAtAct explains why no version of the item covers the act,
// naming the field that decides it.
func (r *run) noVersionAtAct() error {
	it, act := r.ir.item, r.dates.act
	first := r.ir.versions[0].v
	clause := it.Basis.Penalty
	if first.Basis != nil {
		clause = first.Basis.Penalty
	}
	field := "act_date"
	switch {
	case act < first.EffectiveFrom && !first.StartStated:
		return caseError(field, "item %s does not state when its penalty clause %s took effect, so it is taken to start with the catalog on %s, and the act on %s is before that; give the item effective_from or basis.penalty.effective (the date the clause took effect), and transition.acts_before_effective for acts before the catalog",
			it.Code, clause, first.EffectiveFrom, act)
	case act < first.EffectiveFrom:
		return caseError(field, "the act on %s is before item %s's penalty clause %s took effect on %s (version %s effective_from): it cannot be penalised under that clause (《立法法》第一百零四条：不溯及既往)",
			act, it.Code, clause, first.EffectiveFrom, first.ID)
	default:
		return caseError(field, "item %s has no version in force on %s: its versions leave a gap there (effective_to of one, effective_from of the next)", it.Code, act)
	}
}

// transition applies the catalog's rule for an act committed before the
// catalog took effect (transition.acts_before_effective): apply decides it
// under this standard, reject leaves it to the standard in force at the
// act, and a catalog that states no rule decides it under this standard,
// flagged FlagActBeforeStandard for review, with a trace step whose rule
// names the field (transition.acts_before_effective).
func (r *run) transition() error {
	cat := r.e.cat
	if r.dates.act >= cat.Effective {
		return nil
	}
	t := cat.Transition
	switch {
	case t == nil:
		r.flags = append(r.flags, FlagActBeforeStandard)
		r.record(kindTransition, 0, false)
	case t.ActsBeforeEffective == catalog.TransitionReject:
		return caseError("act_date",
			"the act on %s is before catalog %s took effect on %s, and its transition.acts_before_effective is reject: decide it under the standard in force at the act",
			r.dates.act, cat.ID, cat.Effective)
	default:
		r.record(kindTransition, 0, true)
	}
	return nil
}
