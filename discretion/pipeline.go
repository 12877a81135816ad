package discretion

import (
	"fmt"
	"slices"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// under runs the pipeline under one version of the item.
func (r *run) under(v *versionRules) (*Decision, error) {
	r.version = v.index
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
		return r.noPenalty(v, ReasonLimitation), nil
	}
	if d := r.ageAndCapacity(v); d != nil {
		return d, nil
	}
	// A conditional penalty not yet triggered (逾期不改正, 拒不改正) leaves
	// nothing for art. 33 to exempt: decide it first, so that its trace cites
	// no art. 33.
	sanctions, ok := r.preconditions(v)
	if !ok {
		return r.noPenalty(v, ReasonPreconditionUnmet), nil
	}
	// A clause that prescribes only orders (责令限期拆除 …) has no penalty
	// for art. 33 to exempt, nor a grade to choose.
	if len(v.sanctions) == 0 {
		return r.imposeNothing(r.decision(v), nothingClauseOrdersOnly), nil
	}
	if v.light != nil && r.eval(v.light) {
		// A light-violation list decides which items it covers; an item it
		// leaves out is still under art. 33 ¶1 ("应当"), for the officer.
		if !v.lightListed {
			return r.noPenaltyBy(v, ReasonLightViolation, v.light), nil
		}
		if exempt, _ := r.listed(catalog.ListLightViolation); exempt {
			return r.noPenaltyBy(v, ReasonLightViolation, v.light), nil
		}
		r.flags = append(r.flags, FlagLightViolationUnlisted)
	}
	if nf := r.e.noFault; nf != nil && r.eval(nf) {
		return r.noPenaltyBy(v, ReasonNoFault, nf), nil
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
	if r.c.ActOngoing {
		// 《行政处罚法》第三十六条第二款: "违法行为有连续或者继续状态的，从行为
		// 终了之日起计算" — an act that has not ended has no end to count from.
		r.record(kindLimitationOngoing, 0, false)
		return false
	}
	lim, extended := &r.ir.limitation, false
	if r.ir.extended != nil && !lim.item && r.eval(r.ir.extended) {
		lim, extended = &r.ir.limitationExtended, true
	}
	last := r.dates.pActEnd.addYears(lim.years)
	expired := r.dates.pDiscovery > last
	ref := 0
	if extended {
		ref = 1
	}
	r.record(kindLimitation, ref, expired)
	return expired
}

// limitationOf returns the period a limitation step applied.
func (ir *itemRules) limitationOf(extended bool) *limitationRule {
	if extended {
		return &ir.limitationExtended
	}
	return &ir.limitation
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
		under14 := r.dates.pAct <= r.dates.birth14
		r.record(kindUnder14, 0, under14)
		if under14 {
			d := r.noPenalty(v, ReasonUnderAge)
			d.Orders = append(d.Orders, orderGuardianDiscipline)
			return d
		}
	}
	if r.c.Party.Capacity == "none" {
		r.record(kindIncapable, 0, true)
		d := r.noPenalty(v, ReasonIncapacity)
		d.Orders = append(d.Orders, orderGuardianCare)
		return d
	}
	return nil
}

// preconditions applies conditional penalties (逾期不改正, 拒不改正, 情节严重):
// a version precondition gates every penalty; a sanction's own
// precondition gates that sanction. ok is false when no penalty is left.
func (r *run) preconditions(v *versionRules) (sanctions []*sanctionRules, ok bool) {
	if v.precondition != nil && !r.eval(v.precondition) {
		return nil, false
	}
	if !v.sanctionPreconditions {
		return v.sanctions, true // none: the clause prescribes only orders
	}
	for _, s := range v.sanctions {
		if s.precondition != nil && !r.eval(s.precondition) {
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
	r.record(kindFirstOffenseWindow, 0, first, countValue(priors))
	if !first {
		return nil
	}
	if !r.eval(v.firstOffense) {
		return nil
	}
	listed, why := fo.Listed, unlistedItem
	if v.firstOffenseListed {
		var out listOutcome
		listed, out = r.listed(catalog.ListFirstOffense)
		switch out {
		case listEntryFails:
			why = unlistedOutside
		case listNoList:
			why = unlistedNoList
		}
	}
	if !listed {
		r.record(kindFirstOffenseUnlisted, why, false)
		r.flags = append(r.flags, FlagFirstOffenseEligible)
		return nil
	}
	d := r.noPenaltyBy(v, ReasonFirstOffense, v.firstOffense)
	d.Discretionary = true
	return d
}

// priorsInWindow counts the prior violations that defeat 首违不罚.
func (r *run) priorsInWindow(fo *catalog.FirstOffense) (int, bool) {
	start := fo.Window.FirstDay(r.dates.act, fo.WindowFirstDay)
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
			r.record(kindCommitmentUnlisted, 0, false)
		}
		return nil
	}
	cm := v.v.Benchmark.Commitment
	pc := r.c.Commitment
	if pc != nil && pc.Breached {
		r.record(kindCommitmentBreached, 0, false)
		return nil
	}
	if !r.eval(v.commitment) {
		return nil
	}
	limit := r.dates.decision.AddDays(cm.DeadlineDays)
	if pc == nil || !pc.Signed {
		r.record(kindCommitmentAvailable, 0, false)
		r.flags = append(r.flags, FlagCommitmentAvailable)
		return nil
	}
	deadline := limit
	if pc.Deadline != "" {
		dl, _ := pc.Deadline.Parse()
		if dl > limit || dl < r.dates.decision {
			r.cerr.add("commitment.deadline", "%s is outside the %d days from the decision date (%s–%s) that item %s allows",
				dl, cm.DeadlineDays, r.dates.decision, limit, r.ir.item.Code)
			return nil
		}
		deadline = dl
	}
	r.record(kindCommitmentSigned, 0, true, dateValue(deadline))
	d := r.noPenaltyBy(v, ReasonCommitment, v.commitment)
	d.Commitment = &CommitmentTerms{Deadline: deadline.String(), Label: cm.Label, Citation: v.commitment.citation,
		Consequence: "逾期未改正或者违反承诺的，依法立案查处，并作为从重处罚情节"}
	return d
}

