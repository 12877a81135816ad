package main

import (
	"encoding/json"
	"strings"
	"testing"
)

const starterV2 = "../../standards/testdata/tables/starter-v2.yaml"

func TestDiff(t *testing.T) {
	code, out, errs := runCmd("diff", starter, starterV2)
	if code != exitOK || errs != "" {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	goldenFile(t, "diff/starter.md", out)

	code, out, _ = runCmd("diff", "--format", "json", starter, starterV2)
	var r struct {
		Changes []struct{ Kind, Key string }
	}
	if code != exitOK || json.Unmarshal([]byte(out), &r) != nil || len(r.Changes) == 0 {
		t.Fatalf("exit %d, json %q", code, out)
	}

	code, out, _ = runCmd("diff", starter, starter)
	if code != exitOK || !strings.Contains(out, "两个文件内容相同") {
		t.Errorf("same file: exit %d, %q", code, out)
	}
}

func TestDiffErrors(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		code   int
		stderr string
	}{
		{[]string{"diff"}, exitUsage, "name the old and the new catalog file"},
		{[]string{"diff", starter}, exitUsage, "name the old and the new catalog file"},
		{[]string{"diff", "--format", "xml", starter, starter}, exitUsage, "--format must be text or json"},
		{[]string{"diff", starter, "testdata/table/bad-condition.yaml"}, exitInvalid, "不是已声明的事实"},
		{[]string{"--lang", "en", "diff", starter, "testdata/table/bad-condition.yaml"}, exitInvalid, "is not a declared fact"},
	} {
		code, _, errs := runCmd(tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tc.args, code, errs, tc.code, tc.stderr)
		}
	}
}
