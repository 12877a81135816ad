package discretion_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// A catalog with one item: 《城市道路管理条例》第四十二条, "可以处以2万元以下的
// 罚款", cut into two grades by the occupied area.
const exampleCatalog = `
id: example
title: 示例裁量基准
issuer: 示例机关
effective: 2026-01-01
tier_scheme: midpoint
items:
  - code: "ROAD"
    name: 擅自占用城市道路
    basis:
      violated: {instrument: 城市道路管理条例, article: 27, item: 1}
      penalty: {instrument: 城市道路管理条例, article: 42}
    facts:
      area_m2: {type: number, label: 占用面积, unit: 平方米, min: 0, required: true}
    orders: [责令限期改正]
    sanctions:
      - {type: fine, mandatory: false, amount: {max: 20000}}
    benchmark:
      grades:
        - {id: minor, label: 情节轻微, tier: lighter, when: area_m2 < 10, fine: {min: 0, max: 2000}}
        - {id: general, label: 情节一般, when: area_m2 >= 10, fine: {min: 2000, max: 8000, min_exclusive: true}}
`

func ExampleEngine_Decide() {
	cat, err := catalog.Load("example.yaml", []byte(exampleCatalog))
	if err != nil {
		log.Fatal(err)
	}
	engine, err := discretion.Compile(cat) // once; then decide many, concurrently
	if err != nil {
		log.Fatal(err)
	}
	c, err := discretion.ParseCase(strings.NewReader(`{
	  "item": "ROAD",
	  "party": {"type": "individual", "birth_date": "1985-06-01"},
	  "act_date": "2026-03-02",
	  "discovery_date": "2026-03-05",
	  "decision_date": "2026-03-20",
	  "facts": {"area_m2": 30}
	}`))
	if err != nil {
		log.Fatal(err)
	}
	d, err := engine.Decide(context.Background(), c)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("outcome:", d.Outcome)
	fmt.Println("grade:", d.Grade)
	fmt.Printf("fine: %s–%s yuan\n", d.Fine.Min, d.Fine.Max)
	fmt.Println("orders:", d.Orders)
	fmt.Println("simple procedure:", d.Procedure.Simple)
	for _, s := range d.Steps() {
		if s.Step == "grade" && s.Expr != "" {
			fmt.Printf("%s %q → %v\n", s.Rule, s.Expr, s.Result)
		}
	}
	// Output:
	// outcome: general
	// grade: general
	// fine: 2001–8000 yuan
	// orders: [责令限期改正]
	// simple procedure: false
	// grade:minor "area_m2 < 10" → false
	// grade:general "area_m2 >= 10" → true
}
