package catalog

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/jizhun/jizhun/penalty"
)

// Date is a calendar date, counted in days since 1970-01-01. Dates in this
// domain have no time of day: periods end at 24:00 of their last day.
type Date int32

// ParseDate reads a YYYY-MM-DD date and rejects impossible ones (2023-02-30).
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return 0, errorP("%q is not a date in the form YYYY-MM-DD", s)
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, errorP("%q is not a real date", s)
	}
	if t.Year() < 1900 || t.Year() > 2200 {
		return 0, errorP("%q is outside the years 1900–2200", s)
	}
	return DateOf(t.Year(), t.Month(), t.Day()), nil
}

// DateOf returns the date y-m-d; out-of-range days normalise as in time.Date.
func DateOf(y int, m time.Month, d int) Date {
	return Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// Time returns the date at 00:00 UTC.
func (d Date) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

func (d Date) String() string { return d.Time().Format("2006-01-02") }

// MarshalText renders the date as YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// AddYears returns the date n years later under 《民法典》 art. 202: the
// corresponding day of the last month, or its last day where there is no
// corresponding day (29 February → 28 February).
func (d Date) AddYears(n int) Date { return d.addMonths(12 * n) }

func (d Date) addMonths(n int) Date {
	t := d.Time()
	y, m, day := t.Year(), int(t.Month())-1+n, t.Day()
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	last := time.Date(y, time.Month(m+2), 0, 0, 0, 0, 0, time.UTC).Day()
	return DateOf(y, time.Month(m+1), min(day, last))
}

// AddDays returns the date n days later.
func (d Date) AddDays(n int) Date { return d + Date(n) }

// Window is a look-back period such as "1y" (近一年) or "none" (ever).
type Window struct {
	Pos    Pos
	None   bool
	Years  int
	Months int
	Days   int
}

// ParseWindow reads "none", "<n>y", "<n>m" or "<n>d".
func ParseWindow(s string) (Window, error) {
	if s == "none" {
		return Window{None: true}, nil
	}
	if len(s) < 2 {
		return Window{}, errorP("window %q: want none, <n>y, <n>m or <n>d", s)
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	// Any length up to a century: "两年内", "18个月内", "180日内".
	unit := map[byte]int{'y': 100, 'm': 1200, 'd': 36500}[s[len(s)-1]]
	if err != nil || n <= 0 || (unit > 0 && n > unit) {
		return Window{}, errorP("window %q: want none, <n>y, <n>m or <n>d, from 1 day to 100 years (100y, 1200m, 36500d)", s)
	}
	switch s[len(s)-1] {
	case 'y':
		return Window{Years: n}, nil
	case 'm':
		return Window{Months: n}, nil
	case 'd':
		return Window{Days: n}, nil
	}
	return Window{}, errorP("window %q: want none, <n>y, <n>m or <n>d", s)
}

// Start returns the first day inside the window that ends at anchor:
// "近一年" back from an act on 2024-05-01 starts on 2023-05-01
// (粤环发〔2021〕7号 art. 22, [I] for the day count).
func (w Window) Start(anchor Date) Date {
	switch {
	case w.None:
		return Date(-1 << 30)
	case w.Years > 0:
		return anchor.AddYears(-w.Years)
	case w.Months > 0:
		return anchor.addMonths(-w.Months)
	}
	return anchor.AddDays(-w.Days)
}

func (w Window) String() string {
	switch {
	case w.None:
		return "none"
	case w.Years > 0:
		return strconv.Itoa(w.Years) + "y"
	case w.Months > 0:
		return strconv.Itoa(w.Months) + "m"
	}
	return strconv.Itoa(w.Days) + "d"
}

// Label renders the window in Chinese ("一年内", "两年内", "首次").
func (w Window) Label() string {
	switch {
	case w.None:
		return ""
	case w.Years > 0:
		return fmt.Sprintf("%d年内", w.Years)
	case w.Months > 0:
		return fmt.Sprintf("%d个月内", w.Months)
	}
	return fmt.Sprintf("%d日内", w.Days)
}

// FirstDay says whether the first day of a look-back window counts.
type FirstDay string

// The first-day rules of a look-back window.
const (
	// FirstDayIncluded: the window of 一年内 back from an act on
	// 2026-05-10 starts on 2025-05-10 (the default).
	FirstDayIncluded FirstDay = "included"
	// FirstDayExcluded: it starts on 2025-05-11, as a period counted
	// forward leaves out its first day (《民法典》第二百零一条).
	FirstDayExcluded FirstDay = "excluded"
)

// Label is the rule in Chinese.
func (f FirstDay) Label() string {
	if f == FirstDayExcluded {
		return "首日不计入"
	}
	return "首日计入"
}

// FirstDay returns the first day the window counts back from anchor,
// under the first-day rule f.
func (w Window) FirstDay(anchor Date, f FirstDay) Date {
	start := w.Start(anchor)
	if f == FirstDayExcluded && !w.None {
		start++
	}
	return start
}

// PartyType is the kind of party: 个人, 单位, 个体工商户.
type PartyType string

const (
	Individual         PartyType = "individual"          // 公民 / 个人
	Organization       PartyType = "organization"        // 法人或者其他组织 / 单位
	IndividualBusiness PartyType = "individual_business" // 个体工商户
)

// Valid reports whether p is one of the three party types.
func (p PartyType) Valid() bool {
	return p == Individual || p == Organization || p == IndividualBusiness
}

// Label is the Chinese name of the party type.
func (p PartyType) Label() string {
	switch p {
	case Individual:
		return "个人"
	case Organization:
		return "单位"
	case IndividualBusiness:
		return "个体工商户"
	}
	return string(p)
}

// Effect is what a factor does to the decision.
type Effect string

const (
	EffectLighter  Effect = "lighter"  // 从轻
	EffectMitigate Effect = "mitigate" // 减轻
	EffectHeavier  Effect = "heavier"  // 从重
	EffectGeneral  Effect = "general"  // used only by policies.mixed_factors
)

// Label is the Chinese name of the effect.
func (e Effect) Label() string {
	switch e {
	case EffectLighter:
		return "从轻"
	case EffectMitigate:
		return "减轻"
	case EffectHeavier:
		return "从重"
	case EffectGeneral:
		return "一般"
	}
	return string(e)
}

// Cond is a condition written in the expression language of the catalog,
// with where it stands in the YAML file, so that the engine can report a
// compile error at the exact line and column.
type Cond struct {
	Src string
	Pos Pos
	// at holds the file position of each rune of Src, then of the place just
	// after it, when the loader could align the scalar with the file.
	at []Pos
	// factsByItem is the catalog's index of the facts its items declare,
	// shared by all its conditions, so that a condition naming another
	// item's fact is told where that fact is declared.
	factsByItem *factIndex
}

// factIndex maps a fact name to the codes of the items that declare it.
type factIndex struct{ items map[string][]string }

// ItemFacts returns the names of the facts the catalog's items declare
// among their own, sorted.
func (c *Cond) ItemFacts() []string {
	if c == nil || c.factsByItem == nil {
		return nil
	}
	names := make([]string, 0, len(c.factsByItem.items))
	for name := range c.factsByItem.items {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// DeclaredBy returns the codes of the catalog's items that declare a fact
// of this name among their own facts, or nil.
func (c *Cond) DeclaredBy(name string) []string {
	if c == nil || c.factsByItem == nil {
		return nil
	}
	return c.factsByItem.items[name]
}

// Rewrite returns a condition whose source src stands in for c's: rune i
// of src came from rune origin[i] of c.Src. Problems found in the
// rewritten text are reported where their runes stand in the file, so
// that a condition corrected for one mistake is still checked for the
// others in the same run.
func (c *Cond) Rewrite(src string, origin []int) *Cond {
	at := make([]Pos, len(origin)+1)
	for i, o := range origin {
		at[i] = c.PosAt(o)
	}
	at[len(origin)] = c.PosAt(len([]rune(c.Src)))
	return &Cond{Src: src, Pos: c.Pos, at: at, factsByItem: c.factsByItem}
}

// NewCond makes a condition that is not from a file (for tests and tools).
func NewCond(src string) *Cond { return &Cond{Src: src} }

// PosAt maps a rune offset in Src to a position in the file. A condition
// that is not from a file (no valid Pos) counts lines and columns in Src
// itself, from 1:1.
func (c *Cond) PosAt(offset int) Pos {
	if len(c.at) > 0 {
		return c.at[max(0, min(offset, len(c.at)-1))]
	}
	line, col := 0, 0
	for i, r := range []rune(c.Src) {
		if i == offset {
			break
		}
		if r == '\n' {
			line++
			col = 0
		} else {
			col++
		}
	}
	p := c.Pos
	switch {
	case !p.IsValid():
		p.Line, p.Col = line+1, col+1
	case line == 0:
		p.Col += col
	}
	return p
}

// FactType is the type of a case fact.
type FactType string

const (
	FactBool   FactType = "bool"
	FactInt    FactType = "int"
	FactNumber FactType = "number" // a decimal quantity: area, weight, …
	FactMoney  FactType = "money"  // yuan
	FactEnum   FactType = "enum"
	FactDate   FactType = "date"
	// FactEnumList is a set of the declared values (the pollutants that
	// exceed their limits): conditions test it with len(x) and "v" in x.
	FactEnumList FactType = "enum_list"
)

// Numeric reports whether the fact holds a number.
func (t FactType) Numeric() bool { return t == FactInt || t == FactNumber || t == FactMoney }

// Fact declares one fact a case states: its type, label and bounds.
type Fact struct {
	Pos      Pos              `yaml:"-"`
	Name     string           `yaml:"-"`
	Type     FactType         `yaml:"type" required:"true"`
	Label    string           `yaml:"label" required:"true"`
	LabelEn  string           `yaml:"label_en"`
	Unit     string           `yaml:"unit"`
	Min      *decimal.Decimal `yaml:"min"`
	Max      *decimal.Decimal `yaml:"max"`
	Required bool             `yaml:"required"`
	Values   EnumValues       `yaml:"values"`
	// Undeterminable lets a money fact take the value "undeterminable"
	// (违法所得无法确定).
	Undeterminable bool `yaml:"undeterminable"`
	// Aggravates names the direction in which the fact makes a violation
	// more serious: "higher" for numbers (a larger area is worse), "true"
	// for booleans; the consistency checks test monotonicity along it.
	Aggravates string `yaml:"aggravates"`
	// Default is the value used when a case does not state the fact. Without
	// a default, a condition that reads an unstated fact is a case error.
	Default     *Default `yaml:"default"`
	Description string   `yaml:"description"`
}

// Default is a fact's declared default value.
type Default struct {
	Pos   Pos
	raw   string
	tag   string
	Value Value
}

func (df *Default) decodeNode(d *decoder, n *yaml.Node) {
	df.Pos = d.pos(n)
	if s, ok := d.scalar(n, "default"); ok {
		df.raw, df.tag = s, n.Tag
	}
}

// Facts is an ordered fact schema.
type Facts []*Fact

// Lookup returns the fact with the given name.
func (fs Facts) Lookup(name string) *Fact {
	for _, f := range fs {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// EnumValue is one value of an enum fact with its Chinese label.
type EnumValue struct {
	Pos   Pos
	Name  string
	Label string
}

// EnumValues is the ordered list of an enum's values, mildest first by
// convention so that tables and checks can read an order of severity.
type EnumValues []EnumValue

// Index returns the position of the named value, or -1.
func (vs EnumValues) Index(name string) int {
	for i, v := range vs {
		if v.Name == name {
			return i
		}
	}
	return -1
}

// Amount is the amount rule of a fine: one rule for every party, or one per
// party type (对单位…对个人…).
type Amount struct {
	Pos     Pos
	All     *AmountRule
	ByParty []PartyAmountRule
}

// PartyAmountRule is the amount rule for one party type.
type PartyAmountRule struct {
	Party PartyType
	Rule  *AmountRule
}

// For returns the amount rule that applies to a party type (already mapped
// for individual businesses), or nil when the clause does not reach it.
func (a *Amount) For(p PartyType) *AmountRule {
	if a.All != nil {
		return a.All
	}
	for _, pr := range a.ByParty {
		if pr.Party == p {
			return pr.Rule
		}
	}
	return nil
}

// AmountRule is the YAML form of a [penalty.Rule]; Rule holds the built rule.
type AmountRule struct {
	Pos       Pos               `yaml:"-"`
	Min       *decimal.Decimal  `yaml:"min"`
	Max       *decimal.Decimal  `yaml:"max"`
	Base      string            `yaml:"base"`
	Times     *Span             `yaml:"times"`
	Percent   *Span             `yaml:"percent"`
	PerUnit   *Span             `yaml:"per_unit"`
	Cap       *decimal.Decimal  `yaml:"cap"`
	Fallbacks []*AmountFallback `yaml:"fallbacks"`

	Rule penalty.Rule `yaml:"-"`
}

// AmountFallback replaces the rule when the base is absent, zero, below a
// threshold or undeterminable.
type AmountFallback struct {
	Pos    Pos              `yaml:"-"`
	When   []string         `yaml:"when"` // absent | zero | undeterminable
	Below  *decimal.Decimal `yaml:"below"`
	Amount *AmountRule      `yaml:"amount" required:"true"`
}

// Span is a pair of bounds with inclusiveness, in the unit of its context
// (yuan, times, percent, or a share of a range).
type Span struct {
	Pos          Pos              `yaml:"-"`
	Min          decimal.Decimal  `yaml:"min"`
	Max          *decimal.Decimal `yaml:"max"`
	MinExclusive bool             `yaml:"min_exclusive"`
	MaxExclusive bool             `yaml:"max_exclusive"`
}

// Interval returns the span as a penalty.Interval.
func (s *Span) Interval() penalty.Interval {
	return penalty.Interval{Min: s.Min, Max: s.Max, MinExclusive: s.MinExclusive, MaxExclusive: s.MaxExclusive}
}

// FineUnit is how a grade states its fine.
type FineUnit string

const (
	UnitYuan    FineUnit = "yuan"    // {min, max} in yuan
	UnitTimes   FineUnit = "times"   // multiples of the base
	UnitPercent FineUnit = "percent" // percent of the base
	UnitShare   FineUnit = "share"   // a share (0–1) of the statutory range
	UnitTier    FineUnit = "tier"    // a tier of the statutory range under the tier scheme
)

// GradeFine is the fine a grade allows. Exactly one form is set: None (no
// fine at this grade; only for optional fines), a Tier of the statutory
// range, a Span in Unit, a Formula (Unit UnitFormula), or one GradeFine
// per party type.
type GradeFine struct {
	Pos     Pos
	None    bool
	Tier    penalty.Tier
	Unit    FineUnit
	Span    *Span
	Formula *FineFormula
	ByParty []PartyGradeFine
}

// PartyGradeFine is a grade's fine for one party type.
type PartyGradeFine struct {
	Party PartyType
	Fine  *GradeFine
}

// For returns the grade fine for a party type, or nil.
func (g *GradeFine) For(p PartyType) *GradeFine {
	if len(g.ByParty) == 0 {
		return g
	}
	for _, pf := range g.ByParty {
		if pf.Party == p {
			return pf.Fine
		}
	}
	return nil
}

// RuleLabel renders a citation as 《instrument》第N条第N款第N项.
func (c *Citation) String() string {
	if c == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString("《")
	b.WriteString(c.Instrument)
	b.WriteString("》")
	if c.Article > 0 {
		fmt.Fprintf(&b, "第%s条", chineseNumber(c.Article))
	}
	if c.Paragraph > 0 {
		fmt.Fprintf(&b, "第%s款", chineseNumber(c.Paragraph))
	}
	if c.Item > 0 {
		fmt.Fprintf(&b, "第（%s）项", chineseNumber(c.Item))
	}
	return b.String()
}

// chineseNumber writes 1–999 the way statutes number articles (第一百一十八条).
func chineseNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	if n <= 0 || n >= 1000 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	h, t, u := n/100, n/10%10, n%10
	if h > 0 {
		b.WriteString(digits[h] + "百")
		if t == 0 && u != 0 {
			b.WriteString("零")
		}
	}
	if t > 0 {
		if !(t == 1 && h == 0) {
			b.WriteString(digits[t])
		} else if h > 0 {
			b.WriteString("一")
		}
		b.WriteString("十")
	}
	if u > 0 {
		b.WriteString(digits[u])
	}
	return b.String()
}

// ChineseNumber is chineseNumber for other packages (tables).
func ChineseNumber(n int) string { return chineseNumber(n) }

var condType = reflect.TypeOf((*Cond)(nil))

// Conditions returns every condition written in the item, in the order of
// its fields: the limitation's, the versions' (or the short form's)
// preconditions, grades, exemptions and factors. It walks the item's
// fields, so that a condition added to the model is never missed.
func (it *Item) Conditions() []*Cond {
	var out []*Cond
	seen := map[any]bool{} // a short form's parts are shared with its version
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() || seen[v.Interface()] {
				return
			}
			seen[v.Interface()] = true
			if v.Type() == condType {
				out = append(out, v.Interface().(*Cond))
				return
			}
			walk(v.Elem())
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i))
			}
		}
	}
	if it != nil {
		walk(reflect.ValueOf(it).Elem())
	}
	return out
}

