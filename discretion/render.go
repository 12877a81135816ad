package discretion

import (
	"fmt"
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/penalty"
)

// This file renders a recorded trace (trace.go) into Steps: the words a
// decision document quotes, put together from the engine's tables and the
// values the case gave each step. Nothing here runs while deciding.

// newRenderer renders the steps of a decision's trace, whose item rules
// are set.
func newRenderer(d *Decision) renderer {
	t := &d.trace
	return renderer{d: d, t: t, ir: t.ir, cat: t.ir.e.cat, dates: t.dates()}
}

// renderTrace renders the decision's trace.
func (d *Decision) renderTrace() []Step {
	t := &d.trace
	if t.ir == nil {
		return nil
	}
	rd := newRenderer(d)
	// Steps appended to a sealed trace (arts. 29 and 37) follow the text of
	// its large decimals, if it has any.
	bigStart, bigEnd := t.bigRegion()
	next := func(i int) int {
		if i == bigStart && bigEnd > bigStart {
			return bigEnd
		}
		return i
	}
	n := 0
	for i := next(t.ir.stepsAt()); i < len(t.words); i = next(i + 1 + t.words[i].nvals()) {
		n++
	}
	steps := make([]Step, 0, n)
	for i := next(t.ir.stepsAt()); i < len(t.words); i = next(i) {
		h := t.words[i]
		n := h.nvals()
		steps = append(steps, rd.step(h, t.words[i+1:i+1+n]))
		i += 1 + n
	}
	return steps
}

// renderer is the state of rendering one trace.
type renderer struct {
	d     *Decision
	t     *trace
	ir    *itemRules
	cat   *catalog.Catalog
	dates keptDates
	// grounds are the citations of the grounds found so far (art. 30, art.
	// 31, factors that apply), which the adjust step cites; groundCite is
	// what it cited, which the mitigation clamp cites again.
	grounds    []ground
	groundCite string
}

// step renders one step from its header and values.
func (rd *renderer) step(h value, vals []value) Step {
	s := Step{Result: h.result()}
	switch h.kind() {
	case kindEval:
		ru := rd.ir.rules[h.ref()]
		s.Step, s.Rule, s.Citation, s.Expr, s.Note = ru.step, ru.id, ru.citation, ru.expr.Src, ru.note
		s.Facts = rd.facts(ru.expr.Refs)
		s.Note += rd.historyWindows(ru.expr.Refs) + rd.counterWindows(ru.expr.Refs)
		if ru.step == "factor" && s.Result {
			rd.grounds = append(rd.grounds, ground{citation: ru.citation})
		}
	case kindVersion, kindVersionOld, kindVersionNew, kindVersionNotIllegal, kindVersionCompare, kindTerm, kindTransition:
		rd.version(&s, h, vals)
	case kindLimitation, kindLimitationOngoing, kindUnder14, kindIncapable, kindFirstOffenseWindow, kindFirstOffenseUnlisted, kindCommitmentUnlisted, kindCommitmentBreached, kindCommitmentAvailable, kindCommitmentSigned, kindNoPenalty:
		rd.exemption(&s, h, vals)
	case kindList:
		rd.list(&s, h, vals)
	case kindNoFine, kindUndeterminable, kindStatutory, kindGradeNoFine, kindGradeRange, kindGradeHeaviest, kindFineRange, kindGradeFormula:
		rd.fine(&s, h, vals)
	case kindMinor, kindLimitedCapacity, kindAdjust, kindMitigateNoMinimum, kindMitigate, kindMitigateAtMinimum, kindTierSplit, kindStatuteClamp, kindTopFine:
		rd.adjustment(&s, h, vals)
	case kindEffect, kindEffectCombined:
		rd.effect(&s, h, vals)
	case kindSimple, kindOnTheSpot, kindHearingByType, kindHearingNoThreshold, kindHearingNoPartyThreshold, kindHearingAmount,
		kindConfiscationNoThreshold, kindConfiscationNoPartyThreshold, kindConfiscation, kindConfiscationUnknown, kindOffsetOver, kindOffset:
		rd.procedure(&s, h, vals)
	case kindDecision, kindCandidate, kindArt29Chosen:
		rd.outcome(&s, h, vals)
	case kindPersonsNotOrganisation, kindPersonsFine, kindPersonsSimple, kindPersonsHearing:
		rd.persons(&s, h, vals)
	default:
		panic(fmt.Sprintf("discretion: trace step of unknown kind %d", h.kind()))
	}
	return s
}

