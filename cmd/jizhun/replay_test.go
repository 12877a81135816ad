package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/service"
)

// writeLog decides the bundled example cases and writes their decision log.
func writeLog(t *testing.T) (string, []byte) {
	t.Helper()
	eng, err := service.LoadEngine("")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	log := service.NewDecisionLog(&buf)
	_, files := countyNDJSON(t)
	for _, f := range files {
		data, _ := os.ReadFile(f)
		c, err := discretion.ParseCase(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		d, err := eng.Decide(context.Background(), c)
		if err != nil {
			continue
		}
		if err := log.Record(c, d); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "decisions.ndjson")
	os.WriteFile(path, buf.Bytes(), 0o644)
	return path, buf.Bytes()
}

func TestReplay_reproduces_every_logged_decision(t *testing.T) {
	path, _ := writeLog(t)
	r := cliRun(t, "", "replay", path)
	r.want(t, exitOK)
	if !strings.Contains(r.stdout, "0 differ, 0 without their catalog") {
		t.Fatal(r.stdout)
	}
}

// A decision that no longer comes out as logged is reported field by field:
// what review (复议、诉讼) needs to see.
func TestReplay_reports_each_difference(t *testing.T) {
	path, data := writeLog(t)
	lines := bytes.SplitAfter(data, []byte("\n"))
	for _, outcome := range []string{"general", "lighter", "heavier", "no_penalty", "mitigated"} {
		if bytes.Contains(lines[0], []byte(`"outcome":"`+outcome+`"`)) {
			lines[0] = bytes.Replace(lines[0], []byte(`"outcome":"`+outcome+`"`), []byte(`"outcome":"tampered"`), 1)
			break
		}
	}
	lines[1] = bytes.Replace(lines[1], []byte(`"digest":"sha256:`), []byte(`"digest":"sha256:0`), 1)
	os.WriteFile(path, bytes.Join(lines, nil), 0o644)
	r := cliRun(t, "", "replay", path)
	r.want(t, exitInvalid)
	for _, want := range []string{":1: decision differs", `outcome: logged "tampered", now "`, ":2: catalog example-county-chengguan sha256:0", "1 differ, 1 without their catalog"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("replay output lacks %q:\n%s", want, r.stdout)
		}
	}
	cliRun(t, "", "replay").want(t, exitUsage)
}
