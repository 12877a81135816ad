package discretion_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// engineFile loads and compiles testdata/name. Each pair of replacements
// (old, new) is applied to the YAML first, exactly once each, so that a test
// can vary one policy of a shared catalog and nothing else.
func engineFile(t testing.TB, name string, replacements ...string) *discretion.Engine {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	src := string(data)
	if len(replacements)%2 != 0 {
		t.Fatalf("engineFile: odd number of replacement strings")
	}
	for i := 0; i < len(replacements); i += 2 {
		old, repl := replacements[i], replacements[i+1]
		if n := strings.Count(src, old); n != 1 {
			t.Fatalf("engineFile(%s): %q occurs %d times; want exactly once", name, old, n)
		}
		src = strings.Replace(src, old, repl, 1)
	}
	return engineYAML(t, name, src)
}

// engineYAML loads and compiles a catalog held in a string.
func engineYAML(t testing.TB, name, src string) *discretion.Engine {
	t.Helper()
	cat, err := catalog.Load(name, []byte(src))
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	e, err := discretion.Compile(cat)
	if err != nil {
		t.Fatalf("compile %s: %v", name, err)
	}
	return e
}

// newCase is an adult individual's case, discovered the day after the act
// and decided a week later. Tests change what their rule reads.
func newCase(item string, facts map[string]any) *discretion.Case {
	if facts == nil {
		facts = map[string]any{}
	}
	return &discretion.Case{
		Item:          item,
		Party:         discretion.Party{Type: catalog.Individual, BirthDate: "1980-01-01"},
		ActDate:       "2024-03-01",
		DiscoveryDate: "2024-03-02",
		DecisionDate:  "2024-03-10",
		Facts:         facts,
	}
}

// orgCase is newCase for an organization (no birth date, no age).
func orgCase(item string, facts map[string]any) *discretion.Case {
	c := newCase(item, facts)
	c.Party = discretion.Party{Type: catalog.Organization}
	return c
}

func decide(t testing.TB, e *discretion.Engine, c *discretion.Case) *discretion.Decision {
	t.Helper()
	d, err := e.Decide(context.Background(), c)
	if err != nil {
		t.Fatalf("Decide: unexpected error: %v", err)
	}
	if d == nil {
		t.Fatal("Decide: nil decision without error")
	}
	return d
}

// caseError decides c and requires a *CaseError, which it returns.
func caseError(t testing.TB, e *discretion.Engine, c *discretion.Case) *discretion.CaseError {
	t.Helper()
	d, err := e.Decide(context.Background(), c)
	if err == nil {
		t.Fatalf("Decide: want a *CaseError, got decision %s/%s", d.Outcome, d.Reason)
	}
	return asCaseError(t, err)
}

func asCaseError(t testing.TB, err error) *discretion.CaseError {
	t.Helper()
	if !errors.Is(err, &discretion.CaseError{}) {
		t.Fatalf("error %v (%T) does not match errors.Is(err, &CaseError{})", err, err)
	}
	var ce *discretion.CaseError
	if !errors.As(err, &ce) {
		t.Fatalf("error %v (%T) is not a *CaseError", err, err)
	}
	return ce
}

// problem returns the first problem on field whose message contains every
// one of the substrings, or fails.
func problem(t testing.TB, ce *discretion.CaseError, field string, substrs ...string) discretion.Problem {
	t.Helper()
	for _, p := range ce.Problems {
		if p.Field != field {
			continue
		}
		ok := true
		for _, s := range substrs {
			ok = ok && strings.Contains(p.Message, s)
		}
		if ok {
			return p
		}
	}
	t.Fatalf("no problem on %q containing %q; problems: %+v", field, substrs, ce.Problems)
	return discretion.Problem{}
}

func wantOutcome(t testing.TB, d *discretion.Decision, outcome discretion.Outcome, reason discretion.Reason) {
	t.Helper()
	if d.Outcome != outcome || d.Reason != reason {
		t.Fatalf("outcome = %s/%q, want %s/%q\n%s", d.Outcome, d.Reason, outcome, reason, d.Text())
	}
}

func wantFine(t testing.TB, d *discretion.Decision, min, max string) {
	t.Helper()
	if d.Fine == nil {
		t.Fatalf("no fine, want [%s, %s]\n%s", min, max, d.Text())
	}
	if d.Fine.Min.String() != min || d.Fine.Max.String() != max {
		t.Fatalf("fine = [%s, %s], want [%s, %s]\n%s", d.Fine.Min, d.Fine.Max, min, max, d.Text())
	}
	if !hasSanction(d, "fine") {
		t.Fatalf("fine range set but sanctions %v lack fine", d.Sanctions)
	}
}

func wantNoFine(t testing.TB, d *discretion.Decision) {
	t.Helper()
	if d.Fine != nil {
		t.Fatalf("fine = [%s, %s], want none\n%s", d.Fine.Min, d.Fine.Max, d.Text())
	}
	if hasSanction(d, "fine") {
		t.Fatalf("no fine range but sanctions %v list fine", d.Sanctions)
	}
}

func wantStatutory(t testing.TB, d *discretion.Decision, min, max string) {
	t.Helper()
	if d.Statutory == nil {
		t.Fatalf("no statutory range, want [%s, %s]\n%s", min, max, d.Text())
	}
	if d.Statutory.Min.String() != min || d.Statutory.Max.String() != max {
		t.Fatalf("statutory = [%s, %s], want [%s, %s]\n%s", d.Statutory.Min, d.Statutory.Max, min, max, d.Text())
	}
}

func hasSanction(d *discretion.Decision, s string) bool {
	for _, x := range d.Sanctions {
		if string(x) == s {
			return true
		}
	}
	return false
}

func hasFlag(d *discretion.Decision, flag string) bool {
	for _, f := range d.Flags {
		if f == flag {
			return true
		}
	}
	return false
}

func hasOrder(d *discretion.Decision, order string) bool {
	for _, o := range d.Orders {
		if o == order {
			return true
		}
	}
	return false
}

// steps returns the trace steps of a step kind with a rule id ("" for any).
func steps(d *discretion.Decision, step, rule string) []discretion.Step {
	var out []discretion.Step
	for _, s := range d.Steps() {
		if s.Step == step && (rule == "" || s.Rule == rule) {
			out = append(out, s)
		}
	}
	return out
}

// step returns the only trace step of a kind and rule, or fails.
func step(t testing.TB, d *discretion.Decision, kind, rule string) discretion.Step {
	t.Helper()
	ss := steps(d, kind, rule)
	if len(ss) != 1 {
		t.Fatalf("trace has %d steps %s/%s, want 1\n%s", len(ss), kind, rule, d.Text())
	}
	return ss[0]
}

// factValue is the value a trace step read for a fact, as text.
func factValue(t testing.TB, s discretion.Step, name string) string {
	t.Helper()
	for _, f := range s.Facts {
		if f.Name == name {
			return f.Value.String()
		}
	}
	t.Fatalf("step %s/%s read no fact %s", s.Step, s.Rule, name)
	return ""
}

// traceMentions reports whether any step's citation or note contains s.
func traceMentions(d *discretion.Decision, s string) bool {
	for _, st := range d.Steps() {
		if strings.Contains(st.Citation, s) || strings.Contains(st.Note, s) {
			return true
		}
	}
	return false
}

func mustJSON(t testing.TB, d *discretion.Decision) string {
	t.Helper()
	b, err := d.JSON()
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func readTestdata(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
