package standards

import (
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// RenderRule renders a statutory amount rule the way the law phrases it:
//
//	{max: 20000}                          → 处2万元以下罚款
//	{min: 5000, max: 50000}               → 处5000元以上5万元以下罚款
//	{base: illegal_gains, times: 1–5, …}  → 处违法所得1倍以上5倍以下罚款；没有违法所得或者违法所得不足1万元的，处1万元以上5万元以下罚款
//	{base: construction_cost, percent: 5–10} → 处建设工程造价百分之五以上百分之十以下罚款
//	{base: fee, times: {max: 3}, cap: 30000} → 处应交处理费3倍以下且不超过3万元罚款
//
// facts resolves the base of a multiple or percentage to its label.
func RenderRule(r penalty.Rule, facts catalog.Facts) string {
	return amounts{facts: facts, unit: decimal.NewFromInt(1)}.rule(r, "")
}

// RenderAmount renders a fine's amount, with one clause per party type where
// the law splits them (对单位处…，对个人处…) and "可以" where the fine is
// optional.
func RenderAmount(cat *catalog.Catalog, it *catalog.Item, a *catalog.Amount, optional bool) string {
	return newAmounts(cat, it).amount(a, verbOf(optional))
}

// RenderGradeFine renders the fine a grade allows against the statutory
// amount of its version: a yuan range (处超过2000元不超过8000元罚款), a range
// of multiples or percentages with the statute's fallbacks carried over the
// way the engine carries them, a share of the statutory range, or a tier of
// it under the catalog's tier scheme (处2.75万元以上5万元以下罚款). It returns
// "" when the version has no fine.
func RenderGradeFine(cat *catalog.Catalog, it *catalog.Item, v *catalog.Version, g *catalog.Grade) string {
	fine := fineOf(v)
	if fine == nil || fine.AmountOf(g.Range) == nil || g.Fine == nil {
		return ""
	}
	// A grade cuts the statutory range it names (catalog.FineRange).
	return newAmounts(cat, it).gradeFine(fine.AmountOf(g.Range), g.Fine, cat.SchemeFor(v.Benchmark), verbOf(!fine.Mandatory))
}

// RenderFineRanges states a fine's statutory amount with its further
// ranges as the clause does: 处5万元以上10万元以下罚款；造成严重后果的，处10万
// 元以上30万元以下罚款.
func RenderFineRanges(cat *catalog.Catalog, it *catalog.Item, fine *catalog.Sanction) string {
	out := RenderAmount(cat, it, fine.Amount, !fine.Mandatory)
	for _, r := range fine.Ranges {
		out += "；" + strings.TrimSuffix(r.Label, "的") + "的，" + RenderAmount(cat, it, r.Amount, !fine.Mandatory)
	}
	return out
}

// rangeLabel is what a table prints above a grade of a fine with several
// statutory ranges: the range's words (造成严重后果的), or for the fine's own
// amount the negation of the others' (未造成严重后果的); "" where the fine
// has one range.
func (c *compiled) rangeLabel(fine *catalog.Sanction, g *catalog.Grade) string {
	if fine == nil || len(fine.Ranges) == 0 {
		return ""
	}
	if r := fine.Range(g.Range); r != nil {
		return r.Label
	}
	// The fine's own amount applies where no other range's condition
	// holds: the negation of each in the clause's words (造成严重后果 →
	// 未造成严重后果, 情节严重 → 不具有情节严重的情形), except that words
	// stating a threshold are negated from the rule, whose bound flips
	// (违法所得2万元以上 → 违法所得不足2万元) instead of reading as a
	// circumstance (不具有违法所得2万元以上的情形).
	var neg []string
	for _, r := range fine.Ranges {
		label := strings.TrimSuffix(r.Label, "的")
		words := negateLabel(label)
		if x := c.expr(r.When); x != nil && strings.HasPrefix(words, "不具有") && statesThreshold(label) {
			words = RenderNode(normalize(x.Root, true))
		}
		neg = append(neg, words)
	}
	return strings.Join(neg, "，且") + "的"
}

// statesThreshold reports whether words state a bound of a quantity
// (2万元以上, 不足10份, 超过50平方米).
func statesThreshold(words string) bool {
	for _, w := range []string{"以上", "以下", "超过", "不足", "不满", "未满"} {
		if strings.Contains(words, w) {
			return true
		}
	}
	return false
}

func verbOf(optional bool) string {
	if optional {
		return "可以"
	}
	return ""
}

// fineOf returns the fine sanction of a version, or nil.
func fineOf(v *catalog.Version) *catalog.Sanction {
	for _, s := range v.Sanctions {
		if s.Type == penalty.Fine {
			return s
		}
	}
	return nil
}

// amounts renders amounts for one item.
type amounts struct {
	facts   catalog.Facts
	unit    decimal.Decimal // the rounding grid
	ibAs    catalog.PartyType
	parties []catalog.PartyType
}

func newAmounts(cat *catalog.Catalog, it *catalog.Item) amounts {
	a := amounts{facts: cat.FormulaFacts(it), unit: decimal.NewFromInt(1), ibAs: cat.Thresholds.IndividualBusinessAs, parties: it.Parties}
	if cat.Rounding.Unit != nil && cat.Rounding.Unit.Sign() > 0 {
		a.unit = *cat.Rounding.Unit
	}
	return a
}

// partyLabel names a party of a 单位/个人 split, saying where individual
// businesses fall when the clause does not name them (an engine setting).
func (c amounts) partyLabel(p catalog.PartyType, split []catalog.PartyType) string {
	label := p.Label()
	if p == c.ibAs && !containsParty(split, catalog.IndividualBusiness) &&
		(len(c.parties) == 0 || containsParty(c.parties, catalog.IndividualBusiness)) {
		label += "（含个体工商户）"
	}
	return label
}

func containsParty(ps []catalog.PartyType, p catalog.PartyType) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

func (c amounts) amount(a *catalog.Amount, verb string) string {
	if a == nil {
		return ""
	}
	if a.All != nil {
		return c.rule(a.All.Rule, verb)
	}
	split := make([]catalog.PartyType, len(a.ByParty))
	for i, pr := range a.ByParty {
		split[i] = pr.Party
	}
	parts := make([]string, len(a.ByParty))
	for i, pr := range a.ByParty {
		parts[i] = "对" + c.partyLabel(pr.Party, split) + c.rule(pr.Rule.Rule, verb)
	}
	return joinClauses(parts)
}

// joinClauses joins per-party clauses with "，", or "；" when a clause
// already holds a comma of its own.
func joinClauses(parts []string) string {
	sep := "，"
	for _, p := range parts {
		if strings.ContainsAny(p, "，；") {
			sep = "；"
		}
	}
	return strings.Join(parts, sep)
}

// rule writes "处…罚款" for a rule and its fallbacks.
func (c amounts) rule(r penalty.Rule, verb string) string {
	s := c.sentence(r, c.factorPhrase(r, r.FactorRange().Min, maxPtr(r.FactorRange()), false, false), verb)
	for _, fb := range r.Fallbacks {
		s += "；" + c.trigger(r, fb.When) + "的，" + c.rule(fb.Rule, verb)
	}
	return s
}

func maxPtr(r penalty.Range) *decimal.Decimal {
	if r.Unbounded {
		return nil
	}
	m := r.Max
	return &m
}

// sentence wraps an amount phrase: 处…罚款, or for a per-unit rule
// 按…计，每…处…罚款.
func (c amounts) sentence(r penalty.Rule, phrase, verb string) string {
	if phrase == "" {
		return "不予罚款"
	}
	if r.Kind == penalty.PerUnit {
		label, unit := c.baseLabel(r.Base), c.baseUnit(r.Base)
		if unit == "" {
			unit = "单位"
		}
		return "按" + label + "计，每" + unit + verb + "处" + phrase + "罚款"
	}
	return verb + "处" + phrase + "罚款"
}

// factorPhrase writes an interval in the unit of the rule: yuan for a fixed
// rule, multiples or percent of the base otherwise, with the cap.
func (c amounts) factorPhrase(r penalty.Rule, min decimal.Decimal, max *decimal.Decimal, minEx, maxEx bool) string {
	var s string
	switch r.Kind {
	case penalty.Multiple:
		s = c.baseLabel(r.Base) + spanPhrase(min, max, minEx, maxEx, times)
	case penalty.Percent:
		s = c.baseLabel(r.Base) + spanPhrase(min, max, minEx, maxEx, percent)
	default:
		s = c.yuanPhrase(penalty.Interval{Min: min, Max: max, MinExclusive: minEx, MaxExclusive: maxEx})
	}
	if r.Cap != nil && r.Kind != penalty.Fixed && s != "" {
		s += "且不超过" + yuan(*r.Cap)
	}
	return s
}

// yuanPhrase writes a yuan interval. Bounds on the rounding grid keep the
// author's inclusiveness words; bounds off the grid (a tier split landing on
// 600.5 yuan) are resolved onto the grid as the engine resolves them, and
// written as a closed range.
func (c amounts) yuanPhrase(iv penalty.Interval) string {
	if c.onGrid(iv.Min) && (iv.Max == nil || c.onGrid(*iv.Max)) {
		return spanPhrase(iv.Min, iv.Max, iv.MinExclusive, iv.MaxExclusive, yuan)
	}
	r := resolveOnGrid(iv, c.unit)
	if r.Unbounded {
		return spanPhrase(r.Min, nil, false, false, yuan)
	}
	return spanPhrase(r.Min, &r.Max, false, false, yuan)
}

func (c amounts) onGrid(d decimal.Decimal) bool {
	if c.unit.Sign() <= 0 {
		return true
	}
	_, rem := d.QuoRem(c.unit, 0)
	return rem.IsZero()
}

// resolveOnGrid is the engine's resolution of an interval onto the grid: an
// off-grid point collapses to its nearest grid point rather than vanishing.
func resolveOnGrid(iv penalty.Interval, unit decimal.Decimal) penalty.Range {
	r := iv.Resolve(unit)
	if r.Empty() && iv.Max != nil && !iv.MinExclusive && !iv.MaxExclusive && iv.Min.LessThanOrEqual(*iv.Max) {
		return penalty.Closed(iv.Min, *iv.Max).Round(unit)
	}
	return r
}

// spanPhrase writes an interval with the words of 《民法典》第一千二百五十九条:
// 5000元以上2万元以下, 超过2000元不超过8000元, 5000元以上不足2.75万元,
// 2万元以下, 1万元以上, 2.75万元.
func spanPhrase(min decimal.Decimal, max *decimal.Decimal, minEx, maxEx bool, f func(decimal.Decimal) string) string {
	if max != nil && max.IsZero() && !maxEx {
		return ""
	}
	hasMin := !min.IsZero() || minEx
	switch {
	case max == nil && minEx:
		return "超过" + f(min)
	case max == nil:
		return f(min) + "以上"
	case !hasMin && maxEx:
		return "不足" + f(*max)
	case !hasMin:
		return f(*max) + "以下"
	case min.Equal(*max) && !minEx && !maxEx:
		return f(min)
	}
	lo := f(min) + "以上"
	if minEx {
		lo = "超过" + f(min)
	}
	hi := f(*max) + "以下"
	switch {
	case maxEx:
		hi = "不足" + f(*max)
	case minEx:
		hi = "不超过" + f(*max)
	}
	return lo + hi
}

func yuan(d decimal.Decimal) string  { return penalty.FormatChinese(d) + "元" }
func times(d decimal.Decimal) string { return d.String() + "倍" }
func percent(d decimal.Decimal) string {
	return "百分之" + chineseDecimal(d)
}

var chineseDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// chineseDecimal writes a small non-negative decimal in Chinese numerals:
// 5 → 五, 10 → 十, 7.5 → 七点五, 0.5 → 零点五. Numbers of 1000 and above keep
// their digits.
func chineseDecimal(d decimal.Decimal) string {
	if d.Sign() < 0 || d.GreaterThanOrEqual(decimal.NewFromInt(1000)) {
		return d.String()
	}
	_, frac, _ := strings.Cut(d.String(), ".")
	out := "零"
	if n := int(d.IntPart()); n > 0 {
		out = catalog.ChineseNumber(n)
	}
	if frac != "" {
		out += "点"
		for _, r := range frac {
			out += chineseDigits[r-'0']
		}
	}
	return out
}

func (c amounts) baseFact(name string) *catalog.Fact { return c.facts.Lookup(name) }

func (c amounts) baseLabel(name string) string {
	if f := c.baseFact(name); f != nil {
		return f.Label
	}
	return name
}

func (c amounts) baseUnit(name string) string {
	if f := c.baseFact(name); f != nil {
		if f.Unit == "" && f.Type == catalog.FactMoney {
			return "元"
		}
		return f.Unit
	}
	return ""
}

// trigger writes when a fallback applies: 没有违法所得或者违法所得不足1万元.
func (c amounts) trigger(r penalty.Rule, t penalty.Trigger) string {
	label := c.baseLabel(r.Base)
	var parts []string
	if t.Absent {
		parts = append(parts, label+"未查明")
	}
	if t.Zero {
		parts = append(parts, "没有"+label)
	}
	if t.Below != nil {
		unit := c.baseUnit(r.Base)
		v := penalty.FormatChinese(*t.Below) + unit
		parts = append(parts, label+"不足"+v)
	}
	if t.Undeterminable {
		parts = append(parts, label+"无法确定")
	}
	return strings.Join(parts, "或者")
}

// gradeFine writes a grade's fine against the statutory amount.
func (c amounts) gradeFine(stat *catalog.Amount, gf *catalog.GradeFine, scheme penalty.Scheme, verb string) string {
	if gf.None {
		return "不予罚款"
	}
	var split []catalog.PartyType
	for _, pr := range stat.ByParty {
		split = append(split, pr.Party)
	}
	switch {
	case len(gf.ByParty) > 0:
		var parts []string
		for _, pf := range gf.ByParty {
			ar := stat.For(pf.Party)
			if ar == nil {
				continue
			}
			parts = append(parts, "对"+c.partyLabel(pf.Party, split)+c.gradeOne(ar.Rule, pf.Fine, scheme, verb))
		}
		return joinClauses(parts)
	case stat.All == nil && (gf.Unit == catalog.UnitTier || gf.Unit == catalog.UnitShare):
		var parts []string
		for _, pr := range stat.ByParty {
			parts = append(parts, "对"+c.partyLabel(pr.Party, split)+c.gradeOne(pr.Rule.Rule, gf, scheme, verb))
		}
		return joinClauses(parts)
	case stat.All == nil:
		if len(stat.ByParty) == 0 {
			return ""
		}
		return c.gradeOne(stat.ByParty[0].Rule.Rule, gf, scheme, verb)
	}
	return c.gradeOne(stat.All.Rule, gf, scheme, verb)
}

// gradeOne writes a grade's fine against one statutory rule, with the
// rule's fallbacks carried over the way the engine carries them.
func (c amounts) gradeOne(r penalty.Rule, gf *catalog.GradeFine, scheme penalty.Scheme, verb string) string {
	if gf.None {
		return "不予罚款"
	}
	if gf.Unit == catalog.UnitFormula {
		return c.formula(gf.Formula, verb)
	}
	var s string
	if iv, ok := c.gradeInterval(r, gf, scheme); ok {
		s = c.sentence(r, c.factorPhrase(r, iv.Min, iv.Max, iv.MinExclusive, iv.MaxExclusive), verb)
	} else if capped, ok := c.cappedGrade(r, gf, scheme, verb); ok {
		s = capped
	} else {
		s = verb + "处" + c.opaque(gf, scheme) + "罚款"
	}
	for _, fb := range r.Fallbacks {
		s += "；" + c.trigger(r, fb.When) + "的，" + c.fallbackGrade(r, fb.Rule, gf, scheme, verb)
	}
	return s
}

// cappedGrade writes a tier or share of a capped rule such as "3倍以下且不超过
// 3万元": below the cap the split is a split of the multiples; above it, a
// split of [0, cap] in yuan. Only rules without a minimum split this way.
func (c amounts) cappedGrade(r penalty.Rule, gf *catalog.GradeFine, scheme penalty.Scheme, verb string) (string, bool) {
	if r.Cap == nil || r.Kind == penalty.Fixed || r.Max == nil || !r.Min.IsZero() {
		return "", false
	}
	uncapped := r
	uncapped.Cap = nil
	iv, ok := c.gradeInterval(uncapped, gf, scheme)
	if !ok {
		return "", false
	}
	capIv, ok := c.gradeInterval(penalty.Rule{Kind: penalty.Fixed, Max: r.Cap}, gf, scheme)
	if !ok {
		return "", false
	}
	var factor string
	switch r.Kind {
	case penalty.Multiple:
		factor = times(*r.Max)
	case penalty.Percent:
		factor = "的" + percent(*r.Max)
	default:
		factor = "每" + c.baseUnit(r.Base) + yuan(*r.Max)
	}
	s := c.sentence(uncapped, c.factorPhrase(uncapped, iv.Min, iv.Max, iv.MinExclusive, iv.MaxExclusive), verb)
	s += "；按" + c.baseLabel(r.Base) + factor + "计算超过" + yuan(*r.Cap) + "的，" +
		verb + "处" + c.yuanPhrase(capIv) + "罚款"
	return s, true
}

// gradeInterval is the grade's interval in the unit of the rule (yuan for a
// fixed rule, multiples or percent otherwise). ok is false where the
// interval depends on the base in a way a table cannot state as a range of
// the rule's own unit (a capped or unbounded statutory range).
func (c amounts) gradeInterval(r penalty.Rule, gf *catalog.GradeFine, scheme penalty.Scheme) (penalty.Interval, bool) {
	switch gf.Unit {
	case catalog.UnitYuan, catalog.UnitTimes, catalog.UnitPercent:
		return gf.Span.Interval(), true
	case catalog.UnitShare:
		if r.Max == nil || (r.Cap != nil && r.Kind != penalty.Fixed) {
			return penalty.Interval{}, false
		}
		return shareOf(r.FactorRange(), gf.Span), true
	case catalog.UnitTier:
		if r.Max == nil || (r.Cap != nil && r.Kind != penalty.Fixed) {
			return penalty.Interval{}, false
		}
		iv, err := scheme.Split(r.FactorRange(), gf.Tier)
		return iv, err == nil
	}
	return penalty.Interval{}, false
}

// fallbackGrade writes the grade's part of a fallback rule: a share or tier
// of the fallback's range as of the main rule's, and a range of multiples
// mapped proportionally onto the fallback range (the engine's rule).
func (c amounts) fallbackGrade(main, fb penalty.Rule, gf *catalog.GradeFine, scheme penalty.Scheme, verb string) string {
	switch gf.Unit {
	case catalog.UnitTimes, catalog.UnitPercent:
		if fb.Max == nil {
			return c.rule(fb, verb)
		}
		if main.Max == nil || main.Max.Equal(main.Min) {
			return c.rule(fb, verb)
		}
		lo, width := main.Min, main.Max.Sub(main.Min)
		frac := &catalog.Span{Min: gf.Span.Min.Sub(lo).DivRound(width, 16),
			MinExclusive: gf.Span.MinExclusive, MaxExclusive: gf.Span.MaxExclusive}
		hi := gf.Span.Max.Sub(lo).DivRound(width, 16)
		frac.Max = &hi
		return c.gradeOne(fb, &catalog.GradeFine{Unit: catalog.UnitShare, Span: frac}, scheme, verb)
	}
	return c.gradeOne(fb, gf, scheme, verb)
}

// shareOf maps a share [a, b] of a range onto it: L + a·(U−L) … L + b·(U−L).
func shareOf(r penalty.Range, s *catalog.Span) penalty.Interval {
	d := r.Max.Sub(r.Min)
	max := r.Min.Add(d.Mul(*s.Max))
	return penalty.Interval{Min: r.Min.Add(d.Mul(s.Min)), Max: &max, MinExclusive: s.MinExclusive, MaxExclusive: s.MaxExclusive}
}

// opaque describes a share or tier of a statutory range that a table cannot
// state in the rule's unit.
func (c amounts) opaque(gf *catalog.GradeFine, scheme penalty.Scheme) string {
	if gf.Unit == catalog.UnitTier {
		return "法定罚款幅度内" + gf.Tier.Label() + "部分（按" + SchemeLabel(scheme) + "划分）的"
	}
	max := decimal.NewFromInt(1)
	if gf.Span != nil && gf.Span.Max != nil {
		max = *gf.Span.Max
	}
	var min decimal.Decimal
	if gf.Span != nil {
		min = gf.Span.Min
	}
	return "法定罚款幅度自下限起" + percent(min.Shift(2)) + "至" + percent(max.Shift(2)) + "部分的"
}

// SchemeLabel is the short Chinese name of a tier scheme.
func SchemeLabel(s penalty.Scheme) string {
	switch s {
	case penalty.Midpoint:
		return "中间值法"
	case penalty.Lower30Upper30:
		return "上下百分之三十法"
	case penalty.MaxOnly4060:
		return "上限比例法"
	}
	return string(s)
}

// SchemeNote explains how a tier scheme splits a range into 从轻, 一般 and
// 从重, with its source, for the notes of a table.
func SchemeNote(s penalty.Scheme) string {
	switch s {
	case penalty.Midpoint:
		return "“从轻”“一般”“从重”阶次按中间值法划分：从轻为法定幅度下限以上、不足中间值，一般为中间值，从重为中间值以上、上限以下（《广东省生态环境行政处罚自由裁量权规定》第十二条）。"
	case penalty.Lower30Upper30:
		return "“从轻”“一般”“从重”阶次按上下百分之三十法划分：从轻为法定幅度自下限起百分之三十以内，从重为自上限起百分之三十以内，一般为其间（市场监管领域指导意见，条文待核实）。"
	case penalty.MaxOnly4060:
		return "仅规定罚款上限的，从轻为上限的百分之二十以下，一般为上限的百分之四十以上百分之六十以下，从重为超过上限的百分之六十（地方规定，据二手来源）。"
	}
	return "罚款阶次按“" + string(s) + "”划分。"
}

// formula writes a grade's computed fine as a standard does: 基础罚款1万元，
// 超标因子超过1个的，每增加1个增加1万元（不足整数倍的四舍五入）, with the
// formula's own bounds. The amount is in yuan whatever the statute's unit.
func (c amounts) formula(f *catalog.FineFormula, verb string) string {
	name, _ := f.OfFact()
	what, unit := f.Quantity(c.facts.Lookup(name))
	var b strings.Builder
	if verb != "" {
		b.WriteString(verb + "处罚款，")
	}
	step := f.StepOrOne()
	// The rounding is stated as the standard states it, even where the
	// units are whole (每增加1个超标因子…，不足整数倍的按四舍五入取整).
	rounding := "（" + f.Rounding.Words() + "）"
	if f.Base.IsZero() && f.Above.IsZero() {
		// 按逾期天数每日50元计算: a rate with no base.
		each := "每" + step.String() + unit
		if step.Equal(decimal.NewFromInt(1)) && utf8.RuneCountInString(unit) == 1 {
			each = "每" + unit
		}
		b.WriteString("按" + what + each + yuan(f.Per) + "计算" + rounding)
	} else {
		if !f.Base.IsZero() {
			b.WriteString("基础罚款" + yuan(f.Base) + "，")
		}
		b.WriteString(what)
		if f.Above.Sign() > 0 {
			b.WriteString("超过" + f.Above.String() + unit + "的，")
		}
		b.WriteString("每增加" + step.String() + unit + "增加" + yuan(f.Per) + rounding)
	}
	if f.Min != nil {
		b.WriteString("，最低不少于" + yuan(*f.Min))
	}
	if f.Max != nil {
		b.WriteString("，最高不超过" + yuan(*f.Max))
	}
	return b.String()
}
