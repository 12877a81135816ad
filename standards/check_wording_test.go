package standards_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
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
			if f.Code != tc.code || !strings.Contains(f.Message, "档次 "+tc.grade+"（") || !strings.Contains(f.Localize("en").Message, tc.says) {
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
		if f.Code == standards.CodeWording && f.Item == "330199ZF001" && strings.Contains(f.Message, "档次 general（") {
			found = &r.Findings[i]
		}
	}
	if found == nil {
		t.Fatalf("the ZF001 情节一般 wording is not reported")
	}
	if got, want := fmt.Sprintf("%s:%d:%d", found.Pos.File, found.Pos.Line, found.Pos.Col), file+":290:24"; got != want {
		t.Errorf("position %s, want %s (the description)", got, want)
	}
	if !strings.Contains(found.Message, "表述用“或者”连接各条件，而规则要求同时满足") || !strings.Contains(found.Localize("en").Message, "或者 where the rule requires them all") {
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

// A negated boolean fact reads as Chinese: 未 only before a verb that
// takes it, the opposite word where the label starts with one, and
// 不具有…的情形 for anything else — never 未 glued to a noun or a clause.
func TestNegatedBoolReadsAsChinese(t *testing.T) {
	for _, tc := range []struct{ label, want string }{
		{"及时改正", "未及时改正"},
		{"造成燃气泄漏", "未造成燃气泄漏"},
		{"有许可证", "没有许可证"},
		{"属于重点区域", "不属于重点区域"},
		{"初次违法", "非初次违法"},
		{"未及时清运", "已及时清运"},
		{"没有主观过错", "有主观过错"},
		{"重点区域", "不具有重点区域的情形"},
		{"拒不改正", "不具有拒不改正的情形"},
		{"经责令改正，拒不改正", "不具有经责令改正，拒不改正的情形"},
		{"阻碍、抗拒执法人员依法执行职务", "不具有阻碍、抗拒执法人员依法执行职务的情形"},
		{"当事人为未成年人", "不具有当事人为未成年人的情形"},
	} {
		if got := standards.NegateLabel(tc.label); got != tc.want {
			t.Errorf("negate %q = %q, want %q", tc.label, got, tc.want)
		}
	}
}

// benchmarkRows builds the 裁量基准表 of the wording test catalog and
// returns each grade row's 裁量阶次, 适用条件 and 备注 cells.
func benchmarkRows(t *testing.T, src string) [][3]string {
	t.Helper()
	cat := loadSrc(t, src)
	tb, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListBenchmark}, Wording: standards.WordingRendered})
	if err != nil {
		t.Fatal(err)
	}
	var out [][3]string
	for _, row := range tb.Sections[0].Rows {
		out = append(out, [3]string{row[5].Text, row[6].Text, row[8].Text})
	}
	return out
}

func TestTableRows(t *testing.T) {
	src := strings.NewReplacer("{light}", "", "{general}", "", "{serious}", "").Replace(wordingCatalog)
	src = strings.Replace(src, "          label: 情节一般\n", "          label: 情节一般\n          note: 占用盲道的，按本阶次上限处罚\n", 1)
	rows := benchmarkRows(t, src)
	t.Run("catch_all_row_reads_other_cases", func(t *testing.T) {
		if got := rows[2][1]; got != "其他情形" {
			t.Errorf("catch-all row reads %q, want 其他情形", got)
		}
	})
	t.Run("first_match_row_states_what_earlier_rows_exclude", func(t *testing.T) {
		if got, want := rows[1][1], "占用面积不足50平方米且占用时间不超过15日\n"+standards.FirstMatchNote; got != want {
			t.Errorf("row 2 reads %q, want %q", got, want)
		}
		if strings.Contains(rows[0][1], standards.FirstMatchNote) {
			t.Errorf("the first row states the first-match rule: %q", rows[0][1])
		}
	})
	t.Run("no_tier_tag_where_the_standard_has_none", func(t *testing.T) {
		if got := rows[1][0]; got != "情节一般" {
			t.Errorf("grade without a tier reads %q, want 情节一般", got)
		}
		if got := rows[0][0]; got != "情节较轻\n（从轻）" {
			t.Errorf("grade with tier lighter reads %q", got)
		}
	})
	t.Run("grade_note_on_its_row", func(t *testing.T) {
		if got := rows[1][2]; got != "占用盲道的，按本阶次上限处罚" {
			t.Errorf("row 2 备注 %q", got)
		}
		if strings.Contains(rows[2][2], "盲道") {
			t.Errorf("the note stands on another row too: %q", rows[2][2])
		}
	})
}

