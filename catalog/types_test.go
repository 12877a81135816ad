package catalog_test

import (
	"strings"
	"testing"
	"time"

	"github.com/jizhun/jizhun/catalog"
)

func mustDate(t *testing.T, s string) catalog.Date {
	t.Helper()
	d, err := catalog.ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		wantErr string // empty: valid
	}{
		{"2024-01-01", ""},
		{"2024-02-29", ""}, // leap year
		{"2000-02-29", ""}, // divisible by 400
		{"1900-01-01", ""},
		{"2200-12-31", ""},
		{"2023-02-29", "not a real date"},
		{"1900-02-29", "not a real date"}, // divisible by 100, not 400
		{"2023-02-30", "not a real date"},
		{"2024-04-31", "not a real date"},
		{"2024-13-01", "not a real date"},
		{"2024-00-10", "not a real date"},
		{"2024-01-00", "not a real date"},
		{"2024-01-32", "not a real date"},
		{"2024/01/01", "not a date in the form YYYY-MM-DD"},
		{"2024-1-1", "not a date in the form YYYY-MM-DD"},
		{"20240101", "not a date in the form YYYY-MM-DD"},
		{"2024-01-01T00:00:00Z", "not a date in the form YYYY-MM-DD"},
		{"", "not a date in the form YYYY-MM-DD"},
		{"abcd-ef-gh", "not a real date"},
		{"1899-12-31", "outside the years 1900–2200"},
		{"2201-01-01", "outside the years 1900–2200"},
	}
	for _, tt := range tests {
		d, err := catalog.ParseDate(tt.in)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("ParseDate(%q): %v", tt.in, err)
		case tt.wantErr == "" && d.String() != tt.in:
			t.Errorf("ParseDate(%q).String() = %q", tt.in, d)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("ParseDate(%q) = %v, %v; want an error saying %q", tt.in, d, err, tt.wantErr)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	if got := catalog.DateOf(1970, time.January, 1); got != 0 {
		t.Errorf("DateOf(1970-01-01) = %d, want day 0", got)
	}
	d := mustDate(t, "2024-05-01")
	if got := d.AddDays(31).String(); got != "2024-06-01" {
		t.Errorf("AddDays(31) = %s", got)
	}
	if got := d.AddDays(-1).String(); got != "2024-04-30" {
		t.Errorf("AddDays(-1) = %s", got)
	}
	if got, err := d.MarshalText(); err != nil || string(got) != "2024-05-01" {
		t.Errorf("MarshalText = %s, %v", got, err)
	}
	if !d.Time().Equal(time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Time() = %v", d.Time())
	}
}

