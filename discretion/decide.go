package discretion

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// Decide decides a case: it validates the case against the item's fact
// schema, picks the version in force (art. 37), and runs the pipeline of
// limitation, statutory no-penalty grounds, preconditions, first offense,
// grading, mitigation and aggravation, clamping and procedure. Every step is
// recorded in the trace.
//
// A case that cannot be decided as stated returns a *CaseError naming every
// problem (errors.Is(err, ErrInvalidCase)). A catalog whose grades leave
// the case uncovered returns a *GapError; one that meets two grades of a
// benchmark whose selection is exclusive returns an *AmbiguousGradeError. A
// nil ctx returns ErrNilContext: pass context.Background() where there is
// no deadline. Decide never panics and never guesses a missing fact.
func (e *Engine) Decide(ctx context.Context, c *Case) (*Decision, error) {
	if ctx == nil {
		return nil, ErrNilContext
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if c == nil {
		return nil, caseError("", "no case given")
	}
	if c.Item != "" && len(c.Items) == 0 {
		// The common case, one item named: no list to check.
		if ir := e.items[c.Item]; ir != nil {
			return e.decideItem(ctx, c, ir, nil)
		}
	}
	codes, err := e.candidates(c)
	if err != nil {
		return nil, err
	}
	if len(codes) == 1 {
		return e.decideItem(ctx, c, e.items[codes[0]], nil)
	}
	return e.decideConcurrent(ctx, c, codes)
}

// candidates returns the item codes a case names, checked.
func (e *Engine) candidates(c *Case) ([]string, error) {
	cerr := &CaseError{}
	var codes []string
	switch {
	case c.Item != "" && len(c.Items) > 0:
		cerr.add("item", "give item or items, not both")
	case c.Item != "":
		codes = []string{c.Item}
	case len(c.Items) > 0:
		codes = c.Items
	default:
		cerr.add("item", "missing: the code of the enforcement item (or items, for one act under several provisions)")
	}
	seen := map[string]bool{}
	for i, code := range codes {
		field := "item"
		if len(c.Items) > 0 {
			field = fmt.Sprintf("items[%d]", i)
		}
		if seen[code] {
			cerr.add(field, "%q is named twice", code)
		}
		seen[code] = true
		if e.items[code] == nil {
			if s := catalog.DidYouMean(code, e.codes); s != "" {
				cerr.add(field, "%q is not an item of catalog %s; did you mean %q?", code, e.cat.ID, s)
			} else {
				cerr.add(field, "%q is not an item of catalog %s", code, e.cat.ID)
			}
		}
	}
	return codes, cerr.err()
}

// ErrNilContext is returned for a nil context.
var ErrNilContext = errors.New("discretion: nil context: pass context.Background() where there is no deadline or cancellation")

// run is the state of one decision against one item.
type run struct {
	e     *Engine
	ir    *itemRules
	c     *Case
	dates caseDates
	vals  []catalog.Value
	set   []bool
	// tr is the trace being recorded, in the run's scratch: a decision
	// gets a copy of its own when it is complete (finish). version is the
	// index of the version the pipeline runs under.
	tr      recorder
	version int
	// kept marks the fact values (by position, the first 64) already in
	// the trace.
	kept  uint64
	flags []string // review flags raised before the decision is built
	// history holds the parsed dates of the case's history, in order.
	history []priorDates
	// gaps holds, per counter of the item, the prior that lacks what the
	// counter needs (counts.go).
	gaps []counterGap
	// blk is the storage of the decision being built.
	blk *decisionBlock
	// factual problems found while evaluating (facts a rule needs that the
	// case does not state)
	cerr CaseError
	// effects are the factors found whose published effect applies
	// (adjust), and effectsPlain whether grounds of the same direction
	// without one apply too.
	effects      []*factorRule
	effectsPlain bool
}

// priorDates are the dates of one prior violation.
type priorDates struct {
	act, decision catalog.Date
	hasDecision   bool
}

// runs recycles the scratch state of decisions: the value slots, the
// parsed history and the trace being recorded, which never outlive a
// decision. Everything a Decision refers to is allocated afresh each time.
var runs = sync.Pool{New: func() any { return new(run) }}

func (e *Engine) newRun(c *Case, ir *itemRules) *run {
	r := runs.Get().(*run)
	n := ir.nslots
	if cap(r.vals) < n {
		r.vals, r.set = make([]catalog.Value, n), make([]bool, n)
	}
	r.vals, r.set = r.vals[:n], r.set[:n]
	r.e, r.ir, r.c = e, ir, c
	r.tr.ir = ir
	r.tr.words = slices.Grow(r.tr.words[:0], ir.stepsAt())[:ir.stepsAt()]
	return r
}

// release returns the run's scratch to the pool. Only a run whose decision
// is complete may be released; nothing it holds may be used afterwards.
func (r *run) release() {
	// A slot is read only when set says it is set, so the values stay (the
	// next decision overwrites them, and the pool is emptied at the next
	// collections): clearing them cost a write barrier per pointer.
	clear(r.set)
	// Drop what points into the engine, the case and the decision, field by
	// field rather than by assigning a fresh run, which would copy it with
	// write barriers.
	r.e, r.ir, r.c, r.blk = nil, nil, nil, nil
	r.tr = recorder{trace: trace{words: r.tr.words[:0]}}
	r.kept, r.flags, r.cerr = 0, nil, CaseError{}
	r.dates, r.version = caseDates{}, 0
	r.vals, r.set, r.history = r.vals[:0], r.set[:0], r.history[:0]
	runs.Put(r)
}

// decideItem decides a case against one item. otherFacts names facts that
// other candidate items of the same act declare (art. 29), which this item
// ignores rather than rejects.
func (e *Engine) decideItem(ctx context.Context, c *Case, ir *itemRules, otherFacts map[string]bool) (*Decision, error) {
	r := e.newRun(c, ir)
	if err := r.load(otherFacts); err != nil {
		return nil, err
	}
	if len(ir.constraints) > 0 {
		if err := r.checkConstraints(); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	r.tr.keepDates(&r.dates)
	d, err := r.decide()
	if err == nil {
		r.release()
	}
	return d, err
}

// load validates the case against the item and fills the value slots.
func (r *run) load(otherFacts map[string]bool) error {
	if r.loadValid() {
		r.builtins()
		return nil
	}
	// Something is wrong with the case: start again and report every
	// problem.
	clear(r.vals)
	clear(r.set)
	r.history = r.history[:0]
	cerr := &CaseError{}
	c, it := r.c, r.ir.item
	r.dates = c.checkDates(cerr)
	c.checkParty(cerr, r.dates)
	// A clause that names 个人 reaches an individual business where the
	// catalog counts it as an individual (individual_business_as).
	if p := c.Party.Type; p.Valid() && len(it.Parties) > 0 && !partyIn(it.Parties, p) && !partyIn(it.Parties, r.e.cat.MapParty(p)) {
		cerr.add("party.type", "item %s applies to %s, not to %s", it.Code, partyList(it.Parties), partyName(c.Party.Type))
	}
	for _, name := range c.sortedFactNames() {
		slot, ok := r.ir.factSlot[name]
		if !ok && otherFacts[name] {
			continue
		}
		if !ok {
			if s := catalog.DidYouMean(name, factNames(r.ir.facts)); s != "" {
				cerr.add("facts."+name, "item %s declares no fact %q; did you mean %q?", it.Code, name, s)
			} else {
				cerr.add("facts."+name, "item %s declares no fact %q", it.Code, name)
			}
			continue
		}
		f := r.ir.facts[slot-numBuiltinSlots]
		v, err := f.Parse(c.Facts[name])
		if err != nil {
			var ve *catalog.ValueError
			if errors.As(err, &ve) {
				cerr.add("facts."+name, "%s", ve.Detail())
			} else {
				cerr.add("facts."+name, "%v", err)
			}
			continue
		}
		r.vals[slot], r.set[slot] = v, true
	}
	for i, f := range r.ir.facts {
		slot := numBuiltinSlots + i
		_, stated := c.Facts[f.Name]
		switch {
		case r.set[slot]:
		case stated:
			// stated but invalid: already reported above, not "missing"
		case f.Required:
			cerr.add("facts."+f.Name, "missing: item %s requires %s (%s)", it.Code, f.Label, factKind(f.Type))
		case f.Default != nil:
			r.vals[slot], r.set[slot] = f.Default.Value, true
		}
	}
	if err := cerr.err(); err != nil {
		return err
	}
	r.dates.pack()
	r.parseHistory()
	r.builtins()
	return nil
}

// loadValid is load for a case with nothing wrong: it checks what load
// checks, without building a message, and fills the value slots. It
// returns false as soon as anything is wrong, and load then reports every
// problem.
func (r *run) loadValid() bool {
	c, it := r.c, r.ir.item
	d := &r.dates
	var ok bool
	if d.act, d.pAct, ok = parseYMD(c.ActDate); !ok {
		return false
	}
	d.actEnd, d.pActEnd = d.act, d.pAct
	if c.ActOngoing && c.ActEndDate != "" {
		return false
	}
	if c.ActEndDate != "" {
		if d.actEnd, d.pActEnd, ok = parseYMD(c.ActEndDate); !ok || d.actEnd < d.act {
			return false
		}
	}
	if d.discovery, d.pDiscovery, ok = parseYMD(c.DiscoveryDate); !ok || d.discovery < d.act {
		return false
	}
	if d.decision, ok = parseDate(c.DecisionDate); !ok || d.decision < d.discovery {
		return false
	}
	p := c.Party
	natural := p.Type == catalog.Individual || p.Type == catalog.IndividualBusiness
	switch {
	case natural:
		if d.birth, d.pBirth, ok = parseYMD(p.BirthDate); !ok || d.birth >= d.act {
			return false
		}
		d.hasBirth = true
	case p.Type != catalog.Organization || p.BirthDate != "":
		return false
	}
	switch p.Capacity {
	case "", "full":
	case "none", "limited":
		if !natural {
			return false
		}
	default:
		return false
	}
	if len(it.Parties) > 0 && !partyIn(it.Parties, p.Type) && !partyIn(it.Parties, r.e.cat.MapParty(p.Type)) {
		return false
	}
	for _, h := range c.History {
		pd := priorDates{}
		if h.Item == "" {
			return false
		}
		if pd.act, ok = parseDate(h.ActDate); !ok || pd.act >= d.act {
			return false
		}
		if h.DecisionDate != "" {
			if pd.decision, ok = parseDate(h.DecisionDate); !ok {
				return false
			}
			pd.hasDecision = true
		}
		r.history = append(r.history, pd)
	}
	if cm := c.Commitment; cm != nil && cm.Deadline != "" {
		if _, ok := parseDate(cm.Deadline); !ok {
			return false
		}
	}
	if !c.Confiscated.valid() {
		return false
	}
	stated := 0
	for i := range r.ir.caseFacts {
		f, slot := &r.ir.caseFacts[i], numBuiltinSlots+i
		raw, given := c.Facts[f.name]
		switch {
		case given:
			if !parseFact(&r.vals[slot], f, raw) {
				return false
			}
			r.set[slot] = true
			stated++
		case f.required:
			return false
		case f.def != nil:
			r.vals[slot], r.set[slot] = *f.def, true
		}
	}
	// A fact the item does not declare is an error, or belongs to another
	// candidate item of the act; load sorts that out.
	return stated == len(c.Facts)
}

// parseHistory parses the history's dates, which the case check accepted.
func (r *run) parseHistory() {
	for _, h := range r.c.History {
		pd := priorDates{act: parseCaseDate(h.ActDate)}
		if h.DecisionDate != "" {
			pd.decision, pd.hasDecision = parseCaseDate(h.DecisionDate), true
		}
		r.history = append(r.history, pd)
	}
}

func partyIn(ps []catalog.PartyType, p catalog.PartyType) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

// partyList names party types by their Chinese names and their codes:
// 单位（organization），个体工商户（individual_business）.
func partyList(ps []catalog.PartyType) *catalog.Phrase {
	var list *catalog.Phrase
	for _, p := range ps {
		if list == nil {
			list = partyName(p)
		} else {
			list = messagesZh.P("%s, %s", list, partyName(p))
		}
	}
	return list
}

// partyName names a party type by its Chinese name and its code.
func partyName(p catalog.PartyType) *catalog.Phrase {
	return messagesZh.P("%s (%s)", p.Label(), string(p))
}

func factNames(fs catalog.Facts) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name
	}
	return out
}

