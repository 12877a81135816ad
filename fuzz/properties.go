package fuzz

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/prop"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// Config configures a property run. The zero value runs the default.
type Config struct {
	// Cases is the number of cases each property must pass (default 200).
	Cases int
	// Seed makes the run reproducible (default 1). A failure reports it.
	Seed int64
	// OutDir, when set, receives each shrunk counterexample as a case JSON
	// file (named <catalog>-<property>.json; a pair property also writes
	// the case it was compared with, -before.json).
	OutDir string
	// Workers is the number of goroutines the determinism property decides
	// one case in at once (default 4).
	Workers int
	// Properties restricts the run to the named properties (default all).
	Properties []string
}

func (c Config) withDefaults() Config {
	if c.Cases <= 0 {
		c.Cases = 200
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	if c.Workers <= 0 {
		c.Workers = 4
	}
	return c
}

// The properties, in the order they run.
const (
	PropTotality    = "totality"
	PropStatute     = "statute"
	PropMonotonic   = "monotonicity"
	PropFactors     = "factors"
	PropMinors      = "minors"
	PropArt29       = "art29"
	PropDeterminism = "determinism"
)

// Properties lists the property names.
func Properties() []string {
	return []string{PropTotality, PropStatute, PropMonotonic, PropFactors, PropMinors, PropArt29, PropDeterminism}
}

// Result is the outcome of one property.
type Result struct {
	Property string `json:"property"`
	Passed   bool   `json:"passed"`
	// Cases is the number of generated cases that passed.
	Cases int `json:"cases"`
	// Failure describes the shrunk counterexample of a failed property.
	Failure *Failure `json:"failure,omitempty"`
}

// Failure is a shrunk counterexample.
type Failure struct {
	// Message says what went wrong.
	Message string `json:"message"`
	// Case is the counterexample; Before is, for a property that compares
	// two cases (monotonicity, factors), the case it was compared with.
	Case   *discretion.Case `json:"case"`
	Before *discretion.Case `json:"before,omitempty"`
	// Files are the case files written under Config.OutDir.
	Files []string `json:"files,omitempty"`
	Seed  int64    `json:"seed"`
}

// CaseJSON renders a case as indented Case JSON with a final newline
// ([discretion.Case.JSON]); the generated facts are booleans, strings and
// json.Number, which always have a JSON form.
func CaseJSON(c *discretion.Case) []byte {
	b, _ := c.JSON()
	return b
}

// Check runs the properties against a compiled catalog and returns one
// Result per property. The error is for failures of the run itself (a
// canceled context, an unwritable OutDir), not of the properties.
func Check(ctx context.Context, eng *discretion.Engine, cfg Config) ([]Result, error) {
	cfg = cfg.withDefaults()
	r := &runner{ctx: ctx, eng: eng, sp: newSpace(eng), cfg: cfg}
	var out []Result
	for _, name := range Properties() {
		if len(cfg.Properties) > 0 && !contains(cfg.Properties, name) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return out, err
		}
		res, err := r.run(name)
		if err != nil {
			return out, err
		}
		out = append(out, res)
	}
	return out, nil
}

