package standards

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// This file reads hand wording (a grade's description or label) back into
// the condition tree the renderer writes from, so that the wording can be
// compared with the executable rule case by case rather than word by word:
// "占用面积10平方米以上不足50平方米，或者占用时间超过3日不超过15日" becomes
//
//	(occupy_area_m2 >= 10 && occupy_area_m2 < 50) || (occupy_days > 3 && occupy_days <= 15)
//
// The reader knows the words of 《民法典》第一千二百五十九条 (以上/以下/不超过 include the
// number, 超过/不足 do not), the connectives (且/并且/并/、 join, 或者/或
// alternate; a list "甲，乙，或者丙" takes the connective of its last
// member), units and their conversions, the labels of the item's facts and
// of their enum values, negations (未/没有/不/非/不具有…情形) and the words
// by which a row states the first-match rule (不符合前列情形的, 其他情形).
// What it cannot read it names; it never guesses a fact.

// wordingReading is what the reader made of one piece of wording.
type wordingReading struct {
	// node is the condition the wording states; nil when the wording is
	// only a grade's name (情节较轻) or could not be read.
	node condition.Node
	// marker: the wording states the first-match rule on its row
	// (不符合前列情形的, 其他情形): it applies to cases earlier rows leave.
	marker bool
	// name: the wording is a grade's name, not a condition.
	name bool
	// unread are the parts the reader could not read.
	unread []string
	// units are unit mismatches: a number written in a unit its fact is not
	// measured in.
	units []*catalog.Phrase
	// readSome: some part was read as a condition (a fact, a number).
	readSome bool
	// atoms are the numeric bounds read, for explaining a difference.
	atoms []wordingBound
	// counts say how phrases about the history were read against a
	// counter (第二次 is one prior), for explaining a difference.
	counts []*catalog.Phrase
	// windows are look-back periods the wording states that the counter it
	// counts with does not have (一年内 over a counter of two years).
	windows []*catalog.Phrase
}

// wordingBound is one numeric bound read from the wording.
type wordingBound struct {
	v   *condition.Var
	op  string
	val decimal.Decimal
}

// wordingReader reads the wording of one item.
type wordingReader struct {
	vars []*condition.Var // the item's facts and party_type
	// counters are the declared counters of the history in scope, which
	// phrases such as 第二次被查处的 count with (check_wording_count.go).
	counters []wordingCounter
	// phrases are labels that contain connectives (主动消除或者减轻…危害
	// 后果), which the splitter must not cut.
	phrases []string
	// act is the item's name, the act its rows grade; a row that restates
	// it before its condition is read without it (withoutAct).
	act string
}

func newWordingReader(scope *condition.Scope, counts ...*catalog.Count) *wordingReader {
	r := &wordingReader{}
	isCounter := map[string]bool{}
	for _, c := range counts {
		if v := scope.Lookup(c.Name); v != nil {
			r.counters = append(r.counters, wordingCounter{v: v, c: c})
			isCounter[c.Name] = true
		}
	}
	for _, name := range scope.Names() {
		v := scope.Lookup(name)
		if v.Fact == nil && v.Name != "party_type" || isCounter[v.Name] {
			// A counter is read only by its label or by the phrases that
			// count the history, never as a fact measured in 次.
			continue
		}
		r.vars = append(r.vars, v)
		if v.Fact == nil {
			continue
		}
		labels := []string{v.Fact.Label, negateLabel(v.Fact.Label)}
		for _, ev := range v.Fact.Values {
			labels = append(labels, ev.Label)
		}
		for _, l := range labels {
			if containsConnective(l) {
				r.phrases = append(r.phrases, l)
			}
		}
	}
	return r
}

func containsConnective(s string) bool {
	for _, c := range []string{"或", "且", "并", "、", "，"} {
		if strings.Contains(s, c) {
			return true
		}
	}
	return false
}

// markerPhrases are the words by which a row says that it takes what the
// rows before it leave.
var markerPhrases = []string{
	"不符合前列情形", "不属于前列情形", "不符合上述情形", "不属于上述情形", "不符合以上情形",
	"前列情形以外", "上述情形以外", "除前列情形外", "除上述情形外", "除前款情形外",
	"其他情形", "其余情形", "其他违法情形",
}

// gradeNames are words that name a grade rather than state a condition.
var gradeNames = []string{
	"情节特别严重", "情节严重", "情节较重", "情节一般", "情节较轻", "情节轻微", "情节特别轻微",
	"特别严重", "严重", "较重", "一般", "较轻", "轻微", "从重", "从轻", "减轻",
	"从重处罚", "从轻处罚", "一般处罚", "减轻处罚", "较重处罚", "较轻处罚",
}

