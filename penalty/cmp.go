package penalty

import "github.com/shopspring/decimal"

// Cmp is a.Cmp(b) without the allocation decimal makes to compare numbers
// of different exponents (2.5 against 3), whenever both coefficients fit in
// an int64: the comparison every condition and range check of a decision
// makes.
func Cmp(a, b decimal.Decimal) int {
	ae, be := a.Exponent(), b.Exponent()
	if ae == be || a.NumDigits() > 18 || b.NumDigits() > 18 {
		return a.Cmp(b)
	}
	if c, ok := CmpScaled(a.CoefficientInt64(), ae, b.CoefficientInt64(), be); ok {
		return c
	}
	return a.Cmp(b)
}

// CmpScaled compares am·10^ae with bm·10^be by scaling the one with the
// larger exponent down to the other's; ok is false if that overflows an
// int64, and the caller then compares the decimals themselves.
func CmpScaled(am int64, ae int32, bm int64, be int32) (int, bool) {
	if ae > be {
		x, ok := scale10(am, int(ae-be))
		return cmpInt(x, bm), ok
	}
	x, ok := scale10(bm, int(be-ae))
	return cmpInt(am, x), ok
}

// scale10 returns m·10^k, or ok false if that overflows an int64.
func scale10(m int64, k int) (int64, bool) {
	const maxPow = 18 // 10^18 is the largest power of ten in an int64
	if k > maxPow {
		return 0, m == 0
	}
	p := int64(1)
	for range k {
		p *= 10
	}
	if m > (1<<63-1)/p || m < -(1<<63-1)/p {
		return 0, false
	}
	return m * p, true
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
