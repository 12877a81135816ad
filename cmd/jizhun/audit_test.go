package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	auditMapping = "../../examples/county/audit/mapping.yaml"
	auditRecords = "../../examples/county/audit/records.csv"
)

// TestAuditExample audits the example records: every planted defect is
// reported, in each output format, and the exit status says findings were
// made.
func TestAuditExample(t *testing.T) {
	planted := map[string][]string{}
	data, err := os.ReadFile("../../examples/county/audit/planted.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &planted); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"audit", "--mapping", auditMapping, auditRecords, "--format", "json"}, nil, &stdout, &stderr)
	if code != exitDefects {
		t.Fatalf("exit %d, want %d (findings); stderr:\n%s", code, exitDefects, stderr.String())
	}
	var rep struct {
		Schema   string `json:"schema"`
		Findings []struct {
			Line int    `json:"line"`
			Kind string `json:"kind"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	want := 0
	for _, ks := range planted {
		want += len(ks)
	}
	if len(rep.Findings) != want || rep.Schema != "jizhun-audit/v1" {
		t.Errorf("%d findings (schema %q), want the %d planted", len(rep.Findings), rep.Schema, want)
	}

	out := filepath.Join(t.TempDir(), "report.html")
	stdout.Reset()
	if code := run([]string{"audit", "--mapping", auditMapping, "--out", out, auditRecords}, nil, &stdout, &stderr); code != exitDefects {
		t.Fatalf("html: exit %d; stderr:\n%s", code, stderr.String())
	}
	page, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!DOCTYPE html>", "案卷评查报告", "<svg", "类案同罚"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
	if bytes.Contains(page, []byte("<script")) {
		t.Error("HTML report contains a script")
	}

	book := filepath.Join(t.TempDir(), "flagged.xlsx")
	if code := run([]string{"audit", "--mapping", auditMapping, "--out", book, auditRecords}, nil, &stdout, &stderr); code != exitDefects {
		t.Fatalf("xlsx: exit %d; stderr:\n%s", code, stderr.String())
	}
	if st, err := os.Stat(book); err != nil || st.Size() == 0 {
		t.Errorf("no workbook of flagged records: %v", err)
	}

	stdout.Reset()
	run([]string{"audit", "--mapping", auditMapping, auditRecords}, nil, &stdout, &stderr)
	if !strings.Contains(stdout.String(), "案卷 503 条") {
		t.Errorf("text summary:\n%s", stdout.String()[:min(400, stdout.Len())])
	}
}

func TestAuditUsage(t *testing.T) {
	for name, tc := range map[string]struct {
		args []string
		code int
	}{
		"no_records":     {[]string{"audit", "--mapping", auditMapping}, exitUsage},
		"no_mapping":     {[]string{"audit", auditRecords}, exitUsage},
		"bad_format":     {[]string{"audit", "--mapping", auditMapping, "--format", "pdf", auditRecords}, exitUsage},
		"missing_file":   {[]string{"audit", "--mapping", auditMapping, "nonexistent.csv"}, exitInvalid},
		"mapping_absent": {[]string{"audit", "--mapping", "nonexistent.yaml", auditRecords}, exitInvalid},
	} {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tc.args, nil, &stdout, &stderr); code != tc.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tc.code, stderr.String())
			}
		})
	}
}
