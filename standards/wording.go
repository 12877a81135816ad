package standards

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
)

// CodeWordingNumbers marks hand wording (a grade's description or label, an
// exemption's, factor's or precondition's label) that mentions a number its
// rule does not contain: the published text and the executable rule may
// have drifted apart.
const CodeWordingNumbers = "standards_wording_numbers"

// WordingDiagnostics compares every piece of hand wording in a catalog with
// the rule it describes and reports the numbers that occur in the wording
// but not in the rule. The rule of a grade is its condition and those of the
// grades before it (grades apply first match, so "10平方米以上不足50平方米"
// may rest on the grade above), its fine and the statutory amount; numbers
// are compared by value, so 2万, 20000 and 两万 are one number.
//
// The diagnostics are warnings: a table still prints the hand wording. The
// error is a catalog.Diagnostics when a condition does not compile.
func WordingDiagnostics(cat *catalog.Catalog) (catalog.Diagnostics, error) {
	c, err := compileCatalog(cat)
	if err != nil {
		return nil, err
	}
	w := &wordingChecker{c: c, cat: cat}
	pol := cat.Policies
	if r := pol.NoFault; r != nil {
		w.check(r.Pos, "policies.no_fault label", r.Label, w.rule(r.When), r.When)
	}
	for _, r := range []*catalog.Rule{cat.Procedure.LegalReview, cat.Procedure.CollectiveDiscussion} {
		if r != nil {
			w.check(r.Pos, "procedure label", r.Label, w.rule(r.When), r.When)
		}
	}
	for _, f := range cat.Factors {
		w.check(f.Pos, "factor "+f.ID+" label", f.Label, w.rule(f.When), f.When)
	}
	for _, it := range cat.Items {
		for _, v := range it.Versions {
			w.version(it, v)
		}
	}
	// A list's entries: the situation in the list's words, which the
	// published list prints as the item's 适用情形.
	for _, l := range cat.Lists {
		for _, e := range l.Items {
			if e != nil && e.When != nil {
				pos := e.LabelPos
				if !pos.IsValid() {
					pos = e.Pos
				}
				w.check(pos, "list "+l.ID+" entry "+e.Item+" label", e.Label, w.rule(e.When), e.When)
			}
		}
	}
	w.diags.Sort()
	return w.diags, nil
}

type wordingChecker struct {
	c     *compiled
	cat   *catalog.Catalog
	diags catalog.Diagnostics
}

func (w *wordingChecker) version(it *catalog.Item, v *catalog.Version) {
	where := "item " + it.Code
	if len(it.Versions) > 1 {
		where += " version " + v.ID
	}
	if p := v.Precondition; p != nil {
		w.check(p.Pos, where+" precondition label", p.Label, w.rule(p.When), p.When)
	}
	for _, s := range v.Sanctions {
		if p := s.Precondition; p != nil {
			w.check(p.Pos, where+" precondition label", p.Label, w.rule(p.When), p.When)
		}
	}
	b := v.Benchmark
	if b == nil {
		return
	}
	var before []string
	var conds []*catalog.Cond
	statutory := ""
	if fine := fineOf(v); fine != nil && fine.Amount != nil {
		statutory = RenderFineRanges(w.cat, it, fine)
	}
	for _, g := range b.Grades {
		before = append(before, w.rule(g.When))
		conds = append(conds, g.When)
		rule := strings.Join(before, "\n") + "\n" + RenderGradeFine(w.cat, it, v, g) + "\n" + statutory
		w.check(g.Pos, where+" grade "+g.ID+" description", g.Description, rule, conds...)
		w.check(g.Pos, where+" grade "+g.ID+" label", g.Label, rule, conds...)
	}
	if e := b.LightViolation; e != nil {
		w.check(e.Pos, where+" light_violation label", e.Label, w.rule(e.When), e.When)
	}
	if fo := b.FirstOffense; fo != nil {
		w.check(fo.Pos, where+" first_offense label", fo.Label, priorPhrase(fo)+"\n"+w.rule(fo.When), fo.When)
	}
	if cm := b.Commitment; cm != nil {
		w.check(cm.Pos, where+" commitment label", cm.Label, fmt.Sprintf("%s\n%d日", w.rule(cm.When), cm.DeadlineDays), cm.When)
	}
	for _, f := range b.Factors {
		w.check(f.Pos, where+" factor "+f.ID+" label", f.Label, w.rule(f.When), f.When)
	}
}

// rule is the text a condition's numbers are read from: its rendering.
func (w *wordingChecker) rule(cond *catalog.Cond) string {
	return RenderCondition(w.c.expr(cond))
}

// neighbours are the numbers an integer bound also reads as: count > 2 is
// also "3次以上", count < 3 also "2次以下", and after a grade for
// count == 1 the next grade starts at 2.
func (w *wordingChecker) neighbours(conds ...*catalog.Cond) []decimal.Decimal {
	var out []decimal.Decimal
	one := decimal.NewFromInt(1)
	for _, cond := range conds {
		x := w.c.expr(cond)
		if x == nil {
			continue
		}
		walkCompares(x.Root, func(c condition.Compare) {
			c = orient(c)
			lit, ok := c.R.(condition.Lit)
			if !ok || !isIntFact(c.L) {
				return
			}
			switch c.Op {
			case ">", "<=":
				out = append(out, lit.Value.Num.Add(one))
			case "<", ">=":
				out = append(out, lit.Value.Num.Sub(one))
			case "==", "!=":
				out = append(out, lit.Value.Num.Add(one), lit.Value.Num.Sub(one))
			}
		})
	}
	return out
}

func walkCompares(n condition.Node, f func(condition.Compare)) {
	switch x := n.(type) {
	case condition.And:
		walkCompares(x.L, f)
		walkCompares(x.R, f)
	case condition.Or:
		walkCompares(x.L, f)
		walkCompares(x.R, f)
	case condition.Not:
		walkCompares(x.X, f)
	case condition.Compare:
		f(x)
	}
}

func (w *wordingChecker) check(pos catalog.Pos, what, hand, rule string, conds ...*catalog.Cond) {
	if hand == "" {
		return
	}
	var have []decimal.Decimal
	for _, q := range quantities(rule) {
		have = append(have, q.equivalents()...)
	}
	have = append(have, w.neighbours(conds...)...)
	var missing []string
	var reported []decimal.Decimal
	for _, q := range quantities(hand) {
		found := false
		for _, v := range q.equivalents() {
			found = found || containsNumber(have, v)
		}
		if !found && !containsNumber(reported, q.value) {
			reported = append(reported, q.value)
			missing = append(missing, q.value.String()+q.unit)
		}
	}
	if len(missing) == 0 {
		return
	}
	d := w.diags.Addf(pos, CodeWordingNumbers, "%s %q mentions %s, which its rule does not contain",
		what, hand, strings.Join(missing, ", "))
	d.Hint = "the rule reads: " + strings.Join(strings.Fields(strings.ReplaceAll(rule, "\n", " ")), " ")
}

func containsNumber(list []decimal.Decimal, n decimal.Decimal) bool {
	for _, x := range list {
		if x.Equal(n) {
			return true
		}
	}
	return false
}

// Numbers returns the quantities a Chinese text mentions, in order: Arabic
// numbers (with 万 or 千 after them: 2万 = 20000), Chinese numerals followed
// by a unit or measure word (三日, 一倍, 两年, 五万元), and percentages
// (百分之五 = 5). Ordinals (第八条), digits inside codes (330199ZF042) and
// words that merely contain a numeral character (一般, 同一, 统一) are not
// quantities.
func Numbers(text string) []decimal.Decimal {
	qs := quantities(text)
	out := make([]decimal.Decimal, len(qs))
	for i, q := range qs {
		out[i] = q.value
	}
	return out
}

// quantity is a number with the unit written after it, if any.
type quantity struct {
	value decimal.Decimal
	unit  string
}

// equivalents are the values a quantity also reads as in another unit of
// the same dimension: 50千克 is 0.05吨.
func (q quantity) equivalents() []decimal.Decimal {
	out := []decimal.Decimal{q.value}
	switch q.unit {
	case "千克", "公斤":
		out = append(out, q.value.Shift(-3))
	case "吨":
		out = append(out, q.value.Shift(3))
	case "千米", "公里":
		out = append(out, q.value.Shift(3))
	case "米":
		out = append(out, q.value.Shift(-3))
	}
	return out
}

