package discretion_test

// Performance benchmarks (docs/performance.md, scripts/bench.sh).
//
// BenchmarkDecide runs the engine on the reference decision of
// testdata/bench/decide.yaml; BenchmarkDecideBaseline runs the same decision
// written by hand in plain Go (decideBaseline below), the practical limit.
// Both go over the same fixed set of varied cases, and
// TestBenchBaselineAgrees checks that they agree on every one.

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// benchItem is the code of the reference item.
const benchItem = "BENCH001"

// refCase is a benchmark case as the hand-written baseline takes it: typed
// Go values, already validated.
type refCase struct {
	area         decimal.Decimal // area_m2
	days         int64
	harm         string // none | minor | serious
	firstOffense bool
	corrected    bool
	repeat       bool // repeat_within_1y
	age          int  // full years at the act
}

// refDecision is the baseline's answer: the outcome, the fine range and the
// ids of the rules that fired, in the order the engine's trace shows them.
type refDecision struct {
	outcome  discretion.Outcome
	hasFine  bool
	min, max decimal.Decimal
	fired    []string
}

var (
	dec5      = decimal.NewFromInt(5)
	dec10     = decimal.NewFromInt(10)
	dec50     = decimal.NewFromInt(50)
	dec100    = decimal.NewFromInt(100)
	dec0_3    = decimal.RequireFromString("0.3")
	statMin   = decimal.Zero
	statMax   = decimal.NewFromInt(20000)
	refGrades = [...]struct {
		id       string
		min, max decimal.Decimal
	}{
		{"grade:serious_harm", decimal.NewFromInt(15000), decimal.NewFromInt(20000)},
		{"grade:small", decimal.NewFromInt(1000), decimal.NewFromInt(5000)},
		{"grade:medium", decimal.NewFromInt(5000), decimal.NewFromInt(10000)},
		{"grade:large", decimal.NewFromInt(10000), decimal.NewFromInt(15000)},
		{"grade:grave", decimal.NewFromInt(15000), decimal.NewFromInt(20000)},
	}
)

// decideBaseline is the reference decision written by hand, with the
// engine's semantics: the light-violation rule before first offense, the
// first grade that matches, the minor (art. 30) taking the lower 30 % of
// the grade's range and prevailing over the repeat factor (policies
// mixed_factors: lighter), the repeat factor taking the upper 30 %, bounds
// rounded inward to whole yuan, and the result clamped to the statute.
func decideBaseline(c *refCase) refDecision {
	fired := make([]string, 0, 4)
	if c.age < 14 {
		return refDecision{outcome: discretion.NoPenalty, fired: fired}
	}
	if c.harm == "none" && c.corrected && c.area.LessThan(dec5) {
		return refDecision{outcome: discretion.NoPenalty, fired: append(fired, "light_violation")}
	}
	if c.firstOffense && (c.harm == "none" || c.harm == "minor") && c.corrected {
		return refDecision{outcome: discretion.NoPenalty, fired: append(fired, "first_offense")}
	}
	var g int
	switch {
	case c.harm == "serious":
		g = 0
	case c.area.LessThan(dec10) && c.days <= 3:
		g = 1
	case c.area.LessThan(dec50) && c.days <= 15:
		g = 2
	case c.area.LessThan(dec100) || c.days <= 30:
		g = 3
	default:
		g = 4
	}
	fired = append(fired, refGrades[g].id)
	lo, hi := refGrades[g].min, refGrades[g].max
	out := discretion.General
	minor := c.age < 18
	if minor {
		fired = append(fired, "art30.minor")
		out = discretion.Lighter
	}
	if c.repeat {
		fired = append(fired, "factor:repeat_within_1y")
		if !minor {
			out = discretion.Heavier
		}
	}
	switch out {
	case discretion.Lighter:
		hi = floorYuan(lo.Add(hi.Sub(lo).Mul(dec0_3)))
	case discretion.Heavier:
		lo = ceilYuan(hi.Sub(hi.Sub(lo).Mul(dec0_3)))
	}
	lo, hi = decimal.Max(lo, statMin), decimal.Min(hi, statMax)
	return refDecision{outcome: out, hasFine: true, min: lo, max: hi, fired: fired}
}

func floorYuan(d decimal.Decimal) decimal.Decimal { return d.Floor() }
func ceilYuan(d decimal.Decimal) decimal.Decimal  { return d.Ceil() }

// benchSet is the fixed set of varied cases, in both forms.
type benchSet struct {
	engine *discretion.Engine
	cases  []*discretion.Case
	refs   []refCase
}

