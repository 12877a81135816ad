package standards

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// ChangeKind says what happened to a part of a catalog between versions.
type ChangeKind string

const (
	Added   ChangeKind = "added"   // 新增
	Removed ChangeKind = "removed" // 删除
	Changed ChangeKind = "changed" // 修改
)

// Label is the Chinese word for the change.
func (k ChangeKind) Label() string {
	switch k {
	case Added:
		return "新增"
	case Removed:
		return "删除"
	}
	return "修改"
}

// Change is one difference between two versions of a catalog.
type Change struct {
	Kind ChangeKind `json:"kind"`
	// Path names the part from the top (事项 … › 版本 v1 › 阶次 …); Key is
	// its stable identifier (item:330217ZH001/version:v1/grade:general).
	Path []string `json:"path"`
	Key  string   `json:"key"`
	// For a changed field: the field and its old and new text (empty when
	// the field was not set).
	Field string `json:"field,omitempty"`
	Old   string `json:"old,omitempty"`
	New   string `json:"new,omitempty"`
	// For an added or removed part: everything it holds, as the new (or
	// old) catalog states it.
	Fields []Field `json:"fields,omitempty"`
}

// DiffSource names one side of a comparison.
type DiffSource struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Version string `json:"version,omitempty"`
	Doc     string `json:"doc_number,omitempty"`
	Digest  string `json:"digest"`
}

// DiffReport is what changed between two versions of a catalog, in the
// order of the new catalog, with removed parts after the parts that follow
// them in the old one. Conditions and amounts are compared in their rendered
// Chinese form (what a published table shows) and conditions also as
// expressions (what the engine runs).
type DiffReport struct {
	Old     DiffSource `json:"old"`
	New     DiffSource `json:"new"`
	Changes []Change   `json:"changes"`
}

// Diff compares two versions of a catalog: which items, grades, ranges,
// conditions, lists and header fields were added, removed or changed. Both
// catalogs must be loaded; the error, if any, is a catalog.Diagnostics for
// conditions that do not compile.
func Diff(old, new *catalog.Catalog) (*DiffReport, error) {
	a, err := outline(old)
	if err != nil {
		return nil, err
	}
	b, err := outline(new)
	if err != nil {
		return nil, err
	}
	r := &DiffReport{Old: sourceOf(old), New: sourceOf(new)}
	diffNodes(a, b, nil, &r.Changes)
	return r, nil
}

func sourceOf(c *catalog.Catalog) DiffSource {
	return DiffSource{ID: c.ID, Title: c.Title, Version: c.Version, Doc: c.DocNumber, Digest: c.Digest}
}

// dnode is one comparable part of a catalog.
type dnode struct {
	key, name string
	fields    []Field
	kids      []*dnode
}

func (n *dnode) set(label, value string) {
	if value != "" {
		n.fields = append(n.fields, Field{label, value})
	}
}

func (n *dnode) kid(key, name string) *dnode {
	k := &dnode{key: n.key + "/" + key, name: name}
	if n.key == "" {
		k.key = key
	}
	n.kids = append(n.kids, k)
	return k
}

