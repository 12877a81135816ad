package discretion_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// Published lists with their own terms: which one applies is decided as
// for item versions, 《行政处罚法》第三十七条 by analogy, unless the later
// list adopted another transition rule.
var listsCatalog = `
id: test-lists
title: 清单测试目录
issuer: 测试机关
effective: 2020-01-01
tier_scheme: lower_upper_30
facts:
  harm: {type: enum, label: 危害后果, values: {none: 没有, minor: 轻微, some: 一般}, required: true}
lists:
  - id: fo2023
    kind: first_offense
    title: 测试市首违不罚清单（2023年版）
    doc_number: 测试〔2022〕9号
    effective: 2023-01-01
    expires: 2023-12-31
    items: [F1, F3]
  - id: fo2024
    kind: first_offense
    title: 测试市首违不罚清单（2024年版）
    doc_number: 测试〔2023〕12号
    effective: 2024-01-01
    items: [F1, F2]
  - id: lv2023
    kind: light_violation
    title: 测试市轻微违法不予处罚清单（2023年版）
    doc_number: 测试〔2022〕10号
    effective: 2023-01-01
    expires: 2023-12-31
    items: [L1]
  - id: lv2024
    kind: light_violation
    title: 测试市轻微违法不予处罚清单（2024年版）
    doc_number: 测试〔2023〕13号
    effective: 2024-01-01
    transition:
      rule: not_before_effective
      citation: {instrument: 测试市轻微违法不予处罚清单（2024年版）, article: 6}
    items: [L1, L2]
items:
` + listItem("F1", "first_offense: {list: fo2024, window: 2y, when: 'harm == \"minor\"'}") +
	listItem("F2", "first_offense: {list: fo2024, window: 2y, when: 'harm == \"minor\"'}") +
	listItem("F3", "first_offense: {list: fo2024, window: 2y, when: 'harm == \"minor\"'}") +
	listItem("L1", "light_violation: {list: lv2024, when: 'harm == \"none\"'}") +
	listItem("L2", "light_violation: {list: lv2024, when: 'harm == \"none\"'}")

// listItem is an item of the lists catalog with the given exemption.
func listItem(code, exemption string) string {
	return fmt.Sprintf(`  - code: %s
    name: 测试事项%s
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 1000, max: 2000}}
    benchmark:
      grades:
        - {id: all, label: 其他情形, when: "true", fine: {min: 1000, max: 2000}}
      %s
`, code, code, exemption)
}

func TestListsHaveDates(t *testing.T) {
	e := engineYAML(t, "lists.yaml", listsCatalog)
	tests := []struct {
		name           string
		item, harm     string
		act, decision  discretion.Date
		noPenalty      bool
		rule, mentions string
	}{
		{"list_in_force_at_act_date_applies", "F3", "minor", "2023-06-01", "2024-03-10", true,
			"first_offense.list.act_date", "测试市首违不罚清单（2023年版）"},
		{"list_in_force_at_act_and_decision_applies", "F2", "minor", "2023-06-01", "2023-09-10", false,
			"first_offense.list.in_force", "测试〔2022〕9号"},
		{"more_favourable_list_at_decision_applies", "F2", "minor", "2023-06-01", "2024-03-10", true,
			"first_offense.list.favourable", "测试〔2023〕12号"},
		{"list_later_unfavourable_keeps_act_list", "F1", "minor", "2023-06-01", "2024-03-10", true,
			"first_offense.list.act_date", "测试〔2022〕9号"},
		{"list_not_before_effective_excludes_earlier_acts", "L2", "none", "2023-06-01", "2024-03-10", false,
			"light_violation.list.not_before_effective", "第六条"},
		{"list_not_before_effective_applies_to_later_acts", "L2", "none", "2024-01-02", "2024-03-10", true,
			"light_violation.list.in_force", "测试〔2023〕13号"},
		{"list_none_in_force_at_act_or_decision", "F2", "minor", "2022-06-01", "2022-09-10", false,
			"first_offense.list.none", "均无施行中的首违不罚清单"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCase(tt.item, map[string]any{"harm": tt.harm})
			c.ActDate, c.DiscoveryDate, c.DecisionDate = tt.act, tt.act, tt.decision
			d := decide(t, e, c)
			if got := d.Outcome == discretion.NoPenalty; got != tt.noPenalty {
				t.Fatalf("no penalty = %v (outcome %s), want %v\n%s", got, d.Outcome, tt.noPenalty, d.Text())
			}
			kind := "first_offense"
			if tt.item[0] == 'L' {
				kind = "light_violation"
			}
			s := step(t, d, kind, tt.rule)
			if s.Result != tt.noPenalty {
				t.Errorf("list step result = %v, want %v", s.Result, tt.noPenalty)
			}
			if tt.item[0] == 'L' && !tt.noPenalty && !slices.Contains(d.Flags, discretion.FlagLightViolationUnlisted) {
				t.Errorf("flags = %v, want %s", d.Flags, discretion.FlagLightViolationUnlisted)
			}
			if !traceMentions(d, tt.mentions) {
				t.Errorf("trace does not mention %q\n%s", tt.mentions, d.Text())
			}
		})
	}
}

