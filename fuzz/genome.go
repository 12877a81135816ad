package fuzz

import (
	"encoding/json"
	"math/rand"

	"github.com/leanovate/gopter"
	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
)

// A Genome is a generated case in coded form: one whole number per gene.
// Genes are laid out by the catalog's schema (see space); a genome decodes
// into a discretion.Case. Genomes rather than cases are what gopter
// generates and shrinks, so that shrinking moves each fact toward its
// simplest value independently and the shrunk genome is still a valid case.
type Genome []int64

// The fixed genes, before the per-fact genes.
const (
	gItem       = iota // the item (index into the catalog's items)
	gItem2             // the second provision of an art. 29 case
	gParty             // party type (index into the item's parties)
	gAge               // age at the act, for natural persons
	gCapacity          // art. 31 capacity: 0 full, 1 limited, 2 none
	gActDay            // days into the item's versions
	gDiscovery         // days from the end of the act to its discovery
	gDecision          // days from discovery to decision
	gContinuing        // extra days of a continuing act (0: not continuing)
	gCommitment        // 0 none, 1 signed, 2 breached
	gHistoryN          // prior violations, 0–3
	gHistKind0         // per prior: 0 same item, 1 another item, 2 the second provision
	gHistKind1
	gHistKind2
	gHistDays0 // per prior: days before the act
	gHistDays1
	gHistDays2
	gHistOutcome0 // per prior: the outcome of its decision (index into priorOutcomes)
	gHistOutcome1
	gHistOutcome2
	gHistDecided0 // per prior: days from its act to its decision
	gHistDecided1
	gHistDecided2
	gChoice // which aggravating fact or factor a pair property moves
	gStep   // how far it moves, in units of the fact
	gSeed   // a seed for the values tried to make a factor apply
	numFixed
)

// priorOutcomes are the outcomes a generated prior decision may have, the
// commonest first so that shrinking moves toward it.
var priorOutcomes = [...]discretion.Outcome{discretion.General, discretion.NoPenalty,
	discretion.Lighter, discretion.Heavier, discretion.Mitigated}

// gene is one coded dimension with its range, its simplest value (what
// shrinking moves toward) and how to draw it.
type gene struct {
	lo, hi, target int64
	draw           func(r *rand.Rand) int64
}

func uniform(lo, hi int64) func(r *rand.Rand) int64 {
	return func(r *rand.Rand) int64 { return lo + r.Int63n(hi-lo+1) }
}

// factGenes are the genes of one fact.
type factGenes struct {
	fact   *catalog.Fact
	value  int               // the value gene
	stated int               // for a fact with a default: 0 omit, 1 state; -1 none
	undet  int               // for an undeterminable fact: 0 undeterminable; -1 none
	scale  decimal.Decimal   // value = gene × scale for numbers
	consts []decimal.Decimal // the constants conditions compare it with
}

// factorInfo is a factor with the variables its condition reads.
type factorInfo struct {
	f    *catalog.Factor
	refs []*condition.Var
}

// space lays out the genes of a catalog.
type space struct {
	eng    *discretion.Engine
	cat    *catalog.Catalog
	genes  []gene
	facts  map[*catalog.Fact]*factGenes
	consts map[*catalog.Fact][]decimal.Decimal
	// per item code
	factors map[string][]factorInfo
	// constrained is set when the catalog declares constraints between
	// facts (constraints.go).
	constrained bool
}

