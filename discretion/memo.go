package discretion

import (
	"sync/atomic"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// The arithmetic of a penalty decision — the statutory range, the grade's
// range, its split by the tier scheme, the clamp, the procedure that the
// fine requires — and the trace notes that state it depend on the case only
// through the party type, the grade and the adjusted outcome, as long as the
// fine is not computed from a base fact (illegal gains, construction cost).
// The engine therefore works each combination out once, the first time a
// case needs it, by running the very code that decides a case on a case
// that states only the party type, and keeps the result (the steps it
// recorded, the ranges, the flags) with the compiled rules. A decision then
// copies what it needs. Memos are immutable once stored and published
// atomically; two goroutines that race to build one build equal values.
// A combination whose computation records a problem is never memoised, so
// that the problem is reported by the code that found it, case by case.

// partyIndex numbers the party types for the memo arrays.
func partyIndex(p catalog.PartyType) int {
	switch p {
	case catalog.Individual:
		return 0
	case catalog.Organization:
		return 1
	case catalog.IndividualBusiness:
		return 2
	}
	return -1
}

// statMemo is what statutory records and returns for a party type.
type statMemo struct {
	steps   []Step
	st      statutory
	hasFine bool
}

// gradeMemo is what gradeRange records and returns for a grade and a party
// type, and the memos of the rest of the decision under that grade.
type gradeMemo struct {
	steps   []Step
	rng     penalty.Range
	hasFine bool
	tails   [numTailKeys]atomic.Pointer[tailMemo]
}

// tailMemo is the rest of a penalty decision once the outcome is known:
// what finalRange, chooseSanctions and procedureByPenalty record and set,
// and the note of the decision step.
type tailMemo struct {
	clamp     []Step
	flags     []string
	fine      *Fine
	statutory *Fine
	sanctions []penalty.SanctionType
	proc      []Step
	procedure Procedure
	note      string
}

// Tail memos are keyed by the outcome and by whether a ground moved it
// (finalRange's byGround). Mitigated is not memoised: its clamp step cites
// the grounds found, which vary from case to case.
const numTailKeys = 6

func tailKey(out Outcome, byGround bool) int {
	k := 0
	switch out {
	case Lighter:
		k = 0
	case General:
		k = 1
	case Heavier:
		k = 2
	default:
		return -1
	}
	if byGround {
		k += 3
	}
	return k
}

// memoRun returns a run for working out a memo: the same engine and item,
// and a case that states only the party type.
func (r *run) memoRun() *run {
	return &run{e: r.e, ir: r.ir, c: &Case{Party: Party{Type: r.c.Party.Type}}}
}

// statutoryMemo returns the memo of statutory for the case's party type,
// or nil when the fine depends on the case beyond it.
func (r *run) statutoryMemo(v *versionRules, fine *sanctionRules) *statMemo {
	pi := partyIndex(r.c.Party.Type)
	if fine != v.fine || !v.fineBaseFree || pi < 0 {
		return nil
	}
	if m := v.stat[pi].Load(); m != nil {
		return m
	}
	s := r.memoRun()
	st, hasFine := s.statutorySlow(v, fine)
	if len(s.cerr.Problems) > 0 {
		return nil
	}
	m := &statMemo{steps: s.trace, st: st, hasFine: hasFine}
	v.stat[pi].Store(m)
	return m
}

// gradeMemo returns the memo of gradeRange for a grade and the case's party
// type, given the memoised statutory range, or nil.
func (r *run) gradeMemo(v *versionRules, g *gradeRules, sm *statMemo) *gradeMemo {
	pi := partyIndex(r.c.Party.Type)
	if m := g.memo[pi].Load(); m != nil {
		return m
	}
	s := r.memoRun()
	m := &gradeMemo{}
	if sm.hasFine {
		m.rng, m.hasFine = s.gradeRange(v, g.g, sm.st)
	}
	if len(s.cerr.Problems) > 0 {
		return nil
	}
	m.steps = s.trace
	g.memo[pi].Store(m)
	return m
}

// tailMemo returns the memo of the rest of the decision for an outcome, or
// nil when it is not memoised.
func (r *run) tailMemo(v *versionRules, g *gradeRules, sm *statMemo, gm *gradeMemo, out Outcome, byGround bool) *tailMemo {
	k := tailKey(out, byGround)
	if k < 0 {
		return nil
	}
	if m := gm.tails[k].Load(); m != nil {
		return m
	}
	s := r.memoRun()
	d := &Decision{Outcome: out}
	hasFine := gm.hasFine
	if hasFine {
		var fine *penalty.Range
		fine, d.Flags = s.finalRange(out, byGround, v, g.g, gm.rng, sm.st, nil)
		if fine != nil {
			d.Fine = &Fine{Min: fine.Min, Max: fine.Max}
		}
	}
	if hasFine {
		d.Statutory = &Fine{Min: sm.st.rng.Min, Max: sm.st.rng.Max}
		if sm.st.rng.Unbounded {
			d.Statutory = nil
		}
	}
	clamp := len(s.trace)
	d.Sanctions = s.chooseSanctions(v.sanctions, g.g, d.Fine != nil)
	s.procedureByPenalty(d)
	if len(s.cerr.Problems) > 0 {
		return nil
	}
	m := &tailMemo{
		clamp: s.trace[:clamp:clamp], flags: d.Flags, fine: d.Fine, statutory: d.Statutory,
		sanctions: d.Sanctions, proc: s.trace[clamp:], procedure: d.Procedure,
		note: out.Label() + "：" + describeDecision(d),
	}
	gm.tails[k].Store(m)
	return m
}