// benchCases builds n cases from a fixed seed. The engine's cases are
// parsed from Case JSON, as an agency system would send them, so that their
// facts hold json.Number, string and bool values.
func benchCases(tb testing.TB, n int) *benchSet {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "bench", "decide.yaml"))
	if err != nil {
		tb.Fatal(err)
	}
	s := &benchSet{engine: engineYAML(tb, "bench/decide.yaml", string(data))}
	areas := []string{"0.5", "3", "4.99", "5", "8", "9.99", "10", "25.5", "49", "50", "75", "99.9", "100", "250"}
	days := []int64{0, 1, 3, 4, 10, 15, 16, 30, 31, 90}
	harms := []string{"none", "minor", "serious"}
	ages := []int{14, 15, 17, 18, 25, 40, 66}
	rng := rand.New(rand.NewPCG(2026, 6))
	pick := func(k int) int { return rng.IntN(k) }
	for i := 0; i < n; i++ {
		r := refCase{
			area:         decimal.RequireFromString(areas[pick(len(areas))]),
			days:         days[pick(len(days))],
			harm:         harms[pick(len(harms))],
			firstOffense: pick(3) == 0,
			corrected:    pick(2) == 0,
			repeat:       pick(3) == 0,
			age:          ages[pick(len(ages))],
		}
		// Born on 15 January: on the act date, 2024-05-10, the party is
		// exactly r.age full years old.
		js := fmt.Sprintf(`{"item": %q, "party": {"type": "individual", "birth_date": "%04d-01-15"},
			"act_date": "2024-05-10", "discovery_date": "2024-05-12", "decision_date": "2024-05-20",
			"facts": {"area_m2": %s, "days": %d, "harm": %q, "first_offense": %t,
			          "corrected_in_time": %t, "repeat_within_1y": %t}}`,
			benchItem, 2024-r.age, r.area, r.days, r.harm, r.firstOffense, r.corrected, r.repeat)
		c, err := discretion.ParseCase(strings.NewReader(js))
		if err != nil {
			tb.Fatal(err)
		}
		s.cases = append(s.cases, c)
		s.refs = append(s.refs, r)
	}
	return s
}

// benchN is the number of cases the benchmarks cycle through.
const benchN = 256

// firedRules lists the rules of a trace that fired: conditions that held
// and the grounds of the adjust step (art. 30 minors, factors).
func firedRules(d *discretion.Decision) []string {
	var out []string
	for _, s := range d.Steps() {
		if s.Result && (s.Expr != "" || s.Step == "factor") {
			out = append(out, s.Rule)
		}
	}
	return out
}

// TestBenchBaselineAgrees checks that the engine and the hand-written
// baseline decide every benchmark case alike, and that the cases reach
// every branch of the reference decision.
func TestBenchBaselineAgrees(t *testing.T) {
	s := benchCases(t, benchN)
	seen := map[string]int{}
	for i, c := range s.cases {
		d := decide(t, s.engine, c)
		want := decideBaseline(&s.refs[i])
		got := refDecision{outcome: d.Outcome, fired: firedRules(d)}
		if d.Fine != nil {
			got.hasFine, got.min, got.max = true, d.Fine.Min, d.Fine.Max
		}
		if got.outcome != want.outcome || got.hasFine != want.hasFine || !got.min.Equal(want.min) ||
			!got.max.Equal(want.max) || !slices.Equal(got.fired, want.fired) {
			t.Errorf("case %d %+v:\n engine   %s [%s, %s] %v\n baseline %s [%s, %s] %v", i, s.refs[i],
				got.outcome, got.min, got.max, got.fired, want.outcome, want.min, want.max, want.fired)
		}
		seen[string(d.Outcome)]++
		for _, r := range want.fired {
			seen[r]++
		}
	}
	for _, k := range []string{"no_penalty", "lighter", "general", "heavier", "light_violation", "first_offense",
		"grade:serious_harm", "grade:small", "grade:medium", "grade:large", "grade:grave", "art30.minor", "factor:repeat_within_1y"} {
		if seen[k] == 0 {
			t.Errorf("no benchmark case reaches %s", k)
		}
	}
}

