package catalog_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
)

// The units of a formula are counted exactly: (of − above) ÷ step is never
// truncated to a fixed number of digits before it is rounded.
func TestFormulaUnits(t *testing.T) {
	d := decimal.RequireFromString
	tests := []struct {
		name            string
		rounding        catalog.UnitRounding
		of, above, step string
		want            string
	}{
		{"formula_rounding_half_up_exact_half", catalog.RoundHalfUp, "1.5", "0", "3", "1"},
		{"formula_rounding_half_up_below_half", catalog.RoundHalfUp, "1.4999999999999999999", "0", "3", "0"},
		{"formula_rounding_half_up_third_step", catalog.RoundHalfUp, "0.45", "0", "0.3", "2"},
		{"formula_base_plus_per_started_unit_sliver", catalog.RoundUp, "30.00000000000000000001", "0", "10", "4"},
		{"formula_base_plus_per_started_unit_whole", catalog.RoundUp, "30", "0", "10", "3"},
		{"formula_rounding_down_just_below", catalog.RoundDown, "29.99999999999999999999", "0", "10", "2"},
		{"formula_count_term_never_negative", catalog.RoundUp, "0", "1", "1", "0"},
		{"formula_at_threshold_no_units", catalog.RoundUp, "1", "1", "1", "0"},
		{"formula_above_threshold", catalog.RoundHalfUp, "4", "1", "1", "3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			step := d(tt.step)
			f := &catalog.FineFormula{Rounding: tt.rounding, Above: d(tt.above), Step: &step}
			if got := f.Units(d(tt.of)); !got.Equal(d(tt.want)) {
				t.Errorf("units = %s, want %s", got, tt.want)
			}
		})
	}
}
