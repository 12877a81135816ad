package discretion_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/discretion"
)

// Pipeline step 1: the case is validated against the item's fact schema and
// every problem is returned at once; nothing is guessed.

func validCase() *discretion.Case {
	return newCase("V001", map[string]any{"area_m2": 30, "harm": "minor"})
}

func TestCaseValidation(t *testing.T) {
	e := engineFile(t, "validation.yaml")
	if d := decide(t, e, validCase()); d.Outcome != discretion.General {
		t.Fatalf("baseline case: outcome %s, want general", d.Outcome)
	}
	tests := []struct {
		name    string
		mutate  func(c *discretion.Case)
		field   string
		message []string
	}{
		{"wrong_fact_type_string_for_number", func(c *discretion.Case) { c.Facts["area_m2"] = "30" },
			"facts.area_m2", []string{"应为数字", `"30"`}},
		{"wrong_fact_type_number_for_bool", func(c *discretion.Case) { c.Facts["obstructed"] = 1 },
			"facts.obstructed", []string{"应为 true 或 false"}},
		{"wrong_fact_type_fraction_for_int", func(c *discretion.Case) { c.Facts["days"] = json.Number("1.5") },
			"facts.days", []string{"整数"}},
		{"enum_value_not_declared_with_did_you_mean", func(c *discretion.Case) { c.Facts["harm"] = "minr" },
			"facts.harm", []string{`"minr"`, `是否应为 "minor"`}},
		{"missing_required_fact", func(c *discretion.Case) { delete(c.Facts, "area_m2") },
			"facts.area_m2", []string{"缺少", "V001"}},
		{"missing_required_catalog_fact", func(c *discretion.Case) { delete(c.Facts, "harm") },
			"facts.harm", []string{"缺少"}},
		{"fact_above_max", func(c *discretion.Case) { c.Facts["area_m2"] = json.Number("1000.01") },
			"facts.area_m2", []string{"大于上限 1000"}},
		{"fact_below_min", func(c *discretion.Case) { c.Facts["area_m2"] = -1 },
			"facts.area_m2", []string{"小于下限 0"}},
		{"unknown_fact_with_did_you_mean", func(c *discretion.Case) { c.Facts["aera_m2"] = 3 },
			"facts.aera_m2", []string{"没有声明事实", `是否应为 "area_m2"`}},
		{"impossible_act_date", func(c *discretion.Case) { c.ActDate = "2023-02-29" },
			"act_date", []string{"不是真实存在的日期"}},
		{"malformed_discovery_date", func(c *discretion.Case) { c.DiscoveryDate = "2024/03/02" },
			"discovery_date", []string{`"2024/03/02"`, "年-月-日"}},
		{"missing_decision_date", func(c *discretion.Case) { c.DecisionDate = "" },
			"decision_date", []string{"缺少", "YYYY-MM-DD"}},
		{"discovery_before_act", func(c *discretion.Case) { c.DiscoveryDate = "2024-02-29" },
			"discovery_date", []string{"早于违法行为日期 act_date"}},
		{"decision_before_discovery", func(c *discretion.Case) { c.DecisionDate = "2024-03-01" },
			"decision_date", []string{"早于发现日期 discovery_date"}},
		{"act_end_before_act", func(c *discretion.Case) { c.ActEndDate = "2024-02-01" },
			"act_end_date", []string{"早于违法行为日期 act_date"}},
		{"missing_birth_date_for_individual", func(c *discretion.Case) { c.Party.BirthDate = "" },
			"party.birth_date", []string{"缺少", "第三十条"}},
		{"missing_birth_date_for_individual_business", func(c *discretion.Case) {
			c.Party = discretion.Party{Type: "individual_business"}
		}, "party.birth_date", []string{"缺少", "出生日期"}},
		{"birth_on_act_date", func(c *discretion.Case) { c.Party.BirthDate = c.ActDate },
			"party.birth_date", []string{"不早于违法行为日期 act_date"}},
		{"organization_with_birth_date", func(c *discretion.Case) { c.Party.Type = "organization" },
			"party.birth_date", []string{"法人或其他组织没有出生日期"}},
		{"unknown_party_type", func(c *discretion.Case) { c.Party.Type = "company" },
			"party.type", []string{`"company"`}},
		{"missing_party_type", func(c *discretion.Case) { c.Party.Type = "" },
			"party.type", []string{"缺少", "individual"}},
		{"unknown_capacity", func(c *discretion.Case) { c.Party.Capacity = "partial" },
			"party.capacity", []string{`"partial"`}},
		{"history_act_not_before_current_act", func(c *discretion.Case) {
			c.History = []discretion.Prior{{Item: "V001", ActDate: c.ActDate, DecisionDate: "2024-03-05"}}
		}, "history[0].act_date", []string{"不早于本次违法行为的日期"}},
		{"history_without_item", func(c *discretion.Case) {
			c.History = []discretion.Prior{{ActDate: "2023-01-01"}}
		}, "history[0].item", []string{"缺少", "事项编码"}},
		{"history_impossible_decision_date", func(c *discretion.Case) {
			c.History = []discretion.Prior{{Item: "V001", ActDate: "2023-01-01", DecisionDate: "2023-02-30"}}
		}, "history[0].decision_date", []string{"不是真实存在的日期"}},
		{"commitment_impossible_deadline", func(c *discretion.Case) {
			c.Commitment = &discretion.Commitment{Signed: true, Deadline: "2024-04-31"}
		}, "commitment.deadline", []string{"不是真实存在的日期"}},
		{"party_type_outside_item_parties", func(c *discretion.Case) { c.Item = "V002"; c.Facts = map[string]any{"harm": "minor"} },
			"party.type", []string{"只适用于单位（organization），不适用于个人（individual）"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validCase()
			tt.mutate(c)
			ce := caseError(t, e, c)
			problem(t, ce, tt.field, tt.message...)
		})
	}
}