// builtins fills the engine-provided variables.
func (r *run) builtins() {
	num := func(slot int, n int64) {
		r.vals[slot] = catalog.Value{Type: catalog.FactInt, Num: intDecimal(n)}
		r.set[slot] = true
	}
	r.vals[slotPartyType] = catalog.Value{Type: catalog.FactEnum, Enum: string(r.c.Party.Type)}
	r.set[slotPartyType] = true
	age := int64(-1)
	if d := &r.dates; d.hasBirth {
		d.age, d.birth14, d.birth18 = birthdays(d.pBirth, d.pAct)
		age = int64(d.age)
	}
	num(slotAge, age)
	var same, same1, same2, any1 int64
	if len(r.history) > 0 {
		back1, back2 := r.historyWindowStart(1), r.historyWindowStart(2)
		for i, h := range r.c.History {
			d := r.history[i].act
			within1 := d >= back1
			if h.Item == r.ir.item.Code {
				same++
				if within1 {
					same1++
				}
				if d >= back2 {
					same2++
				}
			}
			if within1 {
				any1++
			}
		}
	}
	num(slotPriorSameItem, same)
	num(slotPriorSameItem1y, same1)
	num(slotPriorSameItem2y, same2)
	num(slotPriorAny1y, any1)
	if n, known := r.penalizedWithinYear(); known {
		num(slotPriorPenalized1y, n)
	} else {
		// Left unknown: a rule that reads it stops with a case error naming
		// it, instead of guessing whether a prior ended in a penalty.
		r.set[slotPriorPenalized1y] = false
	}
	breached := r.c.Commitment != nil && r.c.Commitment.Breached
	r.vals[slotCommitmentBreached] = catalog.Value{Type: catalog.FactBool, Bool: breached}
	r.set[slotCommitmentBreached] = true
	r.counts()
}