func loadSrc(t *testing.T, src string) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.Load("wording.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// The 轻微违法行为不予处罚清单 prints a light violation's label as its
// 适用条件: the label must state the rule's condition.
func TestLightViolationWording(t *testing.T) {
	base := strings.NewReplacer("{light}", "", "{general}", "", "{serious}", "").Replace(wordingCatalog)
	for _, tc := range []struct {
		name, label, says string
	}{
		{"light_violation_wording_states_the_rule", "占用面积不足5平方米，没有造成危害后果", ""},
		{"light_violation_wording_leaves_out_a_condition", "占用面积不足5平方米", "lists as a light violation cases such as"},
		{"light_violation_wording_threshold_differs", "占用面积不足3平方米，没有造成危害后果", "leaves out cases such as"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(base, "          fine: {min: 10000, max: 20000, min_exclusive: true}\n",
				"          fine: {min: 10000, max: 20000, min_exclusive: true}\n      light_violation:\n        when: 'area_m2 < 5 && harm == \"none\"'\n        label: "+tc.label+"\n", 1)
			r, _ := chkCheck(t, "wording.yaml", []byte(src), standards.Options{})
			fs := wordingFindings(r)
			if tc.says == "" {
				for _, f := range fs {
					t.Errorf("unexpected: %s", f.Message)
				}
				return
			}
			if len(fs) != 1 || fs[0].Code != standards.CodeWording || !strings.Contains(fs[0].Message, tc.says) || fs[0].Witness == nil {
				t.Fatalf("want one %s saying %q with a witness, got %v", standards.CodeWording, tc.says, fs)
			}
			before, _, _ := strings.Cut(src, "label: "+tc.label)
			line := strings.Count(before, "\n") + 1
			col := len([]rune(before[strings.LastIndex(before, "\n")+1:])) + len("label: ") + 1
			if fs[0].Pos.Line != line || fs[0].Pos.Col != col {
				t.Errorf("position %d:%d, want %d:%d (the label)", fs[0].Pos.Line, fs[0].Pos.Col, line, col)
			}
		})
	}
}

// A grade's note is published, so a revision that changes it is a change.
func TestDiffGradeNote(t *testing.T) {
	base := strings.NewReplacer("{light}", "", "{general}", "", "{serious}", "").Replace(wordingCatalog)
	noted := strings.Replace(base, "          label: 情节一般\n", "          label: 情节一般\n          note: 占用盲道的，按本阶次上限处罚\n", 1)
	r, err := standards.Diff(loadSrc(t, base), loadSrc(t, noted))
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range r.Changes {
		if c.Field == "备注" && c.New == "占用盲道的，按本阶次上限处罚" && c.Key == "item:T001/version:v1/grade:general" {
			found = true
		}
	}
	if !found {
		t.Errorf("the note's change is not listed: %+v", r.Changes)
	}
}

// wordingCountsCatalog grades by a counter of prior decisions; {second}
// and {third} are replaced by each case's wording and rules.
const wordingCountsCatalog = `id: wording-counts-test
title: 措辞核对测试（违法次数）
issuer: 测试机关
effective: 2026-01-01
tier_scheme: midpoint
counts:
  - {name: investigated, label: 此前因本违法行为被查处的次数, window: none, outcomes: any}
  - {name: penalized_2y, label: 两年内因同一违法行为受过行政处罚的次数, window: 2y}
items:
  - code: "T002"
    name: 擅自从事经营
    basis:
      violated: {instrument: 测试条例, article: 12}
      penalty: {instrument: 测试条例, article: 30, text: 处1000元以上10000元以下的罚款}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 1000, max: 10000}}
    benchmark:
      grades:
        - {id: first, label: 轻微, when: "investigated == 0", description: 初次被查处的, fine: {min: 1000, max: 1000}}
        - {id: second, label: 一般, when: "{second_rule}", description: "{second}", fine: {min: 2000, max: 4000}}
        - {id: third, label: 较重, when: "{third_rule}", description: "{third}", fine: {min: 5000, max: 10000}}
`

func TestWordingCountsAgainstRule(t *testing.T) {
	for _, tc := range []struct {
		name                    string
		second, secondRule      string
		third, thirdRule        string
		grade, code, says, want string
	}{
		{name: "ordinal_second_time_is_one_prior",
			second: "第二次被查处的", secondRule: "investigated == 1", third: "三次以上被查处的", thirdRule: "investigated >= 2"},
		{name: "ordinal_third_time_or_more_states_two_priors",
			second: "第二次被查处的", secondRule: "investigated == 1", third: "第三次以上被查处的", thirdRule: "investigated >= 2"},
		{name: "prior_count_with_past_marker",
			second: "此前被查处过1次的", secondRule: "investigated == 1", third: "此前已被查处2次以上的", thirdRule: "investigated >= 2"},
		{name: "off_by_one_second_time_over_two_priors",
			second: "第二次被查处的", secondRule: "investigated == 2", third: "三次以上被查处的", thirdRule: "investigated >= 3",
			grade: "second", code: standards.CodeWording, says: "counts this case among the times", want: "investigated=1"},
		{name: "window_differs_from_counter",
			second: "一年内第二次被查处的", secondRule: "investigated == 1", third: "三次以上被查处的", thirdRule: "investigated >= 2",
			grade: "second", code: standards.CodeWording, says: "another period", want: "不限回溯期间"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.NewReplacer("{second}", tc.second, "{second_rule}", tc.secondRule, "{third}", tc.third, "{third_rule}", tc.thirdRule).Replace(wordingCountsCatalog)
			r, _ := chkCheck(t, "wording-counts.yaml", []byte(src), standards.Options{})
			fs := wordingFindings(r)
			if tc.grade == "" {
				for _, f := range fs {
					t.Errorf("unexpected: %s: %s", f.Code, f.Localize("en").Message)
				}
				return
			}
			if len(fs) == 0 {
				t.Fatalf("want a finding on grade %s, got none", tc.grade)
			}
			f := fs[0]
			en := f.Localize("en").Message
			if f.Code != tc.code || !strings.Contains(f.Message, "档次 "+tc.grade+"（") || !strings.Contains(en, tc.says) || !strings.Contains(en, tc.want) {
				t.Errorf("got %s: %s\nwant %s on grade %s saying %q and %q", f.Code, en, tc.code, tc.grade, tc.says, tc.want)
			}
		})
	}
}