// TestBenchConcurrent decides the benchmark cases from several goroutines
// on a fresh engine, whose memos are then built concurrently (run it with
// -race), and requires the decisions of a sequential run.
func TestBenchConcurrent(t *testing.T) {
	seq := benchCases(t, 64)
	want := make([][]byte, len(seq.cases))
	for i, c := range seq.cases {
		j, err := decide(t, seq.engine, c).JSON()
		if err != nil {
			t.Fatal(err)
		}
		want[i] = j
	}
	par := benchCases(t, 64)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range par.cases {
				i := (k + 16*g) % len(par.cases)
				d, err := par.engine.Decide(context.Background(), par.cases[i])
				if err != nil {
					t.Error(err)
					return
				}
				if j, _ := d.JSON(); !bytes.Equal(j, want[i]) {
					t.Errorf("case %d decided concurrently:\n%s\nwant\n%s", i, j, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestBenchDecideAllocs pins the allocations of one decision, so that a
// change that puts map building or formatting back on the hot path fails.
func TestBenchDecideAllocs(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("allocation count")
	}
	s := benchCases(t, benchN)
	ctx := context.Background()
	// Counted here rather than with testing.AllocsPerRun, which rounds the
	// average down: an allocation made in every other decision would pass
	// as none.
	const runs = 2048
	for i := range s.cases {
		if _, err := s.engine.Decide(ctx, s.cases[i]); err != nil {
			t.Fatal(err)
		}
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := range runs {
		if _, err := s.engine.Decide(ctx, s.cases[i%len(s.cases)]); err != nil {
			t.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	allocs := float64(after.Mallocs-before.Mallocs) / runs
	t.Logf("%.3f allocations per Decide", allocs)
	// The slack is the scratch that the pool of runs rebuilds after a
	// collection has emptied it: a few allocations in a thousand decisions.
	if allocs > maxDecideAllocs+0.01 {
		t.Errorf("Decide makes %.1f allocations on average; want at most %d", allocs, maxDecideAllocs)
	}
}

// maxDecideAllocs bounds the average allocations of one reference
// decision: the decision with its small slices, and its trace.
const maxDecideAllocs = 2

var (
	sinkDecision *discretion.Decision
	sinkRef      refDecision
)

// BenchmarkDecide decides the reference cases with the engine, full trace.
func BenchmarkDecide(b *testing.B) {
	s := benchCases(b, benchN)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d, err := s.engine.Decide(ctx, s.cases[i%len(s.cases)])
		if err != nil {
			b.Fatal(err)
		}
		sinkDecision = d
		i++
	}
}

// BenchmarkDecideNoMemo is BenchmarkDecide with the memos of fine
// arithmetic turned off (memo.go): what they save.
func BenchmarkDecideNoMemo(b *testing.B) {
	s := benchCases(b, benchN)
	discretion.DisableMemos(s.engine)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d, err := s.engine.Decide(ctx, s.cases[i%len(s.cases)])
		if err != nil {
			b.Fatal(err)
		}
		sinkDecision = d
		i++
	}
}

// BenchmarkDecisionJSON renders decisions of the reference cases, with
// their traces, as Decision.JSON does: what a service pays on top of
// Decide to send a decision.
func BenchmarkDecisionJSON(b *testing.B) {
	s := benchCases(b, benchN)
	ds := make([]*discretion.Decision, len(s.cases))
	for i, c := range s.cases {
		ds[i] = decide(b, s.engine, c)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		j, err := ds[i%len(ds)].JSON()
		if err != nil {
			b.Fatal(err)
		}
		sinkJSON = j
		i++
	}
}

// BenchmarkDecideAndJSON decides the reference cases and renders each
// decision as JSON: what a service pays for one decision.
func BenchmarkDecideAndJSON(b *testing.B) {
	s := benchCases(b, benchN)
	ctx := context.Background()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		d, err := s.engine.Decide(ctx, s.cases[i%len(s.cases)])
		if err != nil {
			b.Fatal(err)
		}
		j, err := d.JSON()
		if err != nil {
			b.Fatal(err)
		}
		sinkJSON = j
		i++
	}
}

var sinkJSON []byte

// BenchmarkDecideBaseline decides the same cases with the hand-written Go.
func BenchmarkDecideBaseline(b *testing.B) {
	s := benchCases(b, benchN)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkRef = decideBaseline(&s.refs[i%len(s.refs)])
		i++
	}
}

// BenchmarkDecisionCopy is a floor for BenchmarkDecide: it only copies the
// engine's decisions on the benchmark cases, with the allocations a
// decision needs (the decision with its small slices, and its trace), and
// decides nothing.
func BenchmarkDecisionCopy(b *testing.B) {
	s := benchCases(b, benchN)
	ds := make([]*discretion.Decision, len(s.cases))
	for i, c := range s.cases {
		ds[i] = decide(b, s.engine, c)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		sinkDecision = discretion.CopyDecision(ds[i%len(ds)])
		i++
	}
}

// BenchmarkDecideParallel is BenchmarkDecide from GOMAXPROCS goroutines;
// run it with -cpu 1,2 to see how it scales.
func BenchmarkDecideParallel(b *testing.B) {
	s := benchCases(b, benchN)
	ctx := context.Background()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := rand.IntN(len(s.cases))
		var d *discretion.Decision
		for pb.Next() {
			var err error
			d, err = s.engine.Decide(ctx, s.cases[i%len(s.cases)])
			if err != nil {
				b.Error(err)
				return
			}
			i++
		}
		runtime.KeepAlive(d)
	})
}

