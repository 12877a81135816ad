package standards

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// Columns of the 裁量基准表.
const (
	colSeq = iota
	colCode
	colName
	colViolated
	colPenalty
	colGrade
	colCondition
	colStandard
	colRemarks
	numBenchmarkCols
)

var benchmarkColumns = []Column{
	{"序号", 6}, {"事项代码", 22}, {"事项名称（违法行为）", 14}, {"违法依据", 28}, {"处罚依据", 44},
	{"裁量阶次", 16}, {"适用条件", 26}, {"处罚标准（裁量幅度）", 28}, {"备注", 34},
}

// benchmark builds the 裁量基准表: one block per item, one row per grade,
// the item's own columns merged over its rows and the version's columns
// (basis, remarks) over the version's rows.
func (b *builder) benchmark() *Section {
	s := &Section{List: ListBenchmark, Title: ListBenchmark.Title(), Columns: benchmarkColumns}
	schemes := map[penalty.Scheme]bool{}
	for i, it := range b.cat.Items {
		start := len(s.Rows)
		for j, v := range b.shownVersions(it) {
			vstart := len(s.Rows)
			s.Rows = append(s.Rows, b.versionRows(it, v, j == 0, schemes)...)
			s.sources = append(s.sources, versionSources(it, v)...)
			n := len(s.Rows) - vstart
			merged := []int{colViolated, colPenalty, colRemarks}
			if hasGradeNotes(v) {
				merged = merged[:2] // each row has its own 备注
			}
			for _, col := range merged {
				merge(s.Rows, col, vstart, n)
			}
		}
		s.Rows[start][colSeq].Text = strconv.Itoa(i + 1)
		s.Rows[start][colCode].Text = it.Code
		s.Rows[start][colName].Text = it.Name
		for _, col := range []int{colSeq, colCode, colName} {
			merge(s.Rows, col, start, len(s.Rows)-start)
		}
	}
	s.Notes = []string{"本表所称“以上”“以下”“不超过”包括本数，“超过”“不足”不包括本数。"}
	s.Notes = append(s.Notes, selectionNotes(b.cat, b.cat.Items, b.shownVersions)...)
	if b.opts.Wording != WordingHand {
		s.Notes = append(s.Notes, "“适用条件”栏由本基准的可执行规则转写。")
	} else {
		s.Notes = append(s.Notes, "“适用条件”栏由本基准的可执行规则转写；制定机关另行撰写表述的，列示该表述。")
	}
	if note := b.constraintNote(); note != "" {
		s.Notes = append(s.Notes, note)
	}
	if note := b.countNote(); note != "" {
		s.Notes = append(s.Notes, note)
	}
	for _, sc := range []penalty.Scheme{b.cat.TierScheme, penalty.Midpoint, penalty.Lower30Upper30, penalty.MaxOnly4060} {
		if schemes[sc] {
			s.Notes = append(s.Notes, SchemeNote(sc))
			delete(schemes, sc)
		}
	}
	return s
}

// versionRows are the rows of one version of an item: one per grade. The
// item's own remarks go with its first version shown.
func (b *builder) versionRows(it *catalog.Item, v *catalog.Version, first bool, schemes map[penalty.Scheme]bool) [][]Cell {
	basis := basisOf(it, v)
	penaltyText := citeText(basis.Penalty)
	if basis.Amount != nil {
		penaltyText += "\n罚款数额依据：" + citeText(basis.Amount)
	}
	remarks, alert := b.remarks(it, v, first, schemes)
	newRow := func() []Cell { return make([]Cell, numBenchmarkCols) }
	var rows [][]Cell
	switch {
	case v.Decriminalized || v.Benchmark == nil:
		row := newRow()
		row[colGrade].Text = "—"
		row[colCondition].Text = "—"
		row[colStandard].Text = "自" + chineseDate(v.EffectiveFrom) + "起不予行政处罚（新的规定不认为是违法）"
		if !v.Decriminalized {
			// A clause that prescribes only orders: nothing to grade.
			row[colStandard].Text = "本条款未规定行政处罚，仅责令改正"
		}
		rows = append(rows, row)
	default:
		sharing := rowsSharing(b.cat, b.c, it, v)
		for j, g := range v.Benchmark.Grades {
			row := newRow()
			row[colGrade].Text = g.Label
			if g.TierPos.IsValid() && !strings.Contains(g.Label, g.Tier.Label()) {
				// Only where the standard states a tier.
				row[colGrade].Text += "\n（" + g.Tier.Label() + "）"
			}
			row[colCondition].Text = b.gradeCondition(g, sharing[j])
			if l := b.c.rangeLabel(fineOf(v), g); l != "" {
				// Each statutory range with its own rows.
				row[colCondition].Text = "【" + l + "】\n" + row[colCondition].Text
			}
			row[colStandard].Text = b.gradeStandard(it, v, g)
			row[colRemarks].Text = g.Note
			rows = append(rows, row)
		}
	}
	rows[0][colViolated].Text = citeText(basis.Violated)
	rows[0][colPenalty].Text = penaltyText
	if hasGradeNotes(v) && rows[0][colRemarks].Text != "" {
		remarks = joinLines([]string{remarks, rows[0][colRemarks].Text})
	}
	rows[0][colRemarks] = Cell{Text: remarks, Alert: alert}
	return rows
}

