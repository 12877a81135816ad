package audit

import (
	"math"
	"testing"
)

func TestQuantileLinearInterpolation(t *testing.T) {
	xs := []float64{1, 2, 3, 4}
	for _, tc := range []struct{ q, want float64 }{{0, 1}, {0.25, 1.75}, {0.5, 2.5}, {0.75, 3.25}, {1, 4}} {
		if got := quantile(xs, tc.q); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("quantile(%v) = %v, want %v", tc.q, got, tc.want)
		}
	}
}

// group builds a consistency with one group whose fines sit at the given
// positions of a 0–1000 yuan range.
func groupAt(positions ...float64) *consistency {
	c := newConsistency()
	g := &group{key: groupKey{item: "X", grade: "g"}, constantRange: true, rangeMax: 1000}
	for i, p := range positions {
		g.points = append(g.points, point{line: i + 2, fine: 1000 * p, max: 1000, pos: p})
	}
	c.groups[g.key] = g
	return c
}

func outlierLines(c *consistency) []int {
	var lines []int
	for _, f := range c.findings() {
		if f.Kind == FineOutlier {
			lines = append(lines, f.Line)
		}
	}
	return lines
}

func TestOutlierRule(t *testing.T) {
	for _, tc := range []struct {
		name      string
		positions []float64
		want      []int
	}{
		{"beyond_upper_fence", []float64{0.48, 0.5, 0.52, 0.49, 0.51, 0.5, 0.47, 0.53, 0.95}, []int{10}},
		{"beyond_lower_fence", []float64{0.1, 0.48, 0.5, 0.52, 0.49, 0.51, 0.5, 0.47, 0.53}, []int{2}},
		{"same_amount_small_departure_is_not_an_outlier", []float64{0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.58}, nil},
		{"same_amount_large_departure_is", []float64{0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.65}, []int{10}},
		{"uniform_spread_has_none", []float64{0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1}, nil},
		{"group_too_small_is_not_tested", []float64{0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := outlierLines(groupAt(tc.positions...))
			if len(got) != len(tc.want) || (len(got) > 0 && got[0] != tc.want[0]) {
				t.Errorf("outliers at lines %v, want %v", got, tc.want)
			}
		})
	}
}
