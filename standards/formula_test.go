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
