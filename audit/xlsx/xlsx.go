// Package xlsx reads a case-handling system's export saved as an Excel
// workbook, for the audit, with github.com/xuri/excelize/v2. It is a
// package of its own so that the audit itself never links a spreadsheet
// library.
package xlsx

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/jizhun/jizhun/audit"
)

// Source reads a sheet of the workbook at path (the first sheet where
// sheet is empty) as the audit reads a CSV export: the first row is the
// header, and a record's line is its row number in the sheet. Cells are
// read as stored, not as displayed, so that amounts carry no thousands
// separators; a date cell in one of the mapping's date columns (stored as
// an Excel serial number) is read as YYYY-MM-DD.
func Source(path, sheet string, m *audit.Mapping) audit.Source {
	dates := map[string]bool{}
	c := m.Columns
	for _, col := range []string{c.BirthDate, c.ActDate, c.ActEndDate, c.DiscoveryDate, c.DecisionDate} {
		if col != "" {
			dates[col] = true
		}
	}
	return audit.Source{Name: path, Format: "csv", Open: func() (io.ReadCloser, error) {
		f, err := excelize.OpenFile(path)
		if err != nil {
			return nil, err
		}
		name := sheet
		if name == "" {
			list := f.GetSheetList()
			if len(list) == 0 {
				f.Close()
				return nil, fmt.Errorf("%s: 工作簿没有工作表", path)
			}
			name = list[0]
		}
		rows, err := f.Rows(name)
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		pr, pw := io.Pipe()
		go func() {
			err := writeCSV(pw, rows, dates)
			rows.Close()
			f.Close()
			pw.CloseWithError(err)
		}()
		return pr, nil
	}}
}

// writeCSV copies the sheet's rows as CSV, one line per row, so that the
// CSV reader's line numbers are the sheet's row numbers: an empty row is
// an empty line, which the reader skips but counts.
func writeCSV(w io.Writer, rows *excelize.Rows, dates map[string]bool) error {
	cw := csv.NewWriter(w)
	var header []string
	for rows.Next() {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		if blank(cells) {
			cw.Flush()
			if _, err := io.WriteString(w, "\n"); err != nil {
				return err
			}
			continue
		}
		if header == nil {
			header = append([]string(nil), cells...)
		} else {
			// Trailing empty cells are not stored: pad the row to the
			// header's width.
			for len(cells) < len(header) {
				cells = append(cells, "")
			}
			for i, v := range cells {
				if i < len(header) && dates[strings.TrimSpace(header[i])] {
					cells[i] = serialDate(v)
				}
			}
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return rows.Error()
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// serialDate turns an Excel date serial number into YYYY-MM-DD and leaves
// any other text as it is (a date typed as text is read by the audit).
func serialDate(v string) string {
	n, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || n < 1 || n > 2958465 {
		return v
	}
	t, err := excelize.ExcelDateToTime(n, false)
	if err != nil {
		return v
	}
	return t.Format("2006-01-02")
}
