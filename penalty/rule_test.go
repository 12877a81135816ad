package penalty

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Statutory clauses (LawRefBook/Laws texts), encoded as the engine would.
var (
	// 《城市公共交通条例》第四十五条: "并处违法所得1倍以上5倍以下的罚款；没有违法
	// 所得或者违法所得不足1万元的，处1万元以上5万元以下的罚款".
	publicTransport45 = Rule{
		Kind: Multiple, Min: dec("1"), Max: decp("5"), Base: "illegal_gains",
		Fallbacks: []Fallback{{
			When: Trigger{Zero: true, Below: decp("10000")},
			Rule: Rule{Kind: Fixed, Min: dec("10000"), Max: decp("50000")},
		}},
	}
	// 《宗教事务条例》第六十九条第二款: "可以并处违法所得1倍以上3倍以下的罚款；违法
	// 所得无法确定的，处5万元以下的罚款".
	religiousAffairs69p2 = Rule{
		Kind: Multiple, Min: dec("1"), Max: decp("3"), Base: "illegal_gains",
		Fallbacks: []Fallback{{
			When: Trigger{Undeterminable: true},
			Rule: Rule{Kind: Fixed, Min: dec("0"), Max: decp("50000")},
		}},
	}
	// 《浙江省司法鉴定管理条例》第四十三条: "有违法所得的，没收违法所得，并处违法所得
	// 一倍以上三倍以下的罚款" — no fallback.
	judicialAppraisal43 = Rule{Kind: Multiple, Min: dec("1"), Max: decp("3"), Base: "illegal_gains"}
	// 《城市生活垃圾管理办法》第三十八条: 单位 "应交城市生活垃圾处理费三倍以下且不超过
	// 3万元", 个人 "…三倍以下且不超过1000元".
	garbageFee38Unit       = Rule{Kind: Multiple, Min: dec("0"), Max: decp("3"), Base: "unpaid_fee", Cap: decp("30000")}
	garbageFee38Individual = Rule{Kind: Multiple, Min: dec("0"), Max: decp("3"), Base: "unpaid_fee", Cap: decp("1000")}
	// 《城乡规划法》第六十四条: "处建设工程造价百分之五以上百分之十以下的罚款" and
	// "可以并处建设工程造价百分之十以下的罚款".
	planning64Correctable   = Rule{Kind: Percent, Min: dec("5"), Max: decp("10"), Base: "construction_cost"}
	planning64Uncorrectable = Rule{Kind: Percent, Min: dec("0"), Max: decp("10"), Base: "construction_cost"}
	// 《城市道路管理条例》第四十条: "可以并处工程造价2%以下的罚款".
	roads40 = Rule{Kind: Percent, Min: dec("0"), Max: decp("2"), Base: "construction_cost"}
	// 《城乡规划法》第六十六条: "可以并处临时建设工程造价一倍以下的罚款".
	planning66 = Rule{Kind: Multiple, Min: dec("0"), Max: decp("1"), Base: "temporary_construction_cost"}
	// 《大气污染防治法》第一百一十八条第一款: 5000–50000.
	airPollution118 = Rule{Kind: Fixed, Min: dec("5000"), Max: decp("50000")}
	// 《城市道路管理条例》第四十二条: "可以处以2万元以下的罚款" (max only).
	roads42 = Rule{Kind: Fixed, Min: dec("0"), Max: decp("20000")}
	// A min-only clause, "处1万元以上罚款" (a shape the format supports;
	// no clause of this shape is encoded in the examples).
	minOnly10000 = Rule{Kind: Fixed, Min: dec("10000")}
	// A per-unit clause, "每棵处500元以上1000元以下罚款" (illustrative shape).
	perTree = Rule{Kind: PerUnit, Min: dec("500"), Max: decp("1000"), Base: "trees"}
)

func known(v string) BaseValue { return BaseValue{Known: true, Value: dec(v)} }

var (
	absent         = BaseValue{}
	undeterminable = BaseValue{Undeterminable: true}
)

