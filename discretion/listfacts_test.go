package discretion_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// List-valued facts: a case states a set of declared values, conditions
// read it with len(x) and "v" in x, the trace and the decision's JSON show
// the list.
func TestListFacts(t *testing.T) {
	e := engineFile(t, "lists.yaml")
	tests := []struct {
		name      string
		listed    []any
		wantGrade string
	}{
		{"list_fact_in_membership", []any{"so2"}, "so2"},
		{"list_fact_in_membership_other_value", []any{"pm"}, "one"},
		{"list_fact_empty_list", []any{}, "one"},
		{"list_fact_len_in_condition", []any{"pm", "nox"}, "several"},
		{"list_fact_len_counts_every_value", []any{"voc", "nox", "so2", "pm"}, "several"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decide(t, e, orgCase("EXCEED", map[string]any{"pollutants": tt.listed}))
			if d.Grade != tt.wantGrade {
				t.Fatalf("grade = %s, want %s", d.Grade, tt.wantGrade)
			}
			ss := steps(d, "grade", "grade:"+tt.wantGrade)
			if len(ss) == 0 || !ss[0].Result {
				t.Fatalf("no matching grade step: %+v", ss)
			}
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(b), `"pollutants":[`) {
				t.Errorf("decision JSON does not state the list: %s", b)
			}
		})
	}
}

func TestListFacts_JSON_case(t *testing.T) {
	e := engineFile(t, "lists.yaml")
	var c discretion.Case
	src := `{"item":"EXCEED","act_date":"2024-03-01","discovery_date":"2024-03-02","decision_date":"2024-04-01","party":{"type":"organization"},"facts":{"pollutants":["nox","so2"]}}`
	if err := json.Unmarshal([]byte(src), &c); err != nil {
		t.Fatal(err)
	}
	d := decide(t, e, &c)
	if d.Grade != "several" {
		t.Errorf("grade = %s, want several", d.Grade)
	}
}

func TestListFacts_case_errors(t *testing.T) {
	e := engineFile(t, "lists.yaml")
	tests := []struct {
		name string
		val  any
		rx   string
	}{
		{"list_fact_unknown_value", []any{"so3"}, "so3"},
		{"list_fact_value_twice", []any{"so2", "so2"}, "两次"},
		{"list_fact_not_a_list", "so2", "列表"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := e.Decide(t.Context(), orgCase("EXCEED", map[string]any{"pollutants": tt.val}))
			var ce *discretion.CaseError
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want a *CaseError", err)
			}
			msg := discretion.LocalizeError(err, "zh").Error()
			if !strings.Contains(msg, tt.rx) {
				t.Errorf("error = %s, want it to contain %s", msg, tt.rx)
			}
		})
	}
}