func TestCaseValidation_all_problems_returned_together_in_one_CaseError(t *testing.T) {
	e := engineFile(t, "validation.yaml")
	c := &discretion.Case{
		Item:          "V001",
		Party:         discretion.Party{Type: "individual"}, // no birth date
		ActDate:       "2024-02-30",                         // impossible
		DiscoveryDate: "2024-03-01",
		DecisionDate:  "2024-02-01", // before discovery
		Facts: map[string]any{
			"area_m2":    json.Number("5000"), // above max
			"obstructed": "yes",               // wrong type
			"dayz":       3,                   // unknown, did you mean days
			// harm missing (required)
		},
	}
	_, err := e.Decide(t.Context(), c)
	ce := asCaseError(t, err)
	// English on request (Localize), Chinese by default.
	en := ce.Localize("en")
	if !strings.HasPrefix(en.Error(), "invalid case:\n") || !strings.HasPrefix(ce.Error(), "案件有误：\n") {
		t.Errorf("headings: %q / %q", en.Error(), ce.Error())
	}
	ce = en
	want := map[string]string{
		"act_date":         "not a real date",
		"decision_date":    "before discovery_date",
		"party.birth_date": "missing",
		"facts.area_m2":    "above the maximum",
		"facts.obstructed": "want true or false",
		"facts.dayz":       `did you mean "days"`,
		"facts.harm":       "missing",
	}
	for field, msg := range want {
		problem(t, ce, field, msg)
	}
	if len(ce.Problems) != len(want) {
		t.Errorf("got %d problems, want %d: %+v", len(ce.Problems), len(want), ce.Problems)
	}
	// The message lists every problem, one per line.
	if n := strings.Count(ce.Error(), "\n"); n != len(ce.Problems) {
		t.Errorf("Error() has %d lines after the header, want %d:\n%s", n, len(ce.Problems), ce.Error())
	}
	// Problems come in a stable order: decide twice, compare.
	_, err2 := e.Decide(t.Context(), c)
	if err.Error() != err2.Error() {
		t.Errorf("problem order is not deterministic:\n%s\n---\n%s", err, err2)
	}
}

func TestCaseValidation_unknown_item_with_did_you_mean(t *testing.T) {
	e := engineFile(t, "validation.yaml")
	c := validCase()
	c.Item = "V01"
	ce := caseError(t, e, c)
	problem(t, ce, "item", `"V01" 不是裁量基准目录 test-validation 中的事项`, `是否应为 "V001"`)
	problem(t, ce.Localize("en"), "item", `"V01" is not an item`, `did you mean "V001"`)

	c = validCase()
	c.Item = ""
	problem(t, caseError(t, e, c), "item", "缺少", "执法事项编码")

	c = validCase()
	c.Items = []string{"V001", "V002"}
	problem(t, caseError(t, e, c), "item", "只能填写其一")

	c = validCase()
	c.Item, c.Items = "", []string{"V001", "V001"}
	problem(t, caseError(t, e, c), "items[1]", "重复出现")
}

func TestCaseValidation_missing_base_fact_names_the_fact(t *testing.T) {
	e := engineFile(t, "validation.yaml")
	c := newCase("V003", map[string]any{"harm": "minor"})
	ce := caseError(t, e, c)
	problem(t, ce, "facts.illegal_gains", "缺少", "违法所得")
}

func TestCaseValidation_defaults_fill_unstated_facts(t *testing.T) {
	e := engineFile(t, "validation.yaml")
	d := decide(t, e, validCase()) // days and obstructed unstated: defaults
	wantFine(t, d, "100", "1000")
}

