package discretion_test

import (
	"sort"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// TestScopeCoversReservedNames guards against drift from the catalog: every
// name the catalog reserves for engine-provided variables has a label here,
// the procedure-only ones only in the procedure scope.
func TestScopeCoversReservedNames(t *testing.T) {
	cat, err := catalog.LoadFile("../examples/starter/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	base, proc := discretion.BaseScope(cat), discretion.ProcedureScope(cat)
	procedureOnly := map[string]bool{"fine_max": true, "outcome": true, "hearing": true}
	var names []string
	for name := range catalog.ReservedNames() {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		v := proc.Lookup(name)
		if v == nil || v.Fact == nil || v.Fact.Label == "" {
			t.Errorf("%s: no labelled variable in the procedure scope", name)
			continue
		}
		if got := base.Lookup(name) != nil; got == procedureOnly[name] {
			t.Errorf("%s: in the base scope = %v", name, got)
		}
		if procedureOnly[name] && base.Unavailable[name] == "" {
			t.Errorf("%s: the base scope does not explain why it is unavailable", name)
		}
	}
	// Catalog facts follow the built-in slots, item facts follow those.
	road := cat.Item("330217ZH001")
	s := discretion.Scope(cat, road)
	if v := s.Lookup(cat.Facts[0].Name); v.Slot != discretion.NumBuiltinSlots {
		t.Errorf("first catalog fact at slot %d", v.Slot)
	}
	if v := s.Lookup(road.Facts[0].Name); v.Slot != discretion.NumBuiltinSlots+len(cat.Facts) {
		t.Errorf("first item fact at slot %d", v.Slot)
	}
}
