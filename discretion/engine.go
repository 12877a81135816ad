package discretion

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/penalty"
)

// Engine is a compiled catalog. It is immutable after Compile and safe for
// concurrent use by any number of goroutines.
type Engine struct {
	cat   *catalog.Catalog
	items map[string]*itemRules
	codes []string // item codes in catalog order
	unit  decimal.Decimal

	noFault              *rule
	catalogFactors       []*factorRule
	legalReview          *rule
	collectiveDiscussion *rule

	// minorNotes are the trace notes of art. 30 for a minor of each age.
	minorNotes [18]string
}

// The engine-provided variables' slots (scope.go), by the short names the
// pipeline uses.
const (
	slotPartyType          = SlotPartyType
	slotAge                = SlotAge
	slotPriorSameItem      = SlotPriorSameItem
	slotPriorSameItem1y    = SlotPriorSameItem1y
	slotPriorSameItem2y    = SlotPriorSameItem2y
	slotPriorAny1y         = SlotPriorAny1y
	slotPriorPenalized1y   = SlotPriorPenalizedSameItem1y
	slotCommitmentBreached = SlotCommitmentBreached
	slotFineMax            = SlotFineMax
	slotOutcome            = SlotOutcome
	slotHearing            = SlotHearing
	numBuiltinSlots        = NumBuiltinSlots
)

// itemRules is one item, compiled.
type itemRules struct {
	item     *catalog.Item
	index    int           // position in the catalog
	facts    catalog.Facts // catalog facts, then item facts
	factSlot map[string]int
	nslots   int
	extended *rule // art. 36 five-year condition
	versions []*versionRules
	// limitation is the art. 36 period (the item's own where it sets one),
	// limitationExtended the five-year period under extended.
	limitation, limitationExtended limitationRule
}

type versionRules struct {
	v            *catalog.Version
	basis        catalog.Basis
	basisText    []string // the basis as decisions state it
	precondition *rule
	sanctions    []*sanctionRules
	fine         *sanctionRules
	scheme       penalty.Scheme
	grades       []*gradeRules
	light        *rule
	firstOffense *rule
	commitment   *rule
	offset       *rule
	factors      []*factorRule // catalog factors, then the benchmark's

	// sanctionPreconditions is set when a sanction has a precondition of
	// its own, so that the sanctions imposed vary from case to case.
	sanctionPreconditions bool
	// fineBaseFree is set when the fine's amount does not depend on a base
	// fact, so that statutory ranges and everything derived from them are
	// memoised per party type (memo.go).
	fineBaseFree bool
	stat         [3]atomic.Pointer[statMemo]
	// tailSteps and tailFacts are the most steps and fact values that the
	// penalty part of a decision under this version has needed so far
	// (run.output).
	tailSteps, tailFacts atomic.Int32
	// firstOffenseWindow and firstOffenseNote0 are the 首违不罚 window's
	// label and its note for a party without prior violations.
	firstOffenseWindow, firstOffenseNote0 string
	offsetNotes                           [2]string
}

type sanctionRules struct {
	s            *catalog.Sanction
	precondition *rule
}

type gradeRules struct {
	g    *catalog.Grade
	when *rule
	memo [3]atomic.Pointer[gradeMemo] // per party type
	// lighterLowers records, per party type, whether a 从轻 ground lowers
	// the grade's range (1) or cannot (2); 0 until first needed. Kept only
	// where the ranges are memoised.
	lighterLowers [3]atomic.Int32
}

type factorRule struct {
	f    *catalog.Factor
	when *rule
	note string // the trace note of its condition
}

// rule is a compiled condition with what the trace needs about it,
// computed once.
type rule struct {
	id       string
	citation string
	expr     *condition.Expr
	// npCite is the citation of a no-penalty decision on this rule: its
	// own, then art. 33 ¶3 (education); set for the no-penalty rules.
	npCite string
}

