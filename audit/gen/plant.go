package gen

import (
	"context"
	"fmt"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/audit"
	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// groupKey is the audit's comparison group of a clean fined record.
type groupKey struct {
	item, grade string
	outcome     discretion.Outcome
}

func (g *generator) fined(r *rec) bool {
	return r.d.Outcome.Imposes() && r.d.Fine != nil && r.fine != nil
}

func width(r *rec) float64 { return r.d.Fine.Max.Sub(r.d.Fine.Min).InexactFloat64() }

// plant plants perKind defects of every kind (fewer outliers where the
// data has fewer groups large enough to test).
func (g *generator) plant() error {
	order := g.rnd.Perm(len(g.records))
	reserved := map[*rec]bool{}
	free := func(r *rec) bool { return len(r.kinds) == 0 && !reserved[r] && g.single(r) }
	pick := func(n int, ok func(*rec) bool) []*rec {
		var out []*rec
		for _, i := range order {
			if r := g.records[i]; len(out) < n && free(r) && ok(r) {
				out = append(out, r)
				reserved[r] = true
			}
		}
		return out
	}
	groups := map[groupKey][]*rec{}
	for _, r := range g.records {
		if g.fined(r) && width(r) >= audit.OutlierMinWidth {
			k := groupKey{r.d.Item, r.d.Grade, r.d.Outcome}
			groups[k] = append(groups[k], r)
		}
	}
	keys := make([]groupKey, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.item != b.item {
			return a.item < b.item
		}
		if a.grade != b.grade {
			return a.grade < b.grade
		}
		return a.outcome < b.outcome
	})

	// Outliers: one fine at the top of its range in each large group; the
	// group's other records are kept clean so that it stays testable.
	outliers := 0
	for _, k := range keys {
		members := groups[k]
		if outliers == g.perKind || len(members) < 2*audit.OutlierMinGroup+4 {
			continue
		}
		var target *rec
		for _, r := range members {
			if free(r) && width(r) >= audit.OutlierMinWidth {
				target = r
				break
			}
		}
		if target == nil {
			continue
		}
		for _, r := range members {
			reserved[r] = true
		}
		f := target.d.Fine.Max.Floor()
		target.fine = &f
		g.procedure(target)
		target.kinds = []audit.Kind{audit.FineOutlier}
		outliers++
	}
	// Same facts, fines far apart: a small group's record and its twin,
	// one fined low and one high in the range.
	twins := 0
	for _, k := range keys {
		members := groups[k]
		if twins == g.perKind || len(members) > 4 {
			continue
		}
		var r *rec
		for _, m := range members {
			if free(m) && width(m) >= audit.OutlierMinWidth {
				r = m
				break
			}
		}
		if r == nil {
			continue
		}
		twin, err := g.twin(r)
		if err != nil {
			continue
		}
		reserved[r], reserved[twin] = true, true
		lo, hi := fineAt(r.d.Fine, 0.2), fineAt(twin.d.Fine, 0.8)
		r.fine, twin.fine = &lo, &hi
		g.procedure(r)
		g.procedure(twin)
		r.kinds = []audit.Kind{audit.SameFactsDifferentOutcome}
		twin.kinds = []audit.Kind{audit.SameFactsDifferentOutcome}
		r.after = twin
		twins++
	}

	for _, r := range pick(g.perKind, func(r *rec) bool { return g.fined(r) && r.d.Fine.Max.IsPositive() }) {
		f := r.d.Fine.Max.Mul(decimal.NewFromFloat(1.25)).Div(decimal.NewFromInt(100)).Ceil().Mul(decimal.NewFromInt(100))
		if !f.GreaterThan(r.d.Fine.Max) {
			f = r.d.Fine.Max.Add(decimal.NewFromInt(100))
		}
		r.fine = &f
		g.procedure(r)
		r.kinds = []audit.Kind{audit.FineAboveRange}
	}
	for _, r := range pick(g.perKind, func(r *rec) bool {
		return g.fined(r) && r.d.Outcome != discretion.Mitigated && r.d.Fine.Min.GreaterThanOrEqual(decimal.NewFromInt(2))
	}) {
		f := r.d.Fine.Min.Div(decimal.NewFromInt(2)).Floor()
		r.fine = &f
		g.procedure(r)
		r.kinds = []audit.Kind{audit.FineBelowRange}
	}
	// Fined although an exemption applied: as many different grounds as
	// the data has.
	byReason := map[discretion.Reason][]*rec{}
	var reasons []discretion.Reason
	for _, i := range order {
		r := g.records[i]
		if free(r) && r.d.Outcome == discretion.NoPenalty && r.d.Reason != discretion.ReasonCommitment {
			if byReason[r.d.Reason] == nil {
				reasons = append(reasons, r.d.Reason)
			}
			byReason[r.d.Reason] = append(byReason[r.d.Reason], r)
		}
	}
	sort.Slice(reasons, func(i, j int) bool { return reasons[i] < reasons[j] })
	for n, round := 0, 0; n < g.perKind && round < g.perKind; round++ {
		for _, reason := range reasons {
			if rs := byReason[reason]; n < g.perKind && round < len(rs) {
				r := rs[round]
				f := decimal.NewFromInt(200)
				r.fine = &f
				g.procedure(r)
				r.kinds = []audit.Kind{audit.FinedDespiteExemption}
				reserved[r] = true
				n++
			}
		}
	}
	for _, r := range pick(g.perKind, func(r *rec) bool { return r.d.Outcome.Imposes() }) {
		r.fine, r.hearing, r.review = nil, false, false
		r.kinds = []audit.Kind{audit.ExemptionWithoutConditions}
	}
	for _, r := range pick(g.perKind, func(r *rec) bool { return r.hearing && r.d.Outcome.Imposes() }) {
		r.hearing = false
		r.kinds = []audit.Kind{audit.HearingNotOffered}
	}
	for _, r := range pick(g.perKind, func(r *rec) bool { return r.d.Procedure.LegalReview }) {
		r.review = false
		r.kinds = []audit.Kind{audit.LegalReviewMissing}
	}
	for _, r := range pick(g.perKind, func(r *rec) bool { return requiredFact(g.cat, r) != "" }) {
		r.blank = map[string]bool{requiredFact(g.cat, r): true}
		r.kinds = []audit.Kind{audit.Undecidable}
	}
	malformed := []struct {
		col   int
		value string
		ok    func(*rec) bool
	}{
		{colFine, "2万元", func(r *rec) bool { return r.fine != nil }},
		{colAct, "2026-02-30", func(*rec) bool { return true }},
		{colPartyType, "法人？", func(*rec) bool { return true }},
	}
	for i, r := range pick(g.perKind, func(*rec) bool { return true }) {
		m := malformed[i%len(malformed)]
		if !m.ok(r) {
			m = malformed[1]
		}
		r.override = map[int]string{m.col: m.value}
		r.kinds = []audit.Kind{audit.MalformedRecord}
	}
	// Duplicated case numbers: a later record given an earlier one's.
	for _, r := range pick(g.perKind, func(r *rec) bool { return r != g.records[0] }) {
		idx := 0
		for i, x := range g.records {
			if x == r {
				idx = i
			}
		}
		r.number = g.records[g.rnd.IntN(idx)].number
		r.kinds = []audit.Kind{audit.DuplicateCaseNumber}
	}
	for _, want := range []struct {
		kind audit.Kind
		n    int
	}{{audit.FineOutlier, outliers}, {audit.SameFactsDifferentOutcome, twins}} {
		if want.n == 0 {
			return fmt.Errorf("gen: no group to plant %s in: generate more records", want.kind)
		}
	}
	return nil
}