func diffNodes(a, b *dnode, path []string, out *[]Change) {
	oldVals := map[string]string{}
	for _, f := range a.fields {
		oldVals[f.Label] = f.Value
	}
	newVals := map[string]bool{}
	for _, f := range b.fields {
		newVals[f.Label] = true
		if f.Value != oldVals[f.Label] {
			*out = append(*out, Change{Kind: Changed, Path: path, Key: b.key, Field: f.Label, Old: oldVals[f.Label], New: f.Value})
		}
	}
	for _, f := range a.fields {
		if !newVals[f.Label] {
			*out = append(*out, Change{Kind: Changed, Path: path, Key: b.key, Field: f.Label, Old: f.Value})
		}
	}
	oldKids := map[string]*dnode{}
	for _, k := range a.kids {
		oldKids[k.key] = k
	}
	newKeys := map[string]bool{}
	for _, k := range b.kids {
		newKeys[k.key] = true
	}
	emitRemoved := func(k *dnode) {
		*out = append(*out, Change{Kind: Removed, Path: appendPath(path, k.name), Key: k.key, Fields: flattenNode(k, "")})
	}
	// Removed parts are reported where they stood: before the first new
	// part that followed them in the old catalog.
	oldIndex := 0
	for _, k := range b.kids {
		if o, ok := oldKids[k.key]; ok {
			for ; oldIndex < len(a.kids) && a.kids[oldIndex] != o; oldIndex++ {
				if !newKeys[a.kids[oldIndex].key] {
					emitRemoved(a.kids[oldIndex])
				}
			}
			oldIndex++
			diffNodes(o, k, appendPath(path, k.name), out)
			continue
		}
		*out = append(*out, Change{Kind: Added, Path: appendPath(path, k.name), Key: k.key, Fields: flattenNode(k, "")})
	}
	for ; oldIndex < len(a.kids); oldIndex++ {
		if !newKeys[a.kids[oldIndex].key] {
			emitRemoved(a.kids[oldIndex])
		}
	}
}

func appendPath(path []string, name string) []string {
	return append(append([]string(nil), path...), name)
}

// flattenNode lists a part's fields and those of its parts, each labelled
// with the path below the part.
func flattenNode(n *dnode, prefix string) []Field {
	var out []Field
	for _, f := range n.fields {
		out = append(out, Field{prefix + f.Label, f.Value})
	}
	for _, k := range n.kids {
		out = append(out, flattenNode(k, prefix+k.name+" › ")...)
	}
	return out
}

// outline turns a catalog into the tree Diff compares.
func outline(cat *catalog.Catalog) (*dnode, error) {
	c, err := compileCatalog(cat)
	if err != nil {
		return nil, err
	}
	b := &builder{c: c, cat: cat, opts: TableOptions{Wording: WordingRendered}}
	root := &dnode{}
	b.outlineHeader(root.kid("header", "基准信息"))
	for _, f := range cat.Facts {
		outlineFact(root.kid("fact:"+f.Name, "事实 "+f.Name+"（"+f.Label+"）"), f)
	}
	for _, f := range cat.Factors {
		b.outlineFactor(root.kid("factor:"+f.ID, "情形 "+f.ID+"（"+f.Label+"）"), f)
	}
	b.outlineConstraints(root, cat.Constraints)
	b.outlineCounts(root, cat.Counts)
	for _, g := range cat.Groups {
		root.kid("group:"+g.ID, "事项组 "+g.ID+"（"+g.Label+"）").set("事项", strings.Join(g.Items, "、"))
	}
	for _, it := range cat.Items {
		b.outlineItem(root.kid("item:"+it.Code, "事项 "+it.Code+" "+it.Name), it)
	}
	return root, nil
}