// UnitFormula is a grade whose fine the standard computes from a fact
// (FineFormula) rather than states as a range.
const UnitFormula FineUnit = "formula"

// UnitRounding is how a formula's count of units is rounded to a whole
// number, as the standard states it.
type UnitRounding string

const (
	// RoundHalfUp is 四舍五入: 不足整数倍的按四舍五入取整.
	RoundHalfUp UnitRounding = "half_up"
	// RoundUp counts every started unit (不足一个的按一个计).
	RoundUp UnitRounding = "up"
	// RoundDown counts whole units only (不足一个的不计).
	RoundDown UnitRounding = "down"
)

// Known reports whether r is one of the roundings.
func (r UnitRounding) Known() bool { return r == RoundHalfUp || r == RoundUp || r == RoundDown }

// FineFormula is a grade's fine computed from the case in exact decimals:
//
//	amount = Base + Per × round((of − Above) ÷ Step)   when of > Above
//	amount = Base                                      otherwise
//
// where of is the value of a numeric fact, or the number of values of an
// enum_list fact (len(name)), and round is Rounding. The amount is then
// kept within [Min, Max] where stated, and the decision within the
// statutory range. Step defaults to 1 and must be above zero.
type FineFormula struct {
	Pos      Pos              `yaml:"-"`
	Base     decimal.Decimal  `yaml:"base" required:"true"`
	Per      decimal.Decimal  `yaml:"per" required:"true"`
	Of       string           `yaml:"of" required:"true"`
	Above    decimal.Decimal  `yaml:"above"`
	Step     *decimal.Decimal `yaml:"step"`
	Rounding UnitRounding     `yaml:"rounding" required:"true"`
	Min      *decimal.Decimal `yaml:"min"`
	Max      *decimal.Decimal `yaml:"max"`

	OfPos       Pos `yaml:"-" posof:"of"`
	StepPos     Pos `yaml:"-" posof:"step"`
	RoundingPos Pos `yaml:"-" posof:"rounding"`
}