// version renders the steps of the applicable version (art. 37) and of
// the standard's own term and transition rule.
func (rd *renderer) version(s *Step, h value, vals []value) {
	cat := rd.cat
	switch h.kind() {
	case kindTerm:
		s.Step, s.Citation = "term", standardCite(cat)
		if h.ref() == 0 {
			s.Rule = "catalog.expires"
			s.Note = fmt.Sprintf("作出决定之日（%s）本裁量基准已于%s期满，不再是施行中的裁量基准：按其计算的结果仅供参考，提请法制审核", rd.dates.decision, *cat.Expires)
		} else {
			s.Rule = "catalog.effective"
			s.Note = fmt.Sprintf("作出决定之日（%s）本裁量基准尚未施行（%s起施行）：按其计算的结果仅供参考，提请法制审核", rd.dates.decision, cat.Effective)
		}
		return
	case kindTransition:
		s.Step = "transition"
		if h.result() {
			s.Rule, s.Citation = "transition.apply", joinCites(standardCite(cat), citeOr(cat.Transition.Citation, ""))
			s.Note = fmt.Sprintf("违法行为发生于%s，在本裁量基准施行（%s）之前，尚未作出处罚决定：依本基准的规定适用本基准", rd.dates.act, cat.Effective)
		} else {
			s.Rule, s.Citation = "transition.acts_before_effective", standardCite(cat)
			s.Note = fmt.Sprintf("违法行为发生于%s，在本裁量基准施行（%s）之前，本基准未规定施行前发生的违法行为如何处理：按本基准计算，提请法制审核", rd.dates.act, cat.Effective)
		}
		return
	}
	id := rd.ir.versions[h.ref()].v.ID
	s.Step, s.Rule, s.Citation = "version", id, citeArt37
	switch h.kind() {
	case kindVersion:
		s.Note = fmt.Sprintf("适用违法行为发生时（%s）施行的版本 %s", ymdText(ymdOf(rd.dates.act)), id)
	case kindVersionOld:
		s.Note = fmt.Sprintf("违法行为发生时（%s）施行版本 %s", rd.dates.act, id)
	case kindVersionNew:
		s.Note = fmt.Sprintf("作出决定时（%s）施行版本 %s", rd.dates.decision, id)
	case kindVersionNotIllegal:
		s.Note = fmt.Sprintf("作出决定时（%s）施行版本 %s：新的规定不认为是违法，适用新的规定", rd.dates.decision, id)
	case kindVersionCompare:
		by := art37Rule(vals[1])
		s.Rule = art37RuleIDs[by]
		if by != art37Decided {
			s.Citation += "；" + citeSPC1997
		}
		s.Note = lexMitiorNote(by, vals[3] != 0, vals[2] != 0, rd.ir.versions[vals[0]].v.ID, id)
	}
}