// historyWindowStart is the first day of the history facts' window of
// years before the act (prior_same_item_1y …); its last day is the day
// before the act.
func (r *run) historyWindowStart(years int) catalog.Date {
	return historyWindowStart(r.dates.pAct, years, r.e.cat.Policies.HistoryWindowFirstDay)
}

func historyWindowStart(act ymd, years int, f catalog.FirstDay) catalog.Date {
	start := act.addYears(-years).date()
	if f == catalog.FirstDayExcluded {
		start++
	}
	return start
}

// penalizedWithinYear counts the prior decisions on the same item that
// imposed a penalty (any outcome but no_penalty) and are dated within the
// year before the act: "一年内因同一违法行为受过行政处罚". It is known only if
// every prior of the same item states its decision date and outcome.
func (r *run) penalizedWithinYear() (int64, bool) {
	if len(r.history) == 0 {
		return 0, true
	}
	back1 := r.historyWindowStart(1)
	act := r.dates.pAct.date()
	var n int64
	for i, h := range r.c.History {
		if h.Item != r.ir.item.Code {
			continue
		}
		switch Outcome(h.Outcome) {
		case NoPenalty, OrderOnly, NoFinePossible:
			continue // no penalty was imposed
		case Mitigated, Lighter, General, Heavier:
		default:
			return 0, false
		}
		if !r.history[i].hasDecision {
			return 0, false
		}
		if d := r.history[i].decision; d >= back1 && d < act {
			n++
		}
	}
	return n, true
}

