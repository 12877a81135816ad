package standards_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/standards"
)

// chkCountsCatalog grades by declared counters of the history.
const chkCountsCatalog = `
id: test-check-counts
title: 历史计数检查测试
issuer: 测试机关
effective: 2015-01-01
tier_scheme: midpoint
groups:
  - {id: occupy, label: 占道类违法行为, items: [GAP, GROUP]}
counts:
  - {name: penalized_2y, label: 两年内因同一违法行为受过行政处罚的次数, window: 2y}
  - {name: occupy_1y, label: 一年内占道类违法行为的次数, window: 1y, counting: violations, items: "group:occupy"}
items:
  - code: CLEAN
    name: 计数不为负
    basis:
      violated: {instrument: 测试条例, article: 12, paragraph: 1}
      penalty: {instrument: 测试条例, article: 30, paragraph: 1}
    sanctions: [{type: fine, mandatory: true, amount: {min: 100, max: 1000}}]
    benchmark:
      grades:
        - {id: first, label: 两年内未受过处罚, when: penalized_2y == 0, fine: {min: 100, max: 300}}
        - {id: again, label: 两年内受过处罚, when: penalized_2y >= 1, fine: {min: 300, max: 1000}}
  - code: GAP
    name: 两年内第二次未作规定
    basis:
      violated: {instrument: 测试条例, article: 13, paragraph: 1}
      penalty: {instrument: 测试条例, article: 31, paragraph: 1}
    sanctions: [{type: fine, mandatory: true, amount: {min: 100, max: 1000}}]
    benchmark:
      grades:
        - {id: first, label: 两年内未受过处罚, when: penalized_2y == 0, fine: {min: 100, max: 300}}
        - {id: third, label: 两年内第三次以上, when: penalized_2y >= 2, fine: {min: 600, max: 1000}}
  - code: GROUP
    name: 同类违法行为计数有缺口
    basis:
      violated: {instrument: 测试条例, article: 14, paragraph: 1}
      penalty: {instrument: 测试条例, article: 32, paragraph: 1}
    sanctions: [{type: fine, mandatory: true, amount: {min: 100, max: 1000}}]
    benchmark:
      grades:
        - {id: first, label: 一年内无占道类违法行为, when: occupy_1y == 0, fine: {min: 100, max: 300}}
        - {id: many, label: 一年内占道类违法行为两次以上, when: occupy_1y >= 2, fine: {min: 600, max: 1000}}
`

func TestCheckCounters(t *testing.T) {
	r, eng := chkCheck(t, "counts.yaml", []byte(chkCountsCatalog), standards.Options{})
	t.Run("counter_is_never_negative", func(t *testing.T) {
		if fs := chkFindingsOf(r, standards.CodeGap, "CLEAN"); len(fs) > 0 {
			t.Errorf("gap reported below zero: %s", fs[0].Message)
		}
	})
	for item, counter := range map[string]string{"GAP": "penalized_2y", "GROUP": "occupy_1y"} {
		t.Run("gap_between_counts_has_a_witness_history_"+item, func(t *testing.T) {
			fs := chkFindingsOf(r, standards.CodeGap, item)
			if len(fs) != 1 || fs[0].Witness == nil {
				t.Fatalf("gap findings %v; want one with a witness", fs)
			}
			w := fs[0].Witness
			if _, stated := w.Facts[counter]; stated {
				t.Errorf("witness states a counter as a fact: %v", w.Facts)
			}
			if len(w.History) != 1 {
				t.Errorf("witness history %+v; want the one prior of the gap", w.History)
			}
			_, err := chkDecide(t, eng, w)
			var gap *discretion.GapError
			if !errors.As(err, &gap) {
				t.Errorf("witness decided with %v; want a gap error", err)
			}
			if !strings.Contains(fs[0].Message, counter+"=1") {
				t.Errorf("finding does not state the count: %s", fs[0].Message)
			}
		})
	}
}