// exemption renders the steps of the grounds that end a case without a
// penalty (arts. 30, 31, 33, 36, 告知承诺) and the no-penalty decision.
func (rd *renderer) exemption(s *Step, h value, vals []value) {
	ir := rd.ir
	v := ir.versions[h.version()]
	ref, result := h.ref(), h.result()
	switch h.kind() {
	case kindLimitation:
		lim := ir.limitationOf(ref == 1)
		act, actEnd, discovery := rd.dates.act, rd.dates.actEnd, rd.dates.discovery
		from := "违法行为发生之日"
		if actEnd != act {
			from = "违法行为终了之日"
		}
		verdict := "在期限内"
		if result {
			verdict = "已超过期限，不再给予行政处罚"
		}
		start := ymdOf(actEnd)
		s.Step, s.Rule, s.Citation = "limitation", lim.rule, lim.cite
		s.Note = fmt.Sprintf("自%s（%s）起%d年，期间最后一日为%s；发现日期%s，%s",
			from, ymdText(start), lim.years, ymdText(start.addYears(lim.years)), ymdText(ymdOf(discovery)), verdict)
	case kindLimitationOngoing:
		s.Step, s.Rule, s.Citation = "limitation", "limitation.ongoing", citeArt36
		s.Note = "违法行为有继续状态，作出决定时尚未终了：期限从行为终了之日起计算，尚未起算"
	case kindUnder14:
		birth, act := ymdOf(rd.dates.birth), ymdOf(rd.dates.act)
		verdict := "已满十四周岁"
		if result {
			verdict = "不满十四周岁，不予行政处罚"
		}
		s.Step, s.Rule, s.Citation = "age", "art30.under14", citeArt30+"；"+citeAgeCounting
		s.Note = fmt.Sprintf("出生于%s，违法行为发生于%s，十四周岁生日为%s（生日次日起算为已满）：%s",
			ymdText(birth), ymdText(act), ymdText(birth.addYears(14)), verdict)
	case kindIncapable:
		s.Step, s.Rule, s.Citation = "capacity", "art31.incapable", citeArt31
		s.Note = "不能辨认或者不能控制自己行为时有违法行为，不予行政处罚"
	case kindFirstOffenseWindow:
		s.Step, s.Rule, s.Citation = "first_offense", "first_offense.window", v.firstOffense.citation
		fo, act := v.v.Benchmark.FirstOffense, rd.dates.act
		basis := "处理决定日期"
		if fo.PriorBasis == "act_date" {
			basis = "违法行为发生日期"
		}
		if fo.Window.None {
			s.Note = fmt.Sprintf("%s：不限回溯期间，%s在%s以前的同类违法 %d 次", v.firstOffenseWindow, basis, act.AddDays(-1), int64(vals[0]))
		} else {
			s.Note = fmt.Sprintf("%s：回溯期间为%s至%s（%s），%s在期间内的同类违法 %d 次", v.firstOffenseWindow,
				fo.Window.FirstDay(act, fo.WindowFirstDay), act.AddDays(-1), fo.WindowFirstDay.Label(), basis, int64(vals[0]))
		}
	case kindFirstOffenseUnlisted:
		s.Step, s.Rule, s.Citation = "first_offense", "first_offense.list", v.firstOffense.citation
		switch h.ref() {
		case unlistedOutside:
			s.Note = "符合首违不罚条件，本事项列入首违不罚清单，但本案不属于清单所列情形：由执法人员依法裁量"
		case unlistedNoList:
			s.Note = "符合首违不罚条件，但没有适用于本案的首违不罚清单：由执法人员依法裁量"
		default:
			s.Note = "符合首违不罚条件，但本事项未列入首违不罚清单：由执法人员依法裁量"
		}
	case kindCommitmentUnlisted:
		s.Step, s.Rule, s.Citation = "commitment", "commitment", standardCite(rd.cat)
		s.Note = "当事人签署了告知承诺书，但本事项未列入告知承诺制清单：依法处理"
	case kindCommitmentBreached:
		s.Step, s.Rule, s.Citation = "commitment", "commitment", v.commitment.citation
		s.Note = "当事人曾违反告知承诺，不再适用告知承诺制"
	case kindCommitmentAvailable:
		s.Step, s.Rule, s.Citation = "commitment", "commitment.signed", v.commitment.citation
		s.Note = fmt.Sprintf("可适用告知承诺制：当事人签署承诺书、承诺在%d日内（%s前）改正的，不予处罚；当事人未签署",
			v.v.Benchmark.Commitment.DeadlineDays, rd.dates.decision.AddDays(v.v.Benchmark.Commitment.DeadlineDays))
	case kindCommitmentSigned:
		s.Step, s.Rule, s.Citation = "commitment", "commitment.signed", v.commitment.citation
		s.Note = fmt.Sprintf("当事人已签署告知承诺书，承诺在%s前改正（可适用告知承诺制，期限不超过作出决定之日起%d日）",
			catalog.Date(int64(vals[0])), v.v.Benchmark.Commitment.DeadlineDays)
	case kindNoPenalty:
		reason := reasons[ref]
		s.Step, s.Rule, s.Note = "decision", string(reason), noPenaltyNote(reason)
		s.Citation = noPenaltyCite(reason)
		if by := int(vals[0]); by > 0 {
			s.Citation = ir.rules[by-1].npCite
		}
	}
}

