package discretion_test

import (
	"fmt"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// Art. 30: "不满十四周岁的未成年人有违法行为的，不予行政处罚，责令监护人加以管教；
// 已满十四周岁不满十八周岁的未成年人有违法行为的，应当从轻或者减轻行政处罚。"
// Age in 周岁 counts from the day after the birthday (法释〔2006〕1号 第二条), at
// the date of the act.
//
// Art. 31: "…在不能辨认或者不能控制自己行为时有违法行为的，不予行政处罚，但应当
// 责令其监护人严加看管和治疗。…尚未完全丧失辨认或者控制自己行为能力的…可以从轻
// 或者减轻行政处罚。"

func ageCase(birth, act discretion.Date, level string) *discretion.Case {
	c := newCase("AGE", map[string]any{"level": level})
	c.Party.BirthDate = birth
	c.ActDate, c.DiscoveryDate, c.DecisionDate = act, act, act
	return c
}

func TestArt30_age_boundaries(t *testing.T) {
	e := engineFile(t, "age.yaml")
	tests := []struct {
		name       string
		birth, act discretion.Date
		want       discretion.Outcome
		reason     discretion.Reason
	}{
		{"art30_on_14th_birthday_is_under_14", "2010-05-10", "2024-05-10", discretion.NoPenalty, discretion.ReasonUnderAge},
		{"art30_day_before_14th_birthday_is_under_14", "2010-05-10", "2024-05-09", discretion.NoPenalty, discretion.ReasonUnderAge},
		{"art30_day_after_14th_birthday_is_minor_lighter", "2010-05-10", "2024-05-11", discretion.Lighter, ""},
		{"art30_born_29_feb_on_28_feb_of_14th_year_is_under_14", "2008-02-29", "2022-02-28", discretion.NoPenalty, discretion.ReasonUnderAge},
		{"art30_born_29_feb_on_1_mar_of_14th_year_is_minor", "2008-02-29", "2022-03-01", discretion.Lighter, ""},
		{"art30_on_18th_birthday_is_minor_lighter", "2006-05-10", "2024-05-10", discretion.Lighter, ""},
		{"art30_day_after_18th_birthday_is_adult_general", "2006-05-10", "2024-05-11", discretion.General, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := decide(t, e, ageCase(tt.birth, tt.act, "mid"))
			wantOutcome(t, d, tt.want, tt.reason)
			if tt.want == discretion.NoPenalty {
				wantNoFine(t, d)
				if d.Discretionary {
					t.Error("art. 30 under 14 is mandatory, not discretionary")
				}
				if !hasOrder(d, "责令监护人加以管教") || !hasOrder(d, "对当事人进行教育") {
					t.Errorf("orders = %v, want 责令监护人加以管教 and 对当事人进行教育", d.Orders)
				}
				if s := step(t, d, "age", "art30.under14"); !s.Result {
					t.Errorf("age step result false: %s", s.Note)
				}
			} else if s := step(t, d, "age", "art30.under14"); s.Result {
				t.Errorf("age step says under 14: %s", s.Note)
			}
			minor := len(steps(d, "factor", "art30.minor")) == 1
			if wantMinor := tt.want == discretion.Lighter; minor != wantMinor {
				t.Errorf("art30.minor ground present = %v, want %v", minor, wantMinor)
			}
		})
	}
}

func TestArt30_under_14_wins_over_every_later_step(t *testing.T) {
	e := engineFile(t, "age.yaml")
	c := ageCase("2010-05-10", "2024-05-10", "high")
	c.Facts["aggravated"] = true
	d := decide(t, e, c)
	wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonUnderAge)
	if d.Grade != "" || len(steps(d, "grade", "")) != 0 {
		t.Errorf("an under-14 case was graded: %q", d.Grade)
	}
}