func TestTraceNamesTheListApplied(t *testing.T) {
	e := engineYAML(t, "lists.yaml", listsCatalog)
	t.Run("trace_names_the_list_applied", func(t *testing.T) {
		c := newCase("F2", map[string]any{"harm": "minor"})
		c.ActDate, c.DiscoveryDate, c.DecisionDate = "2023-06-01", "2023-06-01", "2024-03-10"
		d := decide(t, e, c)
		s := step(t, d, "first_offense", "first_offense.list.favourable")
		if want := "《测试市首违不罚清单（2024年版）》（测试〔2023〕12号）"; s.Citation != want {
			t.Errorf("citation = %q, want %q", s.Citation, want)
		}
		for _, want := range []string{"适用首违不罚清单《测试市首违不罚清单（2024年版）》", "《测试市首违不罚清单（2023年版）》（测试〔2022〕9号）未列入本事项", "第三十七条"} {
			if !traceMentions(d, want) {
				t.Errorf("trace does not say %q\n%s", want, d.Text())
			}
		}
		if r := d.Text(); !strings.Contains(r, "测试市首违不罚清单（2024年版）") {
			t.Errorf("说理 does not name the list:\n%s", r)
		}
	})
}

// A list's issuer may adopt another transition rule than art. 37's, with
// its citation: always the list at the act, or always the list at the
// decision.
func TestListTransitionRulesAdopted(t *testing.T) {
	withRule := func(rule string) string {
		return strings.Replace(listsCatalog, "    items: [F1, F2]\n", "    transition:\n      rule: "+rule+
			"\n      citation: {instrument: 测试市首违不罚清单（2024年版）, article: 7}\n    items: [F1, F2]\n", 1)
	}
	tests := []struct {
		name, rule, item string
		noPenalty        bool
		stepRule         string
	}{
		{"list_rule_act_date_keeps_the_list_at_the_act_even_if_later_lists_it", "act_date", "F2", false, "first_offense.list.rule_act_date"},
		{"list_rule_decision_date_drops_an_item_the_later_list_leaves_out", "decision_date", "F3", false, "first_offense.list.rule_decision_date"},
		{"list_rule_decision_date_applies_the_later_list", "decision_date", "F2", true, "first_offense.list.rule_decision_date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := engineYAML(t, "lists.yaml", withRule(tt.rule))
			c := newCase(tt.item, map[string]any{"harm": "minor"})
			c.ActDate, c.DiscoveryDate, c.DecisionDate = "2023-06-01", "2023-06-01", "2024-03-10"
			d := decide(t, e, c)
			if got := d.Outcome == discretion.NoPenalty; got != tt.noPenalty {
				t.Fatalf("no penalty = %v, want %v", got, tt.noPenalty)
			}
			s := step(t, d, "first_offense", tt.stepRule)
			if !strings.Contains(s.Citation, "第七条") {
				t.Errorf("citation %q does not cite the list's transition clause", s.Citation)
			}
		})
	}
}

