package standards

import (
	"encoding/csv"
	"io"
)

// bom is the UTF-8 byte-order mark. Excel on Chinese Windows reads a CSV
// file without it as GBK and shows mojibake.
const bom = "\uFEFF"

// WriteCSV writes the table as UTF-8 CSV with a byte-order mark, so that
// Excel opens it correctly. The file reads like the printed table: the
// title and header fields first, then per section a title row, the column
// titles, the rows and the notes, with an empty row between sections. A
// merged cell's text stands in its first row and the cells it covers are
// empty, as Excel itself saves merged cells.
func WriteCSV(w io.Writer, t *Table) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	rec := func(fields ...string) {
		for i, f := range fields {
			fields[i] = defuse(f)
		}
		cw.Write(fields)
	}
	rec(t.Title)
	if t.Notice != "" {
		rec(t.Notice)
	}
	for _, f := range t.Meta {
		rec(f.Label, f.Value)
	}
	for _, s := range t.Sections {
		rec()
		rec(s.Title)
		titles := make([]string, len(s.Columns))
		for i, c := range s.Columns {
			titles[i] = c.Title
		}
		rec(titles...)
		for _, row := range s.Rows {
			fields := make([]string, len(row))
			for i, c := range row {
				fields[i] = c.Text
			}
			rec(fields...)
		}
		for i, n := range s.Notes {
			if i == 0 {
				rec("注：" + n)
				continue
			}
			rec(n)
		}
	}
	cw.Flush()
	return cw.Error()
}

// defuse keeps a spreadsheet from reading a cell as a formula (CSV
// injection): text that starts with = + - @ or a control character gets a
// leading apostrophe, which Excel shows as text. Catalog text that starts
// that way is rare; a formula run on an officer's machine must never be.
func defuse(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
