package discretion

import (
	"slices"
	"sync/atomic"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// The arithmetic of a fine — the statutory range, the grade's range and
// the range the outcome gives — depends on the case only through the party
// type, the grade and the adjusted outcome, as long as no base fact
// (illegal gains, construction cost) enters the fine and the grade's fine
// is not computed from the case by a formula (gradeRules.computed). Each
// result costs a dozen decimal allocations, so the engine works each combination out the
// first time a case needs it, by running the code that decides a case on a
// case that states only the party type, and keeps what that code returned
// and the steps it recorded (compact, pointer-free words) with the
// compiled rules. A decision then appends the words and uses the values.
//
// Memos are caches: they never change once published (atomically), two
// goroutines that race to build one build equal ones, and a computation
// that records a problem is never kept, so that the problem is reported by
// the code that found it, case by case. BenchmarkDecideNoMemo measures
// what they save.

// memo is one result of the arithmetic and the steps that stated it.
type memo[T any] struct {
	words []value
	val   T
}

// memoized returns the memo in slot, computing it on a party-only run if
// it is not there yet; nil if it may not be memoised.
func memoized[T any](r *run, slot *atomic.Pointer[memo[T]], compute func(s *run) T) *memo[T] {
	if r.e.noMemo {
		return nil
	}
	if m := slot.Load(); m != nil {
		return m
	}
	s := &run{e: r.e, ir: r.ir, c: &Case{Party: Party{Type: r.c.Party.Type}}, version: r.version}
	s.tr = recorder{trace: trace{ir: r.ir, words: make([]value, r.ir.stepsAt())}}
	val := compute(s)
	if len(s.cerr.Problems) > 0 || len(s.tr.big) > 0 {
		return nil
	}
	m := &memo[T]{words: slices.Clip(s.tr.words[r.ir.stepsAt():]), val: val}
	slot.Store(m)
	return m
}

// replay appends the steps of a memo to the trace.
func (r *run) replay(words []value) { r.tr.words = append(r.tr.words, words...) }

// fineMemos are the memos of a version for one party type.
type fineMemos struct {
	stat   atomic.Pointer[memo[statResult]]
	grades []gradeMemos // per grade
}

type gradeMemos struct {
	rng   atomic.Pointer[memo[gradeResult]]
	final [numFinalKeys]atomic.Pointer[memo[finalResult]]
	// lighterLowers records whether a 从轻 ground lowers the grade's range
	// (1) or cannot (2); 0 until first needed
	// (mandatoryLighterWithoutEffect).
	lighterLowers atomic.Int32
}

type statResult struct {
	st      statutory
	hasFine bool
}

type gradeResult struct {
	rng     penalty.Range
	hasFine bool
}

type finalResult struct {
	fine  *penalty.Range
	flags []string // the flags finalRange raised
}

// Final memos are keyed by the outcome and by whether a ground moved it
// (finalRange's byGround).
const numFinalKeys = 8

func finalKey(out Outcome, byGround bool) int {
	k := out.Severity() - 1 // mitigated 0 … heavier 3
	if byGround {
		k += 4
	}
	return k
}

// partyIndex numbers the party types for the memo arrays.
func partyIndex(p catalog.PartyType) int { return indexOf(partyTypes, p) }

// fineMemos returns the memos for the case's party type, or nil when the
// fine depends on the case beyond it.
func (r *run) fineMemos(v *versionRules, fine *sanctionRules, fineRange int) *fineMemos {
	pi := partyIndex(r.c.Party.Type)
	if fine == nil || fine != v.fine || !v.fineBaseFree || pi < 0 || fineRange >= len(v.memos) {
		return nil
	}
	return &v.memos[fineRange][pi]
}

// statutoryMemo is statutory, memoised.
func (r *run) statutoryMemo(fm *fineMemos, v *versionRules, fine *sanctionRules, fineRange int) (statutory, bool) {
	if fm != nil {
		m := memoized(r, &fm.stat, func(s *run) statResult {
			st, ok := s.statutory(v, fine, fineRange)
			return statResult{st, ok}
		})
		if m != nil {
			r.replay(m.words)
			return m.val.st, m.val.hasFine
		}
	}
	return r.statutory(v, fine, fineRange)
}

// gradeRangeMemo is gradeRange, memoised.
func (r *run) gradeRangeMemo(fm *fineMemos, v *versionRules, g *gradeRules, stat statutory) (penalty.Range, bool) {
	if fm != nil && !g.computed {
		m := memoized(r, &fm.grades[g.index].rng, func(s *run) gradeResult {
			rng, ok := s.gradeRange(v, g, stat)
			return gradeResult{rng, ok}
		})
		if m != nil {
			r.replay(m.words)
			return m.val.rng, m.val.hasFine
		}
	}
	return r.gradeRange(v, g, stat)
}

// finalRangeMemo is finalRange, memoised.
func (r *run) finalRangeMemo(fm *fineMemos, out Outcome, byGround bool, v *versionRules, g *gradeRules, grade penalty.Range, stat statutory, flags []string) (*penalty.Range, []string) {
	if k := finalKey(out, byGround); fm != nil && k >= 0 && !g.computed {
		m := memoized(r, &fm.grades[g.index].final[k], func(s *run) finalResult {
			fine, raised := s.finalRange(out, byGround, v, g.g, grade, stat, nil)
			return finalResult{fine, raised}
		})
		if m != nil {
			r.replay(m.words)
			return m.val.fine, append(flags, m.val.flags...)
		}
	}
	return r.finalRange(out, byGround, v, g.g, grade, stat, flags)
}
