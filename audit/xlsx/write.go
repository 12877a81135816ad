package xlsx

import (
	"encoding/json"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/jizhun/jizhun/audit"
	"github.com/jizhun/jizhun/discretion"
)

// WriteFindings writes the flagged records of an audit as a workbook: a
// sheet 问题清单 with one row per finding (the record, the problem, its
// rule, what was imposed and the re-decision) and a sheet 概况 with the
// counts by kind.
func WriteFindings(w io.Writer, rep *audit.Report) error {
	f := excelize.NewFile()
	defer f.Close()
	const list, summary = "问题清单", "概况"
	if err := f.SetSheetName("Sheet1", list); err != nil {
		return err
	}
	if _, err := f.NewSheet(summary); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"#EEF2F5"}, Pattern: 1}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	header := []any{"行", "案号", "事项", "问题", "说明", "依据", "决定月份", "实际处理", "实际罚款（元）", "复核结论", "复核罚款幅度（元）"}
	if err := f.SetSheetRow(list, "A1", &header); err != nil {
		return err
	}
	f.SetRowStyle(list, 1, 1, bold)
	for i, fd := range rep.Findings {
		imposed, fine := "", ""
		if fd.Imposed != nil {
			imposed = "不予处罚"
			if fd.Imposed.Penalized {
				imposed = "处罚"
			}
			if fd.Imposed.Fine != nil {
				fine = fd.Imposed.Fine.String()
			}
		}
		outcome, rng := "", ""
		if len(fd.Decision) > 0 {
			var d struct {
				Outcome discretion.Outcome `json:"outcome"`
				Fine    *struct{ Min, Max string }
			}
			if json.Unmarshal(fd.Decision, &d) == nil {
				outcome = d.Outcome.Label()
				if d.Fine != nil {
					rng = d.Fine.Min + "–" + d.Fine.Max
				}
			}
		}
		row := []any{fd.Line, fd.CaseNumber, fd.Item, fd.Title, fd.Message, fd.Rule, fd.Month, imposed, fine, outcome, rng}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(list, cell, &row); err != nil {
			return err
		}
	}
	if n := len(rep.Findings); n > 0 {
		f.SetRowStyle(list, 2, n+1, wrap)
	}
	for col, width := range map[string]float64{"A": 7, "B": 24, "C": 14, "D": 22, "E": 60, "F": 50, "G": 10, "H": 10, "I": 14, "J": 12, "K": 18} {
		f.SetColWidth(list, col, col, width)
	}
	f.SetPanes(list, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if len(rep.Findings) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(header), len(rep.Findings)+1)
		f.AutoFilter(list, "A1:"+last, nil)
	}

	rows := [][]any{{"数据", rep.Source}, {"案卷", rep.Summary.Records}, {"已复核", rep.Summary.Decided},
		{"未发现问题", rep.Summary.Consistent}, {"发现问题", rep.Summary.Flagged}, {}, {"问题类型", "件数"}}
	for _, k := range audit.Kinds {
		rows = append(rows, []any{k.Label(), rep.Summary.ByKind[k]})
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(summary, cell, &r); err != nil {
			return err
		}
	}
	f.SetColWidth(summary, "A", "A", 34)
	f.SetColWidth(summary, "B", "B", 40)
	return f.Write(w)
}
