package standards_test

import (
	"bytes"
	"testing"

	"github.com/jizhun/jizhun/standards"
)

func TestDiffGolden(t *testing.T) {
	old := load(t, "../examples/starter/catalog.yaml")
	new := load(t, "testdata/tables/starter-v2.yaml")
	r, err := standards.Diff(old, new)
	if err != nil {
		t.Fatal(err)
	}
	var text, js bytes.Buffer
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	golden(t, "diff-starter.md", text.Bytes())
	golden(t, "diff-starter.json", js.Bytes())
}

func TestDiffSame(t *testing.T) {
	cat := load(t, "../examples/starter/catalog.yaml")
	r, err := standards.Diff(cat, cat)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Changes) != 0 {
		t.Fatalf("a catalog differs from itself: %+v", r.Changes)
	}
	var buf bytes.Buffer
	if err := r.WriteText(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(buf.Bytes(), []byte("两个文件内容相同")) {
		t.Errorf("text = %s", buf.Bytes())
	}
}

// TestDiffKinds checks that an added, a removed and a changed part are each
// reported once, with the stable key a tool can match on.
func TestDiffKinds(t *testing.T) {
	old := load(t, "../examples/starter/catalog.yaml")
	new := load(t, "testdata/tables/starter-v2.yaml")
	r, err := standards.Diff(old, new)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, c := range r.Changes {
		count[string(c.Kind)+" "+c.Key+" "+c.Field]++
	}
	for _, want := range []string{
		"added item:330217ZH008 ",
		"removed item:330217ZH006 ",
		"changed item:330217ZH001/version:v1/grade:general 适用条件",
		"changed item:330217ZH001/version:v1/grade:general 规则",
		"changed item:330217ZH001/version:v1/grade:general 处罚标准",
		"changed item:330217ZH001/version:v1/first_offense 既往违法",
		"changed header 文号",
		"changed fact:harm 取值",
	} {
		if count[want] != 1 {
			t.Errorf("%q reported %d times", want, count[want])
		}
	}
}
