package discretion_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// A look-back window states whether its first day counts
// (first_offense.window_first_day, policies.history_window_first_day:
// included by default), and the trace names its first and last day.

func TestFirstOffenseWindowFirstDay(t *testing.T) {
	// FO1: 近一年 by decision date; the act is on 2024-05-01.
	included := engineFile(t, "art33.yaml")
	excluded := engineFile(t, "art33.yaml", "        prior_basis: decision_date\n", "        prior_basis: decision_date\n        window_first_day: excluded\n")
	onFirstDay := discretion.Prior{Item: "FO1", ActDate: "2023-03-01", DecisionDate: "2023-05-01"}
	t.Run("first_offense_window_names_first_and_last_day", func(t *testing.T) {
		d := decide(t, included, art33Case("FO1"))
		w := step(t, d, "first_offense", "first_offense.window")
		for _, want := range []string{"2023-05-01至2024-04-30", "首日计入", "处理决定日期"} {
			if !strings.Contains(w.Note, want) {
				t.Errorf("window note %q does not say %q", w.Note, want)
			}
		}
	})
	t.Run("first_offense_window_first_day_included_counts_it", func(t *testing.T) {
		c := art33Case("FO1")
		c.History = []discretion.Prior{onFirstDay}
		d := decide(t, included, c)
		if w := step(t, d, "first_offense", "first_offense.window"); w.Result {
			t.Errorf("a prior decided on the window's first day does not count: %s", w.Note)
		}
	})
	t.Run("first_offense_window_first_day_excluded_leaves_it_out", func(t *testing.T) {
		c := art33Case("FO1")
		c.History = []discretion.Prior{onFirstDay}
		d := decide(t, excluded, c)
		w := step(t, d, "first_offense", "first_offense.window")
		if !w.Result {
			t.Errorf("a prior decided on the excluded first day counts: %s", w.Note)
		}
		if !strings.Contains(w.Note, "2023-05-02至2024-04-30") || !strings.Contains(w.Note, "首日不计入") {
			t.Errorf("window note = %q, want 2023-05-02至2024-04-30 and 首日不计入", w.Note)
		}
		wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonFirstOffense)
	})
	t.Run("first_offense_window_none_names_its_last_day", func(t *testing.T) {
		d := decide(t, included, art33Case("FO5"))
		w := step(t, d, "first_offense", "first_offense.window")
		if !strings.Contains(w.Note, "不限回溯期间") || !strings.Contains(w.Note, "2024-04-30") {
			t.Errorf("window note = %q", w.Note)
		}
	})
}

func TestHistoryWindowFirstDay(t *testing.T) {
	// STALL's 告知承诺 needs prior_same_item_1y == 0; the act is on 2024-07-01.
	included := engineFile(t, "commitment.yaml")
	excluded := engineFile(t, "commitment.yaml", "tier_scheme: midpoint\n", "tier_scheme: midpoint\npolicies:\n  history_window_first_day: excluded\n")
	onFirstDay := []discretion.Prior{{Item: "STALL", ActDate: "2023-07-01", DecisionDate: "2023-07-10"}}
	t.Run("history_window_names_first_and_last_day", func(t *testing.T) {
		d := decide(t, included, stallCase(&discretion.Commitment{Signed: true}))
		s := step(t, d, "commitment", "commitment")
		if !strings.Contains(s.Note, "一年内指2023-07-01至2024-06-30，首日计入") {
			t.Errorf("note %q does not name the window of prior_same_item_1y", s.Note)
		}
	})
	t.Run("history_window_first_day_included_counts_it", func(t *testing.T) {
		c := stallCase(&discretion.Commitment{Signed: true})
		c.History = onFirstDay
		d := decide(t, included, c)
		if got := factValue(t, step(t, d, "commitment", "commitment"), "prior_same_item_1y"); got != "1" {
			t.Errorf("prior_same_item_1y = %s, want 1", got)
		}
	})
	t.Run("history_window_first_day_excluded_leaves_it_out", func(t *testing.T) {
		c := stallCase(&discretion.Commitment{Signed: true})
		c.History = onFirstDay
		d := decide(t, excluded, c)
		s := step(t, d, "commitment", "commitment")
		if got := factValue(t, s, "prior_same_item_1y"); got != "0" {
			t.Errorf("prior_same_item_1y = %s, want 0", got)
		}
		if !strings.Contains(s.Note, "一年内指2023-07-02至2024-06-30，首日不计入") {
			t.Errorf("note %q does not name the window", s.Note)
		}
		wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonCommitment)
	})
}
