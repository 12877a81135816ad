package discretion

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// procedure sets the procedural flags of a penalty decision: art. 51
// simple procedure, art. 68 on-the-spot collection, art. 63 hearing, and the
// catalog's criteria for art. 58 legal review and art. 57 collective
// discussion.
func (r *run) procedure(d *Decision) {
	r.procedureByPenalty(d)
	r.procedureByRules(d)
}

// procedureByPenalty sets what follows from the penalty alone: arts. 51,
// 68 and 63.
func (r *run) procedureByPenalty(d *Decision) {
	t := r.e.cat.Thresholds
	party := r.e.cat.MapParty(r.c.Party.Type)
	simpleLimit := r.e.simpleLimit(r.c.Party.Type)
	onlyWarningOrFine := len(d.Sanctions) > 0
	for _, s := range d.Sanctions {
		if s != penalty.Warning && s != penalty.Fine {
			onlyWarningOrFine = false
		}
	}
	p := &d.Procedure
	p.Simple = onlyWarningOrFine && (d.Fine == nil || d.Fine.Max.LessThanOrEqual(simpleLimit))
	r.record(kindSimple, indexOf(partyTypes, r.c.Party.Type), p.Simple)
	if p.Simple && d.Fine != nil {
		p.OnTheSpot = d.Fine.Max.LessThanOrEqual(*t.OnTheSpot)
		r.record(kindOnTheSpot, 0, p.OnTheSpot)
	}
	r.hearing(d, party)
}

// simpleLimit is the most a fine may be for art. 51's simple procedure.
func (e *Engine) simpleLimit(party catalog.PartyType) decimal.Decimal {
	t := e.cat.Thresholds
	if e.cat.MapParty(party) == catalog.Organization {
		return *t.SimpleProcedure.Organization
	}
	return *t.SimpleProcedure.Individual
}

// procedureByRules evaluates the catalog's criteria for art. 58 legal
// review and art. 57 collective discussion, which may read the case's facts
// as well as the penalty.
func (r *run) procedureByRules(d *Decision) {
	r.confiscationHearing(d)
	p := &d.Procedure
	if r.e.legalReview == nil && r.e.collectiveDiscussion == nil {
		return
	}
	fineMax := decimal.Zero
	if d.Fine != nil {
		fineMax = d.Fine.Max
	}
	r.vals[slotFineMax], r.set[slotFineMax] = catalog.Value{Type: catalog.FactMoney, Num: fineMax}, true
	r.vals[slotOutcome], r.set[slotOutcome] = catalog.Value{Type: catalog.FactEnum, Enum: string(d.Outcome)}, true
	r.vals[slotHearing], r.set[slotHearing] = catalog.Value{Type: catalog.FactBool, Bool: p.Hearing}, true
	if ru := r.e.legalReview; ru != nil {
		p.LegalReview = r.eval(ru)
	}
	if ru := r.e.collectiveDiscussion; ru != nil {
		p.CollectiveDiscussion = r.eval(ru)
	}
}

// hearing applies art. 63: the sanction types that always carry a hearing
// right, and the local 较大数额罚款 threshold.
func (r *run) hearing(d *Decision, party catalog.PartyType) {
	p := &d.Procedure
	for _, s := range d.Sanctions {
		if s.HearingByType() {
			p.Hearing = true
			r.record(kindHearingByType, indexOf(sanctionTypes, s), true)
			return
		}
	}
	h := r.e.cat.Thresholds.Hearing
	if d.Fine == nil || h == nil {
		if d.Fine != nil {
			r.record(kindHearingNoThreshold, 0, false)
		}
		return
	}
	th := hearingThreshold(h, party)
	if th == nil {
		r.record(kindHearingNoPartyThreshold, indexOf(partyTypes, r.c.Party.Type), false)
		return
	}
	cmp := d.Fine.Max.Cmp(th.Amount)
	p.Hearing = cmp > 0 || (cmp == 0 && th.Inclusive)
	r.record(kindHearingAmount, indexOf(partyTypes, r.c.Party.Type), p.Hearing, r.tr.amount(d.Fine.Max))
}

