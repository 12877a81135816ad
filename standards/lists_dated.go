package standards

import (
	"slices"
	"strings"

	"github.com/jizhun/jizhun/catalog"
)

// The published lists of the catalog (catalog.List) carry their own 文号,
// term and transition rule: the 首违不罚清单 and the 轻微违法不予处罚清单
// state them under the grid, and a row whose benchmark names a list says in
// its 备注 which of the lists list the item.

// listedIn says which lists of the kind list the item, for its 备注:
// 列入《…》（文号，2024年1月1日起施行）, with the list's own 备注 on the
// entry.
func (b *builder) listedIn(kind, code string) string {
	var on []string
	for _, l := range b.cat.Lists {
		if l.Kind != kind {
			continue
		}
		if e := l.Entry(code); e != nil {
			term := listTerm(l)
			if e.Note != "" {
				term += "；备注：" + e.Note
			}
			on = append(on, listTitle(l)+"（"+term+"）")
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
		return "施行前发生的违法行为，适用违法行为发生时施行的清单；按原清单不符合不予处罚条件、按本清单符合的，适用本清单（参照《中华人民共和国行政处罚法》第三十七条）"
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

// situationColumn is the column of the situations (适用情形) the lists
// state for their items, in the lists' own words.
var situationColumn = Column{"适用情形", 36}

// entrySituations states, for a row's 适用情形, the situation each list of
// the kind sets out for the item (its entry's label; the condition
// rendered, where the table prints rendered wording; 未另列适用情形 for a
// list that names the item alone), named by its list where the catalog
// has several lists of the kind; nothing where no list states one. The
// benchmark's own conditions stay in 适用条件: a case must meet both.
func (b *builder) entrySituations(kind, code string) string {
	n := 0
	for _, l := range b.cat.Lists {
		if l.Kind == kind {
			n++
		}
	}
	var lines []string
	stated := false
	for _, l := range b.cat.Lists {
		if l.Kind != kind {
			continue
		}
		e := l.Entry(code)
		if e == nil {
			continue
		}
		text := "未另列适用情形"
		if e.When != nil {
			text = b.wording(e.Label, b.c.text(e.When))
			stated = true
		}
		if n > 1 {
			text = listTitle(l) + "：" + text
		}
		lines = append(lines, text)
	}
	if !stated {
		return ""
	}
	return strings.Join(lines, "\n")
}

// withSituations adds the 适用情形 column after 适用条件 where a list
// states the situation of some row's item; a list that names its items
// without one adds nothing.
func withSituations(s *Section, situations []string) {
	if !slices.ContainsFunc(situations, func(x string) bool { return x != "" }) {
		return
	}
	at := slices.IndexFunc(s.Columns, func(c Column) bool { return c.Title == "适用条件" }) + 1
	s.Columns = insertAt(s.Columns, at, situationColumn)
	for r := range s.Rows {
		s.Rows[r] = insertAt(s.Rows[r], at, Cell{Text: situations[r]})
	}
}