// Test runs the properties from a Go test and reports each failure with
// its counterexample as case JSON.
func Test(t testing.TB, eng *discretion.Engine, cfg Config) {
	t.Helper()
	results, err := Check(context.Background(), eng, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, res := range results {
		if res.Passed {
			continue
		}
		t.Errorf("%s", res.Failure.Report(eng.Catalog().ID, res.Property))
	}
}

// Report renders a failure for people: the message, the seed and the case
// JSON (and the case it was compared with).
func (f *Failure) Report(catalogID, property string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: property %s failed (seed %d): %s\n", catalogID, property, f.Seed, f.Message)
	if f.Before != nil {
		b.WriteString("compared with this case:\n")
		b.Write(CaseJSON(f.Before))
	}
	b.WriteString("counterexample (jizhun decide --case):\n")
	b.Write(CaseJSON(f.Case))
	for _, file := range f.Files {
		fmt.Fprintf(&b, "written to %s\n", file)
	}
	return b.String()
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

type runner struct {
	ctx context.Context
	eng *discretion.Engine
	sp  *space
	cfg Config
}

// run checks one property with gopter and turns a failure into a shrunk
// counterexample.
func (r *runner) run(name string) (Result, error) {
	params := gopter.DefaultTestParametersWithSeed(r.cfg.Seed)
	params.MinSuccessfulTests = r.cfg.Cases
	params.MaxShrinkCount = 2000
	params.MaxDiscardRatio = 20
	check := r.property(name)
	p := prop.ForAll(func(g Genome) string {
		msg, _, _ := check(g)
		return msg
	}, r.sp.gen())
	res := p.Check(params)
	out := Result{Property: name, Passed: res.Passed(), Cases: res.Succeeded}
	if res.Status == gopter.TestExhausted {
		out.Passed = true // too few applicable cases (e.g. art29 with one item)
		return out, nil
	}
	if out.Passed {
		return out, nil
	}
	f := &Failure{Seed: r.cfg.Seed}
	if res.Error != nil {
		f.Message = "the property panicked: " + res.Error.Error()
	}
	if len(res.Args) > 0 {
		if g, ok := res.Args[0].Arg.(Genome); ok {
			msg, c, before := check(g)
			if msg != "" {
				f.Message = msg
			}
			f.Case, f.Before = c, before
		}
	}
	if f.Message == "" && len(res.Labels) > 0 {
		f.Message = strings.Join(res.Labels, "; ")
	}
	if r.cfg.OutDir != "" && f.Case != nil {
		if err := r.write(name, f); err != nil {
			return out, err
		}
	}
	out.Failure = f
	return out, nil
}

func (r *runner) write(name string, f *Failure) error {
	if err := os.MkdirAll(r.cfg.OutDir, 0o755); err != nil {
		return err
	}
	base := filepath.Join(r.cfg.OutDir, fileSafe(r.eng.Catalog().ID)+"-"+name)
	if f.Before != nil {
		p := base + "-before.json"
		if err := os.WriteFile(p, CaseJSON(f.Before), 0o644); err != nil {
			return err
		}
		f.Files = append(f.Files, p)
	}
	p := base + ".json"
	if err := os.WriteFile(p, CaseJSON(f.Case), 0o644); err != nil {
		return err
	}
	f.Files = append(f.Files, p)
	return nil
}

func fileSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == ' ' || r == ':' {
			return '_'
		}
		return r
	}, s)
}

// checkFn tests one genome: an empty message is a pass. It returns the
// case it decided (and the one it compared it with).
type checkFn func(g Genome) (msg string, c, before *discretion.Case)

func (r *runner) property(name string) checkFn {
	switch name {
	case PropTotality:
		return r.totality
	case PropStatute:
		return r.statute
	case PropMonotonic:
		return r.monotonicity
	case PropFactors:
		return r.factors
	case PropMinors:
		return r.minors
	case PropArt29:
		return r.art29
	}
	return r.determinism
}

func (r *runner) decide(c *discretion.Case) (*discretion.Decision, error) {
	return r.eng.Decide(r.ctx, c)
}

func (r *runner) one(g Genome) *discretion.Case { return r.sp.build(g, r.sp.item(g, gItem)) }

// totality: every valid case is decided, never an error.
func (r *runner) totality(g Genome) (string, *discretion.Case, *discretion.Case) {
	c := r.one(g)
	if c == nil {
		return "", nil, nil
	}
	d, err := r.decide(c)
	var gap *discretion.GapError
	var ambiguous *discretion.AmbiguousGradeError
	switch {
	case errors.As(err, &gap):
		return "no grade matches a valid case: " + err.Error(), c, nil
	case errors.As(err, &ambiguous):
		return "two grades of an exclusive benchmark match a valid case: " + err.Error(), c, nil
	case err != nil:
		return fmt.Sprintf("a valid case was not decided (%T): %v", err, err), c, nil
	case d == nil || d.Outcome == "":
		return "Decide returned no decision", c, nil
	}
	return "", c, nil
}

