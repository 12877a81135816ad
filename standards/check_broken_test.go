package standards_test

import (
	"bufio"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/standards"
)

// TestCheckBroken: the broken catalog holds one defect of each class, each
// marked "# DEFECT <code>" on the line before the rule the check must point
// at. Every defect is found at its line, as an error, and nothing else is;
// every witness, decided by the engine, shows the defect.
func TestCheckBroken(t *testing.T) {
	const path = "testdata/broken/catalog.yaml"
	want := chkMarkers(t, path)
	all := []string{standards.CodeGap, standards.CodeOverlap, standards.CodeRange, standards.CodeTierOrder,
		standards.CodeUnreachable, standards.CodeMitigation, standards.CodeFirstOffense, standards.CodeMandatory}
	for _, code := range all {
		if _, ok := want[code]; !ok {
			t.Errorf("the broken catalog has no defect marked %s", code)
		}
	}
	r, eng := chkCheckFile(t, path)
	got := map[string]standards.Finding{}
	for _, f := range r.Findings {
		if _, dup := got[f.Code]; dup {
			t.Errorf("%s reported twice: %s", f.Code, f.Message)
		}
		got[f.Code] = f
		line, ok := want[f.Code]
		switch {
		case !ok:
			t.Errorf("unexpected finding %s: %s: %s", f.Pos, f.Code, f.Message)
		case f.Pos.Line != line || f.Pos.File != path || f.Pos.Col <= 0:
			t.Errorf("%s at %s, want %s:%d:col", f.Code, f.Pos, path, line)
		case f.Severity != standards.SeverityError:
			t.Errorf("%s is a %s, want an error", f.Code, f.Severity)
		}
	}
	for code := range want {
		if _, ok := got[code]; !ok {
			t.Errorf("the check did not find %s (marked at line %d)", code, want[code]-1)
		}
	}
	if r.Errors() != len(want) || r.Warnings() != 0 {
		t.Errorf("%d errors and %d warnings, want %d and 0", r.Errors(), r.Warnings(), len(want))
	}

	// Every finding but an unreachable rule comes with a witness, and the
	// engine shows the defect on it.
	for code, f := range got {
		if code == standards.CodeUnreachable {
			if f.Witness != nil {
				t.Errorf("%s: an unreachable rule has no witness, got one", code)
			}
			continue
		}
		if f.Witness == nil {
			t.Errorf("%s: no witness", code)
			continue
		}
		d, err := chkDecide(t, eng, f.Witness)
		var gap *discretion.GapError
		switch code {
		case standards.CodeGap:
			if !errors.As(err, &gap) {
				t.Errorf("gap witness decided %v, %v; want a gap error", d, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s witness: %v", code, err)
			continue
		}
		switch code {
		case standards.CodeOverlap:
			if d.Grade != "minor" {
				t.Errorf("overlap witness graded %s, want minor (the first of the overlapping grades)", d.Grade)
			}
		case standards.CodeRange:
			if d.Fine == nil || !d.Fine.Max.GreaterThan(decimal.NewFromInt(20000)) {
				t.Errorf("range witness fined %+v, want above the clause's 20000", d.Fine)
			}
		case standards.CodeTierOrder:
			if d.Grade != "large" || d.Outcome != discretion.Heavier {
				t.Errorf("tier-order witness decided %s at %s, want heavier at large", d.Outcome, d.Grade)
			}
		case standards.CodeMitigation:
			if d.Outcome != discretion.Mitigated {
				t.Errorf("mitigation witness decided %s, want mitigated", d.Outcome)
			}
		case standards.CodeFirstOffense:
			if d.Outcome != discretion.NoPenalty || d.Reason != discretion.ReasonFirstOffense || f.Witness.Facts["refused_to_correct"] != true {
				t.Errorf("first-offense witness decided %s %s (refused %v); want first_offense for a party who refused to correct",
					d.Outcome, d.Reason, f.Witness.Facts["refused_to_correct"])
			}
		case standards.CodeMandatory:
			if !d.Discretionary {
				t.Errorf("mandatory witness: the decision is not marked discretionary, so the factor did not apply")
			}
		}
	}

	var text strings.Builder
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for code, line := range want {
		if !strings.Contains(text.String(), path+":"+itoa(line)+":") || !strings.Contains(text.String(), code) {
			t.Errorf("the text report does not name %s at %s:%d", code, path, line)
		}
	}
}

var chkMarkerRE = regexp.MustCompile(`#\s*DEFECT\s+(standards_[a-z_]+)`)

// chkMarkers maps each marked code to the line after its marker.
func chkMarkers(t *testing.T, path string) map[string]int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]int{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if m := chkMarkerRE.FindStringSubmatch(sc.Text()); m != nil {
			out[m[1]] = n + 1
		}
	}
	return out
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }
