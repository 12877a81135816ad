package standards_test

import (
	"strings"
	"testing"

	"github.com/jizhun/jizhun/standards"
)

// personsCatalog is a 双罚 clause read in 安全生产法 (2021-06-10) art. 98:
// "…并处十万元以上五十万元以下的罚款，对其直接负责的主管人员和其他直接责任
// 人员处二万元以上五万元以下的罚款".
const personsCatalog = `id: persons
title: 双罚测试
issuer: 测试机关
effective: 2026-01-01
tier_scheme: midpoint
items:
  - code: "P1"
    name: 未按照规定对建设项目进行安全评价
    basis:
      violated: {instrument: 安全生产法, article: 98}
      penalty: {instrument: 安全生产法, article: 98, text: 并处十万元以上五十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款}
    facts:
      projects: {type: int, label: 涉及建设项目数, min: 1, max: 1000, required: true}
    sanctions:
      - type: fine
        mandatory: true
        amount: {min: 100000, max: 500000}
        persons: {min: 20000, max: 50000}
    benchmark:
      grades:
        - {id: one, label: 涉及建设项目数不超过1, when: "projects <= 1", fine: {min: 100000, max: 250000}, persons_fine: {min: 20000, max: 30000}}
        - {id: more, label: 涉及建设项目数2以上, when: "projects >= 2", fine: {min: 250000, max: 500000, min_exclusive: true}}
`

func TestPersonsFineTable(t *testing.T) {
	cat := loadSrc(t, personsCatalog)
	tb, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListBenchmark}, Wording: standards.WordingRendered})
	if err != nil {
		t.Fatal(err)
	}
	rows := tb.Sections[0].Rows
	if len(rows) != 2 {
		t.Fatalf("%d rows, want 2", len(rows))
	}
	text := func(i int) string {
		var b strings.Builder
		for _, c := range rows[i] {
			b.WriteString(c.Text + "|")
		}
		return b.String()
	}
	for i, want := range []string{
		"处10万元以上25万元以下罚款；对其直接负责的主管人员和其他直接责任人员处2万元以上3万元以下罚款",
		"对其直接负责的主管人员和其他直接责任人员处2万元以上5万元以下罚款",
	} {
		if !strings.Contains(text(i), want) {
			t.Errorf("row %d does not show both fines (%q):\n%s", i+1, want, text(i))
		}
	}
	if !strings.Contains(text(0), "当事人为单位的，对其直接负责的主管人员和其他直接责任人员处2万元以上5万元以下罚款") {
		t.Errorf("remarks do not state the persons' statutory range:\n%s", text(0))
	}
}

func TestPersonsFineChecksClean(t *testing.T) {
	r, _ := chkCheck(t, "persons.yaml", []byte(personsCatalog), standards.Options{})
	if len(r.Findings) != 0 {
		t.Errorf("findings: %v", r.Findings)
	}
}

func TestPersonsFineAgainstTheClause(t *testing.T) {
	// The clause sets 二万元以上五万元以下 for the persons; 10000 is the
	// organisation's amount nowhere and theirs neither.
	src := strings.Replace(personsCatalog, "persons: {min: 20000, max: 50000}", "persons: {min: 10000, max: 50000}", 1)
	r, _ := chkCheck(t, "persons.yaml", []byte(src), standards.Options{})
	var found bool
	for _, f := range findingsWith(r, standards.CodeRange) {
		found = found || strings.Contains(f.Message, "对直接责任人员的罚款写明了10000元")
	}
	if !found {
		t.Errorf("want the persons' amount reported against the clause, got %v", r.Findings)
	}
	// 100000 is stated by the clause, but for the organisation.
	src = strings.Replace(personsCatalog, "persons: {min: 20000, max: 50000}", "persons: {min: 20000, max: 100000}", 1)
	src = strings.Replace(src, "persons_fine: {min: 20000, max: 30000}", "persons_fine: {min: 20000, max: 30000}", 1)
	r, _ = chkCheck(t, "persons.yaml", []byte(src), standards.Options{})
	found = false
	for _, f := range findingsWith(r, standards.CodeRange) {
		found = found || strings.Contains(f.Message, "对直接责任人员的罚款写明了100000元")
	}
	if !found {
		t.Errorf("the organisation's amount taken for the persons', got %v", r.Findings)
	}
}

// A changed statutory range of the persons' fine (双罚) is a change of the
// item, as a changed range of the organisation's fine is.
func TestDiffReportsThePersonsStatutoryRange(t *testing.T) {
	old := loadSrc(t, personsCatalog)
	new := loadSrc(t, strings.Replace(personsCatalog, "persons: {min: 20000, max: 50000}", "persons: {min: 20000, max: 60000}", 1))
	r, err := standards.Diff(old, new)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, c := range r.Changes {
		if c.Key == "item:P1/version:v1" && c.Field == "对直接责任人员的法定罚款" {
			found = true
			if !strings.Contains(c.New, "2万元以上6万元以下") {
				t.Errorf("new value %q", c.New)
			}
		}
	}
	if !found {
		t.Errorf("the persons' statutory range is not reported: %+v", r.Changes)
	}
}
