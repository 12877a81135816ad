package standards_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/standards"
)

// TestTableAgreesWithEngine decides the starter's example cases and checks
// that the table row of the grade the engine chose states the range the
// engine computed: what is published is what is computed.
func TestTableAgreesWithEngine(t *testing.T) {
	cat := load(t, "../examples/starter/catalog.yaml")
	eng, err := discretion.Compile(cat)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListBenchmark}})
	if err != nil {
		t.Fatal(err)
	}
	// The grade's 处罚标准 cell, found by item code and grade label.
	cell := func(code, gradeLabel string) string {
		rows := tbl.Sections[0].Rows
		item := ""
		for _, r := range rows {
			if r[1].Text != "" {
				item = r[1].Text
			}
			if item == code && (r[5].Text == gradeLabel || strings.HasPrefix(r[5].Text, gradeLabel+"\n")) {
				return r[7].Text
			}
		}
		return ""
	}
	for _, tc := range []struct {
		file     string
		min, max string // the engine's fine for the case
		phrase   string // how the table states the grade's range
	}{
		{"road_general.json", "2001", "8000", "可以处超过2000元不超过8000元罚款"},
		{"bbq_two_provisions.json", "2001", "8000", "并处超过2000元不超过8000元罚款"},
		{"bus_low_gains_fallback.json", "20001", "40000", "没有违法所得或者违法所得不足1万元的，处超过2万元不超过4万元罚款"},
		{"piling_overdue_org.json", "1201", "2200", "对单位处超过1200元不超过2200元罚款"},
		{"planning_percent_cost.json", "27601", "36800", "处建设工程造价超过百分之六不超过百分之八罚款"},
	} {
		f, err := os.Open(filepath.Join("../examples/starter/cases", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		c, err := discretion.ParseCase(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		d, err := eng.Decide(context.Background(), c)
		if err != nil {
			t.Fatalf("%s: %v", tc.file, err)
		}
		if d.Outcome != discretion.General || d.Fine == nil {
			t.Fatalf("%s: outcome %s; the test needs a general outcome with a fine", tc.file, d.Outcome)
		}
		if d.Fine.Min.String() != tc.min || d.Fine.Max.String() != tc.max {
			t.Errorf("%s: engine fine %s–%s, want %s–%s", tc.file, d.Fine.Min, d.Fine.Max, tc.min, tc.max)
		}
		if got := cell(d.Item, d.GradeLabel); !strings.Contains(got, tc.phrase) {
			t.Errorf("%s: grade %s of %s reads %q, want it to contain %q", tc.file, d.GradeLabel, d.Item, got, tc.phrase)
		}
	}
}
