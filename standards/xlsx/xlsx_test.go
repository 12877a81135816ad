package xlsx_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/standards"
	"github.com/jizhun/jizhun/standards/xlsx"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var exampleCatalogs = map[string]string{
	"starter": "../../examples/starter/catalog.yaml",
	"shapes":  "../testdata/tables/shapes.yaml",
	"lists":   "../testdata/tables/lists.yaml",
	"county":  "../../examples/county/catalog.yaml",
}

func build(t testing.TB, path string, opts standards.TableOptions) *standards.Table {
	t.Helper()
	cat, err := catalog.LoadFile(path)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	tbl, err := standards.Build(cat, opts)
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

// dump reads a workbook back and lists what a reader sees: sheet names,
// merged ranges, every non-empty cell, the frozen panes, the page setup and
// the print titles.
func dump(t *testing.T, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	fmt.Fprintf(&b, "sheets: %s\n", strings.Join(f.GetSheetList(), ", "))
	for _, dn := range f.GetDefinedName() {
		fmt.Fprintf(&b, "defined name %s (%s): %s\n", dn.Name, dn.Scope, dn.RefersTo)
	}
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "\n== %s ==\n", sheet)
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "panes: freeze=%v ysplit=%d topleft=%s\n", panes.Freeze, panes.YSplit, panes.TopLeftCell)
		pl, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "page: size=%d orientation=%s fit=%dx%d\n", *pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight)
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "footer: %s\n", hf.OddFooter)
		merges, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var refs []string
		for _, m := range merges {
			refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		sort.Strings(refs)
		fmt.Fprintf(&b, "merged: %s\n", strings.Join(refs, " "))
		cols, err := f.GetCols(sheet)
		if err != nil {
			t.Fatal(err)
		}
		var widths []string
		for c := range cols {
			name, _ := excelize.ColumnNumberToName(c + 1)
			w, err := f.GetColWidth(sheet, name)
			if err != nil {
				t.Fatal(err)
			}
			widths = append(widths, fmt.Sprintf("%s=%.2f", name, w))
		}
		fmt.Fprintf(&b, "columns: %s\n", strings.Join(widths, " "))
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			h, err := f.GetRowHeight(sheet, r+1)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&b, "row %d: %.1fpt\n", r+1, h)
			for c, v := range row {
				if v == "" {
					continue
				}
				name, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fmt.Fprintf(&b, "%s: %s\n", name, strings.ReplaceAll(v, "\n", "⏎"))
			}
		}
	}
	return b.String()
}

func TestWorkbookGolden(t *testing.T) {
	for name, path := range exampleCatalogs {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := xlsx.Write(&buf, build(t, path, standards.TableOptions{})); err != nil {
				t.Fatal(err)
			}
			got := dump(t, buf.Bytes())
			file := filepath.Join("testdata", name+".xlsx.txt")
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs; run go test -update and review the diff\n%s", file, got)
			}
		})
	}
}

// TestDeterministic checks that equal tables give byte-identical files, so
// that a published workbook can be reproduced from its catalog.
func TestDeterministic(t *testing.T) {
	tbl := build(t, exampleCatalogs["starter"], standards.TableOptions{})
	var first []byte
	for i := 0; i < 5; i++ {
		var buf bytes.Buffer
		if err := xlsx.Write(&buf, tbl); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = buf.Bytes()
		} else if !bytes.Equal(first, buf.Bytes()) {
			t.Fatalf("write %d differs from the first", i+1)
		}
	}
}

// TestOneList checks a workbook of a single list: one sheet, named for it.
func TestOneList(t *testing.T) {
	tbl := build(t, exampleCatalogs["starter"], standards.TableOptions{Lists: []standards.List{standards.ListFirstOffense}})
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, tbl); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 1 || got[0] != "首违不罚清单" {
		t.Fatalf("sheets = %v", got)
	}
	v, err := f.GetCellValue("首违不罚清单", "C6")
	if err != nil || v != "擅自占用城市道路" {
		t.Fatalf("C6 = %q, %v", v, err)
	}
}