// FormulaFacts lists what a formula's `of` may name in an item: the
// catalog's and the item's facts, then the counters of the history the
// item's conditions read, each as the whole number of times it is
// (Count.Fact: int, at least 0, unit 次) — "每多一次增加…".
func (c *Catalog) FormulaFacts(it *Item) Facts {
	out := c.AllFacts(it)
	for _, cs := range [][]*Count{c.Counts, it.Counts} {
		for _, x := range cs {
			out = append(out, x.Fact())
		}
	}
	return out
}

// OfFact returns the name of the fact the formula counts, and whether it
// counts the values of a list (len(name)) rather than reading a number.
func (f *FineFormula) OfFact() (name string, isLen bool) {
	s := strings.TrimSpace(f.Of)
	if inner, ok := strings.CutPrefix(s, "len("); ok {
		if inner, ok := strings.CutSuffix(inner, ")"); ok {
			return strings.TrimSpace(inner), true
		}
	}
	return s, false
}

// StepOrOne is the formula's step, 1 when not stated.
func (f *FineFormula) StepOrOne() decimal.Decimal {
	if f.Step == nil {
		return decimal.NewFromInt(1)
	}
	return *f.Step
}

// Units is the rounded count of units above the threshold for of; never
// negative.
func (f *FineFormula) Units(of decimal.Decimal) decimal.Decimal {
	if !of.GreaterThan(f.Above) {
		return decimal.Zero
	}
	step := f.StepOrOne()
	if step.Sign() <= 0 {
		return decimal.Zero // rejected by the loader
	}
	// Exact: of − above = q·step + rem with 0 ≤ rem < step, so the
	// rounding reads the remainder rather than a truncated quotient.
	q, rem := of.Sub(f.Above).QuoRem(step, 0)
	switch f.Rounding {
	case RoundUp:
		if rem.Sign() > 0 {
			q = q.Add(decimal.NewFromInt(1))
		}
	case RoundHalfUp:
		if rem.Add(rem).GreaterThanOrEqual(step) {
			q = q.Add(decimal.NewFromInt(1))
		}
	}
	return q
}

