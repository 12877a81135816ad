package discretion

import (
	"context"
	"fmt"
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
	chosen.Trace = append([]Step(nil), best.Trace...)
	for _, d := range cands {
		chosen.Trace = append(chosen.Trace, Step{Step: "art29", Rule: d.Item, Citation: citeArt29, Result: d == best,
			Note: fmt.Sprintf("候选条款 %s（%s）：%s，%s", d.Item, d.ItemName, d.Outcome.Label(), describeDecision(d))})
	}
	note := fmt.Sprintf("同一个违法行为违反多个法律规范，按照罚款数额高的规定处罚：适用 %s", best.Item)
	if crossing {
		chosen.Flags = append(append([]string(nil), best.Flags...), FlagArt29Crossing)
		note += "；各条款罚款幅度交叉，罚款数额高低需人工审查"
	}
	chosen.Trace = append(chosen.Trace, Step{Step: "art29", Rule: "art29.higher_fine", Citation: citeArt29, Result: true, Note: note})
	return &chosen, nil
}
