package discretion

import (
	"fmt"
	"runtime"
	"slices"
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
	// constraints are the catalog's constraints, which every item's
	// constraints begin with.
	constraints []*constraintRule

	catalogRef CatalogRef // what every decision names

	// noMemo turns the memos of fine arithmetic off (memo.go), for the
	// benchmark that measures them.
	noMemo bool
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
	e        *Engine
	item     *catalog.Item
	index    int           // position in the catalog
	facts    catalog.Facts // catalog facts, then item facts
	factSlot map[string]int
	nslots   int
	extended *rule // art. 36 five-year condition
	versions []*versionRules
	// caseFacts are the same facts as a valid case's are parsed
	// (loadValid), resolved at Compile.
	caseFacts []caseFact
	// limitation is the art. 36 period (the item's own where it sets one),
	// limitationExtended the five-year period under extended.
	limitation, limitationExtended limitationRule

	// rules are the rules a trace step may name by index: the engine's
	// own (no fault, procedure, catalog factors) first, at the same
	// indexes in every item, then the item's.
	rules []*rule
	// snap gives each slot that a rule reads (or that a fine is computed
	// from) its position in a trace's fact values, -1 for the others;
	// snapFacts declares the fact at each position.
	snap      []int16
	snapFacts []*catalog.Fact
	// counters are the declared counters of the history the item's
	// conditions read (counts.go).
	counters []*counterRule
	// constraints are the catalog's constraints, then the item's
	// (constraints.go).
	constraints []*constraintRule
	// lists are the entries of the catalog's lists for the item, by the
	// index of the list (lists.go).
	lists []listEntryRule
}

type versionRules struct {
	index     int // in itemRules.versions
	v         *catalog.Version
	basis     catalog.Basis
	basisText []string // the basis as decisions state it
	// orders are the version's orders, and ordersEducate those of a
	// no-penalty decision, which adds education (art. 33 ¶3).
	orders, ordersEducate []string
	precondition          *rule
	sanctions             []*sanctionRules
	fine                  *sanctionRules
	scheme                penalty.Scheme
	grades                []*gradeRules
	selection             catalog.Selection // how the grades are chosen
	// effectsOrder is the order the published effects combine in.
	effectsOrder []catalog.EffectKind
	// ranges are the fine's further statutory ranges (catalog.FineRange),
	// and rangeCites the citation of each range, the fine's own first.
	ranges       []*rule
	rangeCites   []string
	light        *rule
	firstOffense *rule
	// lightListed and firstOffenseListed: the exemption names a list of
	// the catalog, and applies only to the items the list that applies to
	// the case lists (lists.go).
	lightListed, firstOffenseListed bool
	commitment                      *rule
	offset                          *rule
	factors                         []*factorRule // catalog factors, then the benchmark's

	amountCite  string // the citation of the statutory fine
	penaltyCite string // the citation of the penalty clause
	// sanctionPreconditions is set when a sanction has a precondition of
	// its own, so that the sanctions imposed vary from case to case.
	sanctionPreconditions bool
	// fineBaseFree is set when no base fact enters the fine, so that its
	// arithmetic is memoised per party type (memo.go) in memos.
	fineBaseFree bool
	memos        [][3]fineMemos // per fine range, per party type
	// firstOffenseWindow is the 首违不罚 window as notes state it.
	firstOffenseWindow string
	offsetNotes        [2]string
}

type sanctionRules struct {
	s            *catalog.Sanction
	precondition *rule
}

type gradeRules struct {
	index int // in versionRules.grades
	rng   int // the fine range it cuts: 0 the fine's own amount, i+1 Ranges[i]
	g     *catalog.Grade
	when  *rule
	// row cites the standard's own row: its title and 文号, the item and
	// the grade, which the grade's steps cite.
	row string
	// computed: the grade's fine is computed by a formula from the case's
	// facts (catalog.FineFormula), so its range and what follows from it
	// are not memoised; the statutory range still is.
	computed bool
	// formulas are the grade's formulas (its fine's, party by party, and
	// the persons'), each with what it counts resolved (formula.go).
	formulas []formulaOf
}

type factorRule struct {
	f    *catalog.Factor
	when *rule
}

