package discretion_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
)

// Art. 37 (从旧兼从轻): "实施行政处罚，适用违法行为发生时的法律、法规、规章的
// 规定。但是，作出行政处罚决定时，法律、法规、规章已被修改或者废止，且新的规定
// 处罚较轻或者不认为是违法的，适用新的规定。" Every item in versions.yaml
// changes on 2024-01-01.

func versionCase(item string) *discretion.Case {
	c := orgCase(item, nil)
	c.ActDate, c.DiscoveryDate, c.DecisionDate = "2023-06-01", "2023-07-01", "2024-02-01"
	return c
}

func TestArt37(t *testing.T) {
	e := engineFile(t, "versions.yaml")
	t.Run("art37_later_lighter_version_applies", func(t *testing.T) {
		d := decide(t, e, versionCase("LIGHTER"))
		if d.Version != "new" {
			t.Fatalf("version = %s, want new\n%s", d.Version, d.Text())
		}
		wantFine(t, d, "500", "2000")
		last := lastStep(d)
		if last.Step != "version" || !last.Result || !strings.Contains(last.Citation, "第三十七条") {
			t.Errorf("last step = %+v, want the art. 37 choice of the new version", last)
		}
	})
	t.Run("art37_later_heavier_version_does_not_apply", func(t *testing.T) {
		d := decide(t, e, versionCase("HEAVIER"))
		if d.Version != "old" {
			t.Fatalf("version = %s, want old\n%s", d.Version, d.Text())
		}
		wantFine(t, d, "1000", "5000")
		if last := lastStep(d); last.Step != "version" || last.Rule != "art37.statutory_max" || last.Result || !strings.Contains(last.Note, "new") {
			t.Errorf("last step = %+v, want the rejected new version, decided by the statutory maximum", last)
		}
	})
	t.Run("art37_decriminalized_later_version_is_no_penalty_not_illegal", func(t *testing.T) {
		d := decide(t, e, versionCase("REPEALED"))
		wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonNotIllegal)
		wantNoFine(t, d)
		if d.Version != "repealed" {
			t.Errorf("version = %s, want repealed", d.Version)
		}
		if !traceMentions(d, "第三十七条") {
			t.Errorf("trace does not cite art. 37\n%s", d.Text())
		}
	})
	// Old [1000, 5000], new [500, 8000]: the old maximum is lower, so the old
	// version is the lighter one; the ranges cross, so it is flagged.
	t.Run("art37_crossing_ranges_keep_old_and_flag", func(t *testing.T) {
		d := decide(t, e, versionCase("CROSSING"))
		if d.Version != "old" {
			t.Fatalf("version = %s, want old\n%s", d.Version, d.Text())
		}
		wantFine(t, d, "1000", "5000")
		if !hasFlag(d, discretion.FlagLexMitiorCrossing) {
			t.Errorf("flags = %v, want %s", d.Flags, discretion.FlagLexMitiorCrossing)
		}
	})
	t.Run("art37_no_crossing_flag_when_one_version_is_lighter", func(t *testing.T) {
		for _, item := range []string{"LIGHTER", "HEAVIER"} {
			if d := decide(t, e, versionCase(item)); hasFlag(d, discretion.FlagLexMitiorCrossing) {
				t.Errorf("%s: unexpected flag %s", item, discretion.FlagLexMitiorCrossing)
			}
		}
	})
	t.Run("art37_decision_under_the_same_version_uses_it_once", func(t *testing.T) {
		c := versionCase("LIGHTER")
		c.DecisionDate = "2023-12-31" // last day of the old version
		d := decide(t, e, c)
		if d.Version != "old" {
			t.Fatalf("version = %s, want old", d.Version)
		}
		if n := len(steps(d, "version", "")); n != 1 {
			t.Errorf("trace has %d version steps, want 1", n)
		}
		wantFine(t, d, "1000", "5000")
	})
	t.Run("art37_act_under_new_version_uses_new", func(t *testing.T) {
		c := versionCase("HEAVIER")
		c.ActDate, c.DiscoveryDate = "2024-01-01", "2024-01-02" // first day of new
		d := decide(t, e, c)
		if d.Version != "new" {
			t.Fatalf("version = %s, want new", d.Version)
		}
		wantFine(t, d, "2000", "10000")
	})
	t.Run("art37_act_before_any_version_is_a_case_error", func(t *testing.T) {
		c := versionCase("LIGHTER")
		c.ActDate, c.DiscoveryDate = "2019-12-31", "2023-07-01"
		problem(t, caseError(t, e, c).Localize("en"), "act_date", "the act on 2019-12-31 is before", "took effect on 2020-01-01", "effective_from")
		problem(t, caseError(t, e, c), "act_date", "违法行为发生在 2019-12-31", "施行日期 2020-01-01", "effective_from")
	})
}