// gradeCondition is a row's 适用条件: the condition that selects it. Under
// first match a row whose own condition also holds for cases rows before
// it take says so on the row (FirstMatchNote), and a catch-all row after
// others is 其他情形, not 所有情形. Under heaviest and exclusive a row is
// its own condition, and the table's notes state the rule once
// (selectionNotes).
func (b *builder) gradeCondition(g *catalog.Grade, sharing bool) string {
	rendered := b.c.text(g.When)
	if sharing && rendered == renderedAll {
		rendered = "其他情形"
	}
	text := b.wording(g.Description, rendered)
	if sharing && !statesRule(text) {
		text += "\n" + FirstMatchNote
	}
	return text
}

func hasGradeNotes(v *catalog.Version) bool {
	if v.Benchmark == nil {
		return false
	}
	for _, g := range v.Benchmark.Grades {
		if g.Note != "" {
			return true
		}
	}
	return false
}

// versionSources are where the rows of versionRows are written: each
// grade, or the version for a row without grades.
func versionSources(it *catalog.Item, v *catalog.Version) []catalog.Pos {
	if v.Decriminalized || v.Benchmark == nil {
		if v.Pos.IsValid() {
			return []catalog.Pos{v.Pos}
		}
		return []catalog.Pos{it.Pos}
	}
	out := make([]catalog.Pos, len(v.Benchmark.Grades))
	for i, g := range v.Benchmark.Grades {
		out[i] = g.Pos
	}
	return out
}

// gradeStandard is the 处罚标准 of a grade: the penalties imposed at it and
// its fine range (没收违法所得，并处1万元以上2万元以下罚款).
func (b *builder) gradeStandard(it *catalog.Item, v *catalog.Version, g *catalog.Grade) string {
	var others []string
	for _, s := range v.Sanctions {
		if s.Type == penalty.Fine || s.Precondition != nil {
			continue
		}
		if s.Mandatory || gradeChooses(g, s.Type) {
			others = append(others, sanctionLabel(s))
		}
	}
	fine := RenderGradeFine(b.cat, it, v, g)
	if fine != "" && fine != "不予罚款" {
		fine = withPersons(b.cat, it, v, g, fine)
	}
	switch {
	case len(others) == 0 && fine == "":
		return "—"
	case len(others) == 0:
		return fine
	case fine == "":
		return strings.Join(others, "、")
	case fine == "不予罚款":
		return strings.Join(others, "、") + "，不予罚款"
	case strings.HasPrefix(fine, "可以处"):
		return strings.Join(others, "、") + "，可以并处" + strings.TrimPrefix(fine, "可以处")
	}
	return strings.Join(others, "、") + "，并" + fine
}

func gradeChooses(g *catalog.Grade, t penalty.SanctionType) bool {
	for _, s := range g.Sanctions {
		if s == t {
			return true
		}
	}
	return false
}

func sanctionLabel(s *catalog.Sanction) string {
	label := s.Type.Label()
	if s.Type == penalty.Warning {
		label = "给予警告"
	}
	if s.Note != "" && s.Note != label {
		label += "（" + s.Note + "）"
	}
	return label
}

