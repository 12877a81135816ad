package casetest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
)

// starter is the starter example catalog, seen from testdata/.
const starter = "catalog: ../../examples/starter/catalog.yaml\n"

// roadGeneral is a starter case (330217ZH001, 30 m², 10 days) that falls
// in the grade general, 2001–8000 yuan.
const roadGeneral = `{item: "330217ZH001", party: {type: individual, birth_date: 1985-06-01},
      act_date: 2026-03-02, discovery_date: 2026-03-05, decision_date: 2026-03-20,
      facts: {area_m2: 30, days: 10, harm: minor, corrected_in_time: false}}`

type wantDiag struct {
	code      string
	line, col int
	contains  string
}

func checkDiags(t *testing.T, err error, want []wantDiag) {
	t.Helper()
	ds, ok := catalog.AsDiagnostics(err)
	if !ok {
		t.Fatalf("want %d diagnostics, got %v", len(want), err)
	}
	if len(ds) != len(want) {
		t.Errorf("got %d diagnostics, want %d:\n%v", len(ds), len(want), err)
	}
	for i, w := range want {
		if i >= len(ds) {
			break
		}
		d := ds[i]
		if d.Code != w.code || d.Pos.Line != w.line || d.Pos.Col != w.col || !strings.Contains(d.Error(), w.contains) {
			t.Errorf("diagnostic %d: got %s %q at %d:%d, want %s containing %q at %d:%d",
				i, d.Code, d.Error(), d.Pos.Line, d.Pos.Col, w.code, w.contains, w.line, w.col)
		}
	}
}

func TestLoadReportsEveryProblemAtItsPlace(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []wantDiag
	}{
		{"one_defect_of_each_kind_at_once",
			starter + "tests:\n" +
				"  a:\n" +
				"    case: missing.json\n" + // 4
				"    outcom: general\n" + // 5
				"  b:\n" +
				"    case: " + roadGeneral + "\n" + // 7–9
				"    outcome: severe\n" + // 10
				"    fine: {min: 20元, max: 30}\n" + // 11
				"    procedure: {hearing: yes}\n" + // 12
				"  b:\n" + // 13
				"    case: x.json\n",
			[]wantDiag{
				{CodeMissing, 3, 3, "缺少 outcome"},
				{CodeCase, 4, 11, "案件文件 missing.json 不存在"},
				{CodeUnknownField, 5, 5, `是否应为 "outcome"`},
				{CodeValue, 10, 14, "不是处理结果"},
				{CodeValue, 11, 17, "请写阿拉伯数字"},
				{CodeType, 12, 26, "应当是 true 或 false"},
				{CodeDuplicateKey, 13, 3, "重复（第一次在第6行）"},
			}},
		{"reason_only_for_no_penalty",
			starter + "tests:\n  a:\n    case: " + roadGeneral + "\n    outcome: general\n    reason: first_offense\n",
			[]wantDiag{{CodeValue, 8, 13, "只有 outcome: no_penalty"}}},
		{"inline_case_problem_at_its_field",
			starter + "tests:\n  a:\n    case: {party: {type: individual, birth_date: [1]}, act_date: 2026-03-02,\n      discovery_date: 2026-03-05, decision_date: 2026-03-20, facts: {}}\n    outcome: general\n",
			[]wantDiag{{CodeCase, 4, 50, "party.birth_date"}}},
		{"unquoted_bang_is_a_yaml_tag",
			starter + "tests:\n  a:\n    case:\n      party:\n        type: !individual\n    outcome: general\n",
			[]wantDiag{{CodeCase, 6, 15, "以“!”开头的值必须加引号"}}},
		{"anchors_are_refused",
			starter + "tests:\n  a: &x\n    case: a.json\n    outcome: general\n",
			[]wantDiag{{CodeSyntax, 3, 6, "锚点和别名"}}},
		{"unclosed_flow_mapping_at_its_line",
			starter + "tests:\n  a:\n    case: a.json\n    fine: {min: 1, max: 2\n    outcome: general\n",
			[]wantDiag{{CodeSyntax, 5, 5, "缺少半角逗号"}}},
		{"invalid_utf8_at_its_line_and_column",
			"tests:\n  a:\n    why: \"ab\xff\"\n",
			[]wantDiag{{CodeSyntax, 3, 13, "UTF-8"}}},
		{"fullwidth_colon_named",
			starter + "tests:\n  a:\n    case: a.json\n    outcome：general\n",
			[]wantDiag{{CodeSyntax, 5, 12, "全角字符“：”"}}},
		{"fullwidth_comma_named",
			starter + "tests:\n  a:\n    case: a.json\n    outcome: general\n    fine: {min: 1， max: 2}\n",
			[]wantDiag{{CodeSyntax, 6, 18, "全角字符“，”"}}},
		{"tab_indentation_named",
			starter + "tests:\n  a:\n\tcase: a.json\n",
			[]wantDiag{{CodeSyntax, 4, 1, "制表符"}}},
		{"unclosed_quote_named_at_its_line",
			starter + "tests:\n  a:\n    case: a.json\n    why: \"计算\n    outcome: general\n  b:\n    case: b.json\n    why: \"x\"\n    outcome: general\n",
			[]wantDiag{{CodeSyntax, 5, 10, "这个双引号没有闭合"}}},
		{"quote_inside_single_quotes_is_no_cause",
			starter + "tests:\n  a:\n    case: a.json\n    why: '他说\"好'\n    outcome：general\n",
			[]wantDiag{{CodeSyntax, 6, 12, "全角字符“：”"}}},
		{"nul_byte_at_its_line_and_column",
			"tests:\n  a:\n    why: ab\x00\n",
			[]wantDiag{{CodeSyntax, 3, 12, "U+0000"}}},
		{"second_document_refused",
			starter + "tests:\n  a:\n    case: a.json\n---\ntests: {}\n",
			[]wantDiag{{CodeSyntax, 5, 1, "第二个"}}},
		{"empty_file", "", []wantDiag{{CodeSyntax, 1, 1, "空的"}}},
		{"no_tests", starter, []wantDiag{{CodeMissing, 1, 1, "缺少 tests"}}},
		{"fine_needs_both_bounds",
			starter + "tests:\n  a:\n    case: " + roadGeneral + "\n    outcome: general\n    fine: {min: 1}\n",
			[]wantDiag{{CodeMissing, 8, 11, "min 和 max"}}},
		{"unknown_sanction",
			starter + "tests:\n  a:\n    case: " + roadGeneral + "\n    outcome: general\n    sanctions: [fine, jail]\n",
			[]wantDiag{{CodeValue, 8, 23, "不是处罚种类"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load("testdata/inline_test.yaml", []byte(tt.src))
			checkDiags(t, err, tt.want)
		})
	}
}