func TestRuleEvaluate(t *testing.T) {
	tests := []struct {
		name         string
		rule         Rule
		base         BaseValue
		want         Range
		wantPath     []int
		wantApplied  RuleKind
		wantBase     string // "" = not checked
		wantCapped   bool
		wantZeroFine bool // the law allows no fine: Range.IsZero()
	}{
		// Fixed ranges ignore the base.
		{name: "fixed_both_bounds_air118", rule: airPollution118, base: absent,
			want: closed("5000", "50000"), wantApplied: Fixed},
		{name: "fixed_ignores_undeterminable_base", rule: airPollution118, base: undeterminable,
			want: closed("5000", "50000"), wantApplied: Fixed},
		{name: "fixed_max_only_roads42_from_zero", rule: roads42, base: known("123"),
			want: closed("0", "20000"), wantApplied: Fixed},
		{name: "fixed_min_only_is_unbounded", rule: minOnly10000, base: absent,
			want: AtLeast(dec("10000")), wantApplied: Fixed},

		// 城市公共交通条例 45.
		{name: "multiple_zero_gains_uses_fallback", rule: publicTransport45, base: known("0"),
			want: closed("10000", "50000"), wantPath: []int{0}, wantApplied: Fixed},
		{name: "multiple_gains_9999.99_below_10000_uses_fallback", rule: publicTransport45, base: known("9999.99"),
			want: closed("10000", "50000"), wantPath: []int{0}, wantApplied: Fixed},
		{name: "multiple_gains_exactly_10000_is_1x_to_5x", rule: publicTransport45, base: known("10000"),
			want: closed("10000", "50000"), wantApplied: Multiple, wantBase: "10000"},
		{name: "multiple_gains_20000_is_1x_to_5x", rule: publicTransport45, base: known("20000"),
			want: closed("20000", "100000"), wantApplied: Multiple, wantBase: "20000"},
		{name: "multiple_gains_with_fen_scales_exactly", rule: publicTransport45, base: known("12345.67"),
			want: closed("12345.67", "61728.35"), wantApplied: Multiple, wantBase: "12345.67"},

		// 宗教事务条例 69 ¶2: fallback only when undeterminable.
		{name: "multiple_undeterminable_gains_uses_max_only_fallback", rule: religiousAffairs69p2, base: undeterminable,
			want: closed("0", "50000"), wantPath: []int{0}, wantApplied: Fixed},
		{name: "multiple_zero_gains_no_zero_fallback_gives_no_fine", rule: religiousAffairs69p2, base: known("0"),
			want: closed("0", "0"), wantApplied: Multiple, wantBase: "0", wantZeroFine: true},
		{name: "multiple_small_gains_no_below_fallback_scales", rule: religiousAffairs69p2, base: known("100"),
			want: closed("100", "300"), wantApplied: Multiple, wantBase: "100"},
		{name: "multiple_gains_5000_is_1x_to_3x", rule: religiousAffairs69p2, base: known("5000"),
			want: closed("5000", "15000"), wantApplied: Multiple, wantBase: "5000"},

		// 浙江省司法鉴定管理条例 43: no gains, no fine.
		{name: "multiple_no_fallback_zero_gains_no_fine", rule: judicialAppraisal43, base: known("0"),
			want: closed("0", "0"), wantApplied: Multiple, wantBase: "0", wantZeroFine: true},

		// 城市生活垃圾管理办法 38: caps.
		{name: "cap_not_reached_3x_fee_5000", rule: garbageFee38Unit, base: known("5000"),
			want: closed("0", "15000"), wantApplied: Multiple, wantBase: "5000"},
		{name: "cap_exactly_reached_3x_fee_10000_not_capped", rule: garbageFee38Unit, base: known("10000"),
			want: closed("0", "30000"), wantApplied: Multiple, wantBase: "10000"},
		{name: "cap_lowers_max_3x_fee_10000.01", rule: garbageFee38Unit, base: known("10000.01"),
			want: closed("0", "30000"), wantApplied: Multiple, wantBase: "10000.01", wantCapped: true},
		{name: "cap_lowers_max_3x_fee_30000", rule: garbageFee38Unit, base: known("30000"),
			want: closed("0", "30000"), wantApplied: Multiple, wantBase: "30000", wantCapped: true},
		{name: "cap_individual_not_reached_fee_200", rule: garbageFee38Individual, base: known("200"),
			want: closed("0", "600"), wantApplied: Multiple, wantBase: "200"},
		{name: "cap_individual_lowers_max_fee_500_to_1000", rule: garbageFee38Individual, base: known("500"),
			want: closed("0", "1000"), wantApplied: Multiple, wantBase: "500", wantCapped: true},
		{name: "cap_clamps_min_when_min_exceeds_cap",
			rule: Rule{Kind: Multiple, Min: dec("1"), Max: decp("3"), Base: "unpaid_fee", Cap: decp("30000")},
			base: known("40000"), want: closed("30000", "30000"), wantApplied: Multiple, wantBase: "40000", wantCapped: true},
		{name: "cap_bounds_unbounded_multiple",
			rule: Rule{Kind: Multiple, Min: dec("1"), Base: "unpaid_fee", Cap: decp("30000")},
			base: known("10000"), want: closed("10000", "30000"), wantApplied: Multiple, wantBase: "10000", wantCapped: true},

		// 城乡规划法 64 / 城市道路管理条例 40 / 城乡规划法 66.
		{name: "percent_5_to_10_of_cost_200000", rule: planning64Correctable, base: known("200000"),
			want: closed("10000", "20000"), wantApplied: Percent, wantBase: "200000"},
		{name: "percent_5_to_10_of_cost_with_fen_is_exact", rule: planning64Correctable, base: known("123456.78"),
			want: closed("6172.839", "12345.678"), wantApplied: Percent, wantBase: "123456.78"},
		{name: "percent_of_base_beyond_14_places_is_exact", rule: planning64Correctable, base: known("1.00000000000000000001"),
			want: closed("0.0500000000000000000005", "0.100000000000000000001"), wantApplied: Percent, wantBase: "1.00000000000000000001"},
		{name: "percent_up_to_10_of_cost_200000", rule: planning64Uncorrectable, base: known("200000"),
			want: closed("0", "20000"), wantApplied: Percent, wantBase: "200000"},
		{name: "percent_up_to_2_of_road_cost_1000000", rule: roads40, base: known("1000000"),
			want: closed("0", "20000"), wantApplied: Percent, wantBase: "1000000"},
		{name: "percent_without_max_is_unbounded",
			rule: Rule{Kind: Percent, Min: dec("5"), Base: "construction_cost"}, base: known("200000"),
			want: AtLeast(dec("10000")), wantApplied: Percent, wantBase: "200000"},
		{name: "multiple_up_to_1x_temporary_cost_80000", rule: planning66, base: known("80000"),
			want: closed("0", "80000"), wantApplied: Multiple, wantBase: "80000"},

		// Per unit.
		{name: "per_unit_3_trees_500_to_1000_each", rule: perTree, base: known("3"),
			want: closed("1500", "3000"), wantApplied: PerUnit, wantBase: "3"},
		{name: "per_unit_fractional_area_12.5",
			rule: Rule{Kind: PerUnit, Min: dec("100"), Max: decp("200"), Base: "area_m2"}, base: known("12.5"),
			want: closed("1250", "2500"), wantApplied: PerUnit, wantBase: "12.5"},
		{name: "per_unit_cap_lowers_max_10_trees_cap_5000",
			rule: Rule{Kind: PerUnit, Min: dec("500"), Max: decp("1000"), Base: "trees", Cap: decp("5000")}, base: known("10"),
			want: closed("5000", "5000"), wantApplied: PerUnit, wantBase: "10", wantCapped: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := tc.rule.Evaluate(tc.base)
			if err != nil {
				t.Fatalf("Evaluate: unexpected error %v", err)
			}
			if !out.Range.Equal(tc.want) {
				t.Errorf("Range = %s, want %s", out.Range, tc.want)
			}
			if !slices.Equal(out.FallbackPath, tc.wantPath) {
				t.Errorf("FallbackPath = %v, want %v", out.FallbackPath, tc.wantPath)
			}
			if out.Applied.Kind != tc.wantApplied {
				t.Errorf("Applied.Kind = %v, want %v", out.Applied.Kind, tc.wantApplied)
			}
			if tc.wantBase != "" && !out.Base.Equal(dec(tc.wantBase)) {
				t.Errorf("Base = %s, want %s", out.Base, tc.wantBase)
			}
			if out.Capped != tc.wantCapped {
				t.Errorf("Capped = %v, want %v", out.Capped, tc.wantCapped)
			}
			if out.Range.IsZero() != tc.wantZeroFine {
				t.Errorf("Range.IsZero() = %v, want %v", out.Range.IsZero(), tc.wantZeroFine)
			}
		})
	}
}

