package discretion_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// 一年内因同一违法行为受过行政处罚: prior_penalized_same_item_1y counts prior
// decisions on the same item that imposed a penalty, dated within the year
// before the act (counted back as 粤环发〔2021〕7号 art. 22 counts 近一年).
const penalizedCatalog = `
id: test-penalized
title: 受过行政处罚测试目录
issuer: 测试机关
effective: 2020-01-01
tier_scheme: lower_upper_30
items:
  - code: P1
    name: 测试事项
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 1000, max: 2000}}
    benchmark:
      grades:
        - {id: all, label: 全部情形, when: "true", fine: {min: 1000, max: 2000}}
      factors:
        - id: penalized_within_1y
          label: 一年内因同一违法行为受过行政处罚
          effect: heavier
          mandatory: false
          when: prior_penalized_same_item_1y > 0
          citation: {instrument: 测试基准, article: 3}
`

func TestPriorPenalizedSameItem1y(t *testing.T) {
	e := engineYAML(t, "penalized.yaml", penalizedCatalog)
	prior := func(item string, decided discretion.Date, outcome string) discretion.Prior {
		return discretion.Prior{Item: item, ActDate: "2023-01-10", DecisionDate: decided, Outcome: outcome}
	}
	tests := []struct {
		name    string
		history []discretion.Prior
		want    discretion.Outcome
	}{
		{"no_history_is_general", nil, discretion.General},
		{"penalty_decided_exactly_one_year_before_counts", []discretion.Prior{prior("P1", "2023-03-01", "general")}, discretion.Heavier},
		{"penalty_decided_one_year_and_a_day_before_does_not", []discretion.Prior{prior("P1", "2023-02-28", "general")}, discretion.General},
		{"no_penalty_decision_does_not_count", []discretion.Prior{prior("P1", "2023-06-01", "no_penalty")}, discretion.General},
		{"penalty_on_other_item_does_not_count", []discretion.Prior{prior("P2", "2023-06-01", "heavier")}, discretion.General},
		{"mitigated_is_a_penalty", []discretion.Prior{prior("P1", "2023-06-01", "mitigated")}, discretion.Heavier},
		{"decision_after_the_act_does_not_count", []discretion.Prior{prior("P1", "2024-03-05", "general")}, discretion.General},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCase("P1", nil) // act 2024-03-01
			c.History = tt.history
			d := decide(t, e, c)
			if d.Outcome != tt.want {
				t.Fatalf("outcome = %s, want %s", d.Outcome, tt.want)
			}
		})
	}
	t.Run("unknown_outcome_stops_the_case_naming_history", func(t *testing.T) {
		c := newCase("P1", nil)
		c.History = []discretion.Prior{{Item: "P1", ActDate: "2023-05-01", DecisionDate: "2023-06-01"}}
		_, err := e.Decide(context.Background(), c)
		var cerr *discretion.CaseError
		if !errors.As(err, &cerr) || cerr.Problems[0].Field != "history" ||
			!strings.Contains(cerr.Problems[0].Message, "prior_penalized_same_item_1y") {
			t.Fatalf("err = %v, want a CaseError on history naming prior_penalized_same_item_1y", err)
		}
	})
}
