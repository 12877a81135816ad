package penalty

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// dec parses a literal decimal for test tables; it panics on a typo so that a
// broken table cannot pass silently.
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// decp returns a pointer to dec(s), for optional bounds and caps.
func decp(s string) *decimal.Decimal { d := dec(s); return &d }

// closed builds the closed range [min, max] from literals.
func closed(min, max string) Range { return Closed(dec(min), dec(max)) }

func TestParseYuanAccepts(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"integer_yuan_20000", "20000", "20000"},
		{"fraction_below_one_0_5", "0.5", "0.5"},
		{"yuan_and_fen_1234_56", "1234.56", "1234.56"},
		{"trailing_fraction_zeros_keep_value", "5000.00", "5000"},
		{"surrounding_space_trimmed", "  20000\t", "20000"},
		{"leading_minus_allowed", "-500", "-500"},
		{"leading_zeros_allowed", "007", "7"},
		{"bare_leading_dot", ".5", "0.5"},
		{"zero", "0", "0"},
		{"exactly_24_digits_integer", "123456789012345678901234", "123456789012345678901234"},
		{"exactly_24_digits_with_fraction", "1234567890.12345678901234", "1234567890.12345678901234"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseYuan(tc.in)
			if err != nil {
				t.Fatalf("ParseYuan(%q): unexpected error %v", tc.in, err)
			}
			if !got.Equal(dec(tc.want)) {
				t.Errorf("ParseYuan(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestParseYuanRejects(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		errHint string // substring the error must contain; "" = any error
	}{
		{"empty_string", "", "empty"},
		{"only_spaces", "   ", "empty"},
		{"exponent_lowercase_1e5", "1e5", "unexpected character"},
		{"exponent_uppercase_1E5", "1E5", "unexpected character"},
		{"thousands_comma_1,000", "1,000", "unexpected character"},
		{"thousands_space_1_000", "1 000", "unexpected character"},
		{"double_minus_--1", "--1", "unexpected character"},
		{"trailing_minus", "1-", "unexpected character"},
		{"leading_plus", "+1", "unexpected character"},
		{"two_dots", "1.2.3", "not a decimal"},
		{"lone_dot", ".", "not a decimal"},
		{"lone_minus", "-", "not a decimal"},
		{"fullwidth_digits", "２００００", "unexpected character"},
		{"unit_suffix_yuan", "20000元", "unexpected character"},
		{"chinese_wan", "2万", "unexpected character"},
		{"hex_literal", "0x10", "unexpected character"},
		{"25_digit_integer", "1234567890123456789012345", "more than 24 digits"},
		{"25_digits_mostly_fraction", "0." + strings.Repeat("0", 23) + "1", "more than 24 digits"},
		{"huge_digit_count_1000", strings.Repeat("9", 1000), "more than 24 digits"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseYuan(tc.in)
			if err == nil {
				t.Fatalf("ParseYuan(%q) = %s, want an error", tc.in, got)
			}
			if tc.errHint != "" && !strings.Contains(err.Error(), tc.errHint) {
				t.Errorf("ParseYuan(%q) error %q does not mention %q", tc.in, err, tc.errHint)
			}
		})
	}
}

func TestFormatYuan(t *testing.T) {
	tests := []struct {
		name string
		in   decimal.Decimal
		want string
	}{
		{"integer_plain", dec("5000"), "5000"},
		{"trailing_fraction_zeros_dropped", dec("5000.00"), "5000"},
		{"half_yuan_no_trailing_zero", dec("0.50"), "0.5"},
		{"fen_kept", dec("1234.56"), "1234.56"},
		{"negative", dec("-20"), "-20"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := FormatYuan(tc.in); got != tc.want {
				t.Errorf("FormatYuan(%s) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFormatChinese(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"whole_wan_20000_is_2wan", "20000", "2万"},
		{"one_wan_10000", "10000", "1万"},
		{"half_wan_15000_is_1.5wan", "15000", "1.5万"},
		{"two_decimals_of_wan_12300", "12300", "1.23万"},
		{"three_decimals_of_wan_12340_stays_digits", "12340", "12340"},
		{"odd_amount_12345_stays_digits", "12345", "12345"},
		{"below_wan_500_stays_digits", "500", "500"},
		{"just_below_wan_9999", "9999", "9999"},
		{"hundred_wan_1000000", "1000000", "100万"},
		{"trailing_fen_zeros_still_wan", "20000.00", "2万"},
		{"fen_amount_stays_digits", "10000.5", "10000.5"},
		{"fraction_beyond_16_places_stays_digits", "10000.000000000000000001", "10000.000000000000000001"},
		{"negative_wan", "-20000", "-2万"},
		{"zero", "0", "0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := FormatChinese(dec(tc.in)); got != tc.want {
				t.Errorf("FormatChinese(%s) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
	// Values built by arithmetic carry other exponents than parsed ones; the
	// result must not depend on that.
	if got := FormatChinese(decimal.NewFromInt(20000)); got != "2万" {
		t.Errorf("FormatChinese(NewFromInt(20000)) = %q, want %q", got, "2万")
	}
	if got := FormatChinese(dec("5000").Mul(dec("3"))); got != "1.5万" {
		t.Errorf("FormatChinese(5000*3) = %q, want %q", got, "1.5万")
	}
}
