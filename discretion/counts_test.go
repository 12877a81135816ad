package discretion_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
)

// Declared counters of the history (counts:): "两年内第三次", violations
// whatever their outcome, a group of items, a window without its first day.
const countsCatalog = `
id: test-counts
title: 历史计数测试目录
issuer: 测试机关
effective: 2020-01-01
tier_scheme: lower_upper_30
groups:
  - id: occupy
    label: 占道类违法行为
    items: [P1, P2]
counts:
  - name: penalized_same_item_2y
    label: 两年内因同一违法行为受过行政处罚的次数
    window: 2y
  - name: violations_same_item_1y
    label: 一年内同一违法行为的次数
    window: 1y
    counting: violations
  - name: occupy_decisions_1y
    label: 一年内因占道类违法行为被处理的次数
    window: 1y
    outcomes: any
    items: group:occupy
items:
  - code: P1
    name: 测试事项
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2}
    counts:
      - name: violations_any_30d
        label: 三十日内违法行为的次数
        window: 30d
        counting: violations
        items: any
        first_day: excluded
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 1000, max: 2000}}
    benchmark:
      grades:
        - {id: third, label: 两年内第三次, when: "penalized_same_item_2y >= 2", fine: {min: 1800, max: 2000}}
        - {id: repeat, label: 一年内再次违法, when: "violations_same_item_1y >= 1", fine: {min: 1500, max: 1700}}
        - {id: group, label: 一年内曾因占道类违法行为被处理, when: "occupy_decisions_1y >= 1", fine: {min: 1300, max: 1400}}
        - {id: recent, label: 三十日内曾有违法行为, when: "violations_any_30d >= 1", fine: {min: 1200, max: 1300}}
        - {id: plain, label: 其他情形, when: "true", fine: {min: 1000, max: 1200}}
  - code: P2
    name: 测试事项二
    basis:
      violated: {instrument: 测试条例, article: 3}
      penalty: {instrument: 测试条例, article: 4}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 1000, max: 2000}}
    benchmark:
      grades:
        - {id: all, label: 全部情形, when: "true", fine: {min: 1000, max: 2000}}
  - code: P3
    name: 测试事项三
    basis:
      violated: {instrument: 测试条例, article: 5}
      penalty: {instrument: 测试条例, article: 6}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 1000, max: 2000}}
    benchmark:
      grades:
        - {id: all, label: 全部情形, when: "true", fine: {min: 1000, max: 2000}}
`

func TestDeclaredCounters(t *testing.T) {
	e := engineYAML(t, "counts.yaml", countsCatalog)
	prior := func(item string, act, decided discretion.Date, outcome string) discretion.Prior {
		return discretion.Prior{Item: item, ActDate: act, DecisionDate: decided, Outcome: outcome}
	}
	// The current act is on 2024-03-01.
	tests := []struct {
		name    string
		history []discretion.Prior
		grade   string
	}{
		{"no_history_is_the_other_row", nil, "plain"},
		{"two_years_third_time_counts_prior_decisions", []discretion.Prior{
			prior("P1", "2021-12-01", "2022-03-01", "general"), // decided on the window's first day
			prior("P1", "2022-05-01", "2022-06-01", "lighter")}, "third"},
		{"two_years_decision_before_the_window_does_not_count", []discretion.Prior{
			prior("P1", "2021-12-01", "2022-02-28", "general"),
			prior("P1", "2022-05-01", "2022-06-01", "lighter")}, "plain"},
		{"two_years_no_penalty_decision_does_not_count", []discretion.Prior{
			prior("P1", "2022-04-01", "2022-05-01", "no_penalty"),
			prior("P1", "2022-05-01", "2022-06-01", "lighter")}, "plain"},
		{"violation_counter_counts_no_penalty_priors", []discretion.Prior{
			prior("P1", "2023-06-01", "2023-07-01", "no_penalty")}, "repeat"},
		{"group_counter_counts_items_of_the_group", []discretion.Prior{
			prior("P2", "2023-06-01", "2023-07-01", "no_penalty")}, "group"},
		{"group_counter_leaves_out_items_outside_the_group", []discretion.Prior{
			prior("P3", "2023-01-01", "2023-02-01", "general")}, "plain"},
		{"counter_window_first_day_excluded", []discretion.Prior{
			prior("P3", "2024-01-31", "", "")}, "plain"},
		{"counter_window_day_after_first_day_counts", []discretion.Prior{
			prior("P3", "2024-02-01", "", "")}, "recent"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCase("P1", nil)
			c.History = tt.history
			d := decide(t, e, c)
			if d.Grade != tt.grade {
				t.Fatalf("grade = %q, want %q", d.Grade, tt.grade)
			}
		})
	}
}

