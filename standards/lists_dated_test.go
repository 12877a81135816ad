package standards_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/standards"
)

func datedListsCatalog() string {
	item := func(code, exemption string) string {
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
	return `
id: dated-lists
title: 清单测试目录
issuer: 测试机关
effective: 2020-01-01
tier_scheme: lower_upper_30
facts:
  harm: {type: enum, label: 危害后果, values: {none: 没有, minor: 轻微}, required: true}
lists:
  - id: fo2023
    kind: first_offense
    title: 测试市首违不罚清单（2023年版）
    doc_number: 测试〔2022〕9号
    effective: 2023-01-01
    expires: 2023-12-31
    items: [F1]
  - id: fo2024
    kind: first_offense
    title: 测试市首违不罚清单（2024年版）
    doc_number: 测试〔2023〕12号
    effective: 2024-01-01
    transition:
      rule: not_before_effective
      citation: {instrument: 测试市首违不罚清单（2024年版）, article: 6}
    items: [F1, F2]
items:
` + item("F1", `first_offense: {list: fo2024, window: 2y, when: 'harm == "minor"'}`) +
		item("F2", `first_offense: {list: fo2024, window: 2y, when: 'harm == "minor"'}`) +
		item("F3", `first_offense: {list: fo2024, window: 2y, when: 'harm == "minor"'}`)
}

// published_lists_carry_their_doc_number_and_dates: the 首违不罚清单 states
// each list with its 文号, term and transition rule, and each row the lists
// that list the item; an item no list lists is not a row.
func TestPublishedListsCarryTheirDocNumberAndDates(t *testing.T) {
	cat, err := catalog.Load("lists.yaml", []byte(datedListsCatalog()))
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListFirstOffense}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := standards.WriteMarkdown(&buf, tbl); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"《测试市首违不罚清单（2023年版）》（测试〔2022〕9号）：2023年1月1日起施行，有效期至2023年12月31日；施行前发生的违法行为，适用违法行为发生时施行的清单；按原清单不符合不予处罚条件、按本清单符合的，适用本清单",
		"《测试市首违不罚清单（2024年版）》（测试〔2023〕12号）：2024年1月1日起施行；施行前发生的违法行为不适用本清单（《测试市首违不罚清单（2024年版）》第六条）",
		"列入《测试市首违不罚清单（2023年版）》（测试〔2022〕9号）（2023年1月1日起施行，有效期至2023年12月31日）、《测试市首违不罚清单（2024年版）》",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "| F3 |") {
		t.Errorf("F3 is on no list but is a row:\n%s", out)
	}
	if strings.Contains(out, "适用情形") {
		t.Errorf("lists that name items alone add a 适用情形 column:\n%s", out)
	}
	if !strings.Contains(out, "| F2 |") {
		t.Errorf("F2 is on the 2024 list but not a row:\n%s", out)
	}
}

