package standards_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/standards"
)

// formulaCatalog has one item whose grades compute their fines: by the
// number of exceeded pollutants, and by the excess volume. {volume} is the
// second grade's formula.
const formulaCatalog = `id: formula-check
title: 计算公式测试
issuer: 测试机关
effective: 2026-01-01
tier_scheme: midpoint
items:
  - code: "T001"
    name: 超标排放水污染物
    basis:
      violated: {instrument: 测试条例, article: 18}
      penalty: {instrument: 测试条例, article: 99, text: 处十万元以上一百万元以下的罚款}
    facts:
      pollutants: {type: enum_list, label: 超标因子, values: {cod: 化学需氧量, nh3: 氨氮, tp: 总磷}}
      excess_m3: {type: number, label: 超标排放量, unit: 立方米, min: 0, max: 1000, required: true}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 100000, max: 1000000}}
    benchmark:
      grades:
        - id: by_count
          label: 按超标因子计
          when: 'excess_m3 == 0'
          fine: {formula: {base: 100000, per: 100000, of: len(pollutants), above: 1, rounding: half_up}}
        - id: by_volume
          label: 按超标排放量计
          when: 'excess_m3 > 0'
          fine: {formula: {{volume}}}
`

func formulaSource(volume string) []byte {
	return []byte(strings.Replace(formulaCatalog, "{{volume}}", "{"+volume+"}", 1))
}

func TestFormulaTable(t *testing.T) {
	cat, err := catalog.Load("formula.yaml", formulaSource("base: 200000, per: 50000, of: excess_m3, step: 10, rounding: up, max: 1000000"))
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListBenchmark}})
	if err != nil {
		t.Fatal(err)
	}
	var cells []string
	for _, r := range tbl.Sections[0].Rows {
		for _, c := range r {
			cells = append(cells, c.Text)
		}
	}
	all := strings.Join(cells, "|")
	for _, want := range []string{
		"基础罚款10万元，超标因子超过1个的，每增加1个增加10万元（不足整数倍的四舍五入）",
		"基础罚款20万元，超标排放量每增加10立方米增加5万元（不足整数倍的按整数倍计），最高不超过100万元",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("table does not state %q:\n%s", want, all)
		}
	}
}

func TestFormulaChecks(t *testing.T) {
	tests := []struct {
		name   string
		volume string
		want   []string // substrings of the range findings on the formula, in order
	}{
		// 1000 m³ in steps of 10 is 100 started units: 20万 + 100 × 5万 =
		// 520万, beyond 100万.
		{"formula_outside_statute_found_by_check", "base: 200000, per: 50000, of: excess_m3, step: 10, rounding: up",
			[]string{"超标排放量为1000立方米时，计算公式得出5200000元，高于法定最高额1000000元"}},
		{"formula_below_statute_found_by_check", "base: 50000, per: 1000, of: excess_m3, rounding: up, max: 1000000",
			[]string{"超标排放量为0立方米时，计算公式得出50000元，低于法定最低额100000元"}},
		{"formula_bound_within_statute_is_clean", "base: 200000, per: 50000, of: excess_m3, step: 10, rounding: up, max: 1000000", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := chkCheck(t, "formula.yaml", formulaSource(tt.volume), standards.Options{})
			var got []string
			for _, f := range r.Findings {
				if strings.Contains(f.Message, "计算公式") {
					got = append(got, f.Message)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("findings on the formula = %q, want %d", got, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("finding %d = %q, want it to say %q", i, got[i], w)
				}
			}
		})
	}
}

