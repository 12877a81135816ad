package standards

import (
	"fmt"
	"strings"

	"github.com/jizhun/jizhun/catalog"
)

// countNote is the note under the 裁量基准表 that defines the catalog's
// counters of the history, which rows read as numbers: what is counted, in
// which window, of which items. Empty without any.
func (b *builder) countNote() string {
	if len(b.cat.Counts) == 0 {
		return ""
	}
	defs := make([]string, len(b.cat.Counts))
	for i, c := range b.cat.Counts {
		defs[i] = countDefinition(b.cat, c)
	}
	return "本表所称" + strings.Join(defs, "；") + "。"
}

// countLines are the lines of an item's remarks that define its own
// counters.
func (b *builder) countLines(it *catalog.Item) []string {
	var lines []string
	for _, c := range it.Counts {
		lines = append(lines, "本事项所称"+countDefinition(b.cat, c))
	}
	return lines
}

// countDefinition states a counter in Chinese: "两年内因同一违法行为受过
// 行政处罚的次数”，指本次违法行为发生之日前2年内（首日计入）作出的给予行政处罚
// 的决定的数量（以决定日期计），限于同一违法行为".
func countDefinition(cat *catalog.Catalog, c *catalog.Count) string {
	window := "发生以前"
	if w := c.Window; !w.None {
		switch {
		case w.Years > 0:
			window = fmt.Sprintf("%d年内", w.Years)
		case w.Months > 0:
			window = fmt.Sprintf("%d个月内", w.Months)
		default:
			window = fmt.Sprintf("%d日内", w.Days)
		}
		window = "发生之日前" + window + "（" + c.FirstDay.Label() + "）"
	}
	what, qualifiers := "发生的违法行为", []string{"不论是否给予行政处罚"}
	switch {
	case c.Counting == catalog.CountDecisions && c.Outcomes == catalog.CountPenalty:
		what, qualifiers = "作出的给予行政处罚的决定", nil
	case c.Counting == catalog.CountDecisions:
		what, qualifiers = "作出的处理决定", []string{"含不予行政处罚的决定"}
	}
	if c.Date == catalog.CountDecisionDate {
		qualifiers = append(qualifiers, "以决定日期计")
	} else {
		qualifiers = append(qualifiers, "以违法行为发生日期计")
	}
	items := "限于同一违法行为"
	switch {
	case c.Items == catalog.CountAnyItem:
		items = "不限违法行为种类"
	case c.Group() != "":
		if g := cat.LookupGroup(c.Group()); g != nil {
			items = "限于" + groupText(cat, g)
		}
	}
	s := fmt.Sprintf("“%s”，指本次违法行为%s%s的数量（%s），%s", c.Label, window, what, strings.Join(qualifiers, "，"), items)
	if c.Citation != nil {
		s += "（依据" + citeShort(c.Citation) + "）"
	}
	return s
}

// groupText names a group and its items: 占道类违法行为（330199ZF001 …、…）.
func groupText(cat *catalog.Catalog, g *catalog.Group) string {
	names := make([]string, len(g.Items))
	for i, code := range g.Items {
		names[i] = code
		if it := cat.Item(code); it != nil {
			names[i] = it.Name
		}
	}
	label := g.Label
	if label == "" {
		label = "下列违法行为"
	}
	return label + "（" + strings.Join(names, "、") + "）"
}

// outlineCounts adds counters to a catalog diff's tree, one node each:
// what the table says and what runs.
func (b *builder) outlineCounts(n *dnode, cs []*catalog.Count) {
	for _, c := range cs {
		kn := n.kid("count:"+c.Name, "历史计数 "+c.Name+"（"+c.Label+"）")
		kn.set("定义", countDefinition(b.cat, c))
		kn.set("规则", fmt.Sprintf("window: %s, counting: %s, outcomes: %s, items: %s, first_day: %s, date: %s",
			c.Window, c.Counting, c.Outcomes, c.Items, c.FirstDay, c.Date))
	}
}
