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
	simpleLimit := *t.SimpleProcedure.Individual
	if party == catalog.Organization {
		simpleLimit = *t.SimpleProcedure.Organization
	}
	onlyWarningOrFine := len(d.Sanctions) > 0
	for _, s := range d.Sanctions {
		if s != penalty.Warning && s != penalty.Fine {
			onlyWarningOrFine = false
		}
	}
	p := &d.Procedure
	p.Simple = onlyWarningOrFine && (d.Fine == nil || d.Fine.Max.LessThanOrEqual(simpleLimit))
	note := fmt.Sprintf("处罚为警告或者罚款，%s罚款上限不超过%s元：可以当场作出行政处罚决定", party.Label(), simpleLimit)
	if !p.Simple {
		note = fmt.Sprintf("不符合当场处罚条件（警告或者对%s%s元以下罚款），适用普通程序", party.Label(), simpleLimit)
	}
	r.note("procedure", "art51.simple", citeArt51, note, p.Simple)
	if p.Simple && d.Fine != nil {
		p.OnTheSpot = d.Fine.Max.LessThanOrEqual(*t.OnTheSpot)
		r.note("procedure", "art68.on_the_spot", citeArt68,
			fmt.Sprintf("当场处罚且罚款不超过%s元：%s", t.OnTheSpot, map[bool]string{true: "执法人员可以当场收缴罚款", false: "不得当场收缴（难以执行的除外）"}[p.OnTheSpot]), p.OnTheSpot)
	}
	r.hearing(d, party)
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
		p.LegalReview = r.eval("procedure", ru, "法制审核")
	}
	if ru := r.e.collectiveDiscussion; ru != nil {
		p.CollectiveDiscussion = r.eval("procedure", ru, "集体讨论决定")
	}
}

// hearing applies art. 63: the sanction types that always carry a hearing
// right, and the local 较大数额罚款 threshold.
func (r *run) hearing(d *Decision, party catalog.PartyType) {
	p := &d.Procedure
	for _, s := range d.Sanctions {
		if s.HearingByType() {
			p.Hearing = true
			r.note("procedure", "art63.type", citeArt63, s.Label()+"：应当告知当事人有要求听证的权利", true)
			return
		}
	}
	h := r.e.cat.Thresholds.Hearing
	if d.Fine == nil || h == nil {
		if d.Fine != nil {
			r.note("procedure", "art63.amount", citeArt63, "本目录未设定较大数额罚款标准，未按数额判断听证", false)
		}
		return
	}
	th := h.Individual
	if party == catalog.Organization {
		th = h.Organization
	}
	if th == nil {
		r.note("procedure", "art63.amount", citeArt63, fmt.Sprintf("本目录未设定对%s的较大数额罚款标准", party.Label()), false)
		return
	}
	cmp := d.Fine.Max.Cmp(th.Amount)
	p.Hearing = cmp > 0 || (cmp == 0 && th.Inclusive)
	word := "超过"
	if th.Inclusive {
		word = "达到"
	}
	r.note("procedure", "art63.amount", joinCites(citeArt63, h.Citation.String()),
		fmt.Sprintf("罚款上限%s元，较大数额标准为%s%s元：%s", d.Fine.Max, word, th.Amount,
			map[bool]string{true: "应当告知听证权利", false: "未达较大数额"}[p.Hearing]), p.Hearing)
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
	party := r.e.cat.MapParty(r.c.Party.Type)
	h := r.e.cat.Thresholds.ConfiscationHearing
	if h == nil {
		r.note("procedure", "art63.confiscation", citeArt63, "本目录未设定没收较大数额违法所得、较大价值非法财物的标准，未按没收数额判断听证", false)
		return
	}
	th := h.Individual
	if party == catalog.Organization {
		th = h.Organization
	}
	if th == nil {
		r.note("procedure", "art63.confiscation", citeArt63, fmt.Sprintf("本目录未设定对%s没收较大数额违法所得、较大价值非法财物的标准，未按没收数额判断听证", party.Label()), false)
		return
	}
	cite := joinCites(citeArt63, h.Citation.String())
	word := "超过"
	if th.Inclusive {
		word = "达到"
	}
	gainsValue, propertyValue, hasGains, hasProperty := r.c.Confiscated.amounts()
	unknown := false
	judge := func(stated bool, x decimal.Decimal, what, standard, missing string) {
		if !stated {
			unknown = true
			r.note("procedure", "art63.confiscation", cite, missing, false)
			return
		}
		cmp := x.Cmp(th.Amount)
		reached := cmp > 0 || (cmp == 0 && th.Inclusive)
		p.Hearing = p.Hearing || reached
		verdict := "未达" + standard
		if reached {
			verdict = "应当告知听证权利"
		}
		r.note("procedure", "art63.confiscation", cite,
			fmt.Sprintf("%s%s元，%s标准为%s%s元：%s", what, x, standard, word, th.Amount, verdict), reached)
	}
	if gains {
		judge(hasGains, gainsValue, "没收违法所得", "较大数额",
			"案件未载明没收违法所得的数额，无法判断是否属于没收较大数额违法所得：提请审查听证告知")
	}
	if property {
		judge(hasProperty, propertyValue, "没收非法财物价值", "较大价值",
			"案件未载明没收非法财物的价值，无法判断是否属于没收较大价值非法财物：提请审查听证告知")
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
		r.note("offset", "public_service_offset", v.offset.citation, v.offsetNotes[0], false)
		return
	}
	if !r.eval("offset", v.offset, "公益服务折抵罚款") {
		return
	}
	d.Offset = &OffsetTerms{Rate: o.Rate, Per: o.Per, Citation: v.offset.citation}
	r.note("offset", "public_service_offset", v.offset.citation, v.offsetNotes[1], true)
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
