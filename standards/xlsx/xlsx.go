// Package xlsx writes a [standards.Table] as an Excel workbook with
// github.com/xuri/excelize/v2: one sheet per list, the title and the
// catalog's header (issuer, 文号, dates, digest) above the grid, merged cells
// where the table merges them, wrapped text, column widths, a frozen row of
// column titles, and a print setup of A4 landscape, fitted to the page
// width, with the column titles repeated on every page and the catalog's
// digest and the page number in the footer.
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

const fontFamily = "宋体"

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(size float64, bold bool, color string) *excelize.Font {
		return &excelize.Font{Family: fontFamily, Size: size, Bold: bold, Color: color}
	}
	wrapTop := &excelize.Alignment{WrapText: true, Vertical: "top"}
	defs := []*excelize.Style{
		{Font: font(16, true, ""), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}},
		{Font: font(13, true, ""), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}},
		{Font: font(9, false, ""), Alignment: wrapTop},
		{Font: font(10, true, "B00000"), Alignment: wrapTop},
		{Font: font(10, true, ""), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8E8E8"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}},
		{Font: font(10, false, ""), Border: border, Alignment: wrapTop},
		{Font: font(10, false, ""), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}},
		{Font: font(10, false, ""), Border: border, Alignment: wrapTop, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF3C4"}}},
		{Font: font(9, false, ""), Alignment: wrapTop},
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

// Row heights are estimated from the text, because spreadsheet programs do
// not grow a row for the text of a merged cell.
const (
	lineHeight = 13.5 // points per line of 10-point text
	rowPadding = 3.0
	minRow     = 16.0
	maxRow     = 409.0 // Excel's limit
)

// widthFactor converts the table's character cells into Excel column
// widths, which count the digits of the default font.
const widthFactor = 1.15

// writeSheet writes one section with a stream writer: the page setup goes
// onto the sheet first, then the rows in order, then the merged ranges.
// (excelize's cell-by-cell API checks every merged range against every
// other when it saves, which is quadratic in a province's catalog.)
func writeSheet(f *excelize.File, st styles, t *standards.Table, s *standards.Section, sheet string) error {
	ncol := len(s.Columns)
	widths := make([]float64, ncol)
	total := 0.0
	for i, c := range s.Columns {
		widths[i] = float64(c.Width) * widthFactor
		total += widths[i]
	}
	banners := []struct {
		text   string
		style  int
		height float64
	}{{t.Title, st.title, 26}, {s.Title, st.subtitle, 20}, {t.MetaLine(), st.meta, 0}}
	if t.Notice != "" {
		banners = append(banners, struct {
			text   string
			style  int
			height float64
		}{t.Notice, st.notice, 0})
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
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
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
		if height == 0 {
			height = textHeight(text, total, 0.9)
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
	for i, c := range s.Columns {
		header[i] = excelize.Cell{StyleID: st.header, Value: c.Title}
	}
	if err := sw.SetRow(cellName(1, row), header, excelize.RowOpts{Height: 22}); err != nil {
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
	for r, cells := range s.Rows {
		values := make([]interface{}, ncol)
		for c, cell := range cells {
			v := excelize.Cell{StyleID: styles[r][c]}
			if !cell.Covered && cell.Text != "" {
				v.Value = cell.Text
			}
			values[c] = v
		}
		if err := sw.SetRow(cellName(1, row), values, excelize.RowOpts{Height: clampHeight(heights[r])}); err != nil {
			return err
		}
		for c, cell := range cells {
			rs, cs := max(cell.RowSpan, 1), max(cell.ColSpan, 1)
			if cell.Covered || (rs == 1 && cs == 1) {
				continue
			}
			if err := sw.MergeCell(cellName(c+1, row), cellName(c+cs, row+rs-1)); err != nil {
				return err
			}
		}
		row++
	}
	row++ // an empty row before the notes
	for i, n := range s.Notes {
		text := n
		if i == 0 {
			text = "注：" + n
		}
		if err := banner(text, st.note, 0); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// rowHeights estimates the height of each row of a section: enough for its
// own cells, and together with the rows below for the merged cells it
// starts.
func rowHeights(s *standards.Section, widths []float64) []float64 {
	heights := make([]float64, len(s.Rows))
	for r, cells := range s.Rows {
		for c, cell := range cells {
			if cell.Covered {
				continue
			}
			rs, cs := max(cell.RowSpan, 1), max(cell.ColSpan, 1)
			end := min(r+rs, len(s.Rows))
			spread(heights[r:end], textHeight(cell.Text, span(widths[c:min(c+cs, len(widths))]), 1))
		}
	}
	return heights
}

func clampHeight(h float64) float64 { return math.Min(math.Max(h, minRow), maxRow) }

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
	side, top, bottom, hf, center := 0.4, 0.5, 0.6, 0.3, true
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
	return "&L&8" + left + "&R&8第 &P 页，共 &N 页"
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
// hold the cell's text, adding what is missing to the last row.
func spread(rows []float64, need float64) {
	have := 0.0
	for _, h := range rows {
		have += math.Max(h, minRow)
	}
	if have >= need {
		return
	}
	last := len(rows) - 1
	rows[last] = math.Max(rows[last], minRow) + need - have
}

// textHeight estimates the height in points of wrapped text in a column of
// the given Excel width; scale is the font size relative to 10 points. A
// Chinese character takes two character cells.
func textHeight(text string, width, scale float64) float64 {
	capacity := math.Max(width/widthFactor/scale-1, 1) // character cells per line
	lines := 0
	for _, l := range strings.Split(text, "\n") {
		w := 0.0
		for _, r := range l {
			if r < 0x2E80 {
				w++
			} else {
				w += 2
			}
		}
		lines += max(1, int(math.Ceil(w/capacity)))
	}
	return float64(lines)*lineHeight*scale + rowPadding
}
