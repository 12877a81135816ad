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
		return r.noPenaltyCited(v, ReasonLightViolation, v.light.npCite), nil
	}
	if nf := r.e.noFault; nf != nil && r.eval("no_fault", nf, "当事人有证据足以证明没有主观过错的，不予行政处罚（应当）") {
		return r.noPenaltyCited(v, ReasonNoFault, nf.npCite), nil
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
	lim := &r.ir.limitation
	if r.c.ActOngoing {
		// 《行政处罚法》第三十六条第二款: "违法行为有连续或者继续状态的，从行为
		// 终了之日起计算" — an act that has not ended has no end to count from.
		r.note("limitation", "limitation.ongoing", citeArt36,
			"违法行为有继续状态，作出决定时尚未终了：期限从行为终了之日起计算，尚未起算", false)
		return false
	}
	if r.ir.extended != nil && !lim.item && r.eval("limitation", r.ir.extended, "涉及公民生命健康安全、金融安全且有危害后果的，期限延长至五年") {
		lim = &r.ir.limitationExtended
	}
	years := lim.years
	start := r.dates.pActEnd
	last := start.addYears(years)
	expired := r.dates.pDiscovery > last
	from := "违法行为发生之日"
	if r.dates.actEnd != r.dates.act {
		from = "违法行为终了之日"
	}
	verdict := "在期限内"
	if expired {
		verdict = "已超过期限，不再给予行政处罚"
	}
	// 自%s（%s）起%d年，期间最后一日为%s；发现日期%s，%s
	r.note("limitation", lim.rule, lim.cite, "", expired)
	at := len(r.noteBuf)
	b := append(r.noteBuf, "自"...)
	b = append(b, from...)
	b = append(b, "（"...)
	b = appendYMD(b, start)
	b = append(b, "）起"...)
	b = appendInt(b, years)
	b = append(b, "年，期间最后一日为"...)
	b = appendYMD(b, last)
	b = append(b, "；发现日期"...)
	b = appendYMD(b, r.dates.pDiscovery)
	b = append(b, "，"...)
	r.noteBuf = append(b, verdict...)
	r.pendingNote(at)
	return expired
}

// limitationRule is an art. 36 period with its trace rule id and citation,
// computed at Compile time.
type limitationRule struct {
	years      int
	rule, cite string
	item       bool // the item sets its own period (法律另有规定)
}

func newLimitationRule(years int, cite string, item bool) limitationRule {
	return limitationRule{years: years, rule: fmt.Sprintf("limitation.%dy", years), cite: cite + "；" + citeCivilCodePeriods, item: item}
}

