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

	"go.yaml.in/yaml/v3"

	"github.com/jizhun/jizhun/casetest"
	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

var update = flag.Bool("update", false, "rewrite the golden decisions and reasons examples/*/golden/*.json, *.txt")

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
	case get(gf, "formula") != nil:
		// A computed amount (base + per × units, within the formula's own
		// min and max): its base and stated bounds are yuan amounts the
		// standard publishes, so each must lie within a statute in yuan.
		f := get(gf, "formula")
		if st.unit != "yuan" {
			return false
		}
		for _, key := range []string{"base", "min", "max"} {
			n := get(f, key)
			if n == nil {
				continue
			}
			if x := rat(t, n, "formula."+key); x.Cmp(st.rng.min) < 0 || (st.rng.max != nil && x.Cmp(st.rng.max) > 0) {
				t.Errorf("%s: formula %s %s yuan leaves the statutory range %s", where, key, x.RatString(), st.rng)
			}
		}
		return true
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
					for _, g := range get(bm, "grades").Content {
						gid := get(g, "id").Value
						// A grade cuts the statutory range it names (ranges:),
						// or the fine's own amount.
						statutes := byParty(get(fine, "amount"))
						if rid := get(g, "range"); rid != nil && get(fine, "ranges") != nil {
							for _, r := range get(fine, "ranges").Content {
								if get(r, "id").Value == rid.Value {
									statutes = byParty(get(r, "amount"))
								}
							}
						}
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

// loadTests loads an example's expectations, examples/<name>/expect_test.yaml,
// the test file `jizhun test examples/<name>` runs, and requires of it what
// the bundled examples promise beyond the format: every test says why, a
// decision with a penalty states its fine, a no-penalty one its reason.
func loadTests(t *testing.T, dir string) *casetest.File {
	t.Helper()
	path := filepath.Join(dir, "expect_test.yaml")
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return nil
	}
	f, err := casetest.LoadFile(path)
	if err != nil {
		t.Fatalf("%s does not load:\n%v", path, err)
	}
	for _, tc := range f.Tests {
		switch {
		case tc.Why == "":
			t.Errorf("%s: test %s has no why", tc.Pos, tc.Name)
		case tc.Expect.Outcome == discretion.NoPenalty && tc.Expect.Reason == "":
			t.Errorf("%s: test %s states no reason for no_penalty", tc.Pos, tc.Name)
		case tc.Expect.Outcome != discretion.NoPenalty && tc.Expect.Fine == nil:
			t.Errorf("%s: test %s states no fine for a %s decision", tc.Pos, tc.Name, tc.Expect.Outcome)
		case tc.CaseFile == "":
			t.Errorf("%s: test %s writes its case inline; the examples keep each case in cases/", tc.Pos, tc.Name)
		}
	}
	return f
}

