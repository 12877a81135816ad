package penalty

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// maxDigits bounds the size of amounts parsed from catalogs and cases. The
// largest fines in Chinese law are in the hundreds of millions of yuan;
// anything with more digits than this is a typing error or hostile input, and
// rejecting it early keeps big-number arithmetic cheap.
const maxDigits = 24

// ParseYuan parses a yuan amount written as a plain decimal ("20000",
// "0.5", "1234.56"). Exponents, signs other than a leading minus, and
// separators are rejected: catalogs and cases state amounts literally.
func ParseYuan(s string) (decimal.Decimal, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return decimal.Decimal{}, fmt.Errorf("empty amount")
	}
	digits, dots := 0, 0
	for i, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.':
			dots++
		case r == '-' && i == 0:
		default:
			return decimal.Decimal{}, fmt.Errorf("amount %q: unexpected character %q", s, r)
		}
	}
	if digits == 0 || dots > 1 {
		return decimal.Decimal{}, fmt.Errorf("amount %q is not a decimal number", s)
	}
	if digits > maxDigits {
		return decimal.Decimal{}, fmt.Errorf("amount %q has more than %d digits", s, maxDigits)
	}
	return decimal.NewFromString(t)
}

// FormatYuan renders an amount without trailing zeros in the fraction
// ("5000", "0.5"). It is the form used in decision JSON.
func FormatYuan(d decimal.Decimal) string {
	return d.String()
}

// FormatChinese renders an amount the way discretion tables write it:
// whole multiples of 10 000 as 万 ("2万元" is written by callers as
// FormatChinese(x)+"元"), other amounts as plain digits. 15000 → "1.5万",
// 500 → "500".
func FormatChinese(d decimal.Decimal) string {
	tenThousand := decimal.NewFromInt(10000)
	if d.Abs().GreaterThanOrEqual(tenThousand) {
		// Shift divides by 10^4 exactly; Div would round to 16 places and
		// leave an exponent of -16, so no amount would ever print as 万.
		q := d.Shift(-4)
		if q.Equal(q.Truncate(2)) {
			return q.String() + "万"
		}
	}
	return d.String()
}