func TestCounterWindowInTrace(t *testing.T) {
	e := engineYAML(t, "counts.yaml", countsCatalog)
	c := newCase("P1", nil)
	c.History = []discretion.Prior{{Item: "P1", ActDate: "2022-05-01", DecisionDate: "2022-06-01", Outcome: "general"}}
	d := decide(t, e, c)
	for _, want := range []string{
		"两年内因同一违法行为受过行政处罚的次数：2022-03-01至2024-02-29，首日计入",
		"三十日内违法行为的次数：2024-02-01至2024-02-29，首日不计入",
	} {
		if !traceMentions(d, want) {
			t.Errorf("no step note names the window %q", want)
		}
	}
	s := step(t, d, "grade", "grade:third")
	if got := factValue(t, s, "penalized_same_item_2y"); got != "1" {
		t.Errorf("penalized_same_item_2y = %s, want 1", got)
	}
}

func TestCounterCaseErrors(t *testing.T) {
	e := engineYAML(t, "counts.yaml", countsCatalog)
	t.Run("prior_without_decision_date_is_a_case_error_for_a_decision_counter", func(t *testing.T) {
		c := newCase("P1", nil)
		c.History = []discretion.Prior{
			{Item: "P3", ActDate: "2023-01-01"},
			{Item: "P1", ActDate: "2023-01-01", Outcome: "general"}}
		ce := caseError(t, e, c)
		p := problem(t, ce, "history[1].decision_date", "penalized_same_item_2y")
		if strings.Contains(p.Message, "history[0]") {
			t.Errorf("message names the wrong prior: %s", p.Message)
		}
	})
	t.Run("prior_without_outcome_is_a_case_error_for_a_penalty_counter", func(t *testing.T) {
		c := newCase("P1", nil)
		c.History = []discretion.Prior{{Item: "P1", ActDate: "2023-01-01", DecisionDate: "2023-02-01"}}
		problem(t, caseError(t, e, c), "history[0].outcome", "penalized_same_item_2y")
	})
	t.Run("prior_with_unknown_outcome_is_a_case_error_for_a_penalty_counter", func(t *testing.T) {
		c := newCase("P1", nil)
		c.History = []discretion.Prior{{Item: "P1", ActDate: "2023-01-01", DecisionDate: "2023-02-01", Outcome: "fined"}}
		problem(t, caseError(t, e, c), "history[0].outcome", `"fined" 不是处理结果`, "penalized_same_item_2y")
	})
	t.Run("prior_of_another_item_needs_no_decision_date", func(t *testing.T) {
		c := newCase("P1", nil)
		c.History = []discretion.Prior{{Item: "P3", ActDate: "2020-01-01"}}
		if d := decide(t, e, c); d.Grade != "plain" {
			t.Fatalf("grade = %q, want plain", d.Grade)
		}
	})
}

func TestCounterConditionRendersAsChinese(t *testing.T) {
	cat, err := catalog.Load("counts.yaml", []byte(countsCatalog))
	if err != nil {
		t.Fatal(err)
	}
	scope := discretion.Scope(cat, cat.Items[0])
	tests := []struct{ src, want string }{
		{"penalized_same_item_2y >= 2", "两年内因同一违法行为受过行政处罚2次以上"},
		{"penalized_same_item_2y > 0", "两年内因同一违法行为受过行政处罚1次以上"},
		{"penalized_same_item_2y < 2", "两年内因同一违法行为受过行政处罚不足2次"},
		{"violations_any_30d == 0", "三十日内违法行为的次数为0次"},
	}
	for _, tt := range tests {
		x, diags := condition.Compile(catalog.NewCond(tt.src), scope)
		if diags.Err() != nil {
			t.Fatalf("%s: %v", tt.src, diags.Err())
		}
		if got := condition.Render(x); got != tt.want {
			t.Errorf("Render(%s) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// counters_cost_no_allocation: the declared counters are computed once per
// decision without allocating: a decision of an item graded by them stays
// within the reference bound.
func TestCountersAllocateNothing(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("allocation count")
	}
	e := engineYAML(t, "counts.yaml", countsCatalog)
	c := newCase("P1", nil)
	c.History = []discretion.Prior{
		{Item: "P1", ActDate: "2022-05-01", DecisionDate: "2022-06-01", Outcome: "general"},
		{Item: "P2", ActDate: "2023-06-01", DecisionDate: "2023-07-01", Outcome: "no_penalty"},
		{Item: "P3", ActDate: "2024-02-10", DecisionDate: "2024-02-20", Outcome: "lighter"},
	}
	ctx := context.Background()
	allocs := testing.AllocsPerRun(500, func() {
		if _, err := e.Decide(ctx, c); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("%.1f allocations per decision reading counters", allocs)
	if allocs > maxDecideAllocs {
		t.Errorf("a decision reading counters makes %.1f allocations; want at most %d", allocs, maxDecideAllocs)
	}
}