func isGradeName(s string) bool {
	s = strings.TrimSuffix(s, "的")
	for _, n := range gradeNames {
		if s == n || s == n+"情形" || s == n+"的情形" {
			return true
		}
	}
	return false
}

// normalizeWording writes punctuation the full-width way and drops spaces
// and the final 的 / 。 of a clause.
func normalizeWording(s string) string {
	s = strings.NewReplacer(",", "，", ";", "；", "(", "（", ")", "）", ":", "：", " ", "", "\u3000", "", "\n", "", "\t", "").Replace(s)
	return strings.TrimRight(s, "。；，")
}

// read reads one piece of wording.
func (r *wordingReader) read(text string) wordingReading {
	var out wordingReading
	s := normalizeWording(text)
	s = r.takeMarkers(s, &out)
	s = r.asides(s, &out)
	s = r.withoutAct(s)
	s = strings.Trim(s, "，；的")
	switch {
	case s == "" && out.marker:
		out.node = condition.Lit{Value: catalog.Value{Type: catalog.FactBool, Bool: true}}
		return out
	case s == "" || isGradeName(s):
		out.name = !out.marker
		if out.marker {
			out.node = condition.Lit{Value: catalog.Value{Type: catalog.FactBool, Bool: true}}
		}
		return out
	}
	out.node = r.clauses(s, &out)
	if len(out.unread) > 0 {
		out.node = nil
	}
	return out
}

// withoutAct removes a restatement of the item's act that opens a row
// (非法印制、转借、倒卖、变造或者伪造完税凭证在10份以下的, in the item
// 非法印制、转借倒卖、变造或者伪造完税凭证的): every case of the item is that
// act, so its words state nothing about which cases the row takes, and
// their connectives (、, 或者) are not the row's. The act must be restated
// whole, punctuation aside, and something must follow it.
func (r *wordingReader) withoutAct(s string) string {
	act := []rune(strings.TrimSuffix(r.act, "的"))
	if len(act) < 4 {
		return s
	}
	skip := func(c rune) bool { return strings.ContainsRune("、，,；;　 ", c) }
	text := []rune(s)
	i, j := 0, 0
	for i < len(text) && j < len(act) {
		switch {
		case skip(text[i]):
			i++
		case skip(act[j]):
			j++
		case text[i] == act[j]:
			i, j = i+1, j+1
		default:
			return s
		}
	}
	if j < len(act) || i == len(text) {
		return s
	}
	return string(text[i:])
}

// takeMarkers removes the words that state the first-match rule.
func (r *wordingReader) takeMarkers(s string, out *wordingReading) string {
	for _, m := range markerPhrases {
		for {
			i := strings.Index(s, m)
			if i < 0 {
				break
			}
			out.marker = true
			end := i + len(m)
			if strings.HasPrefix(s[end:], "的") {
				end += len("的")
			}
			start := i
			// 对不符合前列情形的 / （不符合前列情形的）
			if strings.HasSuffix(s[:start], "对") {
				start -= len("对")
			}
			if strings.HasSuffix(s[:start], "（") && strings.HasPrefix(s[end:], "）") {
				start -= len("（")
				end += len("）")
			}
			s = s[:start] + s[end:]
		}
	}
	return s
}

// asides handles parenthesised text: a group that stands where an operand
// does (at the start, after a connective or a comma) is kept as a group;
// one that follows words is an aside. An aside after a grade's name is the
// condition itself (情节较轻（数量不足5吨，危害后果轻微）); a citation
// (本基准第三条, 适用330199ZF042) or a gloss (1件（次）) is dropped.
func (r *wordingReader) asides(s string, out *wordingReading) string {
	for {
		open, close := matchingParens(s)
		if open < 0 {
			return s
		}
		before, inner, after := s[:open], s[open+len("（"):close], s[close+len("）"):]
		inner = strings.TrimPrefix(strings.TrimPrefix(inner, "本基准："), "本基准:")
		if isGroupStart(before) {
			// A group: read it later; hide its parentheses from this loop.
			rest := r.asides(after, out)
			return before + "〔" + r.asides(inner, out) + "〕" + rest
		}
		trimmed := strings.Trim(before, "，；的")
		if isGradeName(trimmed) || trimmed == "" {
			s = inner + after
			continue
		}
		s = before + after
	}
}

// matchingParens finds the first top-level "（…）" pair.
func matchingParens(s string) (int, int) {
	open := strings.Index(s, "（")
	if open < 0 {
		return -1, -1
	}
	depth := 0
	for i, c := range s[open:] {
		switch c {
		case '（':
			depth++
		case '）':
			depth--
			if depth == 0 {
				return open, open + i
			}
		}
	}
	return -1, -1
}

