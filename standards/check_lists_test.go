package standards_test

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/standards"
)

// TestCheckListFacts: grades over a list fact (len(x), "v" in x) are
// analysed exactly while the list is small, len(x) as a whole number from
// 0 to the number of declared values; a larger list is checked with
// generated cases. A gap is found either way, with a witness the engine
// confirms.
func TestCheckListFacts(t *testing.T) {
	small := `pollutants: {type: enum_list, label: 超标污染物, values: {so2: 二氧化硫, nox: 氮氧化物, pm: 颗粒物}, required: true}`
	large := `pollutants: {type: enum_list, label: 超标污染物, values: {so2: 二氧化硫, nox: 氮氧化物, pm: 颗粒物, voc: 挥发性有机物, co: 一氧化碳, o3: 臭氧, nh3: 氨, h2s: 硫化氢}, required: true}`
	tests := []struct {
		name   string
		facts  string
		grades string
		want   []string
		method standards.Method
	}{
		{name: "list_fact_len_in_condition_covers_every_length", facts: small, grades: `
        - {id: a, label: 一种, tier: lighter, when: 'len(pollutants) <= 1', fine: {tier: lighter}}
        - {id: b, label: 两种以上, tier: heavier, when: 'len(pollutants) >= 2', fine: {tier: heavier}}
`, method: standards.MethodInterval},
		{name: "list_fact_len_gap_at_zero", facts: small, grades: `
        - {id: a, label: 一种, tier: lighter, when: 'len(pollutants) == 1', fine: {tier: lighter}}
        - {id: b, label: 两种以上, tier: heavier, when: 'len(pollutants) >= 2', fine: {tier: heavier}}
`, want: []string{"standards_gap@error"}, method: standards.MethodInterval},
		{name: "list_fact_in_membership_and_len_cover", facts: small, grades: `
        - {id: a, label: 含二氧化硫, tier: heavier, when: '"so2" in pollutants', fine: {tier: heavier}}
        - {id: b, label: 其他, tier: lighter, when: 'len(pollutants) <= 3', fine: {tier: lighter}}
`, method: standards.MethodInterval},
		{name: "list_fact_len_beyond_declared_values_unreachable", facts: small, grades: `
        - {id: a, label: 少, tier: lighter, when: 'len(pollutants) <= 3', fine: {tier: lighter}}
        - {id: b, label: 多, tier: heavier, when: 'len(pollutants) > 3', fine: {tier: heavier}}
`, want: []string{"standards_unreachable@error"}, method: standards.MethodInterval},
		{name: "list_fact_large_list_gap_found_by_generated_cases", facts: large, grades: `
        - {id: a, label: 一种, tier: lighter, when: 'len(pollutants) == 1', fine: {tier: lighter}}
        - {id: b, label: 两种以上, tier: heavier, when: 'len(pollutants) >= 2', fine: {tier: heavier}}
`, want: []string{"standards_gap@error"}, method: standards.MethodGenerated},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := chkCatalog(`    facts:
      ` + tc.facts + `
` + chkFine + `    benchmark:
      grades:` + tc.grades)
			r, e := chkCheck(t, tc.name+".yaml", []byte(src), standards.Options{})
			var b strings.Builder
			r.WriteText(&b)
			var got []string
			var gap *standards.Finding
			for i, f := range r.Findings {
				if f.Item != "T1" {
					continue
				}
				switch f.Code {
				case standards.CodeGap, standards.CodeOverlap, standards.CodeUnreachable:
					got = append(got, f.Code+"@"+string(f.Severity))
					if f.Code == standards.CodeGap {
						gap = &r.Findings[i]
					}
				}
			}
			sort.Strings(got)
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Fatalf("findings %v, want %v:\n%s", got, tc.want, b.String())
			}
			for _, f := range r.Findings {
				if f.Item == "T1" && f.Code == standards.CodeGap && f.Method != tc.method {
					t.Errorf("gap found by %s, want %s", f.Method, tc.method)
				}
			}
			if gap != nil {
				if gap.Witness == nil {
					t.Fatalf("gap without a witness:\n%s", b.String())
				}
				_, err := e.Decide(t.Context(), gap.Witness)
				var ge *discretion.GapError
				if !errors.As(err, &ge) {
					t.Errorf("the witness is not a gap for the engine: %v", err)
				}
			}
		})
	}
}