// check_list_names_item_without_list_rule: a list that names an item
// whose benchmark reads no list has no effect on it, and a benchmark that
// reads the lists but is on none never applies: both are reported.
func TestCheckListsAgainstBenchmarks(t *testing.T) {
	src := strings.Replace(datedListsCatalog(), "items: [F1, F2]", "items: [F1, F2, F4]", 1) +
		`  - code: F4
    name: 测试事项F4
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 1000, max: 2000}}
    benchmark:
      grades:
        - {id: all, label: 其他情形, when: "true", fine: {min: 1000, max: 2000}}
`
	r, _ := chkCheck(t, "lists.yaml", []byte(src), standards.Options{})
	var got []string
	for _, f := range r.Findings {
		if f.Code == standards.CodeList {
			got = append(got, f.Message)
		}
	}
	want := []string{
		"清单 fo2024（测试市首违不罚清单（2024年版））列入了事项 F4，但该事项没有任何裁量基准的 first_offense 规则引用清单：该清单对它不起作用",
		"事项 F3：first_offense 引用了清单 fo2024，但没有首违不罚清单列入该事项：首违不罚对它永远不适用",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") && !(len(got) == 2 && (got[0] == want[1] && got[1] == want[0])) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// published_lists_state_each_entrys_situation: where a list states the
// situation (适用情形) it exempts for an item, the published list prints
// it, in the list's own words, beside the benchmark's conditions (适用条件),
// named by its list where there are several editions; an edition that
// names the item alone says so, and an entry's 备注 goes to the row's.
func TestPublishedListsStateEntrySituations(t *testing.T) {
	cat, err := catalog.LoadFile("testdata/tables/lists.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListFirstOffense, standards.ListLightViolation}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := standards.WriteMarkdown(&buf, tbl); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"| 序号 | 事项代码 | 违法行为 | 法律依据 | 适用条件 | 适用情形 | 不予处罚依据 | 备注 |",
		"| 危害后果轻微，且在责令改正期限内改正 | 《测试市首违不罚清单（2023年版）》（测试〔2022〕9号）：占用面积不超过2平方米<br>《测试市首违不罚清单（2024年版）》（测试〔2023〕12号）：占用面积不超过5平方米 |",
		"《测试市首违不罚清单（2023年版）》（测试〔2022〕9号）：未另列适用情形<br>《测试市首违不罚清单（2024年版）》（测试〔2023〕12号）：设置时间不足3日",
		"| 没有造成危害后果，且在责令改正期限内改正 | 占用面积不足1平方米 |",
		"（2024年1月1日起施行；备注：2024年版放宽）",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	// Rendered wording prints the entry's condition in words.
	tbl, err = standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListLightViolation}, Wording: standards.WordingRendered})
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := standards.WriteMarkdown(&buf, tbl); err != nil {
		t.Fatal(err)
	}
	if want := "| 占用面积不足1平方米 |"; !strings.Contains(buf.String(), want) {
		t.Errorf("rendered table lacks %q:\n%s", want, buf.String())
	}
}

// diff_reports_a_list_entrys_changed_situation: a new edition of a
// catalog whose list changes the situation of an entry, and nothing else,
// shows in the version diff as that change.
func TestDiffListEntrySituation(t *testing.T) {
	old := load(t, "testdata/tables/lists.yaml")
	src, err := os.ReadFile("testdata/tables/lists.yaml")
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(src), "{item: L002, when: \"days < 3\", label: 设置时间不足3日", "{item: L002, when: \"days < 5\", label: 设置时间不足5日", 1)
	new, err := catalog.Load("lists-v2.yaml", []byte(changed))
	if err != nil {
		t.Fatal(err)
	}
	r, err := standards.Diff(old, new)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, c := range r.Changes {
		found = append(found, string(c.Kind)+" "+c.Key+" "+c.Field+": "+c.Old+" → "+c.New)
		if c.Field == "清单所列情形" && strings.Contains(c.New, "不足5日") && strings.Contains(c.Old, "不足3日") {
			return
		}
	}
	t.Errorf("the diff does not show the entry's new situation: %v", found)
}

// table_warns_of_a_list_entry_label_whose_numbers_its_condition_lacks: the
// table's wording warning reads an entry's label, which the published list
// prints, against its condition, as it reads a grade's description.
func TestWordingDiagnosticsListEntries(t *testing.T) {
	src, err := os.ReadFile("testdata/tables/lists.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, label string
		want        int
	}{
		{"list_entry_label_agrees", "占用面积不超过2平方米", 0},
		{"list_entry_label_states_another_number", "占用面积不超过3平方米", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			changed := strings.Replace(string(src), "label: 占用面积不超过2平方米}", "label: "+tc.label+"}", 1)
			cat, err := catalog.Load("lists.yaml", []byte(changed))
			if err != nil {
				t.Fatal(err)
			}
			ds, err := standards.WordingDiagnostics(cat)
			if err != nil {
				t.Fatal(err)
			}
			if len(ds) != tc.want {
				t.Fatalf("diagnostics %v, want %d", ds, tc.want)
			}
			if tc.want > 0 && (ds[0].Pos.Line != 28 || !strings.Contains(ds[0].Message, "3平方米")) {
				t.Errorf("diagnostic %v, want one at line 28 naming 3平方米", ds[0])
			}
		})
	}
}
