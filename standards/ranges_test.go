package standards_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/standards"
)

// rangesCatalog is 《城镇排水与污水处理条例》第五十七条第二款 as one item with
// its two statutory ranges, each graded by its own rows.
const rangesCatalog = `id: ranges
title: 法定幅度测试
issuer: 测试机关
effective: 2026-01-01
tier_scheme: midpoint
items:
  - code: "T041"
    name: 擅自拆除、改动城镇排水与污水处理设施
    basis:
      violated: {instrument: 城镇排水与污水处理条例, article: 57, paragraph: 2}
      penalty: {instrument: 城镇排水与污水处理条例, article: 57, paragraph: 2, text: 处5万元以上10万元以下罚款；造成严重后果的，处10万元以上30万元以下罚款}
    facts:
      serious: {type: bool, label: 造成严重后果, required: true}
      length_m: {type: number, label: 管线长度, unit: 米, min: 0, max: 100000, required: true}
      loss: {type: money, label: 直接经济损失, min: 0, max: 100000000, required: true}
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

func TestFineRangesChecks(t *testing.T) {
	t.Run("each_range_graded_by_its_own_rows_checks_clean", func(t *testing.T) {
		r, _ := chkCheck(t, "ranges.yaml", []byte(rangesCatalog), standards.Options{})
		if len(r.Findings) != 0 {
			t.Errorf("findings: %v", r.Findings)
		}
	})
	t.Run("gap_within_a_range_is_found", func(t *testing.T) {
		src := strings.Replace(rangesCatalog, `when: "loss < 100000"`, `when: "loss < 50000"`, 1)
		r, _ := chkCheck(t, "ranges.yaml", []byte(src), standards.Options{})
		gaps := findingsWith(r, standards.CodeGap)
		if len(gaps) != 1 || !strings.Contains(gaps[0].Message, "serious=true") {
			t.Errorf("want one gap under the serious range, got %v", r.Findings)
		}
	})
	t.Run("range_that_never_applies_is_unreachable", func(t *testing.T) {
		src := strings.Replace(rangesCatalog, "            when: serious\n", "            when: serious && !serious\n", 1)
		r, _ := chkCheck(t, "ranges.yaml", []byte(src), standards.Options{})
		var found bool
		for _, f := range findingsWith(r, standards.CodeUnreachable) {
			found = found || strings.Contains(f.Message, "罚款幅度 serious") && strings.Contains(f.Localize("en").Message, "fine range serious")
		}
		if !found {
			t.Errorf("want the serious range reported as never applying, got %v", r.Findings)
		}
	})
	t.Run("rows_of_different_ranges_do_not_overlap", func(t *testing.T) {
		// length and loss rows both hold for any case; only the range decides.
		r, _ := chkCheck(t, "ranges.yaml", []byte(strings.Replace(rangesCatalog, "tier_scheme: midpoint\n", "tier_scheme: midpoint\npolicies: {grade_selection: exclusive}\n", 1)), standards.Options{})
		if os := findingsWith(r, standards.CodeOverlap); len(os) != 0 {
			t.Errorf("rows of different ranges reported overlapping: %v", os)
		}
	})
}

func TestFineRangesTable(t *testing.T) {
	rows := benchmarkRows(t, rangesCatalog)
	if len(rows) != 4 {
		t.Fatalf("%d rows, want 4", len(rows))
	}
	for i, want := range []string{"【未造成严重后果的】", "【未造成严重后果的】", "【造成严重后果的】", "【造成严重后果的】"} {
		if !strings.HasPrefix(rows[i][1], want+"\n") {
			t.Errorf("row %d 适用条件 %q, want it under %s", i+1, rows[i][1], want)
		}
	}
	if !strings.Contains(rows[0][2], "法定罚款：处5万元以上10万元以下罚款；造成严重后果的，处10万元以上30万元以下罚款") {
		t.Errorf("remarks %q do not state both statutory ranges", rows[0][2])
	}
}
