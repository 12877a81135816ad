package discretion

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
)

// The computation in the trace and the 说理 states what was counted: the
// rounding where a remainder can occur, and no "超过0日的部分按每1日计为40个"
// or "基础罚款0元" where the count is the units and there is no base.
func TestFormulaWordsStateOnlyWhatApplies(t *testing.T) {
	d := decimal.RequireFromString
	ten := d("10")
	days := &catalog.Fact{Type: catalog.FactInt, Label: "逾期天数", Unit: "日"}
	times := &catalog.Fact{Type: catalog.FactInt, Label: "违法次数", Unit: "次"}
	volume := &catalog.Fact{Type: catalog.FactNumber, Label: "超标排放量", Unit: "立方米"}
	for _, tc := range []struct {
		name string
		f    catalog.FineFormula
		fact *catalog.Fact
		of   string
		want string
	}{
		{"rate_per_day_without_base", catalog.FineFormula{Per: d("50"), Of: "days", Rounding: catalog.RoundHalfUp}, days, "40",
			"逾期天数为40日，罚款为40×50元＝2000元"},
		{"whole_units_above_a_threshold", catalog.FineFormula{Base: d("10000"), Per: d("10000"), Of: "times", Above: d("1"), Rounding: catalog.RoundDown}, times, "3",
			"违法次数为3次，超过1次的部分为2次，罚款为基础罚款10000元＋2×10000元＝30000元"},
		{"rounded_units_state_the_rounding", catalog.FineFormula{Base: d("200000"), Per: d("50000"), Of: "volume", Step: &ten, Rounding: catalog.RoundUp}, volume, "25",
			"超标排放量为25立方米，超过0立方米的部分按每10立方米计为3个（不足整数倍的按整数倍计），罚款为基础罚款200000元＋3×50000元＝350000元"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			of := d(tc.of)
			units := tc.f.Units(of)
			got := formulaWords(&tc.f, tc.fact, "", of, units, tc.f.Amount(of))
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}
