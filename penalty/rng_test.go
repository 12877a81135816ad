package penalty

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestIntervalResolve(t *testing.T) {
	one, cent, ten := dec("1"), dec("0.01"), dec("10")
	tests := []struct {
		name string
		iv   Interval
		unit decimal.Decimal
		want Range
	}{
		// [1000, 5000]: 以上/以下 include the bound.
		{"interval_inclusive_on_grid_unchanged_unit_1",
			Interval{Min: dec("1000"), Max: decp("5000")}, one, closed("1000", "5000")},
		{"interval_inclusive_on_grid_unchanged_unit_0.01",
			Interval{Min: dec("1000"), Max: decp("5000")}, cent, closed("1000", "5000")},
		{"interval_inclusive_on_grid_unchanged_unit_10",
			Interval{Min: dec("1000"), Max: decp("5000")}, ten, closed("1000", "5000")},

		// [1000, 5000): "不足5000元".
		{"interval_exclusive_max_steps_one_unit",
			Interval{Min: dec("1000"), Max: decp("5000"), MaxExclusive: true}, one, closed("1000", "4999")},
		{"interval_exclusive_max_steps_one_cent",
			Interval{Min: dec("1000"), Max: decp("5000"), MaxExclusive: true}, cent, closed("1000", "4999.99")},
		{"interval_exclusive_max_steps_ten",
			Interval{Min: dec("1000"), Max: decp("5000"), MaxExclusive: true}, ten, closed("1000", "4990")},

		// (1000, 5000]: "超过1000元".
		{"interval_exclusive_min_steps_one_unit",
			Interval{Min: dec("1000"), Max: decp("5000"), MinExclusive: true}, one, closed("1001", "5000")},
		{"interval_exclusive_min_steps_one_cent",
			Interval{Min: dec("1000"), Max: decp("5000"), MinExclusive: true}, cent, closed("1000.01", "5000")},
		{"interval_exclusive_min_steps_ten",
			Interval{Min: dec("1000"), Max: decp("5000"), MinExclusive: true}, ten, closed("1010", "5000")},

		{"interval_exclusive_both_samr_general_5000_50000",
			Interval{Min: dec("18500"), Max: decp("36500"), MinExclusive: true, MaxExclusive: true}, one, closed("18501", "36499")},

		// Off-grid bounds round inward; an exclusive bound that is already
		// off the grid must not be stepped a second time.
		{"interval_inclusive_offgrid_rounds_inward_unit_1",
			Interval{Min: dec("1000.5"), Max: decp("4999.5")}, one, closed("1001", "4999")},
		{"interval_exclusive_offgrid_not_stepped_twice_unit_1",
			Interval{Min: dec("1000.5"), Max: decp("4999.5"), MinExclusive: true, MaxExclusive: true}, one, closed("1001", "4999")},
		{"interval_inclusive_offgrid_rounds_inward_unit_10",
			Interval{Min: dec("1003"), Max: decp("4997")}, ten, closed("1010", "4990")},
		{"interval_exclusive_offgrid_not_stepped_twice_unit_10",
			Interval{Min: dec("1003"), Max: decp("4997"), MinExclusive: true, MaxExclusive: true}, ten, closed("1010", "4990")},
		{"interval_inclusive_offgrid_rounds_inward_unit_0.01",
			Interval{Min: dec("1000.001"), Max: decp("4999.999")}, cent, closed("1000.01", "4999.99")},

		// No maximum: "处1万元以上罚款" / "超过1万元".
		{"interval_nil_max_inclusive_is_unbounded",
			Interval{Min: dec("10000")}, one, AtLeast(dec("10000"))},
		{"interval_nil_max_exclusive_min_is_unbounded_from_next_unit",
			Interval{Min: dec("10000"), MinExclusive: true}, one, AtLeast(dec("10001"))},
		{"interval_nil_max_ignores_max_exclusive_flag",
			Interval{Min: dec("10000"), MaxExclusive: true}, ten, AtLeast(dec("10000"))},

		// Amounts with more than 16 decimal places (ParseYuan allows 24
		// digits) must still round inward, never outward.
		{"interval_max_beyond_16_places_floors_inward",
			Interval{Min: dec("0"), Max: decp("2.99999999999999999")}, one, closed("0", "2")},
		{"interval_min_beyond_16_places_ceils_inward",
			Interval{Min: dec("3.00000000000000001"), Max: decp("10")}, one, closed("4", "10")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.iv.Resolve(tc.unit)
			if !got.Equal(tc.want) {
				t.Errorf("Resolve(%s) = %s, want %s", tc.unit, got, tc.want)
			}
		})
	}
}

func TestIntervalResolveExclusivePointIsEmpty(t *testing.T) {
	// (5000, 5000) holds no amount; Resolve must not invent one.
	iv := Interval{Min: dec("5000"), Max: decp("5000"), MinExclusive: true, MaxExclusive: true}
	for _, unit := range []string{"1", "0.01", "10"} {
		if got := iv.Resolve(dec(unit)); !got.Empty() {
			t.Errorf("Resolve(%s) of (5000, 5000) = %s, want an empty range", unit, got)
		}
	}
}

