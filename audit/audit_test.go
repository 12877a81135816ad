package audit_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/jizhun/jizhun/audit"
	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/examples"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// handMapping reads the hand-written export of these tests: item
// 330199ZF001 (擅自占用城市道路) of the county catalog, 2万元以下: 情节较轻
// 500–3000, 情节一般 (3000, 10000], 情节严重 (10000, 20000]; 较大数额 for a
// citizen is 超过3000元.
const handMapping = `
format: csv
columns:
  case_number: 案号
  item: 事项
  party_type: 当事人类型
  birth_date: 出生日期
  act_date: 违法日期
  discovery_date: 发现日期
  decision_date: 决定日期
  outcome: 处理结果
  reason: 不予处罚理由
  fine: 罚款
  hearing_offered: 告知听证
  legal_review: 法制审核
facts:
  occupy_area_m2: 占用面积
  occupy_days: 占用天数
  harm: 危害后果
  corrected_in_time: 及时改正
values:
  party_type: {个人: individual, 单位: organization}
  outcome: {罚款: penalty, 不予处罚: no_penalty}
  reason: {首违不罚: first_offense, 轻微不罚: light_violation}
`

const handHeader = "案号,事项,当事人类型,出生日期,违法日期,发现日期,决定日期,处理结果,不予处罚理由,罚款,告知听证,法制审核,占用面积,占用天数,危害后果,及时改正"

// handRows are records of 330199ZF001, each with the findings a reviewer
// working by hand would make. The party is a citizen born 1985-05-20 who
// acted on 2026-05-10 unless the row says otherwise.
var handRows = []struct {
	name string
	row  string
	want []audit.Kind
	rule string // a citation the first finding must contain
}{
	{"general_grade_fine_inside_range", "A1,330199ZF001,个人,1985-05-20,2026-05-10,2026-05-12,2026-05-25,罚款,,5000,是,是,30,10,危害后果轻微,否", nil, ""},
	{"fine_above_general_range", "A2,330199ZF001,个人,1985-05-20,2026-05-10,2026-05-12,2026-05-25,罚款,,12000,是,是,30,10,minor,否", []audit.Kind{audit.FineAboveRange}, "第三十四条"},
	{"fine_above_statutory_maximum", "A3,330199ZF001,个人,1985-05-20,2026-05-10,2026-05-12,2026-05-25,罚款,,25000,是,是,60,10,minor,否", []audit.Kind{audit.FineAboveRange}, "《城市道路管理条例》第四十二条"},
	{"fine_below_range_without_mitigation", "A4,330199ZF001,个人,1985-05-20,2026-05-10,2026-05-12,2026-05-25,罚款,,2000,否,是,30,10,minor,否", []audit.Kind{audit.FineBelowRange}, "第三十二条"},
	{"art63_hearing_not_offered_above_3000", "A5,330199ZF001,个人,1985-05-20,2026-05-10,2026-05-12,2026-05-25,罚款,,5000,否,是,30,10,minor,否", []audit.Kind{audit.HearingNotOffered}, "第六十三条第一款第（一）项"},
	{"art63_threshold_3000_is_not_exceeded", "A6,330199ZF001,个人,1985-05-20,2026-05-10,2026-05-12,2026-05-25,罚款,,3000,否,否,9,3,minor,否", nil, ""},
	{"art58_legal_review_missing", "A7,330199ZF001,个人,1985-05-20,2026-05-10,2026-05-12,2026-05-25,罚款,,5000,是,否,30,10,minor,否", []audit.Kind{audit.LegalReviewMissing}, "第五十八条"},
	{"art33_light_violation_fined", "A8,330199ZF001,个人,1985-05-20,2026-05-10,2026-05-12,2026-05-25,罚款,,500,否,否,3,1,没有造成危害后果,是", []audit.Kind{audit.FinedDespiteExemption}, "第三十三条第一款"},
	{"art33_first_offense_fined", "A9,330199ZF001,个人,1985-05-20,2026-05-10,2026-05-12,2026-05-25,罚款,,5000,是,是,30,10,minor,是", []audit.Kind{audit.FinedDespiteExemption}, "第三十三条第一款"},
	{"art36_limitation_fined", "A10,330199ZF001,个人,1985-05-20,2026-05-10,2028-05-11,2028-05-20,罚款,,5000,是,是,30,10,minor,否", []audit.Kind{audit.FinedDespiteExemption}, "第三十六条"},
	{"art30_under_14_fined", "A11,330199ZF001,个人,2013-01-01,2026-05-10,2026-05-12,2026-05-25,罚款,,1000,否,否,30,10,minor,否", []audit.Kind{audit.FinedDespiteExemption}, "第三十条"},
	{"art30_minor_15_fined_above_lighter_part", "A12,330199ZF001,个人,2011-01-01,2026-05-10,2026-05-12,2026-05-25,罚款,,8000,是,是,30,10,minor,否", []audit.Kind{audit.FineAboveRange}, "第三十四条"},
	{"first_offense_claimed_without_conditions", "A13,330199ZF001,个人,1985-05-20,2026-05-10,2026-05-12,2026-05-25,不予处罚,首违不罚,,否,否,30,10,minor,否", []audit.Kind{audit.ExemptionWithoutConditions}, "第三十三条第一款"},
	{"missing_harm_named", "A14,330199ZF001,个人,1985-05-20,2026-05-10,2026-05-12,2026-05-25,罚款,,5000,是,是,30,10,,否", []audit.Kind{audit.Undecidable}, "第四十条"},
	{"amount_with_units", "A15,330199ZF001,个人,1985-05-20,2026-05-10,2026-05-12,2026-05-25,罚款,,2万元,是,是,30,10,minor,否", []audit.Kind{audit.MalformedRecord}, ""},
	{"malformed_date", "A16,330199ZF001,个人,1985-05-20,2026-13-45,2026-05-12,2026-05-25,罚款,,5000,是,是,30,10,minor,否", []audit.Kind{audit.MalformedRecord}, ""},
	{"duplicate_case_number", "A1,330199ZF001,个人,1985-05-20,2026-05-11,2026-05-12,2026-05-25,罚款,,5000,是,是,30,10,minor,否", []audit.Kind{audit.DuplicateCaseNumber}, ""},
	{"other_date_forms_accepted", "A18,330199ZF001,个人,1985/5/20,2026年5月10日,2026.5.12,2026-05-25 00:00:00,罚款,,\"5,000.00\",是,是,30,10,minor,否", nil, ""},
	{"wrong_number_of_columns", "A19,330199ZF001,个人", []audit.Kind{audit.MalformedRecord}, ""},
	{"decided_before_any_standard", "A20,330199ZF001,个人,1985-05-20,2025-05-10,2025-05-12,2025-05-25,罚款,,5000,是,是,30,10,minor,否", []audit.Kind{audit.Undecidable}, ""},
}

