package discretion_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// Conditional penalties: "责令限期改正；逾期不改正的，处…罚款"
// allows no fine until the deadline has passed. Not yet triggered is
// precondition_unmet — not an art. 33 exemption, so its trace cites no
// 第三十三条.

func TestPrecondition_unmet_is_no_penalty_without_art33(t *testing.T) {
	e := engineFile(t, "precondition.yaml")
	for name, facts := range map[string]map[string]any{
		"plain":              {"harm": "minor", "corrected_in_time": false, "overdue_not_corrected": false},
		"also_light":         {"harm": "none", "corrected_in_time": true, "overdue_not_corrected": false},
		"also_no_fault":      {"harm": "minor", "corrected_in_time": false, "overdue_not_corrected": false, "no_fault_proven": true},
		"also_first_offense": {"harm": "minor", "corrected_in_time": true, "overdue_not_corrected": false},
	} {
		t.Run(name, func(t *testing.T) {
			d := decide(t, e, orgCase("OVERDUE", facts))
			wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonPreconditionUnmet)
			wantNoFine(t, d)
			for _, s := range d.Steps() {
				if strings.Contains(s.Citation, "第三十三条") || strings.Contains(s.Note, "第三十三条") {
					t.Errorf("precondition_unmet trace cites art. 33: %+v", s)
				}
			}
			if hasOrder(d, "对当事人进行教育") {
				t.Errorf("orders %v carry art. 33 ¶3 education", d.Orders)
			}
			if !hasOrder(d, "责令限期改正") {
				t.Errorf("orders %v lack the item's 责令限期改正 (art. 28)", d.Orders)
			}
			if s := step(t, d, "precondition", "precondition:overdue_not_corrected"); s.Result {
				t.Errorf("precondition step = %+v", s)
			}
			if dec := step(t, d, "decision", string(discretion.ReasonPreconditionUnmet)); !strings.Contains(dec.Citation, "第二十八条") {
				t.Errorf("decision step cites %q, want art. 28", dec.Citation)
			}
		})
	}
}

func TestPrecondition_met_decides_normally(t *testing.T) {
	e := engineFile(t, "precondition.yaml")
	d := decide(t, e, orgCase("OVERDUE", map[string]any{"harm": "minor", "corrected_in_time": false, "overdue_not_corrected": true}))
	wantOutcome(t, d, discretion.General, "")
	wantFine(t, d, "200", "1000")
	if s := step(t, d, "precondition", "precondition:overdue_not_corrected"); !s.Result {
		t.Errorf("precondition step = %+v", s)
	}
}

func TestPrecondition_met_then_art33_still_applies(t *testing.T) {
	// Once the fine is triggered, art. 33 ¶2 (no fault) still excludes it.
	e := engineFile(t, "precondition.yaml")
	d := decide(t, e, orgCase("OVERDUE", map[string]any{"harm": "minor", "corrected_in_time": false,
		"overdue_not_corrected": true, "no_fault_proven": true}))
	wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonNoFault)
}

func TestPrecondition_on_one_sanction_adds_it_only_when_met(t *testing.T) {
	e := engineFile(t, "precondition.yaml")
	base := map[string]any{"harm": "minor", "corrected_in_time": false}
	t.Run("refused_adds_suspend_business_and_hearing", func(t *testing.T) {
		facts := map[string]any{"refused_to_correct": true}
		for k, v := range base {
			facts[k] = v
		}
		d := decide(t, e, orgCase("REFUSED", facts))
		wantOutcome(t, d, discretion.General, "")
		wantFine(t, d, "5000", "50000")
		if !hasSanction(d, "suspend_business") {
			t.Fatalf("sanctions = %v, want suspend_business", d.Sanctions)
		}
		if !d.Procedure.Hearing {
			t.Error("责令停产停业 carries a hearing right (art. 63 (四))")
		}
		if d.Procedure.Simple {
			t.Error("责令停产停业 cannot be decided on the spot (art. 51)")
		}
	})
	t.Run("not_refused_fine_only", func(t *testing.T) {
		d := decide(t, e, orgCase("REFUSED", base))
		wantOutcome(t, d, discretion.General, "")
		wantFine(t, d, "5000", "50000")
		if hasSanction(d, "suspend_business") {
			t.Fatalf("sanctions = %v, want no suspend_business", d.Sanctions)
		}
		if s := step(t, d, "precondition", "precondition:suspend_business"); s.Result {
			t.Errorf("sanction precondition step = %+v", s)
		}
	})
}
