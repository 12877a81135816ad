package penalty

import (
	"testing"

	"github.com/shopspring/decimal"
)

// Cmp must agree with decimal's own comparison everywhere, including the
// exponent mismatches it avoids allocating for and the overflow fallbacks.
func TestCmp_agrees_with_decimal(t *testing.T) {
	vals := []string{"0", "-0", "0.0", "1", "1.0", "0.999", "-1", "-1.00", "10", "9.99", "5", "4.99", "100.000",
		"-0.5", "2.5", "3", "2.50", "25.5", "25.50", "30000", "29999.99", "-12.345",
		"999999999999999999", "-999999999999999999", "123456789012345678.9", "9223372036854775807",
		"922337203685477580.7", "1000000000000000000", "0.0000000000000000001", "0.000000000000000001",
		"12345678901234567890123", "-12345678901234567890123.5", "1e20", "1e-20"}
	for _, a := range vals {
		for _, b := range vals {
			x, y := decimal.RequireFromString(a), decimal.RequireFromString(b)
			if got, want := Cmp(x, y), x.Cmp(y); got != want {
				t.Errorf("Cmp(%s, %s) = %d, want %d", a, b, got, want)
			}
		}
	}
}

func TestCmp_different_exponents_do_not_allocate(t *testing.T) {
	a, b := decimal.RequireFromString("2.5"), decimal.RequireFromString("3")
	if n := testing.AllocsPerRun(100, func() { Cmp(a, b) }); n != 0 {
		t.Errorf("Cmp allocates %v times", n)
	}
}