// eval evaluates a rule, recording a step. A rule that reads a fact the case
// does not state records the problem and counts as false; decide turns the
// collected problems into a CaseError.
func (r *run) eval(ru *rule) bool {
	result, tested := r.test(ru)
	if tested {
		r.record(kindEval, ru.index, result)
	}
	return result
}

// test evaluates a rule and keeps the values of the facts it read, without
// a step of its own: for a rule whose step states more than the rule (a
// list's entry, lists.go). tested is false when the case does not state a
// fact the rule reads: the problem is recorded and the rule counts as
// false.
func (r *run) test(ru *rule) (result, tested bool) {
	for _, v := range ru.expr.Refs {
		if !r.set[v.Slot] {
			if v.Slot == slotPriorPenalized1y {
				r.cerr.add("history", "%s reads %s (%s): give every prior violation of item %s its decision_date and outcome (no_penalty, order_only, no_fine_possible, mitigated, lighter, general or heavier)",
					ru.subject, v.Name, v.Label(), r.ir.item.Code)
				return false, false
			}
			if v.Slot >= numBuiltinSlots+len(r.ir.facts) && r.counterGapError(ru, v) {
				return false, false
			}
			// The Chinese shows the condition in words, the English as written.
			r.cerr.add("facts."+v.Name, "missing: %[1]s (%[2]s) is needed by %[3]s: %[4]s", v.Label(), factKind(v.Type), ru.subject, ru.expr.Src, condition.Render(ru.expr))
			return false, false
		}
	}
	result, err := ru.expr.EvalStrict(r.vals)
	if err != nil {
		r.cerr.evalFailed(ru.subject, err)
	}
	for _, v := range ru.expr.Refs {
		r.keep(v.Slot)
	}
	return result, true
}