// hearingThreshold is the 较大数额 threshold for a party type, or nil.
func hearingThreshold(h *catalog.HearingThresholds, party catalog.PartyType) *catalog.HearingAmount {
	if party == catalog.Organization {
		return h.Organization
	}
	return h.Individual
}

// FlagConfiscationValueUnknown marks a decision that confiscates illegal
// gains or illegal property while the case does not state the amount or the
// value confiscated (Case.Confiscated), so that art. 63 (二)'s hearing right
// cannot be decided against the catalog's threshold: the officer must
// establish it.
const FlagConfiscationValueUnknown = "confiscation_value_unknown"

// confiscationHearing applies art. 63 (二): "没收较大数额违法所得、没收较大
// 价值非法财物" gives a hearing right, from the catalog's local threshold
// (thresholds.confiscation_hearing). The gains and the property are
// separate grounds, each compared with the threshold. It reads the case, so
// it runs with the rules and not with the memoised procedure of the penalty.
func (r *run) confiscationHearing(d *Decision) {
	p := &d.Procedure
	var gains, property bool
	for _, s := range d.Sanctions {
		switch s {
		case penalty.ConfiscateGains:
			gains = true
		case penalty.ConfiscateProperty:
			property = true
		}
	}
	if (!gains && !property) || p.Hearing {
		return // nothing confiscated, or the hearing right follows already
	}
	pi := indexOf(partyTypes, r.c.Party.Type)
	h := r.e.cat.Thresholds.ConfiscationHearing
	if h == nil {
		r.record(kindConfiscationNoThreshold, 0, false)
		return
	}
	th := hearingThreshold(h, r.e.cat.MapParty(r.c.Party.Type))
	if th == nil {
		r.record(kindConfiscationNoPartyThreshold, pi, false)
		return
	}
	gainsValue, propertyValue, hasGains, hasProperty := r.c.Confiscated.amounts()
	unknown := false
	judge := func(what int, stated bool, x decimal.Decimal) {
		if !stated {
			unknown = true
			r.record(kindConfiscationUnknown, what, false)
			return
		}
		cmp := x.Cmp(th.Amount)
		reached := cmp > 0 || (cmp == 0 && th.Inclusive)
		p.Hearing = p.Hearing || reached
		r.record(kindConfiscation, what, reached, r.tr.amount(x), countValue(pi))
	}
	if gains {
		judge(confiscatedGains, hasGains, gainsValue)
	}
	if property {
		judge(confiscatedProperty, hasProperty, propertyValue)
	}
	if unknown && !p.Hearing {
		d.Flags = append(d.Flags, FlagConfiscationValueUnknown)
	}
}

// offset states eligibility for 公益抵罚 where the benchmark provides it;
// the fine itself is unchanged.
func (r *run) offset(v *versionRules, d *Decision) {
	if v.offset == nil || d.Fine == nil {
		return
	}
	o := v.v.Benchmark.Offset
	if o.MaxFine != nil && d.Fine.Max.GreaterThan(*o.MaxFine) {
		r.record(kindOffsetOver, 0, false)
		return
	}
	if !r.eval(v.offset) {
		return
	}
	d.Offset = &OffsetTerms{Rate: o.Rate, Per: o.Per, Citation: v.offset.citation}
	r.record(kindOffset, 0, true)
}

// offsetNotes are the trace notes of 公益抵罚: over the maximum fine, and
// eligible.
func offsetNotes(o *catalog.Offset) [2]string {
	var over string
	if o.MaxFine != nil {
		over = fmt.Sprintf("罚款上限超过%s元，不适用公益服务折抵", o.MaxFine)
	}
	return [2]string{over, fmt.Sprintf("当事人可以申请以公益服务折抵罚款，每%s折抵%s元；罚款数额不变", perLabel(o.Per), o.Rate)}
}

func perLabel(per string) string {
	if per == "hour" {
		return "小时"
	}
	return per
}
