package standards_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/standards"
)

// TestCheckLighterEffect: 《行政处罚法》第三十条 "已满十四周岁不满十八周岁的未成年人
// 有违法行为的，应当从轻或者减轻行政处罚" and 第三十二条 "应当从轻或者减轻" oblige the
// agency, so a party with such a ground never gets the range the same facts
// get without it. Where the grade leaves the tier scheme nothing lower and
// the ground is applied as 从轻, the check reports the grade with a pair of
// cases, with and without the ground, that the engine decides alike.
func TestCheckLighterEffect(t *testing.T) {
	const factor = `
factors:
  - id: art32_1_eliminated_harm
    label: 主动消除或者减轻违法行为危害后果
    effect: EFFECT
    mandatory: true
    when: eliminated_harm
    citation: {instrument: 中华人民共和国行政处罚法, article: 32, item: 1}
`
	tests := []struct {
		name     string
		policies string // policies block, if any
		factor   string // effect of the art. 32 factor, if declared
		item     string
		want     []string // grades reported, in order
		ground   string   // "minor" or the factor's id, for each finding
	}{
		{name: "art30_minor_range_not_lower_fixed_fine",
			policies: "rounding: {unit: 50}\n",
			item: `    sanctions:
      - {type: fine, mandatory: true, amount: {min: 50, max: 50}}
    benchmark:
      grades:
        - {id: a, label: 全部, when: "true", fine: {tier: general}}
`, want: []string{"a"}, ground: "minor"},
		{name: "art30_minor_range_not_lower_single_amount_at_the_minimum",
			policies: "rounding: {unit: 100}\n",
			item: `    facts:
      n: {type: int, label: 数量, min: 0, max: 100, required: true, aggravates: higher}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 100, max: 1000}}
    benchmark:
      grades:
        - {id: a, label: 少, tier: lighter, when: "n < 10", fine: {min: 100, max: 100}}
        - {id: b, label: 多, when: "n >= 10", fine: {min: 100, max: 1000, min_exclusive: true}}
`, want: []string{"a"}, ground: "minor"},
		{name: "art30_minor_range_lower_with_mitigation",
			policies: "policies:\n  minors: mitigate\n",
			item: `    sanctions:
      - {type: fine, mandatory: true, amount: {min: 50, max: 50}}
    benchmark:
      grades:
        - {id: a, label: 全部, when: "true", fine: {tier: general}}
`},
		// Where 从轻 leaves nothing lower, the engine applies the ground as
		// 减轻 (1 to 49 yuan): the ground has its effect.
		{name: "art30_minor_range_lower_by_mitigation_when_lighter_has_no_room",
			item: `    sanctions:
      - {type: fine, mandatory: true, amount: {min: 50, max: 50}}
    benchmark:
      grades:
        - {id: a, label: 全部, when: "true", fine: {tier: general}}
`},
		{name: "art30_minor_range_lower_in_a_range_with_room",
			item: `    facts:
      n: {type: int, label: 数量, min: 0, max: 100, required: true, aggravates: higher}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 100, max: 1000}}
    benchmark:
      grades:
        - {id: a, label: 少, tier: lighter, when: "n < 10", fine: {min: 100, max: 300}}
        - {id: b, label: 多, when: "n >= 10", fine: {min: 300, max: 1000, min_exclusive: true}}
`},
		{name: "art32_ground_range_not_lower",
			policies: "rounding: {unit: 50}\npolicies:\n  minors: mitigate\n",
			factor:   "lighter",
			item: `    sanctions:
      - {type: fine, mandatory: true, amount: {min: 50, max: 50}}
    benchmark:
      grades:
        - {id: a, label: 全部, when: "true", fine: {tier: general}}
`, want: []string{"a"}, ground: "art32_1_eliminated_harm"},
		{name: "art32_ground_range_lower_with_mitigation",
			policies: "policies:\n  minors: mitigate\n",
			factor:   "mitigate",
			item: `    sanctions:
      - {type: fine, mandatory: true, amount: {min: 50, max: 50}}
    benchmark:
      grades:
        - {id: a, label: 全部, when: "true", fine: {tier: general}}
`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := chkCatalog(tc.item)
			src = strings.Replace(src, "  corrected_in_time: {type: bool, label: 及时改正, required: true}\n",
				"  corrected_in_time: {type: bool, label: 及时改正, required: true}\n  eliminated_harm: {type: bool, label: 主动消除或者减轻违法行为危害后果, default: false}\n", 1)
			if tc.factor != "" {
				src = strings.Replace(src, "items:\n", strings.TrimPrefix(strings.Replace(factor, "EFFECT", tc.factor, 1), "\n")+"items:\n", 1)
			}
			src = strings.Replace(src, "tier_scheme: midpoint\n", "tier_scheme: midpoint\n"+tc.policies, 1)
			r, eng := chkCheck(t, tc.name+".yaml", []byte(src), standards.Options{})
			var b strings.Builder
			r.WriteText(&b)
			var got []standards.Finding
			for _, f := range r.Findings {
				if f.Code == standards.CodeLighterEffect {
					got = append(got, f)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("%d findings, want %d:\n%s", len(got), len(tc.want), b.String())
			}
			for i, f := range got {
				if f.Severity != standards.SeverityError || !strings.Contains(f.Message, "档次 "+tc.want[i]+"（") {
					t.Errorf("finding %s: %s, want an error on grade %s", f.Severity, f.Message, tc.want[i])
				}
				if f.Witness == nil || f.Contrast == nil {
					t.Fatalf("no witness pair:\n%s", b.String())
				}
				with, werr := chkDecide(t, eng, f.Witness)
				without, oerr := chkDecide(t, eng, f.Contrast)
				if werr != nil || oerr != nil || with.Fine == nil || without.Fine == nil {
					t.Fatalf("pair decided %v %v / %v %v", with, werr, without, oerr)
				}
				if !with.Fine.Min.Equal(without.Fine.Min) || !with.Fine.Max.Equal(without.Fine.Max) || with.Grade != tc.want[i] || without.Grade != tc.want[i] {
					t.Errorf("pair decided %s %v and %s %v, want the same fine at grade %s", with.Grade, with.Fine, without.Grade, without.Fine, tc.want[i])
				}
				if with.Outcome == discretion.NoPenalty {
					t.Errorf("witness exempted, want a fine")
				}
				switch tc.ground {
				case "minor":
					if f.Witness.Party.BirthDate == f.Contrast.Party.BirthDate || f.Contrast.Party.BirthDate == "" {
						t.Errorf("the pair differs in more or less than age: %+v / %+v", f.Witness.Party, f.Contrast.Party)
					}
					if f.Witness.Party.BirthDate <= "2009" {
						t.Errorf("witness born %s, want a minor at the act %s", f.Witness.Party.BirthDate, f.Witness.ActDate)
					}
				default:
					if f.Witness.Facts["eliminated_harm"] != true || f.Contrast.Facts["eliminated_harm"] != false {
						t.Errorf("pair eliminated_harm %v / %v, want true / false", f.Witness.Facts["eliminated_harm"], f.Contrast.Facts["eliminated_harm"])
					}
				}
			}
		})
	}
}
