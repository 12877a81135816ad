package standards

import (
	"github.com/jizhun/jizhun/catalog"
)

// constraintLines state constraints between facts as a table prints them:
// the label (or the rendered rule, as the wording option says) and the
// citation where there is one.
func (b *builder) constraintLines(cs []*catalog.Constraint) []string {
	var lines []string
	for _, k := range cs {
		line := "事实约束：" + b.wording(k.Label, b.c.text(k.Holds))
		if k.Citation != nil {
			line += "（依据" + citeShort(k.Citation) + "）"
		}
		lines = append(lines, line)
	}
	return lines
}

// constraintNote is the note under the 裁量基准表 that states the
// catalog's constraints, which bind every item; empty without any.
func (b *builder) constraintNote() string {
	lines := b.constraintLines(b.cat.Constraints)
	if len(lines) == 0 {
		return ""
	}
	note := "本基准的事实约束，各事项的案件均须符合（不符合的事实组合不可能成立，应当核实案件事实）："
	for i, l := range lines {
		if i > 0 {
			note += "；"
		}
		note += l[len("事实约束："):]
	}
	return note + "。"
}

// outlineConstraints adds constraints to a catalog diff's tree, one node
// each: what the table says (label, rendered rule) and what runs.
func (b *builder) outlineConstraints(n *dnode, cs []*catalog.Constraint) {
	for _, k := range cs {
		kn := n.kid("constraint:"+k.ID, "事实约束 "+k.ID+"（"+k.Label+"）")
		kn.set("约束", k.Label)
		kn.set("条件", b.c.text(k.Holds))
		kn.set("规则", b.c.source(k.Holds))
		kn.set("依据", citeShort(k.Citation))
	}
}