func TestRuleEvaluateFallbackAppliedIsTheFallbackRule(t *testing.T) {
	out, err := publicTransport45.Evaluate(known("0"))
	if err != nil {
		t.Fatal(err)
	}
	fb := publicTransport45.Fallbacks[0].Rule
	if out.Applied.Kind != fb.Kind || !out.Applied.Min.Equal(fb.Min) || !out.Applied.Max.Equal(*fb.Max) {
		t.Errorf("Applied = %+v, want the fallback rule %+v", out.Applied, fb)
	}
	if len(out.Applied.Fallbacks) != 0 {
		t.Errorf("Applied has fallbacks %v; it should be the fallback, not the parent", out.Applied.Fallbacks)
	}
}

func TestRuleEvaluateErrors(t *testing.T) {
	tests := []struct {
		name     string
		rule     Rule
		base     BaseValue
		wantPath []int // path reported alongside the error, nil if none
		check    func(t *testing.T, err error)
	}{
		{name: "multiple_no_fallback_missing_base_is_ErrBaseMissing", rule: judicialAppraisal43, base: absent,
			check: wantMissing("illegal_gains")},
		{name: "multiple_no_fallback_undeterminable_is_ErrBaseUndeterminable", rule: judicialAppraisal43, base: undeterminable,
			check: wantUndeterminable("illegal_gains")},
		{name: "multiple_zero_below_fallback_does_not_cover_missing_base", rule: publicTransport45, base: absent,
			check: wantMissing("illegal_gains")},
		{name: "multiple_zero_below_fallback_does_not_cover_undeterminable", rule: publicTransport45, base: undeterminable,
			check: wantUndeterminable("illegal_gains")},
		{name: "multiple_undeterminable_fallback_does_not_cover_missing_base", rule: religiousAffairs69p2, base: absent,
			check: wantMissing("illegal_gains")},
		{name: "percent_missing_cost_is_ErrBaseMissing", rule: planning64Correctable, base: absent,
			check: wantMissing("construction_cost")},
		{name: "per_unit_undeterminable_count_is_ErrBaseUndeterminable", rule: perTree, base: undeterminable,
			check: wantUndeterminable("trees")},
		{name: "undeterminable_flag_wins_over_known_value", rule: judicialAppraisal43,
			base:  BaseValue{Known: true, Undeterminable: true, Value: dec("5000")},
			check: wantUndeterminable("illegal_gains")},
		{name: "fallback_error_propagates_from_nested_rule",
			rule: Rule{Kind: Multiple, Min: dec("1"), Max: decp("5"), Base: "illegal_gains",
				Fallbacks: []Fallback{{When: Trigger{Absent: true},
					Rule: Rule{Kind: Multiple, Min: dec("1"), Max: decp("3"), Base: "goods_value"}}}},
			base: absent, wantPath: []int{0}, check: wantMissing("goods_value")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := tc.rule.Evaluate(tc.base)
			if err == nil {
				t.Fatalf("Evaluate = %s, want an error", out.Range)
			}
			tc.check(t, err)
			if tc.wantPath != nil && !slices.Equal(out.FallbackPath, tc.wantPath) {
				t.Errorf("FallbackPath = %v, want %v", out.FallbackPath, tc.wantPath)
			}
		})
	}
}

