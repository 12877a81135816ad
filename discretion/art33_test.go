package discretion_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// Art. 33: "违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。初次违法
// 且危害后果轻微并及时改正的，可以不予行政处罚。当事人有证据足以证明没有主观
// 过错的，不予行政处罚。…对当事人的违法行为依法不予行政处罚的，行政机关应当对
// 当事人进行教育。"

// art33Case is a first violation, corrected in time, with minor harm, that is
// not light enough for ¶1 s1 (size 10 ≥ 5).
func art33Case(item string) *discretion.Case {
	c := orgCase(item, map[string]any{"harm": "minor", "corrected_in_time": true, "size": 10})
	c.ActDate, c.DiscoveryDate, c.DecisionDate = "2024-05-01", "2024-05-02", "2024-05-10"
	return c
}

func TestArt33_light_violation_is_mandatory_no_penalty(t *testing.T) {
	e := engineFile(t, "art33.yaml")
	c := art33Case("FO1")
	c.Facts["harm"], c.Facts["size"] = "none", 3
	d := decide(t, e, c)
	wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonLightViolation)
	wantNoFine(t, d)
	if d.Discretionary {
		t.Error("art. 33 ¶1 s1 is \"不予\" (mandatory): discretionary must be false")
	}
	if !hasOrder(d, "对当事人进行教育") {
		t.Errorf("orders = %v, want 对当事人进行教育 (art. 33 ¶3)", d.Orders)
	}
	if d.Grade != "" {
		t.Errorf("grade = %q, want none", d.Grade)
	}
	s := step(t, d, "light_violation", "light_violation")
	if !s.Result || !strings.Contains(s.Citation, "第三十三条第一款") {
		t.Errorf("light_violation step = %+v", s)
	}
	if dec := step(t, d, "decision", string(discretion.ReasonLightViolation)); !strings.Contains(dec.Citation, "第三十三条第三款") {
		t.Errorf("decision step citation %q lacks art. 33 ¶3", dec.Citation)
	}
	// It is decided before first offense is even considered.
	if len(steps(d, "first_offense", "")) != 0 {
		t.Errorf("first offense evaluated after a light violation\n%s", d.TraceText())
	}
}

func TestArt33_light_violation_needs_every_condition(t *testing.T) {
	e := engineFile(t, "art33.yaml")
	for name, mutate := range map[string]func(c *discretion.Case){
		"harm_minor":    func(c *discretion.Case) { c.Facts["harm"] = "minor" },
		"not_corrected": func(c *discretion.Case) { c.Facts["corrected_in_time"] = false },
		"not_light":     func(c *discretion.Case) { c.Facts["size"] = 5 },
	} {
		t.Run(name, func(t *testing.T) {
			c := art33Case("FO1")
			c.Facts["harm"], c.Facts["size"] = "none", 3
			c.History = []discretion.Prior{{Item: "FO1", ActDate: "2024-01-01", DecisionDate: "2024-02-01"}}
			mutate(c)
			d := decide(t, e, c)
			if d.Reason == discretion.ReasonLightViolation {
				t.Fatalf("decided light_violation\n%s", d.TraceText())
			}
		})
	}
}

func TestArt33_no_fault_is_mandatory_no_penalty(t *testing.T) {
	e := engineFile(t, "art33.yaml")
	c := art33Case("FO2")
	c.Facts["corrected_in_time"] = false
	c.Facts["harm"] = "serious"
	c.Facts["no_fault_proven"] = true
	d := decide(t, e, c)
	wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonNoFault)
	if d.Discretionary {
		t.Error("art. 33 ¶2 is mandatory")
	}
	if s := step(t, d, "no_fault", "no_fault"); !s.Result || !strings.Contains(s.Citation, "第三十三条第二款") {
		t.Errorf("no_fault step = %+v", s)
	}
	if !hasOrder(d, "对当事人进行教育") {
		t.Errorf("orders = %v", d.Orders)
	}
}

func TestArt33_first_offense(t *testing.T) {
	e := engineFile(t, "art33.yaml")
	t.Run("art33_first_offense_listed_is_discretionary_no_penalty", func(t *testing.T) {
		d := decide(t, e, art33Case("FO1"))
		wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonFirstOffense)
		wantNoFine(t, d)
		if !d.Discretionary {
			t.Error("first offense is \"可以不予\": discretionary must be true")
		}
		if !hasOrder(d, "对当事人进行教育") {
			t.Errorf("orders = %v", d.Orders)
		}
	})
	t.Run("art33_first_offense_not_listed_decides_normally_with_flag", func(t *testing.T) {
		d := decide(t, e, art33Case("FO2"))
		wantOutcome(t, d, discretion.General, "")
		wantFine(t, d, "200", "2000")
		if !hasFlag(d, discretion.FlagFirstOffenseEligible) {
			t.Errorf("flags = %v, want %s", d.Flags, discretion.FlagFirstOffenseEligible)
		}
		if s := step(t, d, "first_offense", "first_offense.list"); s.Result {
			t.Errorf("list step = %+v", s)
		}
	})
	t.Run("art33_first_offense_needs_its_conditions", func(t *testing.T) {
		c := art33Case("FO1")
		c.Facts["corrected_in_time"] = false
		d := decide(t, e, c)
		wantOutcome(t, d, discretion.General, "")
		if hasFlag(d, discretion.FlagFirstOffenseEligible) {
			t.Errorf("ineligible case flagged eligible")
		}
	})
	t.Run("art33_first_offense_serious_harm_is_not_first_offense", func(t *testing.T) {
		c := art33Case("FO1")
		c.Facts["harm"] = "serious"
		wantOutcome(t, decide(t, e, c), discretion.General, "")
	})
}

