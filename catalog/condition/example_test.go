package condition_test

import (
	"fmt"
	"log"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// A condition renders into the Chinese that published tables and the
// reasons of a decision print, from the facts' labels and units; Explain
// states the facts of a case that decide it.
func ExampleRender() {
	scope := condition.NewScope()
	scope.Add("area_m2", 0, catalog.FactNumber, &catalog.Fact{Name: "area_m2", Type: catalog.FactNumber, Label: "占用面积", Unit: "平方米"})
	scope.Add("days", 1, catalog.FactInt, &catalog.Fact{Name: "days", Type: catalog.FactInt, Label: "占用时间", Unit: "日"})
	scope.Add("corrected_in_time", 2, catalog.FactBool, &catalog.Fact{Name: "corrected_in_time", Type: catalog.FactBool, Label: "及时改正"})
	x, diags := condition.Compile(catalog.NewCond(`area_m2 < 10 && days <= 3 && corrected_in_time`), scope)
	if diags != nil {
		log.Fatal(diags)
	}
	fmt.Println(condition.Render(x))

	num := func(n int64) catalog.Value { return catalog.Value{Type: catalog.FactNumber, Num: decimalOf(n)} }
	vals := []catalog.Value{num(8), {Type: catalog.FactInt, Num: decimalOf(5)}, {Type: catalog.FactBool, Bool: false}}
	held, why, _ := condition.Explain(x, vals, func(int) bool { return true })
	fmt.Println(held, why)
	// Output:
	// 占用面积不足10平方米，占用时间不超过3日，且及时改正
	// false [占用时间为5日 未及时改正]
}

func decimalOf(n int64) decimal.Decimal { return decimal.NewFromInt(n) }
