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
// landscape, repeats the column titles on every page, keeps rows whole
// across page breaks, starts each list on a new page and prints the
// catalog's digest and the page number at the foot of every page.
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
	Rows  []template.HTML // each row's <tr> element, its text escaped here
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
		hs.Rows = make([]template.HTML, len(s.Rows))
		for r, row := range s.Rows {
			b.Reset()
			b.WriteString("<tr>")
			for i, c := range row {
				if !c.Covered {
					writeCell(&b, c, s.Columns[i].Width <= 8)
				}
			}
			b.WriteString("\n</tr>")
			hs.Rows[r] = template.HTML(b.String())
		}
		d.Sections = append(d.Sections, hs)
	}
	return d
}

// writeCell writes one <td>. The rows are built here rather than in the
// template because html/template's escaper costs ten times as much for a
// province's catalog; every text goes through html.EscapeString.
func writeCell(b *strings.Builder, c Cell, centered bool) {
	b.WriteString("\n<td")
	switch {
	case centered && c.Alert:
		b.WriteString(` class="c alert"`)
	case centered:
		b.WriteString(` class="c"`)
	case c.Alert:
		b.WriteString(` class="alert"`)
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
