package standards_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/standards"
)

// TestSourceColumn checks the optional 规则出处 column: each grade row of
// the 裁量基准表 names the line its grade is written at, in catalog order;
// the column stands before 备注 (with the columns that vary by grade); a
// circumstance the law itself gives says so; and a table built without
// the option has no such column.
func TestSourceColumn(t *testing.T) {
	cat := load(t, exampleCatalogs["county"])
	tbl, err := standards.Build(cat, standards.TableOptions{Source: true})
	if err != nil {
		t.Fatal(err)
	}
	bench := tbl.Sections[0]
	col := -1
	for i, c := range bench.Columns {
		if c.Title == "规则出处" {
			col = i
		}
	}
	if col < 0 || bench.Columns[col+1].Title != "备注" {
		t.Fatalf("benchmark columns %v: want 规则出处 before 备注", bench.Columns)
	}
	var want []string
	for _, it := range cat.Items {
		for _, v := range it.Versions {
			if v.EffectiveTo != nil && *v.EffectiveTo < cat.Effective {
				continue
			}
			if v.Benchmark == nil || v.Decriminalized {
				want = append(want, fmt.Sprintf("catalog.yaml\n第%d行", v.Pos.Line))
				continue
			}
			for _, g := range v.Benchmark.Grades {
				want = append(want, fmt.Sprintf("catalog.yaml\n第%d行", g.Pos.Line))
			}
		}
	}
	if len(bench.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(bench.Rows), len(want))
	}
	for r, row := range bench.Rows {
		if got := row[col].Text; got != want[r] {
			t.Errorf("row %d: 规则出处 %q, want %q", r+1, got, want[r])
		}
	}
	for _, s := range tbl.Sections[1:] {
		last := s.Columns[len(s.Columns)-1]
		if last.Title != "规则出处" {
			t.Errorf("%s: last column %q, want 规则出处", s.Title, last.Title)
		}
	}
	factors := tbl.Sections[3]
	found := false
	for _, row := range factors.Rows {
		if strings.HasSuffix(row[6].Text, "第三十条") {
			found = true
			if got := row[len(row)-1].Text; got != "法律规定" {
				t.Errorf("art. 30 row: 规则出处 %q, want 法律规定", got)
			}
		}
	}
	if !found {
		t.Error("no art. 30 row in the circumstances")
	}

	plain, err := standards.Build(cat, standards.TableOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range plain.Sections {
		for _, c := range s.Columns {
			if c.Title == "规则出处" {
				t.Errorf("%s: 规则出处 without the option", s.Title)
			}
		}
	}
}