func loadInline(t *testing.T, src string) *File {
	t.Helper()
	f, err := Load("testdata/inline_test.yaml", []byte(src))
	if err != nil {
		t.Fatalf("load:\n%v", err)
	}
	return f
}

// A decision that differs from the expectation fails with every
// difference named in Chinese, at the expectation's line.
func TestRunNamesEveryDifference(t *testing.T) {
	f := loadInline(t, starter+`tests:
  art42_general_row_misread:
    case: `+roadGeneral+`
    outcome: lighter
    grade: light
    fine: {min: 2000, max: 8000}
    sanctions: [warning, fine]
    procedure: {hearing: true, legal_review: false}
    flags: [first_offense_eligible]
    why: 30平方米应为情节一般
`)
	rep, err := Run(context.Background(), []*File{f})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed != 1 || rep.Passed != 0 {
		t.Fatalf("passed %d, failed %d; want one failure", rep.Passed, rep.Failed)
	}
	res := rep.Results[0]
	want := map[string]string{
		"outcome":           "处理结果：实际为一般处罚（general），预期为从轻处罚（lighter）",
		"grade":             "裁量阶次：实际为 general",
		"fine":              "罚款：实际为2001至8000元，预期为2000至8000元",
		"sanctions":         "处罚种类：实际为罚款，预期为警告、罚款",
		"procedure.hearing": "告知听证：实际为不需要，预期为需要",
		"flags":             "提示：实际为[]，预期为[first_offense_eligible]",
	}
	got := map[string]Difference{}
	for _, d := range res.Differences {
		got[d.Field] = d
	}
	for field, msg := range want {
		d, ok := got[field]
		if !ok {
			t.Errorf("no difference reported for %s", field)
			continue
		}
		if !strings.Contains(d.Message, msg) {
			t.Errorf("%s: %q, want it to contain %q", field, d.Message, msg)
		}
		if !d.Pos.IsValid() {
			t.Errorf("%s: the difference has no position", field)
		}
	}
	if len(res.Differences) != len(want) {
		t.Errorf("%d differences, want %d: %+v", len(res.Differences), len(want), res.Differences)
	}
	var text bytes.Buffer
	rep.WriteText(&text, false, false)
	for _, s := range []string{"失败  testdata/inline_test.yaml:3:3  art42_general_row_misread", "预期的理由：30平方米应为情节一般", "1 个测试中 1 个失败"} {
		if !strings.Contains(text.String(), s) {
			t.Errorf("text report lacks %q:\n%s", s, text.String())
		}
	}
}