// twin is a record of another party with the same item, facts and dates.
func (g *generator) twin(r *rec) (*rec, error) {
	t := &rec{number: fmt.Sprintf("示综执罚〔2026〕%05d号", len(g.records)+1+len(g.parties)), c: r.c}
	t.c.Facts = map[string]any{}
	for k, v := range r.c.Facts {
		t.c.Facts[k] = v
	}
	t.c.History = nil
	p := g.newParty(r.c.Party.Type, 0, false)
	g.parties[g.index[p.id]].birth = string(r.c.Party.BirthDate)
	g.parties[g.index[p.id]].n = 1
	t.partyID = p.id
	d, err := g.eng.Decide(context.Background(), &t.c)
	if err != nil {
		return nil, err
	}
	if d.Outcome != r.d.Outcome || d.Grade != r.d.Grade || d.Fine == nil || !d.Fine.Min.Equal(r.d.Fine.Min) || !d.Fine.Max.Equal(r.d.Fine.Max) {
		return nil, fmt.Errorf("gen: twin decided differently")
	}
	t.d = d
	return t, nil
}

// requiredFact is a fact the record's item requires that has no default:
// leaving it blank makes the record undecidable.
func requiredFact(cat *catalog.Catalog, r *rec) string {
	it := cat.Item(r.c.Item)
	for _, f := range cat.AllFacts(it) {
		if f.Required && f.Default == nil {
			if _, ok := r.c.Facts[f.Name]; ok {
				return f.Name
			}
		}
	}
	return ""
}
