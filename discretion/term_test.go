package discretion_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// The standard's term (docs/catalog.md, "Header"): a case decided after the
// catalog's expires is decided, but flagged outside_standard_term for legal
// review, with a trace step naming the field.
func TestStandardTerm(t *testing.T) {
	t.Run("catalog_expired_decision_date", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml", "effective: 2015-01-01", "effective: 2015-01-01\nexpires: 2024-03-09")
		c := adjustCase("ROWS", "mid", grounds{})
		c.DecisionDate = "2024-03-10"
		d := decide(t, e, c)
		if !hasFlag(d, discretion.FlagOutsideStandardTerm) {
			t.Errorf("decision on 2024-03-10 under a standard that expired on 2024-03-09: flags = %v, want %s", d.Flags, discretion.FlagOutsideStandardTerm)
		}
		s := step(t, d, "term", "catalog.expires")
		if s.Result || !traceMentions(d, "2024-03-09") || !traceMentions(d, "期满") {
			t.Errorf("term step = %+v; want a failed step, named by the field, stating the expiry date", s)
		}
		wantFine(t, d, "3000", "7000") // still decided: the statute governs the case
	})
	t.Run("catalog_last_day_in_force", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml", "effective: 2015-01-01", "effective: 2015-01-01\nexpires: 2024-03-10")
		c := adjustCase("ROWS", "mid", grounds{})
		d := decide(t, e, c)
		if hasFlag(d, discretion.FlagOutsideStandardTerm) || len(steps(d, "term", "")) > 0 {
			t.Errorf("decided on the last day of the term: flags = %v", d.Flags)
		}
	})
	t.Run("expired_flag_survives_lex_mitior", func(t *testing.T) {
		e := engineFile(t, "versions.yaml", "effective: 2020-01-01", "effective: 2020-01-01\nexpires: 2024-01-31")
		c := newCase("LIGHTER", nil)
		c.ActDate, c.DiscoveryDate, c.DecisionDate = "2023-06-01", "2023-06-02", "2024-02-01"
		d := decide(t, e, c)
		if !hasFlag(d, discretion.FlagOutsideStandardTerm) {
			t.Errorf("flags = %v, want %s", d.Flags, discretion.FlagOutsideStandardTerm)
		}
	})
}

// Items start when their law starts: an item's first version starts on the
// day its penalty clause took effect, not on the catalog's effective date,
// and an act before the catalog is decided under its transition rule.
const startCatalog = `id: test-start
title: 施行日期测试目录
issuer: 测试机关
effective: 2020-01-01
tier_scheme: midpoint
TRANSITION
items:
  - code: CLAUSE
    name: 处罚条款2015年施行
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2, effective: 2015-01-01}
    sanctions: [{type: fine, mandatory: true, amount: {min: 100, max: 1000}}]
    benchmark:
      grades: [{id: all, label: 全部情形, when: "true", fine: {min: 100, max: 1000}}]
  - code: UNSTATED
    name: 未载明处罚条款施行日期
    basis:
      violated: {instrument: 测试条例, article: 3}
      penalty: {instrument: 测试条例, article: 4}
    sanctions: [{type: fine, mandatory: true, amount: {min: 100, max: 1000}}]
    benchmark:
      grades: [{id: all, label: 全部情形, when: "true", fine: {min: 100, max: 1000}}]
`

func startEngine(t *testing.T, transition string) *discretion.Engine {
	t.Helper()
	return engineYAML(t, "start.yaml", strings.Replace(startCatalog, "TRANSITION", transition, 1))
}

