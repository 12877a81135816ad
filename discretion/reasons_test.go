package discretion_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// TestReasons checks the reasons (说理) of county cases for what the law
// makes a decision state and for what it must not: each considered ground
// for no penalty with the facts that decide it, the age only of a minor,
// the grade with its condition in words and the grades beside it, the
// range with the officer's part in fixing the amount, and never the
// engineer's trace.
func TestReasons(t *testing.T) {
	cat, err := catalog.LoadFile("../examples/county/catalog.yaml")
	if err != nil {
		t.Fatal(err)
	}
	eng, err := discretion.Compile(cat)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, file string
		want, not  []string
	}{
		{"art33_first_offense_not_for_a_repeat_offender", "road_occupy_repeat",
			[]string{"不适用首违不罚：1年内有同类违法记录1次，不属于初次违法", "不适用违法行为轻微不予处罚：危害后果轻微，未及时改正",
				"符合“情节一般”裁量阶次的适用条件（占用面积不足50平方米", "不适用“情节较轻”阶次", "不适用“情节严重”阶次",
				"一年内同一事项违法次数为1次", "可以从重处罚（", "具体罚款数额由执法人员在上述幅度内结合案件情况确定并说明理由"},
			[]string{"十四周岁", "回溯期内", "general", "midpoint", "&&", "符合首违不罚"}},
		{"art33_first_offense_applies_with_its_facts", "bbq_first_offense",
			[]string{"符合首违不罚的条件：初次违法，危害后果轻微，及时改正", "不适用违法行为轻微不予处罚：危害后果轻微，烧烤炉具数量为2个", "决定不予行政处罚"},
			[]string{"十四周岁", "罚款幅度为", "裁量阶次"}},
		{"art30_minor_of_seventeen_lighter", "fumes_minor_17",
			[]string{"违法行为发生时17周岁，应当从轻", "从轻部分为"},
			[]string{"十四周岁"}},
		{"art30_under_fourteen_no_penalty", "litter_under_14",
			[]string{"不满十四周岁，不予行政处罚", "当事人不满十四周岁，决定不予行政处罚"},
			[]string{"罚款幅度为"}},
		{"art36_limitation_expired_stated", "gas_indoor_limitation_expired",
			[]string{"已超过期限，不再给予行政处罚", "2028年3月10日"},
			[]string{"2028-03-10", "首违不罚"}},
		{"art28_precondition_unmet_no_fine", "graffiti_not_overdue",
			[]string{"罚款的前提条件尚未成立", "暂不予罚款"},
			[]string{"罚款幅度为"}},
		{"art29_higher_fine_provision", "burn_garbage_two_provisions",
			[]string{"同一个违法行为违反多个法律规范", "按照罚款数额高的规定处罚"},
			nil},
		{"art32_meritorious_mitigated", "noise_site_meritorious",
			[]string{"“配合行政机关查处违法行为有立功表现”的情节，应当减轻处罚", "对当事人减轻处罚"},
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := os.Open(filepath.Join("../examples/county/cases", tc.file+".json"))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			c, err := discretion.ParseCase(f)
			if err != nil {
				t.Fatal(err)
			}
			d, err := eng.Decide(context.Background(), c)
			if err != nil {
				t.Fatal(err)
			}
			text := d.Text()
			if got := strings.Join(d.Reasons(), "\n") + "\n"; got != text {
				t.Errorf("Text is not the reasons joined:\n%s\n%s", text, got)
			}
			for _, s := range tc.want {
				if !strings.Contains(text, s) {
					t.Errorf("reasons lack %q:\n%s", s, text)
				}
			}
			for _, s := range tc.not {
				if strings.Contains(text, s) {
					t.Errorf("reasons have %q:\n%s", s, text)
				}
			}
		})
	}
}

// TestReasonsOfAHandMadeDecision: a decision not made by an engine has no
// trace to reason from: its reasons are empty, not a panic.
func TestReasonsOfAHandMadeDecision(t *testing.T) {
	d := &discretion.Decision{Item: "X", Outcome: discretion.General}
	if r := d.Reasons(); r == nil || len(r) != 0 || d.Text() != "" {
		t.Errorf("reasons %q, text %q", r, d.Text())
	}
}