// A published list states, entry by entry, the situation in which it
// exempts an item ("占用面积不超过2平方米的"); a later list may change that
// situation. Entries of both forms: a code, or {item, when, label}.
var listEntriesCatalog = `
id: test-list-entries
title: 清单条目测试目录
issuer: 测试机关
effective: 2020-01-01
tier_scheme: lower_upper_30
facts:
  harm: {type: enum, label: 危害后果, values: {none: 没有, minor: 轻微, serious: 严重}, required: true}
lists:
  - id: fo2023
    kind: first_offense
    title: 测试市首违不罚清单（2023年版）
    doc_number: 测试〔2022〕9号
    effective: 2023-01-01
    expires: 2023-12-31
    items:
      - {item: RELAX, when: "area_m2 <= 2", label: 占用面积不超过2平方米的}
      - TIGHTEN
  - id: fo2024
    kind: first_offense
    title: 测试市首违不罚清单（2024年版）
    doc_number: 测试〔2023〕12号
    effective: 2024-01-01
    items:
      - {item: RELAX, when: "area_m2 <= 5", label: 占用面积不超过5平方米的}
      - {item: TIGHTEN, when: "area_m2 <= 2", label: 占用面积不超过2平方米的, note: 2024年收紧}
  - id: lv2024
    kind: light_violation
    title: 测试市轻微违法不予处罚清单（2024年版）
    doc_number: 测试〔2023〕13号
    effective: 2024-01-01
    items:
      - {item: LIGHT, when: "area_m2 < 1", label: 占用面积不足1平方米的}
items:
` + entryItem("RELAX", "first_offense: {list: fo2024, window: 2y, when: 'harm != \"serious\"'}") +
	entryItem("TIGHTEN", "first_offense: {list: fo2024, window: 2y, when: 'harm != \"serious\"'}") +
	entryItem("LIGHT", "light_violation: {list: lv2024, when: 'harm == \"none\"'}")

// entryItem is an item of the list-entries catalog, with the fact the
// entries read.
func entryItem(code, exemption string) string {
	return fmt.Sprintf(`  - code: %s
    name: 测试事项%s
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2}
    facts:
      area_m2: {type: number, label: 占用面积, unit: 平方米, min: 0}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 1000, max: 2000}}
    benchmark:
      grades:
        - {id: all, label: 其他情形, when: "true", fine: {min: 1000, max: 2000}}
      %s
`, code, code, exemption)
}

