package fuzz

import (
	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// maxRedraws bounds how often the generator draws a genome again when the
// case it decodes to is one the catalog's constraints exclude.
const maxRedraws = 64

// constrained reports whether a catalog declares constraints between
// facts, on the catalog or on an item.
func constrained(cat *catalog.Catalog) bool {
	if len(cat.Constraints) > 0 {
		return true
	}
	for _, it := range cat.Items {
		if len(it.Constraints) > 0 {
			return true
		}
	}
	return false
}

// possible reports whether a generated case can occur: it violates none of
// the constraints of the catalog and of its items. The engine rejects a
// case that does as misstated, which is what a constraint is for, so a
// property never decides such a case: the generator draws again, and a
// genome that a shrink or a property's move turns impossible decodes to no
// case.
func (sp *space) possible(c *discretion.Case) bool {
	return !sp.constrained || len(sp.eng.Impossible(c)) == 0
}
