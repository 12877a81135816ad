package condition_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

var pollutantsFact = &catalog.Fact{Name: "pollutants", Type: catalog.FactEnumList, Label: "超标污染物",
	Values: catalog.EnumValues{{Name: "so2", Label: "二氧化硫"}, {Name: "nox", Label: "氮氧化物"}, {Name: "pm", Label: "颗粒物"}}}

// listScope is the test scope with an enum_list fact in the next slot.
func listScope() *condition.Scope {
	s := testScope()
	s.Add("pollutants", numSlots, catalog.FactEnumList, pollutantsFact)
	return s
}

func listVals(t *testing.T, names ...string) []catalog.Value {
	t.Helper()
	v, err := pollutantsFact.Parse(names)
	if err != nil {
		t.Fatal(err)
	}
	vals := make([]catalog.Value, numSlots+1)
	vals[numSlots] = v
	vals[slotDays] = num("3")
	return vals
}

func TestListFacts(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		listed []string
		want   bool
		text   string
	}{
		{"list_fact_in_membership", `"so2" in pollutants`, []string{"nox", "so2"}, true, "超标污染物包括二氧化硫"},
		{"list_fact_in_membership_absent", `"so2" in pollutants`, []string{"nox"}, false, "超标污染物包括二氧化硫"},
		{"list_fact_not_in_membership", `!("pm" in pollutants)`, []string{"nox"}, true, "超标污染物不包括颗粒物"},
		{"list_fact_len_in_condition", `len(pollutants) >= 2`, []string{"nox", "pm"}, true, "超标污染物种类2种以上"},
		{"list_fact_len_below", `len(pollutants) >= 2`, []string{"pm"}, false, "超标污染物种类2种以上"},
		{"list_fact_len_empty_list", `len(pollutants) == 0`, nil, true, "超标污染物种类为0种"},
		{"list_fact_len_above_zero", `len(pollutants) > 0`, []string{"so2"}, true, "超标污染物种类1种以上"},
		{"list_fact_len_and_membership", `len(pollutants) < 3 && "nox" in pollutants && days > 1`, []string{"nox", "pm"}, true, "超标污染物种类不足3种，超标污染物包括氮氧化物，且天数超过1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, diags := condition.Compile(catalog.NewCond(tt.src), listScope())
			if len(diags) > 0 {
				t.Fatalf("Compile(%q): %v", tt.src, diags)
			}
			if got := e.Eval(listVals(t, tt.listed...)); got != tt.want {
				t.Errorf("Eval(%q) with %v = %v, want %v", tt.src, tt.listed, got, tt.want)
			}
			if got := condition.Render(e); got != tt.text {
				t.Errorf("Render(%q) = %q, want %q", tt.src, got, tt.text)
			}
			again, diags := condition.Compile(catalog.NewCond(condition.String(e.Root)), listScope())
			if len(diags) > 0 || condition.String(again.Root) != condition.String(e.Root) {
				t.Errorf("String(%q) = %q does not compile back to itself: %v", tt.src, condition.String(e.Root), diags)
			}
		})
	}
}

func TestListFactErrors(t *testing.T) {
	tests := []struct {
		name, src, rx string
	}{
		{"list_fact_unknown_member", `"so3" in pollutants`, `"so3" 不是 pollutants 的取值.*"so2"`},
		{"list_fact_compared_as_enum", `pollutants == "so2"`, `选项列表和带引号的值不能用 "==" 比较`},
		{"list_fact_len_of_number", `len(days) > 1`, `.`},
		{"list_fact_member_not_quoted", `harm in pollutants`, `只能检验一个带引号的值`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := condition.Compile(catalog.NewCond(tt.src), listScope())
			if len(diags) == 0 {
				t.Fatalf("Compile(%q): no error", tt.src)
			}
			var all []string
			for _, d := range diags {
				all = append(all, d.Error()+" "+d.Hint)
			}
			if !regexpMatch(tt.rx, strings.Join(all, "\n")) {
				t.Errorf("Compile(%q) = %v, want %s", tt.src, all, tt.rx)
			}
		})
	}
}

func TestListValueParse(t *testing.T) {
	if _, err := pollutantsFact.Parse([]any{"so2", "so2"}); err == nil || !strings.Contains(err.Error(), "twice") {
		t.Errorf("duplicate: %v", err)
	}
	if _, err := pollutantsFact.Parse([]any{"so2", 3.0}); err == nil {
		t.Error("number in list: no error")
	}
	if _, err := pollutantsFact.Parse("so2"); err == nil {
		t.Error("string for list: no error")
	}
	v, err := pollutantsFact.Parse([]any{"pm", "so2"})
	if err != nil || strings.Join(pollutantsFact.Names(v), ",") != "so2,pm" {
		t.Errorf("Parse = %v %v", pollutantsFact.Names(v), err)
	}
}

func TestListFactExplain(t *testing.T) {
	e, diags := condition.Compile(catalog.NewCond(`len(pollutants) >= 2 || "so2" in pollutants`), listScope())
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	held, why, ok := condition.Explain(e, listVals(t, "nox"), func(int) bool { return true })
	if !ok || held || strings.Join(why, "；") != "超标污染物为氮氧化物" {
		t.Errorf("Explain = %v %q %v, want false [超标污染物为氮氧化物]", held, why, ok)
	}
	_, why, _ = condition.Explain(e, listVals(t), func(int) bool { return true })
	if strings.Join(why, "；") != "无超标污染物" {
		t.Errorf("Explain(empty) = %q, want 无超标污染物", why)
	}
}
