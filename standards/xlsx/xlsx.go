// Package xlsx writes a [standards.Table] as an Excel workbook with
// github.com/xuri/excelize/v2: one sheet per list, the title and the
// catalog's header (issuer, 文号, dates, digest) above the grid, merged cells
// where the table merges them, wrapped text, a frozen row of column titles,
// and a print setup of A4 landscape with the column titles repeated on
// every page and the catalog's digest and the page number in the footer.
//
// The sheets are laid out for that page: the columns are scaled to the
// printable width, so that fit-to-width prints at 100 % and no text is set
// below 9 points; every row is as high as its wrapped text needs (excelize
// cannot measure text, so the lines are counted here, a Chinese character
// as wide as two digits), and a row taller than a page is split into
// several sheet rows under one merged cell. Text is set in 宋体 with the
// Chinese charset, so that a machine without 宋体 substitutes a Chinese face.
//
// It is a package of its own so that programs that only decide cases never
// link a spreadsheet library.
package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/jizhun/jizhun/standards"
)

// Write writes the table as an XLSX workbook. Equal tables give
// byte-identical files, so that a published workbook can be reproduced from
// its catalog.
func Write(w io.Writer, t *standards.Table) error {
	f, err := File(t)
	if err != nil {
		return err
	}
	defer f.Close()
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	return canonicalZip(w, buf.Bytes())
}

