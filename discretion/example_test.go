package discretion_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/shopspring/decimal"

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

// exampleEngine compiles exampleCatalog.
func exampleEngine() *discretion.Engine {
	cat, err := catalog.Load("example.yaml", []byte(exampleCatalog))
	if err != nil {
		log.Fatal(err)
	}
	engine, err := discretion.Compile(cat)
	if err != nil {
		log.Fatal(err)
	}
	return engine
}

// A Go caller builds a case with typed dates: no date formatting, and the
// Case JSON is the same as a case read from JSON.
func ExampleDateOf() {
	c := &discretion.Case{
		Item:          "ROAD",
		Party:         discretion.Party{Type: catalog.Individual, BirthDate: discretion.DateOf(1985, time.June, 1)},
		ActDate:       discretion.DateOf(2026, time.March, 2),
		DiscoveryDate: discretion.DateOfTime(time.Date(2026, 3, 5, 9, 30, 0, 0, time.Local)),
		DecisionDate:  discretion.DateFrom(catalog.DateOf(2026, time.March, 20)),
		Facts:         map[string]any{"area_m2": 30},
	}
	d, err := exampleEngine().Decide(context.Background(), c)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("fine:", d.Fine)
	act, _ := c.ActDate.Parse()
	fmt.Println("act:", c.ActDate, act.Time().Weekday())
	// Output:
	// fine: 2001至8000元
	// act: 2026-03-02 Monday
}

// A fine prints as a decision states it; a decision without a fine has a
// nil Fine, which prints too.
func ExampleFine_String() {
	fmt.Println(&discretion.Fine{Min: decimal.NewFromInt(3001), Max: decimal.NewFromInt(10000)})
	fmt.Println(&discretion.Fine{Min: decimal.NewFromInt(5000), Max: decimal.NewFromInt(5000)})
	var none *discretion.Fine
	fmt.Println(none)
	// Output:
	// 3001至10000元
	// 5000元
	// 无罚款
}

// FineRange asks whether a decision fines without a nil check: an act
// discovered after the two years of art. 36 is not penalised, and has no
// fine.
func ExampleDecision_FineRange() {
	engine := exampleEngine()
	for _, discovered := range []discretion.Date{"2026-03-05", "2028-03-05"} {
		d, err := engine.Decide(context.Background(), &discretion.Case{
			Item:          "ROAD",
			Party:         discretion.Party{Type: catalog.Organization},
			ActDate:       "2026-03-02",
			DiscoveryDate: discovered,
			DecisionDate:  discovered,
			Facts:         map[string]any{"area_m2": 5},
		})
		if err != nil {
			log.Fatal(err)
		}
		if r, ok := d.FineRange(); ok {
			fmt.Printf("%s: %s, fine %s (%s)\n", discovered, d.Outcome.Label(), r, d.Fine)
		} else {
			fmt.Printf("%s: %s, no fine (%s)\n", discovered, d.Outcome.Label(), d.Fine)
		}
	}
	// Output:
	// 2026-03-05: 从轻处罚, fine [0, 2000] (0至2000元)
	// 2028-03-05: 不予处罚, no fine (无罚款)
}

// errors.Is tells a case that cannot be decided as stated from a failure
// of the engine; errors.As gives every problem, field by field.
func ExampleErrInvalidCase() {
	_, err := exampleEngine().Decide(context.Background(), &discretion.Case{
		Item:          "ROAD",
		Party:         discretion.Party{Type: catalog.Individual},
		ActDate:       "2026-03-02",
		DiscoveryDate: "2026-02-30",
		DecisionDate:  "2026-03-20",
		Facts:         map[string]any{"area_m2": 30},
	})
	fmt.Println(errors.Is(err, discretion.ErrInvalidCase))
	var cerr *discretion.CaseError
	if errors.As(err, &cerr) {
		for _, p := range cerr.Problems {
			fmt.Println(p.Field)
		}
	}
	// Output:
	// true
	// discovery_date
	// party.birth_date
}

// A nil context is an error, not a panic.
func ExampleEngine_Decide_nilContext() {
	//lint:ignore SA1012 the example shows what a nil context does
	_, err := exampleEngine().Decide(nil, &discretion.Case{Item: "ROAD"}) //nolint:staticcheck
	fmt.Println(errors.Is(err, discretion.ErrNilContext))
	// Output:
	// true
}