func TestListEntryConditions(t *testing.T) {
	e := engineYAML(t, "entries.yaml", listEntriesCatalog)
	tests := []struct {
		name          string
		item, harm    string
		area          float64
		act, decision discretion.Date
		noPenalty     bool
		rule          string // the list step's rule; "" for none
		mentions      []string
	}{
		{"art33_list_entry_condition_narrows", "TIGHTEN", "minor", 1, "2024-03-01", "2024-03-10", true,
			"first_offense.list.in_force", []string{"该清单列入本事项，本案符合其所列情形“占用面积不超过2平方米的”"}},
		{"art33_list_entry_condition_narrows_case_outside_it", "TIGHTEN", "minor", 3, "2024-03-01", "2024-03-10", false,
			"first_offense.list.in_force", []string{"该清单列入本事项，本案不符合其所列情形“占用面积不超过2平方米的”"}},
		{"art33_list_entry_keeps_the_benchmark_rule", "TIGHTEN", "serious", 1, "2024-03-01", "2024-03-10", false,
			"", nil},
		{"art33_light_violation_list_entry_narrows", "LIGHT", "none", 0.5, "2024-03-01", "2024-03-10", true,
			"light_violation.list.in_force", []string{"本案符合其所列情形“占用面积不足1平方米的”"}},
		{"art33_light_violation_list_entry_outside_is_flagged", "LIGHT", "none", 2, "2024-03-01", "2024-03-10", false,
			"light_violation.list.in_force", []string{"本案不符合其所列情形“占用面积不足1平方米的”"}},
		{"art37_list_favourable_compares_outcome_for_this_case", "RELAX", "minor", 4, "2023-06-01", "2024-03-10", true,
			"first_offense.list.favourable", []string{
				"违法行为发生时施行的《测试市首违不罚清单（2023年版）》（测试〔2022〕9号）虽列入本事项，但本案不符合其所列情形“占用面积不超过2平方米的”",
				"施行的清单列入本事项且本案符合其所列情形“占用面积不超过5平方米的”，对当事人有利"}},
		{"art37_list_relaxed_entry_case_exempt_under_both_keeps_act_list", "RELAX", "minor", 1, "2023-06-01", "2024-03-10", true,
			"first_offense.list.act_date", []string{"该清单列入本事项，本案符合其所列情形“占用面积不超过2平方米的”，依该清单本案不予处罚", "不会更为有利，无须比较"}},
		{"art37_list_relaxed_entry_case_outside_both", "RELAX", "minor", 6, "2023-06-01", "2024-03-10", false,
			"first_offense.list.act_date", []string{"虽列入本事项，但本案不符合其所列情形“占用面积不超过5平方米的”"}},
		{"art37_list_tightened_entry_keeps_the_act_list", "TIGHTEN", "minor", 4, "2023-06-01", "2024-03-10", true,
			"first_offense.list.act_date", []string{"该清单列入本事项，依该清单本案不予处罚", "《测试市首违不罚清单（2024年版）》（测试〔2023〕12号）不会更为有利，无须比较"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCase(tt.item, map[string]any{"harm": tt.harm, "area_m2": tt.area})
			c.ActDate, c.DiscoveryDate, c.DecisionDate = tt.act, tt.act, tt.decision
			d := decide(t, e, c)
			if got := d.Outcome == discretion.NoPenalty; got != tt.noPenalty {
				t.Fatalf("no penalty = %v (outcome %s), want %v\n%s", got, d.Outcome, tt.noPenalty, d.Text())
			}
			kind := "first_offense"
			if tt.item == "LIGHT" {
				kind = "light_violation"
			}
			if tt.rule == "" {
				if ss := steps(d, kind, ""); len(ss) > 0 {
					for _, s := range ss {
						if strings.HasPrefix(s.Rule, kind+".list") {
							t.Errorf("a list step where the benchmark's rule does not hold: %+v", s)
						}
					}
				}
				return
			}
			s := step(t, d, kind, tt.rule)
			if s.Result != tt.noPenalty {
				t.Errorf("list step result = %v, want %v", s.Result, tt.noPenalty)
			}
			// The applied list's entry states its condition, unless it names
			// the item with none; the facts are those the entries tested:
			// none where no entry's situation was tested.
			tested := strings.Contains(s.Note, "符合其所列情形")
			if plain := !tested; (s.Expr == "") != plain {
				t.Errorf("list step expr = %q, want the applied entry's condition", s.Expr)
			}
			if tested && factValue(t, s, "area_m2") == "" {
				t.Errorf("list step states no facts: %+v", s)
			}
			if !tested && len(s.Facts) > 0 {
				t.Errorf("list step states facts no entry read: %+v", s.Facts)
			}
			for _, want := range tt.mentions {
				if !strings.Contains(s.Note, want) {
					t.Errorf("list step note does not say %q:\n%s", want, s.Note)
				}
			}
			if kind == "light_violation" && !tt.noPenalty && !slices.Contains(d.Flags, discretion.FlagLightViolationUnlisted) {
				t.Errorf("flags = %v, want %s", d.Flags, discretion.FlagLightViolationUnlisted)
			}
			if kind == "first_offense" && !tt.noPenalty && !slices.Contains(d.Flags, discretion.FlagFirstOffenseEligible) {
				t.Errorf("flags = %v, want %s", d.Flags, discretion.FlagFirstOffenseEligible)
			}
		})
	}
}

// The 说理 names the entry by the list's own words and says which facts of
// the case meet or fail it.
func TestListEntryReasons(t *testing.T) {
	e := engineYAML(t, "entries.yaml", listEntriesCatalog)
	c := newCase("TIGHTEN", map[string]any{"harm": "minor", "area_m2": 3})
	d := decide(t, e, c)
	r := d.Text()
	t.Log(r)
	for _, want := range []string{"本案不符合其所列情形“占用面积不超过2平方米的”", "占用面积"} {
		if !strings.Contains(r, want) {
			t.Errorf("说理 does not say %q:\n%s", want, r)
		}
	}
	if strings.Contains(r, "area_m2") {
		t.Errorf("说理 shows a fact's name instead of its label:\n%s", r)
	}
}