func isGroupStart(before string) bool {
	if before == "" {
		return true
	}
	for _, c := range []string{"，", "；", "、", "或者", "或", "且", "并且", "并"} {
		if strings.HasSuffix(before, c) {
			return true
		}
	}
	return false
}

// connective is how a part joins the parts before it.
type connective int

const (
	connNone connective = iota
	connAnd
	connOr
)

// leadingConnective strips the connective a clause starts with.
func leadingConnective(s string) (connective, string) {
	for _, c := range []struct {
		word string
		join connective
	}{{"或者", connOr}, {"或", connOr}, {"并且", connAnd}, {"而且", connAnd}, {"同时", connAnd}, {"且", connAnd}, {"并", connAnd}} {
		if strings.HasPrefix(s, c.word) && !strings.HasPrefix(s, "并非") && !strings.HasPrefix(s, "并处") {
			return c.join, strings.TrimPrefix(s, c.word)
		}
	}
	return connNone, s
}

// clauses reads comma-separated clauses. A list of clauses takes the
// connective its members state: "甲，乙，或者丙" alternates, "甲，乙，且丙"
// and "甲，乙" join. Where both appear, 且 binds closer than 或者.
func (r *wordingReader) clauses(s string, out *wordingReading) condition.Node {
	parts := splitTop(s, []string{"，", "；"}, r.protect(s))
	type clause struct {
		join connective
		text string
	}
	var cs []clause
	anyOr, anyAnd := false, false
	for _, p := range parts {
		j, t := leadingConnective(p)
		if t == "" {
			continue
		}
		anyOr = anyOr || j == connOr
		anyAnd = anyAnd || j == connAnd
		cs = append(cs, clause{j, t})
	}
	for i := range cs {
		if cs[i].join == connNone && i > 0 {
			cs[i].join = connAnd
			if anyOr && !anyAnd {
				cs[i].join = connOr
			}
		}
	}
	var nodes []condition.Node
	for _, c := range cs {
		nodes = append(nodes, r.clause(c.text, out))
	}
	return combine(nodes, func(i int) connective { return cs[i].join })
}

// combine joins nodes left to right, 且 binding closer than 或者.
func combine(nodes []condition.Node, join func(i int) connective) condition.Node {
	var disj []condition.Node
	var cur condition.Node
	for i, n := range nodes {
		if n == nil {
			continue
		}
		switch {
		case cur == nil:
			cur = n
		case join(i) == connOr:
			disj = append(disj, cur)
			cur = n
		default:
			cur = condition.And{L: cur, R: n}
		}
	}
	if cur != nil {
		disj = append(disj, cur)
	}
	if len(disj) == 0 {
		return nil
	}
	out := disj[0]
	for _, d := range disj[1:] {
		out = condition.Or{L: out, R: d}
	}
	return out
}

// protect marks the bytes of s inside labels that contain a connective
// (主动消除或者减轻违法行为危害后果, 经责令改正，拒不改正), which no split may cut.
func (r *wordingReader) protect(s string) []bool {
	protected := make([]bool, len(s))
	for _, ph := range r.phrases {
		for off := 0; ; {
			i := strings.Index(s[off:], ph)
			if i < 0 {
				break
			}
			for k := off + i; k < off+i+len(ph); k++ {
				protected[k] = true
			}
			off += i + len(ph)
		}
	}
	return protected
}

// splitTop splits s at the separators outside 〔groups〕 and protected
// labels.
func splitTop(s string, seps []string, protected []bool) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		switch c {
		case '〔':
			depth++
		case '〕':
			depth--
		}
		if depth == 0 && !protected[i] {
			for _, sep := range seps {
				if strings.HasPrefix(s[i:], sep) {
					out = append(out, s[start:i])
					i += len(sep)
					start = i
					goto next
				}
			}
		}
		i += size
	next:
	}
	return append(out, s[start:])
}

// separators within a clause, longest first.
var clauseSeps = []struct {
	word string
	join connective
}{{"或者", connOr}, {"并且", connAnd}, {"而且", connAnd}, {"、", connNone}, {"或", connOr}, {"且", connAnd}, {"并", connAnd}}

