package standards_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/standards"
)

// TestHTMLItemIsOneRow checks the structure that lets a browser print an
// item across a page break: each block of rows tied by merged cells (an
// item and its grades) is one row of the page's table, its varying columns
// a table inside one cell, and no cell of the page's tables spans rows
// (Chromium lets the text of a row-spanning cell broken across pages run
// over the next row).
func TestHTMLItemIsOneRow(t *testing.T) {
	cat := load(t, exampleCatalogs["county"])
	tbl, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListBenchmark}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := standards.WriteHTML(&buf, tbl); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	body := page[strings.Index(page, "<tbody>"):strings.Index(page, "</tbody>")]
	outer := regexp.MustCompile(`(?s)<table class="sub">.*?</table>`).ReplaceAllString(body, "")
	if rows := strings.Count(outer, "<tr>"); rows != len(cat.Items) {
		t.Errorf("the benchmark table has %d rows, want one per item (%d)", rows, len(cat.Items))
	}
	if strings.Contains(outer, "rowspan") {
		t.Errorf("a cell of the page's table spans rows")
	}
	if got := strings.Count(body, `<td class="sub"`); got == 0 {
		t.Errorf("no item sets its grades as a table inside a cell")
	}
	// every grade is still there, one row each
	grades := 0
	for _, it := range cat.Items {
		for _, v := range it.Versions {
			if v.Benchmark != nil && (v.EffectiveTo == nil || *v.EffectiveTo >= cat.Effective) {
				grades += len(v.Benchmark.Grades)
			}
		}
	}
	if got := strings.Count(body, "<tr>") - len(cat.Items); got < grades {
		t.Errorf("%d inner rows, want at least one per grade (%d)", got, grades)
	}
}
