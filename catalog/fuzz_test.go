package catalog_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
)

// FuzzLoad feeds arbitrary bytes to Load and, when they load, to
// discretion.Compile. Seeds are every fixture in testdata and the starter
// catalog. Neither may panic, and every problem must come back as a
// catalog.Diagnostics whose entries name the file with a line and column
// inside it.
// yamlLines counts lines as YAML does: LF, CR, CR LF, NEL, LS and PS end one.
func yamlLines(data []byte) int {
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	n := 1
	for _, r := range s {
		switch r {
		case '\n', '\r', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}

func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.yaml")
	seeds = append(seeds, starterPath)
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, err := catalog.Load("f.yaml", data)
		if cat != nil {
			// A catalog Load found problems in is compiled too, as
			// validate does, so that its conditions are checked in the
			// same run.
			loadDiags, _ := catalog.AsDiagnostics(err)
			if _, cerr := discretion.Compile(cat); cerr != nil {
				ds, _ := catalog.AsDiagnostics(cerr)
				loadDiags = append(loadDiags, ds...)
			}
			base := discretion.BaseScope(cat)
			loadDiags = append(loadDiags, condition.CheckItems(cat.LeftOut, func(it *catalog.Item) *condition.Scope {
				return discretion.ItemScope(base, cat, it)
			})...)
			err = loadDiags.Err()
		}
		if err == nil {
			return
		}
		ds, ok := err.(catalog.Diagnostics)
		if !ok || len(ds) == 0 {
			t.Fatalf("error %T is not a non-empty catalog.Diagnostics: %v", err, err)
		}
		lines := yamlLines(data)
		for _, d := range ds {
			if d.Pos.File != "f.yaml" || d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 1 || d.Code == "" {
				t.Fatalf("diagnostic without a position in the file (%d lines): %+v %v", lines, d.Pos, d)
			}
		}
	})
}
