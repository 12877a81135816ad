package catalog_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
)

var update = flag.Bool("update", false, "rewrite testdata/invalid/*.golden from the diagnostics the fixtures produce")

// An annotation is a YAML comment on the offending line of a fixture:
//
//	key: value  # ERROR "regexp"
//
// Several may follow each other on one line. Two optional prefixes widen
// the form for lines that cannot carry a comment (the inside of a block
// scalar) and for column checks:
//
//	# ERROR @-2 "rx"     the diagnostic is two lines above this comment
//	# ERROR :15 "rx"     the diagnostic is at column 15 of its line
//	# ERROR @-2:15 "rx"  both
//
// The regexp may be written "…" (a \" inside stands for a quote) or `…`
// (taken as is), and is matched against the diagnostic's message followed
// by its hint in parentheses: `unknown key "isuer" \(did you mean "issuer"\?\)`.
var annotationRE = regexp.MustCompile("ERROR(?:\\s*@([+-]\\d+))?(?:\\s*:(\\d+))?\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`)")

type annotation struct {
	line, col int    // col 0: any column
	text      string // the regexp as written
	rx        *regexp.Regexp
	matched   bool
}

func parseAnnotations(t *testing.T, data []byte) []*annotation {
	t.Helper()
	var out []*annotation
	for i, line := range strings.Split(string(data), "\n") {
		hash := strings.Index(line, "# ERROR")
		if hash < 0 {
			continue
		}
		ms := annotationRE.FindAllStringSubmatch(line[hash:], -1)
		if len(ms) == 0 {
			t.Fatalf("line %d: malformed annotation %q", i+1, line[hash:])
		}
		for _, m := range ms {
			a := &annotation{line: i + 1}
			if m[1] != "" {
				off, _ := strconv.Atoi(m[1])
				a.line += off
			}
			if m[2] != "" {
				a.col, _ = strconv.Atoi(m[2])
			}
			a.text = m[3][1 : len(m[3])-1]
			if m[3][0] == '"' {
				a.text = strings.ReplaceAll(a.text, `\"`, `"`)
			}
			rx, err := regexp.Compile(a.text)
			if err != nil {
				t.Fatalf("line %d: annotation %q: %v", i+1, a.text, err)
			}
			a.rx = rx
			out = append(out, a)
		}
	}
	return out
}

// loadAndCompile runs what `jizhun validate` runs: Load, then, for a
// catalog whose structure is sound, discretion.Compile for its conditions.
// Both must return nil or a catalog.Diagnostics value, and neither may panic.
//
// Load returns the catalog without the items it found problems in, and
// that is compiled too, so that one run reports the problems of the
// structure, the ranges and the conditions together. lang is the language
// of the messages: "" for Chinese, "en" for English.
func loadAndCompile(t *testing.T, name string, data []byte, lang string) (diags catalog.Diagnostics) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("panic: %v", r)
		}
	}()
	cat, err := catalog.LoadWith(name, data, catalog.LoadOptions{Lang: lang})
	if cat != nil {
		all, _ := catalog.AsDiagnostics(err)
		if _, cerr := discretion.Compile(cat); cerr != nil {
			ds, _ := catalog.AsDiagnostics(cerr)
			all = append(all, ds.Localize(lang)...)
		}
		base := discretion.BaseScope(cat)
		left := condition.CheckItems(cat.LeftOut, func(it *catalog.Item) *condition.Scope {
			return discretion.ItemScope(base, cat, it)
		})
		all = append(all, left.Localize(lang)...)
		all.Sort()
		err = all.Err()
	} else if err == nil {
		t.Fatalf("Load returned neither a catalog nor an error")
	}
	if err == nil {
		return nil
	}
	ds, ok := err.(catalog.Diagnostics)
	if !ok {
		t.Fatalf("error is %T, not catalog.Diagnostics: %v", err, err)
	}
	if len(ds) == 0 {
		t.Fatalf("non-nil error holding no diagnostics")
	}
	return ds
}

func diagText(d *catalog.Diagnostic) string {
	if d.Hint == "" {
		return d.Message
	}
	return d.Message + " (" + d.Hint + ")"
}

// TestInvalidFixtures checks every fixture in testdata/invalid, whose
// messages are Chinese: each annotated line gets a diagnostic there whose
// text matches, no diagnostic is left unannotated, every diagnostic names
// the file with a line and a column, and the full rendering matches the
// .golden file beside it.
func TestInvalidFixtures(t *testing.T) {
	testFixtures(t, filepath.Join("testdata", "invalid"), "", 60)
}

// TestInvalidFixturesEnglish checks the fixtures of testdata/invalid_en
// the same way, loaded with LoadOptions{Lang: "en"}.
func TestInvalidFixturesEnglish(t *testing.T) {
	testFixtures(t, filepath.Join("testdata", "invalid_en"), "en", 5)
}

func testFixtures(t *testing.T, dir, lang string, least int) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < least {
		t.Fatalf("found %d fixtures in %s; expected the full set", len(files), dir)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".yaml"), func(t *testing.T) {
			t.Parallel()
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want := parseAnnotations(t, data)
			if len(want) == 0 {
				t.Fatalf("%s has no # ERROR annotation", file)
			}
			diags := loadAndCompile(t, file, data, lang)
			if len(diags) == 0 {
				t.Fatalf("%s loaded and compiled without diagnostics", file)
			}
			for _, d := range diags {
				if d.Pos.File != file || d.Pos.Line < 1 || d.Pos.Col < 1 {
					t.Errorf("diagnostic without a full position %+v: %v", d.Pos, d)
				}
				if d.Code == "" || d.Message == "" {
					t.Errorf("diagnostic without code or message: %#v", d)
				}
			}
			matchAnnotations(t, file, diags, want)
			checkGolden(t, file, diags)
		})
	}
}

func matchAnnotations(t *testing.T, file string, diags catalog.Diagnostics, want []*annotation) {
	t.Helper()
	for _, d := range diags {
		found := false
		for _, a := range want {
			if a.matched || a.line != d.Pos.Line || (a.col != 0 && a.col != d.Pos.Col) {
				continue
			}
			if a.rx.MatchString(diagText(d)) {
				a.matched, found = true, true
				break
			}
		}
		if !found {
			t.Errorf("%s: unexpected diagnostic [%s] %s", d.Pos, d.Code, diagText(d))
		}
	}
	for _, a := range want {
		if !a.matched {
			where := fmt.Sprintf("%s:%d", file, a.line)
			if a.col != 0 {
				where += ":" + strconv.Itoa(a.col)
			}
			t.Errorf("%s: no diagnostic matching %q", where, a.text)
		}
	}
}

// checkGolden compares the diagnostics, one a line as
// "line:col: code: message (hint)", with NAME.golden; -update rewrites it.
func checkGolden(t *testing.T, file string, diags catalog.Diagnostics) {
	t.Helper()
	var b bytes.Buffer
	for _, d := range diags {
		fmt.Fprintf(&b, "%d:%d: %s: %s\n", d.Pos.Line, d.Pos.Col, d.Code, diagText(d))
	}
	golden := strings.TrimSuffix(file, ".yaml") + ".golden"
	if *update {
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./catalog -run TestInvalidFixtures -update)", err)
	}
	if got := b.String(); got != string(want) {
		t.Errorf("diagnostics differ from %s\n--- got\n%s--- want\n%s", golden, got, want)
	}
}
