package standards_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/standards"
)

// chkConstraintCatalog is a catalog whose grades leave out, or overlap in,
// only combinations of facts that its constraint says cannot occur.
const chkConstraintCatalog = `
id: test-check-constraints
title: 事实约束检查测试
issuer: 测试机关
effective: 2015-01-01
tier_scheme: midpoint
facts:
  harm:
    type: enum
    label: 危害后果
    values: {none: 未造成危害后果, minor: 危害后果轻微, serious: 造成严重后果}
    required: true
  injured_persons: {type: int, label: 受伤人数, unit: 人, min: 0, max: 100, required: true}
constraints:
  - id: no_harm_no_injury
    label: 未造成危害后果的，不会有人受伤
    holds: harm != "none" || injured_persons == 0
items:
  - code: GAP
    name: 缺口只在不可能的组合中
    basis:
      violated: {instrument: 测试条例, article: 12, paragraph: 1}
      penalty: {instrument: 测试条例, article: 30, paragraph: 1}
    sanctions: [{type: fine, mandatory: true, amount: {min: 100, max: 1000}}]
    benchmark:
      grades:
        - {id: none, label: 未造成危害后果, when: harm == "none" && injured_persons == 0, fine: {min: 100, max: 300}}
        - {id: some, label: 造成危害后果, when: harm != "none", fine: {min: 300, max: 1000}}
  - code: OVERLAP
    name: 重叠只在不可能的组合中
    basis:
      violated: {instrument: 测试条例, article: 13, paragraph: 1}
      penalty: {instrument: 测试条例, article: 31, paragraph: 1}
    sanctions: [{type: fine, mandatory: true, amount: {min: 100, max: 1000}}]
    benchmark:
      exclusive: true
      grades:
        - {id: none, label: 未造成危害后果, when: harm == "none", fine: {min: 100, max: 300}}
        - {id: injured, label: 有人受伤, when: injured_persons > 0, fine: {min: 500, max: 1000}}
        - {id: uninjured, label: 造成危害后果但无人受伤, when: harm != "none" && injured_persons == 0, fine: {min: 300, max: 500}}
`

// chkWithoutConstraints is the catalog with its constraint made void.
func chkWithoutConstraints(src string) string {
	return strings.Replace(src, `holds: harm != "none" || injured_persons == 0`, `holds: "true"`, 1)
}

func chkFindingsOf(r *standards.Report, code, item string) []standards.Finding {
	var out []standards.Finding
	for _, f := range r.Findings {
		if f.Code == code && f.Item == item {
			out = append(out, f)
		}
	}
	return out
}

