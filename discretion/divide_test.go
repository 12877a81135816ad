package discretion_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// A grade that divides by a fact is no answer for a case that states 0 for
// it: the case is not decided, and the error names the fact.
const divideCatalog = `id: test-divide
title: 除法测试目录
issuer: 测试机关
effective: 2020-01-01
tier_scheme: midpoint
items:
  - code: D1
    name: 按日均面积裁量
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2}
    facts:
      area_m2: {type: number, label: 占用面积, min: 0, required: true}
      days: {type: int, label: 占用天数, min: 0, required: true}
      extra_m2: {type: number, label: 增加面积, min: 0, default: 0}
    sanctions: [{type: fine, mandatory: true, amount: {min: 100, max: 1000}}]
    benchmark:
      grades:
        - {id: light, label: 日均面积小, when: "area_m2 / days < 10", fine: {min: 100, max: 500}}
        - {id: heavy, label: 日均面积大, when: "area_m2 / days >= 10", fine: {min: 500, max: 1000}}
  - code: D2
    name: 面积之差
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 3}
    facts:
      area_m2: {type: number, label: 占用面积, min: 0, required: true}
      days: {type: int, label: 占用天数, min: 0, required: true}
    sanctions: [{type: fine, mandatory: true, amount: {min: 100, max: 1000}}]
    benchmark:
      grades:
        - {id: guarded, label: 未占用, when: "days == 0 || area_m2 / days < 10", fine: {min: 100, max: 500}}
        - {id: other, label: 其他, when: "days > 0 && area_m2 / (days - 1) >= 10", fine: {min: 500, max: 1000}}
`

func TestDivisionByZero(t *testing.T) {
	e := engineYAML(t, "divide.yaml", divideCatalog)
	t.Run("division_by_zero_is_a_case_error", func(t *testing.T) {
		_, err := e.Decide(context.Background(), newCase("D1", map[string]any{"area_m2": 30, "days": 0}))
		var cerr *discretion.CaseError
		if !errors.As(err, &cerr) {
			t.Fatalf("Decide = %v; want a *CaseError (before the fix, days 0 read the quotient as 0 and chose the lightest grade)", err)
		}
		if len(cerr.Problems) != 1 || cerr.Problems[0].Field != "facts.days" {
			t.Fatalf("problems %+v; want one on facts.days", cerr.Problems)
		}
		// The author reads the rule's id and condition; the bureau the grade
		// and the facts in words, with no id or expression.
		en, zh := cerr.Localize("en").Problems[0].Message, cerr.Problems[0].Message
		if !strings.Contains(en, "grade:light") || !strings.Contains(en, "area_m2 / days < 10") {
			t.Errorf("English %q does not name the rule and its condition", en)
		}
		if !strings.Contains(zh, "裁量阶次“日均面积小”的条件") || !strings.Contains(zh, "占用天数") ||
			strings.Contains(zh, "grade:") || strings.Contains(zh, "days") {
			t.Errorf("Chinese %q does not state the grade and the facts in words", zh)
		}
	})
	t.Run("division_by_a_zero_expression_names_its_fact", func(t *testing.T) {
		_, err := e.Decide(context.Background(), newCase("D2", map[string]any{"area_m2": 30, "days": 1}))
		var cerr *discretion.CaseError
		if !errors.As(err, &cerr) || len(cerr.Problems) != 1 || cerr.Problems[0].Field != "facts.days" ||
			!strings.Contains(cerr.Problems[0].Message, "(days - 1)") {
			t.Fatalf("Decide = %v; want one problem on facts.days naming the divisor (days - 1)", err)
		}
	})
	t.Run("guarded_division_decides", func(t *testing.T) {
		d := decide(t, e, newCase("D2", map[string]any{"area_m2": 30, "days": 0}))
		if d.Grade != "guarded" {
			t.Errorf("grade %s, want guarded", d.Grade)
		}
	})
	t.Run("nonzero_divisor_decides", func(t *testing.T) {
		d := decide(t, e, newCase("D1", map[string]any{"area_m2": 30, "days": 2}))
		if d.Grade != "heavy" {
			t.Errorf("grade %s, want heavy (15 m² a day)", d.Grade)
		}
	})
}