// TestCheckListWording: hand wording of membership (超标污染物包括二氧化硫)
// is read and compared with the rule; wording that puts other cases in the
// row is an error with a witness.
func TestCheckListWording(t *testing.T) {
	facts := `pollutants: {type: enum_list, label: 超标污染物, values: {so2: 二氧化硫, nox: 氮氧化物, pm: 颗粒物}, required: true}`
	tests := []struct {
		name, first string
		want        bool
	}{
		{"list_fact_in_membership_wording_agrees", `'"so2" in pollutants'`, false},
		{"list_fact_in_membership_wording_differs", `'"so2" in pollutants && len(pollutants) <= 1'`, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := chkCatalog(`    facts:
      ` + facts + `
` + chkFine + `    benchmark:
      grades:
        - {id: a, label: 含二氧化硫, tier: heavier, description: 超标污染物包括二氧化硫, when: ` + tc.first + `, fine: {tier: heavier}}
        - {id: b, label: 其他, tier: lighter, when: 'true', fine: {tier: lighter}}
`)
			r, _ := chkCheck(t, tc.name+".yaml", []byte(src), standards.Options{})
			var b strings.Builder
			r.WriteText(&b)
			found := false
			for _, f := range r.Findings {
				if f.Code == standards.CodeWordingUnread {
					t.Errorf("wording not read:\n%s", b.String())
				}
				if f.Code == standards.CodeWording {
					found = true
				}
			}
			if found != tc.want {
				t.Errorf("wording finding %v, want %v:\n%s", found, tc.want, b.String())
			}
		})
	}
}

// entryListsCatalog is a catalog whose 轻微违法不予处罚清单 states, for
// item L1, the situation given by entry (a YAML flow mapping), and whose
// 首违不罚清单 states one for item F1.
func entryListsCatalog(lightEntry, firstEntry string) string {
	item := func(code, exemption string) string {
		return fmt.Sprintf(`  - code: %s
    name: 测试事项%s
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2}
    facts:
      area_m2: {type: number, label: 占用面积, unit: 平方米, min: 0, max: 1000}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 1000, max: 2000}}
    benchmark:
      grades:
        - {id: all, label: 其他情形, when: "true", fine: {min: 1000, max: 2000}}
      %s
`, code, code, exemption)
	}
	return `
id: entry-lists
title: 清单条目测试目录
issuer: 测试机关
effective: 2020-01-01
tier_scheme: lower_upper_30
facts:
  harm: {type: enum, label: 危害后果, values: {none: 没有, minor: 轻微, serious: 严重}, required: true}
lists:
  - id: lv2024
    kind: light_violation
    title: 测试市轻微违法不予处罚清单（2024年版）
    effective: 2024-01-01
    items:
      - ` + lightEntry + `
  - id: fo2024
    kind: first_offense
    title: 测试市首违不罚清单（2024年版）
    effective: 2024-01-01
    items:
      - ` + firstEntry + `
items:
` + item("L1", `light_violation: {list: lv2024, when: 'harm == "none"'}`) +
		item("F1", `first_offense: {list: fo2024, window: 1y, when: 'harm != "serious"'}`)
}

// foundBefore declares a catalog counter of the times the party was found
// before, with no window.
const foundBefore = "  - {name: found_before, label: 此前被发现的次数, window: none, counting: violations}\n"

