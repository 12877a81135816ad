package xlsx_test

import (
	"fmt"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/standards"
	"github.com/jizhun/jizhun/standards/xlsx"
)

// bigCatalog returns a catalog of n items: the starter's header and its
// items repeated with renumbered codes (as in the standards benchmarks).
func bigCatalog(b testing.TB, n int) *catalog.Catalog {
	b.Helper()
	src, err := os.ReadFile("../../examples/starter/catalog.yaml")
	if err != nil {
		b.Fatal(err)
	}
	head, items, ok := strings.Cut(string(src), "\nitems:\n")
	if !ok {
		b.Fatal("no items in the starter catalog")
	}
	var body []string
	for _, bl := range strings.Split(items, "\n  - code: ") {
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

// BenchmarkTable writes the workbook of a 5000-item catalog.
func BenchmarkTable(b *testing.B) {
	cat := bigCatalog(b, benchItems)
	tbl, err := standards.Build(cat, standards.TableOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("xlsx", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := xlsx.Write(io.Discard, tbl); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("build+xlsx", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			t, err := standards.Build(cat, standards.TableOptions{})
			if err != nil {
				b.Fatal(err)
			}
			if err := xlsx.Write(io.Discard, t); err != nil {
				b.Fatal(err)
			}
		}
	})
}

const benchItems = 5000