// noPenalty builds a no-penalty decision on a ground the engine applies
// itself (arts. 30, 31, 36, 37, or a precondition not yet met). Every
// lawful no-penalty decision carries the orders to correct and, under
// art. 33 ¶3, education; a precondition not yet met is not a no-penalty
// decision in that sense and cites no art. 33 (noPenaltyCite).
func (r *run) noPenalty(v *versionRules, reason Reason) *Decision {
	return r.noPenaltyBy(v, reason, nil)
}

// noPenaltyBy builds a no-penalty decision on a catalog rule (light
// violation, no fault, first offense, 告知承诺), whose no-penalty citation
// the decision step cites.
func (r *run) noPenaltyBy(v *versionRules, reason Reason, ru *rule) *Decision {
	d := r.decision(v)
	d.Outcome, d.Reason = NoPenalty, reason
	if reason != ReasonPreconditionUnmet {
		d.Orders = v.ordersEducate
	}
	by := 0
	if ru != nil {
		by = ru.index + 1
	}
	r.record(kindNoPenalty, indexOf(reasons, reason), true, countValue(by))
	r.finish(d)
	return d
}

// noPenaltyCite is the citation of a no-penalty decision on a ground the
// engine applies itself.
func noPenaltyCite(reason Reason) string {
	switch reason {
	case ReasonLimitation:
		return joinCites(citeArt36, citeArt33Para3)
	case ReasonUnderAge:
		return joinCites(citeArt30, citeArt33Para3)
	case ReasonIncapacity:
		return joinCites(citeArt31, citeArt33Para3)
	case ReasonNotIllegal:
		return joinCites(citeArt37, citeArt33Para3)
	case ReasonPreconditionUnmet:
		return citeArt28
	}
	return citeArt33Para3
}

// finish completes a decision: it gets a copy of the trace, which is
// complete but for steps that compare it with other decisions (arts. 29
// and 37).
func (r *run) finish(d *Decision) {
	d.trace = r.tr.seal()
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

// decision starts a decision with what every outcome carries.
func (r *run) decision(v *versionRules) *Decision {
	it := r.ir.item
	blk := new(decisionBlock)
	r.blk = blk
	// Field by field: the block is new and zeroed, and assigning a whole
	// Decision to it would copy it with write barriers.
	d := &blk.d
	d.Item, d.ItemName, d.Version = it.Code, it.Name, v.v.ID
	d.Sanctions = blk.sanctions[:0]
	d.Orders, d.Basis = v.orders, v.basisText // the engine's: append copies
	d.Catalog = r.e.catalogRef
	if len(r.flags) > 0 {
		d.Flags = append(blk.flags[:0], r.flags...)
	}
	return d
}

// decisionBlock is a decision with room for its usual parts, allocated
// together. A slice that outgrows its room moves to the heap as usual.
// It is kept within 512 bytes, the largest object the Go allocator
// describes to the collector without a header of its own.
type decisionBlock struct {
	d         Decision
	fine      Fine
	statutory Fine
	sanctions [3]penalty.SanctionType
	flags     [2]string
}

// basisText is the legal basis of a version as decisions state it.
func basisText(b catalog.Basis) []string {
	return slices.Clip(basisLines(b))
}

func basisLines(b catalog.Basis) []string {
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

// noPenaltyNote is the note of the decision step of a no-penalty decision.
func noPenaltyNote(reason Reason) string {
	if reason == ReasonPreconditionUnmet {
		return "责令改正；罚款的前提条件尚未成立，暂不予罚款"
	}
	return "不予行政处罚：" + reason.Label() + "；依法对当事人进行教育"
}