// An entry's condition reads the case's facts: a fact it needs and the case
// does not state is a case error, not a guess.
func TestListEntryNeedsItsFacts(t *testing.T) {
	e := engineYAML(t, "entries.yaml", listEntriesCatalog)
	c := newCase("TIGHTEN", map[string]any{"harm": "minor"})
	ce := caseError(t, e, c)
	if !strings.Contains(ce.Error(), "area_m2") {
		t.Errorf("case error does not name area_m2: %v", ce)
	}
}

// Entry conditions are tested with the compiled programs, on the hot path
// like any rule: a case decided under an entry's condition allocates no
// more than the same case under a list without conditions.
func TestListEntryDecideAllocs(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("allocation count")
	}
	plain := strings.NewReplacer(
		`{item: RELAX, when: "area_m2 <= 5", label: 占用面积不超过5平方米的}`, "RELAX",
		`{item: RELAX, when: "area_m2 <= 2", label: 占用面积不超过2平方米的}`, "RELAX").Replace(listEntriesCatalog)
	c := newCase("RELAX", map[string]any{"harm": "minor", "area_m2": 4})
	c.ActDate, c.DiscoveryDate, c.DecisionDate = "2023-06-01", "2023-06-01", "2024-03-10"
	allocs := func(src string) float64 {
		e := engineYAML(t, "entries.yaml", src)
		decide(t, e, c) // parse the case's dates once, as a warm engine has
		return testing.AllocsPerRun(200, func() {
			if _, err := e.Decide(context.Background(), c); err != nil {
				t.Fatal(err)
			}
		})
	}
	withEntries, without := allocs(listEntriesCatalog), allocs(plain)
	t.Logf("%.1f allocations per Decide with entry conditions, %.1f without", withEntries, without)
	if withEntries > without {
		t.Errorf("Decide with entry conditions makes %.1f allocations, without %.1f", withEntries, without)
	}
}

// An entry's situation may read the history through a declared counter, as
// the benchmark's conditions do: "首次被发现" is no earlier violation of
// the item found, whatever its outcome.
func TestListEntryReadsACounter(t *testing.T) {
	src := strings.Replace(listEntriesCatalog, "lists:\n", `counts:
  - name: found_before
    label: 此前被发现的同一违法行为次数
    window: none
    counting: violations
lists:
`, 1)
	src = strings.Replace(src, `{item: LIGHT, when: "area_m2 < 1", label: 占用面积不足1平方米的}`,
		`{item: LIGHT, when: "found_before == 0 && area_m2 <= 2", label: 首次被发现，占用面积不超过2平方米的}`, 1)
	e := engineYAML(t, "entries.yaml", src)
	tests := []struct {
		name      string
		history   []discretion.Prior
		noPenalty bool
	}{
		{"art33_list_entry_first_found_exempts", nil, true},
		{"art33_list_entry_found_before_is_outside_the_situation",
			[]discretion.Prior{{Item: "LIGHT", ActDate: "2023-01-05", DecisionDate: "2023-01-20", Outcome: "no_penalty"}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCase("LIGHT", map[string]any{"harm": "none", "area_m2": 1.5})
			c.History = tt.history
			d := decide(t, e, c)
			if got := d.Outcome == discretion.NoPenalty; got != tt.noPenalty {
				t.Fatalf("no penalty = %v (outcome %s), want %v\n%s", got, d.Outcome, tt.noPenalty, d.Text())
			}
			s := step(t, d, "light_violation", "light_violation.list.in_force")
			if factValue(t, s, "found_before") == "" {
				t.Errorf("the list step does not state the counter it read: %+v", s)
			}
			if !tt.noPenalty && !slices.Contains(d.Flags, discretion.FlagLightViolationUnlisted) {
				t.Errorf("flags = %v, want %s", d.Flags, discretion.FlagLightViolationUnlisted)
			}
		})
	}
}

