package penalty

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// iv builds an expected author interval of a split.
func iv(min, max string, minEx, maxEx bool) Interval {
	return Interval{Min: dec(min), Max: decp(max), MinExclusive: minEx, MaxExclusive: maxEx}
}

func ivEqual(a, b Interval) bool {
	if !a.Min.Equal(b.Min) || a.MinExclusive != b.MinExclusive || a.MaxExclusive != b.MaxExclusive {
		return false
	}
	if a.Max == nil || b.Max == nil {
		return a.Max == nil && b.Max == nil
	}
	return a.Max.Equal(*b.Max)
}

func ivString(v Interval) string {
	lb, rb, max := "[", "]", "∞"
	if v.MinExclusive {
		lb = "("
	}
	if v.MaxExclusive || v.Max == nil {
		rb = ")"
	}
	if v.Max != nil {
		max = v.Max.String()
	}
	return fmt.Sprintf("%s%s, %s%s", lb, v.Min, max, rb)
}

type splitCase struct {
	name     string
	scheme   Scheme
	r        Range
	tier     Tier
	want     Interval
	resolved Range // at a unit of 1 yuan
}

// samr30Rows are statutory ranges [L, U] and the SAMR_30
// (lower_upper_30) cut points L+0.3d and U−0.3d.
var samr30Rows = []struct {
	clause, l, u, lo, hi, m string
}{
	{"air118_1_5000_50000", "5000", "50000", "18500", "36500", "27500"},
	{"air119_individual_500_2000", "500", "2000", "950", "1550", "1250"},
	{"air118_3_bbq_500_20000", "500", "20000", "6350", "14150", "10250"},
	{"zj_cityscape32_100_500", "100", "500", "220", "380", "300"},
	{"zj_cityscape12_individual_200_1000", "200", "1000", "440", "760", "600"},
	{"solid_waste111_unit_100000_1000000", "100000", "1000000", "370000", "730000", "550000"},
	{"planning64_cost_200000_10000_20000", "10000", "20000", "13000", "17000", "15000"},
}

func plus1(s string) string  { return dec(s).Add(dec("1")).String() }
func minus1(s string) string { return dec(s).Sub(dec("1")).String() }

func workedSplitCases() []splitCase {
	var cs []splitCase
	for _, w := range samr30Rows {
		r := closed(w.l, w.u)
		cs = append(cs,
			splitCase{"lower30_lighter_is_lower_30pct_closed_" + w.clause, Lower30Upper30, r, Lighter,
				iv(w.l, w.lo, false, false), closed(w.l, w.lo)},
			splitCase{"lower30_general_excludes_both_cut_points_" + w.clause, Lower30Upper30, r, General,
				iv(w.lo, w.hi, true, true), closed(plus1(w.lo), minus1(w.hi))},
			splitCase{"upper30_heavier_is_upper_30pct_closed_" + w.clause, Lower30Upper30, r, Heavier,
				iv(w.hi, w.u, false, false), closed(w.hi, w.u)},
			splitCase{"midpoint_lighter_excludes_M_" + w.clause, Midpoint, r, Lighter,
				iv(w.l, w.m, false, true), closed(w.l, minus1(w.m))},
			splitCase{"midpoint_general_is_point_M_" + w.clause, Midpoint, r, General,
				iv(w.m, w.m, false, false), closed(w.m, w.m)},
			splitCase{"midpoint_heavier_includes_M_" + w.clause, Midpoint, r, Heavier,
				iv(w.m, w.u, false, false), closed(w.m, w.u)},
		)
	}
	return cs
}