func wantMissing(base string) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		t.Helper()
		var e *ErrBaseMissing
		if !errors.As(fmt.Errorf("wrapped: %w", err), &e) {
			t.Fatalf("error %v (%T) is not *ErrBaseMissing", err, err)
		}
		if e.Base != base {
			t.Errorf("ErrBaseMissing.Base = %q, want %q", e.Base, base)
		}
		var u *ErrBaseUndeterminable
		if errors.As(err, &u) {
			t.Errorf("error %v is also *ErrBaseUndeterminable", err)
		}
		if !strings.Contains(err.Error(), `"`+base+`"`) {
			t.Errorf("error %q does not name the base %q", err, base)
		}
	}
}

func wantUndeterminable(base string) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		t.Helper()
		var e *ErrBaseUndeterminable
		if !errors.As(fmt.Errorf("wrapped: %w", err), &e) {
			t.Fatalf("error %v (%T) is not *ErrBaseUndeterminable", err, err)
		}
		if e.Base != base {
			t.Errorf("ErrBaseUndeterminable.Base = %q, want %q", e.Base, base)
		}
		var m *ErrBaseMissing
		if errors.As(err, &m) {
			t.Errorf("error %v is also *ErrBaseMissing", err)
		}
		if !strings.Contains(err.Error(), `"`+base+`"`) {
			t.Errorf("error %q does not name the base %q", err, base)
		}
	}
}