// remarks are the 备注 of a version: verification status first, then the
// statutory amount, conditions of the penalty, orders, lists the item is on,
// and — with the item's first version shown — what concerns the item as a
// whole (parties, limitation, concurrent items, the author's remarks).
func (b *builder) remarks(it *catalog.Item, v *catalog.Version, first bool, schemes map[penalty.Scheme]bool) (string, bool) {
	var lines []string
	alert := false
	if it.Verification == "unverified" {
		// The verification note says, for the people who keep the
		// catalog, where the clause was read and what is left to check;
		// the table says only that it is unverified, and prints what the
		// public should know from the item's remarks.
		alert = true
		lines = append(lines, "【条文待核实】本事项所引条文尚未与正式文本核对")
	}
	if note := b.versionNote(it, v); note != "" {
		lines = append(lines, note)
	}
	if fine := fineOf(v); fine != nil && fine.Amount != nil {
		line := "法定罚款：" + RenderFineRanges(b.cat, it, fine)
		lines = append(lines, line)
		if p := personsRemark(v); p != "" {
			lines = append(lines, p)
		}
	}
	if p := v.Precondition; p != nil {
		lines = append(lines, "处罚前提："+b.wording(p.Label, b.c.text(p.When)+"的，方可给予处罚"))
	}
	for _, s := range v.Sanctions {
		switch {
		case s.Type == penalty.Fine:
		case s.Precondition != nil:
			// A hand label states the condition (有违法所得) or the whole
			// sentence (有违法所得的，没收违法所得); the line states both.
			what := s.Type.Label()
			hand := s.Precondition.Label
			if hand != "" && !strings.Contains(hand, what) && !strings.Contains(hand, "，") {
				hand = strings.TrimSuffix(hand, "的") + "的，" + what
			}
			lines = append(lines, "另："+b.wording(hand, b.c.text(s.Precondition.When)+"的，"+what))
		case !s.Mandatory && !anyGradeChooses(v, s.Type):
			lines = append(lines, "另：可以并处"+sanctionLabel(s))
		}
	}
	if len(v.Orders) > 0 {
		lines = append(lines, "责令事项："+strings.Join(v.Orders, "、"))
	}
	if bm := v.Benchmark; bm != nil {
		lines = append(lines, b.benchmarkRemarks(it, bm, schemes)...)
	}
	if !first {
		return joinLines(lines), alert
	}
	lines = append(lines, b.constraintLines(it.Constraints)...)
	lines = append(lines, b.countLines(it)...)
	if len(it.Parties) > 0 {
		labels := make([]string, len(it.Parties))
		for i, p := range it.Parties {
			labels[i] = p.Label()
		}
		lines = append(lines, "适用对象："+strings.Join(labels, "、"))
	}
	if l := it.Limitation; l != nil {
		if l.Years > 0 {
			lines = append(lines, fmt.Sprintf("追责时效：%d年（%s）", l.Years, citeShort(l.Citation)))
		}
		if l.Extended != nil {
			lines = append(lines, fmt.Sprintf("追责时效延长至%d年的情形：%s", b.cat.Policies.Limitation.ExtendedYears, b.c.text(l.Extended.When)))
		}
	}
	if len(it.Concurrent) > 0 {
		lines = append(lines, "同一行为可能同时违反："+strings.Join(it.Concurrent, "、")+"，按照罚款数额高的规定处罚（《中华人民共和国行政处罚法》第二十九条）")
	}
	if it.Remarks != "" {
		lines = append(lines, it.Remarks)
	}
	return joinLines(lines), alert
}

func anyGradeChooses(v *catalog.Version, t penalty.SanctionType) bool {
	if v.Benchmark == nil {
		return false
	}
	for _, g := range v.Benchmark.Grades {
		if gradeChooses(g, t) {
			return true
		}
	}
	return false
}

func (b *builder) benchmarkRemarks(it *catalog.Item, bm *catalog.Benchmark, schemes map[penalty.Scheme]bool) []string {
	var lines []string
	scheme := b.cat.SchemeFor(bm)
	for _, g := range bm.Grades {
		if usesScheme(g.Fine) {
			schemes[scheme] = true
			if scheme != b.cat.TierScheme {
				lines = append(lines, "阶次划分："+SchemeLabel(scheme))
			}
			break
		}
	}
	if fo := bm.FirstOffense; fo != nil {
		switch {
		case fo.List != "" && b.cat.FirstOffenseListed(it.Code, fo):
			lines = append(lines, "首违不罚："+b.listedIn(catalog.ListFirstOffense, it.Code))
		case fo.Listed:
			lines = append(lines, "列入首违不罚清单")
		default:
			lines = append(lines, "首违不罚：未列入清单，符合条件的由执法人员依法裁量")
		}
	}
	if bm.LightViolation != nil {
		lines = append(lines, "列入轻微违法行为不予处罚清单")
	}
	if cm := bm.Commitment; cm != nil {
		lines = append(lines, fmt.Sprintf("告知承诺：%s（改正期限%d日；依据%s）",
			b.wording(cm.Label, b.c.text(cm.When)+"的，可以适用告知承诺制"), cm.DeadlineDays, citeShort(cm.Citation)))
	}
	if o := bm.Offset; o != nil {
		line := fmt.Sprintf("公益抵罚：%s的，可以申请以公益服务折抵罚款，每%s折抵%s", b.c.text(o.When), perLabel(o.Per), yuan(o.Rate))
		if o.MaxFine != nil {
			line += "（限罚款" + yuan(*o.MaxFine) + "以下）"
		}
		lines = append(lines, line+"（依据"+citeShort(o.Citation)+"）")
	}
	for _, f := range bm.Factors {
		line := fmt.Sprintf("本事项%s情形：%s", f.Effect.Label(), f.Label)
		if how := f.Describe(b.cat.EffectsOrderFor(bm)); how != "" {
			line += "（" + how + "）"
		}
		lines = append(lines, line)
	}
	return lines
}

func usesScheme(gf *catalog.GradeFine) bool {
	if gf == nil {
		return false
	}
	if gf.Unit == catalog.UnitTier {
		return true
	}
	for _, pf := range gf.ByParty {
		if usesScheme(pf.Fine) {
			return true
		}
	}
	return false
}

func perLabel(per string) string {
	switch per {
	case "hour":
		return "小时"
	case "day":
		return "日"
	}
	return per
}
