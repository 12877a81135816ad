package discretion_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// selectionCatalog is one item whose grades are written as a bureau
// publishes them, without negations: 情节一般 "面积10平方米以上或者占用3日
// 以上", 情节较重 "面积50平方米以上或者占用15日以上", which overlap. %s is
// the benchmark's selection line, %p the catalog's policies.
const selectionCatalog = `id: selection
title: 测试目录
issuer: 测试局
effective: 2024-01-01
tier_scheme: midpoint
%p
items:
  - code: "T001"
    name: 占道经营
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2}
    facts:
      area: {type: number, label: 面积, unit: 平方米, min: 0}
      days: {type: int, label: 占用天数, unit: 日, min: 0}
      harm: {type: bool, label: 造成损害}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 1000, max: 10000}}
    benchmark:
%s
      grades:
        - {id: minor, label: 情节轻微, when: "area < 10 && days < 3", fine: {min: 1000, max: 2000}}
        - {id: general, label: 情节一般, when: "area >= 10 || days >= 3", fine: {min: 2000, max: 5000}}
        - {id: serious, label: 情节较重, when: "area >= 50 || days >= 15", fine: {min: 5000, max: 10000}}
        - {id: harm_general, label: 造成损害, tier: general, when: "harm", fine: {min: 5000, max: 10000}}
`

func selectionEngine(t *testing.T, policies, selection string) *discretion.Engine {
	t.Helper()
	src := strings.Replace(strings.Replace(selectionCatalog, "%p", policies, 1), "%s", selection, 1)
	return engineYAML(t, "selection.yaml", src)
}

func TestGradeSelection(t *testing.T) {
	tests := []struct {
		name      string
		policies  string
		selection string
		facts     map[string]any
		grade     string
		fine      [2]string
		heaviest  bool // the trace states that the heaviest of several applied
	}{
		{name: "first_match_takes_the_first_row_that_holds", selection: "      selection: first",
			facts: map[string]any{"area": 100, "days": 5, "harm": false}, grade: "general", fine: [2]string{"2000", "5000"}},
		{name: "heaviest_row_applies_when_two_hold", selection: "      selection: heaviest",
			facts: map[string]any{"area": 100, "days": 5, "harm": false}, grade: "serious", fine: [2]string{"5000", "10000"}, heaviest: true},
		{name: "heaviest_one_row_holds_is_that_row", selection: "      selection: heaviest",
			facts: map[string]any{"area": 20, "days": 1, "harm": false}, grade: "general", fine: [2]string{"2000", "5000"}},
		{name: "heaviest_equal_ranges_later_row_applies", selection: "      selection: heaviest",
			facts: map[string]any{"area": 100, "days": 1, "harm": true}, grade: "harm_general", fine: [2]string{"5000", "10000"}, heaviest: true},
		{name: "catalog_default_heaviest_applies_to_a_benchmark_without_its_own", policies: "policies: {grade_selection: heaviest}",
			facts: map[string]any{"area": 100, "days": 5, "harm": false}, grade: "serious", fine: [2]string{"5000", "10000"}, heaviest: true},
		{name: "benchmark_first_overrides_catalog_heaviest", policies: "policies: {grade_selection: heaviest}", selection: "      selection: first",
			facts: map[string]any{"area": 100, "days": 5, "harm": false}, grade: "general", fine: [2]string{"2000", "5000"}},
		{name: "exclusive_single_match_decides", selection: "      selection: exclusive",
			facts: map[string]any{"area": 5, "days": 1, "harm": false}, grade: "minor", fine: [2]string{"1000", "2000"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := selectionEngine(t, tt.policies, tt.selection)
			d := decide(t, e, newCase("T001", tt.facts))
			if d.Grade != tt.grade {
				t.Fatalf("grade = %s, want %s\n%s", d.Grade, tt.grade, d.TraceText())
			}
			wantFine(t, d, tt.fine[0], tt.fine[1])
			stated := strings.Contains(d.TraceText(), "按其中较重的阶次")
			if stated != tt.heaviest {
				t.Errorf("trace states the heaviest rule: %v, want %v\n%s", stated, tt.heaviest, d.TraceText())
			}
		})
	}
}

// A heavier tier outranks an equal range: 从重 over 一般, whatever the order
// of the rows.
func TestGradeSelectionHeaviestTierBreaksEqualRanges(t *testing.T) {
	src := strings.Replace(strings.Replace(selectionCatalog, "%p", "", 1), "%s", "      selection: heaviest", 1)
	src = strings.Replace(src, `{id: serious, label: 情节较重, when`, `{id: serious, label: 情节较重, tier: heavier, when`, 1)
	e := engineYAML(t, "selection.yaml", src)
	d := decide(t, e, newCase("T001", map[string]any{"area": 100, "days": 1, "harm": true}))
	if d.Grade != "serious" {
		t.Fatalf("grade = %s, want serious (从重 outranks 一般 at an equal range)\n%s", d.Grade, d.TraceText())
	}
}

func TestGradeSelectionExclusive(t *testing.T) {
	for _, tt := range []struct{ name, selection string }{
		{"exclusive_overlap_is_an_error_naming_both_rows", "      selection: exclusive"},
		{"exclusive_true_is_the_older_spelling_of_selection_exclusive", "      exclusive: true"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			e := selectionEngine(t, "", tt.selection)
			d, err := e.Decide(context.Background(), newCase("T001", map[string]any{"area": 100, "days": 5, "harm": false}))
			var amb *discretion.AmbiguousGradeError
			if !errors.As(err, &amb) {
				t.Fatalf("want *AmbiguousGradeError, got %v (decision %v)", err, d)
			}
			if amb.Grades != [2]string{"general", "serious"} {
				t.Errorf("grades = %v, want general and serious", amb.Grades)
			}
			for _, s := range []string{"general（情节一般）", "serious（情节较重）", "T001", "互斥"} {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q does not name %s", err, s)
				}
			}
			for _, s := range []string{"general (情节一般)", "serious (情节较重)", "exclusive"} {
				if en := amb.Localize("en").Error(); !strings.Contains(en, s) {
					t.Errorf("English error %q does not name %s", en, s)
				}
			}
		})
	}
}

func TestGradeSelectionGapStillAGap(t *testing.T) {
	src := strings.Replace(strings.Replace(selectionCatalog, "%p", "", 1), "%s", "      selection: heaviest", 1)
	src = strings.Replace(src, `when: "area < 10 && days < 3"`, `when: "area < 5 && days < 3"`, 1)
	e := engineYAML(t, "selection.yaml", src)
	_, err := e.Decide(context.Background(), newCase("T001", map[string]any{"area": 7, "days": 1, "harm": false}))
	var gap *discretion.GapError
	if !errors.As(err, &gap) {
		t.Fatalf("want a *GapError under heaviest, got %v", err)
	}
}