// fine renders the steps of the statutory range and the grade's range.
func (rd *renderer) fine(s *Step, h value, vals []value) {
	t, ir := rd.t, rd.ir
	v := ir.versions[h.version()]
	ref := h.ref()
	switch h.kind() {
	case kindNoFine:
		s.Step, s.Rule, s.Citation = "statutory", "amount", v.amountCite
		s.Note = fmt.Sprintf("本条款未对%s规定罚款", rd.party(ref).Label())
	case kindUndeterminable:
		s.Step, s.Rule, s.Citation = "statutory", "amount", v.amountCite
		name := "基数" // a base the catalog does not declare: only a catalog built without Load has one
		if i := int(vals[0]) - numBuiltinSlots; i >= 0 && i < len(ir.facts) {
			name = ir.facts[i].Name
		}
		s.Note = fmt.Sprintf("%s无法确定，且条款未规定此时的罚款，依法不予罚款", name)
	case kindStatutory:
		party := partyTypes[ref&statParty]
		mapped := rd.cat.MapParty(party)
		fineRange := ref >> statRangeShift
		ar := amountFor(fineAmounts(v.fine.s)[fineRange], party, mapped)
		rng := t.rangeOf(vals[0], vals[1])
		s.Step, s.Rule, s.Citation = "statutory", "amount", v.rangeCites[fineRange]
		if ref&statHasBase != 0 {
			name := ar.Rule.BaseFact()
			s.Facts = Facts{{Name: name, Value: t.fact(ir.factSlot[name])}}
		}
		s.Note = fmt.Sprintf("法定罚款幅度（%s）：%s元", mapped.Label(), rangeText(rng))
		switch {
		case ref&statFallback != 0:
			s.Note += "（适用基数缺失、为零、不足或无法确定时的罚款规定）"
		case ar.Rule.Kind != penalty.Fixed:
			base, _ := t.decimalOf(vals[2])
			s.Note += fmt.Sprintf("（基数%s元的%s）", base, factorText(ar.Rule))
		}
		if ref&statCapped != 0 {
			s.Note += "，受上限限制"
		}
	case kindGradeNoFine:
		g := v.grades[ref]
		s.Step, s.Rule, s.Citation, s.Note = "grade", "grade:"+g.g.ID, g.row, "本阶次不予罚款"
	case kindGradeRange:
		g := v.grades[ref].g
		s.Step, s.Rule, s.Citation = "grade", "grade:"+g.ID, v.grades[ref].row
		s.Note = fmt.Sprintf("阶次%s的罚款幅度：%s元", g.Label, rangeText(t.rangeOf(vals[0], vals[1])))
	case kindFineRange:
		s.Step, s.Rule, s.Citation = "statutory", "amount", v.rangeCites[ref]
		if ref == 0 {
			var labels []string
			for _, fr := range v.fine.s.Ranges {
				labels = append(labels, situation(fr.Label))
			}
			s.Note = fmt.Sprintf("不属于%s，适用本条款的罚款幅度%s", strings.Join(labels, "或者"), rangeAmount(v.fine.s.Amount))
		} else {
			fr := v.fine.s.Ranges[ref-1]
			s.Rule = "range:" + fr.ID
			s.Note = fmt.Sprintf("属于%s，适用本条款对该情形规定的罚款幅度%s", situation(fr.Label), rangeAmount(fr.Amount))
		}
	case kindGradeFormula:
		g := v.grades[ref]
		s.Step, s.Rule, s.Citation = "grade", "grade:"+g.g.ID+":formula", g.row
		s.Note = formulaNote(rd, g, vals)
	case kindGradeHeaviest:
		g := v.grades[ref].g
		s.Step, s.Rule, s.Citation = "grade", "grade:"+g.ID, v.grades[ref].row
		s.Note = fmt.Sprintf("同时符合%d个阶次的适用条件，按其中较重的阶次“%s”处罚", int64(vals[0]), g.Label)
	}
}

