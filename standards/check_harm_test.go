package standards_test

import (
	"os"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/standards"
)

// chkHarmCatalog is a catalog whose harm scale and first-offense rule vary.
func chkHarmCatalog(harm, foWhen string) string {
	return `id: t
title: 测试裁量基准
issuer: 测试
effective: 2026-01-01
tier_scheme: midpoint
facts:
  harm: ` + harm + `
  corrected_in_time: {type: bool, label: 及时改正, required: true}
items:
  - code: T1
    name: 测试事项
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2}
    sanctions:
      - {type: fine, mandatory: false, amount: {min: 100, max: 1000}}
    benchmark:
      first_offense: {listed: true, window: 1y, when: '` + foWhen + `'}
      grades:
        - {id: a, label: 全部, when: "true", fine: {tier: general}}
`
}

// TestCheckArt33FirstOffenseHarm: 《行政处罚法》第三十三条第一款 "初次违法且
// 危害后果轻微并及时改正的，可以不予行政处罚" admits harm up to 危害后果轻微 and
// no further. A first-offense rule that admits any value of the harm scale
// above the one meaning 轻微 is an error, with a witness the engine exempts
// as a first offense at that harm.
func TestCheckArt33FirstOffenseHarm(t *testing.T) {
	const four = `{type: enum, label: 危害后果, values: {none: 没有造成危害后果, minor: 危害后果轻微, moderate: 造成一定危害后果, serious: 造成严重危害后果}, aggravates: higher, required: true}`
	tests := []struct {
		name   string
		harm   string
		when   string
		opts   standards.Options
		want   int    // errors
		admits string // the harm of the witness, when want > 0
	}{
		{name: "art33_1_s2_first_offense_admits_moderate_harm", harm: four,
			when: `harm != "serious" && corrected_in_time`, want: 1, admits: "moderate"},
		{name: "art33_1_s2_first_offense_admits_serious_harm", harm: four,
			when: `harm in ["none", "minor", "serious"] && corrected_in_time`, want: 1, admits: "serious"},
		{name: "art33_1_s2_first_offense_up_to_slight_harm", harm: four,
			when: `harm in ["none", "minor"] && corrected_in_time`},
		{name: "art33_1_s2_severity_reversed_by_aggravates_lower",
			harm: `{type: enum, label: 危害后果, values: {serious: 造成严重危害后果, moderate: 造成一定危害后果, minor: 危害后果轻微, none: 没有造成危害后果}, aggravates: lower, required: true}`,
			when: `harm != "serious" && corrected_in_time`, want: 1, admits: "moderate"},
		{name: "art33_1_s2_slight_value_found_by_label",
			harm: `{type: enum, label: 危害后果, values: {h0: 无危害后果, h1: 危害后果轻微, h2: 危害后果较大, h3: 危害后果严重}, required: true}`,
			when: `harm in ["h0", "h1", "h2"] && corrected_in_time`, want: 1, admits: "h2"},
		{name: "art33_1_s2_negated_label_is_not_slight",
			harm: `{type: enum, label: 危害后果, values: {h0: 无危害后果, h1: 危害后果轻微, h2: 危害后果不轻微, h3: 危害后果严重}, required: true}`,
			when: `harm in ["h0", "h1", "h2"] && corrected_in_time`, want: 1, admits: "h2"},
		{name: "art33_1_s2_slight_value_declared_in_options",
			harm: `{type: enum, label: 危害后果, values: {none: 无, low: 较小, high: 较大, grave: 严重}, required: true}`,
			when: `harm != "grave" && corrected_in_time`, opts: standards.Options{SlightHarm: map[string]string{"harm": "low"}},
			want: 1, admits: "high"},
		{name: "art33_1_s2_unknown_slight_value_only_the_top_is_certain",
			harm: `{type: enum, label: 危害后果, values: {none: 无, low: 较小, high: 较大, grave: 严重}, required: true}`,
			when: `harm != "grave" && corrected_in_time`},
		{name: "art33_1_s2_unknown_slight_value_top_admitted",
			harm: `{type: enum, label: 危害后果, values: {none: 无, low: 较小, high: 较大, grave: 严重}, required: true}`,
			when: `corrected_in_time`, want: 1, admits: "grave"},
		{name: "art33_1_s2_two_value_scale_topped_by_slight",
			harm: `{type: enum, label: 危害后果, values: {none: 没有造成危害后果, minor: 危害后果轻微}, required: true}`,
			when: `corrected_in_time`},
		{name: "art33_1_s2_options_naming_no_value", harm: four,
			when: `harm in ["none", "minor"] && corrected_in_time`, opts: standards.Options{SlightHarm: map[string]string{"harm": "slite"}},
			want: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, eng := chkCheck(t, tc.name+".yaml", []byte(chkHarmCatalog(tc.harm, tc.when)), tc.opts)
			var b strings.Builder
			r.WriteText(&b)
			if r.Errors() != tc.want || r.Warnings() != 0 {
				t.Fatalf("%d errors, %d warnings, want %d and 0:\n%s", r.Errors(), r.Warnings(), tc.want, b.String())
			}
			if tc.admits == "" {
				return
			}
			f := r.Findings[0]
			if f.Code != standards.CodeFirstOffense || !strings.Contains(f.Message, tc.admits) {
				t.Fatalf("want a first-offense finding naming %s, got %s: %s", tc.admits, f.Code, f.Message)
			}
			if f.Witness == nil {
				t.Fatalf("no witness: %s", b.String())
			}
			if got := f.Witness.Facts["harm"]; got != tc.admits {
				t.Errorf("witness harm %v, want %s", got, tc.admits)
			}
			d, err := chkDecide(t, eng, f.Witness)
			if err != nil || d.Outcome != discretion.NoPenalty || d.Reason != discretion.ReasonFirstOffense {
				t.Errorf("witness decided %v %v, want no_penalty (first_offense)", d, err)
			}
		})
	}
}

// TestCheckArt33FirstOffenseHarmFixture: the fixture's first offense
// admits 造成一定危害后果; the check names it at the rule, and the engine
// exempts the witness, a first offense with moderate harm.
func TestCheckArt33FirstOffenseHarmFixture(t *testing.T) {
	const path = "testdata/harm/catalog.yaml"
	r, eng := chkCheckFile(t, path)
	var b strings.Builder
	r.WriteText(&b)
	if r.Errors() != 1 || r.Warnings() != 0 {
		t.Fatalf("want one error:\n%s", b.String())
	}
	f := r.Findings[0]
	if f.Code != standards.CodeFirstOffense || f.Pos.File != path || !strings.Contains(chkLineOf(chkReadFile(t, path), f.Pos.Line), `harm != "serious"`) {
		t.Fatalf("want the first-offense rule reported at its condition, got %s: %s", f.Pos, f.Code)
	}
	if f.Witness == nil || f.Witness.Facts["harm"] != "moderate" {
		t.Fatalf("want a witness with moderate harm:\n%s", b.String())
	}
	d, err := chkDecide(t, eng, f.Witness)
	if err != nil || d.Outcome != discretion.NoPenalty || d.Reason != discretion.ReasonFirstOffense {
		t.Errorf("witness decided %v %v, want no_penalty (first_offense)", d, err)
	}
}

func chkReadFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
