package discretion_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/penalty"
)

// 应当从轻 always has an effect. 《行政处罚法》第三十条: "已满十四周岁不满十八
// 周岁的未成年人有违法行为的，应当从轻或者减轻行政处罚"; 第三十二条: "当事人有
// 下列情形之一，应当从轻或者减轻行政处罚". A party with such a ground never gets
// the range the same facts get without it: where the grade is already the
// lighter tier its own range is split again, and where no lower range is
// left within the statute the ground takes effect as 减轻.
func TestMandatoryLighterAlwaysLowers(t *testing.T) {
	schemes := []string{"midpoint", "lower_upper_30", "max_only_40_60"}
	items := []string{"ROWS", "TIERS", "POINT"}
	levels := []string{"low", "mid", "high"}
	check := func(t *testing.T, e *discretion.Engine, with, without *discretion.Case) {
		t.Helper()
		dw, dn := decide(t, e, with), decide(t, e, without)
		if dw.Outcome == discretion.General || dw.Outcome == discretion.Heavier {
			t.Errorf("outcome with the ground = %s", dw.Outcome)
		}
		if dw.Fine == nil || dn.Fine == nil {
			t.Fatalf("fine with %v, without %v", dw.Fine, dn.Fine)
		}
		if !penalty.Lower(dw.Fine.Range(), dn.Fine.Range()) {
			t.Errorf("with the ground %s %s–%s, without %s %s–%s: not lower\n%s",
				dw.Outcome, dw.Fine.Min, dw.Fine.Max, dn.Outcome, dn.Fine.Min, dn.Fine.Max, dw.Text())
		}
	}
	for _, scheme := range schemes {
		e := engineFile(t, "adjust.yaml", "tier_scheme: midpoint", "tier_scheme: "+scheme)
		for _, item := range items {
			for _, level := range levels {
				name := scheme + "/" + item + "/" + level
				t.Run("art30_minor_always_lower_range/"+name, func(t *testing.T) {
					minor := adjustCase(item, level, grounds{})
					minor.Party = discretion.Party{Type: catalog.Individual, BirthDate: "2008-01-01"} // 16 at the act
					adult := adjustCase(item, level, grounds{})
					adult.Party = discretion.Party{Type: catalog.Individual, BirthDate: "1980-01-01"}
					check(t, e, minor, adult)
				})
				t.Run("art32_ground_always_lower_range/"+name, func(t *testing.T) {
					check(t, e, adjustCase(item, level, grounds{lighter: true}), adjustCase(item, level, grounds{}))
				})
			}
		}
	}
	t.Run("art30_lighter_tier_grade_is_split_again", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml")
		minor := adjustCase("TIERS", "low", grounds{})
		minor.Party = discretion.Party{Type: catalog.Individual, BirthDate: "2008-01-01"}
		d := decide(t, e, minor)
		wantOutcome(t, d, discretion.Lighter, "")
		wantFine(t, d, "1000", "3499") // [1000, 6000) split again at its midpoint 3499.5
	})
	t.Run("art30_single_amount_above_minimum_lowers_within_the_statute", func(t *testing.T) {
		// 从轻 stays within the statutory range: the row's single amount
		// 6000 has no lighter part, but [1000, 5999] of the statute does;
		// 减轻 (below 1000) would go further than the ground needs.
		e := engineFile(t, "adjust.yaml")
		minor := adjustCase("POINT", "mid", grounds{})
		minor.Party = discretion.Party{Type: catalog.Individual, BirthDate: "2008-01-01"}
		d := decide(t, e, minor)
		wantOutcome(t, d, discretion.Lighter, "")
		wantFine(t, d, "1000", "5999")
		if !traceMentions(d, "无法在该数额内从轻；从轻处罚在法定幅度1000至11000元内取低于该数额的部分：1000至5999元") {
			t.Errorf("the trace does not say why the range lies below the grade\n%s", d.Text())
		}
		if !strings.Contains(d.Text(), "从轻处罚在法定罚款幅度1000至11000元内取低于该数额的部分，为1000至5999元") {
			t.Errorf("the 说理 does not state the lighter range below the grade\n%s", d.Text())
		}
	})
	t.Run("art30_single_amount_at_minimum_is_mitigated", func(t *testing.T) {
		e := engineFile(t, "adjust.yaml")
		minor := adjustCase("POINT", "low", grounds{})
		minor.Party = discretion.Party{Type: catalog.Individual, BirthDate: "2008-01-01"}
		d := decide(t, e, minor)
		wantOutcome(t, d, discretion.Mitigated, "")
		wantFine(t, d, "1", "999")
		if !traceMentions(d, "依法减轻处罚") {
			t.Errorf("the trace does not say why 从轻 became 减轻\n%s", d.Text())
		}
	})
}

// LighterRange is the predicate the consistency checks use to find grades
// where 从轻 cannot lower the range (the catalog must choose 减轻 there).
func TestLighterRangePredicate(t *testing.T) {
	d := func(n int64) penalty.Range { return penalty.Closed(dec(n), dec(n)) }
	stat := penalty.Closed(dec(1000), dec(11000))
	one := dec(1)
	if _, _, way, _ := penalty.LighterRange(penalty.Midpoint, stat, d(1000), false, one); way != penalty.LighterNone {
		t.Error("a single amount at the statutory minimum cannot be lowered by 从轻")
	}
	rng, split, way, _ := penalty.LighterRange(penalty.Midpoint, stat, penalty.Closed(dec(1000), dec(5999)), true, one)
	if way != penalty.LighterSplit || !split.Equal(penalty.Closed(dec(1000), dec(5999))) || !rng.Equal(penalty.Closed(dec(1000), dec(3499))) {
		t.Errorf("lighter tier grade: %v split %v way %v", rng, split, way)
	}
	// 从轻 stays within the statutory range: a single amount above its
	// minimum leaves the statutory amounts below it.
	rng, _, way, _ = penalty.LighterRange(penalty.Midpoint, stat, d(5000), false, one)
	if way != penalty.LighterBelowGrade || !rng.Equal(penalty.Closed(dec(1000), dec(4999))) {
		t.Errorf("single amount 5000 in [1000, 11000]: %v way %v, want [1000, 4999] below the grade", rng, way)
	}
	maxOnly := penalty.Closed(dec(0), dec(2000))
	rng, _, way, _ = penalty.LighterRange(penalty.Midpoint, maxOnly, d(150), false, one)
	if way != penalty.LighterBelowGrade || !rng.Equal(penalty.Closed(dec(0), dec(149))) {
		t.Errorf("single amount 150 under a max-only fine of 2000: %v way %v, want [0, 149]", rng, way)
	}
}

func dec(n int64) decimal.Decimal { return decimal.NewFromInt(n) }
