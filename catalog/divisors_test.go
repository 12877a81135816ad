package catalog_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
)

// A condition that divides by a fact whose declared domain includes 0 loads
// with a warning at the divisor; a bounded fact or a constant divisor gives
// none.
func TestZeroDivisorWarning(t *testing.T) {
	base := readFile(t, "testdata/valid/minimal.yaml")
	tests := []struct {
		name  string
		facts string
		when  string
		want  []string // positions line:col of the warnings
	}{
		{"division_by_fact_admitting_zero_warns", "days: {type: int, label: 天数, min: 0}", "area_m2 / days < 10", []string{"22:51"}},
		{"division_by_fact_without_min_warns", "days: {type: int, label: 天数}", "area_m2 / days < 10", []string{"22:51"}},
		{"guarded_division_still_warns", "days: {type: int, label: 天数}", "days > 0 && area_m2 / days < 10", []string{"22:63"}},
		{"division_by_positive_fact_is_quiet", "days: {type: int, label: 天数, min: 1}", "area_m2 / days < 10", nil},
		{"division_by_constant_is_quiet", "days: {type: int, label: 天数}", "area_m2 / 2 < 10", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(base, "      area_m2: {type: number, label: 面积, min: 0}\n",
				"      area_m2: {type: number, label: 面积, min: 0}\n      "+tt.facts+"\n", 1)
			src = strings.Replace(src, `when: "area_m2 < 10"`, `when: "`+tt.when+`"`, 1)
			cat, err := catalog.Load("div.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, w := range cat.Warnings {
				if w.Code != catalog.CodeZeroDivisor || !strings.Contains(w.Message, "days") {
					t.Errorf("unexpected warning %v", w)
				}
				got = append(got, strings.TrimPrefix(w.Pos.String(), "div.yaml:"))
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("warnings at %v, want %v: %v", got, tt.want, cat.Warnings)
			}
		})
	}
}
