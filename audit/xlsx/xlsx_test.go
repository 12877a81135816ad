package xlsx_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/jizhun/jizhun/audit"
	"github.com/jizhun/jizhun/audit/xlsx"
	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/examples"
)

const mapping = `
columns:
  case_number: 案号
  item: 事项
  party_type: 当事人类型
  birth_date: 出生日期
  act_date: 违法日期
  discovery_date: 发现日期
  decision_date: 决定日期
  outcome: 处理结果
  fine: 罚款
  hearing_offered: 告知听证
  legal_review: 法制审核
facts:
  occupy_area_m2: 占用面积
  occupy_days: 占用天数
  harm: 危害后果
  corrected_in_time: 及时改正
values:
  party_type: {个人: individual}
  outcome: {罚款: penalty}
`

// TestWorkbook: a workbook with date cells, number cells, an empty row and
// trailing empty cells is read like its CSV: findings carry the sheet's
// row numbers.
func TestWorkbook(t *testing.T) {
	f := excelize.NewFile()
	sh := "Sheet1"
	header := []any{"案号", "事项", "当事人类型", "出生日期", "违法日期", "发现日期", "决定日期", "处理结果", "罚款", "告知听证", "法制审核", "占用面积", "占用天数", "危害后果", "及时改正"}
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	rows := [][]any{
		header,
		{"X1", "330199ZF001", "个人", day("1985-05-20"), day("2026-05-10"), day("2026-05-12"), day("2026-05-25"), "罚款", 5000, "是", "是", 30, 10, "minor", false},
		{},
		{"X2", "330199ZF001", "个人", "1985-05-20", "2026-05-10", "2026-05-12", "2026-05-25", "罚款", 12000, "是", "是", 30, 10, "minor", "否"},
		{"X3", "330199ZF001", "个人", "1985-05-20", "2026-05-10", "2026-05-12", "2026-05-25", "罚款", 5000, "是", "是", 30, 10},
	}
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	f.SetCellStyle(sh, "D2", "G2", style)
	path := filepath.Join(t.TempDir(), "records.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	m, err := audit.ParseMapping("m.yaml", []byte(mapping))
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Load(examples.CountyFile, examples.County())
	if err != nil {
		t.Fatal(err)
	}
	eng, err := discretion.Compile(cat)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := audit.New(m, eng)
	rep, err := a.Run(context.Background(), xlsx.Source(path, "", m), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got string
	for _, f := range rep.Findings {
		got += fmt.Sprintf("%d:%s ", f.Line, f.Kind)
	}
	if want := "4:fine_above_range 5:undecidable "; got != want || rep.Summary.Records != 3 {
		t.Errorf("findings %q over %d records, want %q over 3", got, rep.Summary.Records, want)
	}
}

// TestWriteFindings: the workbook of flagged records has a row per finding
// with its rule, and the counts.
func TestWriteFindings(t *testing.T) {
	rep := &audit.Report{Source: "r.csv", Summary: audit.Summary{Records: 2, Flagged: 1, ByKind: map[audit.Kind]int{audit.FineAboveRange: 1}},
		Findings: []audit.Finding{{Line: 2, CaseNumber: "X1", Item: "330199ZF001", Kind: audit.FineAboveRange, Title: audit.FineAboveRange.Label(),
			Message: "案卷处罚款 12000 元", Rule: "《中华人民共和国行政处罚法》第三十四条",
			Decision: []byte(`{"outcome":"general","fine":{"min":"3001","max":"10000"}}`)}}}
	path := filepath.Join(t.TempDir(), "findings.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := xlsx.WriteFindings(out, rep); err != nil {
		t.Fatal(err)
	}
	out.Close()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("问题清单")
	if len(rows) != 2 || rows[1][3] != "罚款高于裁量幅度" || rows[1][5] != "《中华人民共和国行政处罚法》第三十四条" || rows[1][9] != "一般处罚" || rows[1][10] != "3001–10000" {
		t.Errorf("rows %q", rows)
	}
}