func (b *builder) outlineHeader(n *dnode) {
	cat := b.cat
	n.set("标题", cat.Title)
	n.set("发布机关", cat.Issuer)
	n.set("文号", cat.DocNumber)
	n.set("版本", cat.Version)
	n.set("说明", cat.Notice)
	if cat.Published != nil {
		n.set("公布日期", cat.Published.String())
	}
	n.set("施行日期", cat.Effective.String())
	if cat.Expires != nil {
		n.set("有效期至", cat.Expires.String())
	}
	n.set("阶次划分方法", SchemeLabel(cat.TierScheme))
	if u := cat.Rounding.Unit; u != nil {
		n.set("罚款取整单位", yuan(*u))
	}
	t := cat.Thresholds
	if t.SimpleProcedure.Individual != nil && t.SimpleProcedure.Organization != nil {
		n.set("简易程序罚款限额", "个人"+yuan(*t.SimpleProcedure.Individual)+"，单位"+yuan(*t.SimpleProcedure.Organization))
	}
	if t.OnTheSpot != nil {
		n.set("当场收缴限额", yuan(*t.OnTheSpot))
	}
	if h := t.Hearing; h != nil {
		var parts []string
		for _, p := range []struct {
			label string
			a     *catalog.HearingAmount
		}{{"个人", h.Individual}, {"单位", h.Organization}} {
			if p.a == nil {
				continue
			}
			word := "以上"
			if !p.a.Inclusive {
				word = "（不含本数）以上"
			}
			parts = append(parts, p.label+yuan(p.a.Amount)+word)
		}
		n.set("听证标准", strings.Join(parts, "，")+"（"+citeShort(h.Citation)+"）")
	}
	n.set("个体工商户适用", t.IndividualBusinessAs.Label())
	pol := cat.Policies
	n.set("未成年人", "应当"+pol.Minors.Label())
	n.set("从轻与从重情节并存", mixedNote(pol.MixedFactors))
	n.set("追责时效", fmt.Sprintf("%d年，延长时%d年", pol.Limitation.Years, pol.Limitation.ExtendedYears))
	if f := pol.MitigationFloor; f != nil {
		n.set("减轻处罚下限", "法定最低罚款的"+percent(f.Shift(2)))
	}
	b.outlineRule(n, "无过错不罚", pol.NoFault)
	b.outlineRule(n, "法制审核", cat.Procedure.LegalReview)
	b.outlineRule(n, "集体讨论", cat.Procedure.CollectiveDiscussion)
}

func (b *builder) outlineRule(n *dnode, label string, r *catalog.Rule) {
	if r == nil {
		return
	}
	n.set(label+"条件", b.c.text(r.When))
	n.set(label+"规则", b.c.source(r.When))
	n.set(label+"表述", r.Label)
	n.set(label+"依据", citeShort(r.Citation))
}

func outlineFact(n *dnode, f *catalog.Fact) {
	n.set("名称", f.Label)
	n.set("类型", string(f.Type))
	n.set("单位", f.Unit)
	var vals []string
	for _, v := range f.Values {
		vals = append(vals, v.Name+"="+v.Label)
	}
	n.set("取值", strings.Join(vals, "；"))
	switch {
	case f.Min != nil && f.Max != nil:
		n.set("范围", f.Min.String()+"～"+f.Max.String())
	case f.Min != nil:
		n.set("范围", "≥"+f.Min.String())
	case f.Max != nil:
		n.set("范围", "≤"+f.Max.String())
	}
	if f.Required {
		n.set("必填", "是")
	}
	if f.Default != nil {
		n.set("默认值", f.Default.Value.String())
	}
	if f.Undeterminable {
		n.set("可以无法确定", "是")
	}
}

func (b *builder) outlineFactor(n *dnode, f *catalog.Factor) {
	n.set("情形", f.Label)
	mode := "可以"
	if f.Mandatory {
		mode = "应当"
	}
	n.set("适用方式", mode+f.Effect.Label())
	n.set("认定条件", b.c.text(f.When))
	n.set("规则", b.c.source(f.When))
	n.set("依据", citeShort(f.Citation))
}

func (b *builder) outlineItem(n *dnode, it *catalog.Item) {
	n.set("事项名称", it.Name)
	n.set("领域", it.Domain)
	n.set("实施主体", it.CompetentBody)
	n.set("核实状态", it.Verification)
	n.set("核实说明", it.VerificationNote)
	var parties []string
	for _, p := range it.Parties {
		parties = append(parties, p.Label())
	}
	n.set("适用对象", strings.Join(parties, "、"))
	if l := it.Limitation; l != nil {
		if l.Years > 0 {
			n.set("追责时效", strconv.Itoa(l.Years)+"年（"+citeShort(l.Citation)+"）")
		}
		if l.Extended != nil {
			n.set("时效延长条件", b.c.text(l.Extended.When))
		}
	}
	n.set("同时违反", strings.Join(it.Concurrent, "、"))
	n.set("备注", it.Remarks)
	for _, f := range it.Facts {
		outlineFact(n.kid("fact:"+f.Name, "事实 "+f.Name+"（"+f.Label+"）"), f)
	}
	b.outlineConstraints(n, it.Constraints)
	b.outlineCounts(n, it.Counts)
	for _, v := range it.Versions {
		b.outlineVersion(n.kid("version:"+v.ID, "版本 "+v.ID), it, v)
	}
}

