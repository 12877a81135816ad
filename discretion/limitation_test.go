package discretion_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// Art. 36: "违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、
// 金融安全且有危害后果的，上述期限延长至五年。…前款规定的期限，从违法行为发生
// 之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。"
// Counted as 《民法典》 arts. 201–202 count periods: an act on
// 2022-03-15 may be discovered up to and including 2024-03-15.

func TestArt36(t *testing.T) {
	e := engineFile(t, "limitation.yaml")
	tests := []struct {
		name      string
		item      string
		act, end  discretion.Date
		discovery discretion.Date
		facts     map[string]any
		expired   bool
	}{
		{"art36_discovered_on_last_day_of_two_years_is_punishable", "LIM", "2022-03-15", "", "2024-03-15", nil, false},
		{"art36_discovered_day_after_is_limitation", "LIM", "2022-03-15", "", "2024-03-16", nil, true},
		{"art36_discovered_same_day_is_punishable", "LIM", "2022-03-15", "", "2022-03-15", nil, false},
		{"art36_continuing_act_counted_from_end_last_day", "LIM", "2020-01-01", "2022-03-15", "2024-03-15", nil, false},
		{"art36_continuing_act_counted_from_end_day_after", "LIM", "2020-01-01", "2022-03-15", "2024-03-16", nil, true},
		{"art36_act_on_29_feb_last_day_is_28_feb", "LIM", "2024-02-29", "", "2026-02-28", nil, false},
		{"art36_act_on_29_feb_day_after_is_1_mar", "LIM", "2024-02-29", "", "2026-03-01", nil, true},
		{"art36_extended_five_years_last_day", "EXT", "2019-03-15", "", "2024-03-15",
			map[string]any{"life_or_financial_safety": true, "harm_caused": true}, false},
		{"art36_extended_five_years_day_after", "EXT", "2019-03-15", "", "2024-03-16",
			map[string]any{"life_or_financial_safety": true, "harm_caused": true}, true},
		{"art36_extended_29_feb_last_day_is_28_feb", "EXT", "2024-02-29", "", "2029-02-28",
			map[string]any{"life_or_financial_safety": true, "harm_caused": true}, false},
		{"art36_extended_29_feb_day_after", "EXT", "2024-02-29", "", "2029-03-01",
			map[string]any{"life_or_financial_safety": true, "harm_caused": true}, true},
		{"art36_no_extension_without_harm", "EXT", "2019-03-15", "", "2021-03-16",
			map[string]any{"life_or_financial_safety": true, "harm_caused": false}, true},
		{"art36_no_extension_without_life_safety", "EXT", "2019-03-15", "", "2021-03-16",
			map[string]any{"life_or_financial_safety": false, "harm_caused": true}, true},
		{"art36_other_law_period_last_day", "OVR", "2024-01-10", "", "2025-01-10", nil, false},
		{"art36_other_law_period_day_after", "OVR", "2024-01-10", "", "2025-01-11", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := orgCase(tt.item, tt.facts)
			c.ActDate, c.ActEndDate, c.DiscoveryDate = tt.act, tt.end, tt.discovery
			c.DecisionDate = tt.discovery
			d := decide(t, e, c)
			lim := periodStep(t, d)
			if lim.Result != tt.expired {
				t.Errorf("limitation step result = %v, want %v: %s", lim.Result, tt.expired, lim.Note)
			}
			if tt.expired {
				wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonLimitation)
				wantNoFine(t, d)
				if d.Grade != "" || len(d.Sanctions) != 0 {
					t.Errorf("limitation decision has grade %q sanctions %v", d.Grade, d.Sanctions)
				}
			} else if d.Outcome == discretion.NoPenalty {
				t.Fatalf("outcome no_penalty/%s, want a penalty\n%s", d.Reason, d.TraceText())
			}
			if !strings.Contains(lim.Citation, "民法典") {
				t.Errorf("limitation citation %q does not cite the Civil Code counting rule", lim.Citation)
			}
		})
	}
}

func TestArt36_extended_rule_appears_in_trace_with_its_facts(t *testing.T) {
	e := engineFile(t, "limitation.yaml")
	c := orgCase("EXT", map[string]any{"life_or_financial_safety": true, "harm_caused": true})
	c.ActDate, c.DiscoveryDate, c.DecisionDate = "2019-03-15", "2023-03-15", "2023-04-01"
	d := decide(t, e, c)
	ext := step(t, d, "limitation", "limitation.extended")
	if !ext.Result || factValue(t, ext, "harm_caused") != "true" {
		t.Errorf("extended step = %+v", ext)
	}
	if lim := step(t, d, "limitation", "limitation.5y"); lim.Result {
		t.Errorf("5-year step says expired: %s", lim.Note)
	}
}