// adjustment renders the steps of the grounds that move the outcome, and
// of the range the outcome gives.
func (rd *renderer) adjustment(s *Step, h value, vals []value) {
	t, ir := rd.t, rd.ir
	v := ir.versions[h.version()]
	ref := h.ref()
	switch h.kind() {
	case kindMinor:
		age, _, _ := birthdays(ymdOf(rd.dates.birth), ymdOf(rd.dates.act))
		s.Step, s.Rule, s.Citation = "factor", "art30.minor", citeArt30
		s.Note = fmt.Sprintf("违法行为发生时%d周岁，应当%s", age, rd.cat.Policies.Minors.Label())
		rd.grounds = append(rd.grounds, ground{citation: citeArt30})
	case kindLimitedCapacity:
		s.Step, s.Rule, s.Citation = "factor", "art31.limited", citeArt31
		s.Note = "尚未完全丧失辨认或者控制自己行为能力的，可以从轻或者减轻"
		rd.grounds = append(rd.grounds, ground{citation: citeArt31})
	case kindAdjust:
		rd.groundCite = groundCites(rd.grounds)
		s.Step, s.Rule, s.Citation, s.Note = "adjust", string(outcomes[ref]), rd.groundCite, adjustNotes[vals[0]]
		if s.Citation == "" {
			// No ground moved the outcome: the grade's row decides it.
			s.Citation = rd.gradeRow(h.version())
		}
	case kindMitigateNoMinimum:
		s.Step, s.Rule, s.Citation = "clamp", "mitigate", rd.groundCite
		s.Note = "法定罚款没有下限，减轻处罚不予罚款（选择较轻的处罚种类）"
	case kindMitigate:
		lmin, _ := t.decimalOf(vals[0])
		_, floorCite := mitigationFloor(rd.cat.Policies, lmin)
		s.Step, s.Rule, s.Citation = "clamp", "mitigate", joinCites(rd.groundCite, floorCite)
		s.Note = fmt.Sprintf("减轻处罚：在法定最低罚款%s元以下确定，幅度%s元（减轻处罚仍须罚款，不得为零）", lmin, rangeText(t.rangeOf(vals[1], vals[2])))
	case kindMitigateAtMinimum:
		lmin, _ := t.decimalOf(vals[0])
		floor, floorCite := mitigationFloor(rd.cat.Policies, lmin)
		s.Step, s.Rule, s.Citation = "clamp", "mitigate", joinCites(rd.groundCite, floorCite)
		why := fmt.Sprintf("法定最低罚款%s元以下已无大于零的罚款数额", lmin)
		if floor.Sign() > 0 {
			why = fmt.Sprintf("本基准规定减轻处罚不低于%s元，法定最低罚款%s元以下已无可以确定的罚款数额", floor, lmin)
		}
		s.Note = "减轻处罚：" + why + "，按法定最低罚款确定并提请审查（罚款为零即不予处罚，须有法定不予处罚情形）"
	case kindTierSplit:
		if ref&tierBelowGrade != 0 {
			s.Step, s.Rule, s.Citation = "clamp", "lighter_below_grade", rd.groundCite
			s.Note = fmt.Sprintf("阶次罚款为单一数额，无法在该数额内从轻；从轻处罚在法定幅度%s元内取低于该数额的部分：%s元",
				rangeText(t.rangeOf(vals[0], vals[1])), rangeText(t.rangeOf(vals[2], vals[3])))
			break
		}
		tier, what := penalty.Lighter, "阶次幅度"
		if ref&tierHeavier != 0 {
			tier = penalty.Heavier
		}
		switch {
		case ref&tierStatutory != 0:
			what = "法定幅度"
		case ref&tierWithinTier != 0:
			what = "阶次幅度（已为法定幅度的从轻部分，再取其从轻部分）"
		}
		s.Step, s.Rule, s.Citation = "clamp", string(v.scheme), standardCite(rd.cat)
		s.Note = fmt.Sprintf("按%s取%s%s元的%s部分：%s元", v.scheme.Label(), what, rangeText(t.rangeOf(vals[0], vals[1])),
			tier.Label(), rangeText(t.rangeOf(vals[2], vals[3])))
	case kindStatuteClamp:
		s.Step, s.Rule, s.Citation = "clamp", "statute", v.amountCite
		s.Note = fmt.Sprintf("限定在法定幅度%s元之内：%s元", rangeText(t.rangeOf(vals[0], vals[1])), rangeText(t.rangeOf(vals[2], vals[3])))
		if ref == clampEffect {
			s.Note += "（裁量情节规定的调整超出法定幅度；不具有减轻处罚情节的，罚款不得低于法定最低额）"
		}
	case kindTopFine:
		s.Step, s.Rule, s.Citation = "clamp", "top_fine", citeNoTopFine
		s.Note = "罚款幅度达到法定最高额而无从重情节，提请审查（不得随意给予顶格罚款）"
	}
}

