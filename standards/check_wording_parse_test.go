package standards

import (
	"strings"
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
	add("overdue", catalog.FactBool, &catalog.Fact{Label: "逾期未改正"})
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
		// the published variants of 逾期未改正 and of its negation
		{"逾期仍未改正", "overdue"},
		{"逾期不改正", "overdue"},
		{"在限期内改正", "!overdue"},
		{"限期内改正", "!overdue"},
		{"逾期不改正或者危害后果严重", "(overdue || harm == \"serious\")"},
		{"没有违法所得", "!(gains > 0)"},
		{"未被投诉", "!(complaints > 0)"},
		{"当事人为单位", "party_type == \"organization\""},
		// asides and the first-match rule
		{"情节较轻（占用面积不足10平方米）", "area_m2 < 10"},
		{"占用面积不足10平方米（本基准第三条）", "area_m2 < 10"},
		{"其他情形", "true"},
	} {
		wantReading(t, r, tc.text, tc.want)
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

// countScope declares the counters of the history the phrases below count
// with: one without a window, one of two years and one of one year.
func countScope() (*condition.Scope, []*catalog.Count) {
	s := wordingScope()
	cs := []*catalog.Count{
		{Name: "investigated", Label: "此前被查处的次数", Window: catalog.Window{None: true}},
		{Name: "penalized_2y", Label: "两年内因同一违法行为受过行政处罚的次数", Window: catalog.Window{Years: 2}},
		{Name: "violations_1y", Label: "一年内违法行为的次数", Window: catalog.Window{Months: 12}},
	}
	for _, c := range cs {
		s.Add(c.Name, len(s.Names()), catalog.FactInt, c.Fact())
	}
	return s, cs
}

func TestWordingReaderCounts(t *testing.T) {
	s, cs := countScope()
	r := newWordingReader(s, cs...)
	for _, tc := range []struct{ text, want string }{
		// ordinals count this case: 第N次 is N-1 priors
		{"初次被查处的", "investigated == 0"},
		{"首次被查处", "investigated == 0"},
		{"第一次被查处的", "investigated == 0"},
		{"第二次被查处的", "investigated == 1"},
		{"第3次被查处的", "investigated == 2"},
		{"第三次以上被查处的", "investigated >= 2"},
		{"再次被查处的", "investigated >= 1"},
		{"再次及多次被查处的", "investigated >= 1"},
		// a number of times with no word that puts them before this case
		// counts this case too
		{"三次以上被查处的", "investigated >= 2"},
		{"被查处三次以上的", "investigated >= 2"},
		// a window chooses the counter of that window
		{"两年内第二次违法", "penalized_2y == 1"},
		{"一年内第二次以上", "violations_1y >= 1"},
		{"当事人在十二个月内第三次实施该违法行为", "violations_1y == 2"},
		// the times the party has already been dealt with are priors
		{"两年内曾因同一违法行为受过两次以上行政处罚", "penalized_2y >= 2"},
		{"此前已被查处2次的", "investigated == 2"},
		// an earlier decision without a number
		{"两年内曾因同一违法行为受过行政处罚的", "penalized_2y >= 1"},
		{"两年内未受过行政处罚", "penalized_2y == 0"},
		// the counter's label, as tables render it
		{"两年内因同一违法行为受过行政处罚2次以上", "penalized_2y >= 2"},
		{"两年内因同一违法行为受过行政处罚的次数为1次", "penalized_2y == 1"},
		{"此前被查处的次数不足2次", "investigated < 2"},
		{"此前被查处2次以上", "investigated >= 2"},
		// joined with other conditions
		{"第二次被查处且占用面积10平方米以上", "(investigated == 1 && area_m2 >= 10)"},
	} {
		wantReading(t, r, tc.text, tc.want)
	}
	// A window no counter has is read with the nearest counter and named.
	if rd := r.read("三年内第二次被查处"); len(rd.windows) != 1 || condition.String(rd.node) != "investigated == 1" {
		t.Errorf("三年内第二次被查处: want the window reported, got %+v", rd)
	}
	// Not phrases about the history: a number of times of something else,
	// an ordinal of no count.
	for _, text := range []string{"第二次检查不合格", "第2档", "被投诉3次以上"} {
		rd := r.read(text)
		if rd.node != nil && strings.Contains(condition.String(rd.node), "investigated") {
			t.Errorf("%s read as a count of the history: %s", text, condition.String(rd.node))
		}
	}
	// With no counter declared, the phrases stay unread.
	if rd := newWordingReader(wordingScope()).read("第二次被查处的"); rd.node != nil {
		t.Errorf("read without a counter: %s", condition.String(rd.node))
	}
}

// A fact counted in 次 that is not a counter keeps its numbers: the
// history phrases read counters only where the words are not the fact's.
func TestWordingReaderCountFactNotCounter(t *testing.T) {
	s, cs := countScope()
	s.Add("violations", len(s.Names()), catalog.FactInt, &catalog.Fact{Type: catalog.FactInt, Label: "违法次数", Unit: "次"})
	r := newWordingReader(s, cs...)
	for text, want := range map[string]string{
		"违法3次以上":       "violations >= 3",
		"第二次被查处的":      "investigated == 1",
		"三次以上被查处的":     "investigated >= 2",
		"被投诉2次且违法3次以上": "(complaints == 2 && violations >= 3)",
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

// A bound word before a number of times (超过, 不足, 不超过) states the
// comparison, as 《民法典》第一千二百五十九条 reads it: 超过 and 不足 leave
// the number out, 不超过 takes it in. Without a word that puts the times
// before this case, the number counts this case too.
func TestWordingReaderCountsBoundBeforeTimes(t *testing.T) {
	s, cs := countScope()
	r := newWordingReader(s, cs...)
	for _, tc := range []struct{ text, want string }{
		{"被查处超过2次的", "investigated > 1"},
		{"被查处不足3次的", "investigated < 2"},
		{"违法不超过两次的", "investigated <= 1"},
		{"曾受过超过两次行政处罚", "investigated > 2"},
		{"此前已被查处不少于2次的", "investigated >= 2"},
		{"两年内曾因同一违法行为受过不超过两次行政处罚", "penalized_2y <= 2"},
	} {
		wantReading(t, r, tc.text, tc.want)
	}
	// Two bounds that disagree are no count the reader can state.
	if rd := r.read("被查处超过2次以上的"); rd.node != nil && strings.Contains(condition.String(rd.node), "investigated") {
		t.Errorf("被查处超过2次以上的: read as %s", condition.String(rd.node))
	}
}

// A boolean fact whose label is, word for word, the wording is that fact,
// whatever counters are in scope: the author declared it.
func TestWordingReaderFactLabelBeforeCounter(t *testing.T) {
	s, cs := countScope()
	s.Add("repeat", len(s.Names()), catalog.FactBool, &catalog.Fact{Type: catalog.FactBool, Label: "再次违法"})
	s.Add("punished_before", len(s.Names()), catalog.FactBool, &catalog.Fact{Type: catalog.FactBool, Label: "曾因同一违法行为受过行政处罚"})
	r := newWordingReader(s, cs...)
	for text, want := range map[string]string{
		"再次违法":  "repeat",
		"再次违法的": "repeat",
		"曾因同一违法行为受过行政处罚":   "punished_before",
		"再次违法且占用面积10平方米以上": "(repeat && area_m2 >= 10)",
		// other words about the history still count with the counters
		"第二次被查处的": "investigated == 1",
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

func TestWordingReaderCountsAmbiguous(t *testing.T) {
	s := wordingScope()
	cs := []*catalog.Count{
		{Name: "a_2y", Label: "两年内受过处罚的次数", Window: catalog.Window{Years: 2}},
		{Name: "b_2y", Label: "两年内违法的次数", Window: catalog.Window{Years: 2}},
	}
	for _, c := range cs {
		s.Add(c.Name, len(s.Names()), catalog.FactInt, c.Fact())
	}
	r := newWordingReader(s, cs...)
	// Two counters of two years: the label decides, or nothing does.
	if rd := r.read("两年内第二次受过处罚"); rd.node == nil || condition.String(rd.node) != "a_2y == 1" {
		t.Errorf("label should decide: %+v", rd)
	}
	if rd := r.read("第二次"); rd.node != nil {
		t.Errorf("two counters fit equally, want unread: %s", condition.String(rd.node))
	}
}

// A row that restates the item's act before its condition is read without
// it: the act's words and connectives are not the row's condition. Only the
// whole act, punctuation aside, is taken away.
func TestWordingReaderWithoutTheRestatedAct(t *testing.T) {
	s := condition.NewScope()
	s.Add("party_type", 0, catalog.FactEnum, nil)
	s.Add("vouchers", 1, catalog.FactInt, &catalog.Fact{Type: catalog.FactInt, Label: "完税凭证份数", Unit: "份"})
	r := newWordingReader(s)
	r.act = "非法印制、转借倒卖、变造或者伪造完税凭证的"
	for _, tc := range []struct{ text, want string }{
		{"非法印制、转借、倒卖、变造或者伪造完税凭证在10份以下的", "vouchers <= 10"},
		{"非法印制、转借、倒卖、变造、或者伪造完税凭证在50份以上的", "vouchers >= 50"},
		{"完税凭证份数10份以上50份以下", "(vouchers >= 10 && vouchers <= 50)"},
		// a part of the act is no restatement of it: its 或者 splits the
		// row, and 变造 is no condition
		{"变造或者伪造完税凭证在10份以下的", ""},
	} {
		wantReading(t, r, tc.text, tc.want)
	}
}

// wantReading checks that the reader reads text as the condition want ("" for
// no condition).
func wantReading(t *testing.T, r *wordingReader, text, want string) {
	t.Helper()
	rd := r.read(text)
	got := ""
	if rd.node != nil {
		got = condition.String(rd.node)
	}
	if got != want {
		t.Errorf("%s: got %q (unread %q), want %q", text, got, rd.unread, want)
	}
}
