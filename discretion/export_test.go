package discretion

import "slices"

// CopyDecision copies a decision as Decide allocates one: the decision
// with room for its small slices, and its trace (BenchmarkDecisionCopy).
func CopyDecision(src *Decision) *Decision {
	blk := &decisionBlock{d: *src}
	d := &blk.d
	if src.Fine != nil {
		blk.fine = *src.Fine
		d.Fine = &blk.fine
	}
	if src.Statutory != nil {
		blk.statutory = *src.Statutory
		d.Statutory = &blk.statutory
	}
	d.Sanctions = append(blk.sanctions[:0], src.Sanctions...)
	if src.Flags != nil {
		d.Flags = append(blk.flags[:0], src.Flags...)
	}
	d.trace.words = slices.Clone(src.trace.words)
	return d
}

// DisableMemos turns off the memos of fine arithmetic of a fresh engine,
// for BenchmarkDecideNoMemo.
func DisableMemos(e *Engine) { e.noMemo = true }
