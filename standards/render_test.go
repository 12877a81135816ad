package standards_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/penalty"
	"github.com/jizhun/jizhun/standards"
)

// renderCatalog declares facts of every type for the condition tests.
const renderCatalog = `
id: render-test
title: 条件转写测试
issuer: 测试机关
effective: 2026-01-01
tier_scheme: midpoint
facts:
  area_m2: {type: number, label: 占用面积, unit: 平方米}
  days: {type: int, label: 占用时间, unit: 日}
  gains: {type: money, label: 违法所得}
  cost: {type: money, label: 工程造价, unit: 元}
  harm:
    type: enum
    label: 危害后果
    values: {none: 没有造成危害后果, minor: 危害后果轻微, serious: 危害后果严重}
  kind:
    type: enum
    label: 物料种类
    values: {sand: 砂石, soil: 渣土, waste: 建筑垃圾}
  corrected_in_time: {type: bool, label: 及时改正}
  has_permit: {type: bool, label: 有许可证}
  first_time: {type: bool, label: 初次违法}
  refused: {type: bool, label: 拒不改正}
  act_date: {type: date, label: 违法行为发生日期}
items:
  - code: R1
    name: 测试
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2}
    sanctions:
      - {type: warning, mandatory: true}
    benchmark:
      grades:
        - {id: g, label: 一般, when: "true"}
`

func renderScope(t *testing.T) (*catalog.Catalog, *condition.Scope) {
	t.Helper()
	cat, err := catalog.Load("render.yaml", []byte(renderCatalog))
	if err != nil {
		t.Fatal(err)
	}
	return cat, discretion.Scope(cat, cat.Items[0])
}

