package discretion

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// The fast helpers must agree with the catalog's own date and number code
// everywhere a case can reach.

func TestFastCalendar(t *testing.T) {
	from, to := catalog.DateOf(1890, 1, 1), catalog.DateOf(2210, 12, 31)
	for d := from; d <= to; d++ {
		y, m, day := civil(d)
		tm := d.Time()
		if y != tm.Year() || m != int(tm.Month()) || day != tm.Day() {
			t.Fatalf("civil(%s) = %d-%d-%d", d, y, m, day)
		}
		if got := fromCivil(y, m, day); got != d {
			t.Fatalf("fromCivil(%d, %d, %d) = %d, want %d", y, m, day, got, d)
		}
		p := ymdOf(d)
		if got := string(appendYMD(nil, p)); got != d.String() || p.date() != d {
			t.Fatalf("ymd(%s) = %q, %d", d, got, p.date())
		}
		if fromCivilArith(y, m, day) != d {
			t.Fatalf("fromCivilArith(%s)", d)
		}
		s := d.String()
		want, werr := catalog.ParseDate(s)
		got, ok := parseDate(Date(s))
		if ok != (werr == nil) || got != want {
			t.Fatalf("parseDate(%q) = %d, %v; want %d, %v", s, got, ok, want, werr)
		}
		if _, p, ok := parseYMD(Date(s)); ok && p != ymdOf(d) {
			t.Fatalf("parseYMD(%q) = %d", s, p)
		}
		if d%7 == 0 {
			for _, n := range []int{-5, -2, -1, 1, 2, 5, 14, 18} {
				if got, want := ymdOf(d).addYears(n), ymdOf(d.AddYears(n)); got != want {
					t.Fatalf("ymd.addYears(%s, %d) = %d, want %d", d, n, got, want)
				}
			}
		}
	}
}

func TestFastBirthdays(t *testing.T) {
	// The original definition, through time.Time.
	ageAt := func(birth, d catalog.Date) int {
		years := d.Time().Year() - birth.Time().Year()
		for years > 0 && birth.AddYears(years) >= d {
			years--
		}
		return years
	}
	births := []catalog.Date{}
	for d := catalog.DateOf(1999, 12, 25); d <= catalog.DateOf(2001, 3, 5); d++ {
		births = append(births, d)
	}
	births = append(births, catalog.DateOf(2004, 2, 29), catalog.DateOf(2000, 2, 29), catalog.DateOf(1900, 2, 28))
	for _, b := range births {
		for _, years := range []int{0, 1, 13, 14, 17, 18, 19, 60} {
			anniversary := b.AddYears(years)
			for d := anniversary - 3; d <= anniversary+3; d++ {
				if d <= b {
					continue
				}
				age, b14, b18 := birthdays(ymdOf(b), ymdOf(d))
				if want := ageAt(b, d); age != want {
					t.Fatalf("birthdays(%s, %s) age = %d, want %d", b, d, age, want)
				}
				if b14.date() != b.AddYears(14) || b18.date() != b.AddYears(18) {
					t.Fatalf("birthdays(%s) = %s, %s", b, b14.date(), b18.date())
				}
			}
		}
	}
}

func TestFastParseDateRejects(t *testing.T) {
	for _, s := range []string{"", "2024-1-01", "2024-13-01", "2024-00-10", "2023-02-29", "2024-02-30", "1899-12-31",
		"2201-01-01", "2024/01/01", "20240101xx", "2024-01-0a", "+024-01-01", "２０２４-01-01"} {
		if _, ok := parseDate(Date(s)); ok {
			t.Errorf("parseDate(%q) accepted it", s)
		}
	}
	if d, ok := parseDate("2024-02-29"); !ok || d.String() != "2024-02-29" {
		t.Errorf("parseDate(2024-02-29) = %s, %v", d, ok)
	}
}

func TestFastParseNumber(t *testing.T) {
	inputs := []string{"0", "-0", "1", "5", "5.0", "5.", ".5", "-.5", "-12.50", "0007", "00.50", "4.99", "255", "256",
		"-1", "-2", "999999999999999999", "9999999999999999999", "123456789.123456789", "1e3", "1E3", " 5", "5 ",
		"", "-", ".", "1.2.3", "--1", "+1", "0x10", "12345678901234567890", "0.000000000000000001"}
	for _, s := range inputs {
		got, ok := parseNumber(s)
		want, err := penalty.ParseYuan(s)
		if !ok {
			continue // left to ParseYuan
		}
		if err != nil {
			t.Errorf("parseNumber(%q) = %s; ParseYuan rejects it: %v", s, got, err)
			continue
		}
		if got.Exponent() != want.Exponent() || got.Coefficient().Cmp(want.Coefficient()) != 0 {
			t.Errorf("parseNumber(%q) = %s (exp %d); want %s (exp %d)", s, got, got.Exponent(), want, want.Exponent())
		}
	}
}

func TestFastParseFact(t *testing.T) {
	min, max := decimal.RequireFromString("0.5"), decimal.RequireFromString("100")
	facts := []*catalog.Fact{
		{Name: "n", Type: catalog.FactNumber, Min: &min, Max: &max},
		{Name: "i", Type: catalog.FactInt},
		{Name: "m", Type: catalog.FactMoney, Undeterminable: true},
		{Name: "b", Type: catalog.FactBool},
		{Name: "e", Type: catalog.FactEnum, Values: catalog.EnumValues{{Name: "x"}, {Name: "y"}}},
		{Name: "d", Type: catalog.FactDate},
	}
	raws := []any{true, false, "x", "z", "", "undeterminable", "2024-01-01", "2024-02-30", 3, int64(4), 2.5,
		decimal.RequireFromString("7.25"), nil}
	for _, s := range []string{"0", "0.5", "0.49", "0.50", "1", "1.0", "1.5", "100", "100.00", "100.01", "-3", "1e2", "12345678901234567890"} {
		raws = append(raws, json.Number(s))
	}
	for _, f := range facts {
		for _, raw := range raws {
			want, err := f.Parse(raw)
			var got catalog.Value
			cf := newCaseFact(f)
			ok := parseFact(&got, &cf, raw)
			if ok != (err == nil) {
				t.Errorf("parseFact(%s, %#v) ok = %v; Parse error = %v", f.Name, raw, ok, err)
				continue
			}
			if ok && fmt.Sprintf("%#v", got) != fmt.Sprintf("%#v", want) && !(got.Num.Equal(want.Num) &&
				got.Num.Exponent() == want.Num.Exponent() && got.Type == want.Type) {
				t.Errorf("parseFact(%s, %#v) = %#v, want %#v", f.Name, raw, got, want)
			}
		}
	}
}
