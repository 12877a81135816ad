package standards_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/standards"
)

// constraints_published_with_the_table: the catalog's constraints under
// the 裁量基准表, an item's in its 备注, in the wording asked for.
func TestTableStatesConstraints(t *testing.T) {
	src := strings.Replace(chkConstraintCatalog, `items:
  - code: GAP`, `items:
  - code: GAP
    constraints:
      - id: serious_means_injured
        label: 造成严重后果的，至少有一人受伤
        holds: harm != "serious" || injured_persons >= 1
        citation: {instrument: 测试条例, article: 3}`, 1)
	cat, err := catalog.Load("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		wording standards.Wording
		want    []string
	}{
		{"hand_wording_prints_labels", standards.WordingHand, []string{
			"本基准的事实约束，各事项的案件均须符合（不符合的事实组合不可能成立，应当核实案件事实）：未造成危害后果的，不会有人受伤。",
			"事实约束：造成严重后果的，至少有一人受伤（依据《测试条例》第三条）",
		}},
		{"rendered_wording_prints_the_rule", standards.WordingRendered, []string{
			"受伤人数1人以上（依据《测试条例》第三条）", // the rule, rendered
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tbl, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListBenchmark}, Wording: tc.wording})
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := standards.WriteMarkdown(&buf, tbl); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("table lacks %q:\n%s", w, buf.String())
				}
			}
			if tc.wording == standards.WordingRendered && strings.Contains(buf.String(), "至少有一人受伤") {
				t.Errorf("rendered wording prints the label:\n%s", buf.String())
			}
		})
	}
	// The OVERLAP item has no constraint of its own: only GAP's row says one.
	tbl, _ := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListBenchmark}})
	var buf bytes.Buffer
	if err := standards.WriteMarkdown(&buf, tbl); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "事实约束："); n != 1 {
		t.Errorf("%d item lines state a constraint; want 1", n)
	}
}

// constraint_change_is_in_the_diff: a constraint added to an item, or whose
// rule changed, is a change of the catalog.
func TestDiffConstraints(t *testing.T) {
	old, err := catalog.Load("c.yaml", []byte(chkConstraintCatalog))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(chkConstraintCatalog, `holds: harm != "none" || injured_persons == 0`, `holds: harm != "none" || injured_persons <= 1`, 1)
	src = strings.Replace(src, `  - code: OVERLAP
`, `  - code: OVERLAP
    constraints:
      - {id: few, label: 受伤人数不超过十人, holds: injured_persons <= 10}
`, 1)
	new, err := catalog.Load("c.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r, err := standards.Diff(old, new)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, c := range r.Changes {
		got[string(c.Kind)+" "+c.Key+" "+c.Field] = true
	}
	for _, want := range []string{
		"changed constraint:no_harm_no_injury 规则",
		"added item:OVERLAP/constraint:few ",
	} {
		if !got[want] {
			t.Errorf("diff lacks %q: %v", want, got)
		}
	}
}