// TestCases runs every example's expect_test.yaml through the same runner
// as `jizhun test`, requires one test per examples/*/cases/*.json, and
// compares each case's full decision JSON with golden/<case>.json. A case
// expected to end in no penalty must have neither grade nor fine.
func TestCases(t *testing.T) {
	for _, dir := range exampleDirs(t) {
		t.Run(dir, func(t *testing.T) {
			eng := compile(t, dir)
			files, err := filepath.Glob(filepath.Join(dir, "cases", "*.json"))
			if err != nil {
				t.Fatal(err)
			}
			if len(files) == 0 {
				t.Fatalf("no cases in %s/cases", dir)
			}
			tested := map[string]*casetest.Test{}
			if tf := loadTests(t, dir); tf != nil {
				for _, tc := range tf.Tests {
					tested[filepath.Clean(tc.CaseFile)] = tc
				}
				for _, file := range files {
					if tested[filepath.Clean(file)] == nil {
						t.Errorf("%s/expect_test.yaml has no test of %s", dir, file)
					}
				}
				rep, err := casetest.Run(context.Background(), []*casetest.File{tf})
				if err != nil {
					t.Fatalf("invalid input:\n%v", err)
				}
				for _, res := range rep.Results {
					t.Run(res.Name, func(t *testing.T) {
						if res.Error != "" {
							t.Errorf("%s: %s", res.Pos, res.Error)
						}
						for _, d := range res.Differences {
							t.Errorf("%s: %s (%s)", d.Pos, d.Message, res.Why)
						}
					})
				}
				if rep.Passed+rep.Failed != len(tf.Tests) {
					t.Errorf("%d tests ran of %d", rep.Passed+rep.Failed, len(tf.Tests))
				}
				for _, cv := range rep.Coverage {
					t.Logf("%s: the tests reach %d of %d rules (%.1f%%)", cv.Catalog, cv.Reached, cv.Total, cv.Percent)
				}
			}
			for _, file := range files {
				name := strings.TrimSuffix(filepath.Base(file), ".json")
				t.Run("golden/"+name, func(t *testing.T) {
					d := decideFile(t, eng, file)
					// The hand expectations leave out what no penalty
					// implies: no grade and no fine.
					if tc := tested[filepath.Clean(file)]; tc != nil && tc.Expect.Outcome == discretion.NoPenalty &&
						(d.Grade != "" || d.Fine != nil) {
						t.Errorf("no penalty with grade %q and fine %s", d.Grade, fineText(d))
					}
					checkGolden(t, dir, name, d)
				})
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

func checkGolden(t *testing.T, dir, name string, d *discretion.Decision) {
	t.Helper()
	got, err := d.JSON()
	if err != nil {
		t.Fatal(err)
	}
	compareGolden(t, filepath.Join(dir, "golden", name+".json"), got)
	// The reasons (说理) as a decision document quotes them, beside the
	// JSON, so that a change of wording is reviewed as text.
	compareGolden(t, filepath.Join(dir, "golden", name+".txt"), []byte(d.Text()))
}

func compareGolden(t *testing.T, path string, got []byte) {
	t.Helper()
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
		t.Errorf("%s differs (run go test ./examples -update and review the diff):\n%s", path, firstDiff(want, got))
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

func fineText(d *discretion.Decision) string {
	if d.Fine == nil {
		return "none"
	}
	return d.Fine.Min.String() + "–" + d.Fine.Max.String()
}

// ─── reasons: what a decision document quotes ───

// TestReasonsArePlainChinese reads the golden reasons (说理) of every
// example case and requires that they are what an officer can put in a
// 行政处罚决定书: no expression syntax (&&, ||, ==, <=, !), no identifiers,
// no true/false and no English codes (general, lighter, midpoint,
// no_penalty …): once the catalog's item codes (330199ZF001 …) are taken
// out, no Latin letter and no operator is left. It also requires that no
// adult's reasons speak of 十四周岁 and that a repeat offender's never
// cite the absence of prior violations.
func TestReasonsArePlainChinese(t *testing.T) {
	forbidden := []string{"&&", "||", "==", "!=", "<=", ">=", "<", ">", "=", "!", "_", "→"}
	for _, dir := range exampleDirs(t) {
		cat, err := catalog.LoadFile(filepath.Join(dir, "catalog.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, it := range cat.Items {
			codes = append(codes, it.Code)
		}
		// Longest first, so that no code's prefix is removed from a longer one.
		slices.SortFunc(codes, func(a, b string) int { return len(b) - len(a) })
		files, err := filepath.Glob(filepath.Join(dir, "golden", "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		if len(files) == 0 {
			t.Fatalf("%s: no golden reasons (run go test ./examples -update)", dir)
		}
		for _, file := range files {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			text := string(b)
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s: empty reasons", file)
				continue
			}
			plain := text
			for _, c := range codes {
				plain = strings.ReplaceAll(plain, c, "")
			}
			for _, op := range forbidden {
				if strings.Contains(plain, op) {
					t.Errorf("%s: expression syntax %q in the reasons:\n%s", file, op, text)
				}
			}
			if i := strings.IndexFunc(plain, func(r rune) bool { return r < 128 && ('a' <= r|0x20 && r|0x20 <= 'z') }); i >= 0 {
				end := min(i+24, len(plain))
				t.Errorf("%s: Latin letters (a code or an identifier) in the reasons at %q", file, plain[i:end])
			}
			for _, stale := range []string{"回溯期内同类违法", "（条件", "事实 ", "→ 否", "→ 是", "按midpoint"} {
				if strings.Contains(text, stale) {
					t.Errorf("%s: the engineer's trace (%q) in the reasons", file, stale)
				}
			}
			// Good Chinese: no doubled bracket or order, no procedure of a
			// penalty where nothing is imposed.
			for _, doubled := range []string{"（（", "的情形的情形", "的的"} {
				if strings.Contains(text, doubled) {
					t.Errorf("%s: %q in the reasons:\n%s", file, doubled, text)
				}
			}
			if strings.Contains(text, "不给予行政处罚") && (strings.Contains(text, "仅责令改正") || strings.Contains(text, "适用普通程序") || strings.Contains(text, "适用简易程序")) {
				t.Errorf("%s: a decision that imposes nothing states its orders twice or a procedure of a penalty:\n%s", file, text)
			}
		}
	}
}

// TestReasonsSayOnlyWhatApplies decides the county cases and checks two
// things the reasons must not say: an adult's age reasoning (十四周岁) and,
// for a party with a prior violation of the item, anything that reads as
// 首违不罚 applying.
func TestReasonsSayOnlyWhatApplies(t *testing.T) {
	dir := "county"
	eng := compile(t, dir)
	files, err := filepath.Glob(filepath.Join(dir, "cases", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		d := decideFile(t, eng, file)
		text := d.Text()
		if d.Reason != discretion.ReasonUnderAge && strings.Contains(text, "十四周岁") {
			t.Errorf("%s: reasons speak of 十四周岁 for a party not under fourteen:\n%s", file, text)
		}
		if d.Reason != discretion.ReasonFirstOffense && strings.Contains(text, "符合首违不罚的条件") {
			if !slices.Contains(d.Flags, discretion.FlagFirstOffenseEligible) {
				t.Errorf("%s: reasons say 首违不罚 applies, the decision does not:\n%s", file, text)
			}
		}
		for _, s := range d.Steps() {
			if s.Rule == "first_offense.window" && !s.Result && !strings.Contains(text, "不适用首违不罚") {
				t.Errorf("%s: a prior violation in the window, but the reasons do not say why 首违不罚 does not apply:\n%s", file, text)
			}
		}
		if !strings.Contains(text, "。") || (d.Fine != nil && !d.Fine.Min.Equal(d.Fine.Max) && !strings.Contains(text, "具体罚款数额由执法人员在上述幅度内结合案件情况确定并说明理由")) {
			t.Errorf("%s: a fine range without the officer's part in fixing the amount:\n%s", file, text)
		}
	}
}