// statute: the fine stays within the statutory range; below its minimum
// only when mitigated with a ground in the trace; never negative.
func (r *runner) statute(g Genome) (string, *discretion.Case, *discretion.Case) {
	c := r.one(g)
	if c == nil {
		return "", nil, nil
	}
	d, err := r.decide(c)
	if err != nil {
		return "", c, nil // totality's business
	}
	return r.statuteOf(d), c, nil
}

func (r *runner) statuteOf(d *discretion.Decision) string {
	ground := r.mitigationGround(d)
	if d.Outcome == discretion.Mitigated && ground == "" {
		return "the outcome is mitigated (减轻) but the trace shows no 减轻 ground"
	}
	// A decision that imposes nothing is not a penalty: no sanction, no
	// fine and no procedure of a penalty; a penalty imposes a sanction.
	switch imposes := d.Outcome.Imposes(); {
	case !imposes && (len(d.Sanctions) > 0 || d.Fine != nil || d.Procedure != (discretion.Procedure{})):
		return fmt.Sprintf("a %s decision imposes %v (fine %v) or carries a procedure %+v", d.Outcome, d.Sanctions, d.Fine, d.Procedure)
	case imposes && len(d.Sanctions) == 0:
		return fmt.Sprintf("a %s decision imposes no sanction", d.Outcome)
	}
	if d.Fine == nil {
		return ""
	}
	f := d.Fine
	switch {
	case f.Min.Sign() < 0:
		return fmt.Sprintf("the fine %s–%s is negative", f.Min, f.Max)
	case f.Min.GreaterThan(f.Max):
		return fmt.Sprintf("the fine range %s–%s is inverted", f.Min, f.Max)
	case d.Outcome == discretion.NoPenalty:
		return "a no-penalty decision carries a fine"
	}
	if s := d.Statutory; s != nil {
		if f.Max.GreaterThan(s.Max) {
			return fmt.Sprintf("the fine %s–%s exceeds the statutory maximum %s", f.Min, f.Max, s.Max)
		}
		if f.Min.LessThan(s.Min) && d.Outcome != discretion.Mitigated {
			return fmt.Sprintf("the fine %s–%s is below the statutory minimum %s, but the outcome is %s, not mitigated", f.Min, f.Max, s.Min, d.Outcome)
		}
	}
	return ""
}

// mitigationGround returns the 减轻 ground the trace shows, or "".
func (r *runner) mitigationGround(d *discretion.Decision) string {
	cat := r.eng.Catalog()
	// A 从轻 ground that the law makes "应当从轻或者减轻" (arts. 30, 32) takes
	// effect as 减轻 where 从轻 cannot lower the grade's range; the engine
	// then records an adjust step to mitigated.
	steps := d.Steps()
	escalated := false
	for _, s := range steps {
		if s.Step == "adjust" && s.Rule == string(discretion.Mitigated) && strings.Contains(s.Note, "应当从轻或者减轻") {
			escalated = true
		}
	}
	for _, s := range steps {
		if s.Step != "factor" || !s.Result {
			continue
		}
		if s.Rule == "art30.minor" && (cat.Policies.Minors == catalog.EffectMitigate || escalated) {
			return s.Rule
		}
		if id, ok := strings.CutPrefix(s.Rule, "factor:"); ok {
			f := r.factorByID(d.Item, id)
			if f != nil && (f.Effect == catalog.EffectMitigate || escalated && f.Effect == catalog.EffectLighter && f.Mandatory) {
				return s.Rule
			}
		}
	}
	return ""
}

func (r *runner) factorByID(code, id string) *catalog.Factor {
	for _, fi := range r.sp.factors[code] {
		if fi.f.ID == id {
			return fi.f
		}
	}
	return nil
}

