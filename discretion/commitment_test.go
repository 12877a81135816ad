package discretion_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// 告知承诺 (告知承诺制, e.g. 浙江省市场监管局《关于在市场监管领域实施轻微违法行为告知承诺制的意见》): a listed minor violation ends in no penalty when
// the party signs a commitment to correct by a deadline; breach re-opens the
// case. 公益抵罚 (§3.5): eligibility to offset a fine by public service; the
// fine itself is unchanged.

func stallCase(cm *discretion.Commitment) *discretion.Case {
	c := newCase("STALL", map[string]any{"harm": "none"})
	c.ActDate, c.DiscoveryDate, c.DecisionDate = "2024-07-01", "2024-07-01", "2024-07-01"
	c.Commitment = cm
	return c
}

func TestCommitment(t *testing.T) {
	e := engineFile(t, "commitment.yaml")
	t.Run("signed_is_no_penalty_with_default_deadline", func(t *testing.T) {
		d := decide(t, e, stallCase(&discretion.Commitment{Signed: true}))
		wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonCommitment)
		wantNoFine(t, d)
		if d.Commitment == nil || d.Commitment.Deadline != "2024-07-04" {
			t.Fatalf("commitment = %+v, want deadline 2024-07-04 (decision + 3 days)", d.Commitment)
		}
		if d.Commitment.Citation == "" || d.Commitment.Consequence == "" {
			t.Errorf("commitment terms incomplete: %+v", d.Commitment)
		}
		if !hasOrder(d, "责令改正") {
			t.Errorf("orders = %v", d.Orders)
		}
	})
	t.Run("signed_commitment_is_in_the_trace", func(t *testing.T) {
		// The signature is what ends the case: the trace states it, with
		// the deadline, before the decision step that cites it.
		d := decide(t, e, stallCase(&discretion.Commitment{Signed: true, Deadline: "2024-07-03"}))
		ss := d.Steps()
		at := -1
		for i, s := range ss {
			if s.Step == "commitment" && s.Rule == "commitment.signed" && s.Result {
				at = i
			}
		}
		if at < 0 {
			t.Fatalf("no signed commitment step in the trace\n%s", d.Text())
		}
		s := ss[at]
		if s.Citation == "" || !strings.Contains(s.Note, "已签署告知承诺书") || !strings.Contains(s.Note, "2024-07-03") {
			t.Errorf("signed commitment step = %+v", s)
		}
		if last := ss[len(ss)-1]; at != len(ss)-2 || last.Step != "decision" || last.Rule != string(discretion.ReasonCommitment) {
			t.Errorf("the signed step is not right before the decision: %d of %d, last %+v", at, len(ss), last)
		}
	})
	t.Run("signed_with_deadline_on_last_allowed_day", func(t *testing.T) {
		d := decide(t, e, stallCase(&discretion.Commitment{Signed: true, Deadline: "2024-07-04"}))
		wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonCommitment)
		if d.Commitment.Deadline != "2024-07-04" {
			t.Errorf("deadline = %s", d.Commitment.Deadline)
		}
	})
	t.Run("signed_with_earlier_deadline_keeps_it", func(t *testing.T) {
		d := decide(t, e, stallCase(&discretion.Commitment{Signed: true, Deadline: "2024-07-02"}))
		if d.Commitment == nil || d.Commitment.Deadline != "2024-07-02" {
			t.Errorf("commitment = %+v", d.Commitment)
		}
	})
	t.Run("deadline_beyond_allowed_days_is_a_case_error", func(t *testing.T) {
		ce := caseError(t, e, stallCase(&discretion.Commitment{Signed: true, Deadline: "2024-07-05"}))
		problem(t, ce, "commitment.deadline", "2024-07-05", "3日")
		problem(t, ce.Localize("en"), "commitment.deadline", "2024-07-05", "3 days")
	})
	t.Run("deadline_before_decision_is_a_case_error", func(t *testing.T) {
		ce := caseError(t, e, stallCase(&discretion.Commitment{Signed: true, Deadline: "2024-06-30"}))
		problem(t, ce, "commitment.deadline", "2024-06-30")
	})
	t.Run("not_signed_decides_normally_and_flags_availability", func(t *testing.T) {
		for _, cm := range []*discretion.Commitment{nil, {Signed: false}} {
			d := decide(t, e, stallCase(cm))
			wantOutcome(t, d, discretion.General, "")
			wantFine(t, d, "0", "50")
			if d.Commitment != nil {
				t.Errorf("commitment terms on an unsigned case: %+v", d.Commitment)
			}
			if !hasFlag(d, discretion.FlagCommitmentAvailable) {
				t.Errorf("flags = %v, want %s", d.Flags, discretion.FlagCommitmentAvailable)
			}
		}
	})
	t.Run("breached_is_not_available", func(t *testing.T) {
		d := decide(t, e, stallCase(&discretion.Commitment{Signed: true, Breached: true}))
		wantOutcome(t, d, discretion.General, "")
		if d.Commitment != nil || hasFlag(d, discretion.FlagCommitmentAvailable) {
			t.Errorf("breached commitment still offered: %+v %v", d.Commitment, d.Flags)
		}
		if s := step(t, d, "commitment", "commitment"); s.Result {
			t.Errorf("commitment step = %+v", s)
		}
	})
	t.Run("conditions_not_met_decides_normally", func(t *testing.T) {
		c := stallCase(&discretion.Commitment{Signed: true})
		c.Facts["harm"] = "minor"
		d := decide(t, e, c)
		wantOutcome(t, d, discretion.General, "")
		if hasFlag(d, discretion.FlagCommitmentAvailable) {
			t.Error("unavailable commitment flagged available")
		}
		// A prior violation of the item within a year also excludes it.
		c = stallCase(&discretion.Commitment{Signed: true})
		c.History = []discretion.Prior{{Item: "STALL", ActDate: "2023-07-01", DecisionDate: "2023-07-10"}}
		wantOutcome(t, decide(t, e, c), discretion.General, "")
	})
	t.Run("prior_of_other_item_or_older_than_a_year_does_not_exclude", func(t *testing.T) {
		// prior_same_item_1y counts the same item, acts within one year.
		c := stallCase(&discretion.Commitment{Signed: true})
		c.History = []discretion.Prior{
			{Item: "OFFSET", ActDate: "2024-06-01", DecisionDate: "2024-06-10"},
			{Item: "STALL", ActDate: "2023-06-30", DecisionDate: "2023-07-10"},
		}
		d := decide(t, e, c)
		wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonCommitment)
		if got := factValue(t, step(t, d, "commitment", "commitment"), "prior_same_item_1y"); got != "0" {
			t.Errorf("prior_same_item_1y = %s, want 0", got)
		}
	})
}

