package fuzz

import (
	"context"
	"math/rand"
	"testing"

	"github.com/leanovate/gopter"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// TestGeneratorCoverage guards against vacuous properties: the generated
// cases must reach every outcome the starter catalog can give, and the pair
// properties must find pairs to compare.
func TestGeneratorCoverage(t *testing.T) {
	cat, err := catalog.LoadFile("../examples/starter/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	eng, err := discretion.Compile(cat)
	if err != nil {
		t.Fatal(err)
	}
	r := &runner{ctx: context.Background(), eng: eng, sp: newSpace(eng), cfg: Config{}.withDefaults()}
	params := gopter.DefaultGenParameters()
	params.Rng = rand.New(rand.NewSource(7))
	gen := r.sp.gen()
	outcomes := map[discretion.Outcome]int{}
	reasons := map[discretion.Reason]int{}
	errs, pairs, factorPairs, n := 0, 0, 0, 500
	// priorKinds counts the shapes of generated history that
	// prior_penalized_same_item_1y must tell apart.
	priorKinds := map[string]int{}
	for i := 0; i < n; i++ {
		g := gen(params).Result.(Genome)
		c := r.one(g)
		for _, h := range c.History {
			priorKinds[priorKind(c, h)]++
		}
		d, err := eng.Decide(context.Background(), c)
		if err != nil {
			errs++
			t.Logf("error: %v\n%s", err, CaseJSON(c))
			continue
		}
		outcomes[d.Outcome]++
		reasons[d.Reason]++
		if _, c2, before := r.monotonicity(g); before != nil && c2 != nil {
			pairs++
		}
		if _, c2, before := r.factors(g); before != nil && c2 != nil {
			factorPairs++
		}
	}
	t.Logf("outcomes %v reasons %v errors %d monotonic pairs %d factor pairs %d of %d", outcomes, reasons, errs, pairs, factorPairs, n)
	if errs > 0 {
		t.Errorf("%d generated cases were not decided", errs)
	}
	for _, o := range []discretion.Outcome{discretion.NoPenalty, discretion.Mitigated, discretion.Lighter, discretion.General, discretion.Heavier} {
		if outcomes[o] < 5 {
			t.Errorf("only %d generated cases decided %s", outcomes[o], o)
		}
	}
	for _, kind := range []string{"penalized_within_year", "penalized_earlier", "no_penalty", "decided_after_act"} {
		if priorKinds[kind] < 5 {
			t.Errorf("only %d generated priors of kind %s (all: %v)", priorKinds[kind], kind, priorKinds)
		}
	}
	if pairs < n/5 || factorPairs < n/20 {
		t.Errorf("too few pairs compared: %d monotonic, %d factor", pairs, factorPairs)
	}
}

// priorKind classifies a generated prior the way
// prior_penalized_same_item_1y reads it: a penalty decided within the year
// before the act, one decided earlier, one decided on or after the act, or
// no penalty at all.
func priorKind(c *discretion.Case, h discretion.Prior) string {
	act, _ := c.ActDate.Parse()
	decided, _ := h.DecisionDate.Parse()
	switch {
	case discretion.Outcome(h.Outcome) == discretion.NoPenalty:
		return "no_penalty"
	case decided >= act:
		return "decided_after_act"
	case decided < act.AddDays(-365):
		return "penalized_earlier"
	}
	return "penalized_within_year"
}