func TestRuleEvaluateFallbackOrder(t *testing.T) {
	zeroA := Rule{Kind: Fixed, Min: dec("1"), Max: decp("2")}
	zeroB := Rule{Kind: Fixed, Min: dec("3"), Max: decp("4")}
	inner := Rule{Kind: Multiple, Min: dec("1"), Max: decp("2"), Base: "gains",
		Fallbacks: []Fallback{
			{When: Trigger{Zero: true}, Rule: Rule{Kind: Fixed, Min: dec("10000"), Max: decp("50000")}},
			{When: Trigger{Absent: true}, Rule: Rule{Kind: Fixed, Min: dec("0"), Max: decp("100")}},
		}}
	tests := []struct {
		name     string
		rule     Rule
		base     BaseValue
		want     Range
		wantPath []int
	}{
		{"fallbacks_first_match_wins",
			Rule{Kind: Multiple, Min: dec("1"), Max: decp("5"), Base: "gains",
				Fallbacks: []Fallback{{When: Trigger{Zero: true}, Rule: zeroA}, {When: Trigger{Zero: true}, Rule: zeroB}}},
			known("0"), closed("1", "2"), []int{0}},
		{"fallbacks_skip_non_matching_then_take_second",
			Rule{Kind: Multiple, Min: dec("1"), Max: decp("5"), Base: "gains",
				Fallbacks: []Fallback{{When: Trigger{Undeterminable: true}, Rule: zeroA}, {When: Trigger{Zero: true}, Rule: zeroB}}},
			known("0"), closed("3", "4"), []int{1}},
		{"fallbacks_nested_path_outermost_first",
			Rule{Kind: Multiple, Min: dec("1"), Max: decp("5"), Base: "gains",
				Fallbacks: []Fallback{{When: Trigger{Undeterminable: true}, Rule: zeroA}, {When: Trigger{Below: decp("1")}, Rule: inner}}},
			known("0"), closed("10000", "50000"), []int{1, 0}},
		{"fallbacks_nested_rule_itself_applies",
			Rule{Kind: Multiple, Min: dec("1"), Max: decp("5"), Base: "gains",
				Fallbacks: []Fallback{{When: Trigger{Below: decp("100")}, Rule: inner}}},
			known("50"), closed("50", "100"), []int{0}},
		{"fallbacks_on_fixed_rule_can_replace_it",
			Rule{Kind: Fixed, Min: dec("5000"), Max: decp("50000"),
				Fallbacks: []Fallback{{When: Trigger{Undeterminable: true}, Rule: zeroA}}},
			undeterminable, closed("1", "2"), []int{0}},
		{"fallbacks_on_fixed_rule_not_matching_keep_fixed",
			Rule{Kind: Fixed, Min: dec("5000"), Max: decp("50000"),
				Fallbacks: []Fallback{{When: Trigger{Undeterminable: true}, Rule: zeroA}}},
			absent, closed("5000", "50000"), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := tc.rule.Evaluate(tc.base)
			if err != nil {
				t.Fatalf("Evaluate: unexpected error %v", err)
			}
			if !out.Range.Equal(tc.want) {
				t.Errorf("Range = %s, want %s", out.Range, tc.want)
			}
			if !slices.Equal(out.FallbackPath, tc.wantPath) {
				t.Errorf("FallbackPath = %v, want %v", out.FallbackPath, tc.wantPath)
			}
		})
	}
}

func TestRuleEvaluateDoesNotMutateRule(t *testing.T) {
	// Evaluating twice must give the same path: the path slice must not be
	// shared with or accumulated into the rule.
	for i := 0; i < 2; i++ {
		out, err := publicTransport45.Evaluate(known("0"))
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(out.FallbackPath, []int{0}) {
			t.Fatalf("run %d: FallbackPath = %v, want [0]", i, out.FallbackPath)
		}
	}
	if m := publicTransport45.Max; m == nil || !m.Equal(dec("5")) {
		t.Errorf("rule Max changed to %v", m)
	}
}