// clause reads one clause: parts separated by 、 且 并 或者 or 或, where a 、
// takes the connective that ends its list ("甲、乙或者丙") and 且 binds
// closer than 或者. Labels that contain a connective stay whole.
func (r *wordingReader) clause(s string, out *wordingReading) condition.Node {
	protected := r.protect(s)
	var parts, words []string
	var joins []connective
	depth, start := 0, 0
	for i := 0; i < len(s); {
		c, size := utf8.DecodeRuneInString(s[i:])
		switch c {
		case '〔':
			depth++
		case '〕':
			depth--
		}
		if depth == 0 && !protected[i] {
			matched := false
			for _, sep := range clauseSeps {
				if !strings.HasPrefix(s[i:], sep.word) {
					continue
				}
				if sep.word == "并" && (strings.HasPrefix(s[i:], "并非") || strings.HasPrefix(s[i:], "并处")) {
					continue
				}
				if i == start { // a word that starts with it: 或者 at the start is handled by clauses
					continue
				}
				parts = append(parts, s[start:i])
				joins = append(joins, sep.join)
				words = append(words, sep.word)
				i += len(sep.word)
				start = i
				matched = true
				break
			}
			if matched {
				continue
			}
		}
		i += size
	}
	parts = append(parts, s[start:])
	// A 、 takes the connective of the next 且 / 或者 after it.
	for i := len(joins) - 1; i >= 0; i-- {
		if joins[i] == connNone {
			joins[i] = connAnd
			if i+1 < len(joins) {
				joins[i] = joins[i+1]
			}
		}
	}
	// 转让、出租不超过90日: a 、 inside a subject. A part that reads as
	// nothing is read again together with the part after it.
	for i := 0; i+1 < len(parts); i++ {
		if words[i] == "、" && !r.readable(parts[i]) && r.readable(parts[i]+"、"+parts[i+1]) {
			parts[i] += "、" + parts[i+1]
			parts = append(parts[:i+1], parts[i+2:]...)
			joins = append(joins[:i], joins[i+1:]...)
			words = append(words[:i], words[i+1:]...)
			i--
		}
	}
	nodes := make([]condition.Node, len(parts))
	var prev *condition.Var
	for i, p := range parts {
		nodes[i], prev = r.atom(p, prev, out)
	}
	return combine(nodes, func(i int) connective {
		if i == 0 {
			return connNone
		}
		return joins[i-1]
	})
}

// readable reports whether s reads as one atom.
func (r *wordingReader) readable(s string) bool {
	var probe wordingReading
	n, _ := r.atom(s, nil, &probe)
	return n != nil && len(probe.unread) == 0
}

// atom reads one condition: a group, a numeric bound on a fact, an enum
// value, a boolean fact or its negation. prev is the fact the atom before
// it bounded, which an atom without a subject ("以上不足50平方米") may
// continue.
func (r *wordingReader) atom(s string, prev *condition.Var, out *wordingReading) (condition.Node, *condition.Var) {
	s = strings.Trim(s, "的，")
	if s == "" {
		return nil, prev
	}
	if strings.HasPrefix(s, "〔") && strings.HasSuffix(s, "〕") {
		inner := strings.TrimSuffix(strings.TrimPrefix(s, "〔"), "〕")
		return r.clauses(inner, out), prev
	}
	// Before numeric: 被查处三次以上 is a count of the history, never a
	// number of some other fact measured in 次.
	if n, ok := r.count(s, out); ok {
		out.readSome = true
		return n, prev
	}
	if n, v, ok := r.numeric(s, prev, out); ok {
		out.readSome = true
		return n, v
	}
	if n, ok := r.qualitative(s); ok {
		out.readSome = true
		return n, prev
	}
	if hasQuantity(s) {
		out.readSome = true // a number on no fact is still a condition
	}
	out.unread = append(out.unread, s)
	return nil, prev
}