// lowered reports whether decision b is lighter than a without doubt: a
// fine no higher at either end and lower at one, no fine where a had one,
// or a milder outcome where neither has a fine. Ranges that cross (a lower
// maximum but a higher minimum) have no order; the engine itself flags such
// choices for review (art. 29, art. 37), so they do not count.
func lowered(a, b *discretion.Decision) (bool, string) {
	switch {
	case a.Fine != nil && b.Fine != nil:
		le := b.Fine.Max.LessThanOrEqual(a.Fine.Max) && b.Fine.Min.LessThanOrEqual(a.Fine.Min)
		if le && (b.Fine.Max.LessThan(a.Fine.Max) || b.Fine.Min.LessThan(a.Fine.Min)) {
			return true, fmt.Sprintf("the fine went from %s–%s (%s) to %s–%s (%s)", a.Fine.Min, a.Fine.Max, a.Outcome, b.Fine.Min, b.Fine.Max, b.Outcome)
		}
	case a.Fine != nil:
		return true, fmt.Sprintf("the fine %s–%s (%s) disappeared (%s %s)", a.Fine.Min, a.Fine.Max, a.Outcome, b.Outcome, b.Reason)
	case b.Fine == nil && b.Outcome.Severity() < a.Outcome.Severity():
		return true, fmt.Sprintf("the outcome went from %s to %s %s", a.Outcome, b.Outcome, b.Reason)
	}
	return false, ""
}

// monotonicity: moving an aggravating fact its way never lowers the range.
func (r *runner) monotonicity(g Genome) (string, *discretion.Case, *discretion.Case) {
	it := r.sp.item(g, gItem)
	aggr := r.sp.aggravating(it)
	if len(aggr) == 0 {
		return "", nil, nil
	}
	f := aggr[int(g[gChoice])%len(aggr)]
	g2, ok := r.sp.move(g, f, g[gStep])
	if !ok {
		return "", nil, nil
	}
	c1, c2 := r.one(g), r.one(g2)
	if c1 == nil || c2 == nil {
		return "", nil, nil
	}
	d1, err1 := r.decide(c1)
	d2, err2 := r.decide(c2)
	if err1 != nil || err2 != nil {
		return "", c2, c1
	}
	if low, why := lowered(d1, d2); low {
		return fmt.Sprintf("item %s: %s is declared aggravating (%s), but moving it from %v to %v lowered the penalty: %s",
			it.Code, f.Name, f.Aggravates, c1.Facts[f.Name], c2.Facts[f.Name], why), c2, c1
	}
	return "", c2, c1
}

// factors: making an aggravating factor apply never lowers the range; a
// mitigating one never raises it.
func (r *runner) factors(g Genome) (string, *discretion.Case, *discretion.Case) {
	it := r.sp.item(g, gItem)
	fs := r.sp.factors[it.Code]
	if len(fs) == 0 {
		return "", nil, nil
	}
	fi := fs[int(g[gChoice])%len(fs)]
	c1 := r.one(g)
	if c1 == nil {
		return "", nil, nil
	}
	d1, err := r.decide(c1)
	if err != nil || fired(d1, fi.f.ID) {
		return "", c1, nil
	}
	rng := rand.New(rand.NewSource(g[gSeed]))
	for try := 0; try < 24; try++ {
		c2, ok := r.applyFactor(g, c1, fi, rng)
		if !ok {
			return "", c1, nil
		}
		d2, err := r.decide(c2)
		if err != nil || !fired(d2, fi.f.ID) {
			continue
		}
		if fi.f.Effect == catalog.EffectHeavier {
			if low, why := lowered(d1, d2); low {
				return fmt.Sprintf("item %s: aggravating factor %s applied and lowered the penalty: %s", it.Code, fi.f.ID, why), c2, c1
			}
		} else if up, why := lowered(d2, d1); up {
			return fmt.Sprintf("item %s: mitigating factor %s (%s) applied and raised the penalty: %s", it.Code, fi.f.ID, fi.f.Effect, strings.Replace(why, "went from", "went (in reverse) from", 1)), c2, c1
		}
		return "", c2, c1
	}
	return "", c1, nil
}

// fired reports whether the trace shows a factor applying.
func fired(d *discretion.Decision, id string) bool {
	for _, s := range d.Steps() {
		if s.Step == "factor" && s.Rule == "factor:"+id && s.Result {
			return true
		}
	}
	return false
}

