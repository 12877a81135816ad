package standards_test

import (
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/standards"
)

// bigCatalog returns a catalog of n items: the starter's header and its
// items repeated with renumbered codes.
func bigCatalog(b testing.TB, n int) *catalog.Catalog {
	b.Helper()
	src, err := os.ReadFile("../examples/starter/catalog.yaml")
	if err != nil {
		b.Fatal(err)
	}
	head, items, ok := strings.Cut(string(src), "\nitems:\n")
	if !ok {
		b.Fatal("no items in the starter catalog")
	}
	blocks := strings.Split(items, "\n  - code: ")
	var body []string
	for _, bl := range blocks {
		if _, rest, ok := strings.Cut(bl, "\n"); ok && strings.Contains(bl, "name:") {
			body = append(body, rest)
		}
	}
	var sb strings.Builder
	sb.WriteString(head + "\nitems:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "  - code: \"B%06d\"\n%s\n", i, body[i%len(body)])
	}
	cat, err := catalog.Load("big.yaml", []byte(sb.String()))
	if err != nil {
		b.Fatal(err)
	}
	return cat
}

func TestBigCatalog(t *testing.T) {
	cat := bigCatalog(t, 70)
	if len(cat.Items) != 70 || cat.Items[69].Code != "B000069" || cat.Items[69].Name != cat.Items[6].Name {
		t.Fatalf("generated %d items", len(cat.Items))
	}
}

// BenchmarkTable builds and writes the tables of a 5000-item catalog.
func BenchmarkTable(b *testing.B) {
	cat := bigCatalog(b, 5000)
	tbl, err := standards.Build(cat, standards.TableOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := standards.Build(cat, standards.TableOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, w := range []struct {
		name  string
		write func(io.Writer, *standards.Table) error
	}{{"html", standards.WriteHTML}, {"markdown", standards.WriteMarkdown}, {"csv", standards.WriteCSV}} {
		b.Run(w.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := w.write(io.Discard, tbl); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("build+html", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			t, err := standards.Build(cat, standards.TableOptions{})
			if err != nil {
				b.Fatal(err)
			}
			if err := standards.WriteHTML(io.Discard, t); err != nil {
				b.Fatal(err)
			}
		}
	})
}