func TestRangeRound(t *testing.T) {
	tests := []struct {
		name      string
		r         Range
		unit      string
		want      Range
		collapsed bool // the result is allowed to leave r
	}{
		{"round_on_grid_unchanged", closed("1000", "5000"), "1", closed("1000", "5000"), false},
		{"round_inward_min_up_max_down_unit_1", closed("1000.4", "4999.6"), "1", closed("1001", "4999"), false},
		{"round_inward_min_up_max_down_unit_10", closed("1005", "4995"), "10", closed("1010", "4990"), false},
		{"round_inward_min_up_max_down_unit_0.01", closed("1.005", "2.999"), "0.01", closed("1.01", "2.99"), false},
		{"round_inward_30pct_of_odd_range", closed("500", "950.5"), "1", closed("500", "950"), false},
		{"round_inward_negative_amounts", closed("-2.5", "-0.5"), "1", closed("-2", "-1"), false},
		{"round_inward_beyond_16_places", closed("0.00000000000000001", "2.99999999999999999"), "1", closed("1", "2"), false},
		{"round_narrow_exact_grid_point_kept", closed("999.5", "1000.5"), "1", closed("1000", "1000"), false},

		// Too narrow for any grid point: collapse to the midpoint's nearest
		// grid point.
		{"round_collapse_mid_rounds_down", closed("1000.2", "1000.4"), "1", closed("1000", "1000"), true},
		{"round_collapse_mid_rounds_up", closed("1000.6", "1000.8"), "1", closed("1001", "1001"), true},
		{"round_collapse_half_rounds_up", closed("1000.3", "1000.7"), "1", closed("1001", "1001"), true},
		{"round_collapse_point_midpoint_general", closed("300.5", "300.5"), "1", closed("301", "301"), true},
		{"round_collapse_unit_10_half_up", closed("1001", "1009"), "10", closed("1010", "1010"), true},
		{"round_collapse_unit_10_down", closed("1001", "1003"), "10", closed("1000", "1000"), true},
		{"round_collapse_unit_0.01", closed("0.001", "0.004"), "0.01", closed("0", "0"), true},
		{"round_collapse_mid_just_below_half_beyond_16_places", closed("1000.4999999999999999998", "1000.4999999999999999999"), "1", closed("1000", "1000"), true},

		{"round_unbounded_rounds_min_up_only", AtLeast(dec("1000.5")), "1", AtLeast(dec("1001")), false},
		{"round_unbounded_unit_10", AtLeast(dec("10001")), "10", AtLeast(dec("10010")), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.r.Round(dec(tc.unit))
			if !got.Equal(tc.want) {
				t.Fatalf("%s.Round(%s) = %s, want %s", tc.r, tc.unit, got, tc.want)
			}
			if got.Empty() {
				t.Errorf("%s.Round(%s) is empty; a non-empty range must round to a non-empty one", tc.r, tc.unit)
			}
			if !tc.collapsed && !got.Within(tc.r) {
				t.Errorf("%s.Round(%s) = %s leaves the original range", tc.r, tc.unit, got)
			}
		})
	}
}

func TestRangeRoundEmptyStaysEmpty(t *testing.T) {
	r := closed("5000", "3000")
	got := r.Round(dec("1"))
	if !got.Empty() {
		t.Errorf("%s.Round(1) = %s, want an empty range (no collapse for an empty input)", r, got)
	}
}

func TestRangeContains(t *testing.T) {
	tests := []struct {
		name   string
		r      Range
		amount string
		want   bool
	}{
		{"contains_closed_min_inclusive", closed("5000", "50000"), "5000", true},
		{"contains_closed_max_inclusive", closed("5000", "50000"), "50000", true},
		{"contains_closed_interior", closed("5000", "50000"), "27500", true},
		{"contains_closed_one_fen_below_min", closed("5000", "50000"), "4999.99", false},
		{"contains_closed_one_fen_above_max", closed("5000", "50000"), "50000.01", false},
		{"contains_point_range_its_point", closed("300", "300"), "300", true},
		{"contains_unbounded_min_inclusive", AtLeast(dec("10000")), "10000", true},
		{"contains_unbounded_below_min", AtLeast(dec("10000")), "9999", false},
		{"contains_unbounded_huge_amount", AtLeast(dec("10000")), "1000000000000", true},
		{"contains_unbounded_ignores_stale_max", Range{Min: dec("10000"), Max: dec("20000"), Unbounded: true}, "30000", true},
		{"contains_empty_range_nothing", closed("5000", "3000"), "4000", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.r.Contains(dec(tc.amount)); got != tc.want {
				t.Errorf("%s.Contains(%s) = %v, want %v", tc.r, tc.amount, got, tc.want)
			}
		})
	}
}