func TestPublicServiceOffset(t *testing.T) {
	e := engineFile(t, "commitment.yaml")
	offsetCase := func(harm string) *discretion.Case {
		return newCase("OFFSET", map[string]any{"harm": harm})
	}
	t.Run("offset_terms_present_fine_unchanged", func(t *testing.T) {
		d := decide(t, e, offsetCase("minor"))
		wantFine(t, d, "100", "200")
		if d.Offset == nil {
			t.Fatalf("no offset terms\n%s", d.Text())
		}
		if d.Offset.Rate.String() != "50" || d.Offset.Per != "hour" || d.Offset.Citation == "" {
			t.Errorf("offset = %+v", d.Offset)
		}
		if ss := steps(d, "offset", "public_service_offset"); len(ss) == 0 || !ss[len(ss)-1].Result {
			t.Errorf("offset steps = %+v", ss)
		}
	})
	t.Run("offset_absent_above_max_fine", func(t *testing.T) {
		d := decide(t, e, offsetCase("serious"))
		wantFine(t, d, "201", "1000")
		if d.Offset != nil {
			t.Errorf("offset %+v for a fine above 200", d.Offset)
		}
	})
	t.Run("offset_absent_when_condition_fails", func(t *testing.T) {
		c := offsetCase("minor")
		c.Party = discretion.Party{Type: "organization"}
		d := decide(t, e, c)
		wantFine(t, d, "100", "200")
		if d.Offset != nil {
			t.Errorf("offset %+v for an organization", d.Offset)
		}
	})
}
