package standards

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jizhun/jizhun/catalog"
)

// Citations of 《中华人民共和国行政处罚法》 for what the engine applies
// itself.
const (
	lawName             = "《中华人民共和国行政处罚法》"
	citeArt30           = lawName + "第三十条"
	citeArt31           = lawName + "第三十一条"
	citeArt33Para1      = lawName + "第三十三条第一款"
	textArt33LightShort = "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚"
	textArt33FirstShort = "初次违法且危害后果轻微并及时改正的，可以不予行政处罚"
)

var exemptionColumns = []Column{
	{"序号", 6}, {"事项代码", 20}, {"违法行为", 26}, {"法律依据", 48},
	{"适用条件", 40}, {"不予处罚依据", 34}, {"备注", 18},
}

// firstOffense builds the 首违不罚清单: the items whose benchmark lists them.
func (b *builder) firstOffense() *Section {
	s := &Section{List: ListFirstOffense, Title: ListFirstOffense.Title(), Columns: exemptionColumns}
	var situations []string // per row: the situations the lists state for the item
	for _, it := range b.cat.Items {
		for _, v := range b.shownVersions(it) {
			if v.Benchmark == nil || v.Benchmark.FirstOffense == nil {
				continue
			}
			fo := v.Benchmark.FirstOffense
			if !fo.Listed && (fo.List == "" || !onAnyList(b.cat, catalog.ListFirstOffense, it.Code)) {
				continue
			}
			rendered := renderConjunction(b.c.expr(fo.When), priorPhrase(fo))
			cite := citeArt33Para1
			if fo.Citation != nil {
				cite = citeShort(fo.Citation)
			}
			row := b.exemptionRow(len(s.Rows)+1, it, v, b.wording(fo.Label, rendered), cite+"\n"+textArt33FirstShort)
			situation := ""
			if fo.List != "" {
				row = withListRemark(row, b.listedIn(catalog.ListFirstOffense, it.Code))
				situation = b.entrySituations(catalog.ListFirstOffense, it.Code)
			}
			s.Rows = append(s.Rows, row)
			s.sources = append(s.sources, fo.Pos)
			situations = append(situations, situation)
		}
	}
	withSituations(s, situations)
	s.Notes = []string{
		"首违不罚属于“可以”不予行政处罚：符合条件的，本基准规定不予行政处罚，执法人员可以依法说明理由后作出不同决定。",
		"对当事人依法不予行政处罚的，应当对当事人进行教育（《中华人民共和国行政处罚法》第三十三条第三款）；仍应当责令当事人改正违法行为。",
		"本清单未列入的事项，当事人符合《中华人民共和国行政处罚法》第三十三条第一款规定的，仍可以依法不予行政处罚。",
	}
	s.Notes = append(b.listNotes(catalog.ListFirstOffense), s.Notes...)
	return s
}

// priorPhrase says which prior violations defeat 首违不罚: 一年内未因同一事项
// 受过行政处罚.
func priorPhrase(fo *catalog.FirstOffense) string {
	window := "此前"
	if !fo.Window.None {
		window = windowLabel(fo.Window)
	}
	byAct := fo.PriorBasis == "act_date"
	switch {
	case fo.SameViolation == "any" && byAct:
		return window + "未实施过违法行为"
	case fo.SameViolation == "any":
		return window + "未受过行政处罚"
	case fo.SameViolation == "same_clause" && byAct:
		return window + "未实施过违反同一条款的违法行为"
	case fo.SameViolation == "same_clause":
		return window + "未因违反同一条款受过行政处罚"
	case byAct:
		return window + "未实施过同一事项违法行为"
	}
	return window + "未因同一事项受过行政处罚"
}

// windowLabel writes a look-back window in words: 一年内, 六个月内, 30日内.
func windowLabel(w catalog.Window) string {
	switch {
	case w.Years > 0:
		return smallNumber(w.Years) + "年内"
	case w.Months > 0:
		return smallNumber(w.Months) + "个月内"
	}
	return strconv.Itoa(w.Days) + "日内"
}

// smallNumber writes 1–99 in Chinese numerals, with 两 for 2 as periods are
// read (两年内).
func smallNumber(n int) string {
	if n == 2 {
		return "两"
	}
	if n > 0 && n < 100 {
		return catalog.ChineseNumber(n)
	}
	return strconv.Itoa(n)
}

