package standards

import (
	"errors"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
)

// chkLit is one constraint of a query: the disjunction of its expressions
// must evaluate to want.
type chkLit struct {
	any  []*condition.Expr
	want bool
}

func lit(x *condition.Expr, want bool) chkLit { return chkLit{any: []*condition.Expr{x}, want: want} }

func (l chkLit) eval(vals []catalog.Value) bool {
	for _, x := range l.any {
		if x.Eval(vals) {
			return l.want
		}
	}
	return !l.want
}

func (l chkLit) node() condition.Node {
	n := l.any[0].Root
	for _, x := range l.any[1:] {
		n = condition.Or{L: n, R: x.Root}
	}
	return n
}

// chkQuery asks for a point of an item's fact space.
type chkQuery struct {
	// graded restricts the search to cases that reach grading: of an age
	// to be penalised, not exempted, with the precondition met and, in the
	// witness, not exempted as a listed first offense.
	graded bool
	lits   []chkLit
}

// chkVersion is the analysis of one version of one item.
type chkVersion struct {
	ck        *checker
	it        *catalog.Item
	ver       *catalog.Version
	b         *catalog.Benchmark
	space     *ivSpace
	dates     chkDates
	otherItem string
	// counters are the declared counters of the history the item's
	// conditions read (check_counts.go).
	counters []discretion.Counter

	reach []chkLit // the conditions a case must meet to reach grading
	// grades are the conditions under which each grade is a candidate:
	// its own condition and, where the fine has several statutory ranges,
	// the condition that selects the grade's range. own are the grades'
	// own conditions, which the wording of their rows states.
	grades []*condition.Expr
	own    []*condition.Expr
	// rangeSel is, per grade, the expression source that selects its
	// statutory range; empty where the fine has one range.
	rangeSel []string
	fo       *condition.Expr

	sel selection // how the benchmark chooses among its grades

	samples   []*chkPoint     // generated lazily when a query is opaque
	generated *catalog.Phrase // why cases were generated, if they were

	// constraints are the catalog's and the item's constraints, which every
	// point of every query satisfies, and the constraint each stands for
	// (check_constraints.go).
	constraints    []chkLit
	constraintDefs []*catalog.Constraint
}

// The builtins' ranges: an age from 0 to 110 (-1 for an organization)
// and, for cases that reach grading, 14 or older: 《行政处罚法》第三十条
// "不满十四周岁的未成年人有违法行为的，不予行政处罚".
var (
	chkAllAges     = ivSet{{lo: ivEnd{v: decimal.NewFromInt(-1)}, hi: ivEnd{v: decimal.NewFromInt(chkMaxAge)}}}
	chkGradingAges = ivPoint(decimal.NewFromInt(-1)).union(ivSet{{lo: ivEnd{v: decimal.NewFromInt(14)}, hi: ivEnd{v: decimal.NewFromInt(chkMaxAge)}}})
)

const chkMaxAge = 110

func (ck *checker) newVersion(it *catalog.Item, ver *catalog.Version) *chkVersion {
	cat := ck.cat
	vc := &chkVersion{ck: ck, it: it, ver: ver, b: ver.Benchmark, dates: chkVersionDates(ver), otherItem: "OTHER"}
	for _, o := range cat.Items {
		if o.Code != it.Code {
			vc.otherItem = o.Code
			break
		}
	}
	vc.counters = discretion.Counters(cat, it)
	vc.space = newIVSpace(discretion.ItemScope(discretion.BaseScope(cat), cat, it), checkSlots(cat, it))
	vc.space.maxBoxes = ck.opts.MaxRegions
	vc.constraints, vc.constraintDefs = ck.constraintLits(it)
	if b := vc.b; b != nil {
		if e := ck.expr(condOf(b.LightViolation)); e != nil {
			vc.reach = append(vc.reach, lit(e, false))
		}
		for _, g := range b.Grades {
			vc.own = append(vc.own, ck.expr(g.When))
		}
		vc.grades = vc.rangedGrades(cat, it, ver)
		vc.fo = ck.expr(foCond(b.FirstOffense))
		vc.sel = selectionOf(cat, ver)
	}
	if r := cat.Policies.NoFault; r != nil {
		if e := ck.expr(r.When); e != nil {
			vc.reach = append(vc.reach, lit(e, false))
		}
	}
	if p := ver.Precondition; p != nil {
		if e := ck.expr(p.When); e != nil {
			vc.reach = append(vc.reach, lit(e, true))
		}
	}
	var any []*condition.Expr
	for _, s := range ver.Sanctions {
		e := (*condition.Expr)(nil)
		if s.Precondition != nil {
			e = ck.expr(s.Precondition.When)
		}
		if e == nil {
			any = nil
			break
		}
		any = append(any, e)
	}
	if len(any) > 0 {
		vc.reach = append(vc.reach, chkLit{any: any, want: true})
	}
	return vc
}