// The transition rules a later list adopts choose the list by its dates
// alone; the chosen list's entry then decides the case.
func TestListEntryUnderAdoptedRules(t *testing.T) {
	withRule := func(rule string) string {
		return strings.Replace(listEntriesCatalog, "    doc_number: 测试〔2023〕12号\n    effective: 2024-01-01\n",
			"    doc_number: 测试〔2023〕12号\n    effective: 2024-01-01\n    transition:\n      rule: "+rule+
				"\n      citation: {instrument: 测试市首违不罚清单（2024年版）, article: 7}\n", 1)
	}
	tests := []struct {
		name, rule, item string
		area             float64
		noPenalty        bool
		stepRule         string
	}{
		{"list_rule_decision_date_applies_the_later_entry", "decision_date", "RELAX", 4, true, "first_offense.list.rule_decision_date"},
		{"list_rule_decision_date_applies_a_tightened_entry", "decision_date", "TIGHTEN", 4, false, "first_offense.list.rule_decision_date"},
		{"list_rule_act_date_keeps_the_earlier_entry", "act_date", "RELAX", 4, false, "first_offense.list.rule_act_date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := engineYAML(t, "entries.yaml", withRule(tt.rule))
			c := newCase(tt.item, map[string]any{"harm": "minor", "area_m2": tt.area})
			c.ActDate, c.DiscoveryDate, c.DecisionDate = "2023-06-01", "2023-06-01", "2024-03-10"
			d := decide(t, e, c)
			if got := d.Outcome == discretion.NoPenalty; got != tt.noPenalty {
				t.Fatalf("no penalty = %v (outcome %s), want %v\n%s", got, d.Outcome, tt.noPenalty, d.Text())
			}
			if s := step(t, d, "first_offense", tt.stepRule); s.Result != tt.noPenalty {
				t.Errorf("list step result = %v, want %v", s.Result, tt.noPenalty)
			}
		})
	}
}

