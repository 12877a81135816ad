package discretion_test

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// 《行政处罚法》第六十三条第一款第（二）项: "没收较大数额违法所得、没收较大价值非法
// 财物" gives the party a hearing right. The threshold is local
// (thresholds.confiscation_hearing); the case states what is confiscated
// (confiscated.gains, confiscated.property_value).
const confiscationCatalog = `id: test-confiscation
title: 没收听证测试目录
issuer: 测试机关
effective: 2020-01-01
tier_scheme: midpoint
thresholds:
  confiscation_hearing:
    individual: {amount: 10000, inclusive: true}
    organization: {amount: 100000, inclusive: false}
    citation: {instrument: 测试省行政处罚听证程序规定, article: 3, text: 没收违法所得或者非法财物价值，公民一万元以上、法人或者其他组织超过十万元的，属于较大数额}
procedure:
  legal_review: {when: hearing, citation: {instrument: 中华人民共和国行政处罚法, article: 58}}
items:
  - code: G1
    name: 没收违法所得并处罚款
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2}
    sanctions:
      - {type: confiscate_gains, mandatory: true}
      - {type: fine, mandatory: true, amount: {min: 100, max: 1000}}
    benchmark:
      grades:
        - {id: only, label: 一般, when: "true", fine: {min: 100, max: 1000}}
  - code: P1
    name: 没收非法财物
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 3}
    sanctions:
      - {type: confiscate_property, mandatory: true}
      - {type: warning, mandatory: true}
    benchmark:
      grades:
        - {id: only, label: 一般, when: "true"}
`

func confiscated(gains, property string) *discretion.Confiscated {
	return &discretion.Confiscated{Gains: jsonNumber(gains), PropertyValue: jsonNumber(property)}
}

func TestArt63_2(t *testing.T) {
	e := engineYAML(t, "confiscation.yaml", confiscationCatalog)
	tests := []struct {
		name        string
		item        string
		org         bool
		confiscated *discretion.Confiscated
		hearing     bool
		flagged     bool
		note        string
	}{
		{"art63_2_large_confiscation_requires_hearing", "G1", false, confiscated("20000", ""), true, false, "没收违法所得20000元，较大数额标准为达到10000元：应当告知听证权利"},
		{"art63_2_confiscation_at_an_inclusive_threshold", "G1", false, confiscated("10000", ""), true, false, "应当告知听证权利"},
		{"art63_2_confiscation_below_threshold", "G1", false, confiscated("9999.99", ""), false, false, "未达较大数额"},
		{"art63_2_confiscation_at_an_exclusive_threshold", "G1", true, confiscated("100000", ""), false, false, "较大数额标准为超过100000元：未达较大数额"},
		{"art63_2_large_value_of_property_requires_hearing", "P1", false, confiscated("", "15000"), true, false, "没收非法财物价值15000元，较大价值标准为达到10000元：应当告知听证权利"},
		{"art63_2_gains_stated_do_not_value_property", "P1", false, confiscated("50000", ""), false, true, "案件未载明没收非法财物的价值"},
		{"art63_2_unknown_confiscation_value_is_flagged", "G1", false, nil, false, true, "案件未载明没收违法所得的数额"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newCase(tt.item, nil)
			if tt.org {
				c = orgCase(tt.item, nil)
			}
			c.Confiscated = tt.confiscated
			d := decide(t, e, c)
			if d.Procedure.Hearing != tt.hearing {
				t.Errorf("hearing = %v, want %v\n%s", d.Procedure.Hearing, tt.hearing, d.Text())
			}
			if d.Procedure.LegalReview != tt.hearing {
				t.Errorf("legal_review (when: hearing) = %v, want %v", d.Procedure.LegalReview, tt.hearing)
			}
			if got := slices.Contains(d.Flags, discretion.FlagConfiscationValueUnknown); got != tt.flagged {
				t.Errorf("flags %v, want %s: %v", d.Flags, discretion.FlagConfiscationValueUnknown, tt.flagged)
			}
			s := step(t, d, "procedure", "art63.confiscation")
			if !strings.Contains(s.Note, tt.note) || !strings.Contains(s.Citation, "第六十三条") || !strings.Contains(s.Citation, "测试省行政处罚听证程序规定") {
				t.Errorf("step %+v; want a note containing %q citing art. 63 and the local rule", s, tt.note)
			}
			if tt.flagged && !strings.Contains(d.Text(), "需人工判断是否应当告知听证权利") {
				t.Errorf("the text does not explain the flag:\n%s", d.Text())
			}
		})
	}
}

