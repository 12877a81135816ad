package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// authoringRun runs one command in-process.
func authoringRun(cmd func([]string, *bytes.Buffer, *bytes.Buffer) int, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := cmd(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func jizhunTest(args []string, out, errOut *bytes.Buffer) int {
	return run(append([]string{"test"}, args...), strings.NewReader(""), out, errOut)
}

func jizhunSchema(args []string, out, errOut *bytes.Buffer) int {
	return run(append([]string{"schema"}, args...), strings.NewReader(""), out, errOut)
}

// writeTestFile writes a test file of the starter catalog into a fresh
// directory and returns the directory.
func writeTestFile(t *testing.T, body string) string {
	t.Helper()
	dir := t.TempDir()
	starter, err := filepath.Abs("../../examples/starter")
	if err != nil {
		t.Fatal(err)
	}
	src := "catalog: " + filepath.Join(starter, "catalog.yaml") + "\ntests:\n" + body
	if err := os.WriteFile(filepath.Join(dir, "road_test.yaml"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func roadGeneralTest(t *testing.T, fineMin string) string {
	starter, _ := filepath.Abs("../../examples/starter/cases/road_general.json")
	return "  art42_general_row:\n    case: " + starter + "\n    outcome: general\n    fine: {min: " + fineMin + ", max: 8000}\n"
}

func TestTestCommandExitStatus(t *testing.T) {
	pass := writeTestFile(t, roadGeneralTest(t, "2001"))
	fail := writeTestFile(t, roadGeneralTest(t, "2000"))
	bad := writeTestFile(t, "  a:\n    outcom: general\n")
	rejected := writeTestFile(t, roadGeneralTest(t, "2001")+`  party_type_unknown:
    case: {item: "330217ZH001", party: {type: person}, act_date: 2026-03-02,
      discovery_date: 2026-03-05, decision_date: 2026-03-20, facts: {area_m2: 30, days: 10}}
    outcome: general
`)
	tests := []struct {
		name   string
		args   []string
		status int
		stdout string // a part of it
		stderr string
	}{
		{"bundled_examples_pass", []string{"../../examples/county", "--coverage"}, exitOK, "覆盖率 ../../examples/county/catalog.yaml", ""},
		{"passing_test", []string{pass}, exitOK, "全部通过：1 个测试", ""},
		{"failing_test_exits_3", []string{fail}, exitDefects, "罚款：实际为2001至8000元，预期为2000至8000元", ""},
		{"flags_after_paths", []string{fail, "--format", "json"}, exitDefects, `"failed": 1`, ""},
		{"invalid_test_file_exits_1", []string{bad}, exitInvalid, "", `不认识的键 "outcom"`},
		{"invalid_input_as_json", []string{bad, "--format=json"}, exitInvalid, `"code": "test_unknown_field"`, ""},
		{"rejected_case_exits_1_and_the_rest_runs", []string{rejected}, exitInvalid, "全部通过：1 个测试", "party.type"},
		{"rejected_case_as_json", []string{rejected, "--format", "json"}, exitInvalid, `"passed": 1`, ""},
		{"missing_path_exits_1", []string{filepath.Join(pass, "nonesuch")}, exitInvalid, "", "找不到测试文件或目录"},
		{"bad_format_is_usage", []string{pass, "--format", "xml"}, exitUsage, "", "--format must be text or json"},
		{"unknown_flag_is_usage", []string{"--nonesuch"}, exitUsage, "", "usage: jizhun test"},
		{"help_exits_0_on_stdout", []string{"--help"}, exitOK, "jizhun test [PATH…]", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := authoringRun(jizhunTest, tt.args...)
			if code != tt.status || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, want %d; want stdout containing %q and stderr %q\nstdout:\n%s\nstderr:\n%s",
					code, tt.status, tt.stdout, tt.stderr, stdout, stderr)
			}
		})
	}
}

func TestTestCommandJSON(t *testing.T) {
	dir := writeTestFile(t, roadGeneralTest(t, "2000"))
	code, stdout, _ := authoringRun(jizhunTest, "--format", "json", "--coverage", dir)
	if code != exitDefects {
		t.Fatalf("exit %d", code)
	}
	var rep struct {
		Results []struct {
			Name        string `json:"name"`
			Pass        bool   `json:"pass"`
			Differences []struct {
				Field, Want, Got string
			} `json:"differences"`
		} `json:"results"`
		Failed   int `json:"failed"`
		Coverage []struct {
			Percent float64 `json:"percent"`
		} `json:"coverage"`
	}
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	if rep.Failed != 1 || len(rep.Results) != 1 || rep.Results[0].Pass || len(rep.Coverage) != 1 {
		t.Fatalf("unexpected report:\n%s", stdout)
	}
	d := rep.Results[0].Differences
	if len(d) != 1 || d[0].Field != "fine" || d[0].Want != "2000至8000元" || d[0].Got != "2001至8000元" {
		t.Errorf("differences %+v", d)
	}
}

func TestSchemaCommand(t *testing.T) {
	for _, name := range []string{"catalog", "case", "decision", "test"} {
		code, stdout, stderr := authoringRun(jizhunSchema, name)
		if code != exitOK || !json.Valid([]byte(stdout)) || !strings.Contains(stdout, `"$schema"`) {
			t.Errorf("schema %s: exit %d, %d bytes of output, stderr %q", name, code, len(stdout), stderr)
		}
	}
	if code, _, stderr := authoringRun(jizhunSchema, "nonesuch"); code != exitUsage || !strings.Contains(stderr, "catalog|case|decision|test") {
		t.Errorf("unknown schema: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := authoringRun(jizhunSchema); code != exitUsage {
		t.Errorf("no schema named: exit %d", code)
	}
	if code, stdout, _ := authoringRun(jizhunSchema, "--help"); code != exitOK || !strings.Contains(stdout, "jizhun schema catalog|case|decision|test") {
		t.Errorf("help: exit %d", code)
	}
}