// A 17-year-old is never decided general or heavier: whatever the grade, the
// aggravating grounds and the catalog's mixed-factors policy, art. 30's
// "应当从轻或者减轻" decides lighter (policies.minors: lighter) or mitigated
// (policies.minors: mitigate).
func TestArt30_17_year_old_is_never_general_or_heavier(t *testing.T) {
	for _, minors := range []string{"lighter", "mitigate"} {
		for _, mixed := range []string{"lighter", "general"} {
			e := engineFile(t, "age.yaml", "minors: lighter", "minors: "+minors, "mixed_factors: lighter", "mixed_factors: "+mixed)
			want := discretion.Lighter
			if minors == "mitigate" {
				want = discretion.Mitigated
			}
			for _, level := range []string{"low", "mid", "high"} {
				for _, aggravated := range []bool{false, true} {
					name := fmt.Sprintf("minors_%s/mixed_%s/%s/aggravated_%v", minors, mixed, level, aggravated)
					t.Run(name, func(t *testing.T) {
						c := ageCase("2007-01-15", "2024-06-01", level) // 17 at the act
						c.Facts["aggravated"] = aggravated
						d := decide(t, e, c)
						wantOutcome(t, d, want, "")
						if d.Fine == nil {
							t.Fatalf("no fine\n%s", d.Text())
						}
						switch want {
						case discretion.Mitigated:
							if d.Fine.Max.IntPart() >= 1000 {
								t.Errorf("mitigated fine max %s is not below the statutory minimum 1000", d.Fine.Max)
							}
						case discretion.Lighter:
							if d.Fine.Min.IntPart() < 1000 {
								t.Errorf("lighter fine min %s is below the statutory minimum 1000", d.Fine.Min)
							}
						}
						if d.Discretionary {
							t.Errorf("art. 30 minors is mandatory (应当), yet discretionary is true")
						}
					})
				}
			}
		}
	}
}

func TestArt30_minor_lighter_takes_lighter_part_of_grade(t *testing.T) {
	// mid row (2000, 4000] → 2001–4000; midpoint lighter part [2001, 3000.5) → 2001–3000.
	e := engineFile(t, "age.yaml")
	d := decide(t, e, ageCase("2007-01-15", "2024-06-01", "mid"))
	wantOutcome(t, d, discretion.Lighter, "")
	wantFine(t, d, "2001", "3000")
}

func TestAge_variable_is_full_years_at_the_act(t *testing.T) {
	e := engineFile(t, "age.yaml")
	tests := []struct {
		birth, act discretion.Date
		age        string
		senior     bool
	}{
		{"2006-05-10", "2024-05-10", "17", false}, // 18th birthday: still 17
		{"2006-05-10", "2024-05-11", "18", false},
		{"1949-05-10", "2024-05-10", "74", false}, // 75th birthday: still 74
		{"1949-05-10", "2024-05-11", "75", true},
	}
	for _, tt := range tests {
		t.Run(string(tt.birth+"_"+tt.act), func(t *testing.T) {
			d := decide(t, e, ageCase(tt.birth, tt.act, "mid"))
			s := step(t, d, "factor", "factor:senior")
			if got := factValue(t, s, "age"); got != tt.age {
				t.Errorf("age = %s, want %s", got, tt.age)
			}
			if s.Result != tt.senior {
				t.Errorf("senior = %v, want %v", s.Result, tt.senior)
			}
		})
	}
}

func TestArt31_capacity(t *testing.T) {
	e := engineFile(t, "age.yaml")
	t.Run("art31_capacity_none_is_no_penalty_incapacity", func(t *testing.T) {
		c := ageCase("1980-01-01", "2024-06-01", "high")
		c.Party.Capacity = "none"
		d := decide(t, e, c)
		wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonIncapacity)
		wantNoFine(t, d)
		if d.Discretionary {
			t.Error("art. 31 incapacity is mandatory, not discretionary")
		}
		if !hasOrder(d, "责令监护人严加看管和治疗") {
			t.Errorf("orders = %v, want 责令监护人严加看管和治疗", d.Orders)
		}
		if s := step(t, d, "capacity", "art31.incapable"); !s.Result {
			t.Errorf("capacity step: %+v", s)
		}
	})
	t.Run("art31_capacity_limited_is_lighter_and_discretionary", func(t *testing.T) {
		c := ageCase("1980-01-01", "2024-06-01", "mid")
		c.Party.Capacity = "limited"
		d := decide(t, e, c)
		wantOutcome(t, d, discretion.Lighter, "")
		if !d.Discretionary {
			t.Error("art. 31 partial capacity is \"可以\": discretionary should be true")
		}
		wantFine(t, d, "2001", "3000")
	})
	t.Run("art31_capacity_full_decides_normally", func(t *testing.T) {
		c := ageCase("1980-01-01", "2024-06-01", "mid")
		c.Party.Capacity = "full"
		d := decide(t, e, c)
		wantOutcome(t, d, discretion.General, "")
		wantFine(t, d, "2001", "4000")
	})
	t.Run("art31_capacity_is_for_natural_persons_only", func(t *testing.T) {
		c := ageCase("1980-01-01", "2024-06-01", "mid")
		c.Party = discretion.Party{Type: "organization", Capacity: "none"}
		problem(t, caseError(t, e, c), "party.capacity", "只适用于自然人")
	})
}