// Amount is the formula's amount for of, before any bound applies.
func (f *FineFormula) Amount(of decimal.Decimal) decimal.Decimal {
	return f.Base.Add(f.Per.Mul(f.Units(of)))
}

// Bound keeps an amount within the formula's own Min and Max.
func (f *FineFormula) Bound(x decimal.Decimal) decimal.Decimal {
	if f.Min != nil && x.LessThan(*f.Min) {
		x = *f.Min
	}
	if f.Max != nil && x.GreaterThan(*f.Max) {
		x = *f.Max
	}
	return x
}

// WholeUnits reports whether the formula counts whole units of a whole
// number (每日, 每次: a step of 1 over a count, days or list values above a
// whole threshold), so that its rounding never applies and need not be
// stated.
func (f *FineFormula) WholeUnits(fact *Fact) bool {
	_, isLen := f.OfFact()
	whole := isLen || fact != nil && fact.Type == FactInt
	return whole && f.StepOrOne().Equal(decimal.NewFromInt(1)) && f.Above.IsInteger()
}

// Words states the rounding as a standard writes it.
func (r UnitRounding) Words() string {
	switch r {
	case RoundUp:
		return "不足整数倍的按整数倍计"
	case RoundDown:
		return "不足整数倍的部分不计"
	}
	return "不足整数倍的四舍五入"
}

// Quantity names, in Chinese, what a formula counts and the unit it is
// counted in: the fact's label and unit, or for len(list) the label and 个.
func (f *FineFormula) Quantity(fact *Fact) (what, unit string) {
	_, isLen := f.OfFact()
	if fact == nil {
		return f.Of, ""
	}
	if isLen {
		return fact.Label, "个"
	}
	return fact.Label, fact.Unit
}
