package examples_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

var update = flag.Bool("update", false, "rewrite the golden decision files examples/*/golden/*.json")

// exampleDirs lists the example directories: every directory beside this
// file that holds a catalog.yaml.
func exampleDirs(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("*", "catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatal("no examples/*/catalog.yaml found")
	}
	var dirs []string
	for _, p := range paths {
		dirs = append(dirs, filepath.Dir(p))
	}
	sort.Strings(dirs)
	return dirs
}

func compile(t *testing.T, dir string) *discretion.Engine {
	t.Helper()
	cat, err := catalog.LoadFile(filepath.Join(dir, "catalog.yaml"))
	if err != nil {
		t.Fatalf("%s: catalog does not load:\n%v", dir, err)
	}
	eng, err := discretion.Compile(cat)
	if err != nil {
		t.Fatalf("%s: catalog does not compile:\n%v", dir, err)
	}
	return eng
}

// TestCatalogsCompile loads and compiles every example catalog and requires
// that neither step reports a single diagnostic.
func TestCatalogsCompile(t *testing.T) {
	for _, dir := range exampleDirs(t) {
		t.Run(dir, func(t *testing.T) {
			cat, err := catalog.LoadFile(filepath.Join(dir, "catalog.yaml"))
			if err != nil {
				ds, _ := catalog.AsDiagnostics(err)
				t.Fatalf("load: %d diagnostics:\n%v", len(ds), err)
			}
			if _, err := discretion.Compile(cat); err != nil {
				t.Fatalf("compile:\n%v", err)
			}
			if cat.Notice == "" {
				t.Errorf("an example catalog must say in notice that it is an example")
			}
		})
	}
}

// ─── grades within the statute, checked independently of the loader ───

// The check below reads catalog.yaml with yaml.v3 directly and does its own
// exact arithmetic (math/big), so that a loader bug cannot hide a grade that
// leaves its statutory range.

type span struct {
	min, max     *big.Rat // max nil: no upper bound
	minEx, maxEx bool
}

func (s span) String() string {
	lo, hi := "[", "]"
	if s.minEx {
		lo = "("
	}
	if s.maxEx {
		hi = ")"
	}
	max := "∞"
	if s.max != nil {
		max = s.max.RatString()
	}
	return lo + s.min.RatString() + ", " + max + hi
}

func rat(t *testing.T, n *yaml.Node, what string) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(n.Value)
	if !ok || n.Kind != yaml.ScalarNode {
		t.Fatalf("line %d: %s: %q is not a number", n.Line, what, n.Value)
	}
	return r
}

// get returns the value of key in a mapping node, or nil.
func get(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func boolAt(n *yaml.Node, key string) bool {
	v := get(n, key)
	return v != nil && v.Value == "true"
}

var partyKeys = []string{"individual", "organization", "individual_business"}

// byParty splits a node that may be keyed by party type into its parts; a
// node not keyed by party comes back under "".
func byParty(n *yaml.Node) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	if n.Kind == yaml.MappingNode && len(n.Content) > 0 && slices.Contains(partyKeys, n.Content[0].Value) {
		for i := 0; i+1 < len(n.Content); i += 2 {
			out[n.Content[i].Value] = n.Content[i+1]
		}
		return out
	}
	out[""] = n
	return out
}

// statute is a statutory amount rule as the check sees it: the unit of its
// factors and their range.
type statute struct {
	unit string // "yuan", "times", "percent", "per_unit"
	rng  span   // yuan for fixed rules; factors otherwise
}

func readStatute(t *testing.T, rule *yaml.Node) statute {
	t.Helper()
	for _, u := range []string{"times", "percent", "per_unit"} {
		if f := get(rule, u); f != nil {
			s := statute{unit: u, rng: span{min: rat(t, get(f, "min"), u+".min")}}
			if m := get(f, "max"); m != nil {
				s.rng.max = rat(t, m, u+".max")
			}
			return s
		}
	}
	s := statute{unit: "yuan", rng: span{min: new(big.Rat)}}
	if m := get(rule, "min"); m != nil {
		s.rng.min = rat(t, m, "min")
	}
	if m := get(rule, "max"); m != nil {
		s.rng.max = rat(t, m, "max")
	}
	return s
}

// onGrid resolves a yuan span to whole multiples of unit, moving exclusive
// bounds one unit inward: (3000, 10000] → 3001–10000.
func onGrid(s span, unit *big.Rat) (lo, hi *big.Rat) {
	q := new(big.Rat).Quo(s.min, unit)
	c := new(big.Int).Quo(q.Num(), q.Denom()) // truncation = floor for non-negative
	if !q.IsInt() || s.minEx {
		c.Add(c, big.NewInt(1))
	}
	lo = new(big.Rat).Mul(new(big.Rat).SetInt(c), unit)
	if s.max == nil {
		return lo, nil
	}
	q = new(big.Rat).Quo(s.max, unit)
	f := new(big.Int).Quo(q.Num(), q.Denom())
	if q.IsInt() && s.maxEx {
		f.Sub(f, big.NewInt(1))
	}
	hi = new(big.Rat).Mul(new(big.Rat).SetInt(f), unit)
	return lo, hi
}

func readSpan(t *testing.T, n *yaml.Node, what string) span {
	t.Helper()
	s := span{min: new(big.Rat), minEx: boolAt(n, "min_exclusive"), maxEx: boolAt(n, "max_exclusive")}
	if m := get(n, "min"); m != nil {
		s.min = rat(t, m, what+".min")
	}
	if m := get(n, "max"); m != nil {
		s.max = rat(t, m, what+".max")
	}
	return s
}

// checkGradeFine checks one grade's fine for one party against the statute.
func checkGradeFine(t *testing.T, where string, st statute, gf *yaml.Node, unit *big.Rat) (checked bool) {
	t.Helper()
	if gf.Kind == yaml.ScalarNode {
		if gf.Value != "none" {
			t.Errorf("%s: fine %q is neither none nor a mapping", where, gf.Value)
		}
		return false
	}
	switch {
	case get(gf, "tier") != nil:
		if st.unit == "yuan" && st.rng.max == nil {
			t.Errorf("%s: a tier of a statutory range without a maximum", where)
		}
		return false
	case get(gf, "share") != nil:
		s := readSpan(t, get(gf, "share"), "share")
		one := big.NewRat(1, 1)
		if s.max == nil || s.min.Sign() < 0 || s.min.Cmp(s.max) > 0 || s.max.Cmp(one) > 0 {
			t.Errorf("%s: share %s is not within [0, 1]", where, s)
		}
		return true
	}
	for _, u := range []string{"times", "percent"} {
		f := get(gf, u)
		if f == nil {
			continue
		}
		if st.unit != u {
			t.Errorf("%s: the grade is in %s but the statute is in %s", where, u, st.unit)
			return true
		}
		s := readSpan(t, f, u)
		switch {
		case s.max == nil:
			t.Errorf("%s: %s grade without a max", where, u)
		case s.min.Cmp(s.max) > 0 || (s.min.Cmp(s.max) == 0 && (s.minEx || s.maxEx)):
			t.Errorf("%s: %s grade %s is empty", where, u, s)
		case s.min.Cmp(st.rng.min) < 0 || (st.rng.max != nil && s.max.Cmp(st.rng.max) > 0):
			t.Errorf("%s: %s grade %s leaves the statutory %s %s", where, u, s, u, st.rng)
		}
		return true
	}
	if st.unit != "yuan" {
		t.Errorf("%s: a yuan row for a statute in %s", where, st.unit)
		return true
	}
	s := readSpan(t, gf, "fine")
	if s.max == nil {
		t.Errorf("%s: a yuan row needs max", where)
		return true
	}
	lo, hi := onGrid(s, unit)
	switch {
	case lo.Cmp(hi) > 0:
		t.Errorf("%s: row %s holds no whole amount", where, s)
	case lo.Cmp(st.rng.min) < 0 || (st.rng.max != nil && hi.Cmp(st.rng.max) > 0):
		t.Errorf("%s: row %s = %s–%s yuan leaves the statutory range %s", where, s, lo.RatString(), hi.RatString(), st.rng)
	}
	return true
}

// TestGradeRangesWithinStatute reads every example catalog as plain YAML and
// checks, for every item, version, grade and party, that the grade's fine
// stays within the statutory amount of the fine sanction.
func TestGradeRangesWithinStatute(t *testing.T) {
	for _, dir := range exampleDirs(t) {
		t.Run(dir, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, "catalog.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			var doc yaml.Node
			if err := yaml.Unmarshal(data, &doc); err != nil {
				t.Fatal(err)
			}
			root := doc.Content[0]
			unit := big.NewRat(1, 1)
			if u := get(get(root, "rounding"), "unit"); u != nil {
				unit = rat(t, u, "rounding.unit")
			}
			rows := 0
			for _, it := range get(root, "items").Content {
				code := get(it, "code").Value
				versions := []*yaml.Node{it}
				if vs := get(it, "versions"); vs != nil {
					versions = vs.Content
				}
				for vi, v := range versions {
					var fine *yaml.Node
					for _, s := range get(v, "sanctions").Content {
						if get(s, "type").Value == "fine" {
							fine = s
						}
					}
					bm := get(v, "benchmark")
					if fine == nil || bm == nil {
						continue
					}
					statutes := byParty(get(fine, "amount"))
					for _, g := range get(bm, "grades").Content {
						gid := get(g, "id").Value
						gfs := byParty(get(g, "fine"))
						for party, rule := range statutes {
							where := fmt.Sprintf("%s v%d grade %s", code, vi+1, gid)
							if party != "" {
								where += " (" + party + ")"
							}
							gf := gfs[party]
							if gf == nil && party != "" {
								gf = gfs[""] // a grade not split by party applies to every party
							}
							if gf == nil {
								t.Errorf("%s: no fine for this party", where)
								continue
							}
							if checkGradeFine(t, where, readStatute(t, rule), gf, unit) {
								rows++
							}
							if get(rule, "fallbacks") != nil {
								for _, fb := range get(rule, "fallbacks").Content {
									if fbs := readStatute(t, get(fb, "amount")); fbs.unit != "yuan" {
										t.Errorf("%s: fallback amounts are expected in yuan", where)
									}
								}
							}
						}
					}
				}
			}
			t.Logf("%s: %d grade rows checked against their statutory ranges", dir, rows)
		})
	}
}

// ─── cases: hand expectations and golden decisions ───

type fineExp struct {
	Min string `yaml:"min"`
	Max string `yaml:"max"`
}

type expectation struct {
	Item          string    `yaml:"item"`
	Outcome       string    `yaml:"outcome"`
	Reason        string    `yaml:"reason"`
	Discretionary *bool     `yaml:"discretionary"`
	Grade         string    `yaml:"grade"`
	Fine          yaml.Node `yaml:"fine"`
	EngineBug     string    `yaml:"engine_bug"`
	EngineFine    *fineExp  `yaml:"engine_fine"`
	Sanctions     []string  `yaml:"sanctions"`
	Hearing       *bool     `yaml:"hearing"`
	Flags         []string  `yaml:"flags"`
	Why           string    `yaml:"why"`
}

type expectFile struct {
	Bugs  map[string]string       `yaml:"bugs"`
	Cases map[string]*expectation `yaml:"cases"`
}

func loadExpect(t *testing.T, dir string) *expectFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "expect.yaml"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var ef expectFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&ef); err != nil {
		t.Fatalf("%s/expect.yaml: %v", dir, err)
	}
	for name, e := range ef.Cases {
		if e.Why == "" {
			t.Errorf("%s/expect.yaml: case %s has no why", dir, name)
		}
		if e.EngineBug != "" && ef.Bugs[e.EngineBug] == "" {
			t.Errorf("%s/expect.yaml: case %s names bug %s, which bugs: does not describe", dir, name, e.EngineBug)
		}
	}
	return &ef
}

// fine reads an expectation's fine: nil for "none" (no fine), else the range.
func (e *expectation) fine(t *testing.T) (*fineExp, bool) {
	t.Helper()
	switch {
	case e.Fine.Kind == 0:
		return nil, false
	case e.Fine.Kind == yaml.ScalarNode && e.Fine.Value == "none":
		return nil, true
	}
	var f fineExp
	if err := e.Fine.Decode(&f); err != nil {
		t.Fatalf("fine: %v", err)
	}
	return &f, true
}

func sameFine(d *discretion.Decision, f *fineExp) bool {
	if f == nil {
		return d.Fine == nil
	}
	if d.Fine == nil {
		return false
	}
	return d.Fine.Min.Equal(decimal.RequireFromString(f.Min)) && d.Fine.Max.Equal(decimal.RequireFromString(f.Max))
}

func fineText(d *discretion.Decision) string {
	if d.Fine == nil {
		return "none"
	}
	return d.Fine.Min.String() + "–" + d.Fine.Max.String()
}

func expText(f *fineExp) string {
	if f == nil {
		return "none"
	}
	return f.Min + "–" + f.Max
}

// TestCases decides every examples/*/cases/*.json against its catalog,
// compares the decision with the hand expectation in expect.yaml (where the
// example has one) and the full decision JSON with golden/<case>.json.
func TestCases(t *testing.T) {
	for _, dir := range exampleDirs(t) {
		t.Run(dir, func(t *testing.T) {
			eng := compile(t, dir)
			ef := loadExpect(t, dir)
			files, err := filepath.Glob(filepath.Join(dir, "cases", "*.json"))
			if err != nil {
				t.Fatal(err)
			}
			if len(files) == 0 {
				t.Fatalf("no cases in %s/cases", dir)
			}
			seen := map[string]bool{}
			var knownBug []string
			for _, file := range files {
				name := strings.TrimSuffix(filepath.Base(file), ".json")
				seen[name] = true
				t.Run(name, func(t *testing.T) {
					d := decideFile(t, eng, file)
					if ef != nil {
						e := ef.Cases[name]
						if e == nil {
							t.Fatalf("%s/expect.yaml has no entry for case %s", dir, name)
						}
						if bug := checkExpectation(t, d, e); bug != "" {
							knownBug = append(knownBug, name)
						}
					}
					checkGolden(t, dir, name, d)
				})
			}
			if ef != nil {
				for name := range ef.Cases {
					if !seen[name] {
						t.Errorf("%s/expect.yaml: case %s has no file cases/%s.json", dir, name, name)
					}
				}
			}
			if len(knownBug) > 0 {
				t.Logf("%s: %d cases decided as the known engine bug predicts (not as the law and benchmark require): %s",
					dir, len(knownBug), strings.Join(knownBug, ", "))
			}
		})
	}
}

func decideFile(t *testing.T, eng *discretion.Engine, file string) *discretion.Decision {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c, err := discretion.ParseCase(f)
	if err != nil {
		t.Fatalf("case: %v", err)
	}
	d, err := eng.Decide(context.Background(), c)
	if err != nil {
		t.Fatalf("decide: %v", err)
	}
	return d
}

// checkExpectation compares a decision with the hand expectation. It returns
// the bug id when the decision matched the recorded effect of a known engine
// bug instead of the hand answer.
func checkExpectation(t *testing.T, d *discretion.Decision, e *expectation) (knownBug string) {
	t.Helper()
	if e.Item != "" && d.Item != e.Item {
		t.Errorf("applied item %s, want %s (%s)", d.Item, e.Item, e.Why)
	}
	if string(d.Outcome) != e.Outcome {
		t.Errorf("outcome %s, want %s (%s)", d.Outcome, e.Outcome, e.Why)
	}
	if string(d.Reason) != e.Reason {
		t.Errorf("reason %q, want %q (%s)", d.Reason, e.Reason, e.Why)
	}
	if e.Discretionary != nil && d.Discretionary != *e.Discretionary {
		t.Errorf("discretionary %v, want %v (%s)", d.Discretionary, *e.Discretionary, e.Why)
	}
	if d.Grade != e.Grade {
		t.Errorf("grade %q, want %q (%s)", d.Grade, e.Grade, e.Why)
	}
	want, stated := e.fine(t)
	if e.Outcome == "no_penalty" {
		if d.Fine != nil {
			t.Errorf("no_penalty with a fine %s", fineText(d))
		}
	} else if !stated {
		t.Errorf("expect.yaml states no fine for a %s decision", e.Outcome)
	} else if !sameFine(d, want) {
		switch {
		case e.EngineBug != "" && e.EngineFine != nil && sameFine(d, e.EngineFine):
			t.Logf("engine bug %s: fine %s where the law and benchmark give %s (%s)", e.EngineBug, fineText(d), expText(want), e.Why)
			knownBug = e.EngineBug
		default:
			t.Errorf("fine %s, want %s (%s)", fineText(d), expText(want), e.Why)
		}
	} else if e.EngineBug != "" {
		t.Logf("engine bug %s no longer shows in this case: remove engine_bug from expect.yaml", e.EngineBug)
	}
	if e.Sanctions != nil {
		got := make([]string, len(d.Sanctions))
		for i, s := range d.Sanctions {
			got[i] = string(s)
		}
		if !slices.Equal(got, e.Sanctions) {
			t.Errorf("sanctions %v, want %v (%s)", got, e.Sanctions, e.Why)
		}
	}
	if e.Hearing != nil && d.Procedure.Hearing != *e.Hearing {
		t.Errorf("hearing %v, want %v (%s)", d.Procedure.Hearing, *e.Hearing, e.Why)
	}
	for _, f := range e.Flags {
		if !slices.Contains(d.Flags, f) {
			t.Errorf("flags %v lack %s (%s)", d.Flags, f, e.Why)
		}
	}
	return knownBug
}

func checkGolden(t *testing.T, dir, name string, d *discretion.Decision) {
	t.Helper()
	got, err := d.JSON()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "golden", name+".json")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("missing golden file (run go test ./examples -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("decision differs from %s (run go test ./examples -update and review the diff):\n%s", path, firstDiff(want, got))
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  golden: %s\n  now:    %s", i+1, w, g)
		}
	}
	return "(no line differs)"
}
