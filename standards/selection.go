package standards

import (
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// Notes a table prints for the selection rule of its benchmarks, stated
// once for the whole table (or for the items named) rather than on each
// row: under heaviest and exclusive each row is written as published.
const (
	NoteFirstMatch = "同一事项列有多个裁量阶次的，按表列顺序适用第一个符合适用条件的阶次。"
	NoteHeaviest   = "同时符合两个以上裁量阶次适用条件的，按较重的阶次处罚：罚款幅度上限较高的为较重，上限相同的，下限较高的为较重；幅度相同的，从重阶次重于一般阶次、一般阶次重于从轻阶次；仍相同的，适用表列在后的阶次。"
	NoteExclusive  = "同一事项各裁量阶次的适用条件互不重叠，一个案件只符合其中一个阶次。"
)

// selectionNote is the table note for a selection rule.
func selectionNote(s catalog.Selection) string {
	switch s {
	case catalog.SelectHeaviest:
		return NoteHeaviest
	case catalog.SelectExclusive:
		return NoteExclusive
	}
	return NoteFirstMatch
}

// selectionNotes are the table's notes on how grades are chosen: one note
// when every item shown chooses alike, otherwise one per rule naming its
// items.
func selectionNotes(cat *catalog.Catalog, items []*catalog.Item, versions func(*catalog.Item) []*catalog.Version) []string {
	var order []catalog.Selection
	codes := map[catalog.Selection][]string{}
	for _, it := range items {
		seen := map[catalog.Selection]bool{}
		for _, v := range versions(it) {
			if v.Benchmark == nil || len(v.Benchmark.Grades) < 2 {
				continue
			}
			s := cat.SelectionFor(v.Benchmark)
			if seen[s] {
				continue
			}
			seen[s] = true
			if _, ok := codes[s]; !ok {
				order = append(order, s)
			}
			codes[s] = append(codes[s], it.Code)
		}
	}
	switch len(order) {
	case 0:
		return nil
	case 1:
		return []string{selectionNote(order[0])}
	}
	var out []string
	for _, s := range order {
		out = append(out, "事项"+strings.Join(codes[s], "、")+"："+selectionNote(s))
	}
	return out
}

// heaviest is the rule "同时具有两种以上情形的，按照较重的情形处罚"
// (catalog.SelectHeaviest): of the grades whose conditions hold, the
// heaviest applies. beaten[j] lists the grades that win over grade j when
// both hold, as heavierRow orders them.
type heaviest struct{ beaten [][]int }

// newHeaviest orders a version's grades as the engine does for a case.
func newHeaviest(cat *catalog.Catalog, v *catalog.Version) heaviest {
	gs := v.Benchmark.Grades
	h := heaviest{beaten: make([][]int, len(gs))}
	for j := range gs {
		for k := range gs {
			if k != j && heavierRow(cat, v, k, j) {
				h.beaten[j] = append(h.beaten[j], k)
			}
		}
	}
	return h
}

func (h heaviest) beats(j int) []int { return h.beaten[j] }

func (h heaviest) selected(grades []*condition.Expr, j int) string {
	return excluding(grades, h.beaten[j], "("+condition.String(grades[j].Root)+")")
}

// published: a table under heaviest states the rule once, in its notes
// (NoteHeaviest), so every row's wording is read with it.
func (h heaviest) published(grades []*condition.Expr, j int, w string, _ bool) string {
	return excluding(grades, h.beaten[j], "("+w+")")
}

// overlaps is empty: the rule is stated once for the table, not per row.
func (heaviest) overlaps([]*condition.Expr, int) string { return "" }

func (h heaviest) decide(holds []bool) int {
	best := -1
	for j, ok := range holds {
		if !ok {
			continue
		}
		beaten := false
		for _, k := range h.beaten[j] {
			beaten = beaten || holds[k]
		}
		if !beaten {
			best = j
		}
	}
	return best
}

// exclusive is catalog.SelectExclusive: a row is its own condition, and a
// case that two rows claim is refused by the engine (the overlap check
// reports it). The engine decides at grade j the cases that meet its
// condition and no other's, so every other grade "beats" it.
type exclusive struct{ n int }

func (x exclusive) beats(j int) []int {
	out := make([]int, 0, x.n)
	for k := 0; k < x.n; k++ {
		if k != j {
			out = append(out, k)
		}
	}
	return out
}

// selected is the row's own condition: the wording is compared with it,
// and the cases another row also claims are the overlap check's to report.
func (exclusive) selected(grades []*condition.Expr, j int) string {
	return "(" + condition.String(grades[j].Root) + ")"
}

// published is the row's own wording: the standard declares the rows
// exclusive, and the overlap check holds it to that.
func (exclusive) published(_ []*condition.Expr, _ int, w string, _ bool) string { return "(" + w + ")" }
func (exclusive) overlaps([]*condition.Expr, int) string                        { return "" }

// decide is the one grade that holds; -1 for none or for two (refused).
func (exclusive) decide(holds []bool) int {
	found := -1
	for j, ok := range holds {
		switch {
		case ok && found >= 0:
			return -1
		case ok:
			found = j
		}
	}
	return found
}

// excluding is the expression source "!(g_k) && … && own" for the grades ks.
func excluding(grades []*condition.Expr, ks []int, own string) string {
	var parts []string
	for _, k := range ks {
		parts = append(parts, "!("+condition.String(grades[k].Root)+")")
	}
	return strings.Join(append(parts, own), " && ")
}

// heavierRow reports whether grade a of a version wins over grade b when
// both hold under selection heaviest, as the engine decides it
// (catalog.SelectHeaviest): by the fine range — a fine over none, the
// higher maximum, then the higher minimum, placed on the statutory range
// for each party type the clause names; then by tier; then the later row.
// Where party types disagree on the order of the ranges, the tier and the
// row decide here, while the engine decides by the party's own range.
func heavierRow(cat *catalog.Catalog, v *catalog.Version, a, b int) bool {
	ga, gb := v.Benchmark.Grades[a], v.Benchmark.Grades[b]
	if c := compareGradeFines(cat, v, ga, gb); c != 0 {
		return c > 0
	}
	if ga.Tier != gb.Tier {
		return ga.Tier > gb.Tier
	}
	return a > b
}

// compareGradeFines compares two grades' fines for every party rule of
// the version's fine: +1 when a's is heavier for all that can be compared,
// -1 when b's is, 0 otherwise.
func compareGradeFines(cat *catalog.Catalog, v *catalog.Version, a, b *catalog.Grade) int {
	fine := chkFineOf(v)
	if fine == nil || fine.Amount == nil {
		return 0
	}
	scheme := cat.SchemeFor(v.Benchmark)
	verdict := 0
	for _, pr := range chkPartyRules(fine.Amount) {
		// Grades of different statutory ranges are never candidates
		// together (a case falls under one range).
		ra, okA := chkRangeRule(fine, a.Range, pr.party)
		rb, okB := chkRangeRule(fine, b.Range, pr.party)
		if !okA || !okB {
			continue
		}
		sa := chkGradeShare(ra, a, pr.party, scheme)
		sb := chkGradeShare(rb, b, pr.party, scheme)
		c, ok := compareShares(sa, sb)
		if !ok {
			continue
		}
		if verdict != 0 && c != verdict {
			return 0
		}
		if c != 0 {
			verdict = c
		}
	}
	return verdict
}

// compareShares compares two placed grade fines: ok is false where they
// cannot be compared (unknown, or placed on different scales).
func compareShares(a, b chkShare) (int, bool) {
	switch {
	case a.kind == "" || b.kind == "":
		return 0, false
	case a.kind == "none" && b.kind == "none":
		return 0, true
	case a.kind == "none":
		return -1, true
	case b.kind == "none":
		return 1, true
	case a.kind != b.kind:
		return 0, false
	}
	if c := a.hi.Cmp(b.hi); c != 0 {
		return c, true
	}
	return a.lo.Cmp(b.lo), true
}
