package catalog_test

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/jizhun/jizhun/catalog"
)

// millionItems is a catalog of n one-line items, generated rather than
// committed.
func millionItems(n int) []byte {
	var b strings.Builder
	b.Grow(40 * n)
	b.WriteString("id: big\ntitle: 大目录\nissuer: 测试局\neffective: 2024-01-01\ntier_scheme: midpoint\nitems:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - {code: \"T%07d\", name: 事项}\n", i)
	}
	return []byte(b.String())
}

// TestLoadRefusesAMillionItemsEarly loads a catalog of 10⁶ trivial items
// (37 MB): it must be refused with catalog_too_large, naming the limit,
// within a second and without building the YAML tree (which took 3.8 s and
// 1.18 GB before the limit).
func TestLoadRefusesAMillionItemsEarly(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 37 MB")
	}
	data := millionItems(1_000_000)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	cat, err := catalog.Load("big.yaml", data)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	ds, ok := catalog.AsDiagnostics(err)
	if cat != nil || !ok || len(ds) != 1 || ds[0].Code != catalog.CodeTooLarge {
		t.Fatalf("Load = %v, %v; want one %s diagnostic", cat, err, catalog.CodeTooLarge)
	}
	if !strings.Contains(ds[0].Message, fmt.Sprint(catalog.MaxNodes)) {
		t.Errorf("message %q does not name the limit %d", ds[0].Message, catalog.MaxNodes)
	}
	if elapsed > time.Second {
		t.Errorf("refusing took %v; want under 1 s", elapsed)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 50<<20 {
		t.Errorf("refusing allocated %d MB; want a scan that builds nothing", alloc>>20)
	}
	t.Logf("refused %d bytes in %v, allocating %d KB: %s", len(data), elapsed, (after.TotalAlloc-before.TotalAlloc)>>10, ds[0].Message)
}

// TestLoadMaxNodesOption checks that the limit is the caller's to move.
func TestLoadMaxNodesOption(t *testing.T) {
	data := millionItems(100)
	if _, err := catalog.LoadWith("small.yaml", data, catalog.LoadOptions{MaxNodes: 500}); !errorsIsCode(err, catalog.CodeTooLarge) {
		t.Errorf("100 items under MaxNodes 500: %v; want %s", err, catalog.CodeTooLarge)
	}
	if _, err := catalog.LoadWith("small.yaml", data, catalog.LoadOptions{MaxNodes: 5000}); errorsIsCode(err, catalog.CodeTooLarge) {
		t.Errorf("100 items under MaxNodes 5000: %v", err)
	}
}

// BenchmarkLoadLargestAllowed loads a catalog of full items just under
// MaxNodes (the minimal test catalog's item, about 99 nodes, repeated),
// the largest the default limit lets through. Run it with
// go test ./catalog -run '^$' -bench LoadLargestAllowed -benchmem -count 1.
func BenchmarkLoadLargestAllowed(b *testing.B) {
	src, err := os.ReadFile("testdata/valid/minimal.yaml")
	if err != nil {
		b.Fatal(err)
	}
	s := string(src)
	i := strings.Index(s, "items:\n")
	head, item := s[:i+len("items:\n")], s[i+len("items:\n"):]
	n := catalog.MaxNodes / 100
	var buf strings.Builder
	buf.WriteString(head)
	for k := 0; k < n; k++ {
		buf.WriteString(strings.Replace(item, `"T001"`, fmt.Sprintf(`"T%06d"`, k), 1))
	}
	data := []byte(buf.String())
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := catalog.Load("largest.yaml", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "items")
}
