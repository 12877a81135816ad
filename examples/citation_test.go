package examples

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Every step of a decision cites its source: a statute, the standard's own
// row or rule, or the catalog's citation of a local rule. A step without a
// citation is a reason a decision document cannot quote.
func TestEveryGoldenStepHasACitation(t *testing.T) {
	type step struct {
		Step, Rule, Citation, Note string
	}
	type decision struct {
		Item       string
		Trace      []step
		Candidates []decision
	}
	var check func(t *testing.T, path string, d decision)
	check = func(t *testing.T, path string, d decision) {
		if len(d.Trace) == 0 {
			t.Errorf("%s: item %s: no trace", path, d.Item)
		}
		for i, s := range d.Trace {
			if s.Citation == "" {
				t.Errorf("%s: item %s: step %d (%s %s, %q) has no citation", path, d.Item, i+1, s.Step, s.Rule, s.Note)
			}
		}
		for _, c := range d.Candidates {
			check(t, path, c)
		}
	}
	t.Run("every_golden_step_has_a_citation", func(t *testing.T) {
		paths, err := filepath.Glob(filepath.Join("*", "golden", "*.json"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("no golden decisions: %v", err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			var d decision
			if err := json.Unmarshal(data, &d); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			check(t, p, d)
		}
	})
}