func TestRangeWithin(t *testing.T) {
	full := closed("5000", "50000")
	tests := []struct {
		name     string
		r, outer Range
		want     bool
	}{
		{"within_lighter_tier_inside_full", closed("5000", "18500"), full, true},
		{"within_equal_ranges", full, full, true},
		{"within_min_below_outer_false", closed("4999", "18500"), full, false},
		{"within_max_above_outer_false", closed("36500", "50001"), full, false},
		{"within_superset_false", closed("0", "100000"), full, false},
		{"within_unbounded_in_closed_false", AtLeast(dec("10000")), full, false},
		{"within_closed_in_unbounded_true", closed("10000", "1000000"), AtLeast(dec("10000")), true},
		{"within_closed_in_unbounded_min_below_false", closed("9999", "20000"), AtLeast(dec("10000")), false},
		{"within_unbounded_in_unbounded_higher_min_true", AtLeast(dec("20000")), AtLeast(dec("10000")), true},
		{"within_unbounded_in_unbounded_lower_min_false", AtLeast(dec("5000")), AtLeast(dec("10000")), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.r.Within(tc.outer); got != tc.want {
				t.Errorf("%s.Within(%s) = %v, want %v", tc.r, tc.outer, got, tc.want)
			}
		})
	}
}

func TestRangeIntersect(t *testing.T) {
	tests := []struct {
		name      string
		a, b      Range
		want      Range
		wantEmpty bool
	}{
		{"intersect_overlap_takes_inner_bounds", closed("5000", "30000"), closed("10000", "50000"), closed("10000", "30000"), false},
		{"intersect_nested_is_inner", closed("5000", "50000"), closed("18500", "36500"), closed("18500", "36500"), false},
		{"intersect_touching_is_single_point", closed("5000", "10000"), closed("10000", "20000"), closed("10000", "10000"), false},
		{"intersect_disjoint_is_empty", closed("500", "2000"), closed("5000", "50000"), Range{}, true},
		{"intersect_unbounded_with_closed", AtLeast(dec("10000")), closed("5000", "50000"), closed("10000", "50000"), false},
		{"intersect_closed_with_unbounded", closed("5000", "50000"), AtLeast(dec("10000")), closed("10000", "50000"), false},
		{"intersect_closed_below_unbounded_is_empty", closed("500", "2000"), AtLeast(dec("10000")), Range{}, true},
		{"intersect_both_unbounded_is_unbounded_from_higher_min", AtLeast(dec("5000")), AtLeast(dec("10000")), AtLeast(dec("10000")), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.a.Intersect(tc.b)
			if got.Empty() != tc.wantEmpty {
				t.Fatalf("%s ∩ %s = %s, Empty() = %v, want %v", tc.a, tc.b, got, got.Empty(), tc.wantEmpty)
			}
			if !tc.wantEmpty && !got.Equal(tc.want) {
				t.Errorf("%s ∩ %s = %s, want %s", tc.a, tc.b, got, tc.want)
			}
			if rev := tc.b.Intersect(tc.a); !rev.Equal(got) {
				t.Errorf("intersection is not symmetric: %s vs %s", got, rev)
			}
		})
	}
}

func TestRangeEmptyAndIsZero(t *testing.T) {
	tests := []struct {
		name             string
		r                Range
		empty, zeroRange bool
	}{
		{"zero_range_is_zero_not_empty", closed("0", "0"), false, true},
		{"zero_range_with_fen_exponent_is_zero", closed("0.00", "0"), false, true},
		{"max_only_range_not_zero", closed("0", "20000"), false, false},
		{"point_range_not_empty", closed("3000", "3000"), false, false},
		{"inverted_range_is_empty", closed("5000", "3000"), true, false},
		{"unbounded_never_empty_even_with_stale_max", Range{Min: dec("10000"), Max: dec("0"), Unbounded: true}, false, false},
		{"unbounded_from_zero_not_zero", AtLeast(dec("0")), false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.r.Empty(); got != tc.empty {
				t.Errorf("%s.Empty() = %v, want %v", tc.r, got, tc.empty)
			}
			if got := tc.r.IsZero(); got != tc.zeroRange {
				t.Errorf("%s.IsZero() = %v, want %v", tc.r, got, tc.zeroRange)
			}
		})
	}
}

func TestRangeEqual(t *testing.T) {
	tests := []struct {
		name string
		a, b Range
		want bool
	}{
		{"equal_ignores_exponent", closed("5000", "50000"), closed("5000.00", "50000.0"), true},
		{"equal_min_differs", closed("5000", "50000"), closed("5001", "50000"), false},
		{"equal_max_differs", closed("5000", "50000"), closed("5000", "49999"), false},
		{"equal_unbounded_ignores_max", Range{Min: dec("1"), Max: dec("7"), Unbounded: true}, AtLeast(dec("1")), true},
		{"equal_unbounded_vs_closed_false", AtLeast(dec("1")), closed("1", "0"), false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.a.Equal(tc.b); got != tc.want {
				t.Errorf("%s.Equal(%s) = %v, want %v", tc.a, tc.b, got, tc.want)
			}
		})
	}
}

func TestRangeString(t *testing.T) {
	tests := []struct {
		name string
		r    Range
		want string
	}{
		{"string_closed", closed("5000", "50000"), "[5000, 50000]"},
		{"string_closed_fen", closed("1000", "4999.99"), "[1000, 4999.99]"},
		{"string_unbounded", AtLeast(dec("10000")), "[10000, ∞)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.r.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
		})
	}
}