func TestArt63_2_without_threshold_is_noted_not_flagged(t *testing.T) {
	src := confiscationCatalog[:strings.Index(confiscationCatalog, "thresholds:")] + confiscationCatalog[strings.Index(confiscationCatalog, "procedure:"):]
	e := engineYAML(t, "confiscation.yaml", src)
	d := decide(t, e, newCase("G1", nil))
	if d.Procedure.Hearing || slices.Contains(d.Flags, discretion.FlagConfiscationValueUnknown) {
		t.Errorf("hearing %v, flags %v; want neither", d.Procedure.Hearing, d.Flags)
	}
	if s := step(t, d, "procedure", "art63.confiscation"); !strings.Contains(s.Note, "本目录未设定") {
		t.Errorf("note %q", s.Note)
	}
}

func TestArt63_2_threshold_per_party_type(t *testing.T) {
	src := strings.Replace(confiscationCatalog, "    organization: {amount: 100000, inclusive: false}\n", "", 1)
	e := engineYAML(t, "confiscation.yaml", src)
	c := orgCase("G1", nil)
	c.Confiscated = confiscated("500000", "")
	d := decide(t, e, c)
	if d.Procedure.Hearing || slices.Contains(d.Flags, discretion.FlagConfiscationValueUnknown) {
		t.Errorf("hearing %v, flags %v: no threshold for organizations", d.Procedure.Hearing, d.Flags)
	}
	if s := step(t, d, "procedure", "art63.confiscation"); !strings.Contains(s.Note, "未设定对单位") {
		t.Errorf("note %q", s.Note)
	}
}

func TestArt63_2_case_states_confiscated_amounts(t *testing.T) {
	c, err := discretion.ParseCase(strings.NewReader(`{"item": "G1", "party": {"type": "organization"},
		"act_date": "2024-03-01", "discovery_date": "2024-03-02", "decision_date": "2024-03-10",
		"facts": {}, "confiscated": {"gains": 150000.50, "property_value": "0"}}`))
	if err != nil {
		t.Fatal(err)
	}
	e := engineYAML(t, "confiscation.yaml", confiscationCatalog)
	d := decide(t, e, c)
	if !d.Procedure.Hearing {
		t.Errorf("confiscating 150000.50 yuan from an organization: no hearing\n%s", d.Text())
	}
	bad := newCase("G1", nil)
	bad.Confiscated = confiscated("-5", "12x")
	ce := caseError(t, e, bad)
	problem(t, ce, "confiscated.gains", "负数")
	problem(t, ce, "confiscated.property_value", `"12x"`, "只写数字")
}

// The hearing right that the fine or the sanction type already gives is not
// judged again by the confiscation.
func TestArt63_2_not_judged_when_hearing_follows_already(t *testing.T) {
	src := strings.Replace(confiscationCatalog, "thresholds:\n", "thresholds:\n  hearing:\n    individual: {amount: 500, inclusive: true}\n    citation: {instrument: 测试省行政处罚听证程序规定, article: 2}\n", 1)
	e := engineYAML(t, "confiscation.yaml", src)
	d := decide(t, e, newCase("G1", nil))
	if !d.Procedure.Hearing || slices.Contains(d.Flags, discretion.FlagConfiscationValueUnknown) || len(steps(d, "procedure", "art63.confiscation")) > 0 {
		t.Errorf("hearing %v, flags %v\n%s", d.Procedure.Hearing, d.Flags, d.Text())
	}
}

func jsonNumber(s string) json.Number { return json.Number(s) }