func newSpace(eng *discretion.Engine) *space {
	cat := eng.Catalog()
	sp := &space{eng: eng, cat: cat, facts: map[*catalog.Fact]*factGenes{},
		consts: map[*catalog.Fact][]decimal.Decimal{}, factors: map[string][]factorInfo{}, constrained: constrained(cat)}
	n := int64(len(cat.Items))
	sp.genes = make([]gene, numFixed)
	sp.genes[gItem] = gene{0, n - 1, 0, uniform(0, n-1)}
	sp.genes[gItem2] = gene{0, n - 1, 0, uniform(0, n-1)}
	sp.genes[gParty] = gene{0, 2, 0, uniform(0, 2)}
	sp.genes[gAge] = gene{0, 90, 40, func(r *rand.Rand) int64 {
		switch x := r.Intn(20); {
		case x < 2:
			return r.Int63n(14)
		case x < 5:
			return 14 + r.Int63n(4)
		}
		return 18 + r.Int63n(63)
	}}
	sp.genes[gCapacity] = gene{0, 2, 0, func(r *rand.Rand) int64 {
		if r.Intn(10) == 0 {
			return 1 + r.Int63n(2)
		}
		return 0
	}}
	sp.genes[gActDay] = gene{0, 1000, 0, uniform(0, 1000)}
	sp.genes[gDiscovery] = gene{0, 2000, 0, func(r *rand.Rand) int64 {
		if r.Intn(8) == 0 {
			return r.Int63n(2001)
		}
		return r.Int63n(31)
	}}
	sp.genes[gDecision] = gene{0, 90, 0, uniform(0, 90)}
	sp.genes[gContinuing] = gene{0, 400, 0, func(r *rand.Rand) int64 {
		if r.Intn(4) == 0 {
			return 1 + r.Int63n(400)
		}
		return 0
	}}
	sp.genes[gCommitment] = gene{0, 2, 0, func(r *rand.Rand) int64 {
		if r.Intn(5) == 0 {
			return 1 + r.Int63n(2)
		}
		return 0
	}}
	sp.genes[gHistoryN] = gene{0, 3, 0, func(r *rand.Rand) int64 {
		if r.Intn(2) == 0 {
			return 0
		}
		return 1 + r.Int63n(3)
	}}
	for i := gHistKind0; i <= gHistKind2; i++ {
		sp.genes[i] = gene{0, 2, 0, uniform(0, 2)}
	}
	for i := gHistDays0; i <= gHistDays2; i++ {
		sp.genes[i] = gene{1, 1500, 1, uniform(1, 1500)}
	}
	// A prior decided as a penalty is the simplest; no_penalty priors and
	// decisions dated long after the act (or after this act) are what
	// prior_penalized_same_item_1y must tell apart from penalties.
	for i := gHistOutcome0; i <= gHistOutcome2; i++ {
		sp.genes[i] = gene{0, int64(len(priorOutcomes) - 1), 0, uniform(0, int64(len(priorOutcomes)-1))}
	}
	for i := gHistDecided0; i <= gHistDecided2; i++ {
		sp.genes[i] = gene{0, 400, 10, func(r *rand.Rand) int64 {
			if r.Intn(3) == 0 {
				return r.Int63n(401)
			}
			return r.Int63n(61)
		}}
	}
	sp.genes[gChoice] = gene{0, 1 << 20, 0, uniform(0, 1<<20)}
	sp.genes[gStep] = gene{1, 1000, 1, func(r *rand.Rand) int64 {
		if r.Intn(2) == 0 {
			return 1 + r.Int63n(10)
		}
		return 1 + r.Int63n(1000)
	}}
	sp.genes[gSeed] = gene{0, 1 << 30, 0, uniform(0, 1<<30)}

	base := discretion.BaseScope(cat)
	for _, it := range cat.Items {
		scope := discretion.ItemScope(base, cat, it)
		sp.collect(it, scope)
	}
	for _, f := range cat.Facts {
		sp.addFact(f)
	}
	for _, it := range cat.Items {
		for _, f := range it.Facts {
			sp.addFact(f)
		}
	}
	return sp
}

