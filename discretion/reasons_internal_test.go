package discretion

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/jizhun/jizhun/catalog"
)

// TestEachStepPairsTheRenderedSteps: the reasons read each rendered step
// together with the header it was rendered from, so the walk of the
// recorded trace (eachStep) must visit exactly the steps renderTrace
// renders, kind by kind, for every example case (art. 29 and art. 37
// traces with appended steps included).
func TestEachStepPairsTheRenderedSteps(t *testing.T) {
	dirs, err := filepath.Glob("../examples/*/catalog.yaml")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no example catalogs: %v", err)
	}
	n := 0
	for _, path := range dirs {
		cat, err := catalog.LoadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		eng, err := Compile(cat)
		if err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "cases", "*.json"))
		for _, file := range files {
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			c, err := ParseCase(f)
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			d, err := eng.Decide(context.Background(), c)
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			steps := d.Steps()
			i := 0
			d.trace.eachStep(func(h value, vals []value) {
				if i < len(steps) && stepOfKind(h.kind()) != "" && stepOfKind(h.kind()) != steps[i].Step {
					t.Errorf("%s: step %d is %s, its header of kind %d", file, i, steps[i].Step, h.kind())
				}
				i++
			})
			if i != len(steps) {
				t.Errorf("%s: eachStep visits %d steps, renderTrace renders %d", file, i, len(steps))
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no example cases")
	}
}

// stepOfKind is the step a header of some kinds always renders as, or "".
func stepOfKind(k stepKind) string {
	switch k {
	case kindLimitation, kindLimitationOngoing:
		return "limitation"
	case kindUnder14:
		return "age"
	case kindFirstOffenseWindow:
		return "first_offense"
	case kindGradeRange, kindGradeNoFine:
		return "grade"
	case kindStatutory:
		return "statutory"
	case kindArt29Chosen:
		return "art29"
	}
	return ""
}
