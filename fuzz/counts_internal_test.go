package fuzz

import (
	"context"
	"math/rand"
	"testing"

	"github.com/leanovate/gopter"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// generated_histories_reach_every_counter_row: the generator's histories,
// with outcomes and decision dates, reach every grade of an item graded by
// declared counters, and the properties hold over the catalog.
func TestGeneratedHistoriesReachCounterRows(t *testing.T) {
	cat, err := catalog.LoadFile("testdata/counts.yaml")
	if err != nil {
		t.Fatal(err)
	}
	eng, err := discretion.Compile(cat)
	if err != nil {
		t.Fatal(err)
	}
	r := &runner{ctx: context.Background(), eng: eng, sp: newSpace(eng), cfg: Config{}.withDefaults()}
	params := gopter.DefaultGenParameters()
	params.Rng = rand.New(rand.NewSource(11))
	gen := r.sp.gen()
	grades := map[string]int{}
	for i := 0; i < 1500; i++ {
		c := r.one(gen(params).Result.(Genome))
		if c.Item != "C1" {
			continue
		}
		d, err := eng.Decide(context.Background(), c)
		if err != nil {
			t.Fatalf("generated case not decided: %v\n%s", err, CaseJSON(c))
		}
		grades[d.Grade]++
	}
	for _, g := range []string{"third", "group", "recent", "other"} {
		if grades[g] == 0 {
			t.Errorf("no generated case reached grade %s (reached %v)", g, grades)
		}
	}
	results, err := Check(context.Background(), eng, Config{Cases: 300})
	if err != nil {
		t.Fatal(err)
	}
	for _, res := range results {
		if res.Failure != nil {
			t.Errorf("%s: %s", res.Property, res.Failure.Report(cat.ID, res.Property))
		}
	}
}
