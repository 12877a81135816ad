package catalog

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// bigSource repeats the items of a catalog file until the file has size
// bytes, with unique codes.
func bigSource(t *testing.T, path string, size int) []byte {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	head, items, ok := strings.Cut(string(src), "\nitems:\n")
	if !ok {
		t.Fatalf("%s: no items", path)
	}
	var b strings.Builder
	b.WriteString(head + "\nitems:\n")
	for i := 0; b.Len() < size; i++ {
		b.WriteString(strings.ReplaceAll(items, `code: "`, fmt.Sprintf(`code: "R%d-`, i)))
		if !strings.HasSuffix(items, "\n") {
			b.WriteString("\n")
		}
	}
	return []byte(b.String())
}

// sameTree compares the parts of two YAML trees that the decoder reads.
func sameTree(t *testing.T, a, b *yaml.Node) {
	t.Helper()
	if a.Kind != b.Kind || a.Tag != b.Tag || a.Value != b.Value || a.Line != b.Line || a.Column != b.Column ||
		a.Style != b.Style || a.Anchor != b.Anchor || len(a.Content) != len(b.Content) {
		t.Fatalf("nodes differ: %d:%d %v %q %q vs %d:%d %v %q %q", a.Line, a.Column, a.Kind, a.Tag, a.Value,
			b.Line, b.Column, b.Kind, b.Tag, b.Value)
	}
	for i := range a.Content {
		sameTree(t, a.Content[i], b.Content[i])
	}
}

func TestParseParallelSameTree(t *testing.T) {
	for _, path := range []string{"../examples/starter/catalog.yaml", "../examples/county/catalog.yaml"} {
		data := bigSource(t, path, 2*parallelMin)
		lines := splitLines(data)
		par := parseParallel(data, lines)
		if par == nil {
			t.Fatalf("%s: the parallel parse declined", path)
		}
		var doc yaml.Node
		if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&doc); err != nil {
			t.Fatal(err)
		}
		sameTree(t, doc.Content[0], par)
	}
}

func TestParseParallelDeclines(t *testing.T) {
	data := bigSource(t, "../examples/starter/catalog.yaml", 2*parallelMin)
	for name, edit := range map[string]func(string) string{
		"small":          func(s string) string { return s[:1000] },
		"crlf":           func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
		"flow items":     func(s string) string { return strings.Replace(s, "\nitems:\n", "\nitems: # x\n", 1) + "\nother: 1\n" },
		"second doc":     func(s string) string { return s + "\n---\nid: x\n" },
		"broken entry":   func(s string) string { return strings.Replace(s, "    name: ", "    name: \"", 1) },
		"unclosed quote": func(s string) string { return strings.Replace(s, "    name: ", "    name: 'a\n  - b", 1) },
	} {
		s := edit(string(data))
		root := parseParallel([]byte(s), splitLines([]byte(s)))
		var doc yaml.Node
		err := yaml.NewDecoder(strings.NewReader(s)).Decode(&doc)
		switch {
		case root == nil:
		case err != nil:
			t.Errorf("%s: parallel parse succeeded where the sequential one fails: %v", name, err)
		default:
			sameTree(t, doc.Content[0], root)
		}
		if name != "flow items" && name != "broken entry" && root != nil {
			t.Errorf("%s: the parallel parse should have declined", name)
		}
	}
}

// Loading in parallel reports what loading on one core reports, in the
// same order: decoding errors in several items, and validation errors.
func TestLoadParallelSameDiagnostics(t *testing.T) {
	data := string(bigSource(t, "../examples/starter/catalog.yaml", 6*parallelMin))
	blocks := strings.Split(data, "\n    name: ")
	if len(blocks) < 1200 {
		t.Fatalf("only %d items", len(blocks))
	}
	for _, i := range []int{3, 600, 601, 1100} {
		blocks[i] = "nmae: x\n    name: " + blocks[i] // unknown key
	}
	blocks[800] = "name: [a]\n    remarks: " + blocks[800] // wrong type
	decodeErrors := strings.Join(blocks, "\n    name: ")
	validateErrors := strings.Replace(data, "verification: verified", "verification: maybe", 3)
	for name, src := range map[string]string{"decode": decodeErrors, "validate": validateErrors, "valid": data} {
		_, errPar := Load("big.yaml", []byte(src))
		prev := runtime.GOMAXPROCS(1)
		_, errSeq := Load("big.yaml", []byte(src))
		runtime.GOMAXPROCS(prev)
		if fmt.Sprint(errPar) != fmt.Sprint(errSeq) {
			t.Errorf("%s: parallel load reports\n%v\nsequential load reports\n%v", name, errPar, errSeq)
		}
		if (errSeq == nil) != (name == "valid") {
			t.Errorf("%s: error %v", name, errSeq)
		}
	}
}
