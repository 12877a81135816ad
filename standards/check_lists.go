package standards

import (
	"github.com/jizhun/jizhun/catalog"
)

// CodeList: a published list (catalog.List) and the benchmarks disagree:
// the list names an item whose benchmark has no rule of the list's kind
// that reads the lists, so the list has no effect on it; or a benchmark
// reads the lists of a kind and none lists its item.
const CodeList = "standards_list"

// listChecks compares the catalog's lists with the benchmarks' rules.
func (ck *checker) listChecks() {
	cat := ck.cat
	for _, l := range cat.Lists {
		for _, e := range l.Items {
			code := e.Item
			it := cat.Item(code)
			if it == nil {
				continue // the loader reports it
			}
			if !readsList(it, l.Kind) {
				ck.add(finding(l.Pos, CodeList, SeverityError, MethodStatic,
					"list %s (%s) lists item %s, but no benchmark of the item has a %s rule that names a list: the list has no effect on it", l.ID, l.Title, code, l.Kind))
			}
		}
	}
	for _, it := range cat.Items {
		for _, v := range it.Versions {
			b := v.Benchmark
			if b == nil {
				continue
			}
			if fo := b.FirstOffense; fo != nil && fo.List != "" && !onAnyList(cat, catalog.ListFirstOffense, it.Code) {
				ck.add(finding(fo.Pos, CodeList, SeverityWarning, MethodStatic,
					"item %s: first_offense names list %s, but no first_offense list lists the item: 首违不罚 never applies to it", it.Code, fo.List))
			}
			if lv := b.LightViolation; lv != nil && lv.List != "" && !onAnyList(cat, catalog.ListLightViolation, it.Code) {
				ck.add(finding(lv.Pos, CodeList, SeverityWarning, MethodStatic,
					"item %s: light_violation names list %s, but no light_violation list lists the item: its cases are only flagged for review", it.Code, lv.List))
			}
		}
	}
}

// readsList reports whether a benchmark of the item has a rule of the kind
// that names a list.
func readsList(it *catalog.Item, kind string) bool {
	for _, v := range it.Versions {
		b := v.Benchmark
		if b == nil {
			continue
		}
		switch {
		case kind == catalog.ListFirstOffense && b.FirstOffense != nil && b.FirstOffense.List != "":
			return true
		case kind == catalog.ListLightViolation && b.LightViolation != nil && b.LightViolation.List != "":
			return true
		}
	}
	return false
}

func onAnyList(cat *catalog.Catalog, kind, code string) bool {
	for _, l := range cat.Lists {
		if l.Kind == kind && l.Lists(code) {
			return true
		}
	}
	return false
}
