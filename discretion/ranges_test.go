package discretion_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// rangesCatalog is 《城镇排水与污水处理条例》第五十七条第二款 as one item:
// "处5万元以上10万元以下罚款；造成严重后果的，处10万元以上30万元以下罚款",
// each range graded by its own rows.
const rangesCatalog = `id: ranges
title: 测试目录
issuer: 测试局
effective: 2024-01-01
tier_scheme: midpoint
items:
  - code: "T041"
    name: 擅自拆除、改动城镇排水与污水处理设施
    basis:
      violated: {instrument: 城镇排水与污水处理条例, article: 57, paragraph: 2}
      penalty: {instrument: 城镇排水与污水处理条例, article: 57, paragraph: 2, text: 处5万元以上10万元以下罚款；造成严重后果的，处10万元以上30万元以下罚款}
    facts:
      serious: {type: bool, label: 造成严重后果}
      length_m: {type: number, label: 管线长度, unit: 米, min: 0}
      loss: {type: money, label: 直接经济损失, min: 0}
    sanctions:
      - type: fine
        mandatory: true
        amount: {min: 50000, max: 100000}
        ranges:
          - id: serious
            label: 造成严重后果的
            when: serious
            amount: {min: 100000, max: 300000}
    benchmark:
      grades:
        - {id: short, label: 管线长度不足10米, when: "length_m < 10", fine: {min: 50000, max: 75000}}
        - {id: long, label: 管线长度10米以上, when: "length_m >= 10", fine: {min: 75000, max: 100000, min_exclusive: true}}
        - {id: lower, range: serious, label: 直接经济损失不足10万元, when: "loss < 100000", fine: {min: 100000, max: 150000}}
        - {id: upper, range: serious, label: 直接经济损失10万元以上, when: "loss >= 100000", fine: {min: 150000, max: 300000, min_exclusive: true}}
`

func TestFineRanges(t *testing.T) {
	e := engineYAML(t, "ranges.yaml", rangesCatalog)
	tests := []struct {
		name       string
		facts      map[string]any
		grade      string
		statutory  [2]string
		fine       [2]string
		traceNotes []string
	}{
		{name: "serious_consequence_selects_the_second_range",
			facts: map[string]any{"serious": true, "length_m": 3, "loss": 200000}, grade: "upper",
			statutory: [2]string{"100000", "300000"}, fine: [2]string{"150001", "300000"},
			traceNotes: []string{"属于造成严重后果的情形，适用本条款对该情形规定的罚款幅度100000至300000元"}},
		{name: "no_serious_consequence_selects_the_first_range",
			facts: map[string]any{"serious": false, "length_m": 30, "loss": 200000}, grade: "long",
			statutory: [2]string{"50000", "100000"}, fine: [2]string{"75001", "100000"},
			traceNotes: []string{"不属于造成严重后果的情形，适用本条款的罚款幅度50000至100000元"}},
		{name: "grades_of_the_other_range_are_not_candidates",
			facts: map[string]any{"serious": true, "length_m": 30, "loss": 1000}, grade: "lower",
			statutory: [2]string{"100000", "300000"}, fine: [2]string{"100000", "150000"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCase("T041", tt.facts)
			d := decide(t, e, c)
			if d.Grade != tt.grade {
				t.Fatalf("grade = %s, want %s\n%s", d.Grade, tt.grade, d.TraceText())
			}
			if d.Statutory == nil || d.Statutory.Min.String() != tt.statutory[0] || d.Statutory.Max.String() != tt.statutory[1] {
				t.Errorf("statutory = %+v, want %v", d.Statutory, tt.statutory)
			}
			wantFine(t, d, tt.fine[0], tt.fine[1])
			text := d.TraceText()
			for _, n := range tt.traceNotes {
				if !strings.Contains(text, n) {
					t.Errorf("trace does not say %q:\n%s", n, text)
				}
			}
		})
	}
}

// Each range is graded by its own rows: a case under the serious range
// that none of its rows covers is a gap, even though a row of the other
// range would match.
func TestFineRangesGapWithinRange(t *testing.T) {
	src := strings.Replace(rangesCatalog, `when: "loss < 100000"`, `when: "loss < 50000"`, 1)
	e := engineYAML(t, "ranges.yaml", src)
	_, err := e.Decide(context.Background(), newCase("T041", map[string]any{"serious": true, "length_m": 3, "loss": 60000}))
	var gap *discretion.GapError
	if !errors.As(err, &gap) {
		t.Fatalf("want a gap within the serious range, got %v", err)
	}
	if len(gap.Facts) != 1 || gap.Facts[0].Name != "loss" {
		t.Errorf("gap names %v, want the serious range's fact loss only", gap.Facts)
	}
}