// lightViolation builds the 轻微违法行为不予处罚清单.
func (b *builder) lightViolation() *Section {
	s := &Section{List: ListLightViolation, Title: ListLightViolation.Title(), Columns: exemptionColumns}
	var situations []string // per row: the situations the lists state for the item
	for _, it := range b.cat.Items {
		for _, v := range b.shownVersions(it) {
			if v.Benchmark == nil || v.Benchmark.LightViolation == nil {
				continue
			}
			e := v.Benchmark.LightViolation
			if e.List != "" && !onAnyList(b.cat, catalog.ListLightViolation, it.Code) {
				continue
			}
			cite := citeArt33Para1
			if e.Citation != nil {
				cite = citeShort(e.Citation)
			}
			row := b.exemptionRow(len(s.Rows)+1, it, v, b.wording(e.Label, b.c.text(e.When)), cite+"\n"+textArt33LightShort)
			situation := ""
			if e.List != "" {
				row = withListRemark(row, b.listedIn(catalog.ListLightViolation, it.Code))
				situation = b.entrySituations(catalog.ListLightViolation, it.Code)
			}
			s.Rows = append(s.Rows, row)
			s.sources = append(s.sources, e.Pos)
			situations = append(situations, situation)
		}
	}
	withSituations(s, situations)
	s.Notes = []string{
		"符合本清单所列条件的，应当不予行政处罚，并对当事人进行教育（《中华人民共和国行政处罚法》第三十三条第一款、第三款）。",
	}
	s.Notes = append(b.listNotes(catalog.ListLightViolation), s.Notes...)
	return s
}

func (b *builder) exemptionRow(seq int, it *catalog.Item, v *catalog.Version, cond, basis string) []Cell {
	bs := basisOf(it, v)
	law := "违法依据：" + citeShort(bs.Violated) + "\n处罚依据：" + citeShort(bs.Penalty)
	var remarks []string
	alert := false
	if it.Verification == "unverified" {
		alert = true
		remarks = append(remarks, "【条文待核实】")
	}
	if note := b.versionNote(it, v); note != "" {
		remarks = append(remarks, note)
	}
	if len(v.Orders) > 0 {
		remarks = append(remarks, "责令事项："+strings.Join(v.Orders, "、"))
	}
	return []Cell{
		{Text: strconv.Itoa(seq)}, {Text: it.Code}, {Text: it.Name}, {Text: law},
		{Text: cond}, {Text: basis}, {Text: strings.Join(remarks, "\n"), Alert: alert},
	}
}

var factorColumns = []Column{
	{"类别", 8}, {"序号", 6}, {"情形", 36}, {"认定条件（规则转写）", 40},
	{"适用方式", 12}, {"适用范围", 30}, {"依据", 40},
}

// factorRow is one circumstance of the factors list.
type factorRow struct {
	effect    catalog.Effect
	label     string
	cond      string
	mandatory bool
	scope     string
	cite      string
	pos       catalog.Pos // zero for the circumstances of the law itself
	// apply states the effect as the standard publishes it, with its
	// citation where that differs (catalog.FactorApply); "" for the
	// lighter or heavier part of the grade.
	apply string
}

// factorRowOf is the row of a catalog or benchmark factor.
func (b *builder) factorRowOf(f *catalog.Factor, scope string, order []catalog.EffectKind) factorRow {
	r := factorRow{f.Effect, f.Label, b.c.text(f.When), f.Mandatory, scope, citeShort(f.Citation), f.Pos, f.Describe(order)}
	if f.Apply != nil && f.Apply.Citation != nil {
		if c := citeShort(f.Apply.Citation); c != r.cite {
			r.apply += "（" + c + "）"
		}
	}
	return r
}