// procedure renders the steps of the procedure and 公益抵罚.
func (rd *renderer) procedure(s *Step, h value, vals []value) {
	t, ir := rd.t, rd.ir
	v := ir.versions[h.version()]
	ref, result := h.ref(), h.result()
	switch h.kind() {
	case kindSimple:
		party := partyTypes[ref]
		limit := ir.e.simpleLimit(party)
		s.Step, s.Rule, s.Citation = "procedure", "art51.simple", citeArt51
		if result {
			s.Note = fmt.Sprintf("处罚为警告或者罚款，%s罚款上限不超过%s元：可以当场作出行政处罚决定", rd.party(ref).Label(), limit)
		} else {
			s.Note = fmt.Sprintf("不符合当场处罚条件（警告或者对%s%s元以下罚款），适用普通程序", rd.party(ref).Label(), limit)
		}
	case kindOnTheSpot:
		verdict := "不得当场收缴（难以执行的除外）"
		if result {
			verdict = "执法人员可以当场收缴罚款"
		}
		s.Step, s.Rule, s.Citation = "procedure", "art68.on_the_spot", citeArt68
		s.Note = fmt.Sprintf("当场处罚且罚款不超过%s元：%s", rd.cat.Thresholds.OnTheSpot, verdict)
	case kindHearingByType:
		s.Step, s.Rule, s.Citation = "procedure", "art63.type", citeArt63
		s.Note = sanctionTypes[ref].Label() + "：应当告知当事人有要求听证的权利"
	case kindHearingNoThreshold:
		s.Step, s.Rule, s.Citation = "procedure", "art63.amount", citeArt63
		s.Note = "本目录未设定较大数额罚款标准，未按数额判断听证"
	case kindHearingNoPartyThreshold:
		s.Step, s.Rule, s.Citation = "procedure", "art63.amount", citeArt63
		s.Note = fmt.Sprintf("本目录未设定对%s的较大数额罚款标准", rd.party(ref).Label())
	case kindHearingAmount:
		h := rd.cat.Thresholds.Hearing
		th := hearingThreshold(h, rd.party(ref))
		word, verdict := "超过", "未达较大数额"
		if th.Inclusive {
			word = "达到"
		}
		if result {
			verdict = "应当告知听证权利"
		}
		fineMax, _ := t.decimalOf(vals[0])
		s.Step, s.Rule, s.Citation = "procedure", "art63.amount", joinCites(citeArt63, h.Citation.String())
		s.Note = fmt.Sprintf("罚款上限%s元，较大数额标准为%s%s元：%s", fineMax, word, th.Amount, verdict)
	case kindConfiscationNoThreshold:
		s.Step, s.Rule, s.Citation = "procedure", "art63.confiscation", citeArt63
		s.Note = "本目录未设定没收较大数额违法所得、较大价值非法财物的标准，未按没收数额判断听证"
	case kindConfiscationNoPartyThreshold:
		s.Step, s.Rule, s.Citation = "procedure", "art63.confiscation", citeArt63
		s.Note = fmt.Sprintf("本目录未设定对%s没收较大数额违法所得、较大价值非法财物的标准，未按没收数额判断听证", rd.party(ref).Label())
	case kindConfiscationUnknown:
		h := rd.cat.Thresholds.ConfiscationHearing
		s.Step, s.Rule, s.Citation = "procedure", "art63.confiscation", joinCites(citeArt63, h.Citation.String())
		if ref == confiscatedGains {
			s.Note = "案件未载明没收违法所得的数额，无法判断是否属于没收较大数额违法所得：提请审查听证告知"
		} else {
			s.Note = "案件未载明没收非法财物的价值，无法判断是否属于没收较大价值非法财物：提请审查听证告知"
		}
	case kindConfiscation:
		h := rd.cat.Thresholds.ConfiscationHearing
		th := hearingThreshold(h, rd.party(int(vals[1])))
		what, standard := "没收违法所得", "较大数额"
		if ref == confiscatedProperty {
			what, standard = "没收非法财物价值", "较大价值"
		}
		word, verdict := "超过", "未达"+standard
		if th.Inclusive {
			word = "达到"
		}
		if result {
			verdict = "应当告知听证权利"
		}
		x, _ := t.decimalOf(vals[0])
		s.Step, s.Rule, s.Citation = "procedure", "art63.confiscation", joinCites(citeArt63, h.Citation.String())
		s.Note = fmt.Sprintf("%s%s元，%s标准为%s%s元：%s", what, x, standard, word, th.Amount, verdict)
	case kindOffsetOver:
		s.Step, s.Rule, s.Citation, s.Note = "offset", "public_service_offset", v.offset.citation, v.offsetNotes[0]
	case kindOffset:
		s.Step, s.Rule, s.Citation, s.Note = "offset", "public_service_offset", v.offset.citation, v.offsetNotes[1]
	}
}