// record appends a step to the trace: its kind, the index of the rule,
// version, grade … it is about, its result, and the values the case gives
// it (dateValue, countValue, flagValue, r.tr.amount). The text is
// rendered from them when it is asked for (render.go).
func (r *run) record(k stepKind, ref int, result bool, vals ...value) {
	r.tr.add(k, result, r.version, ref, vals...)
}

// keep keeps the value of a fact in the trace, once.
func (r *run) keep(slot int) {
	pos := r.ir.snap[slot]
	if pos < 64 {
		if r.kept&(1<<pos) != 0 {
			return
		}
		r.kept |= 1 << pos
	}
	r.tr.keep(slot, &r.vals[slot])
}

// facts returns the values of the facts a rule reads.
func (r *run) facts(ru *rule) Facts {
	fs := make(Facts, len(ru.expr.Refs))
	for i, v := range ru.expr.Refs {
		fs[i] = FactValue{Name: v.Name, Value: r.vals[v.Slot]}
	}
	return fs
}

// decide picks the version (art. 37) and decides under it.
func (r *run) decide() (*Decision, error) {
	r.standardTerm()
	atAct := r.ir.versionAt(r.dates.act)
	if atAct == nil {
		return nil, r.noVersionAtAct()
	}
	if err := r.transition(); err != nil {
		return nil, err
	}
	atDecision := r.ir.versionAt(r.dates.decision)
	if atDecision == nil || atDecision == atAct {
		r.record(kindVersion, atAct.index, true)
		return r.under(atAct)
	}
	return r.lexMitior(atAct, atDecision)
}

// lexMitior decides under the version in force at the act and the one in
// force at the decision, and applies the new one only if it is lighter
// (从旧兼从轻, art. 37).
func (r *run) lexMitior(old, new *versionRules) (*Decision, error) {
	// Flags raised before the version is chosen (the standard's term, its
	// transition rule) belong to both decisions.
	prefix, prefixFlags := len(r.tr.words), r.flags
	r.flags = slices.Clip(prefixFlags)
	r.record(kindVersionOld, old.index, true)
	dOld, err := r.under(old)
	if err != nil {
		return nil, err
	}
	// The new version's decision keeps its own fact values: the procedure
	// facts (fine_max, outcome, hearing) differ.
	r.tr.words, r.flags, r.kept = r.tr.words[:prefix], slices.Clip(prefixFlags), 0
	var dNew *Decision
	if new.v.Decriminalized {
		r.version = new.index
		r.record(kindVersionNotIllegal, new.index, true)
		dNew = r.noPenalty(new, ReasonNotIllegal)
		return dNew, nil
	}
	r.record(kindVersionNew, new.index, true)
	dNew, err = r.under(new)
	if err != nil {
		return nil, err
	}
	// The comparison is the last step of the decision that applies.
	cmp, crossing, by := compareVersions(dNew, dOld)
	chosen := dOld
	if cmp < 0 {
		chosen = dNew
	}
	if crossing {
		chosen.Flags = append(chosen.Flags, FlagLexMitiorCrossing)
	}
	chosen.trace.add(kindVersionCompare, chosen == dNew, new.index, new.index,
		countValue(old.index), countValue(int(by)), flagValue(crossing), flagValue(cmp < 0))
	return chosen, nil
}