// base is the box a query starts from.
func (vc *chkVersion) base(graded bool) ivBox {
	ages := chkAllAges
	if graded {
		ages = chkGradingAges
	}
	return vc.space.declared(vc.it.Parties, ages)
}

// find returns a point that satisfies a query, with the method that found
// it. found is false when no such point exists (MethodInterval: proven) or
// none was generated (MethodGenerated).
func (vc *chkVersion) find(q chkQuery) (p *chkPoint, found bool, m Method) {
	p, _, found, m = vc.findBox(q)
	return p, found, m
}

// findBox is find that also returns, for the interval method, the box the
// point was taken from.
func (vc *chkVersion) findBox(q chkQuery) (p *chkPoint, box ivBox, found bool, m Method) {
	lits := vc.lits(q)
	region, err := vc.region(q)
	if err == nil {
		for _, b := range region {
			p, ok := vc.realize(b)
			if !ok || (q.graded && !vc.defeatFirstOffense(p, b)) {
				continue
			}
			if chkHolds(p, lits) {
				return p, b, true, MethodInterval
			}
		}
		return nil, nil, false, MethodInterval
	}
	vc.noteGenerated(err)
	for _, p := range vc.generate() {
		if q.graded && (p.num(discretion.SlotAge) >= 0 && p.num(discretion.SlotAge) < 14 || !vc.gradable(p)) {
			continue
		}
		if chkHolds(p, lits) {
			return p, nil, true, MethodGenerated
		}
	}
	return nil, nil, false, MethodGenerated
}

// lits are all the constraints of a query: the catalog's and the item's
// constraints on facts, then the reach conditions for a graded one, then
// the query's own. A point outside the constraints is a case that cannot
// occur, never a finding nor a witness.
func (vc *chkVersion) lits(q chkQuery) []chkLit {
	out := append([]chkLit(nil), vc.constraints...)
	if q.graded {
		out = append(out, vc.reach...)
	}
	return append(out, q.lits...)
}

// region is the set of boxes where a query's constraints hold, by the
// interval method; an error means the method does not apply.
func (vc *chkVersion) region(q chkQuery) ([]ivBox, error) {
	region := []ivBox{vc.base(q.graded)}
	var err error
	for _, l := range vc.lits(q) {
		if region, err = vc.space.restrict(region, l.node(), l.want); err != nil || len(region) == 0 {
			return region, err
		}
	}
	return region, nil
}

func chkHolds(p *chkPoint, lits []chkLit) bool {
	for _, l := range lits {
		if !l.eval(p.vals) {
			return false
		}
	}
	return true
}

// gradable reports whether a generated point would reach grading as far
// as first offense goes.
func (vc *chkVersion) gradable(p *chkPoint) bool {
	return vc.fo == nil || !vc.ck.cat.FirstOffenseListed(vc.it.Code, vc.b.FirstOffense) || !vc.fo.Eval(p.vals) || vc.priorsInWindow(p) > 0
}

func (vc *chkVersion) noteGenerated(err error) {
	if vc.generated != nil {
		return
	}
	var op *errOpaque
	switch {
	case errors.As(err, &op):
		vc.generated = op.why
	default:
		vc.generated = messagesZh.P("%s", err.Error())
	}
}

