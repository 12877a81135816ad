package standards

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/jizhun/jizhun/catalog"
)

// List names one of the published lists a table can hold.
type List string

// The lists, in the order a full table prints them.
const (
	ListBenchmark      List = "benchmark"       // 行政处罚裁量基准表
	ListFirstOffense   List = "first-offense"   // 首违不罚清单
	ListLightViolation List = "light-violation" // 轻微违法行为不予处罚清单
	ListAggravating    List = "aggravating"     // 从重、从轻、减轻处罚情形
)

// Lists returns every list in print order.
func Lists() []List {
	return []List{ListBenchmark, ListFirstOffense, ListLightViolation, ListAggravating}
}

// ParseList reads a list name as the command line writes it.
func ParseList(s string) (List, bool) {
	for _, l := range Lists() {
		if string(l) == s {
			return l, true
		}
	}
	return "", false
}

// Title is the heading of the list in a published table.
func (l List) Title() string {
	switch l {
	case ListBenchmark:
		return "行政处罚裁量基准表"
	case ListFirstOffense:
		return "首违不罚清单"
	case ListLightViolation:
		return "轻微违法行为不予处罚清单"
	case ListAggravating:
		return "从重、从轻、减轻处罚情形"
	}
	return string(l)
}

// SheetName is a short name for the list, usable as a spreadsheet sheet
// name (at most 31 characters, none of []:*?/\).
func (l List) SheetName() string {
	switch l {
	case ListBenchmark:
		return "裁量基准表"
	case ListFirstOffense:
		return "首违不罚清单"
	case ListLightViolation:
		return "轻微违法不予处罚清单"
	case ListAggravating:
		return "从重从轻减轻情形"
	}
	return string(l)
}

// Wording says which text a table prints for a condition that also has hand
// wording (a grade's description, an exemption's label).
type Wording uint8

const (
	// WordingHand prints the author's wording where there is one and the
	// condition rendered from the rule otherwise.
	WordingHand Wording = iota
	// WordingRendered always prints the condition rendered from the rule.
	WordingRendered
	// WordingBoth prints the author's wording followed by the rendered rule
	// where they differ.
	WordingBoth
)

// ParseWording reads hand, rendered or both.
func ParseWording(s string) (Wording, bool) {
	switch s {
	case "hand":
		return WordingHand, true
	case "rendered":
		return WordingRendered, true
	case "both":
		return WordingBoth, true
	}
	return 0, false
}

// TableOptions select what a table holds.
type TableOptions struct {
	// Lists are the lists to include, in order; nil means all of them.
	Lists   []List
	Wording Wording
	// Source adds a last column, 规则出处, that names where in the
	// catalog's file each row is written (catalog.yaml, 第372行): the grade,
	// the exemption or the circumstance. It is for the people who keep a
	// catalog, to check a table against it; a published table leaves it out.
	Source bool
}

// Table is a publishable rendering of a catalog: a header that names
// exactly which rules it shows and one section per list. Writers turn it
// into Markdown, HTML, CSV and XLSX; it holds text only, no layout.
type Table struct {
	Title  string  // the catalog's title
	Meta   []Field // 发布机关, 文号, dates, digest …, in print order
	Notice string  // the catalog's notice, printed prominently when set
	// Sections are the lists, in the order requested.
	Sections []*Section
}

// Field is one labelled value of the header.
type Field struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// Section is one list: a grid of cells under a row of column titles.
type Section struct {
	List    List
	Title   string
	Columns []Column
	// Rows hold one cell per column. A merged cell is its first row's cell
	// with RowSpan (and ColSpan) set; the cells it covers are marked Covered
	// and hold no text.
	Rows  [][]Cell
	Notes []string // footnotes printed under the grid

	// sources are where in the catalog each row is written, parallel to
	// Rows; the zero Pos for a row the law gives rather than the catalog.
	sources []catalog.Pos
}

// Column is a column title and its width in character cells (a Chinese
// character takes two), which writers scale to their units.
type Column struct {
	Title string
	Width int
}

// Cell is one cell of a section. Lines of Text are separated by "\n".
type Cell struct {
	Text    string
	RowSpan int  // >1: the cell spans this many rows
	ColSpan int  // >1: the cell spans this many columns
	Covered bool // inside a merged cell that starts above or to the left
	// Alert marks text a reader must not miss, such as an item whose
	// clauses are not verified.
	Alert bool
}

// Build renders a catalog into a table. The catalog must be loaded
// (catalog.Load fills defaults and versions); its conditions are compiled
// here, and the error, if any, is a catalog.Diagnostics listing every
// condition that does not compile.
func Build(cat *catalog.Catalog, opts TableOptions) (*Table, error) {
	c, err := compileCatalog(cat)
	if err != nil {
		return nil, err
	}
	lists := opts.Lists
	if lists == nil {
		lists = Lists()
	}
	b := &builder{c: c, cat: cat, opts: opts}
	t := &Table{Title: cat.Title, Meta: metaFields(cat), Notice: cat.Notice}
	seen := map[List]bool{}
	for _, l := range lists {
		if seen[l] {
			continue
		}
		seen[l] = true
		var s *Section
		switch l {
		case ListBenchmark:
			s = b.benchmark()
		case ListFirstOffense:
			s = b.firstOffense()
		case ListLightViolation:
			s = b.lightViolation()
		case ListAggravating:
			s = b.factors()
		default:
			return nil, fmt.Errorf("standards: unknown list %q", l)
		}
		if opts.Source {
			addSources(s, cat)
		}
		if len(s.Rows) == 0 {
			s.Rows = [][]Cell{emptyRow(len(s.Columns))}
		}
		t.Sections = append(t.Sections, s)
	}
	t.tidy()
	return t, nil
}