func TestItemsStartWhenTheirLawStarts(t *testing.T) {
	before := func(item string) *discretion.Case {
		c := orgCase(item, nil)
		c.ActDate, c.DiscoveryDate, c.DecisionDate = "2019-06-01", "2019-12-01", "2020-02-01"
		return c
	}
	t.Run("item_starts_with_its_penalty_clause", func(t *testing.T) {
		e := startEngine(t, "")
		d := decide(t, e, before("CLAUSE"))
		wantFine(t, d, "100", "1000")
		if !hasFlag(d, discretion.FlagActBeforeStandard) {
			t.Errorf("flags = %v, want %s (no transition rule stated)", d.Flags, discretion.FlagActBeforeStandard)
		}
		if s := step(t, d, "transition", "transition.acts_before_effective"); s.Result || !strings.Contains(s.Note, "未规定施行前发生的违法行为如何处理") {
			t.Errorf("transition step = %+v, want the unstated rule, named by its field", s)
		}
		if v := e.Catalog().Item("CLAUSE").Versions[0]; v.EffectiveFrom.String() != "2015-01-01" {
			t.Errorf("version starts %s, want 2015-01-01", v.EffectiveFrom)
		}
	})
	t.Run("act_before_penalty_clause_names_its_date", func(t *testing.T) {
		c := before("CLAUSE")
		c.ActDate = "2014-12-31"
		p := problem(t, caseError(t, startEngine(t, ""), c).Localize("en"), "act_date", "took effect on 2015-01-01")
		if strings.Contains(p.Message, "no basis") {
			t.Errorf("message %q", p.Message)
		}
	})
	t.Run("unstated_clause_start_names_the_fields", func(t *testing.T) {
		p := problem(t, caseError(t, startEngine(t, ""), before("UNSTATED")), "act_date",
			"effective_from", "basis.penalty.effective", "transition.acts_before_effective")
		if strings.Contains(p.Message, "gives no basis to penalise") {
			t.Errorf("message %q still claims no basis", p.Message)
		}
	})
	t.Run("transition_apply", func(t *testing.T) {
		e := startEngine(t, "transition: {acts_before_effective: apply, citation: {instrument: 施行日期测试基准, article: 30, text: 本基准施行前发生、施行后处理的违法行为，适用本基准。}}")
		d := decide(t, e, before("CLAUSE"))
		if hasFlag(d, discretion.FlagActBeforeStandard) {
			t.Errorf("flags = %v", d.Flags)
		}
		if s := step(t, d, "transition", "transition.apply"); !s.Result || !strings.Contains(s.Citation, "施行日期测试基准") {
			t.Errorf("transition step = %+v", s)
		}
	})
	t.Run("transition_reject", func(t *testing.T) {
		e := startEngine(t, "transition: {acts_before_effective: reject}")
		problem(t, caseError(t, e, before("CLAUSE")), "act_date", "transition.acts_before_effective 为 reject")
		// An act after the catalog took effect is not touched by it.
		c := before("CLAUSE")
		c.ActDate, c.DiscoveryDate = "2020-01-01", "2020-01-02"
		decide(t, e, c)
	})
	t.Run("decision_before_catalog_is_outside_its_term", func(t *testing.T) {
		c := before("CLAUSE")
		c.DecisionDate = "2019-12-31"
		d := decide(t, startEngine(t, "transition: {acts_before_effective: apply}"), c)
		if !hasFlag(d, discretion.FlagOutsideStandardTerm) {
			t.Errorf("flags = %v, want %s", d.Flags, discretion.FlagOutsideStandardTerm)
		}
	})
	t.Run("version_before_its_clause_is_a_load_error", func(t *testing.T) {
		src := strings.Replace(startCatalog, "TRANSITION", "", 1)
		src = strings.Replace(src, "    sanctions: [{type: fine, mandatory: true, amount: {min: 100, max: 1000}}]\n", "    effective_from: 2014-01-01\n    sanctions: [{type: fine, mandatory: true, amount: {min: 100, max: 1000}}]\n", 1)
		_, err := catalog.Load("start.yaml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), "早于其处罚条款") {
			t.Errorf("err = %v", err)
		}
		src = strings.Replace(startCatalog, "TRANSITION", "transition: {acts_before_effective: sometimes}", 1)
		if _, err := catalog.Load("start.yaml", []byte(src)); err == nil || !strings.Contains(err.Error(), "应为 apply 或 reject") {
			t.Errorf("err = %v", err)
		}
	})
}