// TestCheckListEntries: an entry that states the situation a list exempts
// is checked against the benchmark's rule (which still has to hold) and its
// label against its condition; the witnesses are decided by the engine.
func TestCheckListEntries(t *testing.T) {
	good := `{item: F1, when: "area_m2 <= 2", label: 占用面积不超过2平方米}`
	tests := []struct {
		name        string
		light, fo   string
		want        []string // code@severity@item of the list findings
		witnessNote string   // a witness's list step says this
		counts      string   // the catalog's counters, a YAML list
	}{
		{"art33_list_entries_agree_with_their_labels",
			`{item: L1, when: "area_m2 < 1", label: 占用面积不足1平方米}`, good, nil, "", ""},
		{"art33_list_entry_outside_the_benchmark_rule_exempts_nobody",
			`{item: L1, when: 'harm == "minor"', label: 危害后果轻微}`, good,
			[]string{"standards_list@error@L1"}, "", ""},
		{"art33_list_entry_that_states_nothing_beyond_the_rule",
			`{item: L1, when: "area_m2 >= 0", label: 占用面积0平方米以上}`, good,
			[]string{"standards_list@warning@L1"}, "", ""},
		{"art33_list_entry_label_takes_in_cases_the_entry_does_not_exempt",
			`{item: L1, when: "area_m2 < 1", label: 占用面积不超过3平方米}`, good,
			[]string{"standards_wording@error@L1"}, "本案不符合其所列情形“占用面积不超过3平方米”", ""},
		{"art33_first_offense_list_entry_label_leaves_out_cases_it_exempts",
			`{item: L1, when: "area_m2 < 1", label: 占用面积不足1平方米}`,
			`{item: F1, when: "area_m2 <= 5", label: 占用面积不超过2平方米}`,
			[]string{"standards_wording@error@F1"}, "本案符合其所列情形“占用面积不超过2平方米”", ""},
		// The catalog's counters are in scope for an entry's label, as for
		// a grade's description: 首次被发现 counts with them.
		{"art33_list_entry_label_counts_the_history_with_the_catalog_counters",
			`{item: L1, when: "area_m2 < 1", label: 占用面积不足1平方米}`,
			`{item: F1, when: "found_before == 0 && area_m2 <= 2", label: 首次被发现，占用面积不超过2平方米的}`,
			nil, "", foundBefore},
		{"art33_list_entry_label_counts_the_history_over_another_period",
			`{item: L1, when: "area_m2 < 1", label: 占用面积不足1平方米}`,
			`{item: F1, when: "found_before == 0 && area_m2 <= 2", label: 一年内首次被发现，占用面积不超过2平方米的}`,
			[]string{"standards_wording@error@F1"}, "", foundBefore},
		// A label that restates the item's act before the situation is
		// read without it, as a grade's description is.
		{"art33_list_entry_label_restates_the_act_before_the_situation",
			`{item: L1, when: "area_m2 < 1", label: 测试事项L1，占用面积不足1平方米的}`, good, nil, "", ""},
		{"art33_list_entry_label_writes_a_number_in_another_unit",
			`{item: L1, when: "area_m2 < 1", label: 占用面积不足1立方米}`, good,
			[]string{"standards_wording@error@L1"}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := entryListsCatalog(tc.light, tc.fo)
			if tc.counts != "" {
				src = strings.Replace(src, "\nlists:\n", "\ncounts:\n"+tc.counts+"lists:\n", 1)
			}
			r, e := chkCheck(t, tc.name+".yaml", []byte(src), standards.Options{})
			var b strings.Builder
			r.WriteText(&b)
			var got []string
			for _, f := range r.Findings {
				switch f.Code {
				case standards.CodeList, standards.CodeWording, standards.CodeWordingUnread:
					got = append(got, f.Code+"@"+string(f.Severity)+"@"+f.Item)
					if tc.witnessNote == "" {
						continue
					}
					if f.Witness == nil {
						t.Fatalf("finding without a witness:\n%s", b.String())
					}
					d, err := chkDecide(t, e, f.Witness)
					if err != nil {
						t.Fatalf("witness: %v", err)
					}
					said := false
					for _, s := range d.Steps() {
						said = said || strings.Contains(s.Note, tc.witnessNote)
					}
					if !said {
						t.Errorf("the witness's trace does not say %q:\n%s", tc.witnessNote, d.Text())
					}
				}
			}
			sort.Strings(got)
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("findings %v, want %v:\n%s", got, tc.want, b.String())
			}
		})
	}
}

// TestCheckListEntryExemptsNobodyWording: an entry whose situation no case
// the benchmark's rule exempts is in (《行政处罚法》第三十三条第一款 still
// has to hold) is reported in plain written Chinese: the entry makes no
// case exempt.
func TestCheckListEntryExemptsNobodyWording(t *testing.T) {
	src := entryListsCatalog(`{item: L1, when: 'harm == "minor"', label: 危害后果轻微}`,
		`{item: F1, when: "area_m2 <= 2", label: 占用面积不超过2平方米}`)
	r, _ := chkCheck(t, "art33_list_entry_exempts_nobody.yaml", []byte(src), standards.Options{})
	var b strings.Builder
	r.WriteText(&b)
	found := false
	for _, f := range r.Findings {
		if f.Code != standards.CodeList || f.Item != "L1" {
			continue
		}
		found = true
		if !strings.Contains(f.Message, "该条目不会使任何案件不予处罚") || strings.Contains(f.Message, "对谁都") {
			t.Errorf("message %q, want it to end 该条目不会使任何案件不予处罚", f.Message)
		}
	}
	if !found {
		t.Fatalf("no standards_list finding for L1:\n%s", b.String())
	}
}