// applyFactor changes the facts a factor reads, at random within their
// schema, to try to make it apply. Prior violations are added to the
// history; a factor that reads the party's type or age is not moved.
func (r *runner) applyFactor(g Genome, c *discretion.Case, fi factorInfo, rng *rand.Rand) (*discretion.Case, bool) {
	c2 := *c
	c2.Facts = make(map[string]any, len(c.Facts))
	for k, v := range c.Facts {
		c2.Facts[k] = v
	}
	c2.History = append([]discretion.Prior(nil), c.History...)
	act, _ := c.ActDate.Parse()
	for _, v := range fi.refs {
		switch v.Name {
		case "party_type", "age":
			return nil, false
		case "prior_same_item", "prior_same_item_1y", "prior_same_item_2y":
			a := act.AddDays(-(1 + rng.Intn(300)))
			c2.History = append(c2.History, discretion.Prior{Item: c.Item, ActDate: discretion.DateFrom(a), DecisionDate: discretion.DateFrom(a.AddDays(10)), Outcome: "general"})
		case "prior_any_1y":
			a := act.AddDays(-(1 + rng.Intn(300)))
			c2.History = append(c2.History, discretion.Prior{Item: "OTHER", ActDate: discretion.DateFrom(a), DecisionDate: discretion.DateFrom(a.AddDays(10)), Outcome: "general"})
		case "commitment_breached":
			c2.Commitment = &discretion.Commitment{Breached: true}
		default:
			if cnt := r.sp.counter(v.Slot, c.Item); cnt != nil {
				// A prior of an item the counter counts, the day before the
				// act, decided that day with a penalty: in every window.
				day := discretion.DateFrom(act.AddDays(-1))
				c2.History = append(c2.History, discretion.Prior{Item: r.sp.counterItem(cnt, c2.Item), ActDate: day, DecisionDate: day, Outcome: "general"})
				continue
			}
			f := v.Fact
			fg := r.sp.facts[f]
			if fg == nil {
				return nil, false
			}
			g2 := append(Genome(nil), g...)
			g2[fg.value] = r.sp.genes[fg.value].draw(rng)
			if fg.stated >= 0 {
				g2[fg.stated] = 1
			}
			if fg.undet >= 0 {
				g2[fg.undet] = 1
			}
			if val, ok := r.sp.value(g2, f, act); ok {
				c2.Facts[f.Name] = val
			}
		}
	}
	return &c2, true
}

// minors: 14–17 at the act is never general or heavier (art. 30); under 14
// is never penalised.
func (r *runner) minors(g Genome) (string, *discretion.Case, *discretion.Case) {
	it := r.sp.item(g, gItem)
	g2 := append(Genome(nil), g...)
	ps := parties(it)
	natural := -1
	for i, p := range ps {
		if p != catalog.Organization {
			natural = i
			break
		}
	}
	if natural < 0 {
		return "", nil, nil
	}
	if ps[int(g2[gParty])%len(ps)] == catalog.Organization {
		g2[gParty] = int64(natural)
	}
	g2[gAge] %= 18
	c := r.one(g2)
	if c == nil {
		return "", nil, nil
	}
	d, err := r.decide(c)
	if err != nil {
		return "", c, nil
	}
	age := g2[gAge]
	switch {
	case age < 14 && d.Outcome != discretion.NoPenalty:
		return fmt.Sprintf("item %s: a party aged %d at the act was decided %s; under 14 is never penalised (art. 30)", it.Code, age, d.Outcome), c, nil
	case age >= 14 && (d.Outcome == discretion.General || d.Outcome == discretion.Heavier):
		return fmt.Sprintf("item %s: a party aged %d at the act was decided %s; art. 30 requires 从轻 or 减轻 for 14–17", it.Code, age, d.Outcome), c, nil
	}
	return "", c, nil
}

