package xlsx

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/standards"
)

func TestLineCount(t *testing.T) {
	for _, tc := range []struct {
		name     string
		text     string
		capacity float64 // ems per line
		want     int
	}{
		{"empty_text_takes_a_line", "", 10, 1},
		{"cjk_characters_fill_a_line", "一二三四五六七八九十", 10, 1},
		{"one_more_cjk_character_wraps", "一二三四五六七八九十一", 10, 2},
		{"a_cjk_character_counts_about_double_a_digit", "1234567890123456", 10, 2}, // 16 × 0.64 em
		{"fifteen_digits_fit_ten_cjk_widths", "123456789012345", 10, 1},
		{"line_breaks_start_lines", "甲\n乙\n丙", 10, 3},
		{"a_latin_word_moves_whole", "一二三四五六七八 abcdef", 10, 2},
		{"a_long_token_breaks_anywhere", strings.Repeat("a", 40), 10, 3}, // 25.6 em
		{"a_closing_mark_stays_with_its_character", "一二三四五六七八九十，", 10, 2},
		{"closing_mark_that_fits", "一二三四五六七八九，", 10, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := lineCount(tc.text, tc.capacity); got != tc.want {
				t.Errorf("lineCount(%q, %g) = %d, want %d", tc.text, tc.capacity, got, tc.want)
			}
		})
	}
}

// TestPrintLayout checks the workbooks of the example catalogs as printed
// on A4 landscape: the columns fit the printable width at 100 %, so fit-to-
// width does not shrink the text; no text is set below 9 points; every font
// is 宋体 with the Chinese charset; every row fits a page under the
// repeated column titles; and every cell's rows are tall enough for its
// text wrapped in its width.
func TestPrintLayout(t *testing.T) {
	for _, path := range []string{
		"../../examples/county/catalog.yaml",
		"../../examples/starter/catalog.yaml",
		"../testdata/tables/shapes.yaml",
	} {
		cat, err := catalog.LoadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		tbl, err := standards.Build(cat, standards.TableOptions{Wording: standards.WordingBoth})
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := Write(&buf, tbl); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		for _, sheet := range f.GetSheetList() {
			checkSheetLayout(t, path+" "+sheet, f, sheet)
		}
		f.Close()
	}
}

func checkSheetLayout(t *testing.T, where string, f *excelize.File, sheet string) {
	t.Helper()
	cols, err := f.GetCols(sheet)
	if err != nil {
		t.Fatal(err)
	}
	widths := make([]float64, len(cols)) // points
	total := 0.0
	for c := range cols {
		name, _ := excelize.ColumnNumberToName(c + 1)
		w, err := f.GetColWidth(sheet, name)
		if err != nil {
			t.Fatal(err)
		}
		widths[c] = w * unitWidth
		total += widths[c]
	}
	if printable := pageWidth - 2*sideMargin*72; total > printable {
		t.Errorf("%s: columns are %.1f points wide, the page prints %.1f", where, total, printable)
	}
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	heights := make([]float64, len(rows)+1)
	for r := 1; r <= len(rows); r++ {
		if heights[r], err = f.GetRowHeight(sheet, r); err != nil {
			t.Fatal(err)
		}
		if limit := pageHeight - (topMargin+bottomMargin)*72; heights[r] > limit || heights[r] > maxRow {
			t.Errorf("%s: row %d is %.1f points high, more than a page", where, r, heights[r])
		}
	}
	// the extent of each cell: a merged range or itself
	type extent struct{ c0, r0, c1, r1 int }
	extents := map[string]extent{}
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range merges {
		c0, r0, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		extents[m.GetStartAxis()] = extent{c0, r0, c1, r1}
	}
	for r, row := range rows {
		for c, text := range row {
			if text == "" {
				continue
			}
			name, _ := excelize.CoordinatesToCellName(c+1, r+1)
			e, ok := extents[name]
			if !ok {
				e = extent{c + 1, r + 1, c + 1, r + 1}
			}
			styleID, err := f.GetCellStyle(sheet, name)
			if err != nil {
				t.Fatal(err)
			}
			style, err := f.GetStyle(styleID)
			if err != nil {
				t.Fatal(err)
			}
			fnt := style.Font
			if fnt == nil || fnt.Size < 9 || fnt.Family != fontFamily || fnt.Charset == nil || *fnt.Charset != fontCharset {
				t.Errorf("%s: %s: font %+v, want %s of at least 9 points, charset %d", where, name, fnt, fontFamily, fontCharset)
				continue
			}
			width, height := 0.0, 0.0
			for i := e.c0; i <= e.c1; i++ {
				width += widths[i-1]
			}
			for i := e.r0; i <= e.r1; i++ {
				height += heights[i]
			}
			if need := textHeight(text, width, fnt.Size); height+0.01 < need {
				t.Errorf("%s: %s is %.1f points high, its text needs %.1f: %q", where, name, height, need, text)
			}
		}
	}
}