// collect records the constants an item's conditions compare facts with,
// and its factors' variables.
func (sp *space) collect(it *catalog.Item, scope *condition.Scope) {
	compile := func(c *catalog.Cond) *condition.Expr {
		if c == nil {
			return nil
		}
		x, _ := condition.Compile(c, scope)
		if x != nil {
			sp.constants(x.Root)
		}
		return x
	}
	var factors []*catalog.Factor
	factors = append(factors, sp.cat.Factors...)
	for _, v := range it.Versions {
		if p := v.Precondition; p != nil {
			compile(p.When)
		}
		for _, s := range v.Sanctions {
			if p := s.Precondition; p != nil {
				compile(p.When)
			}
		}
		b := v.Benchmark
		if b == nil {
			continue
		}
		for _, g := range b.Grades {
			compile(g.When)
		}
		if e := b.LightViolation; e != nil {
			compile(e.When)
		}
		if fo := b.FirstOffense; fo != nil {
			compile(fo.When)
		}
		if cm := b.Commitment; cm != nil {
			compile(cm.When)
		}
		factors = append(factors, b.Factors...)
	}
	seen := map[string]bool{}
	for _, f := range factors {
		if seen[f.ID] {
			continue
		}
		seen[f.ID] = true
		if x := compile(f.When); x != nil {
			sp.factors[it.Code] = append(sp.factors[it.Code], factorInfo{f: f, refs: x.Refs})
		}
	}
	// Base facts of scaled amounts: their fallback thresholds matter too.
	for _, v := range it.Versions {
		for _, s := range v.Sanctions {
			if s.Amount == nil {
				continue
			}
			rules := []*catalog.AmountRule{s.Amount.All}
			for _, pr := range s.Amount.ByParty {
				rules = append(rules, pr.Rule)
			}
			for _, r := range rules {
				if r == nil || r.Base == "" {
					continue
				}
				if f := sp.cat.AllFacts(it).Lookup(r.Base); f != nil {
					for _, fb := range r.Rule.Fallbacks {
						if fb.When.Below != nil {
							sp.consts[f] = append(sp.consts[f], *fb.When.Below)
						}
					}
					sp.consts[f] = append(sp.consts[f], decimal.Zero)
				}
			}
		}
	}
}

// constants walks a condition for comparisons of a fact with a constant.
func (sp *space) constants(n condition.Node) {
	switch x := n.(type) {
	case condition.And:
		sp.constants(x.L)
		sp.constants(x.R)
	case condition.Or:
		sp.constants(x.L)
		sp.constants(x.R)
	case condition.Not:
		sp.constants(x.X)
	case condition.Compare:
		id, ok := x.L.(condition.Ident)
		c, cok := x.R.(condition.Lit)
		if !ok || !cok {
			id, ok = x.R.(condition.Ident)
			c, cok = x.L.(condition.Lit)
		}
		if ok && cok && id.Var.Fact != nil && id.Var.Type.Numeric() {
			sp.consts[id.Var.Fact] = append(sp.consts[id.Var.Fact], c.Value.Num)
		}
	case condition.In:
		id, ok := x.X.(condition.Ident)
		if !ok || id.Var.Fact == nil || !id.Var.Type.Numeric() {
			return
		}
		for _, el := range append(append([]condition.Node(nil), x.List...), x.Lo, x.Hi) {
			if c, ok := el.(condition.Lit); ok {
				sp.consts[id.Var.Fact] = append(sp.consts[id.Var.Fact], c.Value.Num)
			}
		}
	}
}

var (
	dHalf  = decimal.New(5, -1)
	dCent  = decimal.New(1, -2)
	dOne   = decimal.NewFromInt(1)
	dMaxHi = decimal.NewFromInt(1_000_000)
)

