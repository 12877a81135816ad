package discretion

import (
	"encoding/json"
	"slices"
	"strconv"
	"sync/atomic"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// This file holds the allocation-free helpers of the hot path: calendar
// arithmetic on catalog.Date without time.Time, date parsing and formatting,
// and exact parsing of JSON numbers. Each helper gives exactly the result of
// the catalog function it stands in for (fast_test.go compares them), and
// each parser says "not sure" (ok false) rather than guess, so that the
// caller falls back to the catalog's own code and its error messages.

// civil returns the year, month and day of a date (days since 1970-01-01),
// after Howard Hinnant's days-to-civil algorithm.
func civil(d catalog.Date) (y, m, day int) {
	z := int64(d) + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	day = int(doy - (153*mp+2)/5 + 1)
	m = int(mp + 3)
	if m > 12 {
		m -= 12
	}
	y = int(yoe + era*400)
	if m <= 2 {
		y++
	}
	return y, m, day
}

// fromCivil is the inverse of civil for valid dates.
func fromCivil(y, m, d int) catalog.Date {
	if i := y - firstTableYear; i >= 0 && i < len(yearStart) {
		leap := 0
		if isLeap(y) {
			leap = 1
		}
		return catalog.Date(yearStart[i] + monthStart[leap][m-1] + int32(d) - 1)
	}
	return fromCivilArith(y, m, d)
}

// firstTableYear and yearStart tabulate the first day of each year from
// 1800 to 2599, and monthStart the first day of each month in a common and
// a leap year, so that fromCivil divides nothing for the dates of cases.
const firstTableYear = 1800

var yearStart = func() []int32 {
	t := make([]int32, 800)
	for i := range t {
		t[i] = int32(fromCivilArith(firstTableYear+i, 1, 1))
	}
	return t
}()

var monthStart = [2][12]int32{
	{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334},
	{0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335},
}

func fromCivilArith(y, m, d int) catalog.Date {
	if m <= 2 {
		y--
	}
	era := int64(y) / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := int64(y) - era*400
	mp := int64(m + 9)
	if m > 2 {
		mp = int64(m - 3)
	}
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return catalog.Date(era*146097 + doe - 719468)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

func daysIn(y, m int) int {
	switch m {
	case 2:
		if isLeap(y) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// ymd is a date packed as year<<9 | month<<5 | day. Packed dates order as
// the dates do, and year arithmetic and formatting on them need no
// calendar conversion.
type ymd int32

func packYMD(y, m, d int) ymd { return ymd(y<<9 | m<<5 | d) }

func (p ymd) split() (y, m, d int) { return int(p >> 9), int(p>>5) & 15, int(p) & 31 }

// ymdOf packs a date.
func ymdOf(d catalog.Date) ymd { return packYMD(civil(d)) }

// date is the packed date as a catalog.Date.
func (p ymd) date() catalog.Date { return fromCivil(p.split()) }

// addYears is catalog.Date.AddYears on a packed date.
func (p ymd) addYears(n int) ymd {
	y, m, d := p.split()
	y += n
	return packYMD(y, m, min(d, daysIn(y, m)))
}

// appendYMD appends the date as YYYY-MM-DD, as catalog.Date.String does.
func appendYMD(b []byte, p ymd) []byte {
	y, m, d := p.split()
	if y < 1000 || y > 9999 {
		return append(b, p.date().String()...)
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
}

// birthdays returns a party's age in full years (周岁) on the act date and
// its 14th and 18th birthdays, the edges of 《行政处罚法》第三十条. A year is complete from the day after the
// birthday (法释〔2006〕1号 第二条), so on the 14th birthday itself a person is
// still 13.
func birthdays(birth, act ymd) (age int, b14, b18 ymd) {
	by, bm, bd := birth.split()
	ay, am, ad := act.split()
	age = ay - by
	// The birthday of the act's year is at or after the act: that year is
	// not complete yet.
	if age > 0 && (bm > am || bm == am && min(bd, daysIn(ay, bm)) >= ad) {
		age--
	}
	return age, birth.addYears(14), birth.addYears(18)
}

// parseDate is catalog.ParseDate for well-formed dates; ok is false for
// anything else, and the caller then asks catalog.ParseDate for the error.
func parseDate(s Date) (catalog.Date, bool) {
	d, _, ok := parseYMD(s)
	return d, ok
}

// parseYMD is parseDate, also returning the packed date.
func parseYMD(s Date) (catalog.Date, ymd, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, 0, false
	}
	y, okY := digits(s[0:4])
	m, okM := digits(s[5:7])
	d, okD := digits(s[8:10])
	if !okY || !okM || !okD {
		return 0, 0, false
	}
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, 0, false
	}
	return fromCivil(y, m, d), packYMD(y, m, d), true
}

// digits reads a run of decimal digits; ok is false if any byte is not
// one. It replaces a loop over the ten bytes that skipped the dashes and
// stored each digit before adding them up.
func digits(s Date) (n int, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i] - '0' // a byte below '0' wraps round to above 9
		if c > 9 {
			return 0, false
		}
		n = n*10 + int(c)
	}
	return n, true
}

// parseCaseDate parses a date of a case that the case check already
// accepted: the fast path, or catalog.ParseDate.
func parseCaseDate(s Date) catalog.Date {
	if d, ok := parseDate(s); ok {
		return d
	}
	d, _ := s.Parse()
	return d
}

// smallInts interns the decimals 0 … len-1 as they are first needed:
// decimal values are immutable, so the engine-provided counts and ages and
// the small numbers of cases (whole, or with a small coefficient: 25.5 is
// 255 shifted) need not allocate. The table costs nothing until used.
var smallInts [10000]atomic.Pointer[decimal.Decimal]

var minusOne = decimal.NewFromInt(-1)

// intDecimal is decimal.NewFromInt, without allocating for small values.
func intDecimal(n int64) decimal.Decimal {
	switch {
	case n >= 0 && n < int64(len(smallInts)):
		if d := smallInts[n].Load(); d != nil {
			return *d
		}
		d := decimal.NewFromInt(n)
		smallInts[n].Store(&d)
		return d
	case n == -1:
		return minusOne
	}
	return decimal.NewFromInt(n)
}

// parseNumber reads a JSON number written as plain decimal digits
// ("-12.50"), with at most 18 digits, to the exact decimal that
// penalty.ParseYuan gives (same coefficient and exponent). ok is false for
// every other form (exponents, spaces, more digits), which the caller leaves
// to ParseYuan.
func parseNumber(s string) (decimal.Decimal, bool) {
	i, neg := 0, false
	if len(s) > 0 && s[0] == '-' {
		i, neg = 1, true
	}
	var mant int64
	digits, frac, dot := 0, 0, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			mant = mant*10 + int64(c-'0')
			digits++
			if dot {
				frac++
			}
		case c == '.' && !dot:
			dot = true
		default:
			return decimal.Decimal{}, false
		}
	}
	if digits == 0 || digits > 18 || (dot && frac == 0) {
		return decimal.Decimal{}, false
	}
	if neg {
		mant = -mant
	}
	if frac == 0 {
		return intDecimal(mant), true
	}
	if mant >= 0 && mant < int64(len(smallInts)) {
		// Shift keeps the coefficient, which is immutable and interned.
		return intDecimal(mant).Shift(int32(-frac)), true
	}
	return decimal.New(mant, int32(-frac)), true
}