func TestArt36_other_law_period_cites_that_law(t *testing.T) {
	e := engineFile(t, "limitation.yaml")
	c := orgCase("OVR", nil)
	c.ActDate, c.DiscoveryDate, c.DecisionDate = "2024-01-10", "2025-01-11", "2025-01-11"
	d := decide(t, e, c)
	wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonLimitation)
	if lim := step(t, d, "limitation", "limitation.1y"); !strings.Contains(lim.Citation, "《中华人民共和国测试法》第九条") {
		t.Errorf("citation = %q, want the overriding law", lim.Citation)
	}
}

func TestArt36_counts_discovery_not_decision(t *testing.T) {
	// Discovered on the last day, decided months later: still punishable.
	e := engineFile(t, "limitation.yaml")
	c := orgCase("LIM", nil)
	c.ActDate, c.DiscoveryDate, c.DecisionDate = "2022-03-15", "2024-03-15", "2024-09-30"
	d := decide(t, e, c)
	if d.Outcome == discretion.NoPenalty {
		t.Fatalf("outcome no_penalty/%s, want a penalty", d.Reason)
	}
}

func TestArt36_limitation_decision_orders_education(t *testing.T) {
	e := engineFile(t, "limitation.yaml")
	c := orgCase("LIM", nil)
	c.ActDate, c.DiscoveryDate, c.DecisionDate = "2020-01-01", "2023-01-01", "2023-01-02"
	d := decide(t, e, c)
	wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonLimitation)
	if d.Discretionary {
		t.Error("limitation is not discretionary")
	}
	if !hasOrder(d, "对当事人进行教育") {
		t.Errorf("orders %v lack 对当事人进行教育 (art. 33 ¶3)", d.Orders)
	}
}

// periodStep is the trace step that compares the discovery with the period.
func periodStep(t testing.TB, d *discretion.Decision) discretion.Step {
	t.Helper()
	var out []discretion.Step
	for _, s := range steps(d, "limitation", "") {
		if s.Rule != "limitation.extended" {
			out = append(out, s)
		}
	}
	if len(out) != 1 {
		t.Fatalf("trace has %d limitation period steps, want 1\n%s", len(out), d.TraceText())
	}
	return out[0]
}

// Art. 36 ¶2: "违法行为有连续或者继续状态的，从行为终了之日起计算". A
// continuing act that has not ended when the case is decided (the building
// still stands) has no end to count from: the period does not run, however
// long ago the act began.
func TestArt36_continuing_act_not_ended(t *testing.T) {
	e := engineFile(t, "limitation.yaml")
	t.Run("art36_continuing_act_not_ended", func(t *testing.T) {
		c := orgCase("LIM", nil)
		c.ActDate, c.DiscoveryDate, c.DecisionDate = "2015-06-01", "2024-03-01", "2024-03-10"
		c.ActOngoing = true
		d := decide(t, e, c)
		if d.Outcome == discretion.NoPenalty {
			t.Fatalf("outcome no_penalty/%s: an act that has not ended is not time-barred\n%s", d.Reason, d.TraceText())
		}
		if lim := periodStep(t, d); lim.Result || lim.Rule != "limitation.ongoing" || !strings.Contains(lim.Note, "尚未终了") {
			t.Errorf("limitation step = %+v", lim)
		}
		// The same facts with the act ended on the act date are time-barred.
		c.ActOngoing = false
		wantOutcome(t, decide(t, e, c), discretion.NoPenalty, discretion.ReasonLimitation)
	})
	t.Run("art36_ongoing_act_case_json", func(t *testing.T) {
		c, err := discretion.ParseCase(strings.NewReader(`{"item": "LIM", "party": {"type": "organization"},
			"act_date": "2015-06-01", "act_ongoing": true, "discovery_date": "2024-03-01", "decision_date": "2024-03-10", "facts": {}}`))
		if err != nil {
			t.Fatal(err)
		}
		if d := decide(t, e, c); d.Outcome == discretion.NoPenalty {
			t.Fatalf("outcome no_penalty/%s", d.Reason)
		}
	})
	t.Run("art36_ongoing_act_has_no_end_date", func(t *testing.T) {
		c := orgCase("LIM", nil)
		c.ActDate, c.ActEndDate, c.DiscoveryDate, c.DecisionDate = "2015-06-01", "2016-01-01", "2024-03-01", "2024-03-10"
		c.ActOngoing = true
		problem(t, caseError(t, e, c), "act_ongoing", "act_end_date")
	})
}
