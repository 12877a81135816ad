package standards

import (
	_ "embed"
	"fmt"
	"html"
	"html/template"
	"io"
	"strconv"
	"strings"
)

//go:embed table.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("table").Parse(htmlSource))

// WriteHTML writes the table as one self-contained HTML page: no scripts,
// no external fonts, images or style sheets. Its print style sets A4
// landscape in 9-point 宋体 (or the Chinese serif face the machine has),
// repeats the column titles on every page and prints the catalog's digest
// and the page number at the foot of every page. An item may continue on
// the next page: its grades are a table inside the item's row, which a
// browser breaks across pages cleanly, where cells spanning rows it does not.
func WriteHTML(w io.Writer, t *Table) error {
	return htmlTemplate.Execute(w, htmlPage(t))
}

type htmlData struct {
	Title, Notice, Footer string
	FooterCSS             template.CSS // the footer as a CSS content declaration
	Meta                  []Field
	Sections              []htmlSection
}

type htmlSection struct {
	Title string
	Cols  []htmlCol
	Rows  []template.HTML // each block's <tr> element, its text escaped here
	Notes []string
}

type htmlCol struct {
	Title string
	Style template.CSS
}

func htmlPage(t *Table) htmlData {
	d := htmlData{Title: t.Title, Notice: t.Notice, Meta: t.Meta, Footer: footer(t)}
	d.FooterCSS = template.CSS("content: " + cssString(d.Footer) + ";")
	var b strings.Builder
	for _, s := range t.Sections {
		hs := htmlSection{Title: s.Title, Notes: s.Notes}
		total := 0
		for _, c := range s.Columns {
			total += c.Width
		}
		for _, c := range s.Columns {
			pct := strconv.FormatFloat(float64(c.Width)*100/float64(total), 'f', 2, 64)
			hs.Cols = append(hs.Cols, htmlCol{Title: c.Title, Style: template.CSS("width: " + pct + "%")})
		}
		for r := 0; r < len(s.Rows); {
			end := blockEnd(s.Rows, r)
			b.Reset()
			writeBlock(&b, s, r, end)
			hs.Rows = append(hs.Rows, template.HTML(b.String()))
			r = end
		}
		d.Sections = append(d.Sections, hs)
	}
	return d
}

// blockEnd is the end of the block of rows that starts at row r: the rows
// tied to it by merged cells.
func blockEnd(rows [][]Cell, r int) int {
	end := r + 1
	for i := r; i < end && i < len(rows); i++ {
		for _, c := range rows[i] {
			if !c.Covered && i+c.RowSpan > end {
				end = min(i+c.RowSpan, len(rows))
			}
		}
	}
	return end
}

// writeBlock writes the rows [from, to) of a section, which merged cells
// tie together, as one <tr>. A block of several rows (an item and its
// grades) keeps its merged cells as cells of that row and sets the columns
// that vary from row to row as a table of their own inside one cell. A
// browser breaks a plain row across pages cleanly; a cell that spans rows
// across a page break it lays out badly (Chromium lets its text run over
// the next block).
func writeBlock(b *strings.Builder, s *Section, from, to int) {
	rows := s.Rows[from:to]
	centered := func(c int) bool { return s.Columns[c].Width <= 8 }
	b.WriteString("<tr>")
	if len(rows) == 1 {
		for c, cell := range rows[0] {
			if !cell.Covered {
				writeCell(b, cell, centered(c), "")
			}
		}
		b.WriteString("\n</tr>")
		return
	}
	// whole[c]: column c holds one cell over the whole block
	n := len(s.Columns)
	whole := make([]bool, n)
	lo, hi := n, -1
	for c := 0; c < n; c++ {
		cell := rows[0][c]
		whole[c] = !cell.Covered && cell.RowSpan == len(rows) && cell.ColSpan <= 1
		if !whole[c] {
			lo, hi = min(lo, c), max(hi, c)
		}
	}
	for c := 0; c < lo; c++ {
		if whole[c] {
			writeCell(b, Cell{Text: rows[0][c].Text, Alert: rows[0][c].Alert}, centered(c), "")
		}
	}
	if lo <= hi {
		span := 0
		for c := lo; c <= hi; c++ {
			span += s.Columns[c].Width
		}
		b.WriteString("\n<td class=\"sub\" colspan=\"" + strconv.Itoa(hi-lo+1) + "\"><table class=\"sub\"><colgroup>")
		for c := lo; c <= hi; c++ {
			b.WriteString(`<col style="width: ` + strconv.FormatFloat(float64(s.Columns[c].Width)*100/float64(span), 'f', 2, 64) + `%">`)
		}
		b.WriteString("</colgroup>")
		for r, row := range rows {
			b.WriteString("\n<tr>")
			for c := lo; c <= hi; c++ {
				cell := row[c]
				if cell.Covered {
					continue
				}
				var edges []string
				if c == lo {
					edges = append(edges, "l0")
				}
				if c+max(cell.ColSpan, 1)-1 >= hi {
					edges = append(edges, "r0")
				}
				if r == 0 {
					edges = append(edges, "t0")
				}
				if r+max(cell.RowSpan, 1) >= len(rows) {
					edges = append(edges, "b0")
				}
				writeCell(b, cell, centered(c), strings.Join(edges, " "))
			}
			b.WriteString("</tr>")
		}
		b.WriteString("</table></td>")
	}
	for c := hi + 1; c < n; c++ {
		if whole[c] {
			writeCell(b, Cell{Text: rows[0][c].Text, Alert: rows[0][c].Alert}, centered(c), "")
		}
	}
	b.WriteString("\n</tr>")
}

// writeCell writes one <td>; class adds to its classes. The rows are
// built here rather than in the template because html/template's escaper
// costs ten times as much for a province's catalog; every text goes
// through html.EscapeString.
func writeCell(b *strings.Builder, c Cell, centered bool, class string) {
	b.WriteString("\n<td")
	var classes []string
	if centered {
		classes = append(classes, "c")
	}
	if c.Alert {
		classes = append(classes, "alert")
	}
	if class != "" {
		classes = append(classes, class)
	}
	if len(classes) > 0 {
		b.WriteString(` class="` + strings.Join(classes, " ") + `"`)
	}
	if c.RowSpan > 1 {
		b.WriteString(` rowspan="` + strconv.Itoa(c.RowSpan) + `"`)
	}
	if c.ColSpan > 1 {
		b.WriteString(` colspan="` + strconv.Itoa(c.ColSpan) + `"`)
	}
	b.WriteString(">")
	for i, line := range strings.Split(c.Text, "\n") {
		if i > 0 {
			b.WriteString("<br>")
		}
		b.WriteString(html.EscapeString(line))
	}
	b.WriteString("</td>")
}

// cssString quotes s as a CSS string. Only the characters that can end or
// break a string are escaped; html/template refuses to interpolate into an
// @page margin box, so the declaration is built here.
func cssString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r == '<' || r == '>' || r == '&':
			fmt.Fprintf(&b, "\\%x ", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// footer identifies the rules on every printed page.
func footer(t *Table) string {
	parts := []string{t.Title}
	for _, f := range t.Meta {
		if f.Label == "文号" || f.Label == "内容摘要" {
			parts = append(parts, f.Value)
		}
	}
	return strings.Join(parts, "　")
}