// BenchmarkDecideListEntry decides a case under the favourable rule whose
// two lists both state the item's situation (both entries are tested), and
// the same case under lists that name the item alone.
func BenchmarkDecideListEntry(b *testing.B) {
	plain := strings.NewReplacer(
		`{item: RELAX, when: "area_m2 <= 5", label: 占用面积不超过5平方米的}`, "RELAX",
		`{item: RELAX, when: "area_m2 <= 2", label: 占用面积不超过2平方米的}`, "RELAX").Replace(listEntriesCatalog)
	for _, bc := range []struct{ name, src string }{{"entries", listEntriesCatalog}, {"codes", plain}} {
		b.Run(bc.name, func(b *testing.B) {
			e := engineYAML(b, "entries.yaml", bc.src)
			c := newCase("RELAX", map[string]any{"harm": "minor", "area_m2": 4})
			c.ActDate, c.DiscoveryDate, c.DecisionDate = "2023-06-01", "2023-06-01", "2024-03-10"
			ctx := context.Background()
			b.ReportAllocs()
			for b.Loop() {
				if _, err := e.Decide(ctx, c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The review's findings on the list step, each by the rule it checks.
func TestListStepStatesWhatDecided(t *testing.T) {
	e := engineYAML(t, "entries.yaml", listEntriesCatalog)
	decideAt := func(t *testing.T, item string, facts map[string]any, act, decision discretion.Date) *discretion.Decision {
		c := newCase(item, facts)
		c.ActDate, c.DiscoveryDate, c.DecisionDate = act, act, decision
		return decide(t, e, c)
	}

	// Art. 37 by analogy: the later list is compared only where the list
	// at the act does not exempt the case; a fact only the later entry
	// reads is then not needed.
	t.Run("art37_list_favourable_earlier_list_exempts_without_testing_later_entry", func(t *testing.T) {
		d := decideAt(t, "TIGHTEN", map[string]any{"harm": "minor"}, "2023-06-01", "2024-03-10")
		if d.Outcome != discretion.NoPenalty {
			t.Fatalf("outcome %s, want no_penalty under the 2023 list\n%s", d.Outcome, d.Text())
		}
		s := step(t, d, "first_offense", "first_offense.list.act_date")
		for _, want := range []string{"适用首违不罚清单《测试市首违不罚清单（2023年版）》", "该清单列入本事项，依该清单本案不予处罚", "无须比较"} {
			if !strings.Contains(s.Note, want) {
				t.Errorf("list step note does not say %q:\n%s", want, s.Note)
			}
		}
		if strings.Contains(s.Note, "不符合") || len(s.Facts) > 0 || s.Expr != "" {
			t.Errorf("the list step states a later entry it did not need: expr %q, facts %v\n%s", s.Expr, s.Facts, s.Note)
		}
	})

	// No list is in force at the act, and the list at the decision names
	// the item in a situation the case is not in: neither the list step
	// nor the 首违不罚 step may say there was a list at the act, or that
	// the item is not listed.
	t.Run("art37_list_none_at_act_later_entry_fails_says_so", func(t *testing.T) {
		d := decideAt(t, "TIGHTEN", map[string]any{"harm": "minor", "area_m2": 3}, "2022-06-01", "2024-03-10")
		if d.Outcome == discretion.NoPenalty {
			t.Fatalf("outcome no_penalty, want a penalty\n%s", d.Text())
		}
		s := step(t, d, "first_offense", "first_offense.list.act_date")
		want := "不适用首违不罚清单：违法行为发生时（2022-06-01）没有施行中的首违不罚清单；作出处罚决定时（2024-03-10）施行的《测试市首违不罚清单（2024年版）》（测试〔2023〕12号）虽列入本事项，但本案不符合其所列情形“占用面积不超过2平方米的”"
		if !strings.HasPrefix(s.Note, want) {
			t.Errorf("list step note = %q, want it to begin %q", s.Note, want)
		}
		u := step(t, d, "first_offense", "first_offense.list")
		if want := "符合首违不罚条件，但没有适用于本案的首违不罚清单"; !strings.HasPrefix(u.Note, want) {
			t.Errorf("首违不罚 step note = %q, want it to begin %q", u.Note, want)
		}
		r := d.Text()
		if strings.Contains(r, "适用违法行为发生时（2022年6月1日）施行的清单") || strings.Contains(r, "本事项未列入首违不罚清单") {
			t.Errorf("说理 contradicts itself:\n%s", r)
		}
		// The 说理 gives the facts that fail the later list's situation.
		if !strings.Contains(r, "“占用面积不超过2平方米的”（依照《中华人民共和国行政处罚法》第三十七条，参照适用）（占用面积为3平方米）") {
			t.Errorf("说理 does not give the facts that fail the situation:\n%s", r)
		}
	})

	// The favourable rule's reason states the later list's verdict; the
	// note does not state it a second time.
	t.Run("art37_list_favourable_states_the_new_list_verdict_once", func(t *testing.T) {
		d := decideAt(t, "RELAX", map[string]any{"harm": "minor", "area_m2": 4}, "2023-06-01", "2024-03-10")
		s := step(t, d, "first_offense", "first_offense.list.favourable")
		if n := strings.Count(s.Note, "符合其所列情形“占用面积不超过5平方米的”"); n != 1 {
			t.Errorf("the note states the new list's verdict %d times, want once:\n%s", n, s.Note)
		}
	})

	// A fact a list's entry needs is asked for in the list's own words:
	// its title and 文号 and the situation it states, never an internal id.
	t.Run("list_entry_missing_fact_names_the_list_in_its_words", func(t *testing.T) {
		c := newCase("TIGHTEN", map[string]any{"harm": "minor"})
		c.ActDate, c.DiscoveryDate, c.DecisionDate = "2024-03-01", "2024-03-01", "2024-03-10"
		ce := caseError(t, e, c)
		msg := ce.Error()
		want := "《测试市首违不罚清单（2024年版）》（测试〔2023〕12号）所列情形“占用面积不超过2平方米的”的条件用到它"
		if !strings.Contains(msg, want) || strings.Contains(msg, "list:") || strings.Contains(msg, "fo2024") {
			t.Errorf("case error = %q, want it to say %q and no list id", msg, want)
		}
	})
}
