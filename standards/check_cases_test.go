package standards_test

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/standards"
)

// chkWarning is the fine and facts most cases below share.
const chkFine = `    sanctions:
      - {type: fine, mandatory: true, amount: {min: 100, max: 1000}}
`

// TestCheckCases runs the checks on small catalogs, one shape each, and
// compares the findings (code@severity, sorted) and, for witnesses, what
// the engine decides.
func TestCheckCases(t *testing.T) {
	tests := []struct {
		name   string
		item   string
		opts   standards.Options
		want   []string
		method standards.Method
		// witness checks the decision on the first finding's witness.
		witness func(d *discretion.Decision, err error) string
	}{
		{
			name: "clean",
			item: `    facts:
      n: {type: int, label: 数量, min: 0, max: 100, required: true, aggravates: higher}
` + chkFine + `    benchmark:
      grades:
        - {id: a, label: 少, tier: lighter, when: "n < 10", fine: {tier: lighter}}
        - {id: b, label: 中, when: "n >= 10 && n <= 50", fine: {tier: general}}
        - {id: c, label: 多, tier: heavier, when: "n > 50", fine: {tier: heavier}}
`,
			method: standards.MethodInterval,
		},
		{
			name: "gap at an exclusive boundary",
			item: `    facts:
      n: {type: number, label: 数量, min: 0, max: 100, required: true}
` + chkFine + `    benchmark:
      grades:
        - {id: a, label: 少, tier: lighter, when: "n < 10", fine: {tier: lighter}}
        - {id: b, label: 多, tier: heavier, when: "n > 10", fine: {tier: heavier}}
`,
			want:   []string{"standards_gap@error"},
			method: standards.MethodInterval,
			witness: func(d *discretion.Decision, err error) string {
				var gap *discretion.GapError
				if !errors.As(err, &gap) || !strings.Contains(err.Error(), "n=10") {
					return fmt.Sprintf("want a gap error at n=10, got %v", err)
				}
				return ""
			},
		},
		{
			name: "int facts have no values between whole numbers",
			item: `    facts:
      n: {type: int, label: 数量, min: 0, max: 100, required: true}
` + chkFine + `    benchmark:
      grades:
        - {id: a, label: 少, tier: lighter, when: "n <= 3", fine: {tier: lighter}}
        - {id: b, label: 多, tier: heavier, when: "n > 3 && n < 4 || n >= 4", fine: {tier: heavier}}
`,
			method: standards.MethodInterval,
		},
		{
			name: "enum gap and in lists",
			item: `    facts:
      kind: {type: enum, label: 种类, values: {a: 甲, b: 乙, c: 丙}, required: true}
` + chkFine + `    benchmark:
      grades:
        - {id: x, label: 甲乙, tier: lighter, when: 'kind in ["a", "b"] && harm != "serious"', fine: {tier: lighter}}
        - {id: y, label: 严重, tier: heavier, when: 'harm == "serious"', fine: {tier: heavier}}
`,
			want:   []string{"standards_gap@error"},
			method: standards.MethodInterval,
			witness: func(d *discretion.Decision, err error) string {
				if !strings.Contains(fmt.Sprint(err), "kind=c") {
					return fmt.Sprintf("want a gap at kind=c, got %v", err)
				}
				return ""
			},
		},
		{
			name: "a grade shadowed by an earlier one",
			item: `    facts:
      n: {type: int, label: 数量, min: 0, max: 100, required: true}
` + chkFine + `    benchmark:
      grades:
        - {id: a, label: 全部, when: "n >= 0", fine: {tier: general}}
        - {id: b, label: 多, tier: heavier, when: "n > 50", fine: {tier: heavier}}
`,
			want:   []string{"standards_unreachable@error"},
			method: standards.MethodInterval,
			witness: func(d *discretion.Decision, err error) string {
				if err != nil || d.Grade != "a" {
					return fmt.Sprintf("want grade a to take the case, got %v %v", d, err)
				}
				return ""
			},
		},
		{
			name: "a grade only for cases that never reach grading",
			item: `    facts:
      n: {type: int, label: 数量, min: 0, max: 100, required: true}
` + chkFine + `    benchmark:
      light_violation:
        when: 'n < 5 && harm == "none" && corrected_in_time'
      grades:
        - {id: tiny, label: 极少, tier: lighter, when: 'n < 5 && harm == "none" && corrected_in_time', fine: {tier: lighter}}
        - {id: rest, label: 其他, when: '!(n < 5 && harm == "none" && corrected_in_time)', fine: {tier: general}}
`,
			want:   []string{"standards_unreachable@error"},
			method: standards.MethodInterval,
		},
		{
			name: "a grade for children, who are never penalised",
			item: `    facts:
      n: {type: int, label: 数量, min: 0, max: 100, required: true}
` + chkFine + `    benchmark:
      grades:
        - {id: child, label: 儿童, tier: lighter, when: "age >= 0 && age < 14", fine: {tier: lighter}}
        - {id: other, label: 其他, when: "age < 0 || age >= 14", fine: {tier: general}}
`,
			want:   []string{"standards_unreachable@error"},
			method: standards.MethodInterval,
		},
		{
			name: "overlaps: nested is the idiom, partial is a warning",
			item: `    facts:
      n: {type: int, label: 数量, min: 0, max: 100, required: true}
      bad: {type: bool, label: 情节恶劣, default: false}
` + chkFine + `    benchmark:
      grades:
        - {id: a, label: 少, tier: lighter, when: "n < 10", fine: {tier: lighter}}
        - {id: b, label: 中, when: "n < 50", fine: {tier: general}}
        - {id: c, label: 多, tier: heavier, when: "n >= 50 || bad", fine: {tier: heavier}}
`,
			want:   []string{"standards_overlap@warning"},
			method: standards.MethodInterval,
			witness: func(d *discretion.Decision, err error) string {
				if err != nil || d.Grade != "a" {
					return fmt.Sprintf("want grade a to take a case with bad = true, got %v %v", d, err)
				}
				return ""
			},
		},
		{
			name: "prior violations, dates and party types",
			item: `    facts:
      since: {type: date, label: 开始日期, required: true}
` + chkFine + `    benchmark:
      grades:
        - {id: first, label: 初犯, tier: lighter, when: 'prior_same_item_1y == 0 && since < date("2026-01-01")', fine: {tier: lighter}}
        - {id: repeat, label: 再犯, tier: heavier, when: 'prior_same_item_1y > 0 && party_type == "organization"', fine: {tier: heavier}}
`,
			want:   []string{"standards_gap@error"},
			method: standards.MethodInterval,
			witness: func(d *discretion.Decision, err error) string {
				var gap *discretion.GapError
				if !errors.As(err, &gap) {
					return fmt.Sprintf("want a gap error, got %v %v", d, err)
				}
				return ""
			},
		},
		{
			name: "a listed first offense the witness must defeat with a prior violation",
			item: `    facts:
      n: {type: int, label: 数量, min: 0, max: 100, required: true}
` + chkFine + `    benchmark:
      first_offense: {listed: true, window: 1y, when: 'harm != "serious" && corrected_in_time'}
      grades:
        - {id: a, label: 少, tier: lighter, when: "n < 10", fine: {tier: lighter}}
        - {id: b, label: 多, tier: heavier, when: "n > 10", fine: {tier: heavier}}
`,
			want:   []string{"standards_gap@error"},
			method: standards.MethodInterval,
			witness: func(d *discretion.Decision, err error) string {
				var gap *discretion.GapError
				if !errors.As(err, &gap) {
					return fmt.Sprintf("want a gap error, got %v %v", d, err)
				}
				return ""
			},
		},
		{
			name: "arithmetic on facts: generated cases",
			item: `    facts:
      area: {type: int, label: 面积, min: 0, max: 100, required: true}
      days: {type: int, label: 天数, min: 0, max: 100, required: true}
` + chkFine + `    benchmark:
      grades:
        - {id: a, label: 少, tier: lighter, when: "area * days < 100", fine: {tier: lighter}}
        - {id: b, label: 多, tier: heavier, when: "area * days >= 200", fine: {tier: heavier}}
`,
			want:   []string{"standards_gap@error"},
			method: standards.MethodGenerated,
			witness: func(d *discretion.Decision, err error) string {
				var gap *discretion.GapError
				if !errors.As(err, &gap) {
					return fmt.Sprintf("want a gap error, got %v %v", d, err)
				}
				return ""
			},
		},
		{
			name: "facts compared with each other: generated cases, clean",
			item: `    facts:
      a: {type: int, label: 甲, min: 0, max: 100, required: true}
      b: {type: int, label: 乙, min: 0, max: 100, required: true}
` + chkFine + `    benchmark:
      grades:
        - {id: x, label: 少, tier: lighter, when: "a < b", fine: {tier: lighter}}
        - {id: y, label: 多, tier: heavier, when: "a >= b", fine: {tier: heavier}}
`,
			method: standards.MethodGenerated,
		},
		{
			name: "exemptions without the elements of art. 33",
			item: `    facts:
      n: {type: int, label: 数量, min: 0, max: 100, required: true}
` + chkFine + `    benchmark:
      light_violation: {when: 'n < 3'}
      grades:
        - {id: a, label: 全部, when: "n >= 0", fine: {tier: general}}
`,
			want:   []string{"standards_first_offense@error"},
			method: standards.MethodInterval,
			witness: func(d *discretion.Decision, err error) string {
				if err != nil || d.Reason != discretion.ReasonLightViolation {
					return fmt.Sprintf("want a light-violation exemption, got %v %v", d, err)
				}
				return ""
			},
		},
		{
			name: "sanction modality against the clause",
			item: `    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2, text: 责令改正，可以处一百元以上一千元以下罚款。}
    sanctions:
      - {type: fine, mandatory: true, amount: {min: 100, max: 1000}}
    benchmark:
      grades:
        - {id: a, label: 全部, when: "true", fine: {tier: general}}
`,
			want:   []string{"standards_mandatory@error"},
			method: standards.MethodInterval,
		},
		{
			name: "the 沅江 policy: first offense only for discretionary fines",
			item: `    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2, text: 处一百元以上一千元以下罚款。}
` + chkFine + `    benchmark:
      first_offense: {listed: true, window: 1y, when: 'harm != "serious" && corrected_in_time'}
      grades:
        - {id: a, label: 全部, when: "true", fine: {tier: general}}
`,
			opts:   standards.Options{FirstOffenseDiscretionaryOnly: true},
			want:   []string{"standards_first_offense@error"},
			method: standards.MethodInterval,
		},
		{
			name: "a dropped mandatory fine",
			item: `    facts:
      n: {type: int, label: 数量, min: 0, max: 100, required: true}
      waived: {type: bool, label: 免于罚款, default: false}
    sanctions:
      - {type: warning, mandatory: true}
      - {type: fine, mandatory: true, precondition: {kind: serious, when: "n >= 0"}, amount: {min: 100, max: 1000}}
    benchmark:
      grades:
        - {id: a, label: 少, tier: lighter, when: "n < 10 && !waived", fine: {share: {min: 0, max: 0.3}}}
        - {id: b, label: 多, when: "n >= 10 && !waived", fine: {share: {min: 0.3, max: 1}}}
        - {id: c, label: 免, when: "waived", fine: none}
`,
			want:   []string{"standards_mitigation@error", "standards_tier_order@error"},
			method: standards.MethodInterval,
		},
		{
			name: "grades against a fact declared aggravating",
			item: `    facts:
      n: {type: int, label: 数量, min: 0, max: 100, required: true, aggravates: higher}
      calm: {type: bool, label: 配合调查, default: true, aggravates: "false"}
` + chkFine + `    benchmark:
      grades:
        - {id: few, label: 少, when: "n < 10 && calm", fine: {min: 500, max: 1000}}
        - {id: many, label: 多, when: "n >= 10 && calm", fine: {min: 100, max: 500}}
        - {id: rude, label: 不配合, when: "!calm", fine: {min: 100, max: 400}}
`,
			want:   []string{"standards_tier_order@error", "standards_tier_order@error"},
			method: standards.MethodInterval,
			witness: func(d *discretion.Decision, err error) string {
				if err != nil || d.Grade == "few" {
					return fmt.Sprintf("want the aggravated case outside grade few, got %v %v", d, err)
				}
				return ""
			},
		},
		{
			name: "a statutory amount the clause does not state",
			item: `    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2, text: 处二百元以上一千元以下罚款；情节严重的，处1万元以上5万元以下罚款。}
` + chkFine + `    benchmark:
      grades:
        - {id: a, label: 全部, when: "true", fine: {tier: general}}
`,
			want:   []string{"standards_range@error"},
			method: standards.MethodInterval,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			item := tc.item
			if strings.HasPrefix(item, "    basis:") {
				// The item states its own basis: drop the default one.
				item = "BASIS" + item
			}
			src := chkCatalog(item)
			if strings.Contains(src, "BASIS") {
				i := strings.Index(src, "    basis:\n      violated: {instrument: 测试条例, article: 1}\n      penalty: {instrument: 测试条例, article: 2}\n")
				src = src[:i] + strings.TrimPrefix(src[i:], "    basis:\n      violated: {instrument: 测试条例, article: 1}\n      penalty: {instrument: 测试条例, article: 2}\n")
				src = strings.Replace(src, "BASIS", "", 1)
			}
			r, eng := chkCheck(t, tc.name+".yaml", []byte(src), tc.opts)
			got := chkCodes(r)
			sort.Strings(got)
			if strings.Join(got, " ") != strings.Join(tc.want, " ") {
				var b strings.Builder
				r.WriteText(&b)
				t.Fatalf("findings %v, want %v\n%s", got, tc.want, b.String())
			}
			if len(r.Coverage) != 1 || r.Coverage[0].Method != tc.method {
				t.Errorf("coverage %+v, want method %s", r.Coverage, tc.method)
			}
			for _, f := range r.Findings {
				if f.Witness == nil {
					continue
				}
				d, err := chkDecide(t, eng, f.Witness)
				if tc.witness != nil && f.Code == strings.Split(tc.want[0], "@")[0] {
					if msg := tc.witness(d, err); msg != "" {
						t.Errorf("%s: %s\n%s", f.Code, msg, chkJSON(t, f.Witness))
					}
				}
			}
		})
	}
}