func handCSV() []byte {
	var b strings.Builder
	b.WriteString(handHeader + "\n")
	for _, r := range handRows {
		b.WriteString(r.row + "\n")
	}
	return []byte(b.String())
}

func runHand(t *testing.T, data []byte, mapping string) *audit.Report {
	t.Helper()
	m, err := audit.ParseMapping("mapping.yaml", []byte(mapping))
	if err != nil {
		t.Fatal(err)
	}
	a, err := audit.New(m, countyEngine(t))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := a.Run(context.Background(), bytesSource("hand.csv", data), nil)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestHandRecords(t *testing.T) {
	rep := runHand(t, handCSV(), handMapping)
	byLine := map[int][]audit.Finding{}
	for _, f := range rep.Findings {
		byLine[f.Line] = append(byLine[f.Line], f)
	}
	for i, tc := range handRows {
		t.Run(tc.name, func(t *testing.T) {
			fs := byLine[i+2]
			var got []audit.Kind
			for _, f := range fs {
				got = append(got, f.Kind)
			}
			if !equalKinds(got, tc.want) {
				for _, f := range fs {
					t.Logf("%s: %s (%s)", f.Kind, f.Message, f.Rule)
				}
				t.Fatalf("line %d: found %v, want %v", i+2, got, tc.want)
			}
			if tc.rule != "" && !strings.Contains(fs[0].Rule, tc.rule) {
				t.Errorf("rule %q does not cite %s", fs[0].Rule, tc.rule)
			}
		})
	}
	if rep.Summary.Records != len(handRows) {
		t.Errorf("summary: %d records, want %d", rep.Summary.Records, len(handRows))
	}
	golden(t, "hand.golden.json", rep)
}

// TestMissingFactNamed: a record without a fact the item requires is
// undecidable, and the finding names the fact and its column.
func TestMissingFactNamed(t *testing.T) {
	rep := runHand(t, []byte(handHeader+"\n"+handRows[13].row+"\n"), handMapping)
	if len(rep.Findings) != 1 || len(rep.Findings[0].Problems) == 0 {
		t.Fatalf("findings %+v", rep.Findings)
	}
	p := rep.Findings[0].Problems[0]
	if p.Field != "facts.harm" || p.Column != "危害后果" || !strings.Contains(p.Message, "危害后果") {
		t.Errorf("problem %+v does not name the missing fact 危害后果", p)
	}
}

func equalKinds(a, b []audit.Kind) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func golden(t *testing.T, name string, rep *audit.Report) {
	t.Helper()
	var buf bytes.Buffer
	if err := rep.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./audit -update to write it)", err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("report differs from %s (run go test ./audit -update and review the diff)", path)
	}
}