func TestCheckConstraints(t *testing.T) {
	t.Run("gap_in_impossible_combination_not_reported", func(t *testing.T) {
		r, _ := chkCheck(t, "c.yaml", []byte(chkConstraintCatalog), standards.Options{})
		if fs := chkFindingsOf(r, standards.CodeGap, "GAP"); len(fs) > 0 {
			t.Errorf("gap reported in a combination the constraint excludes: %s", fs[0].Message)
		}
		// Without the constraint, the same grades leave a gap.
		r, _ = chkCheck(t, "c.yaml", []byte(chkWithoutConstraints(chkConstraintCatalog)), standards.Options{})
		if fs := chkFindingsOf(r, standards.CodeGap, "GAP"); len(fs) == 0 {
			t.Errorf("no gap reported without the constraint; the test shows nothing")
		}
	})
	t.Run("overlap_in_impossible_combination_not_reported", func(t *testing.T) {
		r, _ := chkCheck(t, "c.yaml", []byte(chkConstraintCatalog), standards.Options{})
		if fs := chkFindingsOf(r, standards.CodeOverlap, "OVERLAP"); len(fs) > 0 {
			t.Errorf("overlap reported in a combination the constraint excludes: %s", fs[0].Message)
		}
		r, _ = chkCheck(t, "c.yaml", []byte(chkWithoutConstraints(chkConstraintCatalog)), standards.Options{})
		if fs := chkFindingsOf(r, standards.CodeOverlap, "OVERLAP"); len(fs) == 0 {
			t.Errorf("no overlap reported without the constraint; the test shows nothing")
		}
	})
	t.Run("tier_order_in_impossible_combination_not_reported", func(t *testing.T) {
		// More people injured never lowers the range, except in the row for
		// injuries without harm, which cannot happen.
		src := strings.Replace(chkConstraintCatalog, `max: 100, required: true}`, `max: 100, required: true, aggravates: higher}`, 1) + `  - code: ORDER
    name: 阶次顺序只在不可能的组合中倒置
    basis:
      violated: {instrument: 测试条例, article: 14, paragraph: 1}
      penalty: {instrument: 测试条例, article: 32, paragraph: 1}
    sanctions: [{type: fine, mandatory: true, amount: {min: 100, max: 1000}}]
    benchmark:
      grades:
        - {id: none, label: 未造成危害后果, when: harm == "none" && injured_persons == 0, fine: {min: 300, max: 500}}
        - {id: odd, label: 无危害后果而有人受伤, when: harm == "none" && injured_persons >= 1, fine: {min: 100, max: 200}}
        - {id: some, label: 造成危害后果, when: harm != "none", fine: {min: 500, max: 1000}}
`
		r, _ := chkCheck(t, "c.yaml", []byte(src), standards.Options{})
		if fs := chkFindingsOf(r, standards.CodeTierOrder, "ORDER"); len(fs) > 0 {
			t.Errorf("tier order reported in a combination the constraint excludes: %s", fs[0].Message)
		}
		if fs := chkFindingsOf(r, standards.CodeUnreachable, "ORDER"); len(fs) != 1 || !strings.Contains(fs[0].Message, "odd") {
			t.Errorf("unreachable findings %v; want grade odd, which only impossible cases match", fs)
		}
		r, _ = chkCheck(t, "c.yaml", []byte(chkWithoutConstraints(src)), standards.Options{})
		if fs := chkFindingsOf(r, standards.CodeTierOrder, "ORDER"); len(fs) == 0 {
			t.Errorf("no tier order finding without the constraint; the test shows nothing")
		}
	})
	t.Run("witness_satisfies_constraints", func(t *testing.T) {
		// The constraint excludes what a witness would naturally state (no
		// one injured, the lowest value): the gap at harm minor must be
		// shown with a case that can occur, which the engine decides.
		src := strings.NewReplacer(
			`label: 未造成危害后果的，不会有人受伤`, `label: 造成危害后果的，至少有一人受伤`,
			`holds: harm != "none" || injured_persons == 0`, `holds: harm == "none" || injured_persons >= 1`,
			`when: harm != "none", fine: {min: 300`, `when: harm == "serious", fine: {min: 300`,
		).Replace(chkConstraintCatalog)
		r, eng := chkCheck(t, "c.yaml", []byte(src), standards.Options{})
		fs := chkFindingsOf(r, standards.CodeGap, "GAP")
		if len(fs) != 1 {
			t.Fatalf("gap findings %v; want one, at harm minor", fs)
		}
		w := fs[0].Witness
		if w == nil {
			t.Fatalf("gap reported without a witness: %s", fs[0].Message)
		}
		if w.Facts["harm"] != "minor" {
			t.Errorf("witness harm %v; want minor", w.Facts["harm"])
		}
		_, err := chkDecide(t, eng, w)
		var gap *discretion.GapError
		if !errors.As(err, &gap) {
			t.Errorf("witness decided with %v; want a gap error", err)
		}
	})
	t.Run("constraint_no_case_can_satisfy_is_a_check_error", func(t *testing.T) {
		// Compiling rejects a constraint no value of its facts satisfies;
		// that no party an item reaches satisfies it, the check finds.
		src := strings.Replace(chkConstraintCatalog, `holds: harm != "none" || injured_persons == 0`, `holds: party_type != "organization"`, 1)
		src = strings.ReplaceAll(src, "    basis:\n", "    parties: [organization]\n    basis:\n")
		r, _ := chkCheck(t, "c.yaml", []byte(src), standards.Options{})
		var got []standards.Finding
		for _, f := range r.Findings {
			if f.Code == standards.CodeConstraint {
				got = append(got, f)
			}
		}
		if len(got) != 1 {
			t.Fatalf("constraint findings %v; want exactly one, however many items", got)
		}
		if got[0].Severity != standards.SeverityError || got[0].Pos.Line != 17 || !strings.Contains(got[0].Message, "no_harm_no_injury") {
			t.Errorf("finding %+v; want an error at line 17 naming the constraint", got[0])
		}
		if len(r.Findings) != 1 {
			t.Errorf("findings %v; want only the constraint's, not every rule unreachable", chkCodes(r))
		}
	})
	t.Run("constraints_that_together_exclude_every_case", func(t *testing.T) {
		src := strings.Replace(chkConstraintCatalog, `items:
  - code: GAP`, `items:
  - code: GAP
    parties: [organization]
    constraints:
      - {id: adults_only, label: 仅限成年人, holds: age >= 18 || harm == "serious"}
      - {id: no_serious, label: 不会造成严重后果, holds: harm != "serious"}`, 1)
		r, _ := chkCheck(t, "c.yaml", []byte(src), standards.Options{})
		fs := chkFindingsOf(r, standards.CodeConstraint, "GAP")
		if len(fs) != 1 || !strings.Contains(fs[0].Message, "合在一起") {
			t.Errorf("findings %v; want one saying the constraints together exclude every case", fs)
		}
	})
}

// A constraint that keeps a fact from 0 guards every division by it; a
// constraint that divides before its own guard does not guard itself.
func TestCheckDivisionUnderConstraints(t *testing.T) {
	for _, tc := range []struct {
		name, constraint string
		warnings         int
	}{
		{"division_by_fact_a_constraint_keeps_from_zero", `days >= 1`, 0},
		{"division_by_fact_without_constraint", `area >= 0`, 2},
		{"constraint_dividing_before_its_guard_is_warned", `area / days >= 0 && days >= 1`, 1}, // the constraint only: the grades run after it
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := chkCatalog(`    facts:
      area: {type: number, label: 面积, min: 0, max: 1000, required: true}
      days: {type: int, label: 天数, min: 0, max: 100, required: true}
    constraints:
      - {id: k, label: 约束, holds: '` + tc.constraint + `'}
` + chkFine + `    benchmark:
      grades:
        - {id: a, label: 少, tier: lighter, when: 'area / days < 10', fine: {tier: lighter}}
        - {id: b, label: 多, tier: heavier, when: '!(area / days < 10)', fine: {tier: heavier}}
`)
			r, _ := chkCheck(t, tc.name+".yaml", []byte(src), standards.Options{})
			if fs := chkFindingsOf(r, standards.CodeDivision, "T1"); len(fs) != tc.warnings {
				t.Errorf("%d division warnings, want %d: %v", len(fs), tc.warnings, fs)
			}
		})
	}
}
