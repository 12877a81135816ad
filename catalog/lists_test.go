package catalog_test

import (
	"testing"

	"github.com/jizhun/jizhun/catalog"
)

// A list's items mix codes and entries that state the situation the list
// exempts: each keeps its code, condition, published wording, 备注 and
// the position an error about it points at.
func TestListEntriesMixCodesAndSituations(t *testing.T) {
	cat, err := catalog.Load("lists.yaml", []byte(listEntriesYAML))
	if err != nil {
		t.Fatal(err)
	}
	fo2023, fo2024 := cat.ListByID("fo2023"), cat.ListByID("fo2024")
	if fo2023 == nil || fo2024 == nil {
		t.Fatal("lists fo2023 and fo2024 not loaded")
	}
	tests := []struct {
		name              string
		list              *catalog.List
		code              string
		when, label, note string
		line, col         int
	}{
		{"list_entry_mapping_keeps_its_situation", fo2023, "L001", "area_m2 <= 2", "占用面积不超过2平方米", "", 13, 9},
		{"list_entry_code_names_the_item_alone", fo2023, "L002", "", "", "", 14, 9},
		{"list_entry_mapping_keeps_its_note", fo2024, "L001", "area_m2 <= 5", "占用面积不超过5平方米", "2024年版放宽", 20, 9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := tt.list.Entry(tt.code)
			if e == nil || !tt.list.Lists(tt.code) {
				t.Fatalf("%s does not list %s", tt.list.ID, tt.code)
			}
			when := ""
			if e.When != nil {
				when = e.When.Src
			}
			if when != tt.when || e.Label != tt.label || e.Note != tt.note {
				t.Errorf("entry = {when %q, label %q, note %q}, want {%q, %q, %q}", when, e.Label, e.Note, tt.when, tt.label, tt.note)
			}
			if e.Pos.Line != tt.line || e.Pos.Col != tt.col {
				t.Errorf("entry at %d:%d, want %d:%d", e.Pos.Line, e.Pos.Col, tt.line, tt.col)
			}
		})
	}
	if fo2023.Lists("L003") || fo2023.Entry("L003") != nil {
		t.Error("fo2023 lists L003, which it does not name")
	}
}

var listEntriesYAML = `id: lists
title: 测试目录
issuer: 测试局
effective: 2023-01-01
tier_scheme: midpoint
lists:
  - id: fo2023
    kind: first_offense
    title: 首违不罚清单（2023年版）
    effective: 2023-01-01
    expires: 2023-12-31
    items:
      - {item: L001, when: "area_m2 <= 2", label: 占用面积不超过2平方米}
      - L002
  - id: fo2024
    kind: first_offense
    title: 首违不罚清单（2024年版）
    effective: 2024-01-01
    items:
      - item: L001
        when: area_m2 <= 5
        label: 占用面积不超过5平方米
        note: 2024年版放宽
      - L002
items:
` + listItemYAML("L001") + listItemYAML("L002") + listItemYAML("L003")

func listItemYAML(code string) string {
	return `  - code: ` + code + `
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
        - {id: only, label: 一般, when: "true", fine: {min: 100, max: 1000}}
      first_offense: {list: fo2024, window: 1y, when: "true"}
`
}