// wordingUnit is a unit of measure: its dimension and its size in the
// dimension's base unit.
type wordingUnit struct {
	dim   string
	scale decimal.Decimal
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// wordingUnits are the units a number may carry, longest first.
var wordingUnits = []struct {
	word string
	unit wordingUnit
}{
	{"平方千米", wordingUnit{"面积", dec("1000000")}}, {"平方公里", wordingUnit{"面积", dec("1000000")}},
	{"平方米", wordingUnit{"面积", dec("1")}}, {"平米", wordingUnit{"面积", dec("1")}},
	{"立方米", wordingUnit{"体积", dec("1")}}, {"方", wordingUnit{"体积", dec("1")}},
	{"千克", wordingUnit{"质量", dec("1")}}, {"公斤", wordingUnit{"质量", dec("1")}},
	{"吨", wordingUnit{"质量", dec("1000")}}, {"克", wordingUnit{"质量", dec("0.001")}},
	{"千米", wordingUnit{"长度", dec("1000")}}, {"公里", wordingUnit{"长度", dec("1000")}},
	{"厘米", wordingUnit{"长度", dec("0.01")}}, {"米", wordingUnit{"长度", dec("1")}},
	{"个月", wordingUnit{"月", dec("1")}}, {"月", wordingUnit{"月", dec("1")}},
	{"年", wordingUnit{"月", dec("12")}},
	{"日", wordingUnit{"日", dec("1")}}, {"天", wordingUnit{"日", dec("1")}},
	{"小时", wordingUnit{"小时", dec("1")}},
	{"万元", wordingUnit{"元", dec("10000")}}, {"元", wordingUnit{"元", dec("1")}},
	{"分贝", wordingUnit{"分贝", dec("1")}}, {"倍", wordingUnit{"倍", dec("1")}},
	{"%", wordingUnit{"百分比", dec("1")}},
}

// measureWords count things; each is its own dimension.
const measureWords = "处件次株棵块个辆台家人户起项份只头批根层间座"

// unitAtWording reads the unit at the start of s.
func unitAtWording(s string) (string, wordingUnit, bool) {
	for _, u := range wordingUnits {
		if strings.HasPrefix(s, u.word) {
			return u.word, u.unit, true
		}
	}
	if c, _ := utf8.DecodeRuneInString(s); c != utf8.RuneError && strings.ContainsRune(measureWords, c) {
		return string(c), wordingUnit{string(c), dec("1")}, true
	}
	return "", wordingUnit{}, false
}

// factUnit is the unit a fact is measured in, from its declared unit
// (with any gloss such as 件（次） dropped), or 元 for money.
func factUnit(v *condition.Var) (wordingUnit, bool) {
	u := ""
	if v.Fact != nil {
		u = v.Fact.Unit
	}
	if i := strings.Index(u, "（"); i >= 0 {
		u = u[:i]
	}
	if u == "" && v.Type == catalog.FactMoney {
		u = "元"
	}
	if u == "" {
		return wordingUnit{}, false
	}
	if word, unit, ok := unitAtWording(u); ok && word == u {
		return unit, true
	}
	return wordingUnit{u, dec("1")}, true
}

// Operator words before a number, longest first, and the comparison each
// states (《民法典》第一千二百五十九条).
var boundBefore = []struct{ word, op string }{
	{"不超过", "<="}, {"不高于", "<="}, {"不大于", "<="}, {"不多于", "<="}, {"未超过", "<="},
	{"不低于", ">="}, {"不少于", ">="}, {"不小于", ">="}, {"达到", ">="},
	{"不足", "<"}, {"不满", "<"}, {"未满", "<"}, {"未达到", "<"}, {"未达", "<"}, {"低于", "<"}, {"少于", "<"}, {"小于", "<"},
	{"超过", ">"}, {"高于", ">"}, {"多于", ">"}, {"大于", ">"}, {"逾", ">"},
	{"满", ">="}, {"等于", "=="}, {"为", "=="}, {"在", ""},
}

// Operator words after a number.
var boundAfter = []struct{ word, op string }{
	{"（含）以上", ">="}, {"（含）以下", "<="}, {"及以上", ">="}, {"及以下", "<="},
	{"以上", ">="}, {"以下", "<="}, {"以内", "<="}, {"之内", "<="}, {"内", "<="},
	{"以外", ">"},
}

// numberAt reads a number at the start of s: Arabic digits (with 万 or 千
// multiplying, except in 千克/千米) or a Chinese numeral.
func numberAt(s string) (decimal.Decimal, int, bool) {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' && i > 0 || s[i] == ',' && i > 0) {
		i++
	}
	if i > 0 {
		d, err := decimal.NewFromString(strings.ReplaceAll(strings.TrimRight(s[:i], ".,"), ",", ""))
		if err != nil {
			return decimal.Decimal{}, 0, false
		}
		rest := s[i:]
		if _, _, isUnit := unitAtWording(rest); !isUnit || strings.HasPrefix(rest, "万元") {
			switch {
			case strings.HasPrefix(rest, "万") && !strings.HasPrefix(rest, "万元"):
				d, i = d.Shift(4), i+len("万")
			case strings.HasPrefix(rest, "千") && !strings.HasPrefix(rest, "千克") && !strings.HasPrefix(rest, "千米"):
				d, i = d.Shift(3), i+len("千")
			}
		}
		return d, i, true
	}
	j := 0
	for j < len(s) {
		c, size := utf8.DecodeRuneInString(s[j:])
		if !strings.ContainsRune(chineseNumerals, c) {
			break
		}
		if _, _, isUnit := unitAtWording(s[j:]); isUnit && j > 0 && c != '万' {
			break
		}
		j += size
	}
	if j == 0 {
		return decimal.Decimal{}, 0, false
	}
	d, ok := parseChineseNumber(s[:j])
	return d, j, ok
}