func TestSchemeSplit(t *testing.T) {
	cases := workedSplitCases()
	cases = append(cases, []splitCase{
		// Midpoint on a range whose midpoint is off the yuan grid.
		{"midpoint_odd_range_lighter_excludes_M_300.5", Midpoint, closed("100", "501"), Lighter,
			iv("100", "300.5", false, true), closed("100", "300")},
		{"midpoint_odd_range_heavier_from_M_300.5", Midpoint, closed("100", "501"), Heavier,
			iv("300.5", "501", false, false), closed("301", "501")},
		// A point range: nothing is excluded, every tier is the point.
		{"midpoint_point_range_lighter_keeps_point", Midpoint, closed("5000", "5000"), Lighter,
			iv("5000", "5000", false, false), closed("5000", "5000")},
		{"midpoint_point_range_general_is_point", Midpoint, closed("5000", "5000"), General,
			iv("5000", "5000", false, false), closed("5000", "5000")},
		{"midpoint_point_range_heavier_is_point", Midpoint, closed("5000", "5000"), Heavier,
			iv("5000", "5000", false, false), closed("5000", "5000")},

		// max_only_40_60 on "Y元以下" clauses.
		{"maxonly_lighter_up_to_20pct_roads42_20000", MaxOnly4060, closed("0", "20000"), Lighter,
			iv("0", "4000", false, false), closed("0", "4000")},
		{"maxonly_general_40_to_60pct_roads42_20000", MaxOnly4060, closed("0", "20000"), General,
			iv("8000", "12000", false, false), closed("8000", "12000")},
		{"maxonly_heavier_above_60pct_excludes_cut_roads42_20000", MaxOnly4060, closed("0", "20000"), Heavier,
			iv("12000", "20000", true, false), closed("12001", "20000")},
		{"maxonly_lighter_religious69_fallback_50000", MaxOnly4060, closed("0", "50000"), Lighter,
			iv("0", "10000", false, false), closed("0", "10000")},
		{"maxonly_general_religious69_fallback_50000", MaxOnly4060, closed("0", "50000"), General,
			iv("20000", "30000", false, false), closed("20000", "30000")},
		{"maxonly_heavier_religious69_fallback_50000", MaxOnly4060, closed("0", "50000"), Heavier,
			iv("30000", "50000", true, false), closed("30001", "50000")},
		{"maxonly_gas49_individual_1000_general", MaxOnly4060, closed("0", "1000"), General,
			iv("400", "600", false, false), closed("400", "600")},
		// Applied to a range with a minimum, cut points clamp into [L, U].
		{"maxonly_lighter_clamped_up_to_min", MaxOnly4060, closed("5000", "20000"), Lighter,
			iv("5000", "5000", false, false), closed("5000", "5000")},
		{"maxonly_general_clamped_up_to_min", MaxOnly4060, closed("15000", "20000"), General,
			iv("15000", "15000", false, false), closed("15000", "15000")},
		{"maxonly_heavier_clamped_cut_at_min", MaxOnly4060, closed("15000", "20000"), Heavier,
			iv("15000", "20000", true, false), closed("15001", "20000")},
	}...)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.scheme.Split(tc.r, tc.tier)
			if err != nil {
				t.Fatalf("%s.Split(%s, %v): unexpected error %v", tc.scheme, tc.r, tc.tier, err)
			}
			if !ivEqual(got, tc.want) {
				t.Errorf("%s.Split(%s, %v) = %s, want %s", tc.scheme, tc.r, tc.tier, ivString(got), ivString(tc.want))
			}
			res := got.Resolve(dec("1"))
			if !res.Equal(tc.resolved) {
				t.Errorf("resolved at 1 yuan = %s, want %s", res, tc.resolved)
			}
			if !res.Within(tc.r) {
				t.Errorf("resolved tier %s leaves the statutory range %s", res, tc.r)
			}
		})
	}
}

// TestSchemeSplitTiersPartition checks, on the grid of one yuan, that the
// lower_upper_30 tiers of every worked row are disjoint, ordered and together
// cover [L, U] without a gap.
func TestSchemeSplitTiersPartition(t *testing.T) {
	for _, w := range samr30Rows {
		t.Run("lower_upper_30_tiers_partition_"+w.clause, func(t *testing.T) {
			r := closed(w.l, w.u)
			var parts []Range
			for _, tier := range []Tier{Lighter, General, Heavier} {
				v, err := Lower30Upper30.Split(r, tier)
				if err != nil {
					t.Fatal(err)
				}
				parts = append(parts, v.Resolve(dec("1")))
			}
			if !parts[0].Min.Equal(r.Min) || !parts[2].Max.Equal(r.Max) {
				t.Errorf("tiers %v do not reach both ends of %s", parts, r)
			}
			for i := 0; i+1 < len(parts); i++ {
				if !parts[i].Max.Add(dec("1")).Equal(parts[i+1].Min) {
					t.Errorf("tier %d ends at %s but tier %d starts at %s", i+1, parts[i].Max, i+2, parts[i+1].Min)
				}
			}
		})
	}
}

