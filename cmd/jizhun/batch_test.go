package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/service"
)

// countyNDJSON is the bundled example cases, one per line.
func countyNDJSON(t *testing.T) (string, []string) {
	t.Helper()
	files, _ := filepath.Glob("../../examples/county/cases/*.json")
	var b strings.Builder
	var names []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var c bytes.Buffer
		if err := json.Compact(&c, data); err != nil {
			t.Fatal(err)
		}
		b.Write(c.Bytes())
		b.WriteByte('\n')
		names = append(names, f)
	}
	return b.String(), names
}

// decide --batch answers each line as `decide --format json` answers the
// case alone, in input order; a broken line gets its problem in its place
// and the exit status says that not every case was decided.
func TestDecideBatch_matches_single_decisions_in_order(t *testing.T) {
	in, files := countyNDJSON(t)
	in = `{"item":"330199ZF028"}` + "\n" + in + "not json\n"
	r := cliRun(t, in, "decide", "--batch", "--workers", "3")
	r.want(t, exitInvalid)
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	if len(lines) != len(files)+2 {
		t.Fatalf("%d lines for %d cases", len(lines), len(files)+2)
	}
	var first, last service.BatchEntry
	json.Unmarshal([]byte(lines[0]), &first)
	json.Unmarshal([]byte(lines[len(lines)-1]), &last)
	if first.Error == nil || first.Error.Code != service.CodeInvalidCase || last.Error == nil || last.Error.Code != service.CodeMalformedCase {
		t.Fatalf("broken lines answered %s … %s", lines[0], lines[len(lines)-1])
	}
	for i, f := range files {
		var e service.BatchEntry
		if err := json.Unmarshal([]byte(lines[i+1]), &e); err != nil || e.Index != i+1 {
			t.Fatalf("line %d: %v %s", i+1, err, lines[i+1])
		}
		single := cliRun(t, "", "decide", "--case", f, "--format", "json")
		if single.code != exitOK {
			if e.Error == nil {
				t.Fatalf("%s: decide fails alone but the batch decided it", f)
			}
			continue
		}
		var want bytes.Buffer
		json.Compact(&want, []byte(single.stdout))
		if !bytes.Equal(e.Decision, want.Bytes()) {
			t.Fatalf("%s: batch decision differs from decide --format json", f)
		}
	}
	if !strings.Contains(r.stderr, "出错 2 件") || !strings.Contains(r.stderr, "每秒") {
		t.Fatalf("summary line missing: %s", r.stderr)
	}
	if strings.Contains(r.stderr, "\r") {
		t.Fatal("progress bar drawn on a stderr that is not a terminal")
	}
}

func TestDecideBatch_file_argument_and_usage(t *testing.T) {
	in, files := countyNDJSON(t)
	path := filepath.Join(t.TempDir(), "cases.ndjson")
	os.WriteFile(path, []byte(in), 0o644)
	r := cliRun(t, "", "decide", "--batch", path)
	if got := strings.Count(r.stdout, "\n"); got != len(files) {
		t.Fatalf("%d answers for %d cases", got, len(files))
	}
	cliRun(t, "", "decide", "--batch", "--case", path).want(t, exitUsage)
	cliRun(t, "", "decide", "--batch", path, path).want(t, exitUsage)
	cliRun(t, "", "decide", "--batch", "--workers", "-2", path).want(t, exitUsage)
	cliRun(t, "", "decide", "--batch", filepath.Join(t.TempDir(), "missing.ndjson")).want(t, exitInvalid)
}
