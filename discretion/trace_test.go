package discretion_test

import (
	"encoding/json"
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
	if last := steps[len(steps)-1]; last.Rule != "art29.higher_fine" {
		t.Fatalf("last step %+v, want the art. 29 choice", last)
	}
	if st := step(t, d, "statutory", "amount"); !strings.Contains(st.Note, "基数"+gains+"元") {
		t.Errorf("art. 29: statutory note %q does not state the base %s", st.Note, gains)
	}
}
