package discretion

import (
	"context"
)

// decideConcurrent decides one act that violates several provisions
// (art. 29): each candidate item is decided on its own, and the provision
// with the higher fine applies. Ranges that cross (a higher maximum but a
// lower minimum) have no clear "higher" and are flagged for review; the
// higher maximum is taken.
func (e *Engine) decideConcurrent(ctx context.Context, c *Case, codes []string) (*Decision, error) {
	declared := map[string]bool{}
	for _, code := range codes {
		for name := range e.items[code].factSlot {
			declared[name] = true
		}
	}
	var cands []*Decision
	for _, code := range codes {
		single := *c
		single.Item, single.Items = code, nil
		d, err := e.decideItem(ctx, &single, e.items[code], declared)
		if err != nil {
			return nil, err
		}
		cands = append(cands, d)
	}
	best, crossing := cands[0], false
	for _, d := range cands[1:] {
		cmp, cross := compareSeverity(d, best)
		crossing = crossing || cross
		if cmp > 0 {
			best = d
		}
	}
	chosen := *best
	chosen.Candidates = cands
	chosen.trace = best.trace.clone(len(cands) + 1)
	chosenIndex := 0
	for i, d := range cands {
		chosen.trace.add(kindCandidate, d == best, 0, i)
		if d == best {
			chosenIndex = i
		}
	}
	if crossing {
		chosen.Flags = append(append([]string(nil), best.Flags...), FlagArt29Crossing)
	}
	chosen.trace.add(kindHigherFine, true, 0, chosenIndex, flagValue(crossing))
	return &chosen, nil
}
