package standards

import (
	"strings"

	"github.com/jizhun/jizhun/catalog"
)

// The published lists of the catalog (catalog.List) carry their own 文号,
// term and transition rule: the 首违不罚清单 and the 轻微违法不予处罚清单
// state them under the grid, and a row whose benchmark names a list says in
// its 备注 which of the lists list the item.

// listedIn says which lists of the kind list the item, for its 备注:
// 列入《…》（文号，2024年1月1日起施行）.
func (b *builder) listedIn(kind, code string) string {
	var on []string
	for _, l := range b.cat.Lists {
		if l.Kind == kind && l.Lists(code) {
			on = append(on, listTitle(l)+"（"+listTerm(l)+"）")
		}
	}
	if len(on) == 0 {
		return ""
	}
	return "列入" + strings.Join(on, "、")
}

// listNotes states each list of the kind: its title, 文号, term and how it
// treats acts committed before it took effect.
func (b *builder) listNotes(kind string) []string {
	var notes []string
	for _, l := range b.cat.Lists {
		if l.Kind != kind {
			continue
		}
		n := listTitle(l) + "：" + listTerm(l) + "；" + transitionWords(l) + "。"
		notes = append(notes, n)
	}
	return notes
}

func listTitle(l *catalog.List) string {
	s := "《" + l.Title + "》"
	if l.DocNumber != "" {
		s += "（" + l.DocNumber + "）"
	}
	return s
}

func listTerm(l *catalog.List) string {
	s := chineseDate(l.Effective) + "起施行"
	if l.Expires != nil {
		s += "，有效期至" + chineseDate(*l.Expires)
	}
	return s
}

// transitionWords states a list's transition rule in words, with the
// clause that adopts it.
func transitionWords(l *catalog.List) string {
	var s string
	switch l.Rule() {
	case catalog.ListActDate:
		s = "施行前发生的违法行为，适用违法行为发生时施行的清单"
	case catalog.ListDecisionDate:
		s = "施行前发生、施行后处理的违法行为，适用本清单"
	case catalog.ListNotBeforeEffective:
		s = "施行前发生的违法行为不适用本清单"
	default:
		return "施行前发生的违法行为，适用违法行为发生时施行的清单；本清单列入而原清单未列入的，适用本清单（参照《中华人民共和国行政处罚法》第三十七条）"
	}
	if l.Transition != nil && l.Transition.Citation != nil {
		s += "（" + citeShort(l.Transition.Citation) + "）"
	}
	return s
}

// withListRemark adds to a row's 备注 the lists that list the item.
func withListRemark(row []Cell, remark string) []Cell {
	if remark == "" {
		return row
	}
	last := &row[len(row)-1]
	if last.Text != "" {
		last.Text += "\n"
	}
	last.Text += remark
	return row
}
