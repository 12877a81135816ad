package discretion_test

import (
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// The standard's term (docs/catalog.md, "Header"): a case decided after the
// catalog's expires is decided, but flagged outside_standard_term for legal
// review, with a trace step naming the field.
func TestStandardTerm(t *testing.T) {
	t.Run("catalog_expired_decision_date", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml", "effective: 2015-01-01", "effective: 2015-01-01\nexpires: 2024-03-09")
		c := adjustCase("ROWS", "mid", grounds{})
		c.DecisionDate = "2024-03-10"
		d := decide(t, e, c)
		if !hasFlag(d, discretion.FlagOutsideStandardTerm) {
			t.Errorf("decision on 2024-03-10 under a standard that expired on 2024-03-09: flags = %v, want %s", d.Flags, discretion.FlagOutsideStandardTerm)
		}
		s := step(t, d, "term", "catalog.expires")
		if s.Result || !traceMentions(d, "expires") || !traceMentions(d, "2024-03-09") {
			t.Errorf("term step = %+v; want a failed step naming expires and its date", s)
		}
		wantFine(t, d, "3000", "7000") // still decided: the statute governs the case
	})
	t.Run("catalog_last_day_in_force", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml", "effective: 2015-01-01", "effective: 2015-01-01\nexpires: 2024-03-10")
		c := adjustCase("ROWS", "mid", grounds{})
		d := decide(t, e, c)
		if hasFlag(d, discretion.FlagOutsideStandardTerm) || len(steps(d, "term", "")) > 0 {
			t.Errorf("decided on the last day of the term: flags = %v", d.Flags)
		}
	})
	t.Run("expired_flag_survives_lex_mitior", func(t *testing.T) {
		e := engineFile(t, "versions.yaml", "effective: 2020-01-01", "effective: 2020-01-01\nexpires: 2024-01-31")
		c := newCase("LIGHTER", nil)
		c.ActDate, c.DiscoveryDate, c.DecisionDate = "2023-06-01", "2023-06-02", "2024-02-01"
		d := decide(t, e, c)
		if !hasFlag(d, discretion.FlagOutsideStandardTerm) {
			t.Errorf("flags = %v, want %s", d.Flags, discretion.FlagOutsideStandardTerm)
		}
	})
}