// Compile type-checks and compiles every condition of a loaded catalog. The
// error, if any, is a catalog.Diagnostics listing every condition that does
// not compile, each at its YAML position.
func Compile(cat *catalog.Catalog) (*Engine, error) {
	if cat == nil {
		return nil, fmt.Errorf("discretion: nil catalog")
	}
	c := &compiler{cat: cat}
	e := &Engine{cat: cat, items: make(map[string]*itemRules, len(cat.Items)), unit: decimal.NewFromInt(1)}
	if cat.Rounding.Unit != nil {
		e.unit = *cat.Rounding.Unit
	}
	pol := cat.Policies.Limitation
	c.limitation = newLimitationRule(pol.Years, citeArt36, false)
	c.limitationExtended = newLimitationRule(pol.ExtendedYears, citeArt36, false)
	base := c.baseScope()
	e.noFault = c.rule(cat.Policies.NoFault, base, "no_fault", citeArt33Para2)
	e.noFault.setNoPenalty()
	for age := range e.minorNotes {
		e.minorNotes[age] = fmt.Sprintf("违法行为发生时%d周岁，应当%s", age, cat.Policies.Minors.Label())
	}
	for _, f := range cat.Factors {
		e.catalogFactors = append(e.catalogFactors, c.factor(f, base))
	}
	proc := c.procedureScope(base)
	e.legalReview = c.rule(cat.Procedure.LegalReview, proc, "legal_review", citeArt58)
	e.collectiveDiscussion = c.rule(cat.Procedure.CollectiveDiscussion, proc, "collective_discussion", citeArt57)
	for i, ir := range c.items(base, e.catalogFactors) {
		ir.rules.index = i
		e.items[cat.Items[i].Code] = ir.rules
		e.codes = append(e.codes, cat.Items[i].Code)
		for _, d := range ir.diags {
			c.diags.Add(d)
		}
	}
	c.diags.Sort()
	if err := c.diags.Err(); err != nil {
		return nil, err
	}
	return e, nil
}

// Catalog returns the catalog the engine was compiled from. It must not be
// modified.
func (e *Engine) Catalog() *catalog.Catalog { return e.cat }

// Codes lists the item codes in catalog order.
func (e *Engine) Codes() []string { return append([]string(nil), e.codes...) }

type compiler struct {
	cat   *catalog.Catalog
	diags catalog.Diagnostics
	// limitation and limitationExtended are the catalog's art. 36
	// periods, which items without their own share.
	limitation, limitationExtended limitationRule
}

// baseScope holds the engine's variables and the catalog's facts ([BaseScope]).
func (c *compiler) baseScope() *condition.Scope { return BaseScope(c.cat) }

// procedureScope adds fine_max, outcome and hearing for procedure rules
// ([ProcedureScope]).
func (c *compiler) procedureScope(*condition.Scope) *condition.Scope {
	return ProcedureScope(c.cat)
}

// rule compiles a catalog rule; nil in, nil out.
func (c *compiler) rule(r *catalog.Rule, scope *condition.Scope, id, defaultCite string) *rule {
	if r == nil {
		return nil
	}
	return c.cond(r.When, scope, id, citeOr(r.Citation, defaultCite))
}

func (c *compiler) cond(cond *catalog.Cond, scope *condition.Scope, id, cite string) *rule {
	if cond == nil {
		return nil
	}
	x, diags := condition.Compile(cond, scope)
	for _, d := range diags {
		c.diags.Add(d)
	}
	if x == nil {
		return nil
	}
	return &rule{id: id, citation: cite, expr: x}
}

// setNoPenalty prepares a no-penalty rule's decision citation.
func (ru *rule) setNoPenalty() {
	if ru != nil {
		ru.npCite = joinCites(ru.citation, citeArt33Para3)
	}
}

func citeOr(c *catalog.Citation, fallback string) string {
	if c == nil {
		return fallback
	}
	return c.String()
}

func (c *compiler) factor(f *catalog.Factor, scope *condition.Scope) *factorRule {
	mode := "应当"
	if !f.Mandatory {
		mode = "可以"
	}
	return &factorRule{f: f, when: c.cond(f.When, scope, "factor:"+f.ID, citeOr(f.Citation, "")),
		note: f.Label + "：" + mode + f.Effect.Label()}
}

// compiledItem is an item's rules and the diagnostics compiling them gave.
type compiledItem struct {
	rules *itemRules
	diags catalog.Diagnostics
}

// itemsPerWorker is the least number of items worth a goroutine.
const itemsPerWorker = 64

// items compiles the catalog's items, in parallel when there are many:
// items share nothing but the base scope and the catalog factors, which
// compiling only reads. The result is in catalog order, whatever the
// order of the work.
func (c *compiler) items(base *condition.Scope, catalogFactors []*factorRule) []compiledItem {
	items := c.cat.Items
	out := make([]compiledItem, len(items))
	compile := func(i int) {
		ic := &compiler{cat: c.cat, limitation: c.limitation, limitationExtended: c.limitationExtended}
		out[i] = compiledItem{rules: ic.item(items[i], base, catalogFactors), diags: ic.diags}
	}
	workers := min(runtime.GOMAXPROCS(0), len(items)/itemsPerWorker)
	if workers <= 1 {
		for i := range items {
			compile(i)
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= len(items) {
					return
				}
				compile(i)
			}
		}()
	}
	wg.Wait()
	return out
}

