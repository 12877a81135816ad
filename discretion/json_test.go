package discretion_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/penalty"
)

// reflectedDecision is the Decision JSON contract as encoding/json writes
// it from struct tags: what Decision.JSON writes directly.
type reflectedDecision struct {
	Item          string                      `json:"item"`
	ItemName      string                      `json:"item_name"`
	Version       string                      `json:"version,omitempty"`
	Outcome       discretion.Outcome          `json:"outcome"`
	Reason        discretion.Reason           `json:"reason,omitempty"`
	Discretionary bool                        `json:"discretionary"`
	Grade         string                      `json:"grade,omitempty"`
	GradeLabel    string                      `json:"grade_label,omitempty"`
	Fine          *discretion.Fine            `json:"fine,omitempty"`
	Statutory     *discretion.Fine            `json:"statutory_fine,omitempty"`
	Sanctions     []penalty.SanctionType      `json:"sanctions"`
	Orders        []string                    `json:"orders"`
	Procedure     discretion.Procedure        `json:"procedure"`
	Commitment    *discretion.CommitmentTerms `json:"commitment,omitempty"`
	Offset        *discretion.OffsetTerms     `json:"offset,omitempty"`
	Flags         []string                    `json:"flags,omitempty"`
	Basis         []string                    `json:"basis"`
	Reasons       []string                    `json:"reasons"`
	Trace         []discretion.Step           `json:"trace"`
	Catalog       discretion.CatalogRef       `json:"catalog"`
	Candidates    []*reflectedDecision        `json:"candidates,omitempty"`
}

func reflected(d *discretion.Decision) *reflectedDecision {
	r := &reflectedDecision{Item: d.Item, ItemName: d.ItemName, Version: d.Version, Outcome: d.Outcome,
		Reason: d.Reason, Discretionary: d.Discretionary, Grade: d.Grade, GradeLabel: d.GradeLabel,
		Fine: d.Fine, Statutory: d.Statutory, Sanctions: d.Sanctions, Orders: d.Orders,
		Procedure: d.Procedure, Commitment: d.Commitment, Offset: d.Offset, Flags: d.Flags,
		Basis: d.Basis, Reasons: d.Reasons(), Trace: d.Steps(), Catalog: d.Catalog}
	// The contract's lists are [] when empty, never null.
	r.Sanctions, r.Orders, r.Basis, r.Trace = orEmpty(r.Sanctions), orEmpty(r.Orders), orEmpty(r.Basis), orEmpty(r.Trace)
	for _, c := range d.Candidates {
		r.Candidates = append(r.Candidates, reflected(c))
	}
	return r
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func encodingJSON(t *testing.T, v any, indent bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestJSONWriter: Decision.JSON and MarshalJSON write exactly what
// encoding/json writes for the contract's struct tags, for decisions with
// commitments, art. 29 candidates and art. 37 versions, and strings are
// escaped as encoding/json escapes them.
func TestJSONWriter(t *testing.T) {
	var decisions []*discretion.Decision
	e := engineFile(t, "art29.yaml")
	ab := art29Case("A", "B")
	delete(ab.Facts, "overdue_not_corrected")
	bc := art29Case("B", "C") // crossing ranges: flagged
	delete(bc.Facts, "stalls")
	delete(bc.Facts, "overdue_not_corrected")
	decisions = append(decisions, decide(t, e, ab), decide(t, e, bc))
	v := engineFile(t, "versions.yaml")
	for _, item := range []string{"LIGHTER", "HEAVIER", "REPEALED"} {
		decisions = append(decisions, decide(t, v, versionCase(item)))
	}
	cm := engineFile(t, "commitment.yaml")
	decisions = append(decisions, decide(t, cm, stallCase(&discretion.Commitment{Signed: true})),
		decide(t, cm, newCase("OFFSET", map[string]any{"harm": "minor"})))
	for _, d := range decisions[:2] {
		if len(d.Candidates) == 0 {
			t.Fatalf("%s: no art. 29 candidates to compare", d.Item)
		}
	}
	if decisions[len(decisions)-2].Commitment == nil || decisions[len(decisions)-1].Offset == nil {
		t.Fatal("no commitment or offset terms to compare")
	}
	for _, d := range decisions {
		got, err := d.JSON()
		if err != nil {
			t.Fatal(err)
		}
		if want := encodingJSON(t, reflected(d), true); !bytes.Equal(got, want) {
			t.Errorf("%s: Decision.JSON\n%s\nencoding/json\n%s", d.Item, got, want)
		}
		sameMarshal(t, d)
	}

	strs := []string{"", "plain", `quote " and \ backslash`, "<a href='x'>&amp;</a>", "tab\tnew\nline\r\b\f\x00\x01\x1f\x7f",
		"行政处罚法第三十七条", "line\u2028para\u2029end", "bad \xff utf-8 \xe4\xb8", "emoji 🎉"}
	rng := rand.New(rand.NewPCG(9, 9))
	for range 300 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = byte(rng.IntN(256))
		}
		strs = append(strs, string(b))
	}
	for _, s := range strs {
		sameMarshal(t, &discretion.Decision{Item: s, Orders: []string{s}})
	}
}

// sameMarshal compares MarshalJSON with encoding/json without HTML
// escaping, and json.Marshal of the decision with json.Marshal of its
// tagged struct (which escapes <, > and & in both).
func sameMarshal(t *testing.T, d *discretion.Decision) {
	t.Helper()
	got, _ := d.MarshalJSON()
	if want := bytes.TrimSuffix(encodingJSON(t, reflected(d), false), []byte("\n")); !bytes.Equal(got, want) {
		t.Errorf("%q: MarshalJSON\n%s\nencoding/json\n%s", d.Item, got, want)
	}
	got, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if want, _ := json.Marshal(reflected(d)); !bytes.Equal(got, want) {
		t.Errorf("%q: json.Marshal\n%s\nof the tagged struct\n%s", d.Item, got, want)
	}
}

// TestDecisionJSON_empty_lists_are_arrays: the contract's lists (sanctions,
// orders, basis, trace) are [] when empty, never null.
func TestDecisionJSON_empty_lists_are_arrays(t *testing.T) {
	d := &discretion.Decision{Outcome: discretion.NoPenalty}
	for _, f := range []func() ([]byte, error){d.JSON, d.MarshalJSON} {
		b, err := f()
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("null")) {
			t.Errorf("%s", b)
		}
	}
}
