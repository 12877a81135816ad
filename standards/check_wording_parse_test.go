package standards

import (
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// wordingScope declares facts of the kinds hand wording talks about.
func wordingScope() *condition.Scope {
	s := condition.NewScope()
	s.Add("party_type", 0, catalog.FactEnum, nil)
	add := func(name string, t catalog.FactType, f *catalog.Fact) {
		f.Type = t
		s.Add(name, len(s.Names()), t, f)
	}
	add("area_m2", catalog.FactNumber, &catalog.Fact{Label: "占用面积", Unit: "平方米"})
	add("days", catalog.FactInt, &catalog.Fact{Label: "占用时间", Unit: "日"})
	add("tonnes", catalog.FactNumber, &catalog.Fact{Label: "倾倒数量", Unit: "吨"})
	add("gains", catalog.FactMoney, &catalog.Fact{Label: "违法所得"})
	add("count", catalog.FactInt, &catalog.Fact{Label: "乱扔废弃物件数（或者吐痰、便溺次数）", Unit: "件（次）"})
	add("complaints", catalog.FactInt, &catalog.Fact{Label: "被投诉次数", Unit: "次"})
	add("corrected", catalog.FactBool, &catalog.Fact{Label: "及时改正"})
	add("eliminated", catalog.FactBool, &catalog.Fact{Label: "主动消除或者减轻违法行为危害后果"})
	add("refused", catalog.FactBool, &catalog.Fact{Label: "经责令改正，拒不改正"})
	add("harm", catalog.FactEnum, &catalog.Fact{Label: "危害后果", Values: catalog.EnumValues{
		{Name: "none", Label: "没有造成危害后果"}, {Name: "minor", Label: "危害后果轻微"}, {Name: "serious", Label: "危害后果严重"}}})
	return s
}

func TestWordingReader(t *testing.T) {
	r := newWordingReader(wordingScope())
	for _, tc := range []struct {
		text, want string
	}{
		// bounds, as 《民法典》第一千二百五十九条 reads them
		{"占用面积不足10平方米", "area_m2 < 10"},
		{"占用面积10平方米以上", "area_m2 >= 10"},
		{"占用面积超过10平方米", "area_m2 > 10"},
		{"占用面积不超过10平方米", "area_m2 <= 10"},
		{"占用面积在10平方米以下", "area_m2 <= 10"},
		{"占用面积10平方米以上不足50平方米", "(area_m2 >= 10 && area_m2 < 50)"},
		{"占用面积在10平方米以上50平方米以下", "(area_m2 >= 10 && area_m2 <= 50)"},
		{"10至50平方米", "(area_m2 >= 10 && area_m2 <= 50)"},
		{"时间超过3日不超过15日", "(days > 3 && days <= 15)"},
		{"占用时间三日以内", "days <= 3"},
		// units converted to the fact's
		{"倾倒数量不足500千克", "tonnes < 0.5"},
		{"违法所得1万元以上", "gains >= 10000"},
		{"违法所得不足5000元", "gains < 5000"},
		{"2至3件（次）", "(count >= 2 && count <= 3)"},
		{"1件", "count == 1"},
		// connectives
		{"占用面积不足10平方米且占用时间不超过3日", "(area_m2 < 10 && days <= 3)"},
		{"占用面积不足10平方米，或者占用时间不超过3日", "(area_m2 < 10 || days <= 3)"},
		{"占用面积不足10平方米、占用时间不超过3日", "(area_m2 < 10 && days <= 3)"},
		{"占用面积50平方米以上，占用时间超过15日，或者危害后果严重", "((area_m2 >= 50 || days > 15) || harm == \"serious\")"},
		{"占用面积不足10平方米且占用时间不超过3日，或者危害后果轻微", "((area_m2 < 10 && days <= 3) || harm == \"minor\")"},
		{"（占用面积不足10平方米或者占用时间不超过3日）且及时改正", "((area_m2 < 10 || days <= 3) && corrected)"},
		// enums, booleans, negations
		{"没有造成危害后果或者危害后果轻微", "(harm == \"none\" || harm == \"minor\")"},
		{"造成严重危害后果", "harm == \"serious\""},
		{"危害后果为严重", "harm == \"serious\""},
		{"没有造成严重危害后果", "!(harm == \"serious\")"},
		{"未及时改正", "!corrected"},
		{"主动消除或者减轻违法行为危害后果", "eliminated"},
		{"不具有经责令改正，拒不改正的情形", "!refused"},
		{"有违法所得", "gains > 0"},
		{"没有违法所得", "!(gains > 0)"},
		{"未被投诉", "!(complaints > 0)"},
		{"当事人为单位", "party_type == \"organization\""},
		// asides and the first-match rule
		{"情节较轻（占用面积不足10平方米）", "area_m2 < 10"},
		{"占用面积不足10平方米（本基准第三条）", "area_m2 < 10"},
		{"其他情形", "true"},
	} {
		rd := r.read(tc.text)
		got := ""
		if rd.node != nil {
			got = condition.String(rd.node)
		}
		if got != tc.want {
			t.Errorf("%s: got %q (unread %q), want %q", tc.text, got, rd.unread, tc.want)
		}
	}
	for _, name := range []string{"情节较轻", "情节严重", "一般"} {
		if rd := r.read(name); !rd.name {
			t.Errorf("%s is a grade's name", name)
		}
	}
	if rd := r.read("不符合前列情形的，占用面积不足50平方米"); !rd.marker || condition.String(rd.node) != "area_m2 < 50" {
		t.Errorf("first-match marker not read: %+v", rd)
	}
	if rd := r.read("给予警告，不予罚款"); rd.node != nil || len(rd.unread) != 2 {
		t.Errorf("a penalty is no condition: %+v", rd)
	}
}

func TestWordingReaderSubjectWithEnumeration(t *testing.T) {
	s := wordingScope()
	s.Add("transfer_days", len(s.Names()), catalog.FactInt, &catalog.Fact{Type: catalog.FactInt, Label: "转让、出租运营天数", Unit: "日"})
	r := newWordingReader(s)
	for text, want := range map[string]string{
		"转让、出租超过90日不超过365日":       "(transfer_days > 90 && transfer_days <= 365)",
		"及时改正且转让、出租超过90日":         "(corrected && transfer_days > 90)",
		"占用面积不足10平方米或者转让、出租超过90日": "(area_m2 < 10 || transfer_days > 90)",
	} {
		rd := r.read(text)
		got := ""
		if rd.node != nil {
			got = condition.String(rd.node)
		}
		if got != want {
			t.Errorf("%s: got %q (unread %q), want %q", text, got, rd.unread, want)
		}
	}
}