// numeric reads "主语 + bounds": 占用面积10平方米以上不足50平方米, 超过3日不超过
// 15日, 2至3处, 1处, 欠缴3个月以下. ok is false when s holds no number.
func (r *wordingReader) numeric(s string, prev *condition.Var, out *wordingReading) (condition.Node, *condition.Var, bool) {
	first := -1
	for i := 0; i < len(s); {
		if _, n, ok := numberAt(s[i:]); ok && n > 0 {
			// A Chinese numeral counts only before a unit or measure word.
			c, _ := utf8.DecodeRuneInString(s[i:])
			if c >= '0' && c <= '9' {
				first = i
				break
			}
			if _, _, isUnit := unitAtWording(s[i+n:]); isUnit {
				first = i
				break
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	if first < 0 {
		return nil, nil, false
	}
	subject, opBefore := s[:first], ""
	for _, b := range boundBefore {
		if strings.HasSuffix(subject, b.word) {
			subject, opBefore = strings.TrimSuffix(subject, b.word), b.op
			if opBefore == "" {
				opBefore = "=="
			}
			break
		}
	}
	type bound struct {
		op   string
		val  decimal.Decimal
		u    string
		wu   wordingUnit
		hasU bool
	}
	var bounds []bound
	rest := s[first:]
	op := opBefore
	for rest != "" {
		val, n, ok := numberAt(rest)
		if !ok {
			break
		}
		rest = rest[n:]
		word, wu, hasU := unitAtWording(rest)
		rest = rest[len(word):]
		after := ""
		for _, a := range boundAfter {
			if strings.HasPrefix(rest, a.word) {
				after, rest = a.op, rest[len(a.word):]
				break
			}
		}
		// 2至3处: a closed range, the unit written once at its end.
		if strings.HasPrefix(rest, "至") || strings.HasPrefix(rest, "到") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "～") || strings.HasPrefix(rest, "—") {
			sep, _ := utf8.DecodeRuneInString(rest)
			hi, m, ok := numberAt(rest[utf8.RuneLen(sep):])
			if ok && op == "" || ok && op == "==" {
				rest = rest[utf8.RuneLen(sep)+m:]
				w2, wu2, has2 := unitAtWording(rest)
				rest = rest[len(w2):]
				if !hasU {
					word, wu, hasU = w2, wu2, has2
				}
				bounds = append(bounds, bound{">=", val, word, wu, hasU}, bound{"<=", hi, w2, wu2, has2 || hasU})
				if !has2 {
					bounds[len(bounds)-1].u, bounds[len(bounds)-1].wu = word, wu
				}
				op = ""
				goto nextBound
			}
		}
		switch {
		case op != "" && after != "":
			// 在10平方米以上: the word after decides.
			if op == "==" {
				op = after
			}
		case op == "":
			op = after
			if op == "" {
				op = "=="
			}
		}
		bounds = append(bounds, bound{op, val, word, wu, hasU})
		op = ""
	nextBound:
		if rest == "" {
			break
		}
		found := false
		for _, b := range boundBefore {
			if b.op != "" && strings.HasPrefix(rest, b.word) {
				if _, _, ok := numberAt(rest[len(b.word):]); ok {
					op, rest, found = b.op, rest[len(b.word):], true
					break
				}
			}
		}
		if !found {
			if _, _, ok := numberAt(rest); !ok {
				break
			}
		}
	}
	rest = strings.Trim(rest, "的")
	if len(bounds) == 0 || rest != "" {
		return nil, nil, false
	}
	var wu *wordingUnit
	for _, b := range bounds {
		if b.hasU {
			x := b.wu
			wu = &x
			break
		}
	}
	v := r.subject(strings.Trim(subject, "的在为"), wu, prev)
	if v == nil {
		return nil, nil, false
	}
	fu, hasFU := factUnit(v)
	var node condition.Node
	for _, b := range bounds {
		val := b.val
		if b.hasU && hasFU {
			if b.wu.dim != fu.dim {
				out.units = append(out.units, messagesZh.P("%s is measured in %s, the wording writes %s%s", v.Label(), literalUnit(v), b.val.String(), b.u))
			} else {
				val = val.Mul(b.wu.scale).Div(fu.scale)
			}
		}
		c := condition.Compare{Op: b.op, L: condition.Ident{Var: v}, R: numLitFor(v, val)}
		out.atoms = append(out.atoms, wordingBound{v: v, op: b.op, val: val})
		if node == nil {
			node = c
		} else {
			node = condition.And{L: node, R: c}
		}
	}
	return node, v, true
}

func literalUnit(v *condition.Var) string {
	if v.Fact != nil && v.Fact.Unit != "" {
		return v.Fact.Unit
	}
	if v.Type == catalog.FactMoney {
		return "元"
	}
	return "其计量单位"
}

func numLitFor(v *condition.Var, d decimal.Decimal) condition.Lit {
	return condition.Lit{Value: catalog.Value{Type: v.Type, Num: d}}
}

// subject finds the fact a numeric bound is on: by its label (the whole
// label, a part of it such as 时间 for 占用时间, or a phrase that contains
// it), else by the unit of the number where one fact has it, else the
// fact the atom before bounded.
func (r *wordingReader) subject(s string, wu *wordingUnit, prev *condition.Var) *condition.Var {
	var best *condition.Var
	bestScore, tie := 0, false
	for _, v := range r.vars {
		if v.Fact == nil || !v.Type.Numeric() {
			continue
		}
		fu, hasFU := factUnit(v)
		compatible := wu == nil || !hasFU || fu.dim == wu.dim
		score := 0
		label := v.Fact.Label
		switch {
		case s == "":
		case s == label:
			score = 1000
		case strings.HasSuffix(label, s) || strings.HasPrefix(label, s):
			score = 500 + len(s)
		case strings.Contains(s, label):
			score = 400 + len(label)
		case strings.Contains(label, s):
			score = 300 + len(s)
		default:
			if n := commonRun(s, label); n >= 2 {
				score = 100 * n
			}
		}
		if score == 0 && compatible && wu != nil {
			score = 50 // the only fact measured in the number's unit
		}
		if score > 0 && !compatible {
			score /= 10
		}
		if score > 0 && v == prev {
			score++
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = v, score, false
		case score == bestScore && score > 0:
			tie = true
		}
	}
	if best == nil && prev != nil && s == "" {
		return prev
	}
	if tie {
		if prev != nil && s == "" {
			return prev
		}
		return nil
	}
	return best
}

// commonRun is the length in runes of the longest run two strings share.
func commonRun(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	best := 0
	for i := range ra {
		for j := range rb {
			k := 0
			for i+k < len(ra) && j+k < len(rb) && ra[i+k] == rb[j+k] {
				k++
			}
			best = max(best, k)
		}
	}
	return best
}

// The words of two facts standards use constantly, in the variants they are
// published in: a party that did not correct by the deadline set (逾期未改正,
// 逾期仍未改正 …) and one that did (在限期内改正 …). A fact labelled with one
// reads the others of its family as itself and those of the other family as
// its negation.
var (
	overduePhrases = []string{"逾期未改正", "逾期不改正", "逾期仍未改正", "逾期仍不改正", "逾期未改", "逾期不改",
		"逾期仍未改", "期满未改正", "期满仍未改正", "逾期未整改", "逾期不整改", "逾期仍未整改"}
	inTimePhrases = []string{"限期内改正", "在限期内改正", "期限内改正", "在期限内改正", "在规定期限内改正",
		"按期改正", "在责令改正期限内改正", "在责令限期改正期限内改正", "限期内整改", "在限期内整改"}
)

// correctionFamily is 1 for words of the overdue family, -1 for those of
// the in-time family, 0 for any other words.
func correctionFamily(s string) int {
	switch {
	case slices.Contains(overduePhrases, s):
		return 1
	case slices.Contains(inTimePhrases, s):
		return -1
	}
	return 0
}

// negationPrefixes are the words that negate what follows, longest first.
var negationPrefixes = []string{"不具有", "不存在", "不属于", "并非", "没有", "不是", "未曾", "未经", "未", "不", "无", "非"}

// qualitative reads an atom without numbers: an enum value (危害后果轻微,
// 危害后果为严重), a boolean fact (及时改正) or their negations, 有违法所得
// (a number above 0), 当事人为单位.
func (r *wordingReader) qualitative(s string) (condition.Node, bool) {
	s = strings.TrimPrefix(s, "当事人")
	if n, ok := r.positive(s); ok {
		return n, true
	}
	for _, p := range negationPrefixes {
		if !strings.HasPrefix(s, p) || len(s) == len(p) {
			continue
		}
		rest := strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(s, p), "的情形"), "情形")
		if n, ok := r.positive(rest); ok {
			return condition.Not{X: n}, true
		}
		// 没有违法所得: a number that is 0.
		if p == "没有" || p == "无" || p == "未" {
			if n, ok := r.positive("有" + rest); ok {
				return condition.Not{X: n}, true
			}
		}
	}
	return nil, false
}

