package fuzz

import (
	"context"
	"math/rand"
	"testing"

	"github.com/leanovate/gopter"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// TestGeneratedListFacts: the generator states list facts as lists of
// declared values, each once, and reaches every grade of a catalog that
// grades by len(x) and "v" in x.
func TestGeneratedListFacts(t *testing.T) {
	cat, err := catalog.LoadFile("../discretion/testdata/lists.yaml")
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
	grades, lengths := map[string]int{}, map[int]int{}
	for range 300 {
		c := r.one(gen(params).Result.(Genome))
		list, ok := c.Facts["pollutants"].([]any)
		if !ok {
			t.Fatalf("pollutants stated as %T, want a list", c.Facts["pollutants"])
		}
		lengths[len(list)]++
		d, err := eng.Decide(context.Background(), c)
		if err != nil {
			t.Fatalf("generated case not decided: %v\n%s", err, CaseJSON(c))
		}
		grades[d.Grade]++
	}
	for _, g := range []string{"one", "so2", "several"} {
		if grades[g] < 5 {
			t.Errorf("grade %s reached %d times (all: %v)", g, grades[g], grades)
		}
	}
	if lengths[0] == 0 || lengths[1] == 0 || lengths[2]+lengths[3]+lengths[4] == 0 {
		t.Errorf("list lengths generated: %v", lengths)
	}
}
