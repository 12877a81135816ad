package discretion

import (
	"fmt"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// The declared counters of the history (catalog.Count) take the last slots
// of an item's value slice: the catalog's counters first, at the same slots
// in every item so that the catalog's conditions read them, then the
// item's. Their slots begin after room for the largest item's facts, so
// that an item with fewer facts leaves the slots between unused.

// CounterBase is the slot of the catalog's first counter.
func CounterBase(cat *catalog.Catalog) int {
	most := 0
	for _, its := range [][]*catalog.Item{cat.Items, cat.LeftOut} {
		for _, it := range its {
			most = max(most, len(it.Facts))
		}
	}
	return NumBuiltinSlots + len(cat.Facts) + most
}

// Slots is the length of the value slice of an item's conditions; with a
// nil item, of the catalog-wide conditions'.
func Slots(cat *catalog.Catalog, it *catalog.Item) int {
	n := CounterBase(cat) + len(cat.Counts)
	if it != nil {
		n += len(it.Counts)
	}
	return n
}

// addCounters declares counters in a scope from the slot first on.
func addCounters(s *condition.Scope, first int, cs []*catalog.Count) {
	for i, c := range cs {
		s.Add(c.Name, first+i, catalog.FactInt, c.Fact())
	}
}

// counterRule is one declared counter, compiled.
type counterRule struct {
	c     *catalog.Count
	slot  int
	group *catalog.Group // items: group:<id>
}

// compileCounters lists the counters an item's conditions read: the
// catalog's, then the item's.
func compileCounters(cat *catalog.Catalog, it *catalog.Item) []*counterRule {
	base := CounterBase(cat)
	var out []*counterRule
	for i, c := range cat.Counts {
		out = append(out, &counterRule{c: c, slot: base + i, group: cat.LookupGroup(c.Group())})
	}
	for i, c := range it.Counts {
		out = append(out, &counterRule{c: c, slot: base + len(cat.Counts) + i, group: cat.LookupGroup(c.Group())})
	}
	return out
}

// counterGap is a prior that lacks what a counter needs: its index in the
// history and the field, or prior -1.
type counterGap struct {
	prior int
	field string
}

// window is the first and last day of a counter's window for an act.
func (cr *counterRule) window(act catalog.Date) (first, last catalog.Date) {
	w := cr.c.Window
	if w.Years > 0 {
		// catalog.Window.FirstDay on the hot path's packed dates (fast.go).
		first = ymdOf(act).addYears(-w.Years).date()
		if cr.c.FirstDay == catalog.FirstDayExcluded {
			first++
		}
	} else {
		first = w.FirstDay(act, cr.c.FirstDay)
	}
	return first, act - 1
}

// counts fills the counters' slots. A counter some prior lacks a date or
// an outcome for is left unset, and the prior recorded in r.gaps, so that
// a rule that reads it stops with a case error naming the prior's field
// instead of guessing.
func (r *run) counts() {
	crs := r.ir.counters
	if len(crs) == 0 {
		return
	}
	r.gaps = r.gaps[:0]
	act := r.dates.act
	for _, cr := range crs {
		n, gap := cr.count(act, r.ir.item.Code, r.c.History, r.history)
		r.gaps = append(r.gaps, gap)
		if gap.prior >= 0 {
			r.set[cr.slot] = false
			continue
		}
		r.vals[cr.slot] = catalog.Value{Type: catalog.FactInt, Num: intDecimal(n)}
		r.set[cr.slot] = true
	}
}

// count counts the priors of a history, with their parsed dates, for a case
// of item current whose act is on act. gap.prior is -1 unless a prior lacks
// what the counter needs.
func (cr *counterRule) count(act catalog.Date, current string, history []Prior, dates []priorDates) (int64, counterGap) {
	first, _ := cr.window(act)
	var n int64
	for i, h := range history {
		if !cr.concerns(h.Item, current) {
			continue
		}
		if cr.c.NeedsOutcome() {
			o := Outcome(h.Outcome)
			if !o.known() {
				return 0, counterGap{prior: i, field: "outcome"}
			}
			if !o.Imposes() {
				continue
			}
		}
		d := dates[i].act
		if cr.c.NeedsDecisionDate() {
			if !dates[i].hasDecision {
				return 0, counterGap{prior: i, field: "decision_date"}
			}
			d = dates[i].decision
		}
		if d >= first && d < act {
			n++
		}
	}
	return n, counterGap{prior: -1}
}

// Counter is a declared counter of the history as an item's conditions
// read it: its slot in the value slice and its declaration.
type Counter struct {
	Slot  int
	Count *catalog.Count
}

// Counters lists the counters an item's conditions read, the catalog's
// first, for packages that build value slices themselves.
func Counters(cat *catalog.Catalog, it *catalog.Item) []Counter {
	var out []Counter
	for _, cr := range compileCounters(cat, it) {
		out = append(out, Counter{Slot: cr.slot, Count: cr.c})
	}
	return out
}

// CountHistory computes a counter as the engine does for a case of item it
// whose act is on act, with the history given. ok is false when a prior
// lacks what the counter needs or a date does not parse: the engine would
// stop a rule that reads it with a case error.
func CountHistory(cat *catalog.Catalog, it *catalog.Item, c Counter, act catalog.Date, history []Prior) (n int64, ok bool) {
	dates := make([]priorDates, len(history))
	for i, h := range history {
		a, err := h.ActDate.Parse()
		if err != nil {
			return 0, false
		}
		dates[i].act = a
		if h.DecisionDate != "" {
			d, err := h.DecisionDate.Parse()
			if err != nil {
				return 0, false
			}
			dates[i].decision, dates[i].hasDecision = d, true
		}
	}
	cr := &counterRule{c: c.Count, slot: c.Slot, group: cat.LookupGroup(c.Count.Group())}
	n, gap := cr.count(act, it.Code, history, dates)
	return n, gap.prior < 0
}

// concerns reports whether a prior of item code counts for the counter of
// a case of item current.
func (cr *counterRule) concerns(code, current string) bool {
	switch {
	case cr.group != nil:
		return cr.group.Has(code)
	case cr.c.Items == catalog.CountAnyItem:
		return true
	}
	return code == current
}

// known reports whether o is an outcome a decision can have.
func (o Outcome) known() bool {
	switch o {
	case NoPenalty, OrderOnly, NoFinePossible, Mitigated, Lighter, General, Heavier:
		return true
	}
	return false
}

// counterGapError records, for a rule that reads a counter left unset, the
// prior that lacks what the counter needs; it reports whether slot is a
// counter's.
func (r *run) counterGapError(ru *rule, v *condition.Var) bool {
	for i, cr := range r.ir.counters {
		if cr.slot != v.Slot {
			continue
		}
		g := r.gaps[i]
		field := fmt.Sprintf("history[%d].%s", g.prior, g.field)
		what := messagesZh.P("its decision date")
		if g.field == "outcome" {
			what = messagesZh.P("its outcome (no_penalty, order_only, no_fine_possible, mitigated, lighter, general or heavier)")
		}
		if o := r.c.History[g.prior].Outcome; g.field == "outcome" && o != "" {
			r.cerr.add(field, "%q is not an outcome: %s reads %s (%s), which counts the prior decisions that imposed a penalty; give %s",
				o, ru.subject, v.Name, cr.c.Label, what)
			return true
		}
		r.cerr.add(field, "missing: %s reads %s (%s), which counts prior violations of item %s: give the prior violation %s",
			ru.subject, v.Name, cr.c.Label, r.c.History[g.prior].Item, what)
		return true
	}
	return false
}

// counterWindows names the first and last day of the windows of the
// counters a rule read: "（两年内因同一违法行为受过行政处罚的次数：2024-03-01至2026-02-28，首日计入）".
func (rd *renderer) counterWindows(refs []*condition.Var) string {
	s := ""
	for _, v := range refs {
		for _, cr := range rd.ir.counters {
			if cr.slot != v.Slot {
				continue
			}
			if cr.c.Window.None {
				s += fmt.Sprintf("（%s：不限回溯期间，计至%s）", cr.c.Label, rd.dates.act.AddDays(-1))
				continue
			}
			first, last := cr.window(rd.dates.act)
			s += fmt.Sprintf("（%s：%s至%s，%s）", cr.c.Label, first, last, cr.c.FirstDay.Label())
		}
	}
	return s
}