// positive reads an atom that states something holds.
func (r *wordingReader) positive(s string) (condition.Node, bool) {
	if s == "" {
		return nil, false
	}
	switch s {
	case "单位", "为单位", "法人或者其他组织", "为法人或者其他组织":
		if v := r.party(); v != nil {
			return condition.Compare{Op: "==", L: condition.Ident{Var: v}, R: enumLit("organization")}, true
		}
	case "个人", "为个人", "公民", "为公民", "自然人", "为自然人":
		if v := r.party(); v != nil {
			return condition.Compare{Op: "==", L: condition.Ident{Var: v}, R: enumLit("individual")}, true
		}
	case "个体工商户", "为个体工商户":
		if v := r.party(); v != nil {
			return condition.Compare{Op: "==", L: condition.Ident{Var: v}, R: enumLit("individual_business")}, true
		}
	}
	var best condition.Node
	bestScore := 0
	consider := func(n condition.Node, score int) {
		if score > bestScore {
			best, bestScore = n, score
		}
	}
	for _, v := range r.vars {
		if v.Fact == nil {
			continue
		}
		label := v.Fact.Label
		switch {
		case v.Type == catalog.FactEnum:
			for _, ev := range v.Fact.Values {
				n := condition.Compare{Op: "==", L: condition.Ident{Var: v}, R: enumLit(ev.Name)}
				switch {
				case s == ev.Label || s == label+ev.Label || s == label+"为"+ev.Label || s == label+"为"+ev.Name:
					consider(n, 1000)
				case sameChars(stripFiller(s), stripFiller(ev.Label)):
					consider(n, 800)
				case sameChars(stripFiller(s), stripFiller(label+ev.Label)):
					consider(n, 700)
				}
			}
		case v.Type == catalog.FactEnumList:
			// 超标污染物包括二氧化硫 / 超标污染物不包括二氧化硫: membership
			// as tables render it.
			for i, ev := range v.Fact.Values {
				has := condition.Has{X: condition.Ident{Var: v}, Value: ev.Name, Index: i}
				for _, verb := range []string{"包括", "包含", "含有", "含"} {
					switch s {
					case label + verb + ev.Label:
						consider(has, 1000)
					case label + "不" + verb + ev.Label, label + "不" + verb + ev.Name:
						consider(condition.Not{X: has}, 1000)
					}
				}
			}
		case v.Type == catalog.FactBool:
			n := condition.Ident{Var: v}
			fs, fl := correctionFamily(s), correctionFamily(label)
			switch {
			case s == label:
				consider(n, 1000)
			case s == negateLabel(label):
				consider(condition.Not{X: n}, 1000)
			case fs != 0 && fs == fl:
				consider(n, 950)
			case fs != 0 && fl != 0:
				consider(condition.Not{X: n}, 950)
			case len(s) >= 6 && (strings.HasSuffix(label, s) || strings.HasPrefix(label, s)):
				consider(n, 300+len(s))
			}
		case v.Type.Numeric():
			// 有违法所得, 被投诉 (被投诉次数): the amount or count is above 0.
			above := condition.Compare{Op: ">", L: condition.Ident{Var: v}, R: numLitFor(v, decimal.Zero)}
			if s == "有"+label || s == "存在"+label {
				consider(above, 900)
			}
			for _, suffix := range []string{"次数", "个数", "件数", "数量", "数"} {
				stem := strings.TrimSuffix(label, suffix)
				if stem != label && stem != "" && (s == stem || s == "有"+stem || "被"+s == stem) {
					consider(above, 850)
				}
			}
		}
	}
	return best, best != nil
}