func TestSchemeSplitUnboundedRange(t *testing.T) {
	r := AtLeast(dec("10000"))
	for _, s := range Schemes() {
		for _, tier := range []Tier{Lighter, General, Heavier} {
			t.Run(fmt.Sprintf("unbounded_range_rejected_%s_%s", s, tier), func(t *testing.T) {
				_, err := s.Split(r, tier)
				if !errors.Is(err, ErrUnboundedRange) {
					t.Errorf("%s.Split(%s, %v) error = %v, want ErrUnboundedRange", s, r, tier, err)
				}
				if wrapped := fmt.Errorf("tiering: %w", err); !errors.Is(wrapped, ErrUnboundedRange) {
					t.Errorf("wrapped error does not match ErrUnboundedRange")
				}
			})
		}
	}
}

func TestSchemeSplitUnknown(t *testing.T) {
	r := closed("5000", "50000")
	t.Run("unknown_scheme_rejected", func(t *testing.T) {
		for _, s := range []Scheme{"", "samr_30", "MIDPOINT", "gd_midpoint"} {
			_, err := s.Split(r, General)
			if err == nil {
				t.Errorf("Scheme(%q).Split: want an error", s)
				continue
			}
			if errors.Is(err, ErrUnboundedRange) {
				t.Errorf("Scheme(%q).Split: error %v wrongly matches ErrUnboundedRange", s, err)
			}
			if !strings.Contains(err.Error(), fmt.Sprintf("%q", string(s))) {
				t.Errorf("Scheme(%q).Split: error %q does not name the scheme", s, err)
			}
		}
	})
	for _, s := range Schemes() {
		for _, tier := range []Tier{0, 4, 255} {
			t.Run(fmt.Sprintf("unknown_tier_rejected_%s_%d", s, uint8(tier)), func(t *testing.T) {
				if v, err := s.Split(r, tier); err == nil {
					t.Errorf("%s.Split(%s, Tier(%d)) = %s, want an error", s, r, uint8(tier), ivString(v))
				}
			})
		}
	}
}

func TestSchemesAndKnown(t *testing.T) {
	want := []Scheme{"midpoint", "lower_upper_30", "max_only_40_60"}
	if got := Schemes(); !slices.Equal(got, want) {
		t.Errorf("Schemes() = %v, want %v", got, want)
	}
	tests := []struct {
		s    Scheme
		want bool
	}{
		{Midpoint, true},
		{Lower30Upper30, true},
		{MaxOnly4060, true},
		{"", false},
		{"Midpoint", false},
		{"samr_30", false},
		{"GD_MIDPOINT", false},
		{"max_only_40_60 ", false},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("scheme_known_%q", string(tc.s)), func(t *testing.T) {
			if got := tc.s.Known(); got != tc.want {
				t.Errorf("Scheme(%q).Known() = %v, want %v", string(tc.s), got, tc.want)
			}
		})
	}
}

func TestTierStringLabel(t *testing.T) {
	tests := []struct {
		name       string
		tier       Tier
		str, label string
	}{
		{"tier_lighter_is_congqing", Lighter, "lighter", "从轻"},
		{"tier_general_is_yiban", General, "general", "一般"},
		{"tier_heavier_is_congzhong", Heavier, "heavier", "从重"},
		{"tier_zero_label_falls_back_to_string", Tier(0), "Tier(0)", "Tier(0)"},
		{"tier_out_of_range_label_falls_back_to_string", Tier(4), "Tier(4)", "Tier(4)"},
		{"tier_max_uint8", Tier(255), "Tier(255)", "Tier(255)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.tier.String(); got != tc.str {
				t.Errorf("String() = %q, want %q", got, tc.str)
			}
			if got := tc.tier.Label(); got != tc.label {
				t.Errorf("Label() = %q, want %q", got, tc.label)
			}
		})
	}
}

func TestParseTier(t *testing.T) {
	tests := []struct {
		in   string
		want Tier
		ok   bool
	}{
		{"lighter", Lighter, true},
		{"general", General, true},
		{"heavier", Heavier, true},
		{"", 0, false},
		{"Lighter", 0, false},
		{"从轻", 0, false},
		{"Tier(1)", 0, false},
		{" general", 0, false},
		{"mitigated", 0, false},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("parse_tier_%q", tc.in), func(t *testing.T) {
			got, ok := ParseTier(tc.in)
			if ok != tc.ok || got != tc.want {
				t.Errorf("ParseTier(%q) = (%v, %v), want (%v, %v)", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
	t.Run("parse_tier_round_trips_string", func(t *testing.T) {
		for _, tier := range []Tier{Lighter, General, Heavier} {
			if got, ok := ParseTier(tier.String()); !ok || got != tier {
				t.Errorf("ParseTier(%q) = (%v, %v), want (%v, true)", tier.String(), got, ok, tier)
			}
		}
	})
}
