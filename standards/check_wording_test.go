package standards_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/standards"
)

// wordingCatalog is a one-item catalog whose grades carry the wording
// under test; {light}, {general} and {serious} are replaced by each case's
// descriptions.
const wordingCatalog = `id: wording-test
title: 措辞核对测试
issuer: 测试机关
effective: 2026-01-01
tier_scheme: midpoint
facts:
  harm:
    type: enum
    label: 危害后果
    values: {none: 没有造成危害后果, minor: 危害后果轻微, serious: 造成严重危害后果}
    required: true
  obstructed: {type: bool, label: 阻碍执法, default: false}
items:
  - code: "T001"
    name: 擅自占用城市道路
    basis:
      violated: {instrument: 城市道路管理条例, article: 27, item: 1}
      penalty: {instrument: 城市道路管理条例, article: 42, text: 可以处以2万元以下的罚款}
    facts:
      area_m2: {type: number, label: 占用面积, unit: 平方米, min: 0, max: 100000, required: true}
      days: {type: int, label: 占用时间, unit: 日, min: 0, max: 3650, required: true}
    sanctions:
      - {type: fine, mandatory: false, amount: {max: 20000}}
    benchmark:
      grades:
        - id: light
          label: 情节较轻
          tier: lighter
          when: 'area_m2 < 10 && days <= 3'
          description: "{light}"
          fine: {min: 0, max: 3000}
        - id: general
          label: 情节一般
          when: 'area_m2 < 50 && days <= 15'
          description: "{general}"
          fine: {min: 3000, max: 10000, min_exclusive: true}
        - id: serious
          label: 情节严重
          tier: heavier
          when: 'true'
          description: "{serious}"
          fine: {min: 10000, max: 20000, min_exclusive: true}
`

func wordingReport(t *testing.T, light, general, serious string) *standards.Report {
	t.Helper()
	src := strings.NewReplacer("{light}", light, "{general}", general, "{serious}", serious).Replace(wordingCatalog)
	r, _ := chkCheck(t, "wording.yaml", []byte(src), standards.Options{})
	return r
}

func wordingFindings(r *standards.Report) []standards.Finding {
	var out []standards.Finding
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Code, "standards_wording") {
			out = append(out, f)
		}
	}
	return out
}

