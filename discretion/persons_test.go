package discretion_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// personsCatalog holds a 双罚 clause read in 安全生产法 (2021-06-10) art. 98:
// "…并处十万元以上五十万元以下的罚款，对其直接负责的主管人员和其他直接责任
// 人员处二万元以上五万元以下的罚款". P2 is a hypothetical clause for the
// test alone, with a persons' fine small enough for art. 51's 200 yuan.
// The hearing thresholds are the test's own.
const personsCatalog = `id: persons
title: 测试目录
issuer: 测试局
effective: 2024-01-01
tier_scheme: midpoint
thresholds:
  hearing:
    individual: {amount: 10000, inclusive: true}
    organization: {amount: 100000, inclusive: true}
    citation: {instrument: 测试省行政处罚听证程序规定, article: 2, text: 对公民处一万元以上、对法人或者其他组织处十万元以上罚款的，属于较大数额罚款}
items:
  - code: "P1"
    name: 未按照规定对建设项目进行安全评价
    basis:
      violated: {instrument: 安全生产法, article: 98}
      penalty: {instrument: 安全生产法, article: 98, text: 并处十万元以上五十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款}
    facts:
      projects: {type: int, label: 涉及建设项目数, min: 1}
    sanctions:
      - type: fine
        mandatory: true
        amount: {min: 100000, max: 500000}
        persons: {min: 20000, max: 50000}
    benchmark:
      grades:
        - {id: one, label: 涉及1个建设项目, when: "projects <= 1", fine: {min: 100000, max: 250000}, persons_fine: {min: 20000, max: 30000}}
        - {id: more, label: 涉及2个以上建设项目, when: "projects >= 2", fine: {min: 250000, max: 500000, min_exclusive: true}}
  - code: "P2"
    name: 测试用假设条款
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 1, text: 对单位处一千元以上三千元以下罚款，对其直接负责的主管人员处五十元以上二百元以下罚款}
    sanctions:
      - type: fine
        mandatory: true
        amount: {min: 1000, max: 3000}
        persons: {label: 直接负责的主管人员, min: 50, max: 200, citation: {instrument: 测试条例, article: 1, paragraph: 2}}
    benchmark:
      grades:
        - {id: all, label: 违反规定, when: "true", fine: {min: 1000, max: 3000}, persons_fine: {min: 100, max: 200}}
`