// factors builds the list of 从重、从轻、减轻 circumstances: those the engine
// applies under the law itself (arts. 30, 31), the catalog's, and each
// item's own, grouped by effect with the group merged.
func (b *builder) factors() *Section {
	s := &Section{List: ListAggravating, Title: ListAggravating.Title(), Columns: factorColumns}
	pol := b.cat.Policies
	rows := []factorRow{
		{effect: pol.Minors, label: "已满十四周岁不满十八周岁的未成年人有违法行为的",
			cond: "违法行为发生时已满14周岁不满18周岁（按当事人出生日期计算）", mandatory: true, scope: "全部事项", cite: citeArt30},
		{effect: catalog.EffectLighter, label: "尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人有违法行为的",
			cond: "当事人行为能力为尚未完全丧失", scope: "全部事项", cite: citeArt31},
	}
	published := false
	for _, f := range b.cat.Factors {
		rows = append(rows, b.factorRowOf(f, "全部事项", b.cat.EffectsOrderFor(nil)))
		published = published || f.Apply != nil
	}
	for _, it := range b.cat.Items {
		for _, v := range b.shownVersions(it) {
			if v.Benchmark == nil {
				continue
			}
			for _, f := range v.Benchmark.Factors {
				rows = append(rows, b.factorRowOf(f, it.Code+" "+it.Name, b.cat.EffectsOrderFor(v.Benchmark)))
				published = published || f.Apply != nil
			}
		}
	}
	for _, eff := range []catalog.Effect{catalog.EffectHeavier, catalog.EffectLighter, catalog.EffectMitigate} {
		start, n := len(s.Rows), 0
		for _, r := range rows {
			if r.effect != eff {
				continue
			}
			n++
			mode := "可以"
			if r.mandatory {
				mode = "应当"
			}
			effect := mode + eff.Label()
			if r.apply != "" {
				effect += "：" + r.apply
			}
			s.Rows = append(s.Rows, []Cell{
				{Text: eff.Label()}, {Text: strconv.Itoa(n)}, {Text: r.label}, {Text: r.cond},
				{Text: effect}, {Text: r.scope}, {Text: r.cite},
			})
			s.sources = append(s.sources, r.pos)
		}
		merge(s.Rows, 0, start, n)
	}
	s.Notes = []string{
		"“应当”为法律规定或者本基准规定必须适用的情节，“可以”为可以适用的情节。",
		"具有减轻处罚情节的，在法定最低罚款以下确定罚款" + floorNote(b.cat) + "。",
		mixedNote(pol.MixedFactors),
	}
	if published {
		s.Notes = append(s.Notes, effectsNote(b.cat.EffectsOrderFor(nil)))
		for _, it := range b.cat.Items {
			for _, v := range b.shownVersions(it) {
				if v.Benchmark != nil && !slices.Equal(b.cat.EffectsOrderFor(v.Benchmark), b.cat.EffectsOrderFor(nil)) {
					s.Notes = append(s.Notes, "事项"+it.Code+"规定了具体调整方式的情节，依次适用"+effectsOrderText(b.cat.EffectsOrderFor(v.Benchmark))+"。")
				}
			}
		}
	}
	return s
}

// effectsOrderText states an effects order in words.
func effectsOrderText(order []catalog.EffectKind) string {
	names := map[catalog.EffectKind]string{catalog.EffectKindGrade: "调整阶次", catalog.EffectKindPoint: "取阶次的最高限、最低限或中间值", catalog.EffectKindPercent: "百分比上浮或下调"}
	steps := make([]string, 0, len(order))
	for _, k := range order {
		steps = append(steps, names[k])
	}
	return strings.Join(steps, "、")
}

// effectsNote states how the effects the standard publishes for its
// circumstances combine and where they stop (discretion/effects.go).
func effectsNote(order []catalog.EffectKind) string {
	return "规定了具体调整方式的情节，依次适用" + effectsOrderText(order) + "，后一调整以前一调整的结果为基础；" +
		"调整一个阶次，即适用同一法定幅度内按表列顺序相邻的阶次，已是最高或最低阶次的不再调整；" +
		"百分比按阶次罚款幅度的上下限同比例计算；调整后的罚款不超出法定幅度，不具有减轻处罚情节的，不低于法定最低罚款。"
}

func floorNote(cat *catalog.Catalog) string {
	f := cat.Policies.MitigationFloor
	if f == nil || f.IsZero() {
		return ""
	}
	return fmt.Sprintf("，但不低于法定最低罚款的百分之%s", chineseDecimal(f.Shift(2)))
}

func mixedNote(e catalog.Effect) string {
	if e == catalog.EffectGeneral {
		return "同时具有从轻和从重情节的，相互抵消，按所处裁量阶次处罚。"
	}
	return "同时具有从轻和从重情节的，从轻情节优先适用。"
}