// canonicalZip copies a zip archive with its entries in a fixed order.
// excelize writes streamed sheets in the order of a map, so two writes of
// one workbook can differ in entry order; the entries themselves are equal,
// and are copied without recompressing them.
func canonicalZip(w io.Writer, data []byte) error {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	files := append([]*zip.File(nil), zr.File...)
	rank := func(name string) int {
		switch name {
		case "[Content_Types].xml":
			return 0
		case "_rels/.rels":
			return 1
		}
		return 2
	}
	sort.SliceStable(files, func(i, j int) bool {
		ri, rj := rank(files[i].Name), rank(files[j].Name)
		if ri != rj {
			return ri < rj
		}
		return files[i].Name < files[j].Name
	})
	zw := zip.NewWriter(w)
	for _, f := range files {
		raw, err := f.OpenRaw()
		if err != nil {
			return err
		}
		hdr := f.FileHeader
		out, err := zw.CreateRaw(&hdr)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, raw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// File builds the workbook of a table, for callers that want to add to it
// before writing. Close it when done.
func File(t *standards.Table) (*excelize.File, error) {
	f := excelize.NewFile()
	// The default font sets the unit of column width; see unitWidth.
	if err := f.SetDefaultFont(defaultFont); err != nil {
		f.Close()
		return nil, err
	}
	st, err := newStyles(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	// Every sheet exists and the first is active before any is streamed:
	// touching a streamed sheet afterwards would parse it back into memory.
	for i, s := range t.Sections {
		name := s.List.SheetName()
		if i == 0 {
			err = f.SetSheetName("Sheet1", name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("xlsx: sheet %s: %w", name, err)
		}
	}
	f.SetActiveSheet(0)
	for _, s := range t.Sections {
		if err := writeSheet(f, st, t, s, s.List.SheetName()); err != nil {
			f.Close()
			return nil, fmt.Errorf("xlsx: sheet %s: %w", s.List.SheetName(), err)
		}
	}
	err = f.SetDocProps(&excelize.DocProperties{
		Title:       t.Title,
		Subject:     sectionTitles(t),
		Creator:     "jizhun",
		Description: t.MetaLine(),
		Identifier:  metaValue(t, "内容摘要"),
		Language:    "zh-CN",
		Created:     "2006-09-16T00:00:00Z", // fixed, so that equal tables give equal files
		Modified:    "2006-09-16T00:00:00Z",
	})
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

func sectionTitles(t *standards.Table) string {
	titles := make([]string, len(t.Sections))
	for i, s := range t.Sections {
		titles[i] = s.Title
	}
	return strings.Join(titles, "、")
}

func metaValue(t *standards.Table, label string) string {
	for _, f := range t.Meta {
		if f.Label == label {
			return f.Value
		}
	}
	return ""
}

// styles are the cell styles of a workbook.
type styles struct {
	title, subtitle, meta, notice, header, cell, center, alert, note int
}

// The fonts. 宋体 is the face Chinese tables are printed in; charset 134
// (GB 2312) tells a spreadsheet program whose machine lacks it to fall back
// to a Chinese face (Noto Serif CJK SC, Source Han Serif SC, 华文宋体 …)
// rather than a Japanese one, which draws some characters differently.
const (
	fontFamily  = "宋体"
	fontCharset = 134 // GB2312_CHARSET
)

// Font sizes in points. The page setup prints the sheet at 100 %, so these
// are the printed sizes: no text is smaller than 9 points.
const (
	titleSize    = 16.0
	subtitleSize = 13.0
	bodySize     = 10.0 // cells and column titles
	smallSize    = 9.5  // header fields, notes
)

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(size float64, bold bool, color string) *excelize.Font {
		charset := fontCharset
		return &excelize.Font{Family: fontFamily, Charset: &charset, Size: size, Bold: bold, Color: color}
	}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	defs := []*excelize.Style{
		{Font: font(titleSize, true, ""), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}},
		{Font: font(subtitleSize, true, ""), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}},
		{Font: font(smallSize, false, ""), Alignment: wrapTop},
		{Font: font(bodySize, true, "B00000"), Alignment: wrapTop},
		{Font: font(bodySize, true, ""), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8E8E8"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}},
		{Font: font(bodySize, false, ""), Border: border, Alignment: wrapTop},
		{Font: font(bodySize, false, ""), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}},
		{Font: font(bodySize, false, ""), Border: border, Alignment: wrapTop, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF3C4"}}},
		{Font: font(smallSize, false, ""), Alignment: wrapTop},
	}
	ids := make([]int, len(defs))
	for i, d := range defs {
		id, err := f.NewStyle(d)
		if err != nil {
			return styles{}, err
		}
		ids[i] = id
	}
	return styles{ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], ids[7], ids[8]}, nil
}

// The page: A4 landscape with narrow margins. The columns of every sheet
// are scaled to the printable width, so that fit-to-width prints at 100 %.
const (
	pageWidth    = 841.89 // A4 landscape, points
	pageHeight   = 595.28
	pageSlack    = 12.0 // points a page keeps free below a row, for rounding
	sideMargin   = 0.4  // inches
	topMargin    = 0.5
	bottomMargin = 0.6
	hfMargin     = 0.3
	// printWidth is the width the columns take, a little less than the
	// printable width so that rounding never pushes the sheet over it.
	printWidth = (pageWidth - 2*sideMargin*72) * 0.98
	// unitWidth is the width in points of one unit of Excel column width:
	// the digit width of the workbook's default font, Arial 11 (0.556 em,
	// 6.12 points). LibreOffice takes it as it is, Excel rounds it to 8
	// pixels (6 points); the page is fitted with the wider and the text is
	// wrapped in the narrower (textWidth). Unlike Calibri, Arial has a
	// metric twin (Liberation Sans) wherever LibreOffice is installed, so
	// the columns measure the same in Excel, WPS and LibreOffice.
	unitWidth   = 6.12
	textWidth   = 6.0 / unitWidth
	defaultFont = "Arial"
	// cellPadding is the space a spreadsheet program leaves between a
	// cell's border and its text, both sides together.
	cellPadding = 6.0
)

// Row heights are computed from the text, because spreadsheet programs do
// not grow a row for wrapped text in a merged cell, and excelize cannot
// measure text.
const (
	lineSpacing = 1.45 // line height per point of font size: CJK faces need about 1.45 em
	rowPadding  = 4.0
	minRow      = 16.0
	maxRow      = 409.0 // Excel's limit
)

// writeSheet writes one section with a stream writer: the page setup goes
// onto the sheet first, then the rows in order, then the merged ranges.
// (excelize's cell-by-cell API checks every merged range against every
// other when it saves, which is quadratic in a province's catalog.)
func writeSheet(f *excelize.File, st styles, t *standards.Table, s *standards.Section, sheet string) error {
	ncol := len(s.Columns)
	widths := columnWidths(s)
	total := span(widths)
	banners := []struct {
		text   string
		style  int
		height float64
	}{
		{t.Title, st.title, textHeight(t.Title, total, titleSize) + 6},
		{s.Title, st.subtitle, textHeight(s.Title, total, subtitleSize) + 2},
		{t.MetaLine(), st.meta, textHeight(t.MetaLine(), total, smallSize)},
	}
	if t.Notice != "" {
		banners = append(banners, struct {
			text   string
			style  int
			height float64
		}{t.Notice, st.notice, textHeight(t.Notice, total, bodySize)})
	}
	headerRow := len(banners) + 1
	first := headerRow + 1
	if err := printSetup(f, t, sheet, headerRow); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w/unitWidth); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: cellName(1, first), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	row := 1
	banner := func(text string, style int, height float64) error {
		cells := make([]interface{}, ncol)
		cells[0] = excelize.Cell{StyleID: style, Value: text}
		for i := 1; i < ncol; i++ {
			cells[i] = excelize.Cell{StyleID: style}
		}
		if err := sw.SetRow(cellName(1, row), cells, excelize.RowOpts{Height: clampHeight(height)}); err != nil {
			return err
		}
		if err := sw.MergeCell(cellName(1, row), cellName(ncol, row)); err != nil {
			return err
		}
		row++
		return nil
	}
	for _, b := range banners {
		if err := banner(b.text, b.style, b.height); err != nil {
			return err
		}
	}
	header := make([]interface{}, ncol)
	headerHeight := 0.0
	for i, c := range s.Columns {
		header[i] = excelize.Cell{StyleID: st.header, Value: c.Title}
		headerHeight = math.Max(headerHeight, textHeight(c.Title, widths[i], bodySize))
	}
	if err := sw.SetRow(cellName(1, row), header, excelize.RowOpts{Height: clampHeight(headerHeight)}); err != nil {
		return err
	}
	row++
	heights := rowHeights(s, widths)
	// styles[r][c] is the style of each cell, merged ranges included, so
	// that the borders of a merged cell are drawn all round.
	styles := make([][]int, len(s.Rows))
	for r := range s.Rows {
		styles[r] = make([]int, ncol)
	}
	for r, cells := range s.Rows {
		for c, cell := range cells {
			if cell.Covered {
				continue
			}
			style := st.cell
			switch {
			case cell.Alert:
				style = st.alert
			case s.Columns[c].Width <= 8:
				style = st.center
			}
			rs, cs := max(cell.RowSpan, 1), max(cell.ColSpan, 1)
			for i := r; i < r+rs && i < len(s.Rows); i++ {
				for j := c; j < c+cs && j < ncol; j++ {
					styles[i][j] = style
				}
			}
		}
	}
	// A row taller than a page is written as several sheet rows with its
	// cells merged over them: a spreadsheet program cannot break a row
	// across pages, and shrinks the whole sheet to fit its tallest row.
	limit := math.Min(maxRow, pageHeight-(topMargin+bottomMargin)*72-clampHeight(headerHeight)-pageSlack)
	start := make([]int, len(s.Rows)+1) // start[r] is the sheet row of table row r
	start[0] = row
	for r, h := range heights {
		start[r+1] = start[r] + int(math.Ceil(clampHeight(h)/limit))
	}
	for r, cells := range s.Rows {
		values := make([]interface{}, ncol)
		empty := make([]interface{}, ncol)
		for c, cell := range cells {
			v := excelize.Cell{StyleID: styles[r][c]}
			empty[c] = v
			if !cell.Covered && cell.Text != "" {
				v.Value = cell.Text
			}
			values[c] = v
		}
		n := start[r+1] - start[r]
		height := clampHeight(heights[r]) / float64(n)
		for i := 0; i < n; i++ {
			cells := values
			if i > 0 {
				cells = empty
			}
			if err := sw.SetRow(cellName(1, start[r]+i), cells, excelize.RowOpts{Height: height}); err != nil {
				return err
			}
		}
		for c, cell := range cells {
			rs, cs := max(cell.RowSpan, 1), max(cell.ColSpan, 1)
			last := start[min(r+rs, len(s.Rows))] - 1
			if cell.Covered || (last == start[r] && cs == 1) {
				continue
			}
			if err := sw.MergeCell(cellName(c+1, start[r]), cellName(c+cs, last)); err != nil {
				return err
			}
		}
	}
	row = start[len(s.Rows)]
	row++ // an empty row before the notes
	for i, n := range s.Notes {
		text := n
		if i == 0 {
			text = "注：" + n
		}
		if err := banner(text, st.note, textHeight(text, total, smallSize)); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// columnWidths are the widths of a section's columns in points: the
// table's widths scaled to the printable width of the page.
func columnWidths(s *standards.Section) []float64 {
	total := 0
	for _, c := range s.Columns {
		total += c.Width
	}
	widths := make([]float64, len(s.Columns))
	for i, c := range s.Columns {
		widths[i] = printWidth * float64(c.Width) / float64(total)
	}
	return widths
}

// rowHeights computes the height of each row of a section: enough for its
// own cells, and together with the rows below for the merged cells it
// starts. The cells of one row are measured first and the merged cells
// after them, shortest span first, so that a merged cell adds to the rows
// it spans only what they do not already hold.
func rowHeights(s *standards.Section, widths []float64) []float64 {
	heights := make([]float64, len(s.Rows))
	type merged struct {
		from, to int
		need     float64
	}
	var spans []merged
	for r, cells := range s.Rows {
		for c, cell := range cells {
			if cell.Covered {
				continue
			}
			rs, cs := max(cell.RowSpan, 1), max(cell.ColSpan, 1)
			need := textHeight(cell.Text, span(widths[c:min(c+cs, len(widths))]), bodySize)
			if rs == 1 {
				heights[r] = math.Max(heights[r], need)
				continue
			}
			spans = append(spans, merged{r, min(r+rs, len(s.Rows)), need})
		}
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].to-spans[i].from < spans[j].to-spans[j].from })
	for _, m := range spans {
		spread(heights[m.from:m.to], m.need)
	}
	return heights
}

func clampHeight(h float64) float64 { return math.Max(h, minRow) }

// printSetup sets A4 landscape, fit to one page wide, the column titles
// repeated on every page, and a footer naming the rules and the page.
func printSetup(f *excelize.File, t *standards.Table, sheet string, headerRow int) error {
	a4, landscape, one, zero := 9, "landscape", 1, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	side, top, bottom, hf, center := sideMargin, topMargin, bottomMargin, hfMargin, true
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top, Bottom: &bottom, Header: &hf, Footer: &hf, Horizontally: &center}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, headerRow, headerRow),
		Scope:    sheet,
	}); err != nil {
		return err
	}
	return f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: footer(t)})
}

