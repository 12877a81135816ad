package discretion_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// TestTrace_large_amounts_render_exactly: an amount too large to pack into
// a trace word (a base of 22 digits, the fine computed from it) is kept
// aside and rendered digit for digit, in the facts, the notes and the JSON,
// also after the art. 29 steps are appended to the trace.
func TestTrace_large_amounts_render_exactly(t *testing.T) {
	e := engineFile(t, "amounts.yaml")
	const gains = "12345678901234567890.25" // 22 digits: more than a word packs
	d := decide(t, e, orgCase("GAINS", map[string]any{"illegal_gains": json.Number(gains)}))
	st := step(t, d, "statutory", "amount")
	if got := st.Facts[0].Value.String(); got != gains {
		t.Errorf("statutory step shows illegal_gains = %s, want %s", got, gains)
	}
	if !strings.Contains(st.Note, "基数"+gains+"元") {
		t.Errorf("statutory note %q does not state the base %s", st.Note, gains)
	}
	wantMax := d.Fine.Max.String()
	if len(wantMax) < 20 || !strings.Contains(d.Text(), wantMax) {
		t.Errorf("the text does not state the fine's maximum %s:\n%s", wantMax, d.Text())
	}
	j, err := d.JSON()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(j), `"illegal_gains": `+gains) {
		t.Errorf("JSON does not hold the base %s:\n%s", gains, j)
	}

	both := orgCase("", map[string]any{"illegal_gains": json.Number(gains)})
	both.Items = []string{"GAINS", "NOFALLBACK"}
	d = decide(t, e, both)
	steps := d.Steps()
	if last := steps[len(steps)-1]; last.Step != "art29" || last.Rule != "art29.higher_maximum" {
		t.Fatalf("last step %+v, want the art. 29 choice", last)
	}
	if st := step(t, d, "statutory", "amount"); !strings.Contains(st.Note, "基数"+gains+"元") {
		t.Errorf("art. 29: statutory note %q does not state the base %s", st.Note, gains)
	}
}

// TestDecision_appending_to_shared_slices_leaves_the_engine_alone: a
// decision's Orders and Basis are the engine's slices, clipped, so a caller
// that appends to them gets a copy: two decisions that append keep their
// own additions, and the next decision is unchanged.
func TestDecision_appending_to_shared_slices_leaves_the_engine_alone(t *testing.T) {
	e := engineFile(t, "amounts.yaml")
	c := orgCase("GAINS", map[string]any{"illegal_gains": json.Number("20000")})
	first, second := decide(t, e, c), decide(t, e, c)
	orders, basis := slices.Clone(first.Orders), slices.Clone(first.Basis)
	first.Orders, first.Basis = append(first.Orders, "甲"), append(first.Basis, "甲")
	second.Orders, second.Basis = append(second.Orders, "乙"), append(second.Basis, "乙")
	if first.Orders[len(first.Orders)-1] != "甲" || first.Basis[len(first.Basis)-1] != "甲" {
		t.Errorf("one decision's appends changed another's: orders %q, basis %q", first.Orders, first.Basis)
	}
	again := decide(t, e, c)
	if !slices.Equal(again.Orders, orders) || !slices.Equal(again.Basis, basis) {
		t.Errorf("after callers appended, the next decision has orders %q and basis %q; want %q and %q",
			again.Orders, again.Basis, orders, basis)
	}
}

// A grade is the standard's own rule: its steps cite the standard's row
// (title, 文号, item, grade), and the outcome it decides without a ground
// cites it too.
func TestGradeCitations(t *testing.T) {
	e := engineFile(t, "adjust.yaml", "title: 情节调整测试目录", "title: 情节调整测试目录\ndoc_number: 测综执〔2026〕1号")
	const row = "《情节调整测试目录》（测综执〔2026〕1号）ROWS 情节一般"
	t.Run("grade_step_cites_the_standard_row", func(t *testing.T) {
		d := decide(t, e, newCase("ROWS", map[string]any{"level": "mid"}))
		ss := steps(d, "grade", "grade:mid")
		if len(ss) != 2 {
			t.Fatalf("grade steps = %+v", ss)
		}
		for _, s := range ss {
			if !strings.HasPrefix(s.Citation, row) {
				t.Errorf("grade step %q cites %q, want the row %q", s.Note, s.Citation, row)
			}
		}
	})
	t.Run("outcome_without_ground_cites_the_grade_row", func(t *testing.T) {
		d := decide(t, e, newCase("ROWS", map[string]any{"level": "mid"}))
		if s := step(t, d, "adjust", "general"); s.Citation != row {
			t.Errorf("adjust cites %q, want %q", s.Citation, row)
		}
		if s := step(t, d, "decision", "general"); !strings.Contains(s.Citation, row) || !strings.Contains(s.Citation, "《测试条例》第二条") {
			t.Errorf("decision cites %q, want the penalty clause and %q", s.Citation, row)
		}
	})
}
