package condition_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// TestExplain: the reasons of a decision state the facts that decide a
// condition, in the words of the facts' labels and units, and only those:
// the failing operands of a conjunction that fails, one holding operand of
// a disjunction that holds.
func TestExplain(t *testing.T) {
	minor := catalog.Value{Type: catalog.FactEnum, Enum: "minor"}
	none := catalog.Value{Type: catalog.FactEnum, Enum: "none"}
	yes := catalog.Value{Type: catalog.FactBool, Bool: true}
	no := catalog.Value{Type: catalog.FactBool}
	for _, tc := range []struct {
		name, src string
		vals      map[int]catalog.Value
		held      bool
		why       string
	}{
		{"light_violation_fails_on_harm_only", `harm == "none" && corrected && area_m2 < 5`,
			map[int]catalog.Value{slotHarm: minor, slotCorrected: yes, slotArea: num("3")}, false, "危害后果为轻微"},
		{"light_violation_fails_on_two", `harm == "none" && corrected && area_m2 < 5`,
			map[int]catalog.Value{slotHarm: none, slotCorrected: no, slotArea: num("8")}, false, "未及时改正，面积为8"},
		{"conjunction_holds_states_all", `harm in ["none", "minor"] && corrected`,
			map[int]catalog.Value{slotHarm: minor, slotCorrected: yes}, true, "危害后果为轻微，及时改正"},
		{"disjunction_holds_states_one", `area_m2 >= 100 || days > 30 || harm == "serious"`,
			map[int]catalog.Value{slotArea: num("10"), slotDays: {Type: catalog.FactInt, Num: num("40").Num}, slotHarm: minor}, true, "天数为40"},
		{"disjunction_fails_states_all", `area_m2 >= 100 || days > 30`,
			map[int]catalog.Value{slotArea: num("10"), slotDays: {Type: catalog.FactInt, Num: num("3").Num}}, false, "面积为10，天数为3"},
		{"negation_pushed_inward", `!(corrected && area_m2 < 5)`,
			map[int]catalog.Value{slotCorrected: yes, slotArea: num("2")}, false, "及时改正，面积为2"},
		{"money_has_its_unit", `gains > 0`,
			map[int]catalog.Value{slotGains: {Type: catalog.FactMoney, Num: num("20000").Num}}, true, "违法所得为2万元"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, diags := condition.Compile(catalog.NewCond(tc.src), testScope())
			if len(diags) > 0 {
				t.Fatal(diags)
			}
			held, why, ok := condition.Explain(x, facts(tc.vals), func(slot int) bool { _, ok := tc.vals[slot]; return ok })
			if !ok {
				t.Fatal("not explained")
			}
			if held != tc.held || strings.Join(why, "，") != tc.why {
				t.Errorf("%s: got %v %q, want %v %q", tc.src, held, strings.Join(why, "，"), tc.held, tc.why)
			}
		})
	}
}

// TestExplainUnknownFact: a fact the case did not state is never explained
// by a zero value.
func TestExplainUnknownFact(t *testing.T) {
	x, diags := condition.Compile(catalog.NewCond(`area_m2 < 5 && corrected`), testScope())
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	vals := facts(map[int]catalog.Value{slotArea: num("3")})
	if _, why, ok := condition.Explain(x, vals, func(slot int) bool { return slot == slotArea }); ok {
		t.Errorf("explained with an unknown fact: %q", why)
	}
}
