package discretion

import (
	"errors"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// GapError reports a case that no grade of the benchmark covers: a defect of
// the catalog (a gap between grades), not of the case.
type GapError struct {
	Item    string
	Version string
	Pos     catalog.Pos // the benchmark
	Facts   Facts       // the facts the grades read

	lang string // the language of Error: "" Chinese, "en" English
}

// Error says, in Chinese unless Localize asked for another language,
// which benchmark has the gap and the facts that fall into it.
func (e *GapError) Error() string {
	var parts []string
	for _, f := range e.Facts {
		parts = append(parts, f.Name+"="+f.Value.String())
	}
	return messagesZh.P("%s: item %s version %s: no grade matches the case (%s); the benchmark has a gap",
		e.Pos, e.Item, e.Version, strings.Join(parts, ", ")).Render(e.lang)
}

// Localize returns a copy of e whose Error is in lang ("en" for English,
// anything else for Chinese).
func (e *GapError) Localize(lang string) *GapError {
	c := *e
	c.lang = lang
	return &c
}

// statutory is the fine the law allows for this case.
type statutory struct {
	main    penalty.Rule // the clause's rule, before any fallback
	outcome penalty.Outcome
	rng     penalty.Range // rounded to the unit
	// impossible: the fine is computed from a base that cannot be
	// determined, or that gives no amount, and no fallback of the clause
	// applies.
	impossible bool
}

// penalise grades the case and computes the penalty.
func (r *run) penalise(v *versionRules, sanctions []*sanctionRules) (*Decision, error) {
	d := r.decision(v)
	var fine *sanctionRules
	for _, s := range sanctions {
		if s.s.Type == penalty.Fine {
			fine = s
		}
	}
	fineRange := r.fineRange(v, fine)
	if r.cerr.err() != nil {
		return nil, nil
	}
	fm := r.fineMemos(v, fine, fineRange)
	stat, hasFine := r.statutoryMemo(fm, v, fine, fineRange)
	if r.cerr.err() != nil {
		return nil, nil
	}
	grade, err := r.grade(v, fineRange, stat, hasFine)
	if err != nil || grade == nil {
		return nil, err
	}
	d.Grade, d.GradeLabel = grade.g.ID, grade.g.Label
	var rng penalty.Range
	if hasFine {
		rng, hasFine = r.gradeRangeMemo(fm, v, grade, stat)
	}
	outcome, discretionary, byGround := r.adjust(v, grade.g)
	if outcome == Lighter && byGround && hasFine && !discretionary && r.mandatoryLighterWithoutEffect(fm, v, grade, rng, stat) {
		// 应当从轻或者减轻 (arts. 30, 32): 从轻 cannot lower this grade's range,
		// so the ground takes effect as 减轻.
		outcome = Mitigated
		r.record(kindAdjust, outcome.index(), true, countValue(int(adjustMandatoryMitigated)))
	}
	d.Outcome, d.Discretionary = outcome, discretionary
	if hasFine {
		if d.Flags == nil {
			d.Flags = r.blk.flags[:0] // room for the flags finalRange may raise
		}
		var fine *penalty.Range
		if len(r.effects) > 0 && (outcome == Lighter || outcome == Heavier) {
			// Circumstances whose effect the standard states as published
			// (effects.go): not memoised, as they vary from case to case.
			fine, d.Flags = r.effectRange(outcome, v, grade, rng, stat, d.Flags)
		} else {
			fine, d.Flags = r.finalRangeMemo(fm, outcome, byGround, v, grade, rng, stat, d.Flags)
		}
		if len(d.Flags) == 0 {
			d.Flags = nil
		}
		if fine != nil {
			r.blk.fine = Fine{Min: fine.Min, Max: fine.Max}
			d.Fine = &r.blk.fine
		}
		if !stat.rng.Unbounded {
			r.blk.statutory = Fine{Min: stat.rng.Min, Max: stat.rng.Max}
			d.Statutory = &r.blk.statutory
		}
	}
	d.Sanctions = r.chooseSanctions(d.Sanctions, sanctions, grade.g, d.Fine != nil)
	if len(d.Sanctions) == 0 {
		why := nothingSanctionsDropped
		if stat.impossible {
			why = nothingNoFinePossible
		}
		return r.imposeNothing(d, why), nil
	}
	r.procedure(d)
	r.personsFine(v, grade.g, d)
	r.offset(v, d)
	r.record(kindDecision, outcome.index(), true)
	r.finish(d)
	return d, nil
}

// imposeNothing ends a case that is not exempt but in which no sanction is
// left: the outcome says so (order_only, no_fine_possible), and no
// procedure of a penalty follows.
func (r *run) imposeNothing(d *Decision, why nothingImposed) *Decision {
	d.Outcome = OrderOnly
	if why == nothingNoFinePossible {
		d.Outcome = NoFinePossible
	}
	d.Fine, d.Procedure = nil, Procedure{}
	r.record(kindDecision, d.Outcome.index(), true, countValue(int(why)))
	r.finish(d)
	return d
}

// fineRange chooses the statutory range of a fine with several
// (catalog.FineRange): of the ranges whose condition holds, the last
// listed; none, the fine's own amount (0). It records the choice.
func (r *run) fineRange(v *versionRules, fine *sanctionRules) int {
	if fine == nil || fine != v.fine || len(v.ranges) == 0 {
		return 0
	}
	chosen := 0
	for i, ru := range v.ranges {
		if r.eval(ru) {
			chosen = i + 1
		}
		if r.cerr.err() != nil {
			return 0
		}
	}
	r.record(kindFineRange, chosen, true)
	return chosen
}

// statutory evaluates the amount rule of the fine's range for the party
// and the base fact. hasFine is false when the clause allows no fine in
// this case.
func (r *run) statutory(v *versionRules, fine *sanctionRules, fineRange int) (statutory, bool) {
	if fine == nil {
		return statutory{}, false
	}
	party := indexOf(partyTypes, r.c.Party.Type)
	ar := amountFor(fineAmounts(fine.s)[fineRange], r.c.Party.Type, r.e.cat.MapParty(r.c.Party.Type))
	if ar == nil {
		r.record(kindNoFine, party, false)
		return statutory{}, false
	}
	base := r.baseValue(ar.Rule)
	out, err := ar.Rule.Evaluate(base)
	var missing *penalty.ErrBaseMissing
	var undeterminable *penalty.ErrBaseUndeterminable
	switch {
	case errors.As(err, &missing):
		f := r.ir.facts[r.ir.factSlot[missing.Base]-numBuiltinSlots]
		r.cerr.add("facts."+missing.Base, "missing: the fine of item %s is computed from %s (%s); state it", r.ir.item.Code, f.Label, missing.Base)
		return statutory{}, false
	case errors.As(err, &undeterminable):
		slot, ok := r.ir.factSlot[undeterminable.Base]
		if !ok {
			slot = -1
		}
		r.record(kindUndeterminable, party, false, countValue(slot))
		return statutory{impossible: true}, false
	case err != nil:
		r.cerr.add("facts", "%v", err)
		return statutory{}, false
	}
	st := statutory{main: ar.Rule, outcome: out, rng: out.Range.Round(r.e.unit)}
	flags := party | fineRange<<statRangeShift
	if slot, ok := r.ir.factSlot[ar.Rule.BaseFact()]; ok && r.set[slot] {
		r.keep(slot)
		flags |= statHasBase
	}
	if len(out.FallbackPath) > 0 {
		flags |= statFallback
	}
	if out.Capped {
		flags |= statCapped
	}
	if flags&statFallback == 0 && ar.Rule.Kind != penalty.Fixed {
		r.record(kindStatutory, flags, !st.rng.IsZero(), r.tr.amount(st.rng.Min), r.tr.upper(st.rng), r.tr.amount(out.Base))
	} else {
		r.record(kindStatutory, flags, !st.rng.IsZero(), r.tr.amount(st.rng.Min), r.tr.upper(st.rng))
	}
	if st.rng.IsZero() {
		st.impossible = true
		return st, false
	}
	return st, true
}

// amountFor returns the amount rule for a party: a rule written for the
// party's own type (individual_business) wins over the one it is mapped to.
func amountFor(a *catalog.Amount, own, mapped catalog.PartyType) *catalog.AmountRule {
	if a.All == nil {
		for _, pr := range a.ByParty {
			if pr.Party == own {
				return pr.Rule
			}
		}
	}
	return a.For(mapped)
}

// gradeFineFor is amountFor for a grade's fine.
func gradeFineFor(g *catalog.GradeFine, own, mapped catalog.PartyType) *catalog.GradeFine {
	for _, pf := range g.ByParty {
		if pf.Party == own {
			return pf.Fine
		}
	}
	return g.For(mapped)
}

func (r *run) baseValue(rule penalty.Rule) penalty.BaseValue {
	name := rule.BaseFact()
	if name == "" {
		return penalty.BaseValue{}
	}
	slot := r.ir.factSlot[name]
	if !r.set[slot] {
		return penalty.BaseValue{}
	}
	v := r.vals[slot]
	return penalty.BaseValue{Known: !v.Undeterminable, Undeterminable: v.Undeterminable, Value: v.Num}
}

func factorText(rule penalty.Rule) string {
	max := "以上"
	if rule.Max != nil {
		max = "至" + rule.Max.String()
	}
	switch rule.Kind {
	case penalty.Multiple:
		return rule.Min.String() + max + "倍"
	case penalty.Percent:
		return "百分之" + rule.Min.String() + max
	}
	return "每单位" + rule.Min.String() + max + "元"
}

func rangeText(rng penalty.Range) string {
	if rng.Unbounded {
		return rng.Min.String() + "以上"
	}
	if rng.Min.Equal(rng.Max) {
		return rng.Min.String()
	}
	return rng.Min.String() + "至" + rng.Max.String()
}

// AmbiguousGradeError is the answer to a case that meets the conditions
// of two grades of a benchmark whose selection is exclusive: the standard
// declares that its rows never overlap, and this case shows that they do.
// It is an error of the catalog (standards.Check finds such overlaps
// before publication), not of the case.
type AmbiguousGradeError struct {
	Item    string
	Version string
	Pos     catalog.Pos // the benchmark
	Grades  [2]string   // the ids of the first two grades that hold
	Labels  [2]string

	lang string // the language of Error: "" Chinese, "en" English
}

// Error names the two grades, in Chinese unless Localize asked for
// another language.
func (e *AmbiguousGradeError) Error() string {
	return messagesZh.P("%s: item %s version %s: the case meets the conditions of grade %s (%s) and of grade %s (%s), but the benchmark declares its grades exclusive",
		e.Pos, e.Item, e.Version, e.Grades[0], e.Labels[0], e.Grades[1], e.Labels[1]).Render(e.lang)
}

// Localize returns a copy of e whose Error is in lang ("en" for English,
// anything else for Chinese).
func (e *AmbiguousGradeError) Localize(lang string) *AmbiguousGradeError {
	c := *e
	c.lang = lang
	return &c
}

// grade returns the grade that applies under the benchmark's selection
// rule: the first whose condition holds, the heaviest of those whose
// conditions hold, or the only one whose condition holds.
//
// Only the grades of the statutory range the case falls under (fineRange)
// are candidates.
func (r *run) grade(v *versionRules, fineRange int, stat statutory, hasFine bool) (*gradeRules, error) {
	if v.selection == catalog.SelectFirst || v.selection == "" {
		for _, g := range v.grades {
			if g.rng != fineRange {
				continue
			}
			if r.eval(g.when) {
				return g, nil
			}
			if r.cerr.err() != nil {
				return nil, nil
			}
		}
		return nil, r.gapError(v, fineRange)
	}
	var chosen *gradeRules
	holding := 0
	for _, g := range v.grades {
		if g.rng != fineRange {
			continue
		}
		if !r.eval(g.when) {
			if r.cerr.err() != nil {
				return nil, nil
			}
			continue
		}
		holding++
		switch {
		case chosen == nil:
			chosen = g
		case v.selection == catalog.SelectExclusive:
			return nil, &AmbiguousGradeError{Item: r.ir.item.Code, Version: v.v.ID, Pos: v.v.Benchmark.Pos,
				Grades: [2]string{chosen.g.ID, g.g.ID}, Labels: [2]string{chosen.g.Label, g.g.Label}}
		case !r.heavierGrade(v, chosen, g, stat, hasFine):
			chosen = g // as heavy or heavier: the later row
		}
	}
	if chosen == nil {
		return nil, r.gapError(v, fineRange)
	}
	if holding > 1 {
		r.record(kindGradeHeaviest, chosen.index, true, countValue(holding))
	}
	return chosen, nil
}

// heavierGrade reports whether grade a is heavier than grade b for this
// case (catalog.SelectHeaviest): by the fine range each gives the case —
// a fine over none, then the higher maximum, then the higher minimum —
// then by tier. Equal in all, neither is heavier.
func (r *run) heavierGrade(v *versionRules, a, b *gradeRules, stat statutory, hasFine bool) bool {
	if hasFine {
		ra, fa := r.gradeInterval(v, a, stat)
		rb, fb := r.gradeInterval(v, b, stat)
		switch {
		case fa != fb:
			return fa
		case fa:
			if c := compareUpper(ra, rb); c != 0 {
				return c > 0
			}
			if c := ra.Min.Cmp(rb.Min); c != 0 {
				return c > 0
			}
		}
	}
	return a.g.Tier > b.g.Tier
}

// compareUpper compares the upper bounds of two ranges; unbounded is the
// highest.
func compareUpper(a, b penalty.Range) int {
	switch {
	case a.Unbounded && b.Unbounded:
		return 0
	case a.Unbounded:
		return 1
	case b.Unbounded:
		return -1
	}
	return a.Max.Cmp(b.Max)
}

// gapError is the answer to a case that no grade's condition holds for.
func (r *run) gapError(v *versionRules, fineRange int) error {
	gap := &GapError{Item: r.ir.item.Code, Version: v.v.ID, Pos: v.v.Benchmark.Pos}
	seen := map[string]bool{}
	for _, g := range v.grades {
		if g.rng != fineRange {
			continue
		}
		for _, f := range r.facts(g.when) {
			if !seen[f.Name] {
				seen[f.Name] = true
				gap.Facts = append(gap.Facts, f)
			}
		}
	}
	return gap
}

// gradeRange is the fine range a grade gives for this case.
func (r *run) gradeRange(v *versionRules, gr *gradeRules, stat statutory) (penalty.Range, bool) {
	rng, ok, err := r.gradeRangeOf(v, gr, stat)
	switch {
	case err == errFormulaUnread:
		r.formulaAmount(gr, gradeFineFor(gr.g.Fine, r.c.Party.Type, r.e.cat.MapParty(r.c.Party.Type)).Formula, true)
		return penalty.Range{}, false
	case err != nil:
		r.cerr.add("", "item %s grade %s: %v", r.ir.item.Code, gr.g.ID, err)
		return penalty.Range{}, false
	case !ok:
		r.record(kindGradeNoFine, gr.index, false)
		return penalty.Range{}, false
	}
	if gf := gradeFineFor(gr.g.Fine, r.c.Party.Type, r.e.cat.MapParty(r.c.Party.Type)); gf.Unit == catalog.UnitFormula {
		r.formulaAmount(gr, gf.Formula, true) // records the computation
	}
	r.record(kindGradeRange, gr.index, true, r.tr.amount(rng.Min), r.tr.upper(rng))
	return rng, true
}

// gradeInterval is the fine range a grade would give this case, recording
// nothing: to compare candidate grades (heavierGrade).
func (r *run) gradeInterval(v *versionRules, gr *gradeRules, stat statutory) (penalty.Range, bool) {
	rng, ok, err := r.gradeRangeOf(v, gr, stat)
	return rng, ok && err == nil
}

// gradeRangeOf computes a grade's range for the case; ok is false where
// the grade imposes no fine on the party.
func (r *run) gradeRangeOf(v *versionRules, gr *gradeRules, stat statutory) (penalty.Range, bool, error) {
	gf := gradeFineFor(gr.g.Fine, r.c.Party.Type, r.e.cat.MapParty(r.c.Party.Type))
	if gf == nil || gf.None {
		return penalty.Range{}, false, nil
	}
	var iv penalty.Interval
	switch gf.Unit {
	case catalog.UnitTier:
		split, err := v.scheme.Split(stat.rng, gf.Tier)
		if err != nil {
			return penalty.Range{}, false, err
		}
		iv = split
	case catalog.UnitYuan:
		iv = gf.Span.Interval()
	case catalog.UnitShare:
		iv = share(stat.rng, gf.Span)
	case catalog.UnitTimes, catalog.UnitPercent:
		iv = r.scaled(stat, gf.Span)
	case catalog.UnitFormula:
		amount, ok := r.formulaAmount(gr, gf.Formula, false)
		if !ok {
			return penalty.Range{}, false, errFormulaUnread
		}
		return penalty.Closed(amount, amount), true, nil
	}
	return resolve(iv, r.e.unit), true, nil
}

// errFormulaUnread stands for a formula whose fact the case does not give
// usably; formulaAmount has reported why, field by field.
var errFormulaUnread = errors.New("formula not computed")

// share maps a share [a, b] of a range onto it: L + a·(U−L) … L + b·(U−L).
func share(rng penalty.Range, s *catalog.Span) penalty.Interval {
	d := rng.Max.Sub(rng.Min)
	max := rng.Min.Add(d.Mul(*s.Max))
	return penalty.Interval{Min: rng.Min.Add(d.Mul(s.Min)), Max: &max, MinExclusive: s.MinExclusive, MaxExclusive: s.MaxExclusive}
}

// scaled turns a grade stated in multiples or percent of the base into
// yuan. When a fallback replaced the multiple (e.g. gains below 10 000), the
// grade's position within the statutory multiples is carried over to the
// fallback's range proportionally.
func (r *run) scaled(stat statutory, s *catalog.Span) penalty.Interval {
	out := stat.outcome
	if len(out.FallbackPath) == 0 {
		factor := out.Base
		if out.Applied.Kind == penalty.Percent {
			factor = factor.Shift(-2)
		}
		max := factor.Mul(*s.Max)
		return penalty.Interval{Min: factor.Mul(s.Min), Max: &max, MinExclusive: s.MinExclusive, MaxExclusive: s.MaxExclusive}
	}
	main := stat.main
	if main.Max == nil || main.Max.Equal(main.Min) {
		return share(stat.rng, &catalog.Span{Min: decimal.Zero, Max: ptr(decimal.NewFromInt(1))})
	}
	lo, width := main.Min, main.Max.Sub(main.Min)
	frac := &catalog.Span{Min: s.Min.Sub(lo).DivRound(width, 16), Max: ptr(s.Max.Sub(lo).DivRound(width, 16)),
		MinExclusive: s.MinExclusive, MaxExclusive: s.MaxExclusive}
	return share(stat.rng, frac)
}

func ptr[T any](x T) *T { return &x }

// resolve turns an interval into a closed range on the unit grid; an
// off-grid point collapses to its nearest grid point rather than vanishing.
func resolve(iv penalty.Interval, unit decimal.Decimal) penalty.Range {
	rng := iv.Resolve(unit)
	if rng.Empty() && iv.Max != nil && !iv.MinExclusive && !iv.MaxExclusive && iv.Min.LessThanOrEqual(*iv.Max) {
		return penalty.Closed(iv.Min, *iv.Max).Round(unit)
	}
	return rng
}

// amountText states a statutory amount as a trace note does: 50000至100000元,
// or per party type (单位…；个人…).
func amountText(a *catalog.Amount) string {
	one := func(ar *catalog.AmountRule) string {
		if ar == nil {
			return "不予罚款"
		}
		r := ar.Rule
		if r.Kind != penalty.Fixed {
			return factorText(r)
		}
		if r.Max == nil {
			return r.Min.String() + "元以上"
		}
		return rangeText(penalty.Closed(r.Min, *r.Max)) + "元"
	}
	if a.All != nil {
		return one(a.All)
	}
	var parts []string
	for _, pr := range a.ByParty {
		parts = append(parts, pr.Party.Label()+one(pr.Rule))
	}
	return strings.Join(parts, "；")
}