func (c *compiler) item(it *catalog.Item, base *condition.Scope, catalogFactors []*factorRule) *itemRules {
	ir := &itemRules{item: it, facts: c.cat.AllFacts(it), factSlot: map[string]int{}}
	scope := base.Clone()
	for i, f := range ir.facts {
		ir.factSlot[f.Name] = numBuiltinSlots + i
		if i >= len(c.cat.Facts) {
			scope.Add(f.Name, numBuiltinSlots+i, f.Type, f)
		}
	}
	ir.nslots = numBuiltinSlots + len(ir.facts)
	if l := it.Limitation; l != nil && l.Extended != nil {
		ir.extended = c.rule(l.Extended, scope, "limitation.extended", citeArt36)
	}
	ir.limitation, ir.limitationExtended = c.limitation, c.limitationExtended
	if l := it.Limitation; l != nil && l.Years > 0 {
		ir.limitation = newLimitationRule(l.Years, l.Citation.String(), true)
	}
	for _, v := range it.Versions {
		ir.versions = append(ir.versions, c.version(it, v, scope, catalogFactors))
	}
	return ir
}

func (c *compiler) version(it *catalog.Item, v *catalog.Version, scope *condition.Scope, catalogFactors []*factorRule) *versionRules {
	vr := &versionRules{v: v, basis: it.Basis}
	if v.Basis != nil {
		vr.basis = *v.Basis
	}
	vr.basisText = basisText(vr.basis)
	vr.tailSteps.Store(12)
	vr.tailFacts.Store(8)
	penaltyCite := vr.basis.Penalty.String()
	if p := v.Precondition; p != nil {
		vr.precondition = c.cond(p.When, scope, "precondition:"+p.Kind, citeOr(p.Citation, penaltyCite))
	}
	for _, s := range v.Sanctions {
		sr := &sanctionRules{s: s}
		if p := s.Precondition; p != nil {
			sr.precondition = c.cond(p.When, scope, "precondition:"+string(s.Type), citeOr(p.Citation, penaltyCite))
		}
		vr.sanctions = append(vr.sanctions, sr)
		vr.sanctionPreconditions = vr.sanctionPreconditions || sr.precondition != nil
		if s.Type == penalty.Fine {
			vr.fine = sr
			vr.fineBaseFree = amountBaseFree(s.Amount)
		}
	}
	b := v.Benchmark
	if b == nil {
		return vr
	}
	vr.scheme = c.cat.SchemeFor(b)
	for _, g := range b.Grades {
		vr.grades = append(vr.grades, &gradeRules{g: g, when: c.cond(g.When, scope, "grade:"+g.ID, penaltyCite)})
	}
	if e := b.LightViolation; e != nil {
		vr.light = c.cond(e.When, scope, "light_violation", citeOr(e.Citation, citeArt33Para1Sent1))
		vr.light.setNoPenalty()
	}
	if fo := b.FirstOffense; fo != nil {
		vr.firstOffense = c.cond(fo.When, scope, "first_offense", citeOr(fo.Citation, citeArt33Para1Sent2))
		vr.firstOffense.setNoPenalty()
		vr.firstOffenseWindow = "首次违法"
		if !fo.Window.None {
			vr.firstOffenseWindow = fo.Window.Label() + "首次违法"
		}
		vr.firstOffenseNote0 = fmt.Sprintf("%s：回溯期内同类违法 %d 次", vr.firstOffenseWindow, 0)
	}
	if cm := b.Commitment; cm != nil {
		vr.commitment = c.cond(cm.When, scope, "commitment", citeOr(cm.Citation, ""))
		vr.commitment.setNoPenalty()
	}
	if o := b.Offset; o != nil {
		vr.offset = c.cond(o.When, scope, "public_service_offset", citeOr(o.Citation, ""))
		vr.offsetNotes = offsetNotes(o)
	}
	vr.factors = append(vr.factors, catalogFactors...)
	for _, f := range b.Factors {
		vr.factors = append(vr.factors, c.factor(f, scope))
	}
	return vr
}

// versionAt returns the version in force on a date, or nil.
func (ir *itemRules) versionAt(d catalog.Date) *versionRules {
	for _, v := range ir.versions {
		if v.v.EffectiveFrom <= d && (v.v.EffectiveTo == nil || d <= *v.v.EffectiveTo) {
			return v
		}
	}
	return nil
}

// amountBaseFree reports whether no rule of an amount reads a base fact.
func amountBaseFree(a *catalog.Amount) bool {
	if a == nil {
		return false
	}
	if a.All != nil && baseName(a.All.Rule) != "" {
		return false
	}
	for _, pr := range a.ByParty {
		if pr.Rule != nil && baseName(pr.Rule.Rule) != "" {
			return false
		}
	}
	return true
}