// outcome renders the decision step and the choice among provisions
// (art. 29).
func (rd *renderer) outcome(s *Step, h value, vals []value) {
	ref := h.ref()
	switch h.kind() {
	case kindDecision:
		out := outcomes[ref]
		s.Step, s.Rule = "decision", string(out)
		s.Citation = joinCites(rd.ir.versions[h.version()].penaltyCite, rd.gradeRow(h.version()))
		if out.Imposes() {
			s.Note = fmt.Sprintf("%s：%s", out.Label(), describeDecision(rd.d))
			return
		}
		s.Note = fmt.Sprintf("%s：%s，不作出行政处罚决定，不适用听证告知、法制审核等行政处罚程序", out.Label(), nothingImposedNotes[vals[0]])
		if len(rd.d.Orders) > 0 {
			s.Note += "；责令事项：" + strings.Join(rd.d.Orders, "；")
		}
	case kindCandidate:
		s.Step, s.Citation = "art29", citeArt29
		if ref >= len(rd.d.Candidates) || rd.d.Candidates[ref] == nil {
			return // the caller dropped the candidates: nothing more to state
		}
		c := rd.d.Candidates[ref]
		p := rd.ir.e.provisionOf(c)
		s.Rule = c.Item
		s.Note = fmt.Sprintf("候选条款 %s（%s，%s）：%s", c.Item, c.ItemName, p.rankText(), c.Outcome.Label())
		if c.Outcome.Imposes() {
			s.Note += "，" + describeDecision(c)
		}
		if to := int(vals[0]) - 1; to >= 0 && to < len(rd.d.Candidates) && rd.d.Candidates[to] != nil {
			s.Note += fmt.Sprintf("；依%s，%s已有法律责任规定的从其规定，本条款让位于 %s", p.defers.Citation.String(), rankLabels(p.defers.To), rd.d.Candidates[to].Item)
		}
	case kindArt29Chosen:
		chosenBy := art29Rules[vals[0]]
		s.Step, s.Rule, s.Citation = "art29", chosenBy, citeArt29
		if art29Depth[chosenBy] >= art29Depth[art29HigherRank] || chosenBy == art29Defers {
			s.Citation += "；" + citeLegislationLaw
		}
		s.Note = fmt.Sprintf("同一个违法行为违反多个法律规范，按照罚款数额高的规定处罚：适用 %s（%s）", rd.d.Item, art29RuleLabels[chosenBy])
		if vals[1] != 0 {
			s.Note += "；各条款罚款幅度交叉，罚款数额高低需人工审查"
		}
		if vals[2] != 0 {
			s.Note += "；各条款罚款数额相同，效力层级相同或者未载明，亦无特别规定，提请法制审核"
		}
	}
}