func TestArt37_review_flags_belong_to_the_version_applied(t *testing.T) {
	e := engineFile(t, "versions.yaml")
	d := decide(t, e, versionCase("FLAGGED"))
	if d.Version != "new" {
		t.Fatalf("version = %s, want new", d.Version)
	}
	n := 0
	for _, f := range d.Flags {
		if f == discretion.FlagFirstOffenseEligible {
			n++
		}
	}
	if n != 1 {
		t.Errorf("flags = %v, want %s exactly once", d.Flags, discretion.FlagFirstOffenseEligible)
	}
	d = decide(t, e, versionCase("FLAGGED_REPEALED"))
	wantOutcome(t, d, discretion.NoPenalty, discretion.ReasonNotIllegal)
	if len(d.Flags) != 0 {
		t.Errorf("not_illegal decision carries the old version's flags %v", d.Flags)
	}
}

// Art. 37's "新的规定处罚较轻" compares the rules, not the benchmark's
// result: the statutory range the case falls under in each version, by its
// maximum, then its minimum — 法释〔1997〕12号 第一条, by analogy: "法定刑较轻
// 是指法定最高刑较轻；如果法定最高刑相同，则指法定最低刑较轻" — and only when
// those are equal, the case's own decided ranges.
func TestArt37_statutory_ranges(t *testing.T) {
	e := engineFile(t, "versions.yaml")
	t.Run("art37_statutory_range_first", func(t *testing.T) {
		d := decide(t, e, versionCase("STATFIRST"))
		if d.Version != "new" {
			t.Fatalf("version = %s, want new (statutory maximum 4000 < 5000)\n%s", d.Version, d.Text())
		}
		wantFine(t, d, "3000", "4000")
		last := lastStep(d)
		if last.Rule != "art37.statutory_max" || !strings.Contains(last.Citation, "法释〔1997〕12号") {
			t.Errorf("last step = %+v, want the statutory maximum rule citing 法释〔1997〕12号", last)
		}
		if hasFlag(d, discretion.FlagLexMitiorCrossing) {
			t.Errorf("flags = %v: nested statutory ranges do not cross", d.Flags)
		}
	})
	t.Run("art37_crossing_ranges_flagged", func(t *testing.T) {
		d := decide(t, e, versionCase("STATCROSS"))
		if d.Version != "new" {
			t.Fatalf("version = %s, want new (the lower statutory maximum is lighter)\n%s", d.Version, d.Text())
		}
		if !hasFlag(d, discretion.FlagLexMitiorCrossing) {
			t.Errorf("flags = %v, want %s: statutory ranges [1000,5000] and [2000,4000] cross", d.Flags, discretion.FlagLexMitiorCrossing)
		}
	})
	t.Run("art37_equal_statutory_ranges_decided_by_case_ranges", func(t *testing.T) {
		d := decide(t, e, versionCase("SAMESTAT"))
		if d.Version != "new" {
			t.Fatalf("version = %s, want new", d.Version)
		}
		wantFine(t, d, "1000", "3000")
		if last := lastStep(d); last.Rule != "art37.decided" {
			t.Errorf("last step = %+v, want art37.decided", last)
		}
	})
}

// lastStep is the last step of a decision's trace.
func lastStep(d *discretion.Decision) discretion.Step {
	steps := d.Steps()
	return steps[len(steps)-1]
}