// sourceColumn is the column that names where each row is written.
var sourceColumn = Column{"规则出处", 18}

// addSources adds the 规则出处 column to a section, after the last column
// whose cells are never merged (in the 裁量基准表, after 处罚标准: the
// source varies by grade as the columns before it do, and 备注 is the
// item's), so that the columns that vary row by row stay together.
func addSources(s *Section, cat *catalog.Catalog) {
	at := len(s.Columns)
	for c := len(s.Columns) - 1; c >= 0; c-- {
		if !mergedColumn(s, c) {
			at = c + 1
			break
		}
	}
	s.Columns = insertAt(s.Columns, at, sourceColumn)
	for r := range s.Rows {
		text := "法律规定"
		if r < len(s.sources) && s.sources[r].IsValid() {
			p := s.sources[r]
			file := p.File
			if file == "" {
				file = cat.File
			}
			text = fmt.Sprintf("%s\n第%d行", filepath.Base(file), p.Line)
		}
		s.Rows[r] = insertAt(s.Rows[r], at, Cell{Text: text})
	}
}

// mergedColumn reports whether a cell of column c spans rows.
func mergedColumn(s *Section, c int) bool {
	for _, row := range s.Rows {
		if c < len(row) && row[c].RowSpan > 1 {
			return true
		}
	}
	return false
}

func insertAt[T any](list []T, i int, x T) []T {
	out := make([]T, 0, len(list)+1)
	out = append(out, list[:i]...)
	out = append(out, x)
	return append(out, list[i:]...)
}

func emptyRow(n int) []Cell {
	row := make([]Cell, n)
	row[0] = Cell{Text: "本基准未列入任何事项。", ColSpan: n}
	for i := 1; i < n; i++ {
		row[i].Covered = true
	}
	return row
}

func metaFields(cat *catalog.Catalog) []Field {
	var fs []Field
	add := func(label, value string) {
		if value != "" {
			fs = append(fs, Field{label, value})
		}
	}
	add("基准编号", cat.ID)
	add("发布机关", cat.Issuer)
	add("文号", cat.DocNumber)
	add("版本", cat.Version)
	if cat.Published != nil {
		add("公布日期", chineseDate(*cat.Published))
	}
	add("施行日期", chineseDate(cat.Effective))
	if cat.Expires != nil {
		add("有效期至", chineseDate(*cat.Expires))
	}
	add("收录事项", strconv.Itoa(len(cat.Items))+"项")
	add("内容摘要", cat.Digest)
	return fs
}

// MetaLine joins the header fields into one line (发布机关：…　文号：…).
func (t *Table) MetaLine() string {
	parts := make([]string, len(t.Meta))
	for i, f := range t.Meta {
		parts[i] = f.Label + "：" + f.Value
	}
	return strings.Join(parts, "　")
}

type builder struct {
	c    *compiled
	cat  *catalog.Catalog
	opts TableOptions
}

// wording chooses between the author's wording and the rendered rule.
func (b *builder) wording(hand, rendered string) string {
	switch {
	case hand == "" || b.opts.Wording == WordingRendered:
		return rendered
	case b.opts.Wording == WordingBoth && hand != rendered:
		return hand + "\n（规则：" + rendered + "）"
	}
	return hand
}

// shownVersions are the versions of an item a table shows: those still in
// force on or after the catalog's effective date, or the last one.
func (b *builder) shownVersions(it *catalog.Item) []*catalog.Version {
	var out []*catalog.Version
	for _, v := range it.Versions {
		if v.EffectiveTo == nil || *v.EffectiveTo >= b.cat.Effective {
			out = append(out, v)
		}
	}
	if len(out) == 0 && len(it.Versions) > 0 {
		out = it.Versions[len(it.Versions)-1:]
	}
	return out
}

// versionNote says when a version is in force, where that is not simply
// the catalog's own period.
func (b *builder) versionNote(it *catalog.Item, v *catalog.Version) string {
	if len(b.shownVersions(it)) < 2 && v.EffectiveFrom <= b.cat.Effective && v.EffectiveTo == nil {
		return ""
	}
	s := fmt.Sprintf("本版本（%s）自%s起施行", v.ID, chineseDate(v.EffectiveFrom))
	if v.EffectiveTo != nil {
		s += "，至" + chineseDate(*v.EffectiveTo) + "止"
	}
	return s
}

func basisOf(it *catalog.Item, v *catalog.Version) catalog.Basis {
	if v.Basis != nil {
		return *v.Basis
	}
	return it.Basis
}

// citeText is a citation with its quoted text and verification status.
func citeText(c *catalog.Citation) string {
	if c == nil {
		return ""
	}
	s := c.String()
	if c.Version != "" {
		s += "（" + c.Version + "）"
	}
	if c.Text != "" {
		s += "\n" + c.Text
	}
	switch c.Verification {
	case "S":
		s += "\n〔引文据二手来源，待核对〕"
	case "M":
		s += "\n〔引文未经核对〕"
	}
	return s
}

// citeShort is a citation without its text.
func citeShort(c *catalog.Citation) string {
	if c == nil {
		return ""
	}
	s := c.String()
	switch c.Verification {
	case "S":
		s += "〔据二手来源〕"
	case "M":
		s += "〔未经核对〕"
	}
	return s
}

// merge makes rows[from][col] span n rows.
func merge(rows [][]Cell, col, from, n int) {
	if n < 2 {
		return
	}
	rows[from][col].RowSpan = n
	for i := from + 1; i < from+n; i++ {
		rows[i][col] = Cell{Covered: true}
	}
}

// joinLines joins the lines of a cell.
func joinLines(lines []string) string {
	return strings.Join(lines, "\n")
}