// TestEncodings: the same records in UTF-8 with and without a byte-order
// mark and in GB18030 give the same findings.
func TestEncodings(t *testing.T) {
	plain := handCSV()
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(plain)
	if err != nil {
		t.Fatal(err)
	}
	want := kindsOf(runHand(t, plain, handMapping))
	for name, data := range map[string][]byte{
		"utf8_bom":     append([]byte("\uFEFF"), plain...),
		"gb18030_auto": gb,
		"gb18030_bom":  append([]byte{0x84, 0x31, 0x95, 0x33}, gb...),
	} {
		t.Run(name, func(t *testing.T) {
			if got := kindsOf(runHand(t, data, handMapping)); got != want {
				t.Errorf("findings %s, want %s", got, want)
			}
		})
	}
	t.Run("gb18030_read_as_utf8", func(t *testing.T) {
		m, _ := audit.ParseMapping("m.yaml", []byte(handMapping+"encoding: utf-8\n"))
		a, _ := audit.New(m, countyEngine(t))
		_, err := a.Run(context.Background(), bytesSource("gb.csv", gb), nil)
		var he *audit.HeaderError
		if !errors.As(err, &he) {
			t.Fatalf("err = %v, want a HeaderError naming the columns not found", err)
		}
	})
	t.Run("one_gb18030_row_in_utf8_file", func(t *testing.T) {
		row, _ := simplifiedchinese.GB18030.NewEncoder().String(handRows[0].row)
		data := []byte(handHeader + "\n" + handRows[0].row + "\n" + strings.Replace(row, "A1,", "B1,", 1) + "\n")
		m, _ := audit.ParseMapping("m.yaml", []byte(handMapping+"encoding: utf-8\n"))
		a, _ := audit.New(m, countyEngine(t))
		rep, err := a.Run(context.Background(), bytesSource("mixed.csv", data), nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Findings) != 1 || rep.Findings[0].Line != 3 || rep.Findings[0].Kind != audit.MalformedRecord || !strings.Contains(rep.Findings[0].Message, "GB18030") {
			t.Fatalf("findings %+v, want one malformed record at line 3 naming GB18030", rep.Findings)
		}
	})
}

func kindsOf(rep *audit.Report) string {
	var b strings.Builder
	for _, f := range rep.Findings {
		b.WriteString(string(f.Kind) + "@" + string(rune('0'+f.Line%10)) + " ")
	}
	return b.String()
}

// TestMappingErrors: every problem of a mapping file is reported at once.
func TestMappingErrors(t *testing.T) {
	_, err := audit.ParseMapping("bad.yaml", []byte("format: xlsx\ncolumns: {item: 事项}\nvalues: {outcome: {罚: fined}}\n"))
	var me *audit.MappingError
	if !errors.As(err, &me) {
		t.Fatalf("err = %v, want a MappingError", err)
	}
	for _, want := range []string{"format", "columns.case_number", "columns.fine", "values.outcome.罚"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %s:\n%v", want, err)
		}
	}
	if _, err := audit.ParseMapping("bad.yaml", []byte("colums: {}\n")); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("unknown key: err = %v, want its line", err)
	}
}

