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

// TestCheckBroken: the broken catalog holds defects of each class, each
// marked "# DEFECT <code>" (an error) or "# WARNING <code>" on the line
// before the rule the check must point at. Every defect is found at its
// line with its severity, and nothing else is; every witness, decided by
// the engine, shows the defect.
func TestCheckBroken(t *testing.T) {
	const path = "testdata/broken/catalog.yaml"
	want := chkMarkers(t, path)
	all := []string{standards.CodeGap, standards.CodeOverlap, standards.CodeRange, standards.CodeTierOrder,
		standards.CodeUnreachable, standards.CodeMitigation, standards.CodeFirstOffense, standards.CodeMandatory,
		standards.CodeDivision, standards.CodeLighterEffect, standards.CodeWording}
	have := map[string]bool{}
	for m := range want {
		have[m.code] = true
	}
	for _, code := range all {
		if !have[code] {
			t.Errorf("the broken catalog has no defect marked %s", code)
		}
	}
	r, eng := chkCheckFile(t, path)
	got := map[chkMarker]standards.Finding{}
	errs, warns := 0, 0
	for _, f := range r.Findings {
		m := chkMarker{code: f.Code, line: f.Pos.Line}
		if _, dup := got[m]; dup {
			t.Errorf("%s reported twice at line %d: %s", f.Code, f.Pos.Line, f.Message)
		}
		got[m] = f
		sev, ok := want[m]
		switch {
		case !ok:
			t.Errorf("unexpected finding %s: %s: %s", f.Pos, f.Code, f.Message)
		case f.Pos.File != path || f.Pos.Col <= 0:
			t.Errorf("%s at %s, want %s:%d:col", f.Code, f.Pos, path, m.line)
		case f.Severity != sev:
			t.Errorf("%s is a %s, want a %s", f.Code, f.Severity, sev)
		}
	}
	for m, sev := range want {
		if _, ok := got[m]; !ok {
			t.Errorf("the check did not find %s (marked at line %d)", m.code, m.line-1)
		}
		if sev == standards.SeverityError {
			errs++
		} else {
			warns++
		}
	}
	if r.Errors() != errs || r.Warnings() != warns {
		t.Errorf("%d errors and %d warnings, want %d and %d", r.Errors(), r.Warnings(), errs, warns)
	}

	// Every finding but an unreachable rule comes with a witness, and the
	// engine shows the defect on it.
	for m, f := range got {
		code := m.code
		if code == standards.CodeUnreachable || code == standards.CodeDivision {
			if f.Witness != nil {
				t.Errorf("%s: a static finding has no witness, got one", code)
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
		case standards.CodeOverlap:
			// B002 declares its grades exclusive: the engine refuses a case
			// that two of them claim, naming both.
			var amb *discretion.AmbiguousGradeError
			if !errors.As(err, &amb) || amb.Grades != [2]string{"minor", "general"} {
				t.Errorf("overlap witness decided %v, %v; want minor and general refused as ambiguous", d, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s witness: %v", code, err)
			continue
		}
		switch code {
		case standards.CodeRange:
			if d.Fine == nil || !d.Fine.Max.GreaterThan(decimal.NewFromInt(20000)) {
				t.Errorf("range witness fined %+v, want above the clause's 20000", d.Fine)
			}
		// The outcome the grade and the factors reached is the adjust step's:
		// where no sanction is left (a base of 0, 减轻 under a clause with no
		// minimum) the decision itself imposes nothing (order_only,
		// no_fine_possible).
		case standards.CodeTierOrder:
			if got := adjusted(d); d.Grade != "large" || got != discretion.Heavier {
				t.Errorf("tier-order witness decided %s at %s, want heavier at large", got, d.Grade)
			}
		case standards.CodeMitigation:
			if got := adjusted(d); got != discretion.Mitigated {
				t.Errorf("mitigation witness decided %s, want mitigated", got)
			}
		case standards.CodeFirstOffense:
			if d.Outcome != discretion.NoPenalty || d.Reason != discretion.ReasonFirstOffense || f.Witness.Facts["refused_to_correct"] != true {
				t.Errorf("first-offense witness decided %s %s (refused %v); want first_offense for a party who refused to correct",
					d.Outcome, d.Reason, f.Witness.Facts["refused_to_correct"])
			}
		case standards.CodeLighterEffect:
			without, err := chkDecide(t, eng, f.Contrast)
			if err != nil || d.Fine == nil || without.Fine == nil || !d.Fine.Min.Equal(without.Fine.Min) || !d.Fine.Max.Equal(without.Fine.Max) {
				t.Errorf("lighter-effect pair decided %v and %v (%v), want the same fine", d.Fine, without, err)
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
	for m := range want {
		if !strings.Contains(text.String(), path+":"+itoa(m.line)+":") || !strings.Contains(text.String(), m.code) {
			t.Errorf("the text report does not name %s at %s:%d", m.code, path, m.line)
		}
	}
}

// chkMarker is a marked defect: its code and the line the finding points at.
type chkMarker struct {
	code string
	line int
}

var chkMarkerRE = regexp.MustCompile(`#\s*(DEFECT|WARNING)\s+(standards_[a-z_]+)`)

// chkMarkers maps each marked defect (its code and the line after its
// marker) to the severity the marker says.
func chkMarkers(t *testing.T, path string) map[chkMarker]standards.Severity {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[chkMarker]standards.Severity{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if m := chkMarkerRE.FindStringSubmatch(sc.Text()); m != nil {
			sev := standards.SeverityError
			if m[1] == "WARNING" {
				sev = standards.SeverityWarning
			}
			out[chkMarker{code: m[2], line: n + 1}] = sev
		}
	}
	return out
}

func itoa(n int) string { return decimal.NewFromInt(int64(n)).String() }

// adjusted is the outcome the adjust step of a decision reached, or the
// decision's outcome if it has none.
func adjusted(d *discretion.Decision) discretion.Outcome {
	out := d.Outcome
	for _, s := range d.Steps() {
		if s.Step == "adjust" {
			out = discretion.Outcome(s.Rule)
		}
	}
	return out
}