// art29: one act under two provisions never yields more than the higher
// of the two decided alone.
func (r *runner) art29(g Genome) (string, *discretion.Case, *discretion.Case) {
	if len(r.sp.cat.Items) < 2 {
		return "", nil, nil
	}
	a, b := r.sp.item(g, gItem), r.sp.item(g, gItem2)
	if a == b {
		b = r.sp.cat.Items[(int(g[gItem])+1)%len(r.sp.cat.Items)]
	}
	both := r.sp.build(g, a, b)
	if both == nil {
		return "", nil, nil
	}
	d, err := r.decide(both)
	singles := make([]*discretion.Decision, 0, 2)
	for _, it := range []*catalog.Item{a, b} {
		single := *both
		single.Items, single.Item = nil, it.Code
		single.Facts = map[string]any{}
		for _, f := range r.sp.factsOf(it) {
			if v, ok := both.Facts[f.Name]; ok {
				single.Facts[f.Name] = v
			}
		}
		ds, err := r.decide(&single)
		if err != nil {
			return "", both, nil // totality's business
		}
		singles = append(singles, ds)
	}
	if err != nil {
		return fmt.Sprintf("items %s and %s decide alone but not together: %v", a.Code, b.Code, err), both, nil
	}
	// The act is punished under one of the provisions: the result is one of
	// the single decisions (where their ranges cross, the engine flags the
	// choice for review), and no single decision is heavier on both ends.
	same := false
	for _, s := range singles {
		if s.Item == d.Item && sameSanction(s, d) {
			same = true
		}
		if dominates(s, d) {
			return fmt.Sprintf("one act under %s and %s yields %s, less than %s alone (%s): art. 29 applies the provision with the higher fine",
				a.Code, b.Code, describe(d), s.Item, describe(s)), both, nil
		}
	}
	if !same {
		return fmt.Sprintf("one act under %s and %s yields %s (item %s), which neither provision yields alone (%s: %s; %s: %s)",
			a.Code, b.Code, describe(d), d.Item, singles[0].Item, describe(singles[0]), singles[1].Item, describe(singles[1])), both, nil
	}
	return "", both, nil
}

// sameSanction reports whether two decisions impose the same outcome and fine.
func sameSanction(a, b *discretion.Decision) bool {
	if a.Outcome != b.Outcome || (a.Fine == nil) != (b.Fine == nil) {
		return false
	}
	return a.Fine == nil || (a.Fine.Min.Equal(b.Fine.Min) && a.Fine.Max.Equal(b.Fine.Max))
}

// dominates reports whether a is heavier than b without doubt: a fine at
// least as high at both ends and higher at one, a fine where b has none, or
// a harsher outcome where neither has a fine.
func dominates(a, b *discretion.Decision) bool {
	switch {
	case a.Fine != nil && b.Fine != nil:
		ge := a.Fine.Min.GreaterThanOrEqual(b.Fine.Min) && a.Fine.Max.GreaterThanOrEqual(b.Fine.Max)
		return ge && !(a.Fine.Min.Equal(b.Fine.Min) && a.Fine.Max.Equal(b.Fine.Max))
	case a.Fine != nil:
		return true
	case b.Fine != nil:
		return false
	}
	return a.Outcome.Severity() > b.Outcome.Severity()
}

func describe(d *discretion.Decision) string {
	if d.Fine == nil {
		return string(d.Outcome) + ", no fine"
	}
	return fmt.Sprintf("%s, fine %s–%s", d.Outcome, d.Fine.Min, d.Fine.Max)
}

// determinism: equal cases give byte-identical decisions, also decided
// concurrently.
func (r *runner) determinism(g Genome) (string, *discretion.Case, *discretion.Case) {
	c := r.one(g)
	if c == nil {
		return "", nil, nil
	}
	first, err := r.decideJSON(c)
	if err != nil {
		return "", c, nil
	}
	again, _ := r.decideJSON(c)
	if !bytes.Equal(first, again) {
		return "deciding the same case twice gave different decisions or traces", c, nil
	}
	outs := make([][]byte, r.cfg.Workers)
	var wg sync.WaitGroup
	for i := range outs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			outs[i], _ = r.decideJSON(c)
		}(i)
	}
	wg.Wait()
	for _, o := range outs {
		if !bytes.Equal(first, o) {
			return fmt.Sprintf("deciding the same case in %d goroutines at once gave different decisions or traces", r.cfg.Workers), c, nil
		}
	}
	return "", c, nil
}

func (r *runner) decideJSON(c *discretion.Case) ([]byte, error) {
	d, err := r.decide(c)
	if err != nil {
		return []byte(err.Error()), err
	}
	return d.JSON()
}