// The look-back window: "近一年" counted back from the current act
// (粤环发〔2021〕7号 art. 22); a prior violation on the first day of the window
// counts (catalog.Window.Start, [I]).
func TestArt33_first_offense_window(t *testing.T) {
	e := engineFile(t, "art33.yaml")
	tests := []struct {
		name     string
		item     string
		prior    discretion.Prior
		firstOff bool
	}{
		{"art33_prior_decided_exactly_one_year_before_act_is_not_first", "FO1",
			discretion.Prior{Item: "FO1", ActDate: "2023-03-01", DecisionDate: "2023-05-01"}, false},
		{"art33_prior_decided_one_year_and_one_day_before_act_is_first", "FO1",
			discretion.Prior{Item: "FO1", ActDate: "2023-03-01", DecisionDate: "2023-04-30"}, true},
		{"art33_prior_basis_decision_date_counts_recent_decision", "FO1",
			discretion.Prior{Item: "FO1", ActDate: "2023-04-01", DecisionDate: "2023-06-01"}, false},
		{"art33_prior_basis_act_date_ignores_recent_decision", "FO3",
			discretion.Prior{Item: "FO3", ActDate: "2023-04-01", DecisionDate: "2023-06-01"}, true},
		{"art33_prior_basis_act_date_exactly_one_year_is_not_first", "FO3",
			discretion.Prior{Item: "FO3", ActDate: "2023-05-01"}, false},
		{"art33_prior_decided_after_current_act_is_not_prior", "FO1",
			discretion.Prior{Item: "FO1", ActDate: "2024-04-01", DecisionDate: "2024-05-05"}, true},
		{"art33_same_item_ignores_other_items", "FO1",
			discretion.Prior{Item: "FO2", ActDate: "2024-01-01", DecisionDate: "2024-02-01"}, true},
		{"art33_any_counts_other_items", "FO4",
			discretion.Prior{Item: "FO2", ActDate: "2024-01-01", DecisionDate: "2024-02-01"}, false},
		{"art33_window_none_counts_any_time", "FO5",
			discretion.Prior{Item: "FO5", ActDate: "2001-01-01", DecisionDate: "2001-02-01"}, false},
		{"art33_same_clause_counts_item_with_same_penalty_clause", "FO5",
			discretion.Prior{Item: "FO6", ActDate: "2001-01-01", DecisionDate: "2001-02-01"}, false},
		{"art33_same_clause_ignores_other_clauses", "FO5",
			discretion.Prior{Item: "FO1", ActDate: "2001-01-01", DecisionDate: "2001-02-01"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := art33Case(tt.item)
			c.History = []discretion.Prior{tt.prior}
			d := decide(t, e, c)
			w := step(t, d, "first_offense", "first_offense.window")
			if w.Result != tt.firstOff {
				t.Errorf("window step result = %v, want %v: %s", w.Result, tt.firstOff, w.Note)
			}
			if tt.firstOff {
				wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonFirstOffense)
			} else {
				wantOutcome(t, d, discretion.General, "")
			}
		})
	}
}

func TestArt33_prior_without_decision_date_is_a_case_error_when_counted_by_decision(t *testing.T) {
	e := engineFile(t, "art33.yaml")
	c := art33Case("FO1")
	c.History = []discretion.Prior{{Item: "FO1", ActDate: "2023-09-01"}}
	problem(t, caseError(t, e, c), "history[0].decision_date", "缺少", "处罚决定日期")

	// Counted by act date, the decision date is not needed.
	c = art33Case("FO3")
	c.History = []discretion.Prior{{Item: "FO3", ActDate: "2023-09-01"}}
	wantOutcome(t, decide(t, e, c), discretion.General, "")

	// A prior of another item is not counted and needs no decision date.
	c = art33Case("FO1")
	c.History = []discretion.Prior{{Item: "FO2", ActDate: "2023-09-01"}}
	wantOutcome(t, decide(t, e, c), discretion.NoPenalty, discretion.ReasonFirstOffense)
}