func TestRenderCondition(t *testing.T) {
	_, scope := renderScope(t)
	for _, tc := range []struct{ src, want string }{
		// comparisons, with the words of 《民法典》第一千二百五十九条
		{`area_m2 < 10 && days <= 3`, "占用面积不足10平方米且占用时间不超过3日"},
		{`area_m2 >= 100`, "占用面积100平方米以上"},
		{`days > 30`, "占用时间超过30日"},
		{`days == 1`, "占用时间为1日"},
		{`days != 1`, "占用时间不为1日"},
		{`10 > area_m2`, "占用面积不足10平方米"},
		{`100 <= area_m2`, "占用面积100平方米以上"},
		// money: 元 by default, 万 for round amounts
		{`gains < 10000`, "违法所得不足1万元"},
		{`gains >= 15000`, "违法所得1.5万元以上"},
		{`gains > 12345`, "违法所得超过12345元"},
		{`cost <= 1000000`, "工程造价不超过100万元"},
		{`gains > 0.5`, "违法所得超过0.5元"},
		// counts: "1次以上", not "超过0次"
		{`prior_same_item_1y > 0`, "一年内同一事项违法次数1次以上"},
		{`prior_same_item_1y == 0`, "一年内同一事项违法次数为0次"},
		{`age < 18`, "年龄不足18周岁"},
		// ranges and lists
		{`days in 2..3`, "占用时间2日以上3日以下"},
		{`days not in 2..3`, "占用时间不足2日或者超过3日"},
		{`days in [1, 2]`, "占用时间为1日或者2日"},
		{`days in [1, 2, 5]`, "占用时间为1日、2日或者5日"},
		{`days not in [1, 2]`, "占用时间不为1日、2日"},
		// enums: by value label; a negation names the values that remain
		{`harm == "serious"`, "危害后果严重"},
		{`harm != "serious"`, "没有造成危害后果或者危害后果轻微"},
		{`harm in ["minor", "serious"]`, "危害后果轻微或者危害后果严重"},
		{`harm not in ["none"]`, "危害后果轻微或者危害后果严重"},
		{`"serious" == harm`, "危害后果严重"},
		{`kind == "soil"`, "物料种类为渣土"},
		{`kind in ["sand", "soil", "waste"]`, "物料种类为砂石、渣土或者建筑垃圾"},
		{`kind != "waste"`, "物料种类为砂石或者渣土"},
		{`party_type == "organization"`, "当事人类型为单位"},
		{`party_type != "organization"`, "当事人类型为个人或者个体工商户"},
		// booleans: by label; negation 未…, 没有…, 非…, 不具有…的情形
		{`corrected_in_time`, "及时改正"},
		{`!corrected_in_time`, "未及时改正"},
		{`corrected_in_time == false`, "未及时改正"},
		{`corrected_in_time != false`, "及时改正"},
		{`!has_permit`, "没有许可证"},
		{`!first_time`, "非初次违法"},
		{`!refused`, "不具有拒不改正的情形"},
		{`not commitment_breached`, "未违反告知承诺"},
		// and / or / not, with mixed groups parenthesised
		{`area_m2 >= 100 || days > 30 || harm == "serious"`, "占用面积100平方米以上或者占用时间超过30日或者危害后果严重"},
		{`harm == "none" && corrected_in_time && area_m2 < 5 && days <= 1`, "没有造成危害后果，及时改正，占用面积不足5平方米，且占用时间不超过1日"},
		{`(area_m2 < 10 || days <= 3) && corrected_in_time`, "（占用面积不足10平方米或者占用时间不超过3日）且及时改正"},
		{`area_m2 < 10 && days <= 3 || refused`, "（占用面积不足10平方米且占用时间不超过3日）或者拒不改正"},
		{`!(area_m2 < 10 && days <= 3)`, "占用面积10平方米以上或者占用时间超过3日"},
		{`!(harm == "none" || corrected_in_time)`, "（危害后果轻微或者危害后果严重）且未及时改正"},
		{`kind != "sand" && days > 3`, "物料种类为渣土或者建筑垃圾且占用时间超过3日"},
		{`days not in 2..3 && corrected_in_time`, "（占用时间不足2日或者超过3日）且及时改正"},
		{`!!corrected_in_time`, "及时改正"},
		{`!(days in [1, 2])`, "占用时间不为1日、2日"},
		{`true`, "所有情形"},
		{`!true`, "不适用"},
		// dates
		{`act_date < date("2024-01-01")`, "违法行为发生日期早于2024年1月1日"},
		{`act_date >= date("2024-07-15")`, "违法行为发生日期不早于2024年7月15日"},
		{`act_date <= date("2024-12-31")`, "违法行为发生日期不晚于2024年12月31日"},
		{`act_date > date("2024-12-31")`, "违法行为发生日期晚于2024年12月31日"},
		// arithmetic
		{`gains * 3 >= 30000`, "违法所得的3倍在3万元以上"},
		{`gains * 3 > 30000`, "违法所得的3倍超过3万元"},
		{`area_m2 + 5 < 20`, "占用面积加5不足20平方米"},
		{`gains > cost`, "违法所得高于工程造价"},
		{`gains >= cost / 10`, "违法所得不低于工程造价除以10"},
		{`-gains < -5`, "负违法所得不足-5元"},
	} {
		x, diags := condition.Compile(catalog.NewCond(tc.src), scope)
		if len(diags) > 0 {
			t.Errorf("%s: %v", tc.src, diags)
			continue
		}
		if got := standards.RenderCondition(x); got != tc.want {
			t.Errorf("%s\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decp(s string) *decimal.Decimal { d := dec(s); return &d }

func TestRenderRule(t *testing.T) {
	cat, _ := renderScope(t)
	facts := cat.AllFacts(cat.Items[0])
	for _, tc := range []struct {
		name string
		rule penalty.Rule
		want string
	}{
		{"max only", penalty.Rule{Kind: penalty.Fixed, Max: decp("20000")}, "处2万元以下罚款"},
		{"range", penalty.Rule{Kind: penalty.Fixed, Min: dec("5000"), Max: decp("20000")}, "处5000元以上2万元以下罚款"},
		{"range in 万", penalty.Rule{Kind: penalty.Fixed, Min: dec("100000"), Max: decp("1000000")}, "处10万元以上100万元以下罚款"},
		{"odd amounts", penalty.Rule{Kind: penalty.Fixed, Min: dec("12500"), Max: decp("12345")}, "处1.25万元以上12345元以下罚款"},
		{"min only", penalty.Rule{Kind: penalty.Fixed, Min: dec("10000")}, "处1万元以上罚款"},
		{"point", penalty.Rule{Kind: penalty.Fixed, Min: dec("200"), Max: decp("200")}, "处200元罚款"},
		{"multiple", penalty.Rule{Kind: penalty.Multiple, Base: "gains", Min: dec("1"), Max: decp("5")}, "处违法所得1倍以上5倍以下罚款"},
		{"multiple max only with cap", penalty.Rule{Kind: penalty.Multiple, Base: "gains", Max: decp("3"), Cap: decp("30000")},
			"处违法所得3倍以下且不超过3万元罚款"},
		{"multiple with fallback", penalty.Rule{Kind: penalty.Multiple, Base: "gains", Min: dec("1"), Max: decp("5"),
			Fallbacks: []penalty.Fallback{{When: penalty.Trigger{Zero: true, Below: decp("10000")},
				Rule: penalty.Rule{Kind: penalty.Fixed, Min: dec("10000"), Max: decp("50000")}}}},
			"处违法所得1倍以上5倍以下罚款；没有违法所得或者违法所得不足1万元的，处1万元以上5万元以下罚款"},
		{"undeterminable fallback", penalty.Rule{Kind: penalty.Multiple, Base: "gains", Min: dec("1"), Max: decp("3"),
			Fallbacks: []penalty.Fallback{{When: penalty.Trigger{Undeterminable: true}, Rule: penalty.Rule{Kind: penalty.Fixed, Max: decp("50000")}}}},
			"处违法所得1倍以上3倍以下罚款；违法所得无法确定的，处5万元以下罚款"},
		{"percent", penalty.Rule{Kind: penalty.Percent, Base: "cost", Min: dec("5"), Max: decp("10")}, "处工程造价百分之五以上百分之十以下罚款"},
		{"percent max only", penalty.Rule{Kind: penalty.Percent, Base: "cost", Max: decp("2")}, "处工程造价百分之二以下罚款"},
		{"percent fraction", penalty.Rule{Kind: penalty.Percent, Base: "cost", Min: dec("0.5"), Max: decp("12.5")}, "处工程造价百分之零点五以上百分之十二点五以下罚款"},
		{"per unit", penalty.Rule{Kind: penalty.PerUnit, Base: "days", Min: dec("100"), Max: decp("500")}, "按占用时间计，每日处100元以上500元以下罚款"},
	} {
		if got := standards.RenderRule(tc.rule, facts); got != tc.want {
			t.Errorf("%s:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

func TestFormatChinese(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0", "50": "50", "2000": "2000", "9999": "9999", "10000": "1万", "15000": "1.5万",
		"27500": "2.75万", "12345": "12345", "100000": "10万", "1000000": "100万", "125000000": "12500万",
		"10000.5": "10000.5",
	} {
		if got := penalty.FormatChinese(dec(in)); got != want {
			t.Errorf("FormatChinese(%s) = %s, want %s", in, got, want)
		}
	}
}