func TestDecide_nil_case_is_a_CaseError(t *testing.T) {
	e := engineFile(t, "validation.yaml")
	_, err := e.Decide(t.Context(), nil)
	asCaseError(t, err)
}

func TestCaseError_Is_matches_only_case_errors(t *testing.T) {
	err := error(&discretion.CaseError{Problems: []discretion.Problem{{Field: "x", Message: "y"}}})
	if !errors.Is(err, &discretion.CaseError{}) {
		t.Error("errors.Is(CaseError, &CaseError{}) = false")
	}
	if errors.Is(errors.New("other"), &discretion.CaseError{}) {
		t.Error("errors.Is(other, &CaseError{}) = true")
	}
	if errors.Is(&discretion.GapError{}, &discretion.CaseError{}) {
		t.Error("errors.Is(GapError, &CaseError{}) = true")
	}
}

// ParseCase reads the Case JSON contract strictly.

const goodCaseJSON = `{
  "item": "V001",
  "party": {"type": "individual", "birth_date": "1980-01-01"},
  "act_date": "2024-03-01",
  "discovery_date": "2024-03-02",
  "decision_date": "2024-03-10",
  "facts": {"area_m2": 30, "harm": "minor"}
}`

func TestParseCase_accepts_the_contract_and_decides(t *testing.T) {
	c, err := discretion.ParseCase(strings.NewReader(goodCaseJSON + "\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := decide(t, engineFile(t, "validation.yaml"), c)
	wantFine(t, d, "100", "1000")
}

func TestParseCase_rejects(t *testing.T) {
	tests := []struct {
		name  string
		json  string
		field string
		msg   string
	}{
		{"unknown_top_level_field", strings.Replace(goodCaseJSON, `"item"`, `"itme": "x", "item"`, 1), "", `不认识的字段 "itme"`},
		{"unknown_party_field", strings.Replace(goodCaseJSON, `"type": "individual"`, `"type": "individual", "age": 40`, 1), "", `不认识的字段 "age"`},
		{"unknown_history_field", strings.Replace(goodCaseJSON, `"facts"`, `"history": [{"item": "V001", "act_date": "2023-01-01", "fine": 5}], "facts"`, 1), "", `不认识的字段 "fine"`},
		{"trailing_object", goodCaseJSON + ` {}`, "", "案件对象之后还有多余内容（第8行第3列，第225字节）"},
		{"trailing_garbage", goodCaseJSON + ` x`, "", "案件对象之后还有多余内容"},
		{"trailing_closing_brace", goodCaseJSON + `}`, "", "案件对象之后还有多余内容（第8行第2列"},
		{"trailing_closing_bracket", goodCaseJSON + `]`, "", "案件对象之后还有多余内容"},
		{"act_date_as_number", strings.Replace(goodCaseJSON, `"2024-03-01"`, `20240301`, 1), "act_date", `应为日期字符串 "YYYY-MM-DD"，实际是 JSON 数字`},
		{"facts_as_list", strings.Replace(goodCaseJSON, `{"area_m2": 30, "harm": "minor"}`, `[30]`, 1), "facts", "实际是 JSON 数组"},
		{"party_as_string", strings.Replace(goodCaseJSON, `{"type": "individual", "birth_date": "1980-01-01"}`, `"individual"`, 1), "party", "应为对象"},
		{"items_as_string", strings.Replace(goodCaseJSON, `"item": "V001"`, `"items": "V001"`, 1), "items", "应为数组"},
		{"signed_as_string", strings.Replace(goodCaseJSON, `"facts"`, `"commitment": {"signed": "yes"}, "facts"`, 1), "commitment.signed", "应为真假值 true 或 false"},
		{"malformed", `{"item": "V001",` + "\n" + `  "party": }`, "", "格式错误，位于第2行第12列（第29字节）：此处应为一个值"},
		{"empty", ``, "", "案件 JSON 是空的"},
		{"truncated_in_object", `{"item": "V001",` + "\n" + `  "party": {"type": "individual"`, "", "案件 JSON 不完整：在第2行第32列之后就结束了，第2行第12列的“{”没有对应的“}”"},
		{"truncated_in_list", `{"items": ["V001", "V002"`, "", "第1行第11列的“[”没有对应的“]”"},
		{"truncated_in_string", "{\"item\": \"V0", "", "第1行第10列开始的字符串没有结束"},
		{"truncated_after_key", `{"item"`, "", "第1行第1列的“{”没有对应的“}”"},
		{"full_width_colon", `{"item"：“V001”}`, "", "第1行第8列（第8字节）：这里是全角字符 \"：\"，JSON 要求半角的 \":\""},
		{"trailing_comma", `{"item": "V001",}`, "", "此处应为带双引号的字段名"},
		{"misspelt_literal", `{"act_ongoing": tru}`, "", "第1行第20列（第20字节）：字符 '}' 有误：这里应为 true"},
		{"unit_in_number", strings.Replace(goodCaseJSON, `"area_m2": 30`, `"area_m2": 30平方米`, 1), "", "第7行第26列（第204字节）：数字 30 后面带了单位 \"平方米\"：只写数字"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := discretion.ParseCase(strings.NewReader(tt.json))
			if err == nil {
				t.Fatalf("ParseCase accepted %q: %+v", tt.json, c)
			}
			ce := asCaseError(t, err)
			if len(ce.Problems) != 1 {
				t.Fatalf("problems = %+v, want 1", ce.Problems)
			}
			p := ce.Problems[0]
			if p.Field != tt.field || !strings.Contains(p.Message, tt.msg) {
				t.Errorf("problem = %+v, want field %q with %q", p, tt.field, tt.msg)
			}
		})
	}
}

func TestParseCase_rejects_oversized_input(t *testing.T) {
	big := `{"item": "` + strings.Repeat("x", discretion.MaxCaseSize) + `"}`
	_, err := discretion.ParseCase(strings.NewReader(big))
	ce := asCaseError(t, err)
	problem(t, ce, "", "超过1048576字节的上限")
}

func TestParseCase_keeps_decimal_exactness(t *testing.T) {
	// 0.1 + 0.2 and a 20-digit amount are not representable as float64.
	js := strings.Replace(goodCaseJSON, `"area_m2": 30`, `"area_m2": 0.30000000000000001, "gains": 12345678901234567.89`, 1)
	c, err := discretion.ParseCase(strings.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"area_m2": "0.30000000000000001", "gains": "12345678901234567.89"} {
		n, ok := c.Facts[name].(json.Number)
		if !ok {
			t.Fatalf("fact %s decoded as %T, want json.Number", name, c.Facts[name])
		}
		if string(n) != want {
			t.Errorf("fact %s = %s, want %s", name, n, want)
		}
	}
}

func TestParseCase_exact_base_reaches_the_fine(t *testing.T) {
	// 3 × 3333.33 is 9999.99 exactly; a float base would give 9999.990000000002
	// or round the cent away.
	e := engineFile(t, "validation.yaml", "effective: 2020-01-01", "effective: 2020-01-01\nrounding: {unit: 0.01}")
	js := `{"item": "V003", "party": {"type": "organization"}, "act_date": "2024-03-01",
	  "discovery_date": "2024-03-02", "decision_date": "2024-03-10",
	  "facts": {"illegal_gains": 3333.33, "harm": "minor"}}`
	c, err := discretion.ParseCase(strings.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	d := decide(t, e, c)
	wantFine(t, d, "3333.33", "9999.99")
	if !d.Fine.Max.Equal(decimal.RequireFromString("9999.99")) {
		t.Errorf("max %s is not exactly 9999.99", d.Fine.Max)
	}
	// The trace reads the base as stated.
	if got := factValue(t, step(t, d, "statutory", "amount"), "illegal_gains"); got != "3333.33" {
		t.Errorf("trace base = %s, want 3333.33", got)
	}
}

// A fact neither required nor defaulted that a grade's condition reads is
// missing for that condition: the Chinese says what the condition is in
// words, the English quotes it as written.
func TestCaseValidation_unstated_fact_a_condition_reads(t *testing.T) {
	e := engineYAML(t, "optional.yaml", `id: test-optional
title: 未填事实测试目录
issuer: 测试机关
effective: 2020-01-01
tier_scheme: midpoint
items:
  - code: O001
    name: 测试事项
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2}
    facts:
      area_m2: {type: number, label: 占用面积, unit: 平方米, min: 0}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 100, max: 1000}}
    benchmark:
      grades:
        - {id: small, label: 面积较小, when: "area_m2 < 10", fine: {min: 100, max: 500}}
        - {id: large, label: 面积较大, when: "area_m2 >= 10", fine: {min: 500, max: 1000}}
`)
	ce := caseError(t, e, newCase("O001", nil))
	p := problem(t, ce, "facts.area_m2", "缺少：“占用面积”（数字）", "占用面积不足10平方米")
	if strings.Contains(p.Message, "<") {
		t.Errorf("the Chinese shows the condition's syntax: %s", p.Message)
	}
	problem(t, ce.Localize("en"), "facts.area_m2", "missing: 占用面积 (a number) is needed by the condition of rule grade:small", "area_m2 < 10")
}