// TestNDJSON: records as JSON lines read like CSV rows; a line that is not
// an object is a finding with its line.
func TestNDJSON(t *testing.T) {
	data := `{"案号":"N1","事项":"330199ZF001","当事人类型":"个人","出生日期":"1985-05-20","违法日期":"2026-05-10","发现日期":"2026-05-12","决定日期":"2026-05-25","处理结果":"罚款","罚款":12000,"告知听证":true,"法制审核":"是","占用面积":30,"占用天数":10,"危害后果":"minor","及时改正":false}

[1,2]
{"案号":"N3","事项":"330199ZF001","当事人类型":"个人","出生日期":"1985-05-20","违法日期":"2026-05-10","发现日期":"2026-05-12","决定日期":"2026-05-25","处理结果":"罚款","罚款":5000,"告知听证":"是","法制审核":"是","占用面积":{"x":1},"占用天数":10,"危害后果":"minor","及时改正":"否"}
`
	m, _ := audit.ParseMapping("m.yaml", []byte(strings.Replace(handMapping, "format: csv", "format: ndjson", 1)))
	a, _ := audit.New(m, countyEngine(t))
	rep, err := a.Run(context.Background(), bytesSource("r.ndjson", []byte(data)), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := kindsOf(rep)
	if want := "fine_above_range@1 malformed_record@3 malformed_record@4 "; got != want {
		t.Errorf("findings %s, want %s", got, want)
	}
}

// TestCatalogInForceOnDecisionDate: with two versions of a standard, each
// record is decided under the one in force on its decision date. The
// second version (from 2026-07-01) lowers the top of 330199ZF001's 情节较轻
// row from 3000 to 2000 yuan.
func TestCatalogInForceOnDecisionDate(t *testing.T) {
	src := string(examples.County())
	first := strings.Replace(src, "expires: 2030-12-31", "expires: 2026-06-30", 1)
	second := strings.Replace(strings.Replace(src, "effective: 2026-03-01", "effective: 2026-07-01", 1),
		"fine: {min: 500, max: 3000}", "fine: {min: 500, max: 2000}", 1)
	var engines []*discretion.Engine
	for i, text := range []string{second, first} {
		cat, err := catalog.Load(fmt.Sprintf("v%d.yaml", i), []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		eng, err := discretion.Compile(cat)
		if err != nil {
			t.Fatal(err)
		}
		engines = append(engines, eng)
	}
	m, err := audit.ParseMapping("mapping.yaml", []byte(handMapping))
	if err != nil {
		t.Fatal(err)
	}
	a, err := audit.New(m, engines...)
	if err != nil {
		t.Fatal(err)
	}
	data := handHeader + "\n" +
		"B1,330199ZF001,个人,1985-05-20,2026-05-10,2026-05-12,2026-05-25,罚款,,2500,否,否,9,3,minor,否\n" +
		"B2,330199ZF001,个人,1985-05-20,2026-07-10,2026-07-12,2026-07-25,罚款,,2500,否,否,9,3,minor,否\n" +
		"B3,330199ZF001,个人,1985-05-20,2031-01-10,2031-01-12,2031-01-25,罚款,,2500,否,否,9,3,minor,否\n"
	rep, err := a.Run(context.Background(), bytesSource("two.csv", []byte(data)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := kindsOf(rep), "fine_above_range@3 undecidable@4 "; got != want {
		t.Errorf("findings %s, want %s", got, want)
	}
	if len(rep.Catalogs) != 2 || rep.Catalogs[0].Effective != "2026-03-01" {
		t.Errorf("catalogs %+v, want both, oldest first", rep.Catalogs)
	}
}

// TestUndecidable_case_problems_are_Chinese: a record the engine cannot
// decide as stated (decided before it was discovered; a fact missing) is
// reported with the engine's problems in Chinese, not in English.
func TestUndecidable_case_problems_are_Chinese(t *testing.T) {
	rows := []string{
		"B1,330199ZF001,个人,1985-05-20,2026-05-10,2026-05-25,2026-05-12,罚款,,5000,是,是,30,10,minor,否",
		"B2,330199ZF001,个人,1985-05-20,2026-05-10,2026-05-12,2026-05-25,罚款,,5000,是,是,30,10,,否",
	}
	rep := runHand(t, []byte(handHeader+"\n"+strings.Join(rows, "\n")+"\n"), handMapping)
	if len(rep.Findings) != len(rows) {
		t.Fatalf("findings %+v, want one per row", rep.Findings)
	}
	for _, f := range rep.Findings {
		if f.Kind != audit.Undecidable && f.Kind != audit.MalformedRecord {
			t.Errorf("%s: %s", f.Kind, f.Message)
		}
		for _, english := range []string{"missing", "before", "item ", "invalid"} {
			if strings.Contains(f.Message, english) {
				t.Errorf("finding on line %d has English %q: %s", f.Line, english, f.Message)
			}
		}
		t.Logf("%s: %s", f.Kind, f.Message)
	}
}