// caseFact is a declared fact as the fast path parses a case's value of
// it, resolved at Compile: the kind as a small number rather than the
// FactType string, and the enum's names side by side, so that parsing a
// fact compares no type names and follows no pointers into the catalog
// but for a value it cannot parse.
type caseFact struct {
	f        *catalog.Fact
	name     string
	parse    parseAs
	required bool
	names    []string // an enum's values
	def      *catalog.Value
}

// parseAs is what parseFact does with a fact's value.
type parseAs uint8

const (
	parseByCatalog parseAs = iota // left to catalog.Fact.Parse
	parseAsBool                   // a JSON boolean
	parseAsEnum                   // one of names
	parseAsNumber                 // a JSON number: int, number and money facts
)

func newCaseFact(f *catalog.Fact) caseFact {
	cf := caseFact{f: f, name: f.Name, required: f.Required}
	switch f.Type {
	case catalog.FactBool:
		cf.parse = parseAsBool
	case catalog.FactEnum:
		cf.parse = parseAsEnum
		for _, v := range f.Values {
			cf.names = append(cf.names, v.Name)
		}
	case catalog.FactInt, catalog.FactNumber, catalog.FactMoney:
		cf.parse = parseAsNumber
	}
	if f.Default != nil {
		cf.def = &f.Default.Value
	}
	return cf
}

// parseFact is catalog.Fact.Parse for values that parse, written to *dst;
// ok is false when the value does not fit (*dst is then unspecified), and
// the caller reports it through Fact.Parse. It writes the slot in place:
// a catalog.Value is 104 bytes, and returning one to store it cost two
// copies per fact, the first stalled on the stores that had just written
// the result.
func parseFact(dst *catalog.Value, cf *caseFact, raw any) bool {
	switch cf.parse {
	case parseAsBool:
		if b, ok := raw.(bool); ok {
			*dst = catalog.Value{Type: catalog.FactBool, Bool: b}
			return true
		}
	case parseAsEnum:
		if s, ok := raw.(string); ok && slices.Contains(cf.names, s) {
			*dst = catalog.Value{Type: catalog.FactEnum, Enum: s}
			return true
		}
		return false
	case parseAsNumber:
		if s, ok := raw.(json.Number); ok {
			n, ok := parseNumber(string(s))
			if !ok {
				break
			}
			f := cf.f
			if f.Type == catalog.FactInt && n.Exponent() < 0 && !n.IsInteger() {
				return false
			}
			if f.Min != nil && penalty.Cmp(n, *f.Min) < 0 || f.Max != nil && penalty.Cmp(n, *f.Max) > 0 {
				return false
			}
			*dst = catalog.Value{Type: f.Type, Num: n}
			return true
		}
	}
	v, err := cf.f.Parse(raw)
	*dst = v
	return err == nil
}

// appendInt appends n in decimal.
func appendInt(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }
