package discretion

import (
	"time"

	"github.com/jizhun/jizhun/catalog"
)

// Date is a date of a case as the Case JSON states it, "YYYY-MM-DD". It is
// text, not a parsed date, so that a case with a malformed date can still
// be read and every problem in it reported at once (Decide checks each date
// and names its field); its JSON form is the plain string. A Go caller
// builds one from its parts rather than by formatting:
//
//	c.ActDate = discretion.DateOf(2024, time.May, 1)
//
// The empty Date is a date not given.
type Date string

// DateOf returns the date y-m-d. Days out of range normalise as in
// time.Date (2024-02-30 is 2024-03-01).
func DateOf(y int, m time.Month, d int) Date {
	return DateFrom(catalog.DateOf(y, m, d))
}

// DateFrom returns the catalog date d as a case date.
func DateFrom(d catalog.Date) Date { return Date(d.String()) }

// DateOfTime returns the calendar date of t in its own location.
func DateOfTime(t time.Time) Date { return DateOf(t.Date()) }

// Parse reads the date; it fails for an empty or malformed date, or an
// impossible one (2023-02-30).
func (d Date) Parse() (catalog.Date, error) { return catalog.ParseDate(string(d)) }

// Time returns the date as midnight UTC; it fails as Parse fails.
func (d Date) Time() (time.Time, error) {
	x, err := d.Parse()
	if err != nil {
		return time.Time{}, err
	}
	return x.Time(), nil
}

// String returns the date as given.
func (d Date) String() string { return string(d) }