// rule is a compiled condition with what the trace states about it.
type rule struct {
	index int    // in itemRules.rules
	step  string // the step of the trace that tests it
	id    string
	// subject names the rule's condition in a case problem: "the
	// condition of rule grade:g1", or for a list's entry the situation
	// the list states, in its words (no internal id reaches a bureau).
	subject  catalog.Localizer
	citation string
	note     string // what it tests, in words
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
	e.catalogRef = CatalogRef{ID: cat.ID, Version: cat.Version, Digest: cat.Digest}
	if cat.Rounding.Unit != nil {
		e.unit = *cat.Rounding.Unit
	}
	pol := cat.Policies.Limitation
	c.limitation = newLimitationRule(pol.Years, citeArt36, false)
	c.limitationExtended = newLimitationRule(pol.ExtendedYears, citeArt36, false)
	base := c.baseScope()
	e.noFault = c.rule(cat.Policies.NoFault, base, "no_fault", "no_fault", citeArt33Para2,
		"当事人有证据足以证明没有主观过错的，不予行政处罚（应当）")
	e.noFault.setNoPenalty()
	for _, f := range cat.Factors {
		e.catalogFactors = append(e.catalogFactors, c.factor(f, base))
	}
	proc := c.procedureScope(base)
	e.legalReview = c.rule(cat.Procedure.LegalReview, proc, "procedure", "legal_review", citeArt58, "法制审核")
	e.collectiveDiscussion = c.rule(cat.Procedure.CollectiveDiscussion, proc, "procedure", "collective_discussion", citeArt57, "集体讨论决定")
	e.constraints = c.constraints(cat.Constraints, base)
	c.unsatisfiable(e.constraints, e.constraints, Slots(cat, nil), "")
	for i, ir := range c.items(base, e.catalogFactors, e.constraints) {
		ir.rules.index = i
		ir.rules.e = e
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
	// rules are the rules compiled so far, in itemRules.rules order.
	rules []*rule
}

// baseScope holds the engine's variables and the catalog's facts ([BaseScope]).
func (c *compiler) baseScope() *condition.Scope { return BaseScope(c.cat) }

// procedureScope adds fine_max, outcome and hearing for procedure rules
// ([ProcedureScope]).
func (c *compiler) procedureScope(*condition.Scope) *condition.Scope {
	return ProcedureScope(c.cat)
}

// rule compiles a catalog rule; nil in, nil out.
func (c *compiler) rule(r *catalog.Rule, scope *condition.Scope, step, id, defaultCite, note string) *rule {
	if r == nil {
		return nil
	}
	return c.cond(r.When, scope, step, id, citeOr(r.Citation, defaultCite), note)
}

// cond compiles a condition into a rule that the trace shows as a step
// of the given kind, with its id, citation and note.
func (c *compiler) cond(cond *catalog.Cond, scope *condition.Scope, step, id, cite, note string) *rule {
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
	ru := &rule{index: len(c.rules), step: step, id: id, citation: cite, note: note, expr: x,
		subject: ruleSubject{id: id, step: step, note: note}}
	c.rules = append(c.rules, ru)
	return ru
}

// ruleSubject names a rule's condition in a case problem: by its id in
// English (the condition of rule grade:small), by its step and words in
// Chinese (裁量阶次“情节较轻”的条件), since no internal id reaches a bureau.
type ruleSubject struct{ id, step, note string }

func (s ruleSubject) Render(lang string) string {
	if catalog.IsEnglish(lang) {
		return "the condition of rule " + s.id
	}
	if s.note == "" {
		return stepLabel(s.step) + "的条件"
	}
	return stepLabel(s.step) + "“" + s.note + "”的条件"
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
	return &factorRule{f: f, when: c.cond(f.When, scope, "factor", "factor:"+f.ID, citeOr(f.Citation, ""),
		f.Label+"："+mode+f.Effect.Label())}
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
func (c *compiler) items(base *condition.Scope, catalogFactors []*factorRule, constraints []*constraintRule) []compiledItem {
	items := c.cat.Items
	out := make([]compiledItem, len(items))
	compile := func(i int) {
		// The engine's rules come first in every item's table.
		ic := &compiler{cat: c.cat, limitation: c.limitation, limitationExtended: c.limitationExtended,
			rules: slices.Clip(c.rules)}
		out[i] = compiledItem{rules: ic.item(items[i], base, catalogFactors, constraints), diags: ic.diags}
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

func (c *compiler) item(it *catalog.Item, base *condition.Scope, catalogFactors []*factorRule, constraints []*constraintRule) *itemRules {
	ir := &itemRules{item: it, facts: c.cat.AllFacts(it), factSlot: map[string]int{}}
	scope := base.Clone()
	ir.caseFacts = make([]caseFact, len(ir.facts))
	for i, f := range ir.facts {
		ir.factSlot[f.Name] = numBuiltinSlots + i
		ir.caseFacts[i] = newCaseFact(f)
		if i >= len(c.cat.Facts) {
			scope.Add(f.Name, numBuiltinSlots+i, f.Type, f)
		}
	}
	addCounters(scope, CounterBase(c.cat)+len(c.cat.Counts), it.Counts)
	ir.counters = compileCounters(c.cat, it)
	ir.nslots = Slots(c.cat, it)
	own := c.constraints(it.Constraints, scope)
	ir.constraints = append(slices.Clip(constraints), own...)
	c.unsatisfiable(own, ir.constraints, ir.nslots, it.Code)
	if l := it.Limitation; l != nil && l.Extended != nil {
		ir.extended = c.rule(l.Extended, scope, "limitation", "limitation.extended", citeArt36,
			"涉及公民生命健康安全、金融安全且有危害后果的，期限延长至五年")
	}
	ir.limitation, ir.limitationExtended = c.limitation, c.limitationExtended
	if l := it.Limitation; l != nil && l.Years > 0 {
		ir.limitation = newLimitationRule(l.Years, l.Citation.String(), true)
	}
	for i, v := range it.Versions {
		vr := c.version(it, v, scope, catalogFactors)
		for _, gr := range vr.grades {
			gr.formulas = ir.formulasOf(gr.g)
		}
		vr.index = i
		ir.versions = append(ir.versions, vr)
	}
	ir.lists = c.listEntries(it, scope)
	ir.rules = c.rules
	ir.snapshotLayout()
	return ir
}

// snapshotLayout places the facts that the item's rules read, and the
// base facts of its fines, in a trace's fact values.
func (ir *itemRules) snapshotLayout() {
	ir.snap = make([]int16, ir.nslots)
	for i := range ir.snap {
		ir.snap[i] = -1
	}
	place := func(slot int, f *catalog.Fact) {
		if ir.snap[slot] < 0 {
			ir.snap[slot] = int16(len(ir.snapFacts))
			ir.snapFacts = append(ir.snapFacts, f)
		}
	}
	for _, ru := range ir.rules {
		for _, v := range ru.expr.Refs {
			f := v.Fact
			if f == nil {
				f = &catalog.Fact{Name: v.Name, Type: v.Type}
			}
			place(v.Slot, f)
		}
	}
	for _, v := range ir.versions {
		if v.fine == nil || v.fine.s.Amount == nil {
			continue
		}
		var rules []*catalog.AmountRule
		for _, a := range fineAmounts(v.fine.s) {
			rules = append(rules, a.All)
			for _, pr := range a.ByParty {
				rules = append(rules, pr.Rule)
			}
		}
		for _, ar := range rules {
			if ar == nil {
				continue
			}
			if name := ar.Rule.BaseFact(); name != "" {
				if slot, ok := ir.factSlot[name]; ok {
					place(slot, ir.facts[slot-numBuiltinSlots])
				}
			}
		}
	}
}

func (c *compiler) version(it *catalog.Item, v *catalog.Version, scope *condition.Scope, catalogFactors []*factorRule) *versionRules {
	vr := &versionRules{v: v, basis: it.Basis}
	if v.Basis != nil {
		vr.basis = *v.Basis
	}
	vr.basisText = basisText(vr.basis)
	vr.orders = slices.Clip(append([]string{}, v.Orders...))
	vr.ordersEducate = slices.Clip(append(append([]string{}, v.Orders...), orderEducate))
	penaltyCite := vr.basis.Penalty.String()
	vr.amountCite, vr.penaltyCite = penaltyCite, penaltyCite
	if vr.basis.Amount != nil {
		vr.amountCite = vr.basis.Amount.String()
	}
	if p := v.Precondition; p != nil {
		vr.precondition = c.cond(p.When, scope, "precondition", "precondition:"+p.Kind, citeOr(p.Citation, penaltyCite), p.Label)
	}
	for _, s := range v.Sanctions {
		sr := &sanctionRules{s: s}
		if p := s.Precondition; p != nil {
			sr.precondition = c.cond(p.When, scope, "precondition", "precondition:"+string(s.Type), citeOr(p.Citation, penaltyCite), p.Label)
		}
		vr.sanctions = append(vr.sanctions, sr)
		vr.sanctionPreconditions = vr.sanctionPreconditions || sr.precondition != nil
		if s.Type == penalty.Fine {
			vr.fine = sr
			vr.fineBaseFree = amountBaseFree(s.Amount)
			vr.rangeCites = []string{vr.amountCite}
			for _, fr := range s.Ranges {
				cite := citeOr(fr.Citation, vr.amountCite)
				vr.ranges = append(vr.ranges, c.cond(fr.When, scope, "statutory", "range:"+fr.ID, cite, fr.Label))
				vr.rangeCites = append(vr.rangeCites, cite)
				vr.fineBaseFree = vr.fineBaseFree && amountBaseFree(fr.Amount)
			}
		}
	}
	b := v.Benchmark
	if b == nil {
		return vr
	}
	vr.scheme = c.cat.SchemeFor(b)
	vr.selection = c.cat.SelectionFor(b)
	vr.effectsOrder = c.cat.EffectsOrderFor(b)
	for i, g := range b.Grades {
		row := standardCite(c.cat) + it.Code + " " + g.Label
		gr := &gradeRules{index: i, g: g, row: row,
			when: c.cond(g.When, scope, "grade", "grade:"+g.ID, joinCites(row, penaltyCite), g.Label)}
		if vr.fine != nil {
			for k, fr := range vr.fine.s.Ranges {
				if fr.ID == g.Range {
					gr.rng = k + 1
				}
			}
		}
		gr.computed = hasFormula(g.Fine)
		vr.grades = append(vr.grades, gr)
	}
	if vr.fineBaseFree {
		vr.memos = make([][3]fineMemos, 1+len(vr.ranges))
		for k := range vr.memos {
			for i := range vr.memos[k] {
				vr.memos[k][i].grades = make([]gradeMemos, len(vr.grades))
			}
		}
	}
	if e := b.LightViolation; e != nil {
		vr.light = c.cond(e.When, scope, "light_violation", "light_violation", citeOr(e.Citation, citeArt33Para1Sent1),
			"违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚（应当）")
		vr.light.setNoPenalty()
		vr.lightListed = e.List != ""
	}
	if fo := b.FirstOffense; fo != nil {
		vr.firstOffense = c.cond(fo.When, scope, "first_offense", "first_offense", citeOr(fo.Citation, citeArt33Para1Sent2),
			"初次违法且危害后果轻微并及时改正的，可以不予行政处罚（可以）")
		vr.firstOffense.setNoPenalty()
		vr.firstOffenseListed = fo.List != ""
		vr.firstOffenseWindow = "首次违法"
		if !fo.Window.None {
			vr.firstOffenseWindow = fo.Window.Label() + "首次违法"
		}
	}
	if cm := b.Commitment; cm != nil {
		vr.commitment = c.cond(cm.When, scope, "commitment", "commitment", citeOr(cm.Citation, ""), cm.Label)
		vr.commitment.setNoPenalty()
	}
	if o := b.Offset; o != nil {
		vr.offset = c.cond(o.When, scope, "offset", "public_service_offset", citeOr(o.Citation, ""), "公益服务折抵罚款")
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
// fineAmounts are a fine's statutory amounts: its own, then its ranges'.
func fineAmounts(s *catalog.Sanction) []*catalog.Amount {
	out := []*catalog.Amount{s.Amount}
	for _, r := range s.Ranges {
		out = append(out, r.Amount)
	}
	return out
}

func amountBaseFree(a *catalog.Amount) bool {
	if a == nil {
		return false
	}
	if a.All != nil && a.All.Rule.BaseFact() != "" {
		return false
	}
	for _, pr := range a.ByParty {
		if pr.Rule != nil && pr.Rule.Rule.BaseFact() != "" {
			return false
		}
	}
	return true
}

// hasFormula reports whether a grade's fine is computed by a formula for
// some party type.
func hasFormula(gf *catalog.GradeFine) bool {
	if gf == nil {
		return false
	}
	for _, pf := range gf.ByParty {
		if pf.Fine.Unit == catalog.UnitFormula {
			return true
		}
	}
	return gf.Unit == catalog.UnitFormula
}
