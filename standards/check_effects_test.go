package standards_test

import (
	"os"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/standards"
)

// TestCheckEffects: the effects of circumstances as published. "上调一个裁量
// 阶次" takes the next row of the table, so the rows must run from the
// lightest to the heaviest; a percentage that takes a grade's range beyond
// the statute is found (the engine stops at the bound and flags the case).
func TestCheckEffects(t *testing.T) {
	const ordered = `    facts:
      n: {type: int, label: 数量, min: 0, max: 100, required: true, aggravates: higher}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 1000, max: 10000}}
    benchmark:
      factors:
        - id: f
          label: 情节
          effect: EFFECT
          mandatory: false
          when: "n == 7"
          citation: {instrument: 测试基准, article: 9}
          apply: APPLY
      grades:
        - {id: a, label: 较轻, tier: lighter, when: "n < 10", fine: {min: 1000, max: 4000}}
        - {id: b, label: 一般, when: "n >= 10 && n < 50", fine: {min: 4000, max: 7000, min_exclusive: true}}
        - {id: c, label: 较重, tier: heavier, when: "n >= 50", fine: {min: 7000, max: 10000, min_exclusive: true}}
`
	// The middle row is written last: its range is below the row before it.
	misordered := strings.Replace(ordered,
		"        - {id: b, label: 一般, when: \"n >= 10 && n < 50\", fine: {min: 4000, max: 7000, min_exclusive: true}}\n        - {id: c, label: 较重, tier: heavier, when: \"n >= 50\", fine: {min: 7000, max: 10000, min_exclusive: true}}\n",
		"        - {id: c, label: 较重, tier: heavier, when: \"n >= 50\", fine: {min: 7000, max: 10000, min_exclusive: true}}\n        - {id: b, label: 一般, when: \"n >= 10 && n < 50\", fine: {min: 4000, max: 7000, min_exclusive: true}}\n", 1)
	tests := []struct {
		name, item, effect, apply string
		code                      string // the code the finding must carry, "" none
		grade                     string
	}{
		{"grade_move_over_ordered_rows_is_clean", ordered, "heavier", "{grades: 1, citation: {instrument: 测试基准, article: 9}}", "", ""},
		{"grade_move_over_misordered_rows_lowers_the_fine", misordered, "heavier", "{grades: 1, citation: {instrument: 测试基准, article: 9}}", standards.CodeTierOrder, "b"},
		{"percentage_up_within_the_statute_is_clean", ordered, "heavier", "{percent: 0, citation: {instrument: 测试基准, article: 9}}", "", ""},
		{"percentage_up_beyond_statutory_maximum_is_found", ordered, "heavier", "{percent: 20, citation: {instrument: 测试基准, article: 9}}", standards.CodeEffect, "c"},
		{"percentage_down_below_statutory_minimum_is_found", ordered, "lighter", "{percent: 10, citation: {instrument: 测试基准, article: 9}}", standards.CodeEffect, "a"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			apply := tc.apply
			if strings.Contains(apply, "percent: 0") {
				apply = "{point: middle, citation: {instrument: 测试基准, article: 9}}"
			}
			item := strings.Replace(strings.Replace(tc.item, "EFFECT", tc.effect, 1), "APPLY", apply, 1)
			r, _ := chkCheck(t, tc.name+".yaml", []byte(chkCatalog(item)), standards.Options{})
			var b strings.Builder
			r.WriteText(&b)
			var got []standards.Finding
			for _, f := range r.Findings {
				if f.Code == standards.CodeEffect || (f.Code == standards.CodeTierOrder && strings.Contains(f.Message, "按档次移动案件")) {
					got = append(got, f)
				}
			}
			if tc.code == "" {
				if len(got) != 0 {
					t.Fatalf("findings on effects, want none:\n%s", b.String())
				}
				return
			}
			if len(got) != 1 || got[0].Code != tc.code || !strings.Contains(got[0].Localize("en").Message, "grade "+tc.grade+" ") {
				t.Fatalf("want one %s finding on grade %s:\n%s", tc.code, tc.grade, b.String())
			}
		})
	}
}

// TestListStatesEffects: the list of 从重、从轻、减轻 circumstances states a
// published effect in Chinese with the clause that states it, and the
// list's notes say how effects combine.
func TestListStatesEffects(t *testing.T) {
	data, err := os.ReadFile("../discretion/testdata/effects.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Load("effects.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListAggravating}})
	if err != nil {
		t.Fatal(err)
	}
	var cells []string
	for _, row := range tbl.Sections[0].Rows {
		for _, c := range row {
			cells = append(cells, c.Text)
		}
	}
	all := strings.Join(cells, "|")
	for _, want := range []string{
		"可以从重：按该阶次罚款幅度的最高限处罚（《测试基准》第十条第二款）",
		"可以从轻：按该阶次罚款幅度的最低限处罚",
		"可以从重：上调一个裁量阶次",
		"可以从轻：下调一个裁量阶次",
		"可以从重：在阶次罚款幅度基础上上浮20%",
		"可以从轻：在阶次罚款幅度基础上下调10%",
		"|可以从重|", // a circumstance without a published effect
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the list does not state %q:\n%s", want, all)
		}
	}
	notes := strings.Join(tbl.Sections[0].Notes, "")
	if !strings.Contains(notes, "依次适用调整阶次、取阶次的最高限、最低限或中间值、百分比上浮或下调") || !strings.Contains(notes, "不低于法定最低罚款") {
		t.Errorf("notes: %s", notes)
	}
}