// ageAndCapacity applies arts. 30 and 31 ¶1 for natural persons.
func (r *run) ageAndCapacity(v *versionRules) *Decision {
	if r.dates.hasBirth {
		b14 := r.dates.birth14
		under14 := r.dates.pAct <= b14
		verdict := "已满十四周岁"
		if under14 {
			verdict = "不满十四周岁，不予行政处罚"
		}
		// 出生于%s，违法行为发生于%s，十四周岁生日为%s（生日次日起算为已满）：%s
		r.note("age", "art30.under14", citeArt30+"；"+citeAgeCounting, "", under14)
		at := len(r.noteBuf)
		b := append(r.noteBuf, "出生于"...)
		b = appendYMD(b, r.dates.pBirth)
		b = append(b, "，违法行为发生于"...)
		b = appendYMD(b, r.dates.pAct)
		b = append(b, "，十四周岁生日为"...)
		b = appendYMD(b, b14)
		b = append(b, "（生日次日起算为已满）："...)
		r.noteBuf = append(b, verdict...)
		r.pendingNote(at)
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
	if !v.sanctionPreconditions {
		return v.sanctions, len(v.sanctions) > 0
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
	first := priors == 0
	note := v.firstOffenseNote0
	if !first {
		note = fmt.Sprintf("%s：回溯期内同类违法 %d 次", v.firstOffenseWindow, priors)
	}
	r.note("first_offense", "first_offense.window", v.firstOffense.citation, note, first)
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
	d := r.noPenaltyCited(v, ReasonFirstOffense, v.firstOffense.npCite)
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
		d := r.history[i].act
		if byDecision {
			if !r.history[i].hasDecision {
				r.cerr.add(fmt.Sprintf("history[%d].decision_date", i),
					"missing: item %s counts prior violations for 首违不罚 by their decision date", r.ir.item.Code)
				return 0, false
			}
			d = r.history[i].decision
		}
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
	d := r.noPenaltyCited(v, ReasonCommitment, v.commitment.npCite)
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
	return r.noPenaltyCited(v, reason, joinCites(cite, citeArt33Para3))
}

// noPenaltyCited is noPenalty with the citation of the decision step
// already joined with art. 33 ¶3 (rule.npCite).
func (r *run) noPenaltyCited(v *versionRules, reason Reason, cite string) *Decision {
	d := r.decision(v, true)
	d.Outcome, d.Reason = NoPenalty, reason
	if reason != ReasonPreconditionUnmet {
		d.Orders = append(d.Orders, orderEducate)
		r.note("decision", string(reason), cite, noPenaltyNote(reason), true)
	} else {
		r.note("decision", string(reason), citeArt28, "责令改正；罚款的前提条件尚未成立，暂不予罚款", true)
	}
	r.finish(d)
	return d
}

// pendingNote is the note of a trace step held in run.noteBuf until
// finish.
type pendingNote struct {
	step, start, end int
}

// pendingNote records that the text appended to noteBuf from start is the
// note of the last step of the trace.
func (r *run) pendingNote(start int) {
	r.pending = append(r.pending, pendingNote{step: len(r.trace) - 1, start: start, end: len(r.noteBuf)})
}

// output moves the trace and the fact values its steps read from the run's
// scratch into storage of their own, with room for the steps and values
// still to come: the rest of the decision is built in place. The room a
// penalty decision needs is what decisions under the version have needed
// so far (tailSteps, tailFacts), so that it is allocated once.
func (r *run) output(steps, facts int, v *versionRules) {
	// Keep what the scratch grew to for the next decision.
	if cap(r.trace) > cap(r.scratchTrace) {
		r.scratchTrace = r.trace[:0]
	}
	if cap(r.arena) > cap(r.scratchArena) {
		r.scratchArena = r.arena[:0]
	}
	trace := make([]Step, len(r.trace), len(r.trace)+steps)
	copy(trace, r.trace)
	arena := make(Facts, len(r.arena), len(r.arena)+facts)
	copy(arena, r.arena)
	r.trace, r.arena = trace, arena
	r.tail = tailStart{v: v, steps: len(trace), facts: len(arena)}
}

// tailStart is where output started the trace and the arena.
type tailStart struct {
	v            *versionRules
	steps, facts int
}

// finish completes a decision: it gives each step the fact values it read
// and its note, turning the pending notes into strings in one allocation.
func (r *run) finish(d *Decision) {
	trace, facts := r.trace, r.arena
	for _, w := range r.windows {
		trace[w.step].Facts = facts[w.start:w.end:w.end]
	}
	if len(r.pending) > 0 {
		text := string(r.noteBuf)
		for _, p := range r.pending {
			trace[p.step].Note = text[p.start:p.end]
		}
	}
	d.Trace = trace
	if t := r.tail; t.v != nil {
		if n := int32(len(trace) - t.steps); n > t.v.tailSteps.Load() {
			t.v.tailSteps.Store(n)
		}
		if n := int32(len(facts) - t.facts); n > t.v.tailFacts.Load() {
			t.v.tailFacts.Store(n)
		}
	}
	// What follows belongs to another decision (art. 37 decides twice), or
	// to none (a note after the decision is complete).
	r.trace, r.arena = r.scratchTrace[:0], r.scratchArena[:0]
	r.windows, r.pending, r.noteBuf, r.tail = r.windows[:0], r.pending[:0], r.noteBuf[:0], tailStart{}
}

func joinCites(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "；" + b
}

// decision starts a decision with what every outcome carries. From here
// on the trace is built in the decision's own storage (output).
func (r *run) decision(v *versionRules, noPenalty bool) *Decision {
	if noPenalty {
		r.output(1, 0, nil) // the decision step
	} else {
		r.output(int(v.tailSteps.Load()), int(v.tailFacts.Load()), v)
	}
	it := r.ir.item
	blk := new(decisionBlock)
	r.blk = blk
	d := &blk.d
	*d = Decision{
		Item: it.Code, ItemName: it.Name, Version: v.v.ID,
		Sanctions: blk.sanctions[:0],
		Orders:    append(blk.orders[:0], v.v.Orders...),
		Basis:     append(blk.basis[:0], v.basisText...),
		Catalog:   CatalogRef{ID: r.e.cat.ID, Version: r.e.cat.Version, Digest: r.e.cat.Digest},
	}
	if len(r.flags) > 0 {
		d.Flags = append(blk.flags[:0], r.flags...)
	}
	return d
}

// decisionBlock is a decision with room for its usual parts, allocated
// together. A slice that outgrows its room moves to the heap as usual.
type decisionBlock struct {
	d         Decision
	fine      Fine
	statutory Fine
	sanctions [3]penalty.SanctionType
	orders    [3]string
	basis     [3]string
	flags     [2]string
}

// basisText is the legal basis of a version as decisions state it.
func basisText(b catalog.Basis) []string {
	out := []string{}
	if b.Violated != nil {
		out = append(out, "违法依据："+b.Violated.String())
	}
	if b.Penalty != nil {
		out = append(out, "处罚依据："+b.Penalty.String())
	}
	if b.Amount != nil {
		out = append(out, "罚款数额依据："+b.Amount.String())
	}
	return out
}

// noPenaltyNotes are the notes of the no-penalty decision step.
var noPenaltyNotes = func() map[Reason]string {
	m := map[Reason]string{}
	for _, r := range []Reason{ReasonLimitation, ReasonUnderAge, ReasonIncapacity, ReasonLightViolation, ReasonNoFault,
		ReasonFirstOffense, ReasonPreconditionUnmet, ReasonCommitment, ReasonNotIllegal} {
		m[r] = "不予行政处罚：" + r.Label() + "；依法对当事人进行教育"
	}
	return m
}()

func noPenaltyNote(reason Reason) string {
	if s, ok := noPenaltyNotes[reason]; ok {
		return s
	}
	return "不予行政处罚：" + reason.Label() + "；依法对当事人进行教育"
}