// addFact lays out the genes of a fact.
func (sp *space) addFact(f *catalog.Fact) {
	fg := &factGenes{fact: f, stated: -1, undet: -1, scale: dOne, consts: sp.consts[f]}
	add := func(g gene) int {
		sp.genes = append(sp.genes, g)
		return len(sp.genes) - 1
	}
	switch f.Type {
	case catalog.FactBool:
		// Mostly false: a case has a few circumstances, not all of them.
		fg.value = add(gene{0, 1, 0, func(r *rand.Rand) int64 {
			if r.Intn(5) == 0 {
				return 1
			}
			return 0
		}})
	case catalog.FactEnum:
		n := int64(len(f.Values))
		fg.value = add(gene{0, n - 1, 0, uniform(0, n-1)})
	case catalog.FactEnumList:
		fg.value = add(listGene(len(f.Values)))
	case catalog.FactDate:
		fg.value = add(gene{-1000, 1000, 0, uniform(-1000, 1000)})
	default:
		switch f.Type {
		case catalog.FactNumber:
			fg.scale = dHalf
		case catalog.FactMoney:
			fg.scale = dCent
		}
		lo, hi := decimal.Zero, dMaxHi
		for _, c := range fg.consts {
			hi = decimal.Max(hi, c.Mul(decimal.NewFromInt(10)))
			lo = decimal.Min(lo, c.Mul(decimal.NewFromInt(2)))
		}
		if f.Min != nil {
			lo = *f.Min
		}
		if f.Max != nil {
			hi = *f.Max
		}
		glo, ghi := sp.code(lo, fg.scale, true), sp.code(hi, fg.scale, false)
		if ghi < glo {
			ghi = glo
		}
		target := min(max(0, glo), ghi)
		var cands []int64
		for _, c := range fg.consts {
			for _, d := range []decimal.Decimal{c.Sub(fg.scale), c, c.Add(fg.scale), c.Sub(dOne), c.Add(dOne)} {
				if x := sp.code(d, fg.scale, true); x >= glo && x <= ghi {
					cands = append(cands, x)
				}
			}
		}
		cands = append(cands, glo, ghi)
		fg.value = add(gene{glo, ghi, target, func(r *rand.Rand) int64 {
			switch x := r.Intn(10); {
			case x < 4:
				return cands[r.Intn(len(cands))]
			case x < 7:
				return glo + r.Int63n(min(ghi-glo, 200)+1)
			}
			return glo + r.Int63n(ghi-glo+1)
		}})
		if f.Undeterminable {
			fg.undet = add(gene{0, 9, 1, uniform(0, 9)})
		}
	}
	if f.Default != nil {
		fg.stated = add(gene{0, 1, 0, uniform(0, 1)})
	}
	sp.facts[f] = fg
}

// code encodes a number as a gene (rounding up for a lower bound, down for
// an upper one), within the int64 range the genes use.
func (sp *space) code(x, scale decimal.Decimal, up bool) int64 {
	q := x.Div(scale)
	if up {
		q = q.Ceil()
	} else {
		q = q.Floor()
	}
	lim := decimal.NewFromInt(1 << 50)
	if q.GreaterThan(lim) {
		return 1 << 50
	}
	if q.LessThan(lim.Neg()) {
		return -(1 << 50)
	}
	return q.IntPart()
}

// gen is the gopter generator of genomes, with a shrinker that moves one
// gene at a time toward its simplest value.
func (sp *space) gen() gopter.Gen {
	return func(p *gopter.GenParameters) *gopter.GenResult {
		g := make(Genome, len(sp.genes))
		for try := 0; ; try++ {
			for i, gn := range sp.genes {
				g[i] = gn.draw(p.Rng)
			}
			if !sp.constrained || try == maxRedraws || sp.build(g, sp.item(g, gItem)) != nil {
				break
			}
		}
		return gopter.NewGenResult(g, sp.shrink)
	}
}

// shrink lists smaller genomes: for each gene, its simplest value, half
// way there, and one step there.
func (sp *space) shrink(v interface{}) gopter.Shrink {
	g := v.(Genome)
	var cands []Genome
	for i, x := range g {
		t := sp.genes[i].target
		if x == t {
			continue
		}
		d := x - t
		seen := map[int64]bool{}
		for _, y := range []int64{t, x - d/2, x - sign(d)} {
			if y == x || seen[y] {
				continue
			}
			seen[y] = true
			c := append(Genome(nil), g...)
			c[i] = y
			cands = append(cands, c)
		}
	}
	k := 0
	return func() (interface{}, bool) {
		if k >= len(cands) {
			return nil, false
		}
		k++
		return cands[k-1], true
	}
}

func sign(x int64) int64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// item returns the item a genome names.
func (sp *space) item(g Genome, which int) *catalog.Item {
	return sp.cat.Items[int(g[which])%len(sp.cat.Items)]
}

// parties lists the party types an item reaches.
func parties(it *catalog.Item) []catalog.PartyType {
	if len(it.Parties) > 0 {
		return it.Parties
	}
	return []catalog.PartyType{catalog.Individual, catalog.Organization, catalog.IndividualBusiness}
}