// AddYears follows 《民法典》 art. 202: the corresponding day of the last
// year, or the last day of that month where there is none.
func TestAddYears(t *testing.T) {
	tests := []struct {
		from string
		n    int
		want string
	}{
		{"2022-03-15", 2, "2024-03-15"},
		{"2024-02-29", 1, "2025-02-28"},  // no 29 Feb in 2025: its last day
		{"2024-02-29", 4, "2028-02-29"},  // leap to leap
		{"2024-02-29", -1, "2023-02-28"}, // backwards too
		{"2024-02-28", 1, "2025-02-28"},
		{"2023-03-01", 1, "2024-03-01"}, // not moved to 29 Feb
		{"2023-12-31", 2, "2025-12-31"},
		{"2024-05-01", -2, "2022-05-01"},
		{"2024-05-01", 0, "2024-05-01"},
	}
	for _, tt := range tests {
		if got := mustDate(t, tt.from).AddYears(tt.n).String(); got != tt.want {
			t.Errorf("%s.AddYears(%d) = %s, want %s", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestParseWindow(t *testing.T) {
	tests := []struct {
		in, str, label string
	}{
		{"none", "none", ""},
		{"1y", "1y", "1年内"},
		{"2y", "2y", "2年内"},
		{"6m", "6m", "6个月内"},
		{"90d", "90d", "90日内"},
		{"100y", "100y", "100年内"},
	}
	for _, tt := range tests {
		w, err := catalog.ParseWindow(tt.in)
		if err != nil {
			t.Errorf("ParseWindow(%q): %v", tt.in, err)
			continue
		}
		if w.String() != tt.str || w.Label() != tt.label {
			t.Errorf("ParseWindow(%q) = %q / %q, want %q / %q", tt.in, w, w.Label(), tt.str, tt.label)
		}
	}
	for _, bad := range []string{"", "y", "0y", "-1y", "101y", "1w", "1Y", "one year", "1.5y", "none "} {
		if w, err := catalog.ParseWindow(bad); err == nil {
			t.Errorf("ParseWindow(%q) = %v, want an error", bad, w)
		}
	}
}

func TestWindowStart(t *testing.T) {
	tests := []struct {
		window, anchor, want string
	}{
		{"1y", "2024-05-01", "2023-05-01"}, // 近一年 back from 2024-05-01
		{"2y", "2024-05-01", "2022-05-01"},
		{"1y", "2024-02-29", "2023-02-28"},
		{"6m", "2024-08-31", "2024-02-29"}, // no 31 Feb: the month's last day
		{"3m", "2024-01-15", "2023-10-15"}, // across a year boundary
		{"12m", "2024-05-01", "2023-05-01"},
		{"30d", "2024-03-01", "2024-01-31"},
	}
	for _, tt := range tests {
		w, err := catalog.ParseWindow(tt.window)
		if err != nil {
			t.Fatal(err)
		}
		if got := w.Start(mustDate(t, tt.anchor)).String(); got != tt.want {
			t.Errorf("window %s from %s starts %s, want %s", tt.window, tt.anchor, got, tt.want)
		}
	}
	none, _ := catalog.ParseWindow("none")
	if start := none.Start(mustDate(t, "2024-05-01")); start > mustDate(t, "1900-01-01") {
		t.Errorf("window none starts %s; it must reach back before any date", start)
	}
}

func TestChineseNumber(t *testing.T) {
	tests := map[int]string{
		1: "一", 2: "二", 9: "九", 10: "十", 11: "十一", 12: "十二", 19: "十九", 20: "二十",
		21: "二十一", 33: "三十三", 99: "九十九", 100: "一百", 101: "一百零一", 105: "一百零五",
		110: "一百一十", 111: "一百一十一", 118: "一百一十八", 200: "二百", 202: "二百零二",
		210: "二百一十", 999: "九百九十九",
		0: "0", 1000: "1000", -3: "-3", // outside 1–999: digits
	}
	for n, want := range tests {
		if got := catalog.ChineseNumber(n); got != want {
			t.Errorf("ChineseNumber(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCitationString(t *testing.T) {
	tests := []struct {
		c    *catalog.Citation
		want string
	}{
		{&catalog.Citation{Instrument: "城市道路管理条例", Article: 42}, "《城市道路管理条例》第四十二条"},
		{&catalog.Citation{Instrument: "中华人民共和国大气污染防治法", Article: 118, Paragraph: 1}, "《中华人民共和国大气污染防治法》第一百一十八条第一款"},
		{&catalog.Citation{Instrument: "城市道路管理条例", Article: 27, Item: 1}, "《城市道路管理条例》第二十七条第（一）项"},
		{&catalog.Citation{Instrument: "中华人民共和国行政处罚法", Article: 33, Paragraph: 2, Item: 3}, "《中华人民共和国行政处罚法》第三十三条第二款第（三）项"},
		{&catalog.Citation{Instrument: "示例规定"}, "《示例规定》"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.c, got, tt.want)
		}
	}
}

func TestCondPosAtWithoutFile(t *testing.T) {
	// A condition not from a file counts positions in its own text.
	c := catalog.NewCond("a > 1 &&\n  严重 == b")
	tests := map[int]catalog.Pos{
		0:  {Line: 1, Col: 1},
		4:  {Line: 1, Col: 5},
		9:  {Line: 2, Col: 1},
		11: {Line: 2, Col: 3},
		14: {Line: 2, Col: 6}, // runes, not bytes
	}
	for off, want := range tests {
		if got := c.PosAt(off); got != want {
			t.Errorf("PosAt(%d) = %v, want %v", off, got, want)
		}
	}
}

func TestCondPosAtFromFile(t *testing.T) {
	// Conditions loaded from YAML map every rune back into the file,
	// whatever the scalar style.
	src := `id: x
title: t
issuer: i
effective: 2024-01-01
tier_scheme: midpoint
policies:
  no_fault: {when: "a \"b\" c"}
procedure:
  legal_review:
    when: >-
      first
        second
      third
  collective_discussion:
    when: 'it''s'
`
	cat, _ := catalog.Load("p.yaml", []byte(src))
	if cat == nil {
		t.Fatal("no catalog")
	}
	tests := []struct {
		c      *catalog.Cond
		offset int
		want   catalog.Pos
	}{
		{cat.Policies.NoFault.When, 0, catalog.Pos{File: "p.yaml", Line: 7, Col: 21}},
		{cat.Policies.NoFault.When, 2, catalog.Pos{File: "p.yaml", Line: 7, Col: 23}}, // the escaped quote
		{cat.Policies.NoFault.When, 3, catalog.Pos{File: "p.yaml", Line: 7, Col: 25}}, // b, after the escape
		{cat.Policies.NoFault.When, 6, catalog.Pos{File: "p.yaml", Line: 7, Col: 29}}, // c
		{cat.Procedure.LegalReview.When, 0, catalog.Pos{File: "p.yaml", Line: 11, Col: 7}},
		{cat.Procedure.LegalReview.When, 8, catalog.Pos{File: "p.yaml", Line: 12, Col: 9}},           // "second"
		{cat.Procedure.LegalReview.When, 15, catalog.Pos{File: "p.yaml", Line: 13, Col: 7}},          // "third"
		{cat.Procedure.CollectiveDiscussion.When, 3, catalog.Pos{File: "p.yaml", Line: 15, Col: 16}}, // s after ''
	}
	for _, tt := range tests {
		r := []rune(tt.c.Src)
		if got := tt.c.PosAt(tt.offset); got != tt.want {
			t.Errorf("%q: PosAt(%d) (%q) = %v, want %v", tt.c.Src, tt.offset, string(r[tt.offset:]), got, tt.want)
		}
	}
	if got := cat.Procedure.LegalReview.When.Pos; got.Line != 11 || got.Col != 7 {
		t.Errorf("a folded condition's Pos is its first character, got %v", got)
	}
}

func TestPartyTypesAndEffects(t *testing.T) {
	for p, label := range map[catalog.PartyType]string{
		catalog.Individual: "个人", catalog.Organization: "单位", catalog.IndividualBusiness: "个体工商户",
	} {
		if !p.Valid() || p.Label() != label {
			t.Errorf("%s: Valid %v, Label %q", p, p.Valid(), p.Label())
		}
	}
	if catalog.PartyType("company").Valid() {
		t.Error("an unknown party type is valid")
	}
	for e, label := range map[catalog.Effect]string{
		catalog.EffectLighter: "从轻", catalog.EffectMitigate: "减轻", catalog.EffectHeavier: "从重", catalog.EffectGeneral: "一般",
	} {
		if e.Label() != label {
			t.Errorf("%s.Label() = %q, want %q", e, e.Label(), label)
		}
	}
	if !catalog.FactMoney.Numeric() || !catalog.FactInt.Numeric() || catalog.FactEnum.Numeric() || catalog.FactDate.Numeric() {
		t.Error("Numeric: int, number and money only")
	}
}
