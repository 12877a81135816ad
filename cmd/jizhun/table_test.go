package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

var updateGolden = flag.Bool("update", false, "rewrite the golden files in testdata")

const starter = "../../examples/starter/catalog.yaml"

func runCmd(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func goldenFile(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *updateGolden {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs; run go test -update and review the diff\n%s", path, got)
	}
}

func TestTableList(t *testing.T) {
	code, out, errs := runCmd("table", "--catalog", starter, "--format", "md", "--list", "first-offense,light-violation")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	goldenFile(t, "table/starter-lists.md", out)
}

// TestTableSource checks --source: the lists carry a 规则出处 column naming
// the catalog line of each row, and a table without the flag has none.
func TestTableSource(t *testing.T) {
	code, out, errs := runCmd("table", "--catalog", starter, "--format", "md", "--list", "first-offense,light-violation", "--source")
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	goldenFile(t, "table/starter-lists-source.md", out)
	if !strings.Contains(out, "| 规则出处 |") || !strings.Contains(out, "catalog.yaml<br>第") {
		t.Errorf("--source printed no 规则出处 column")
	}
	_, plain, _ := runCmd("table", "--catalog", starter, "--format", "md", "--list", "first-offense")
	if strings.Contains(plain, "规则出处") {
		t.Errorf("规则出处 printed without --source")
	}
}

func TestTableFormats(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ args []string }{
		{[]string{"--format", "html", "--out", filepath.Join(dir, "t.html")}},
		{[]string{"--out", filepath.Join(dir, "t.csv")}}, // format from the extension
		{[]string{"--format", "xlsx", "--out", filepath.Join(dir, "t.xlsx")}},
		{[]string{"--format", "md", "--wording", "rendered", "--out", filepath.Join(dir, "t.md")}},
	} {
		args := append([]string{"table", "--catalog", starter}, tc.args...)
		if code, _, errs := runCmd(args...); code != exitOK {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
	}
	html, _ := os.ReadFile(filepath.Join(dir, "t.html"))
	if !bytes.HasPrefix(html, []byte("<!DOCTYPE html>")) || !bytes.Contains(html, []byte("size: A4 landscape")) {
		t.Errorf("t.html is not the printable page")
	}
	csv, _ := os.ReadFile(filepath.Join(dir, "t.csv"))
	if !bytes.HasPrefix(csv, []byte("\xEF\xBB\xBF示例县")) {
		t.Errorf("t.csv does not start with a BOM and the title: %q", csv[:min(len(csv), 20)])
	}
	md, _ := os.ReadFile(filepath.Join(dir, "t.md"))
	if !bytes.Contains(md, []byte("一年内未因同一事项受过行政处罚")) || bytes.Contains(md, []byte("一年内首次违法，危害后果轻微并及时改正")) {
		t.Errorf("--wording rendered printed the hand wording of the first-offense condition")
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "t.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "裁量基准表,首违不罚清单,轻微违法不予处罚清单,从重从轻减轻情形" {
		t.Errorf("sheets = %s", got)
	}
}

func TestTableErrors(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"table"}, exitUsage, "--format is required"},
		{[]string{"table", "--catalog", starter}, exitUsage, "--format is required"},
		{[]string{"table", "--catalog", starter, "--format", "pdf"}, exitUsage, "must be md, html, csv or xlsx"},
		{[]string{"table", "--catalog", starter, "--format", "md", "--list", "all"}, exitUsage, `unknown list "all"`},
		{[]string{"table", "--catalog", starter, "--format", "md", "--wording", "mixed"}, exitUsage, "--wording must be"},
		{[]string{"table", "--catalog", starter, "--format", "md", "extra"}, exitUsage, "unexpected argument"},
		{[]string{"table", "--catalog", "testdata/table/missing.yaml", "--format", "md"}, exitInvalid, "no such file"},
		{[]string{"table", "--lang=en", "--catalog", "testdata/table/bad-condition.yaml", "--format", "md"}, exitInvalid,
			`bad-condition.yaml:20:37: condition: "aera_m2" is not a declared fact (did you mean "area_m2"?)`},
	} {
		code, out, errs := runCmd(tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.code, tc.stderr)
		}
		if code != exitOK && out != "" {
			t.Errorf("%v: wrote %q to stdout on failure", tc.args, out)
		}
	}
}

func TestTableWarnsOnHandWording(t *testing.T) {
	code, _, errs := runCmd("table", "--catalog", "../../standards/testdata/tables/shapes.yaml", "--format", "csv")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "warning: ") || !strings.Contains(errs, "mentions 6") {
		t.Errorf("stderr = %q", errs)
	}
}
