package main

import (
	"bytes"
	"strings"
	"testing"
)

// Without --catalog, decide uses the county catalog bundled in the binary, so
// the README's first command needs no path to a catalog.
func TestDecide_without_catalog_uses_bundled_county_catalog(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"decide", "--case", "../../examples/county/cases/road_occupy_repeat.json", "--format", "json"}, nil, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	for _, want := range []string{`"item": "330199ZF001"`, `"id": "example-county-chengguan"`, `"outcome": "heavier"`} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %s", want)
		}
	}
}

// A case for an item the bundled catalog does not hold is an invalid case
// (exit 1), named as such, not a usage error.
func TestDecide_bundled_catalog_rejects_foreign_item(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"decide", "--case", tdGeneral}, nil, &stdout, &stderr)
	if code != exitInvalid || !strings.Contains(stderr.String(), "不是裁量基准目录 example-county-chengguan 中的事项") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
}
