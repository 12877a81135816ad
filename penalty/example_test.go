package penalty_test

import (
	"fmt"

	"github.com/jizhun/jizhun/penalty"
	"github.com/shopspring/decimal"
)

func ptr(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

// 《城市公共交通条例》第四十五条: 违法所得1倍以上5倍以下; 没有违法所得或者违法所得
// 不足1万元的, 处1万元以上5万元以下.
func ExampleRule_Evaluate() {
	rule := penalty.Rule{
		Kind: penalty.Multiple,
		Min:  decimal.NewFromInt(1),
		Max:  ptr("5"),
		Base: "illegal_gains",
		Fallbacks: []penalty.Fallback{{
			When: penalty.Trigger{Zero: true, Below: ptr("10000")},
			Rule: penalty.Rule{Kind: penalty.Fixed, Min: decimal.NewFromInt(10000), Max: ptr("50000")},
		}},
	}
	for _, gains := range []string{"0", "9999.99", "20000"} {
		g, _ := penalty.ParseYuan(gains)
		out, err := rule.Evaluate(penalty.BaseValue{Known: true, Value: g})
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("gains %s: %s (%s rule, fallback path %v)\n", gains, out.Range, out.Applied.Kind, out.FallbackPath)
	}
	_, err := rule.Evaluate(penalty.BaseValue{})
	fmt.Println(err)
	// Output:
	// gains 0: [10000, 50000] (fixed rule, fallback path [0])
	// gains 9999.99: [10000, 50000] (fixed rule, fallback path [0])
	// gains 20000: [20000, 100000] (multiple rule, fallback path [])
	// the fine is computed from "illegal_gains", which the case does not state
}

// 《城乡规划法》第六十四条 (造价百分之五以上百分之十以下) and 《城市生活垃圾管理办法》
// 第三十八条 (三倍以下且不超过3万元).
func ExampleRule_Evaluate_percentAndCap() {
	planning := penalty.Rule{Kind: penalty.Percent, Min: decimal.NewFromInt(5), Max: ptr("10"), Base: "construction_cost"}
	out, _ := planning.Evaluate(penalty.BaseValue{Known: true, Value: decimal.NewFromInt(200000)})
	fmt.Println("造价 200000:", out.Range)

	garbage := penalty.Rule{Kind: penalty.Multiple, Min: decimal.Zero, Max: ptr("3"), Base: "unpaid_fee", Cap: ptr("30000")}
	for _, fee := range []int64{5000, 30000} {
		out, _ := garbage.Evaluate(penalty.BaseValue{Known: true, Value: decimal.NewFromInt(fee)})
		fmt.Printf("应交费用 %d: %s capped=%v\n", fee, out.Range, out.Capped)
	}
	// Output:
	// 造价 200000: [10000, 20000]
	// 应交费用 5000: [0, 15000] capped=false
	// 应交费用 30000: [0, 30000] capped=true
}

// 《大气污染防治法》第一百一十八条第一款 [5000, 50000] split by the SAMR 30 % rule
// and by the Guangdong midpoint rule, resolved to whole yuan.
func ExampleScheme_Split() {
	r := penalty.Closed(decimal.NewFromInt(5000), decimal.NewFromInt(50000))
	yuan := decimal.NewFromInt(1)
	for _, s := range []penalty.Scheme{penalty.Lower30Upper30, penalty.Midpoint} {
		for _, tier := range []penalty.Tier{penalty.Lighter, penalty.General, penalty.Heavier} {
			iv, err := s.Split(r, tier)
			if err != nil {
				fmt.Println(err)
				return
			}
			res := iv.Resolve(yuan)
			fmt.Printf("%s %s: %s元 – %s元\n", s, tier.Label(), penalty.FormatChinese(res.Min), penalty.FormatChinese(res.Max))
		}
	}
	_, err := penalty.Midpoint.Split(penalty.AtLeast(decimal.NewFromInt(10000)), penalty.General)
	fmt.Println(err)
	// Output:
	// lower_upper_30 从轻: 5000元 – 1.85万元
	// lower_upper_30 一般: 18501元 – 36499元
	// lower_upper_30 从重: 3.65万元 – 5万元
	// midpoint 从轻: 5000元 – 27499元
	// midpoint 一般: 2.75万元 – 2.75万元
	// midpoint 从重: 2.75万元 – 5万元
	// the range has no maximum, so it cannot be split into tiers
}
