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