// formulaCountsCatalog computes the organisation's fine from a counter of
// the history and the persons' fine (双罚) from a formula: {org} and
// {persons} are the two formulas.
const formulaCountsCatalog = `id: formula-counts-check
title: 计算公式测试（违法次数、双罚）
issuer: 测试机关
effective: 2026-01-01
tier_scheme: midpoint
items:
  - code: "T002"
    name: 测试事项
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2, text: 处一万元以上十万元以下的罚款，对其直接负责的主管人员处二千元以上一万元以下的罚款}
    facts:
      tonnes: {type: number, label: 倾倒数量, unit: 吨, min: 0, max: 100, required: true}
    counts:
      - {name: penalized_2y, label: 两年内因同一违法行为受过行政处罚的次数, window: 2y}
    sanctions:
      - type: fine
        mandatory: true
        amount: {min: 10000, max: 100000}
        persons: {label: 直接负责的主管人员, min: 2000, max: 10000}
    benchmark:
      grades:
        - id: again
          label: 再次违法
          when: 'true'
          fine: {formula: {{org}}}
          persons_fine: {formula: {{persons}}}
`

func formulaCountsSource(org, persons string) []byte {
	return []byte(strings.NewReplacer("{{org}}", "{"+org+"}", "{{persons}}", "{"+persons+"}").Replace(formulaCountsCatalog))
}

func TestFormulaOfCounterAndPersonsTable(t *testing.T) {
	cat, err := catalog.Load("formula-counts.yaml", formulaCountsSource(
		"base: 10000, per: 10000, of: penalized_2y, rounding: down, max: 100000",
		"base: 2000, per: 1000, of: tonnes, step: 10, rounding: up, max: 10000"))
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListBenchmark}})
	if err != nil {
		t.Fatal(err)
	}
	var cells []string
	for _, r := range tbl.Sections[0].Rows {
		for _, c := range r {
			cells = append(cells, c.Text)
		}
	}
	all := strings.Join(cells, "|")
	for _, want := range []string{
		"基础罚款1万元，两年内因同一违法行为受过行政处罚的次数每增加1次增加1万元（不足整数倍的部分不计），最高不超过10万元",
		"；对其直接负责的主管人员处罚款，基础罚款2000元，倾倒数量每增加10吨增加1000元（不足整数倍的按整数倍计），最高不超过1万元",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("table does not state %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "penalized_2y") {
		t.Errorf("table prints the counter's name, not its label:\n%s", all)
	}
}

func TestFormulaOfCounterAndPersonsChecks(t *testing.T) {
	tests := []struct {
		name         string
		org, persons string
		want         []string // substrings of the range findings on the formulas, in order
	}{
		{"counter_formula_and_persons_formula_within_their_ranges_are_clean",
			"base: 10000, per: 10000, of: penalized_2y, rounding: down, max: 100000",
			"base: 2000, per: 1000, of: tonnes, step: 10, rounding: up, max: 10000", nil},
		// A counter has no declared max: without the formula's max the
		// amount grows past the statute.
		{"counter_formula_without_max_found_by_check",
			"base: 10000, per: 10000, of: penalized_2y, rounding: down",
			"base: 2000, per: 1000, of: tonnes, step: 10, rounding: up, max: 10000",
			[]string{"两年内因同一违法行为受过行政处罚的次数越大，计算公式得出的数额越高且没有上限"}},
		// 100 tonnes in steps of 10: 2000 + 10 × 1000 = 12000, above the
		// persons' 10000.
		{"persons_formula_above_their_range_found_by_check",
			"base: 10000, per: 10000, of: penalized_2y, rounding: down, max: 100000",
			"base: 2000, per: 1000, of: tonnes, step: 10, rounding: up",
			[]string{"倾倒数量为100吨时，对直接责任人员的计算公式得出12000元，高于对其法定最高额10000元"}},
		{"persons_formula_below_their_range_found_by_check",
			"base: 10000, per: 10000, of: penalized_2y, rounding: down, max: 100000",
			"base: 1000, per: 1000, of: tonnes, step: 10, rounding: up, max: 10000",
			[]string{"倾倒数量为0吨时，对直接责任人员的计算公式得出1000元，低于对其法定最低额2000元"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := chkCheck(t, "formula-counts.yaml", formulaCountsSource(tt.org, tt.persons), standards.Options{})
			var got []string
			for _, f := range r.Findings {
				if strings.Contains(f.Message, "计算公式") {
					got = append(got, f.Message)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("findings on the formulas = %q, want %d", got, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("finding %d = %q, want it to say %q", i, got[i], w)
				}
			}
		})
	}
}
