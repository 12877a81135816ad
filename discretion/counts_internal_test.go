package discretion

import (
	"testing"

	"github.com/jizhun/jizhun/catalog"
)

// counter_window_is_the_catalogs: the hot path's window of a counter counted
// in years is catalog.Window.FirstDay's, 29 February included.
func TestCounterWindowMatchesCatalog(t *testing.T) {
	start := catalog.DateOf(2019, 1, 1)
	for _, years := range []int{1, 2, 3, 5} {
		for _, f := range []catalog.FirstDay{catalog.FirstDayIncluded, catalog.FirstDayExcluded} {
			cr := &counterRule{c: &catalog.Count{Window: catalog.Window{Years: years}, FirstDay: f}}
			for d := start; d < start+3*366; d++ {
				first, last := cr.window(d)
				if want := cr.c.Window.FirstDay(d, f); first != want || last != d-1 {
					t.Fatalf("%dy %s at %s: window %s–%s, want %s–%s", years, f, d, first, last, want, d-1)
				}
			}
		}
	}
}