func TestPersonsFine(t *testing.T) {
	e := engineYAML(t, "persons.yaml", personsCatalog)

	t.Run("dual_penalty_fines_org_and_persons", func(t *testing.T) {
		d := decide(t, e, orgCase("P1", map[string]any{"projects": 1}))
		wantFine(t, d, "100000", "250000")
		pf := d.PersonsFine
		if pf == nil {
			t.Fatalf("no persons' fine:\n%s", d.Text())
		}
		if pf.Min.String() != "20000" || pf.Max.String() != "30000" || pf.Statutory.Min.String() != "20000" || pf.Statutory.Max.String() != "50000" {
			t.Errorf("persons' fine = %+v, want 20000–30000 of 20000–50000", pf)
		}
		if pf.Label != catalog.DefaultPersonsLabel || !strings.Contains(pf.Citation, "安全生产法") {
			t.Errorf("label %q, citation %q", pf.Label, pf.Citation)
		}
		// Art. 63 by party: the organisation's fine reaches its 100000, and
		// each person's 30000 the 公民's 10000.
		if !d.Procedure.Hearing || !pf.Procedure.Hearing || pf.Procedure.Simple {
			t.Errorf("procedure: org %+v, persons %+v", d.Procedure, pf.Procedure)
		}
		text := d.Text() + d.TraceText()
		for _, want := range []string{
			"对直接负责的主管人员和其他直接责任人员的法定罚款幅度为20000至50000元，本阶次对其处20000至30000元罚款",
			"对直接负责的主管人员和其他直接责任人员的罚款上限30000元，对公民的较大数额标准为达到10000元：应当告知其有要求听证的权利",
			"另对其直接负责的主管人员和其他直接责任人员处罚款，法定幅度为20000元至50000元，本阶次对每人罚款幅度为20000元至30000元",
			"对直接负责的主管人员和其他直接责任人员罚款：每人20000至30000元（法定幅度20000至50000元，《安全生产法》第九十八条）",
			"其程序（按公民）：适用普通程序；当场收缴：否；听证告知：是",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("decision does not say %q:\n%s", want, text)
			}
		}
		var out struct {
			PersonsFine struct {
				Min, Max  string
				Statutory struct{ Min, Max string } `json:"statutory_fine"`
				Procedure struct{ Simple, Hearing bool }
			} `json:"persons_fine"`
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &out); err != nil {
			t.Fatal(err)
		}
		if p := out.PersonsFine; p.Min != "20000" || p.Max != "30000" || p.Statutory.Max != "50000" || !p.Procedure.Hearing {
			t.Errorf("JSON persons_fine = %+v\n%s", p, b)
		}
	})

	t.Run("persons_fine_statutory_where_the_grade_states_none", func(t *testing.T) {
		d := decide(t, e, orgCase("P1", map[string]any{"projects": 3}))
		if pf := d.PersonsFine; pf == nil || pf.Min.String() != "20000" || pf.Max.String() != "50000" {
			t.Fatalf("persons' fine = %+v, want the statutory 20000–50000\n%s", d.PersonsFine, d.Text())
		}
		if !strings.Contains(d.TraceText(), "本阶次未另作规定，在法定幅度内处罚") {
			t.Errorf("trace does not say the statutory range applies:\n%s", d.TraceText())
		}
	})

	t.Run("persons_fine_simple_procedure_as_citizen", func(t *testing.T) {
		d := decide(t, e, orgCase("P2", nil))
		pf := d.PersonsFine
		if pf == nil {
			t.Fatalf("no persons' fine:\n%s", d.Text())
		}
		// 3000 for the organisation and 200 for a 公民 (art. 51): both simple.
		if !d.Procedure.Simple || !pf.Procedure.Simple || pf.Procedure.Hearing {
			t.Errorf("procedure: org %+v, persons %+v", d.Procedure, pf.Procedure)
		}
		if pf.Label != "直接负责的主管人员" || !strings.Contains(pf.Citation, "第二款") {
			t.Errorf("label %q, citation %q", pf.Label, pf.Citation)
		}
		if !strings.Contains(d.TraceText(), "直接负责的主管人员按公民计，对其罚款上限不超过200元：可以当场作出行政处罚决定") {
			t.Errorf("trace:\n%s", d.TraceText())
		}
	})

	t.Run("persons_fine_over_200_not_simple", func(t *testing.T) {
		src := strings.Replace(personsCatalog, "persons_fine: {min: 100, max: 200}", "persons_fine: {min: 100, max: 150}", 1)
		src = strings.Replace(src, "min: 50, max: 200, citation", "min: 50, max: 250, citation", 1)
		src = strings.Replace(src, "persons_fine: {min: 100, max: 150}", "persons_fine: {min: 100, max: 250}", 1)
		d := decide(t, engineYAML(t, "persons.yaml", src), orgCase("P2", nil))
		if d.PersonsFine == nil || d.PersonsFine.Procedure.Simple || !d.Procedure.Simple {
			t.Errorf("a persons' fine of 250 yuan is not simple for a 公民; org %+v persons %+v", d.Procedure, d.PersonsFine)
		}
	})

	t.Run("persons_fine_only_for_an_organisation", func(t *testing.T) {
		d := decide(t, e, newCase("P1", map[string]any{"projects": 1}))
		if d.PersonsFine != nil {
			t.Errorf("an individual has no directly responsible persons: %+v", d.PersonsFine)
		}
		if !strings.Contains(d.TraceText(), "当事人为个人，不是单位") || !strings.Contains(d.TraceText(), "不适用对直接负责的主管人员和其他直接责任人员的罚款") {
			t.Errorf("trace does not say why:\n%s", d.TraceText())
		}
		b, _ := json.Marshal(d)
		if strings.Contains(string(b), "persons_fine") {
			t.Errorf("JSON carries persons_fine for an individual: %s", b)
		}
	})
}

func TestPersonsFineLoadErrors(t *testing.T) {
	tests := []struct {
		name, from, to, want string
	}{
		{"persons_grade_outside_statute_is_a_load_error",
			"persons_fine: {min: 20000, max: 30000}", "persons_fine: {min: 20000, max: 60000}",
			"persons.yaml:26:"},
		{"persons_range_inverted_is_a_load_error",
			"persons: {min: 20000, max: 50000}", "persons: {min: 60000, max: 50000}",
			"persons.yaml:23:"},
		{"persons_fine_without_persons_is_a_load_error",
			"        persons: {min: 20000, max: 50000}\n", "",
			"persons.yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(personsCatalog, tt.from, tt.to, 1)
			if src == personsCatalog {
				t.Fatal("the replacement did not apply")
			}
			_, err := catalog.Load("persons.yaml", []byte(src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want a positioned error at %s", err, tt.want)
			}
		})
	}
	_ = discretion.Decision{}
}
