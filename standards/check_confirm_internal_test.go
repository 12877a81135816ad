package standards

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// TestWitnessesDecidedByEngine decides every witness the checks give on the
// repository's catalogs and holds the decision to what its finding says: a
// gap error for a gap, the grade the engine picks first for an overlap, the
// grade named for a range or tier-order finding, the factor applied, the
// exemption granted. No witness may be dropped as unconfirmed, and each is
// decided again from its Case JSON, as `jizhun decide --case` reads the
// files `jizhun check --out` writes.
func TestWitnessesDecidedByEngine(t *testing.T) {
	var paths []string
	for _, pattern := range []string{"../examples/*/catalog.yaml", "testdata/broken/catalog.yaml", "testdata/tables/*.yaml", "../fuzz/testdata/stress/catalog.yaml"} {
		ps, _ := filepath.Glob(pattern)
		paths = append(paths, ps...)
	}
	witnesses := 0
	for _, path := range paths {
		t.Run(path, func(t *testing.T) {
			cat, err := catalog.LoadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			eng, err := discretion.Compile(cat)
			if err != nil {
				t.Fatal(err)
			}
			ck, err := check(context.Background(), eng, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range ck.unconfirmed {
				js, _ := u.finding.Witness.JSON()
				t.Errorf("%s: %s: witness not confirmed: %v\n%s", u.finding.Pos, u.finding.Code, u.why, js)
			}
			for _, f := range ck.report.Findings {
				if f.Witness == nil {
					continue
				}
				witnesses++
				if f.claim == nil {
					t.Errorf("%s: %s: a witness without a claim", f.Pos, f.Code)
					continue
				}
				js, err := f.Witness.JSON()
				if err != nil {
					t.Fatalf("%s: %s: %v", f.Pos, f.Code, err)
				}
				c, err := discretion.ParseCase(bytes.NewReader(js))
				if err != nil {
					t.Fatalf("%s: %s: the witness's Case JSON does not parse: %v\n%s", f.Pos, f.Code, err, js)
				}
				if why := f.claim(eng.Decide(context.Background(), c)); why != nil {
					t.Errorf("%s: %s: decided from its JSON, the witness %v\n%s", f.Pos, f.Code, why, js)
				}
			}
		})
	}
	if witnesses == 0 {
		t.Error("no catalog gave a witness; the test decided nothing")
	}
	t.Logf("%d witnesses decided", witnesses)
}
