package discretion

import (
	"fmt"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// under runs the pipeline under one version of the item.
func (r *run) under(v *versionRules) (*Decision, error) {
	d, err := r.pipeline(v)
	if err != nil {
		return nil, err
	}
	if err := r.cerr.err(); err != nil {
		return nil, err
	}
	return d, nil
}

func (r *run) pipeline(v *versionRules) (*Decision, error) {
	if r.limitationExpired() {
		return r.noPenalty(v, ReasonLimitation, citeArt36), nil
	}
	if d := r.ageAndCapacity(v); d != nil {
		return d, nil
	}
	// A conditional penalty not yet triggered (逾期不改正, 拒不改正) leaves
	// nothing for art. 33 to exempt: decide it first, so that its trace cites
	// no art. 33.
	sanctions, ok := r.preconditions(v)
	if !ok {
		return r.noPenalty(v, ReasonPreconditionUnmet, ""), nil
	}
	if v.light != nil && r.eval("light_violation", v.light, "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚（应当）") {
		return r.noPenalty(v, ReasonLightViolation, v.light.citation), nil
	}
	if nf := r.e.noFault; nf != nil && r.eval("no_fault", nf, "当事人有证据足以证明没有主观过错的，不予行政处罚（应当）") {
		return r.noPenalty(v, ReasonNoFault, nf.citation), nil
	}
	if d := r.firstOffense(v); d != nil {
		return d, nil
	}
	if d := r.commitment(v); d != nil {
		return d, nil
	}
	if r.cerr.err() != nil {
		return nil, nil
	}
	return r.penalise(v, sanctions)
}

// limitationExpired applies art. 36: discovery more than two (or five)
// years after the act, counted from the end of a continuing act. The period
// is counted as in 《民法典》 arts. 201–202: an act on 2022-03-15 is still
// discoverable on 2024-03-15 and no longer on 2024-03-16.
func (r *run) limitationExpired() bool {
	pol := r.e.cat.Policies.Limitation
	years, cite := pol.Years, citeArt36
	if l := r.ir.item.Limitation; l != nil && l.Years > 0 {
		years, cite = l.Years, l.Citation.String()
	} else if r.ir.extended != nil && r.eval("limitation", r.ir.extended, "涉及公民生命健康安全、金融安全且有危害后果的，期限延长至五年") {
		years = pol.ExtendedYears
	}
	start := r.dates.actEnd
	last := start.AddYears(years)
	expired := r.dates.discovery > last
	from := "违法行为发生之日"
	if r.dates.actEnd != r.dates.act {
		from = "违法行为终了之日"
	}
	r.note("limitation", fmt.Sprintf("limitation.%dy", years), cite+"；"+citeCivilCodePeriods,
		fmt.Sprintf("自%s（%s）起%d年，期间最后一日为%s；发现日期%s，%s", from, start, years, last, r.dates.discovery,
			map[bool]string{true: "已超过期限，不再给予行政处罚", false: "在期限内"}[expired]), expired)
	return expired
}

// ageAndCapacity applies arts. 30 and 31 ¶1 for natural persons.
func (r *run) ageAndCapacity(v *versionRules) *Decision {
	if r.dates.hasBirth {
		b14 := r.dates.birth.AddYears(14)
		under14 := r.dates.act <= b14
		r.note("age", "art30.under14", citeArt30+"；"+citeAgeCounting,
			fmt.Sprintf("出生于%s，违法行为发生于%s，十四周岁生日为%s（生日次日起算为已满）：%s", r.dates.birth, r.dates.act, b14,
				map[bool]string{true: "不满十四周岁，不予行政处罚", false: "已满十四周岁"}[under14]), under14)
		if under14 {
			d := r.noPenalty(v, ReasonUnderAge, citeArt30)
			d.Orders = append(d.Orders, orderGuardianDiscipline)
			return d
		}
	}
	if r.c.Party.Capacity == "none" {
		r.note("capacity", "art31.incapable", citeArt31, "不能辨认或者不能控制自己行为时有违法行为，不予行政处罚", true)
		d := r.noPenalty(v, ReasonIncapacity, citeArt31)
		d.Orders = append(d.Orders, orderGuardianCare)
		return d
	}
	return nil
}

// preconditions applies conditional penalties (逾期不改正, 拒不改正, 情节严重):
// a version precondition gates every penalty; a sanction's own
// precondition gates that sanction. ok is false when no penalty is left.
func (r *run) preconditions(v *versionRules) (sanctions []*sanctionRules, ok bool) {
	if v.precondition != nil {
		label := v.v.Precondition.Label
		if !r.eval("precondition", v.precondition, label) {
			return nil, false
		}
	}
	for _, s := range v.sanctions {
		if s.precondition != nil && !r.eval("precondition", s.precondition, s.s.Precondition.Label) {
			continue
		}
		sanctions = append(sanctions, s)
	}
	return sanctions, len(sanctions) > 0
}

// firstOffense applies 首违不罚 (art. 33 ¶1 s2, "可以"): no prior violation
// in the window and the benchmark's conditions. Only a listed item ends in
// no penalty; an unlisted one is flagged for the officer.
func (r *run) firstOffense(v *versionRules) *Decision {
	if v.firstOffense == nil {
		return nil
	}
	fo := v.v.Benchmark.FirstOffense
	priors, ok := r.priorsInWindow(fo)
	if !ok {
		return nil
	}
	windowNote := "首次违法"
	if !fo.Window.None {
		windowNote = fo.Window.Label() + "首次违法"
	}
	first := priors == 0
	r.note("first_offense", "first_offense.window", v.firstOffense.citation,
		fmt.Sprintf("%s：回溯期内同类违法 %d 次", windowNote, priors), first)
	if !first {
		return nil
	}
	if !r.eval("first_offense", v.firstOffense, "初次违法且危害后果轻微并及时改正的，可以不予行政处罚（可以）") {
		return nil
	}
	if !fo.Listed {
		r.note("first_offense", "first_offense.list", v.firstOffense.citation, "符合首违不罚条件，但本事项未列入首违不罚清单：由执法人员依法裁量", false)
		r.flags = append(r.flags, FlagFirstOffenseEligible)
		return nil
	}
	d := r.noPenalty(v, ReasonFirstOffense, v.firstOffense.citation)
	d.Discretionary = true
	return d
}

// priorsInWindow counts the prior violations that defeat 首违不罚.
func (r *run) priorsInWindow(fo *catalog.FirstOffense) (int, bool) {
	start := fo.Window.Start(r.dates.act)
	byDecision := fo.PriorBasis != "act_date"
	n := 0
	for i, h := range r.c.History {
		if !r.sameViolation(fo.SameViolation, h.Item) {
			continue
		}
		s := h.ActDate
		if byDecision {
			if h.DecisionDate == "" {
				r.cerr.add(fmt.Sprintf("history[%d].decision_date", i),
					"missing: item %s counts prior violations for 首违不罚 by their decision date", r.ir.item.Code)
				return 0, false
			}
			s = h.DecisionDate
		}
		d, _ := catalog.ParseDate(s)
		if d >= start && d < r.dates.act {
			n++
		}
	}
	return n, true
}

func (r *run) sameViolation(policy, code string) bool {
	switch policy {
	case "any":
		return true
	case "same_clause":
		other := r.e.cat.Item(code)
		if other == nil {
			return code == r.ir.item.Code
		}
		a, b := r.ir.item.Basis.Penalty, other.Basis.Penalty
		return a.Instrument == b.Instrument && a.Article == b.Article && a.Paragraph == b.Paragraph && a.Item == b.Item
	}
	return code == r.ir.item.Code
}

// commitment applies 告知承诺制: where the benchmark lists it and the party
// has signed, the case ends in no penalty with a deadline to correct.
func (r *run) commitment(v *versionRules) *Decision {
	if v.commitment == nil {
		if pc := r.c.Commitment; pc != nil && pc.Signed {
			r.note("commitment", "commitment", "", "当事人签署了告知承诺书，但本事项未列入告知承诺制清单：依法处理", false)
		}
		return nil
	}
	cm := v.v.Benchmark.Commitment
	pc := r.c.Commitment
	if pc != nil && pc.Breached {
		r.note("commitment", "commitment", v.commitment.citation, "当事人曾违反告知承诺，不再适用告知承诺制", false)
		return nil
	}
	if !r.eval("commitment", v.commitment, cm.Label) {
		return nil
	}
	limit := r.dates.decision.AddDays(cm.DeadlineDays)
	if pc == nil || !pc.Signed {
		r.note("commitment", "commitment.signed", v.commitment.citation,
			fmt.Sprintf("可适用告知承诺制：当事人签署承诺书、承诺在%d日内（%s前）改正的，不予处罚；当事人未签署", cm.DeadlineDays, limit), false)
		r.flags = append(r.flags, FlagCommitmentAvailable)
		return nil
	}
	deadline := limit
	if pc.Deadline != "" {
		dl, _ := catalog.ParseDate(pc.Deadline)
		if dl > limit || dl < r.dates.decision {
			r.cerr.add("commitment.deadline", "%s is outside the %d days from the decision date (%s–%s) that item %s allows",
				dl, cm.DeadlineDays, r.dates.decision, limit, r.ir.item.Code)
			return nil
		}
		deadline = dl
	}
	d := r.noPenalty(v, ReasonCommitment, v.commitment.citation)
	d.Commitment = &CommitmentTerms{Deadline: deadline.String(), Label: cm.Label, Citation: v.commitment.citation,
		Consequence: "逾期未改正或者违反承诺的，依法立案查处，并作为从重处罚情节"}
	r.note("commitment", "commitment.signed", v.commitment.citation,
		fmt.Sprintf("当事人已签署告知承诺书，承诺于%s前改正，不予处罚", deadline), true)
	return d
}

// noPenalty builds a no-penalty decision. Every lawful no-penalty decision
// carries the orders to correct and, under art. 33 ¶3, education; a
// precondition not yet met is not a no-penalty decision in that sense and
// cites no art. 33.
func (r *run) noPenalty(v *versionRules, reason Reason, cite string) *Decision {
	d := r.decision(v)
	d.Outcome, d.Reason = NoPenalty, reason
	if reason != ReasonPreconditionUnmet {
		d.Orders = append(d.Orders, orderEducate)
		r.note("decision", string(reason), joinCites(cite, citeArt33Para3), "不予行政处罚："+reason.Label()+"；依法对当事人进行教育", true)
	} else {
		r.note("decision", string(reason), citeArt28, "责令改正；罚款的前提条件尚未成立，暂不予罚款", true)
	}
	d.Trace = r.trace
	return d
}

func joinCites(a, b string) string {
	if a == "" {
		return b
	}
	return a + "；" + b
}

// decision starts a decision with what every outcome carries.
func (r *run) decision(v *versionRules) *Decision {
	it := r.ir.item
	d := &Decision{
		Item: it.Code, ItemName: it.Name, Version: v.v.ID,
		Sanctions: []penalty.SanctionType{},
		Orders:    append([]string{}, v.v.Orders...),
		Flags:     append([]string(nil), r.flags...),
		Catalog:   CatalogRef{ID: r.e.cat.ID, Version: r.e.cat.Version, Digest: r.e.cat.Digest},
	}
	d.Basis = []string{}
	if v.basis.Violated != nil {
		d.Basis = append(d.Basis, "违法依据："+v.basis.Violated.String())
	}
	if v.basis.Penalty != nil {
		d.Basis = append(d.Basis, "处罚依据："+v.basis.Penalty.String())
	}
	if v.basis.Amount != nil {
		d.Basis = append(d.Basis, "罚款数额依据："+v.basis.Amount.String())
	}
	return d
}