// coverage records how the version was analysed.
func (vc *chkVersion) coverage() Coverage {
	c := Coverage{Item: vc.it.Code, Version: vc.ver.ID, Method: MethodInterval}
	if vc.generated != nil {
		c.Method, c.Cases, c.Note, c.note = MethodGenerated, len(vc.samples), vc.generated.Render("zh"), vc.generated
	}
	return c
}

// version runs the checks of one version.
func (ck *checker) version(it *catalog.Item, ver *catalog.Version) {
	vc := ck.newVersion(it, ver)
	possible := ck.constraintChecks(vc)
	if possible {
		ck.lawChecks(vc)
	}
	if possible && vc.b != nil && !vc.hasNil() {
		ck.gradeChecks(vc)
		ck.wordingChecks(vc)
		ck.reachability(vc)
		ck.tierOrder(vc)
		ck.effectChecks(vc)
		ck.lighterEffect(vc)
	}
	if vc.b != nil {
		ck.report.Coverage = append(ck.report.Coverage, vc.coverage())
	}
}

// hasNil reports a condition that did not compile (never, after compile).
func (vc *chkVersion) hasNil() bool {
	for _, g := range vc.grades {
		if g == nil {
			return true
		}
	}
	return false
}

// where names a version in messages.
func (vc *chkVersion) where() *catalog.Phrase {
	if len(vc.it.Versions) == 1 {
		return messagesZh.P("item %s", vc.it.Code)
	}
	return messagesZh.P("item %s version %s", vc.it.Code, vc.ver.ID)
}

// finding starts a finding about this version, with a witness if p is set.
func (vc *chkVersion) finding(pos catalog.Pos, code string, sev Severity, m Method, p *chkPoint, format string, args ...any) Finding {
	f := finding(pos, code, sev, m, "%s: %s", vc.where(), messagesZh.P(format, args...))
	f.Item, f.Version = vc.it.Code, vc.ver.ID
	if p != nil {
		f.Witness = vc.witness(p)
	}
	return f
}

// rangedGrades are the conditions under which each grade of a version is a
// candidate: its own, and the selection of its statutory range where the
// fine has several (catalog.FineRange: of the ranges whose condition holds
// the last listed applies; none, the fine's own amount). Gaps, overlaps
// and the grades a case reaches are then each range's own.
func (vc *chkVersion) rangedGrades(cat *catalog.Catalog, it *catalog.Item, ver *catalog.Version) []*condition.Expr {
	fine := chkFineOf(ver)
	if fine == nil || len(fine.Ranges) == 0 || slices.Contains(vc.own, nil) {
		return vc.own
	}
	var ranges []string
	for _, r := range fine.Ranges {
		x := vc.ck.expr(r.When)
		if x == nil {
			return vc.own
		}
		ranges = append(ranges, "("+condition.String(x.Root)+")")
	}
	selects := func(k int) string { // k: 0 the fine's own amount, i+1 Ranges[i]
		var parts []string
		if k > 0 {
			parts = append(parts, ranges[k-1])
		}
		for i := k; i < len(ranges); i++ {
			parts = append(parts, "!"+ranges[i])
		}
		return strings.Join(parts, " && ")
	}
	scope := discretion.ItemScope(discretion.BaseScope(cat), cat, it)
	out := make([]*condition.Expr, len(vc.own))
	for i, g := range ver.Benchmark.Grades {
		k := 0
		for j, r := range fine.Ranges {
			if r.ID == g.Range {
				k = j + 1
			}
		}
		x := compileSrc(selects(k)+" && ("+condition.String(vc.own[i].Root)+")", scope)
		if x == nil {
			return vc.own
		}
		out[i] = x
	}
	vc.rangeSel = make([]string, len(out))
	for i, g := range ver.Benchmark.Grades {
		for j, r := range fine.Ranges {
			if r.ID == g.Range {
				vc.rangeSel[i] = selects(j + 1)
			}
		}
		if vc.rangeSel[i] == "" {
			vc.rangeSel[i] = selects(0)
		}
	}
	return out
}