// A test passes when every stated field matches, and unstated fields are
// not compared; coverage counts what it reached.
func TestRunPassesAndCountsCoverage(t *testing.T) {
	f := loadInline(t, starter+`tests:
  art42_general_row:
    case: ../../examples/starter/cases/road_general.json
    outcome: general
    grade: general
    fine: {min: "2001", max: "8000"}
    procedure: {hearing: false}
    flags: []
`)
	rep, err := Run(context.Background(), []*File{f})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Passed != 1 || rep.Failed != 0 {
		t.Fatalf("passed %d, failed %d: %+v", rep.Passed, rep.Failed, rep.Results[0])
	}
	if len(rep.Coverage) != 1 {
		t.Fatalf("%d coverage reports, want 1", len(rep.Coverage))
	}
	cv := rep.Coverage[0]
	var road *ItemCoverage
	for _, ic := range cv.Items {
		if ic.Code == "330217ZH001" {
			road = ic
		} else if ic.Code != "" && ic.Reached != 0 {
			t.Errorf("item %s reached %d rules; no test decides it", ic.Code, ic.Reached)
		}
	}
	hits := map[string]int{}
	for _, r := range road.Rules {
		hits[r.Kind+":"+r.ID] = r.Hits
	}
	for key, want := range map[string]int{"grade:general": 1, "grade:minor": 0, "amount:amount": 1, "exemption:light_violation": 0} {
		if got, ok := hits[key]; !ok || got != want {
			t.Errorf("%s: %d hits (present %v), want %d", key, got, ok, want)
		}
	}
	if road.Reached != 2 || road.Percent != float64(int(2000/float64(road.Total)))/10 {
		t.Errorf("330217ZH001: reached %d of %d (%.1f%%), want 2", road.Reached, road.Total, road.Percent)
	}
	var text bytes.Buffer
	rep.WriteText(&text, true, true)
	for _, s := range []string{"通过  testdata/inline_test.yaml:3:3  art42_general_row", "未覆盖 阶次：情节轻微（阶次 minor）", "全部通过：1 个测试"} {
		if !strings.Contains(text.String(), s) {
			t.Errorf("text report lacks %q:\n%s", s, text.String())
		}
	}
	var js bytes.Buffer
	if err := rep.WriteJSON(&js, true, nil); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Passed   int `json:"passed"`
		Coverage []struct {
			Reached int `json:"reached"`
		} `json:"coverage"`
	}
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || back.Passed != 1 || len(back.Coverage) != 1 || back.Coverage[0].Reached != cv.Reached {
		t.Errorf("JSON report does not read back (%v):\n%s", err, js.String())
	}
}

// The statutory amount rule that set the range is the one covered: a
// fallback taken does not cover the rule it replaces.
func TestCoverageCountsTheAmountRuleThatApplied(t *testing.T) {
	f := loadInline(t, starter+`tests:
  bus_no_gains_fallback:
    case: ../../examples/starter/cases/bus_zero_gains.json
    outcome: lighter
`)
	rep, err := Run(context.Background(), []*File{f})
	if err != nil {
		t.Fatal(err)
	}
	hits := map[string]int{}
	for _, ic := range rep.Coverage[0].Items {
		if ic.Code == "330217ZH004" {
			for _, r := range ic.Rules {
				if r.Kind == KindAmount {
					hits[r.ID] = r.Hits
				}
			}
		}
	}
	if hits["amount"] != 0 || hits["amount.fallbacks[0]"] != 1 {
		t.Errorf("amount rules hit %v; want only the fallback for no gains", hits)
	}
}

// A catalog that does not load is invalid input, and its tests do not run.
func TestRunRefusesAnInvalidCatalog(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "catalog.yaml"), []byte("id: x\ntitel: y\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "a_test.yaml")
	f, err := Load(path, []byte("tests:\n  a:\n    case: "+roadGeneral+"\n    outcome: general\n"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), []*File{f})
	if !errors.Is(err, &catalog.Diagnostic{Code: catalog.CodeUnknownField}) {
		t.Errorf("want the catalog's diagnostics, got %v", err)
	}
	if rep != nil && len(rep.Results) != 0 {
		t.Errorf("tests ran against an invalid catalog")
	}
}

// A case the engine cannot decide as stated is invalid input, at the case.
func TestRunReportsARejectedCaseAtTheCase(t *testing.T) {
	f := loadInline(t, starter+`tests:
  fact_missing:
    case: {item: "330217ZH001", party: {type: person}, act_date: 2026-03-02,
      discovery_date: 2026-03-05, decision_date: 2026-03-20, facts: {area_m2: 30}}
    outcome: general
`)
	_, err := Run(context.Background(), []*File{f})
	ds, _ := catalog.AsDiagnostics(err)
	if len(ds) == 0 {
		t.Fatalf("a case with party type person decided: %v", err)
	}
	checkDiags(t, catalog.Diagnostics{ds[0]}, []wantDiag{{CodeCase, 4, 47, "party.type"}})
}

func TestFindSkipsTestdataAndNamesEmptyDirectories(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"a_test.yaml", "sub/b_test.yaml", "testdata/c_test.yaml", ".hidden/d_test.yaml", "sub/notes.yaml"} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, nil, 0o644)
	}
	got, err := Find([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "a_test.yaml"), filepath.Join(dir, "sub/b_test.yaml")}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("found %v, want %v", got, want)
	}
	if _, err := Find([]string{filepath.Join(dir, "sub", "..", "testdata", "none"), filepath.Join(dir, ".hidden")}); err == nil {
		t.Error("a missing path and a directory without test files are not reported")
	}
}

// A catalog that is not there is named at the test file's catalog key.
func TestRunNamesAMissingCatalog(t *testing.T) {
	f := loadInline(t, "catalog: nonesuch.yaml\ntests:\n  a:\n    case: "+roadGeneral+"\n    outcome: general\n")
	_, err := Run(context.Background(), []*File{f})
	checkDiags(t, err, []wantDiag{{CodeCatalog, 1, 10, "找不到被测试的基准文件"}})
}