// citeSPC1997 is the rule by which the severity of two versions' ranges is
// compared, applied by analogy: 法释〔1997〕12号 第一条 "法定刑较轻是指法定
// 最高刑较轻；如果法定最高刑相同，则指法定最低刑较轻。" 第二条: "…是指具体犯罪
// 行为应当适用的法定刑幅度的最高刑或者最低刑" — the statutory range the case
// falls under (party type, base).
const citeSPC1997 = "《最高人民法院关于适用刑法第十二条几个问题的解释》（法释〔1997〕12号）第一条（参照）"

// compareVersions compares the decisions under the new and the old version
// for art. 37's "新的规定处罚较轻": negative if the new one is lighter.
// It compares the statutory fine range each version gives the case first,
// by its maximum and then its minimum (citeSPC1997), and only where those
// are equal — or where a version gives the case no fine range at all (no
// penalty, no fine for the party) — the decided ranges and outcomes
// (compareSeverity). crossing reports ranges that cross (a lower maximum
// but a higher minimum): the maximum decides, and the decision is flagged
// for legal review. by names the rule that decided: statutory_max,
// statutory_min or decided.
func compareVersions(dNew, dOld *Decision) (cmp int, crossing bool, by art37Rule) {
	if a, b := dNew.Statutory, dOld.Statutory; a != nil && b != nil {
		maxCmp, minCmp := a.Max.Cmp(b.Max), a.Min.Cmp(b.Min)
		switch {
		case maxCmp != 0:
			return maxCmp, minCmp != 0 && minCmp != maxCmp, art37StatutoryMax
		case minCmp != 0:
			return minCmp, false, art37StatutoryMin
		}
	}
	cmp, crossing = compareSeverity(dNew, dOld)
	return cmp, crossing, art37Decided
}

// art37Rule names the rule that decided which version is lighter; the
// trace records it as a number.
type art37Rule int

const (
	art37StatutoryMax art37Rule = iota
	art37StatutoryMin
	art37Decided
)

var art37RuleIDs = [...]string{art37StatutoryMax: "art37.statutory_max", art37StatutoryMin: "art37.statutory_min", art37Decided: "art37.decided"}

// lexMitiorNote explains the art. 37 choice.
func lexMitiorNote(by art37Rule, lighter, crossing bool, oldID, newID string) string {
	var why string
	switch by {
	case art37StatutoryMax:
		why = "新旧规定对本案适用的法定罚款最高额不同，以最高额较低者为处罚较轻"
	case art37StatutoryMin:
		why = "新旧规定对本案适用的法定罚款最高额相同，以最低额较低者为处罚较轻"
	default:
		why = "新旧规定对本案适用的法定罚款幅度相同，按本案依各版本裁量的结果比较"
	}
	if crossing {
		why += "；两者幅度交叉（一方最高额较低而最低额较高），提请法制审核"
	}
	if lighter {
		return fmt.Sprintf("%s：新的规定处罚较轻，适用新版本 %s（从旧兼从轻）", why, newID)
	}
	return fmt.Sprintf("%s：新版本 %s 不轻于旧版本，适用违法行为发生时的版本 %s", why, newID, oldID)
}

// compareSeverity compares two decisions: negative if a is lighter than b.
// crossing is true when their fine ranges cross (a higher maximum but a
// lower minimum), which no ordering settles.
func compareSeverity(a, b *Decision) (cmp int, crossing bool) {
	switch {
	case a.Fine == nil && b.Fine == nil:
		return a.Outcome.Severity() - b.Outcome.Severity(), false
	case a.Fine == nil:
		if a.Outcome == NoPenalty || b.Outcome != NoPenalty {
			return -1, false
		}
		return 1, false
	case b.Fine == nil:
		if b.Outcome == NoPenalty || a.Outcome != NoPenalty {
			return 1, false
		}
		return -1, false
	}
	maxCmp, minCmp := a.Fine.Max.Cmp(b.Fine.Max), a.Fine.Min.Cmp(b.Fine.Min)
	switch {
	case maxCmp != 0 && minCmp != 0 && maxCmp != minCmp:
		return maxCmp, true
	case maxCmp != 0:
		return maxCmp, false
	}
	return minCmp, false
}