// units are the units recognised after a number, longest first.
var units = []string{"平方米", "立方米", "千克", "公斤", "千米", "公里", "吨", "米"}

func unitAt(rs []rune, j int) string {
	rest := string(rs[j:min(len(rs), j+3)])
	for _, u := range units {
		if strings.HasPrefix(rest, u) {
			return u
		}
	}
	return ""
}

func isASCIIAlnum(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z'
}

func quantities(text string) []quantity {
	var out []quantity
	rs := []rune(text)
	for i := 0; i < len(rs); {
		r := rs[i]
		prev := rune(0)
		if i > 0 {
			prev = rs[i-1]
		}
		switch {
		case r >= '0' && r <= '9':
			j := i
			for j < len(rs) && (rs[j] >= '0' && rs[j] <= '9' || rs[j] == '.' && j+1 < len(rs) && rs[j+1] >= '0' && rs[j+1] <= '9' || rs[j] == ',') {
				j++
			}
			if isASCIIAlnum(prev) || j < len(rs) && isASCIIAlnum(rs[j]) {
				// part of a code such as 330199ZF042
				for j < len(rs) && isASCIIAlnum(rs[j]) {
					j++
				}
				i = j
				continue
			}
			d, err := decimal.NewFromString(strings.ReplaceAll(string(rs[i:j]), ",", ""))
			if u := unitAt(rs, j); u == "" && j < len(rs) && (rs[j] == '万' || rs[j] == '千') {
				if rs[j] == '万' {
					d = d.Shift(4)
				} else {
					d = d.Shift(3)
				}
				j++
			}
			if err == nil && prev != '第' {
				out = append(out, quantity{d, unitAt(rs, j)})
			}
			i = j
		case strings.ContainsRune(chineseNumerals, r):
			j := i
			for j < len(rs) && strings.ContainsRune(chineseNumerals, rs[j]) && unitAt(rs, j) == "" {
				j++
			}
			percent := i >= 3 && string(rs[i-3:i]) == "百分之"
			next := rune(0)
			if j < len(rs) {
				next = rs[j]
			}
			if prev != '第' && j > i && (percent || isMeasure(next)) {
				if d, ok := parseChineseNumber(string(rs[i:j])); ok {
					out = append(out, quantity{d, unitAt(rs, j)})
				}
			}
			i = max(j, i+1)
		default:
			i++
		}
	}
	return out
}

const chineseNumerals = "零一二两三四五六七八九十百千万点"

// isMeasure reports whether r is a unit or measure word that makes the
// Chinese numeral before it a quantity.
func isMeasure(r rune) bool {
	return r != 0 && strings.ContainsRune("倍年个月日天次元平立米吨人棵株周小家台辆份件层户间处项公", r)
}

// parseChineseNumber reads a Chinese numeral such as 五, 十五, 一百二十,
// 三千, 一万五千, 两, 七点五.
func parseChineseNumber(s string) (decimal.Decimal, bool) {
	intPart, frac, hasFrac := strings.Cut(s, "点")
	digits := map[rune]int64{'零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	var total, section, cur int64
	seen := false
	for _, r := range intPart {
		if d, ok := digits[r]; ok {
			cur, seen = d, true
			continue
		}
		switch r {
		case '十':
			if cur == 0 {
				cur = 1
			}
			section += cur * 10
		case '百':
			section += cur * 100
		case '千':
			section += cur * 1000
		case '万':
			total += (section + cur) * 10000
			section = 0
		default:
			return decimal.Decimal{}, false
		}
		cur, seen = 0, true
	}
	if !seen {
		return decimal.Decimal{}, false
	}
	out := decimal.NewFromInt(total + section + cur)
	if hasFrac {
		f := ""
		for _, r := range frac {
			d, ok := digits[r]
			if !ok {
				return decimal.Decimal{}, false
			}
			f += string(rune('0' + d))
		}
		if f != "" {
			fd, err := decimal.NewFromString("0." + f)
			if err != nil {
				return decimal.Decimal{}, false
			}
			out = out.Add(fd)
		}
	}
	return out, true
}
