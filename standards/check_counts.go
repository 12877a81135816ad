package standards

import (
	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// The declared counters of the history (catalog.Count) are whole numbers of
// at least 0 in the fact space (their Fact has Min 0). A witness realizes a
// counter's value with priors dated the day before the act, decided that
// day with a penalty, of an item the counter counts: such a prior lies in
// every window and counts for every counter of its item. The counters are
// then computed from the witness's whole history as the engine computes
// them, and a point whose counters leave its box is not realized.

// realizeCounters places the priors of the counters' values of a point.
func (vc *chkVersion) realizeCounters(p *chkPoint) {
	p.counterPriors, p.counterSame, p.counterOther = nil, 0, 0
	day := discretion.DateFrom(vc.dates.act.AddDays(-1))
	for _, c := range vc.counters {
		n := p.num(c.Slot)
		if n > maxPriors {
			n = maxPriors
		}
		item := vc.counterItem(c.Count)
		for k := int64(0); k < n; k++ {
			p.counterPriors = append(p.counterPriors, discretion.Prior{Item: item, ActDate: day, DecisionDate: day, Outcome: string(discretion.General)})
			if item == vc.it.Code {
				p.counterSame++
			} else {
				p.counterOther++
			}
		}
	}
}

// counterItem is the item whose priors realize a counter: the item checked
// unless the counter counts a group without it.
func (vc *chkVersion) counterItem(c *catalog.Count) string {
	if id := c.Group(); id != "" {
		if g := vc.ck.cat.LookupGroup(id); g != nil && !g.Has(vc.it.Code) && len(g.Items) > 0 {
			return g.Items[0]
		}
	}
	return vc.it.Code
}

// syncCounters computes the counters of a point from its history and
// reports whether they lie in the box.
func (vc *chkVersion) syncCounters(p *chkPoint, b ivBox) bool {
	if len(vc.counters) == 0 {
		return true
	}
	history := vc.history(p)
	for _, c := range vc.counters {
		n, ok := discretion.CountHistory(vc.ck.cat, vc.it, c, vc.dates.act, history)
		if !ok {
			return false
		}
		x := decimal.NewFromInt(n)
		if b != nil && !b[c.Slot].num.contains(x) {
			return false
		}
		p.vals[c.Slot] = catalog.Value{Type: catalog.FactInt, Num: x}
	}
	return true
}

// isCounter reports whether a slot holds a counter, which a witness states
// through its history, not as a fact.
func (vc *chkVersion) isCounter(slot int) bool {
	for _, c := range vc.counters {
		if c.Slot == slot {
			return true
		}
	}
	return false
}