// BenchmarkDecideBaselineParallel is BenchmarkDecideBaseline from
// GOMAXPROCS goroutines.
func BenchmarkDecideBaselineParallel(b *testing.B) {
	s := benchCases(b, benchN)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := rand.IntN(len(s.refs))
		var d refDecision
		for pb.Next() {
			d = decideBaseline(&s.refs[i%len(s.refs)])
			i++
		}
		runtime.KeepAlive(d)
	})
}

// generatedCatalog is a catalog of n items: the header of
// testdata/bench/templates.yaml and its seven items repeated with unique
// codes and names.
func generatedCatalog(tb testing.TB, n int) []byte {
	tb.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "bench", "templates.yaml"))
	if err != nil {
		tb.Fatal(err)
	}
	head, items, ok := strings.Cut(string(src), "\nitems:\n")
	if !ok {
		tb.Fatal("templates.yaml has no items")
	}
	var bodies []string
	for _, bl := range strings.Split(items, "\n  - code: ") {
		if _, rest, ok := strings.Cut(bl, "\n"); ok && strings.Contains(rest, "    name: ") {
			bodies = append(bodies, rest)
		}
	}
	if len(bodies) != 7 {
		tb.Fatalf("templates.yaml: found %d item templates, want 7", len(bodies))
	}
	var sb strings.Builder
	sb.Grow(len(head) + n*(len(items)/len(bodies)+64))
	sb.WriteString(head)
	sb.WriteString("\nitems:\n")
	for i := 0; i < n; i++ {
		body := strings.Replace(bodies[i%len(bodies)], "    name: ", fmt.Sprintf("    name: （第%d项）", i+1), 1)
		fmt.Fprintf(&sb, "  - code: \"G%06d\"\n%s\n", i+1, body)
	}
	return []byte(sb.String())
}

func loadCompile(tb testing.TB, name string, src []byte) *discretion.Engine {
	cat, err := catalog.Load(name, src)
	if err != nil {
		tb.Fatal(err)
	}
	e, err := discretion.Compile(cat)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// TestGeneratedCatalog loads a generated catalog large enough to be
// parsed and compiled in parallel, and decides a case on its last item.
func TestGeneratedCatalog(t *testing.T) {
	const n = 2000
	e := loadCompile(t, "generated.yaml", generatedCatalog(t, n))
	codes := e.Codes()
	if len(codes) != n || codes[n-1] != fmt.Sprintf("G%06d", n) {
		t.Fatalf("generated catalog has %d items, the last %s", len(codes), codes[len(codes)-1])
	}
	c := &discretion.Case{Item: "G000001", Party: discretion.Party{Type: catalog.Individual, BirthDate: "1980-01-01"},
		ActDate: "2026-03-01", DiscoveryDate: "2026-03-02", DecisionDate: "2026-03-10",
		Facts: map[string]any{"area_m2": 20, "days": 5, "harm": "minor", "corrected_in_time": false}}
	if d := decide(t, e, c); d.Grade == "" {
		t.Fatalf("no grade: %+v", d)
	}
}

// BenchmarkCompile loads and compiles generated catalogs the size of a
// county's (400 items) and a province's (5000 items). retained-MB is the
// heap the compiled engine keeps alive.
func BenchmarkCompile(b *testing.B) {
	for _, n := range []int{400, 5000} {
		src := generatedCatalog(b, n)
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				loadCompile(b, "generated.yaml", src)
			}
			b.ReportMetric(retainedMB(func() any { return loadCompile(b, "generated.yaml", src) }), "retained-MB")
		})
		b.Run(fmt.Sprintf("items=%d/load", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := catalog.Load("generated.yaml", src); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("items=%d/compile", n), func(b *testing.B) {
			cat, err := catalog.Load("generated.yaml", src)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := discretion.Compile(cat); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// retainedMB returns the heap, in MB, that the value made by build keeps
// alive after a full collection.
func retainedMB(build func() any) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / 1e6
}