// build decodes a genome into a case for the given items (one item, or two
// provisions of one act).
func (sp *space) build(g Genome, items ...*catalog.Item) *discretion.Case {
	it := items[0]
	ps := parties(it)
	if len(items) > 1 {
		ps = commonParties(items)
		if len(ps) == 0 {
			return nil
		}
	}
	party := ps[int(g[gParty])%len(ps)]
	act, ok := actDate(it, g[gActDay])
	if !ok {
		return nil
	}
	c := &discretion.Case{Party: discretion.Party{Type: party}, Facts: map[string]any{}}
	if len(items) == 1 {
		c.Item = it.Code
	} else {
		for _, x := range items {
			c.Items = append(c.Items, x.Code)
		}
	}
	end := act
	if d := g[gContinuing]; d > 0 {
		end = act.AddDays(int(d))
		c.ActEndDate = discretion.DateFrom(end)
	}
	disc := end.AddDays(int(g[gDiscovery]))
	c.ActDate, c.DiscoveryDate = discretion.DateFrom(act), discretion.DateFrom(disc)
	c.DecisionDate = discretion.DateFrom(disc.AddDays(int(g[gDecision])))
	if party != catalog.Organization {
		age := int(g[gAge])
		c.Party.BirthDate = discretion.DateFrom(act.AddYears(-age).AddDays(-1))
		switch g[gCapacity] {
		case 1:
			c.Party.Capacity = "limited"
		case 2:
			c.Party.Capacity = "none"
		}
	}
	switch g[gCommitment] {
	case 1:
		c.Commitment = &discretion.Commitment{Signed: true}
	case 2:
		c.Commitment = &discretion.Commitment{Breached: true}
	}
	other := sp.otherItem(it)
	for k := 0; k < int(g[gHistoryN]); k++ {
		code := it.Code
		switch g[gHistKind0+k] {
		case 1:
			code = other
		case 2:
			code = items[len(items)-1].Code
		}
		a := act.AddDays(-int(g[gHistDays0+k]))
		decided := a.AddDays(int(g[gHistDecided0+k]))
		c.History = append(c.History, discretion.Prior{Item: code, ActDate: discretion.DateFrom(a),
			DecisionDate: discretion.DateFrom(decided), Outcome: string(priorOutcomes[g[gHistOutcome0+k]])})
	}
	for _, f := range sp.factsOf(items...) {
		if v, ok := sp.value(g, f, act); ok {
			c.Facts[f.Name] = v
		}
	}
	if !sp.possible(c) {
		return nil
	}
	return c
}

