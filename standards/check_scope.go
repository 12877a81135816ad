package standards

import (
	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// The consistency checks compile conditions with the engine's scopes
// ([discretion.BaseScope], [discretion.ProcedureScope],
// [discretion.ItemScope]), whose slot layout is the engine's: the
// engine-provided variables first ([discretion.NumBuiltinSlots] of them),
// then the catalog's facts, then the item's. An expression compiled here
// therefore reads the same slots as the engine's, and a value slice built
// by [checkSlots] is one the engine would evaluate.

// checkSlots is the length of an item's value slice; with a nil item, of
// the catalog-wide conditions' slice.
func checkSlots(cat *catalog.Catalog, it *catalog.Item) int {
	return discretion.Slots(cat, it)
}
