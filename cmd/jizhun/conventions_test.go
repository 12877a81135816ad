package main

import (
	"bytes"
	"encoding/json"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

// The command-line conventions of issue 13: version, help with examples
// (exit 0), flags before or after arguments, completion, the bundled
// catalog by default, binary output kept off terminals, and JSON errors on
// stdout with --format json.

func TestVersionFlagAndCommandAgree(t *testing.T) {
	long := cliRun(t, "", "--version")
	long.want(t, exitOK)
	short := cliRun(t, "", "-v")
	short.want(t, exitOK)
	cmd := cliRun(t, "", "version")
	cmd.want(t, exitOK)
	if !strings.HasPrefix(long.stdout, "jizhun ") || !strings.Contains(long.stdout, runtime.Version()) {
		t.Errorf("--version = %q", long.stdout)
	}
	if short.stdout != long.stdout || cmd.stdout != long.stdout {
		t.Errorf("-v %q, --version %q and version %q differ", short.stdout, long.stdout, cmd.stdout)
	}
}

func TestFormatVersion(t *testing.T) {
	bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/jizhun/jizhun", Version: "v0.4.0"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"},
		{Key: "vcs.time", Value: "2026-12-01T10:00:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	tail := runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH + "\n"
	for _, tc := range []struct {
		name, release string
		bi            *debug.BuildInfo
		want          string
	}{
		{"module_version_and_commit", "", bi,
			"jizhun v0.4.0\ncommit 0123456789abcdef0123456789abcdef01234567 2026-12-01T10:00:00Z，有未提交的修改 (modified)\n" + tail},
		{"release_version_set_by_ldflags_wins", "v1.2.0", bi,
			"jizhun v1.2.0\ncommit 0123456789abcdef0123456789abcdef01234567 2026-12-01T10:00:00Z，有未提交的修改 (modified)\n" + tail},
		{"no_build_info", "", nil, "jizhun (unknown)\n" + tail},
		{"no_vcs", "", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "jizhun (devel)\n" + tail},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := formatVersion(tc.release, tc.bi); got != tc.want {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestEveryCommandHasHelpWithExamples: `jizhun help CMD`, `CMD --help` and
// `CMD -h` print the command's help with examples on stdout and exit 0.
func TestEveryCommandHasHelpWithExamples(t *testing.T) {
	root := newRootCommand(&env{})
	for _, c := range root.Commands() {
		name := c.Name()
		if c.Example == "" || c.Short == "" {
			t.Errorf("%s: no example or short description", name)
		}
		for _, args := range [][]string{{"help", name}, {name, "--help"}, {name, "-h"}} {
			r := cliRun(t, "", args...)
			r.want(t, exitOK)
			if !strings.Contains(r.stdout, "示例 Examples:") || !strings.Contains(r.stdout, "jizhun "+name) || r.stderr != "" {
				t.Errorf("%v: stdout %q stderr %q", args, r.stdout, r.stderr)
			}
		}
	}
}

func TestHelpOfUnknownCommandIsUsage(t *testing.T) {
	r := cliRun(t, "", "help", "decidee")
	r.want(t, exitUsage)
	if !strings.Contains(r.stderr, `unknown command "decidee"`) || r.stdout != "" {
		t.Errorf("stdout %q stderr %q", r.stdout, r.stderr)
	}
}

func TestCompletionScripts(t *testing.T) {
	for shell, marker := range map[string]string{
		"bash": "bash completion", "zsh": "#compdef jizhun", "fish": "complete -c jizhun", "powershell": "Register-ArgumentCompleter",
	} {
		r := cliRun(t, "", "completion", shell)
		r.want(t, exitOK)
		if !strings.Contains(r.stdout, marker) {
			t.Errorf("%s completion lacks %q", shell, marker)
		}
	}
	// The shells ask the binary for candidates through __complete.
	r := cliRun(t, "", "__complete", "schema", "")
	r.want(t, exitOK)
	for _, name := range []string{"catalog", "case", "decision", "test"} {
		if !strings.Contains(r.stdout, name+"\n") {
			t.Errorf("schema completion lacks %q:\n%s", name, r.stdout)
		}
	}
	r = cliRun(t, "", "__complete", "table", "--format", "")
	if !strings.Contains(r.stdout, "xlsx\n") {
		t.Errorf("table --format completion:\n%s", r.stdout)
	}
}

func TestFlagsBeforeOrAfterArguments(t *testing.T) {
	for name, args := range map[string][][]string{
		"validate": {{"validate", "--format", "json", starterCatalog}, {"validate", starterCatalog, "--format", "json"}},
		"check":    {{"check", "--format", "json", starterCatalog}, {"check", starterCatalog, "--format", "json"}},
		"diff":     {{"diff", "--format", "json", starterCatalog, starterCatalog}, {"diff", starterCatalog, "--format", "json", starterCatalog}},
	} {
		before := cliRun(t, "", args[0]...)
		before.want(t, exitOK)
		after := cliRun(t, "", args[1]...)
		after.want(t, exitOK)
		if before.stdout != after.stdout || !json.Valid([]byte(after.stdout)) {
			t.Errorf("%s: flags after the files give %q, before %q", name, after.stdout, before.stdout)
		}
	}
}

func TestTableDefaultsToBundledCatalog(t *testing.T) {
	r := cliRun(t, "", "table", "--format", "md", "--list", "benchmark")
	r.want(t, exitOK)
	if !strings.Contains(r.stdout, "example-county-chengguan") {
		t.Errorf("table without --catalog:\n%.300s", r.stdout)
	}
}

// TestBinaryOutputOnlyOffTerminals: xlsx goes to a pipe or a file, never
// to a terminal; the null device is not a terminal.
func TestBinaryOutputOnlyOffTerminals(t *testing.T) {
	r := cliRun(t, "", "table", "--format", "xlsx")
	r.want(t, exitOK)
	if !strings.HasPrefix(r.stdout, "PK") {
		t.Errorf("xlsx to a pipe: %d bytes, not a zip", len(r.stdout))
	}
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		t.Skip(err)
	}
	defer null.Close()
	if isTerminal(null) {
		t.Errorf("%s counts as a terminal", os.DevNull)
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		var errOut bytes.Buffer
		if code := run([]string{"table", "--format", "xlsx"}, nil, tty, &errOut); code != exitUsage || !strings.Contains(errOut.String(), "--out") {
			t.Errorf("xlsx to a terminal: exit %d, stderr %q", code, errOut.String())
		}
	}
}

// TestJSONErrorsOnStdout: with --format json, every reporting command
// writes its errors as JSON on stdout (code, position or field, message)
// and nothing on stderr.
func TestJSONErrorsOnStdout(t *testing.T) {
	type jsonErr struct {
		Code string `json:"code"`
		Pos  *struct {
			File      string
			Line, Col int
		} `json:"pos"`
		Message string `json:"message"`
	}
	bad := "testdata/table/bad-condition.yaml"
	tests := []struct {
		name     string
		args     []string
		code     int
		wantCode string
		wantLine int
	}{
		{"validate_invalid_catalog", []string{"validate", bad, "--format", "json"}, exitInvalid, "", 20},
		{"check_invalid_catalog", []string{"check", bad, "--format", "json"}, exitInvalid, "", 20},
		{"diff_invalid_catalog", []string{"diff", starterCatalog, bad, "--format", "json"}, exitInvalid, "", 20},
		{"diff_usage", []string{"diff", starterCatalog, "--format", "json"}, exitUsage, "usage", 0},
		{"check_usage", []string{"check", "--format", "json"}, exitUsage, "usage", 0},
		{"audit_missing_mapping", []string{"audit", auditRecords, "--mapping", "testdata/nope.yaml", "--format", "json"}, exitInvalid, "", 0},
		{"audit_invalid_catalog", []string{"audit", auditRecords, "--mapping", auditMapping, "--catalog", bad, "--format", "json"}, exitInvalid, "", 20},
		{"test_flag_after_format_json", []string{"test", "--format", "json", "--coverage=maybe"}, exitUsage, "usage", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := cliRun(t, "", tc.args...)
			r.want(t, tc.code)
			if r.stderr != "" {
				t.Errorf("stderr %q", r.stderr)
			}
			var errs []jsonErr
			var whole struct{ Errors []jsonErr }
			var perFile []struct {
				Errors      []jsonErr
				Diagnostics []jsonErr
			}
			if json.Unmarshal([]byte(r.stdout), &whole) == nil && len(whole.Errors) > 0 {
				errs = whole.Errors
			} else if json.Unmarshal([]byte(r.stdout), &perFile) == nil && len(perFile) > 0 {
				for _, f := range perFile {
					errs = append(errs, f.Errors...)
					errs = append(errs, f.Diagnostics...)
				}
			}
			if len(errs) == 0 {
				t.Fatalf("no JSON errors on stdout:\n%s", r.stdout)
			}
			e := errs[len(errs)-1]
			if e.Code == "" || e.Message == "" || (tc.wantCode != "" && e.Code != tc.wantCode) {
				t.Errorf("error %+v", e)
			}
			if tc.wantLine != 0 && (e.Pos == nil || e.Pos.Line != tc.wantLine || e.Pos.Col == 0) {
				t.Errorf("error %+v, want line %d", e, tc.wantLine)
			}
		})
	}
}

// TestReplayDifferenceExits3: a decision that replays differently is a defect found
// (3); a record without its catalog is invalid input (1).
func TestReplayDifferenceExits3(t *testing.T) {
	path, data := writeLog(t)
	lines := bytes.SplitAfter(data, []byte("\n"))
	lines[0] = bytes.Replace(lines[0], []byte(`"fine":{"min":"`), []byte(`"fine":{"min":"1`), 1)
	os.WriteFile(path, bytes.Join(lines, nil), 0o644)
	r := cliRun(t, "", "replay", path)
	r.want(t, exitDefects)
	if !strings.Contains(r.stdout, ":1: decision differs") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
}

// TestInvalidInputOutranksDefects: a run with an invalid file and a file
// with defects exits 1, and still reports both.
func TestInvalidInputOutranksDefects(t *testing.T) {
	for _, cmd := range []string{"validate", "check"} {
		r := cliRun(t, "", cmd, "testdata/bad.yaml", tdCatalog)
		r.want(t, exitInvalid)
		if !strings.Contains(r.stderr, "bad.yaml:17:5") || !strings.Contains(r.stderr+r.stdout, "standards_gap") {
			t.Errorf("%s: stdout %q stderr %q", cmd, r.stdout, r.stderr)
		}
		r = cliRun(t, "", cmd, tdCatalog)
		r.want(t, exitDefects)
	}
}