func (b *builder) outlineVersion(n *dnode, it *catalog.Item, v *catalog.Version) {
	period := v.EffectiveFrom.String() + "起"
	if v.EffectiveTo != nil {
		period += "，至" + v.EffectiveTo.String()
	}
	n.set("施行期间", period)
	if v.Decriminalized {
		n.set("不再处罚", "新的规定不认为是违法")
	}
	basis := basisOf(it, v)
	n.set("违法依据", citeText(basis.Violated))
	n.set("处罚依据", citeText(basis.Penalty))
	n.set("罚款数额依据", citeText(basis.Amount))
	n.set("责令事项", strings.Join(v.Orders, "、"))
	if p := v.Precondition; p != nil {
		n.set("处罚前提", b.c.text(p.When))
		n.set("处罚前提规则", b.c.source(p.When))
		n.set("处罚前提表述", p.Label)
	}
	var sanctions []string
	for _, s := range v.Sanctions {
		mode := "可以"
		if s.Mandatory {
			mode = "应当"
		}
		text := mode + sanctionLabel(s)
		if s.Type == penalty.Fine && s.Amount != nil {
			text = RenderFineRanges(b.cat, it, s)
			n.set("法定罚款", text)
			if s.Persons != nil {
				n.set("对直接责任人员的法定罚款", personsClause(s.Persons, nil))
			}
			continue
		}
		if p := s.Precondition; p != nil {
			text = b.c.text(p.When) + "的，" + text
		}
		sanctions = append(sanctions, text)
	}
	n.set("其他处罚", strings.Join(sanctions, "；"))
	bm := v.Benchmark
	if bm == nil {
		return
	}
	if bm.TierScheme != "" {
		n.set("阶次划分方法", SchemeLabel(bm.TierScheme))
	}
	if sel := b.cat.SelectionFor(bm); len(bm.Grades) > 1 {
		n.set("阶次适用方式", selectionNote(sel))
	}
	for _, g := range bm.Grades {
		gn := n.kid("grade:"+g.ID, "阶次 "+g.ID+"（"+g.Label+"）")
		gn.set("阶次名称", g.Label)
		gn.set("阶次", g.Tier.Label())
		gn.set("法定罚款幅度", b.c.rangeLabel(fineOf(v), g))
		gn.set("适用条件", b.c.text(g.When))
		gn.set("规则", b.c.source(g.When))
		gn.set("人工表述", g.Description)
		gn.set("处罚标准", b.gradeStandard(it, v, g))
		gn.set("备注", g.Note)
	}
	if e := bm.LightViolation; e != nil {
		en := n.kid("light_violation", "轻微违法不予处罚")
		en.set("适用条件", b.c.text(e.When))
		en.set("规则", b.c.source(e.When))
		en.set("表述", e.Label)
		en.set("依据", citeShort(e.Citation))
		if e.List != "" {
			en.set("清单所列情形", b.entrySituations(catalog.ListLightViolation, it.Code))
		}
	}
	if fo := bm.FirstOffense; fo != nil {
		fn := n.kid("first_offense", "首违不罚")
		listed := "否"
		if b.cat.FirstOffenseListed(it.Code, fo) {
			listed = "是"
		}
		fn.set("列入清单", listed)
		if fo.List != "" {
			fn.set("清单", b.listedIn(catalog.ListFirstOffense, it.Code))
			fn.set("清单所列情形", b.entrySituations(catalog.ListFirstOffense, it.Code))
		}
		fn.set("既往违法", priorPhrase(fo))
		fn.set("适用条件", b.c.text(fo.When))
		fn.set("规则", b.c.source(fo.When))
		fn.set("表述", fo.Label)
		fn.set("依据", citeShort(fo.Citation))
	}
	if cm := bm.Commitment; cm != nil {
		cn := n.kid("commitment", "告知承诺")
		cn.set("适用条件", b.c.text(cm.When))
		cn.set("规则", b.c.source(cm.When))
		cn.set("改正期限", strconv.Itoa(cm.DeadlineDays)+"日")
		cn.set("表述", cm.Label)
		cn.set("依据", citeShort(cm.Citation))
	}
	if o := bm.Offset; o != nil {
		on := n.kid("public_service_offset", "公益抵罚")
		on.set("适用条件", b.c.text(o.When))
		on.set("规则", b.c.source(o.When))
		std := "每" + perLabel(o.Per) + "折抵" + yuan(o.Rate)
		if o.MaxFine != nil {
			std += "，限罚款" + yuan(*o.MaxFine) + "以下"
		}
		on.set("折抵标准", std)
		on.set("依据", citeShort(o.Citation))
	}
	for _, f := range bm.Factors {
		b.outlineFactor(n.kid("factor:"+f.ID, "情形 "+f.ID+"（"+f.Label+"）"), f)
	}
}

