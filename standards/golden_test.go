package standards_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/standards"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test -update and review the diff\n--- got ---\n%s", path, got)
	}
}

func load(t testing.TB, path string) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.LoadFile(path)
	if err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
	return cat
}

// exampleCatalogs are the catalogs whose tables are kept as golden files.
var exampleCatalogs = map[string]string{
	"starter": "../examples/starter/catalog.yaml",
	"shapes":  "testdata/tables/shapes.yaml",
	"county":  "../examples/county/catalog.yaml",
	"lists":   "testdata/tables/lists.yaml",
}

func TestTablesGolden(t *testing.T) {
	for name, path := range exampleCatalogs {
		t.Run(name, func(t *testing.T) {
			cat := load(t, path)
			tbl, err := standards.Build(cat, standards.TableOptions{})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range []struct {
				ext   string
				write func(*bytes.Buffer, *standards.Table) error
			}{
				{"md", func(b *bytes.Buffer, t *standards.Table) error { return standards.WriteMarkdown(b, t) }},
				{"html", func(b *bytes.Buffer, t *standards.Table) error { return standards.WriteHTML(b, t) }},
				{"csv", func(b *bytes.Buffer, t *standards.Table) error { return standards.WriteCSV(b, t) }},
			} {
				var buf bytes.Buffer
				if err := w.write(&buf, tbl); err != nil {
					t.Fatal(err)
				}
				golden(t, name+"."+w.ext, buf.Bytes())
			}
		})
	}
}

func TestWordingModes(t *testing.T) {
	cat := load(t, "../examples/starter/catalog.yaml")
	cond := func(w standards.Wording) string {
		tbl, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListFirstOffense}, Wording: w})
		if err != nil {
			t.Fatal(err)
		}
		return tbl.Sections[0].Rows[0][4].Text
	}
	hand := "一年内首次违法，危害后果轻微并及时改正"
	rendered := "一年内未因同一事项受过行政处罚，（没有造成危害后果或者危害后果轻微），且及时改正"
	if got := cond(standards.WordingHand); got != hand {
		t.Errorf("hand: %q", got)
	}
	if got := cond(standards.WordingRendered); got != rendered {
		t.Errorf("rendered: %q", got)
	}
	if got := cond(standards.WordingBoth); got != hand+"\n（规则："+rendered+"）" {
		t.Errorf("both: %q", got)
	}
}

func TestListsOrderAndEmpty(t *testing.T) {
	cat, err := catalog.Load("render.yaml", []byte(renderCatalog))
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{
		standards.ListAggravating, standards.ListFirstOffense, standards.ListAggravating}})
	if err != nil {
		t.Fatal(err)
	}
	if len(tbl.Sections) != 2 || tbl.Sections[0].List != standards.ListAggravating || tbl.Sections[1].List != standards.ListFirstOffense {
		t.Fatalf("sections: %v", len(tbl.Sections))
	}
	row := tbl.Sections[1].Rows[0]
	if len(tbl.Sections[1].Rows) != 1 || row[0].Text != "本基准未列入任何事项。" || row[0].ColSpan != len(row) || !row[1].Covered {
		t.Errorf("empty list row: %+v", row)
	}
	if _, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{"other"}}); err == nil {
		t.Error("an unknown list was accepted")
	}
}

// TestMerges checks the merge structure of the benchmark table: every
// row has one cell per column, every covered cell lies inside a merge that
// starts above it in the same column, and an item's own columns span all
// its rows.
func TestMerges(t *testing.T) {
	for name, path := range exampleCatalogs {
		tbl, err := standards.Build(load(t, path), standards.TableOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range tbl.Sections {
			open := make([]int, len(s.Columns)) // rows still covered per column
			for r, row := range s.Rows {
				if len(row) != len(s.Columns) {
					t.Fatalf("%s %s row %d has %d cells", name, s.List, r, len(row))
				}
				for c := 0; c < len(row); c++ {
					cell := row[c]
					switch {
					case open[c] > 0:
						if !cell.Covered || cell.Text != "" {
							t.Errorf("%s %s row %d col %d should be covered", name, s.List, r, c)
						}
						open[c]--
					case cell.Covered && c > 0 && row[0].ColSpan > c:
					case cell.Covered:
						t.Errorf("%s %s row %d col %d is covered by nothing", name, s.List, r, c)
					case cell.RowSpan > 1:
						open[c] = cell.RowSpan - 1
					}
				}
			}
			for c, n := range open {
				if n > 0 {
					t.Errorf("%s %s: column %d merge runs past the last row", name, s.List, c)
				}
			}
		}
	}
}