// gradeRow is the citation of the decision's grade under a version: the
// standard's row, or the standard itself if the grade is not the version's;
// none for a decision without a grade.
func (rd *renderer) gradeRow(version int) string {
	if rd.d.Grade == "" {
		return ""
	}
	for _, g := range rd.ir.versions[version].grades {
		if g.g.ID == rd.d.Grade {
			return g.row
		}
	}
	return standardCite(rd.cat)
}

// historyWindowYears are the look-back windows of the history facts.
var historyWindowYears = map[int]int{slotPriorSameItem1y: 1, slotPriorAny1y: 1, slotPriorPenalized1y: 1, slotPriorSameItem2y: 2}

// historyWindows names the first and last day of the look-back windows of
// the history facts a rule read: "（一年内指2025-05-10至2026-05-09，首日计入）".
func (rd *renderer) historyWindows(refs []*condition.Var) string {
	var seen [3]bool
	var parts []string
	f := rd.cat.Policies.HistoryWindowFirstDay
	for _, v := range refs {
		years, ok := historyWindowYears[v.Slot]
		if !ok || seen[years] {
			continue
		}
		seen[years] = true
		parts = append(parts, fmt.Sprintf("%s年内指%s至%s", [3]string{"", "一", "两"}[years],
			historyWindowStart(ymdOf(rd.dates.act), years, f), rd.dates.act.AddDays(-1)))
	}
	if len(parts) == 0 {
		return ""
	}
	return "（" + strings.Join(parts, "，") + "，" + f.Label() + "）"
}

// facts renders the kept values of the facts a rule read.
func (rd *renderer) facts(refs []*condition.Var) Facts {
	fs := make(Facts, len(refs))
	for i, v := range refs {
		fs[i] = FactValue{Name: v.Name, Value: rd.t.fact(v.Slot)}
	}
	return fs
}

// party is the party type a step stores, as the catalog counts it.
func (rd *renderer) party(ref int) catalog.PartyType {
	return rd.cat.MapParty(partyTypes[ref&statParty])
}

// ymdText writes a date as YYYY-MM-DD.
func ymdText(p ymd) string { return string(appendYMD(nil, p)) }

// situation names a case from words that describe it: 造成严重后果的 →
// 造成严重后果的情形; words that already end in 情形 stay as they are.
func situation(label string) string {
	if strings.HasSuffix(label, "情形") {
		return label
	}
	return strings.TrimSuffix(label, "的") + "的情形"
}

// rangeAmount states a range's amount in a sentence: one amount as it is,
// amounts by party type in parentheses (（单位0至2000元；个人0至2000元）).
func rangeAmount(a *catalog.Amount) string {
	text := amountText(a)
	if strings.Contains(text, "；") {
		return "（" + text + "）"
	}
	return text
}