// factsOf lists the facts of the items, catalog facts first, without
// repeats.
func (sp *space) factsOf(items ...*catalog.Item) catalog.Facts {
	out := append(catalog.Facts(nil), sp.cat.Facts...)
	seen := map[string]bool{}
	for _, f := range out {
		seen[f.Name] = true
	}
	for _, it := range items {
		for _, f := range it.Facts {
			if !seen[f.Name] {
				seen[f.Name] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// value decodes a fact's value; ok is false when the case omits it.
func (sp *space) value(g Genome, f *catalog.Fact, act catalog.Date) (any, bool) {
	fg := sp.facts[f]
	if fg == nil {
		return nil, false
	}
	if fg.stated >= 0 && g[fg.stated] == 0 {
		return nil, false
	}
	x := g[fg.value]
	switch f.Type {
	case catalog.FactBool:
		return x != 0, true
	case catalog.FactEnum:
		return f.Values[int(x)%len(f.Values)].Name, true
	case catalog.FactEnumList:
		return listNames(f, x), true
	case catalog.FactDate:
		return act.AddDays(int(x)).String(), true
	}
	if fg.undet >= 0 && g[fg.undet] == 0 {
		return "undeterminable", true
	}
	return json.Number(decimal.NewFromInt(x).Mul(fg.scale).String()), true
}

// actDate places the act in one of the item's versions.
func actDate(it *catalog.Item, day int64) (catalog.Date, bool) {
	if len(it.Versions) == 0 {
		return 0, false
	}
	// The version by the day's remainder, the day within it spread over its
	// whole period, so that acts near a version's end (decided under the
	// next one, art. 37) occur.
	v := it.Versions[int(day)%len(it.Versions)]
	span := int64(720)
	if v.EffectiveTo != nil {
		span = int64(*v.EffectiveTo-v.EffectiveFrom) + 1
	}
	return v.EffectiveFrom.AddDays(int(day * span / 1001)), true
}

func commonParties(items []*catalog.Item) []catalog.PartyType {
	var out []catalog.PartyType
	for _, p := range parties(items[0]) {
		all := true
		for _, it := range items[1:] {
			if !containsParty(parties(it), p) {
				all = false
			}
		}
		if all {
			out = append(out, p)
		}
	}
	return out
}

func containsParty(ps []catalog.PartyType, p catalog.PartyType) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

// aggravating lists an item's facts declared aggravating, in schema order.
func (sp *space) aggravating(it *catalog.Item) []*catalog.Fact {
	var out []*catalog.Fact
	for _, f := range sp.cat.AllFacts(it) {
		if f.Aggravates != "" && sp.facts[f] != nil {
			out = append(out, f)
		}
	}
	return out
}

// move returns the genome with fact f moved step units in its
// aggravating direction, or false when it cannot move. A fact the case
// omits (its default applies) is stated, moved from its default.
func (sp *space) move(g Genome, f *catalog.Fact, step int64) (Genome, bool) {
	fg := sp.facts[f]
	out := append(Genome(nil), g...)
	if fg.undet >= 0 && out[fg.undet] == 0 {
		return nil, false
	}
	x := out[fg.value]
	if fg.stated >= 0 {
		if g[fg.stated] == 0 {
			d, ok := sp.encode(fg, f.Default.Value)
			if !ok {
				return nil, false
			}
			x = d
		}
		out[fg.stated] = 1
	}
	gn := sp.genes[fg.value]
	var y int64
	switch f.Type {
	case catalog.FactBool:
		y = 1
		if f.Aggravates == "false" {
			y = 0
		}
	case catalog.FactEnum:
		y = x % int64(len(f.Values))
		if f.Aggravates == "lower" {
			y--
		} else {
			y++
		}
		y = min(max(y, 0), int64(len(f.Values)-1))
	case catalog.FactDate, catalog.FactEnumList:
		return nil, false
	default:
		if f.Aggravates == "lower" {
			step = -step
		}
		y = min(max(x+step, gn.lo), gn.hi)
	}
	if y == x {
		return nil, false
	}
	out[fg.value] = y
	return out, true
}

// encode is the gene of a fact value.
func (sp *space) encode(fg *factGenes, v catalog.Value) (int64, bool) {
	switch v.Type {
	case catalog.FactBool:
		if v.Bool {
			return 1, true
		}
		return 0, true
	case catalog.FactEnum:
		i := fg.fact.Values.Index(v.Enum)
		return int64(i), i >= 0
	case catalog.FactEnumList:
		return int64(v.Set & listGeneMask(len(fg.fact.Values))), true
	case catalog.FactDate:
		return 0, false
	}
	if v.Undeterminable {
		return 0, false
	}
	q := v.Num.Div(fg.scale)
	return q.IntPart(), q.IsInteger()
}

// otherItem is the item the genome's priors of "another item" are of: one
// that shares a group with it where the catalog declares groups, so that
// group counters (catalog.Count) see them, else the first other item.
func (sp *space) otherItem(it *catalog.Item) string {
	for _, g := range sp.cat.Groups {
		if !g.Has(it.Code) {
			continue
		}
		for _, code := range g.Items {
			if code != it.Code && sp.cat.Item(code) != nil {
				return code
			}
		}
	}
	for _, x := range sp.cat.Items {
		if x.Code != it.Code {
			return x.Code
		}
	}
	return "OTHER"
}

// counter returns the declared counter at a slot of an item's conditions,
// or nil.
func (sp *space) counter(slot int, item string) *catalog.Count {
	it := sp.cat.Item(item)
	if it == nil {
		return nil
	}
	for _, c := range discretion.Counters(sp.cat, it) {
		if c.Slot == slot {
			return c.Count
		}
	}
	return nil
}

// counterItem is an item whose priors a counter counts for a case of item.
func (sp *space) counterItem(c *catalog.Count, item string) string {
	if g := sp.cat.LookupGroup(c.Group()); g != nil && !g.Has(item) && len(g.Items) > 0 {
		return g.Items[0]
	}
	return item
}
