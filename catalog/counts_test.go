package catalog_test

import (
	"testing"

	"github.com/jizhun/jizhun/catalog"
)

// The counters in scope for an item are the catalog's, which every item
// may read, then the item's own; the catalog's slice is not changed.
func TestCountsOfCatalogCountersThenTheItems(t *testing.T) {
	shared := &catalog.Count{Name: "penalized_1y"}
	own := &catalog.Count{Name: "found_before"}
	cat := &catalog.Catalog{Counts: make([]*catalog.Count, 1, 4)}
	cat.Counts[0] = shared
	it := &catalog.Item{Code: "A", Counts: []*catalog.Count{own}}
	got := cat.CountsOf(it)
	if len(got) != 2 || got[0] != shared || got[1] != own {
		t.Fatalf("CountsOf = %v, want the catalog's counter then the item's", got)
	}
	got[0] = own
	if cat.Counts[0] != shared {
		t.Error("CountsOf shares its slice with the catalog's")
	}
	if n := len(cat.CountsOf(&catalog.Item{Code: "B"})); n != 1 {
		t.Errorf("an item without counters: %d counters, want the catalog's 1", n)
	}
}
