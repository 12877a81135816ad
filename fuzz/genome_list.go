package fuzz

import (
	"math/rand"

	"github.com/jizhun/jizhun/catalog"
)

// listGeneValues is the most values of a list fact a gene holds: the gene
// is the set of listed values as bits of a non-negative int64.
const listGeneValues = 62

func listGeneMask(n int) uint64 { return 1<<uint(min(n, listGeneValues)) - 1 }

// listGene generates the value of a list fact: mostly a few values (a case
// lists one or two pollutants, not all of them), sometimes none, sometimes
// any subset; it shrinks towards the empty list.
func listGene(n int) gene {
	mask := listGeneMask(n)
	k := min(n, listGeneValues)
	return gene{0, int64(mask), 0, func(r *rand.Rand) int64 {
		if k == 0 {
			return 0
		}
		switch x := r.Intn(10); {
		case x == 0:
			return 0
		case x < 7:
			var set int64
			for range 1 + r.Intn(min(k, 3)) {
				set |= 1 << uint(r.Intn(k))
			}
			return set
		}
		return r.Int63() & int64(mask)
	}}
}

// listNames is the list a gene states, as Case JSON does.
func listNames(f *catalog.Fact, x int64) []any {
	out := []any{}
	for i, v := range f.Values {
		if i < listGeneValues && x&(1<<uint(i)) != 0 {
			out = append(out, v.Name)
		}
	}
	return out
}