// WriteText writes the report for review: a header naming both versions,
// then the changes grouped by the part they concern, with old and new text
// side by side. The text is also valid Markdown.
func (r *DiffReport) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# 裁量基准变更对照\n\n")
	fmt.Fprintf(bw, "- 原版本：%s\n", describeSource(r.Old))
	fmt.Fprintf(bw, "- 新版本：%s\n", describeSource(r.New))
	if len(r.Changes) == 0 {
		if r.Old.Digest == r.New.Digest {
			bw.WriteString("\n两个文件内容相同。\n")
		} else {
			bw.WriteString("\n规则内容没有变化（文件的差异不影响事项、阶次、幅度、条件和清单）。\n")
		}
		return bw.Flush()
	}
	fmt.Fprintf(bw, "- 变更：%s\n", r.summary())
	var last string
	for _, c := range r.Changes {
		heading := strings.Join(c.Path, " › ")
		switch c.Kind {
		case Added, Removed:
			fmt.Fprintf(bw, "\n## %s %s\n\n", c.Kind.Label(), mdInline(heading))
			for _, f := range c.Fields {
				fmt.Fprintf(bw, "- %s：%s\n", mdInline(f.Label), diffValue(f.Label, f.Value))
			}
			last = ""
			continue
		}
		if heading != last {
			fmt.Fprintf(bw, "\n## %s\n\n", mdInline(heading))
			last = heading
		}
		old, new := diffValue(c.Field, c.Old), diffValue(c.Field, c.New)
		switch {
		case c.Old == "":
			fmt.Fprintf(bw, "- 新增 %s：%s\n", c.Field, new)
		case c.New == "":
			fmt.Fprintf(bw, "- 删除 %s：%s\n", c.Field, old)
		default:
			fmt.Fprintf(bw, "- 修改 %s\n  - 原：%s\n  - 新：%s\n", c.Field, old, new)
		}
	}
	return bw.Flush()
}

// diffValue formats a value for the text report: expressions as code, the
// rest as escaped Markdown text.
func diffValue(label, v string) string {
	if strings.HasSuffix(label, "规则") && v != "" && !strings.Contains(v, "`") {
		return "`" + v + "`"
	}
	return mdInline(v)
}

func describeSource(s DiffSource) string {
	var parts []string
	for _, p := range []string{s.ID, s.Version, s.Doc} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return s.Title + "（" + strings.Join(parts, "，") + "）" + s.Digest
}

// summary counts the changes by kind and part.
func (r *DiffReport) summary() string {
	counts := map[string]int{}
	for _, c := range r.Changes {
		counts[c.Kind.Label()]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s%d处", k, counts[k]))
	}
	return strings.Join(parts, "，")
}

// WriteJSON writes the report as indented JSON.
func (r *DiffReport) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
