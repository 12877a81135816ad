package standards_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/standards"
)

// counter_rows_read_as_published: a row on a counter reads as the standard
// does (两年内…受过行政处罚2次以上), and the table defines each counter: its
// window, what it counts and of which items.
func TestTableStatesCounters(t *testing.T) {
	src := strings.Replace(chkCountsCatalog, `  - code: GROUP
    name: 同类违法行为计数有缺口`, `  - code: GROUP
    name: 同类违法行为计数有缺口
    counts:
      - {name: any_ever, label: 以往违法行为的次数, window: none, counting: violations, items: any}`, 1)
	cat, err := catalog.Load("counts.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := standards.Build(cat, standards.TableOptions{Lists: []standards.List{standards.ListBenchmark}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := standards.WriteMarkdown(&buf, tbl); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| 两年内因同一违法行为受过行政处罚2次以上 |",
		"一年内占道类违法行为2次以上",
		"本表所称“两年内因同一违法行为受过行政处罚的次数”，指本次违法行为发生之日前2年内（首日计入）作出的给予行政处罚的决定的数量（以决定日期计），限于同一违法行为；",
		"“一年内占道类违法行为的次数”，指本次违法行为发生之日前1年内（首日计入）发生的违法行为的数量（不论是否给予行政处罚，以违法行为发生日期计），限于占道类违法行为（两年内第二次未作规定、同类违法行为计数有缺口）。",
		"本事项所称“以往违法行为的次数”，指本次违法行为发生以前发生的违法行为的数量（不论是否给予行政处罚，以违法行为发生日期计），不限违法行为种类",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, buf.String())
		}
	}
}

// counter_change_is_in_the_diff: a counter's window changed, a counter of
// an item added and a group's items changed are each reported.
func TestDiffCounters(t *testing.T) {
	old, err := catalog.Load("counts.yaml", []byte(chkCountsCatalog))
	if err != nil {
		t.Fatal(err)
	}
	src := strings.NewReplacer(
		`label: 两年内因同一违法行为受过行政处罚的次数, window: 2y}`, `label: 两年内因同一违法行为受过行政处罚的次数, window: 3y}`,
		`items: [GAP, GROUP]}`, `items: [GAP, GROUP, CLEAN]}`,
		"    name: 计数不为负\n", "    name: 计数不为负\n    counts:\n      - {name: ever, label: 以往违法行为的次数, window: none, counting: violations}\n",
	).Replace(chkCountsCatalog)
	new, err := catalog.Load("counts.yaml", []byte(src))
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
		"changed count:penalized_2y 规则",
		"changed count:penalized_2y 定义",
		"changed group:occupy 事项",
		"added item:CLEAN/count:ever ",
	} {
		if !got[want] {
			t.Errorf("diff lacks %q; has %v", want, got)
		}
	}
}
