package discretion

import (
	"fmt"

	"github.com/jizhun/jizhun/catalog"
)

// The term of the standard. A discretion standard (裁量基准) is in force
// from its effective date to its expiry date (有效期至); 《行政处罚法》第三十四条
// asks that it be published, and a case decided outside its term is not
// decided under a standard in force. The engine still decides it — the
// statute governs the case whatever the standard's term — but flags the
// decision for legal review, with a trace step that names the catalog
// field that decides it.

// standardCite is the citation of the standard itself: its title and 文号.
func standardCite(cat *catalog.Catalog) string {
	s := "《" + cat.Title + "》"
	if cat.DocNumber != "" {
		s += "（" + cat.DocNumber + "）"
	}
	return s
}

// standardTerm checks the decision date against the catalog's expiry
// (expires): a decision after it is flagged FlagOutsideStandardTerm.
func (r *run) standardTerm() {
	cat := r.e.cat
	if x := cat.Expires; x != nil && r.dates.decision > *x {
		r.flags = append(r.flags, FlagOutsideStandardTerm)
		r.note("term", "catalog.expires", standardCite(cat),
			fmt.Sprintf("作出决定之日（%s）本裁量基准已于%s期满（expires），不再是施行中的裁量基准：按其计算的结果仅供参考，提请法制审核", r.dates.decision, *x), false)
	}
}