func TestTriggerMatches(t *testing.T) {
	tests := []struct {
		name string
		tr   Trigger
		base BaseValue
		want bool
	}{
		{"trigger_zero_fires_on_zero", Trigger{Zero: true}, known("0"), true},
		{"trigger_zero_fires_on_zero_with_fen", Trigger{Zero: true}, known("0.00"), true},
		{"trigger_zero_not_on_one_fen", Trigger{Zero: true}, known("0.01"), false},
		{"trigger_below_exclusive_fires_just_below", Trigger{Below: decp("10000")}, known("9999.99"), true},
		{"trigger_below_exclusive_not_at_threshold", Trigger{Below: decp("10000")}, known("10000"), false},
		{"trigger_below_not_above_threshold", Trigger{Below: decp("10000")}, known("20000"), false},
		{"trigger_below_fires_on_zero", Trigger{Below: decp("10000")}, known("0"), true},
		{"trigger_absent_fires_when_not_stated", Trigger{Absent: true}, absent, true},
		{"trigger_absent_not_on_stated_zero", Trigger{Absent: true}, known("0"), false},
		{"trigger_zero_not_on_absent", Trigger{Zero: true, Below: decp("10000")}, absent, false},
		{"trigger_undeterminable_fires", Trigger{Undeterminable: true}, undeterminable, true},
		{"trigger_undeterminable_not_on_absent", Trigger{Undeterminable: true}, absent, false},
		{"trigger_undeterminable_not_on_known", Trigger{Undeterminable: true}, known("0"), false},
		{"trigger_zero_below_absent_not_on_undeterminable", Trigger{Zero: true, Absent: true, Below: decp("10000")}, undeterminable, false},
		{"trigger_undeterminable_wins_over_known_zero", Trigger{Zero: true},
			BaseValue{Known: true, Undeterminable: true, Value: dec("0")}, false},
		{"trigger_empty_never_fires_on_zero", Trigger{}, known("0"), false},
		{"trigger_empty_never_fires_on_absent", Trigger{}, absent, false},
		{"trigger_empty_never_fires_on_undeterminable", Trigger{}, undeterminable, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.tr.Matches(tc.base); got != tc.want {
				t.Errorf("Matches(%+v) = %v, want %v", tc.base, got, tc.want)
			}
		})
	}
}

func TestRuleKindString(t *testing.T) {
	tests := []struct {
		kind RuleKind
		want string
	}{
		{Fixed, "fixed"},
		{Multiple, "multiple"},
		{Percent, "percent"},
		{PerUnit, "per_unit"},
		{RuleKind(0), "RuleKind(0)"},
		{RuleKind(5), "RuleKind(5)"},
		{RuleKind(255), "RuleKind(255)"},
	}
	for _, tc := range tests {
		t.Run("rule_kind_string_"+tc.want, func(t *testing.T) {
			if got := tc.kind.String(); got != tc.want {
				t.Errorf("RuleKind(%d).String() = %q, want %q", uint8(tc.kind), got, tc.want)
			}
		})
	}
}

func TestRuleFactorRange(t *testing.T) {
	tests := []struct {
		name string
		rule Rule
		want Range
	}{
		{"factor_range_multiple_1_to_5", publicTransport45, closed("1", "5")},
		{"factor_range_percent_5_to_10", planning64Correctable, closed("5", "10")},
		{"factor_range_fixed_max_only_yuan", roads42, closed("0", "20000")},
		{"factor_range_fixed_min_only_unbounded", minOnly10000, AtLeast(dec("10000"))},
		{"factor_range_ignores_cap", garbageFee38Unit, closed("0", "3")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.rule.FactorRange(); !got.Equal(tc.want) {
				t.Errorf("FactorRange() = %s, want %s", got, tc.want)
			}
		})
	}
}

// TestRuleBaseFact: the base a fine is computed from is the rule's own, or
// that of its first fallback with one; a fixed range has none.
func TestRuleBaseFact(t *testing.T) {
	fixed := Rule{Kind: Fixed}
	gains := Rule{Base: "illegal_gains"}
	viaFallback := Rule{Fallbacks: []Fallback{{Rule: fixed}, {Rule: gains}}}
	for _, tt := range []struct {
		name string
		rule Rule
		want string
	}{{"fixed_range_has_no_base", fixed, ""}, {"own_base", gains, "illegal_gains"}, {"first_fallback_with_a_base", viaFallback, "illegal_gains"}} {
		if got := tt.rule.BaseFact(); got != tt.want {
			t.Errorf("%s: BaseFact() = %q, want %q", tt.name, got, tt.want)
		}
	}
}