func TestWordingAgainstRule(t *testing.T) {
	const (
		light   = "占用面积不足10平方米且占用时间不超过3日"
		general = "占用面积不足50平方米且占用时间不超过15日（不符合前列情形的）"
		serious = "其他情形"
	)
	for _, tc := range []struct {
		name                    string
		light, general, serious string
		grade                   string // the grade reported, "" for none
		code                    string
		says                    string // part of the message
	}{
		{name: "wording_states_the_rule", light: light, general: general, serious: serious},
		{name: "wording_same_cases_other_words", light: "占用时间3日以下，并且占用面积低于10平方米", general: general, serious: "（不符合前列情形的）"},
		{name: "wording_or_where_rule_says_and", light: light, general: "占用面积不足50平方米，或者占用时间不超过15日（不符合前列情形的）", serious: serious,
			grade: "general", code: standards.CodeWording, says: "或者 where the rule requires them all"},
		{name: "wording_inclusivity_differs", light: "占用面积10平方米以下且占用时间不超过3日", general: general, serious: serious,
			grade: "light", code: standards.CodeWording, says: "includes (以下/不超过) 10平方米 (占用面积) where the rule excludes it"},
		{name: "wording_threshold_differs", light: light, general: "占用面积不足40平方米且占用时间不超过15日（不符合前列情形的）", serious: serious,
			grade: "general", code: standards.CodeWording, says: "threshold 40平方米 for 占用面积 is not in the rule"},
		{name: "wording_unit_differs", light: "占用面积不足10平方米且占用时间不超过3个月", general: general, serious: serious,
			grade: "light", code: standards.CodeWording, says: "占用时间 is measured in 日"},
		{name: "wording_unit_converted", light: "占用面积不足0.00001平方千米且占用时间不超过3日", general: general, serious: serious},
		{name: "first_match_row_states_what_earlier_rows_exclude", light: light, general: "占用面积10平方米以上不足50平方米且占用时间不超过15日", serious: serious,
			grade: "general", code: standards.CodeWording, says: "leaves out cases"},
		{name: "wording_unreadable_is_a_warning", light: "给予警告，不予罚款", general: general, serious: serious,
			grade: "light", code: standards.CodeWordingUnread, says: `"给予警告", "不予罚款"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs := wordingFindings(wordingReport(t, tc.light, tc.general, tc.serious))
			if tc.grade == "" {
				for _, f := range fs {
					t.Errorf("unexpected: %s: %s", f.Code, f.Message)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("want one finding on grade %s, got %d: %v", tc.grade, len(fs), fs)
			}
			f := fs[0]
			if f.Code != tc.code || !strings.Contains(f.Message, "grade "+tc.grade+" ") || !strings.Contains(f.Message, tc.says) {
				t.Errorf("got %s: %s\nwant %s on grade %s saying %q", f.Code, f.Message, tc.code, tc.grade, tc.says)
			}
			if tc.code == standards.CodeWording && f.Method != standards.MethodStatic && f.Witness == nil {
				t.Errorf("no witness confirmed by the engine: %s", f.Hint)
			}
		})
	}
}

// The county catalog as it stood at 318f5b8 published for 330199ZF001
// 情节一般 "…不足50平方米，或者占用时间超过3日不超过15日" while the rule is
// area < 50 && days <= 15 && …: a case of 100 m² over 5 days reads as 情节
// 一般 and is decided 情节严重. The check reports it at the wording.
func TestWordingCounty318f5b8(t *testing.T) {
	const file = "testdata/wording/county-318f5b8.yaml"
	r, eng := chkCheckFile(t, file)
	var found *standards.Finding
	for i, f := range r.Findings {
		if f.Code == standards.CodeWording && f.Item == "330199ZF001" && strings.Contains(f.Message, "grade general ") {
			found = &r.Findings[i]
		}
	}
	if found == nil {
		t.Fatalf("the ZF001 情节一般 wording is not reported")
	}
	if got, want := fmt.Sprintf("%s:%d:%d", found.Pos.File, found.Pos.Line, found.Pos.Col), file+":290:24"; got != want {
		t.Errorf("position %s, want %s (the description)", got, want)
	}
	if !strings.Contains(found.Message, "或者 where the rule requires them all") {
		t.Errorf("message does not name the connective: %s", found.Message)
	}
	if found.Witness == nil {
		t.Fatalf("no witness: %s", found.Hint)
	}
	d, err := chkDecide(t, eng, found.Witness)
	if err != nil || d.Grade == "general" {
		t.Errorf("witness decided %v, %v; want another grade than general", d, err)
	}
	// The case of the issue: 100 m² over 5 days, no harm.
	w := *found.Witness
	w.Facts = map[string]any{}
	for k, v := range found.Witness.Facts {
		w.Facts[k] = v
	}
	w.Facts["occupy_area_m2"], w.Facts["occupy_days"], w.Facts["harm"] = 100, 5, "none"
	if d, err := chkDecide(t, eng, &w); err != nil || d.Grade != "serious" {
		t.Errorf("100 m² over 5 days: %v, %v; want serious", d, err)
	}
}

func TestWordingStarterAndCountyClean(t *testing.T) {
	for _, file := range []string{"../examples/starter/catalog.yaml", "../examples/county/catalog.yaml"} {
		r, _ := chkCheckFile(t, file)
		for _, f := range wordingFindings(r) {
			t.Errorf("%s: %s: %s", f.Pos, f.Code, f.Message)
		}
	}
}