// footer is the page footer: the document number and digest on the left,
// the page number on the right. Excel limits a footer to 255 characters.
func footer(t *standards.Table) string {
	left := strings.TrimSpace(metaValue(t, "文号") + " " + metaValue(t, "内容摘要"))
	left = strings.ReplaceAll(left, "&", "&&")
	if utf8.RuneCountInString(left) > 200 {
		left = string([]rune(left)[:200])
	}
	return "&L&10" + left + "&R&10第 &P 页，共 &N 页"
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func span(ws []float64) float64 {
	total := 0.0
	for _, w := range ws {
		total += w
	}
	return total
}

// spread raises the heights of the rows a cell spans so that together they
// hold the cell's text.
func spread(rows []float64, need float64) {
	have := 0.0
	for _, h := range rows {
		have += math.Max(h, minRow)
	}
	if have >= need {
		return
	}
	// shared evenly, so that no row of a long merged cell grows alone
	// beyond a page
	add := (need - have) / float64(len(rows))
	for i := range rows {
		rows[i] = math.Max(rows[i], minRow) + add
	}
}

// textHeight is the height in points of text set in a cell of the given
// width (points) at the given font size, wrapped as a spreadsheet program
// wraps it: Chinese characters and full-width punctuation take a full em and
// break anywhere, other characters about half an em, a run of them (a Latin
// word, a number, a web address) moves to the next line whole unless it is
// longer than a line, and a closing mark never starts a line.
func textHeight(text string, width, size float64) float64 {
	return float64(lineCount(text, (width*textWidth-cellPadding)/size))*size*lineSpacing + rowPadding
}

// lineCount counts the lines of text wrapped at capacity ems per line.
func lineCount(text string, capacity float64) int {
	capacity = math.Max(capacity, 1)
	lines := 0
	for _, para := range strings.Split(text, "\n") {
		lines++
		used := 0.0
		rs := []rune(para)
		for i := 0; i < len(rs); {
			// a token: one wide character, or a run of narrow ones up to
			// and including a space
			j, w := i+1, runeWidth(rs[i])
			if w < 1 {
				for j < len(rs) && runeWidth(rs[j]) < 1 && rs[i] != ' ' && rs[j-1] != ' ' {
					w += runeWidth(rs[j])
					j++
				}
			}
			// a closing mark stays on the line of the character before it
			for j < len(rs) && closingMark(rs[j]) {
				w += runeWidth(rs[j])
				j++
			}
			switch {
			case used+w <= capacity:
				used += w
			case w > capacity: // longer than a line: broken anywhere
				total := used + w
				extra := int(math.Ceil(total/capacity)) - 1
				lines += extra
				used = total - float64(extra)*capacity
			default:
				lines++
				used = w
			}
			i = j
		}
	}
	return lines
}

// runeWidth is the advance of a character in ems: 1 for Chinese characters
// and full-width forms; for the rest, the advance of digits in the widest
// face a program may substitute for the Latin of 宋体 (DejaVu Sans: 0.64
// em), so that a code or a date is never wrapped where it was measured to
// fit. 宋体's own half-width Latin (0.5 em) then leaves a little room.
func runeWidth(r rune) float64 {
	if r >= 0x2E80 || r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' {
		return 1
	}
	return 0.64
}

// closingMark reports whether r may not start a line (禁则).
func closingMark(r rune) bool {
	return strings.ContainsRune("，。、；：？！）》〕】」』”’…,.;:?!)]", r)
}
