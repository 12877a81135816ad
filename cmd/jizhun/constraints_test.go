package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// constraintCatalog writes the command-line test catalog with a constraint
// added, and returns its path.
func constraintCatalog(t *testing.T, holds string) string {
	t.Helper()
	data, err := os.ReadFile(tdCatalog)
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "items:\n", `constraints:
  - id: harm_without_correction
    label: 危害后果严重的，不会及时改正
    holds: `+holds+`
items:
`, 1)
	path := filepath.Join(t.TempDir(), "catalog.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestConstraintsCLI(t *testing.T) {
	t.Run("constraint_no_case_can_satisfy_is_a_load_error", func(t *testing.T) {
		path := constraintCatalog(t, `harm == "serious" && harm == "none"`)
		r := cliRun(t, "", "validate", "--skip-check", path)
		r.want(t, exitInvalid)
		if !regexp.MustCompile(`catalog\.yaml:27:12: 约束 harm_without_correction（危害后果严重的，不会及时改正）在所声明的事实范围内不可能满足`).MatchString(r.stderr) {
			t.Errorf("stderr %q does not say at the constraint that no case satisfies it", r.stderr)
		}
	})
	t.Run("constraint_no_party_satisfies_is_reported_by_validate", func(t *testing.T) {
		// BBQ is for organizations only here: the constraint excludes them.
		path := constraintCatalog(t, `party_type != "organization"`)
		data, _ := os.ReadFile(path)
		src := strings.Replace(string(data), "  - code: BBQ\n", "  - code: BBQ\n    parties: [organization]\n", 1)
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		r := cliRun(t, "", "validate", path)
		r.want(t, exitDefects)
		if !regexp.MustCompile(`catalog\.yaml:27:12: (error|错误): standards_constraint: `).MatchString(r.stderr) {
			t.Errorf("stderr %q names no standards_constraint at the constraint", r.stderr)
		}
		if strings.Contains(r.stderr, "item BBQ: grade") {
			t.Errorf("stderr %q reports BBQ's rules besides the constraint", r.stderr)
		}
	})
	t.Run("case_violating_constraint_is_rejected_by_decide", func(t *testing.T) {
		path := constraintCatalog(t, `harm != "serious" || !corrected_in_time`)
		c := `{"item": "ROAD", "party": {"type": "individual", "birth_date": "1985-06-01"},
  "act_date": "2024-03-02", "discovery_date": "2024-03-05", "decision_date": "2024-03-20",
  "facts": {"area_m2": 30, "harm": "serious", "corrected_in_time": true}}`
		r := cliRun(t, c, "decide", "--catalog", path, "--case", "-")
		r.want(t, exitInvalid)
		for _, want := range []string{"facts.harm", "facts.corrected_in_time", "危害后果严重的，不会及时改正"} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("stderr %q lacks %q", r.stderr, want)
			}
		}
	})
}
