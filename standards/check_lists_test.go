package standards_test

import (
	"errors"
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
