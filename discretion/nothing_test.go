package discretion_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// A decision that imposes nothing is not a penalty (行政处罚法 art. 9 lists
// the penalties; 责令改正 is not one, art. 28): when no sanction is left the
// outcome says so, and no procedure of a penalty follows from it. A warning
// is a penalty (art. 9 (一)).

// wantNothingImposed checks a decision that imposes nothing.
func wantNothingImposed(t *testing.T, d *discretion.Decision, want discretion.Outcome) {
	t.Helper()
	wantOutcome(t, d, want, "")
	wantNoFine(t, d)
	if want.Imposes() || len(d.Sanctions) != 0 {
		t.Errorf("imposes %v (outcome %s)", d.Sanctions, d.Outcome)
	}
	if d.Procedure != (discretion.Procedure{}) {
		t.Errorf("procedure %+v for a decision that imposes nothing", d.Procedure)
	}
	s := step(t, d, "decision", string(want))
	for _, word := range []string{"不予罚款：", "从轻处罚", "一般处罚", "减轻处罚", "从重处罚"} {
		if strings.HasPrefix(s.Note, word) || strings.Contains(s.Note, "处罚："+word) {
			t.Errorf("decision step %q reads as a penalty", s.Note)
		}
	}
	if s.Citation == "" {
		t.Errorf("decision step without citation: %+v", s)
	}
	for _, ps := range steps(d, "procedure", "") {
		t.Errorf("procedure step %+v for a decision that imposes nothing", ps)
	}
	var out struct{ Outcome string }
	if err := json.Unmarshal([]byte(mustJSON(t, d)), &out); err != nil || out.Outcome != string(want) {
		t.Errorf("JSON outcome = %q (%v), want %q", out.Outcome, err, want)
	}
}

func TestNothingImposed(t *testing.T) {
	e := engineFile(t, "nothing.yaml")
	t.Run("order_only_is_not_a_penalty", func(t *testing.T) {
		d := decide(t, e, newCase("ORDERS", nil))
		wantNothingImposed(t, d, discretion.OrderOnly)
		if !hasOrder(d, "责令限期拆除") {
			t.Errorf("orders = %v", d.Orders)
		}
		if d.Grade != "" {
			t.Errorf("grade %s for a clause with nothing to grade", d.Grade)
		}
		if s := step(t, d, "decision", "order_only"); !strings.Contains(s.Note, "责令限期拆除") || !strings.Contains(s.Note, "未规定行政处罚") {
			t.Errorf("decision step = %+v", s)
		}
		if strings.Contains(d.Text(), "\n程序：") {
			t.Errorf("text states a procedure:\n%s", d.Text())
		}
	})
	t.Run("no_fine_possible_has_no_hearing", func(t *testing.T) {
		d := decide(t, e, newCase("UNDET", map[string]any{"illegal_gains": "undeterminable"}))
		wantNothingImposed(t, d, discretion.NoFinePossible)
		if d.Procedure.Hearing || d.Procedure.LegalReview {
			t.Errorf("procedure %+v for a fine that does not exist", d.Procedure)
		}
		// The same clause with the gains known is a penalty with its procedure.
		d = decide(t, e, newCase("UNDET", map[string]any{"illegal_gains": 100}))
		if !d.Outcome.Imposes() || !d.Procedure.Hearing || !d.Procedure.LegalReview {
			t.Errorf("known gains: outcome %s, procedure %+v", d.Outcome, d.Procedure)
		}
	})
	t.Run("no_fine_possible_when_the_base_is_zero", func(t *testing.T) {
		// 没有违法所得: one to three times nothing is no fine, and the clause
		// sets none for that case.
		d := decide(t, e, newCase("UNDET", map[string]any{"illegal_gains": 0}))
		wantNothingImposed(t, d, discretion.NoFinePossible)
		if s := step(t, d, "decision", "no_fine_possible"); !strings.Contains(s.Note, "基数无法确定或者为零") {
			t.Errorf("decision step = %+v", s)
		}
	})
	t.Run("every_sanction_dropped_is_order_only", func(t *testing.T) {
		d := decide(t, e, newCase("GRADES", map[string]any{"level": "mid"}))
		wantNothingImposed(t, d, discretion.OrderOnly)
		if d.Grade != "mid" {
			t.Errorf("grade = %s, want mid", d.Grade)
		}
	})
	t.Run("warning_only_is_a_penalty", func(t *testing.T) {
		d := decide(t, e, newCase("GRADES", map[string]any{"level": "low"}))
		wantOutcome(t, d, discretion.Lighter, "")
		if !d.Outcome.Imposes() || !hasSanction(d, "warning") {
			t.Errorf("outcome %s, sanctions %v: a warning is a penalty", d.Outcome, d.Sanctions)
		}
		if !d.Procedure.Simple || !d.Procedure.LegalReview {
			t.Errorf("procedure %+v: a warning is decided as a penalty", d.Procedure)
		}
	})
	t.Run("mitigated_without_minimum_leaves_order_only", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml")
		d := decide(t, e, adjustCase("MAXONLY", "mid", grounds{mitigating: true}))
		wantNothingImposed(t, d, discretion.OrderOnly)
		if !hasFlag(d, discretion.FlagMitigatedNoMinimum) {
			t.Errorf("flags = %v", d.Flags)
		}
		if s := step(t, d, "adjust", "mitigated"); !s.Result {
			t.Errorf("the mitigating ground is not in the trace: %+v", s)
		}
	})
}