func (r *wordingReader) party() *condition.Var {
	for _, v := range r.vars {
		if v.Name == "party_type" {
			return v
		}
	}
	return nil
}

func enumLit(name string) condition.Lit {
	return condition.Lit{Value: catalog.Value{Type: catalog.FactEnum, Enum: name}}
}

// stripFiller drops the words that do not change what an enum label
// says: 造成严重危害后果 and 危害后果严重 state one value.
func stripFiller(s string) string {
	return strings.NewReplacer("造成", "", "的", "", "为", "", "了", "", "没有", "未", "无", "未").Replace(s)
}

// sameChars reports whether two strings use the same characters, each as
// often: the same words in another order.
func sameChars(a, b string) bool {
	if len(a) != len(b) || a == "" {
		return false
	}
	count := map[rune]int{}
	for _, c := range a {
		count[c]++
	}
	for _, c := range b {
		count[c]--
	}
	for _, n := range count {
		if n != 0 {
			return false
		}
	}
	return true
}

// hasQuantity reports whether s writes a number other than an ordinal
// (第1档).
func hasQuantity(s string) bool {
	for i := 0; i < len(s); i++ {
		digit := s[i] >= '0' && s[i] <= '9'
		first := i == 0 || !(s[i-1] >= '0' && s[i-1] <= '9')
		if digit && first && !strings.HasSuffix(s[:i], "第") {
			return true
		}
	}
	return false
}
