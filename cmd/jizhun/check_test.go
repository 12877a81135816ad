package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

const (
	checkStarterPath = "../../examples/starter/catalog.yaml"
	checkBrokenPath  = "../../standards/testdata/broken/catalog.yaml"
)

func runCheck(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(append([]string{"check"}, args...), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// TestCheckExamplesClean: every example catalog checks with exit 0 and no
// error finding.
func TestCheckExamplesClean(t *testing.T) {
	paths, _ := filepath.Glob("../../examples/*/catalog.yaml")
	if len(paths) == 0 {
		t.Fatal("no example catalogs")
	}
	code, out, errs := runCheck(paths...)
	if code != exitOK || strings.Contains(out, ": 错误: ") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	for _, p := range paths {
		if !strings.Contains(out, p+"：0个错误") {
			t.Errorf("no summary for %s:\n%s", p, out)
		}
	}
}

// TestCheckReportInEnglish: with --lang en the report's framing and its
// findings are English; codes and positions are the same.
func TestCheckReportInEnglish(t *testing.T) {
	code, out, errs := runCheck("--lang", "en", "../../examples/county/catalog.yaml")
	if code != exitOK || !strings.Contains(out, "../../examples/county/catalog.yaml: 0 errors, 0 warnings; ") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
}

// TestCheckBrokenNamesEveryDefect: exit 3, and every defect of the broken
// catalog is named as file:line:col with its code and a witness.
func TestCheckBrokenNamesEveryDefect(t *testing.T) {
	code, out, errs := runCheck(checkBrokenPath)
	if code != exitDefects {
		t.Fatalf("exit %d, want 3\n%s\n%s", code, out, errs)
	}
	data, err := os.ReadFile(checkBrokenPath)
	if err != nil {
		t.Fatal(err)
	}
	marker := regexp.MustCompile(`#\s*DEFECT\s+(standards_[a-z_]+)`)
	n := 0
	for i, line := range strings.Split(string(data), "\n") {
		m := marker.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		n++
		want := regexp.MustCompile(regexp.QuoteMeta(checkBrokenPath) + ":" + itoaCheck(i+2) + `:\d+: 错误: ` + m[1] + ": ")
		if !want.MatchString(out) {
			t.Errorf("%s is not reported at line %d:\n%s", m[1], i+2, out)
		}
	}
	if n != 10 {
		t.Errorf("%d defects marked, want one of each of the 10 classes", n)
	}
	if got := strings.Count(out, "示例案件（可用 jizhun decide --case 复核）："); got != 9 {
		t.Errorf("%d witnesses, want 9 (every defect but the unreachable factor)", got)
	}
}

// TestCheckWitnessFilesDecide: --out writes each witness as a case file
// that `jizhun decide` accepts.
func TestCheckWitnessFilesDecide(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runCheck("--out", dir, checkBrokenPath)
	if code != exitDefects {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) != 9 {
		t.Fatalf("%d witness files, want 9: %v", len(files), files)
	}
	sort.Strings(files)
	for _, f := range files {
		var o, e bytes.Buffer
		c := run([]string{"decide", "--catalog", checkBrokenPath, "--case", f, "--format", "json"}, strings.NewReader(""), &o, &e)
		gap := strings.Contains(f, "-gap-")
		// B002 declares its grades exclusive: the engine refuses the
		// overlap's witness, naming both grades.
		ambiguous := strings.Contains(f, "-overlap-B002")
		switch {
		case gap && (c != exitInvalid || !strings.Contains(e.String(), "本案不符合任何档次的条件")):
			t.Errorf("%s: exit %d, want the gap error\n%s", f, c, e.String())
		case ambiguous && (c != exitInvalid || !strings.Contains(e.String(), "裁量基准声明各档次互斥")):
			t.Errorf("%s: exit %d, want the ambiguity error\n%s", f, c, e.String())
		case !gap && !ambiguous && c != exitOK:
			t.Errorf("%s: exit %d\n%s", f, c, e.String())
		}
	}
}

// TestCheckJSONAndProperties: --format json with --properties gives one
// result per file with the report and every property.
func TestCheckJSONAndProperties(t *testing.T) {
	code, out, errs := runCheck("--format", "json", "--properties", "30", "--seed", "7", checkStarterPath)
	if code != exitOK {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	var res []struct {
		File   string `json:"file"`
		Report struct {
			Findings []struct {
				Code     string `json:"code"`
				Severity string `json:"severity"`
			} `json:"findings"`
			Coverage []struct {
				Method string `json:"method"`
			} `json:"coverage"`
		} `json:"report"`
		Properties []struct {
			Property string `json:"property"`
			Passed   bool   `json:"passed"`
			Cases    int    `json:"cases"`
		} `json:"properties"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(res) != 1 || res[0].File != checkStarterPath || len(res[0].Properties) != 7 || len(res[0].Report.Coverage) == 0 {
		t.Fatalf("unexpected JSON: %s", out)
	}
	for _, p := range res[0].Properties {
		if !p.Passed || p.Cases != 30 {
			t.Errorf("property %s: passed %v after %d cases", p.Property, p.Passed, p.Cases)
		}
	}
}

// TestCheckFailingPropertyWritesCase: a catalog whose grades run against a
// fact declared aggravating fails the monotonicity property, and the shrunk
// counterexample (with the case it was compared with) is written as case
// files that jizhun decide accepts, the heavier facts deciding the lighter
// fine.
func TestCheckFailingPropertyWritesCase(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "backwards.yaml")
	if err := os.WriteFile(src, []byte(checkBackwardsCatalog), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	code, stdout, errs := runCheck("--properties", "100", "--out", out, src)
	if code != exitDefects || !strings.Contains(stdout, "property monotonicity failed") {
		t.Fatalf("exit %d, want 3 with a failed monotonicity property\n%s%s", code, stdout, errs)
	}
	fine := func(file string) string {
		var o, e bytes.Buffer
		if c := run([]string{"decide", "--catalog", src, "--case", file, "--format", "json"}, strings.NewReader(""), &o, &e); c != exitOK {
			t.Fatalf("%s does not decide: exit %d\n%s", file, c, e.String())
		}
		var d struct {
			Fine struct{ Max string } `json:"fine"`
		}
		json.Unmarshal(o.Bytes(), &d)
		return d.Fine.Max
	}
	before, after := fine(filepath.Join(out, "backwards-monotonicity-before.json")), fine(filepath.Join(out, "backwards-monotonicity.json"))
	if before != "1000" || after == "1000" {
		t.Errorf("the counterexample decides %s before and %s after moving the aggravating fact; want a drop from 1000", before, after)
	}
	// Shrunk: the facts are the simplest that still fail.
	data, _ := os.ReadFile(filepath.Join(out, "backwards-monotonicity-before.json"))
	if !strings.Contains(string(data), `"n": 9`) {
		t.Errorf("the counterexample is not shrunk to the boundary n = 9 → 10:\n%s", data)
	}
}

// checkBackwardsCatalog grades a fact declared aggravating (more is worse)
// the wrong way round.
const checkBackwardsCatalog = `id: backwards
title: 倒置示例
issuer: 测试
effective: 2026-01-01
tier_scheme: midpoint
items:
  - code: W1
    name: 测试事项
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2, text: 处一百元以上一千元以下罚款}
    facts:
      n: {type: int, label: 数量, min: 0, max: 100, required: true, aggravates: higher}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 100, max: 1000}}
    benchmark:
      grades:
        - {id: few, label: 少, tier: heavier, when: "n < 10", fine: {min: 500, max: 1000}}
        - {id: many, label: 多, tier: lighter, when: "n >= 10", fine: {min: 100, max: 500}}
`

// TestCheckUsage: usage errors exit 2.
func TestCheckUsage(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"--format", "xml", checkStarterPath},
		{"--properties", "-1", checkStarterPath},
		{"--nonsense", checkStarterPath},
	} {
		if code, _, _ := runCheck(args...); code != exitUsage {
			t.Errorf("check %v: exit %d, want 2", args, code)
		}
	}
	if code, _, errs := runCheck("no/such/file.yaml"); code != exitInvalid || errs == "" {
		t.Errorf("a missing file: exit %d, want 1 with a message", code)
	}
}

func itoaCheck(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
