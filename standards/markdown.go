package standards

import (
	"bufio"
	"io"
	"strconv"
	"strings"
)

// WriteMarkdown writes the table as Markdown for review in a repository:
// a heading, the header fields as a list, and one pipe table per section.
// Markdown has no merged cells: a merged cell's text stands in its first
// row and the rows it covers are left empty, as in a published table.
func WriteMarkdown(w io.Writer, t *Table) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("# " + mdInline(t.Title) + "\n\n")
	if t.Notice != "" {
		bw.WriteString("> **" + mdInline(t.Notice) + "**\n\n")
	}
	for _, f := range t.Meta {
		bw.WriteString("- " + f.Label + "：" + mdInline(f.Value) + "\n")
	}
	for _, s := range t.Sections {
		bw.WriteString("\n## " + mdInline(s.Title) + "\n\n")
		titles := make([]string, len(s.Columns))
		rules := make([]string, len(s.Columns))
		for i, c := range s.Columns {
			titles[i] = mdCell(c.Title)
			rules[i] = "---"
		}
		bw.WriteString("| " + strings.Join(titles, " | ") + " |\n")
		bw.WriteString("| " + strings.Join(rules, " | ") + " |\n")
		for _, row := range s.Rows {
			cells := make([]string, len(row))
			for i, c := range row {
				text := mdCell(c.Text)
				if c.Alert && text != "" {
					text = "**" + text + "**"
				}
				cells[i] = text
			}
			bw.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		}
		if len(s.Notes) > 0 {
			bw.WriteString("\n注：\n\n")
			for i, n := range s.Notes {
				bw.WriteString(strconv.Itoa(i+1) + ". " + mdInline(n) + "\n")
			}
		}
	}
	return bw.Flush()
}

var mdInlineReplacer = strings.NewReplacer(
	"\\", "\\\\", "*", "\\*", "`", "\\`", "<", "&lt;", ">", "&gt;", "[", "\\[", "]", "\\]", "\n", " ",
)

// mdInline escapes text for a Markdown paragraph or list item.
func mdInline(s string) string { return mdInlineReplacer.Replace(s) }

var mdCellReplacer = strings.NewReplacer(
	"\\", "\\\\", "|", "\\|", "*", "\\*", "`", "\\`", "<", "&lt;", ">", "&gt;", "[", "\\[", "]", "\\]", "\n", "<br>",
)

// mdCell escapes text for a table cell; line breaks become <br>.
func mdCell(s string) string { return mdCellReplacer.Replace(s) }
