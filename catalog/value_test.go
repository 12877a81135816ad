package catalog_test

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
)

func dec(s string) *decimal.Decimal {
	d := decimal.RequireFromString(s)
	return &d
}

func TestFactParse(t *testing.T) {
	var (
		boolFact  = &catalog.Fact{Name: "corrected", Type: catalog.FactBool}
		intFact   = &catalog.Fact{Name: "days", Type: catalog.FactInt, Min: dec("0"), Max: dec("3650")}
		numFact   = &catalog.Fact{Name: "area_m2", Type: catalog.FactNumber, Min: dec("0.5"), Max: dec("100")}
		moneyFact = &catalog.Fact{Name: "gains", Type: catalog.FactMoney, Min: dec("0"), Undeterminable: true}
		costFact  = &catalog.Fact{Name: "cost", Type: catalog.FactMoney}
		enumFact  = &catalog.Fact{Name: "harm", Type: catalog.FactEnum, Values: catalog.EnumValues{
			{Name: "none", Label: "无"}, {Name: "minor", Label: "轻微"}, {Name: "serious", Label: "严重"}}}
		dateFact = &catalog.Fact{Name: "found_on", Type: catalog.FactDate}
		badFact  = &catalog.Fact{Name: "weird", Type: "float"}
	)
	tests := []struct {
		name    string
		fact    *catalog.Fact
		raw     any
		want    string // Value.String() when valid
		wantErr string // substring of the error when invalid
	}{
		{"bool true", boolFact, true, "true", ""},
		{"bool false", boolFact, false, "false", ""},
		{"bool from a string", boolFact, "true", "", `want true or false, got "true"`},
		{"bool from a number", boolFact, json.Number("1"), "", "want true or false, got the number 1"},
		{"bool from null", boolFact, nil, "", "want true or false, got null"},

		{"int from JSON", intFact, json.Number("3"), "3", ""},
		{"int from Go int", intFact, 3, "3", ""},
		{"int from int64", intFact, int64(3650), "3650", ""},
		{"int from a whole float", intFact, 3.0, "3", ""},
		{"int written 3.0", intFact, json.Number("3.0"), "3", ""},
		{"int rejects 2.5 from JSON", intFact, json.Number("2.5"), "", "want a whole number, got 2.5"},
		{"int rejects 2.5 from Go", intFact, 2.5, "", "want a whole number, got 2.5"},
		{"int at its minimum", intFact, json.Number("0"), "0", ""},
		{"int below its minimum", intFact, json.Number("-1"), "", "-1 is below the minimum 0"},
		{"int above its maximum", intFact, json.Number("3651"), "", "3651 is above the maximum 3650"},
		{"int from a string", intFact, "3", "", `want a number, got "3"`},
		{"int undeterminable not allowed", intFact, "undeterminable", "", "does not allow undeterminable"},

		{"number keeps 0.1 exact", numFact, json.Number("0.50"), "0.5", ""},
		{"number at max", numFact, json.Number("100"), "100", ""},
		{"number just above max", numFact, json.Number("100.0000001"), "", "is above the maximum 100"},
		{"number just below min", numFact, json.Number("0.4999"), "", "is below the minimum 0.5"},
		{"number from decimal", numFact, decimal.RequireFromString("12.25"), "12.25", ""},
		{"number NaN", numFact, math.NaN(), "", "want a number"},
		{"number +Inf", numFact, math.Inf(1), "", "want a number"},
		{"number exponent", numFact, json.Number("1e1"), "", "unexpected character"},
		{"number too many digits", costFact, json.Number(strings.Repeat("9", 30)), "", "more than 24 digits"},
		{"number from a list", numFact, []any{1}, "", "want a number, got a list"},
		{"number from an object", numFact, map[string]any{}, "", "want a number, got an object"},

		{"money undeterminable allowed", moneyFact, "undeterminable", "undeterminable", ""},
		{"money undeterminable disallowed", costFact, "undeterminable", "", "does not allow undeterminable"},
		{"money other string", moneyFact, "unknown", "", `want a number, got "unknown"`},
		{"money fraction of a yuan", moneyFact, json.Number("1234.56"), "1234.56", ""},

		{"enum value", enumFact, "minor", "minor", ""},
		{"enum typo gets a suggestion", enumFact, "serius", "", `"serius" is not one of none, minor, serious; did you mean "serious"?`},
		{"enum far off gets none", enumFact, "catastrophic", "", `"catastrophic" is not one of none, minor, serious`},
		{"enum label is not a value", enumFact, "严重", "", "is not one of"},
		{"enum from a number", enumFact, json.Number("2"), "", "want one of none, minor, serious, got the number 2"},

		{"date string", dateFact, "2024-02-29", "2024-02-29", ""},
		{"date value", dateFact, catalog.DateOf(2024, 2, 29), "2024-02-29", ""},
		{"date impossible", dateFact, "2023-02-29", "", "not a real date"},
		{"date wrong form", dateFact, "2024/02/28", "", "not a date in the form YYYY-MM-DD"},
		{"date from a number", dateFact, json.Number("20240101"), "", "want a date YYYY-MM-DD"},

		{"unknown fact type", badFact, true, "", `unknown fact type "float"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := tt.fact.Parse(tt.raw)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("Parse(%#v) = %v, want an error", tt.raw, v)
				}
				if !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("Parse(%#v) error %q does not say %q", tt.raw, err, tt.wantErr)
				}
				var ve *catalog.ValueError
				if !errors.As(err, &ve) || ve.Fact != tt.fact.Name || !strings.HasPrefix(err.Error(), "fact "+tt.fact.Name+": ") {
					t.Errorf("error %v is not a ValueError naming fact %s", err, tt.fact.Name)
				}
				return
			}
			if err != nil {
				t.Fatalf("Parse(%#v): %v", tt.raw, err)
			}
			if v.Type != tt.fact.Type || v.String() != tt.want {
				t.Errorf("Parse(%#v) = %s %q, want %s %q", tt.raw, v.Type, v, tt.fact.Type, tt.want)
			}
		})
	}
}

func TestFactParseNumbersAreExact(t *testing.T) {
	f := &catalog.Fact{Name: "x", Type: catalog.FactNumber}
	a, _ := f.Parse(json.Number("0.1"))
	b, _ := f.Parse(json.Number("0.2"))
	c, _ := f.Parse(json.Number("0.3"))
	if !a.Num.Add(b.Num).Equal(c.Num) {
		t.Errorf("0.1 + 0.2 = %s, want exactly 0.3", a.Num.Add(b.Num))
	}
	big, err := f.Parse(json.Number("12345678901234567.891"))
	if err != nil || big.Num.String() != "12345678901234567.891" {
		t.Errorf("a long decimal lost digits: %v, %v", big.Num, err)
	}
	u, _ := (&catalog.Fact{Name: "g", Type: catalog.FactMoney, Undeterminable: true}).Parse("undeterminable")
	if !u.Undeterminable || !u.Num.IsZero() {
		t.Errorf("undeterminable money = %+v, want the flag and a zero amount", u)
	}
}

func TestValueAppendJSON(t *testing.T) {
	tests := []struct {
		v    catalog.Value
		want string
	}{
		{catalog.Value{Type: catalog.FactBool, Bool: true}, "true"},
		{catalog.Value{Type: catalog.FactMoney, Num: decimal.RequireFromString("1234.50")}, "1234.5"},
		{catalog.Value{Type: catalog.FactMoney, Undeterminable: true}, `"undeterminable"`},
		{catalog.Value{Type: catalog.FactInt, Num: decimal.NewFromInt(-3)}, "-3"},
		{catalog.Value{Type: catalog.FactEnum, Enum: "严重<&>"}, `"严重<&>"`},
		{catalog.Value{Type: catalog.FactDate, Date: catalog.DateOf(2024, 2, 29)}, `"2024-02-29"`},
		{catalog.Value{Type: catalog.FactEnum, Enum: "a\"b\n"}, `"a\"b\n"`},
	}
	for _, tt := range tests {
		got := string(tt.v.AppendJSON(nil))
		if got != tt.want {
			t.Errorf("AppendJSON(%+v) = %s, want %s", tt.v, got, tt.want)
		}
		if !json.Valid([]byte(got)) {
			t.Errorf("AppendJSON(%+v) = %s is not JSON", tt.v, got)
		}
	}
}
