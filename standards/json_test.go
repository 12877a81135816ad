package standards

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestReportJSON_empty_lists_are_arrays: a clean catalog's report lists no
// findings as [], not null, and a diff of a catalog with itself no changes.
func TestReportJSON_empty_lists_are_arrays(t *testing.T) {
	for name, v := range map[string]any{
		"report":         Report{Catalog: "x"},
		"report pointer": &Report{Catalog: "x"},
		"diff":           DiffReport{},
		"diff change":    &DiffReport{Changes: []Change{{Key: "item:A"}}},
	} {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if strings.Contains(string(b), "null") {
			t.Errorf("%s: %s has null", name, b)
		}
	}
	r := DiffReport{Changes: []Change{{Key: "item:A"}}}
	if _, err := json.Marshal(r); err != nil || r.Changes[0].Path != nil {
		t.Errorf("marshalling changed the report: %v, %v", r.Changes[0].Path, err)
	}
	b, _ := json.Marshal(Report{Findings: []Finding{}, Coverage: nil})
	if !strings.Contains(string(b), `"coverage":[]`) {
		t.Errorf("coverage: %s", b)
	}
}
