package condition

import (
	"testing"

	"github.com/shopspring/decimal"
)

// The allocation-free comparison with a constant agrees with decimal's own.
func TestEvalCompareAgrees(t *testing.T) {
	vals := []string{"0", "-0", "0.0", "1", "1.0", "0.999", "-1", "-1.00", "10", "9.99", "5", "4.99", "100.000",
		"999999999999999999", "-999999999999999999", "123456789012345678.9", "0.0000000000000000001",
		"12345678901234567890123", "-12345678901234567890123.5", "1e20", "1e-20", "25.5", "25.50"}
	for _, a := range vals {
		for _, b := range vals {
			x, y := decimal.RequireFromString(a), decimal.RequireFromString(b)
			want := x.Cmp(y)
			if got := newNumConst(y).cmp(x); got != want {
				t.Errorf("numConst(%s).cmp(%s) = %d, want %d", b, a, got, want)
			}
		}
	}
	if got := newNumConst(decimal.NewFromInt(3)).cmp(decimal.Decimal{}); got != -1 {
		t.Errorf("zero value compares %d with 3", got)
	}
}
