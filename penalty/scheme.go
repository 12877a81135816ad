package penalty

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Tier is a degree of severity within a range: 从轻, 一般, 从重.
type Tier uint8

const (
	Lighter Tier = iota + 1 // 从轻
	General                 // 一般
	Heavier                 // 从重
)

var tierNames = [...]string{Lighter: "lighter", General: "general", Heavier: "heavier"}
var tierLabels = [...]string{Lighter: "从轻", General: "一般", Heavier: "从重"}

func (t Tier) String() string {
	if int(t) < len(tierNames) && tierNames[t] != "" {
		return tierNames[t]
	}
	return fmt.Sprintf("Tier(%d)", t)
}

// Label is the Chinese name of the tier.
func (t Tier) Label() string {
	if int(t) < len(tierLabels) && tierLabels[t] != "" {
		return tierLabels[t]
	}
	return t.String()
}

// ParseTier reads "lighter", "general" or "heavier".
func ParseTier(s string) (Tier, bool) {
	for t, name := range tierNames {
		if name != "" && name == s {
			return Tier(t), true
		}
	}
	return 0, false
}

// Scheme is a named rule that splits a range into tiers. The schemes are the
// ones local standards use (粤环发〔2021〕7号 第十二条 and others); which one applies is a catalog setting,
// never a built-in choice, because the sources disagree.
type Scheme string

const (
	// Midpoint: 从轻 [L, M), 一般 = M, 从重 [M, U], with M = (L+U)/2.
	// Source: 《广东省生态环境行政处罚自由裁量权规定》(粤环发〔2021〕7号) art. 12(2) [V].
	Midpoint Scheme = "midpoint"
	// Lower30Upper30: 从轻 the lower 30 % of [L, U], 一般 the middle 40 %
	// (both ends excluded), 从重 the upper 30 %. Source: SAMR guidance
	// 国市监法规〔2022〕2号 — wording from memory [M], so catalogs that use it
	// say so.
	Lower30Upper30 Scheme = "lower_upper_30"
	// MaxOnly4060: for "Y元以下" clauses, 从轻 up to 20 % of Y, 一般 40–60 %,
	// 从重 above 60 %. Source: a local rule quoted on secondary pages [S]
	// ("只规定最高罚款数额没有规定最低罚款数额的，一般处罚按最高罚款数额的40%至60%确定，
	// 从轻处罚按最高罚款数额的20%以下确定"), not verified in an official text.
	MaxOnly4060 Scheme = "max_only_40_60"
)

// Schemes lists the known schemes in documentation order.
func Schemes() []Scheme { return []Scheme{Midpoint, Lower30Upper30, MaxOnly4060} }

// Known reports whether s names a scheme this package implements.
func (s Scheme) Known() bool {
	for _, k := range Schemes() {
		if s == k {
			return true
		}
	}
	return false
}

// Label names the scheme in Chinese, as reasons and tables state it: the
// rule by which a range is divided into its 从轻, 一般 and 从重 parts.
func (s Scheme) Label() string {
	switch s {
	case Midpoint:
		return "以中间值划分从轻、从重部分的规则"
	case Lower30Upper30:
		return "以幅度下端百分之三十为从轻部分、上端百分之三十为从重部分的规则"
	case MaxOnly4060:
		return "以罚款上限的百分之二十以下为从轻部分、百分之四十至百分之六十为一般部分、超过百分之六十为从重部分的规则"
	}
	return "本基准规定的划分规则"
}

// ErrUnboundedRange is returned when a scheme that needs a maximum is applied
// to a min-only range.
var ErrUnboundedRange = fmt.Errorf("the range has no maximum, so it cannot be split into tiers")

var (
	pct20 = decimal.RequireFromString("0.2")
	pct30 = decimal.RequireFromString("0.3")
	pct40 = decimal.RequireFromString("0.4")
	pct60 = decimal.RequireFromString("0.6")
	half  = decimal.RequireFromString("0.5")
)

// Split returns the part of r that the scheme assigns to tier, as an author
// would write it (with exclusive bounds where the scheme has them). Resolve
// it against the rounding unit to get a closed range.
func (s Scheme) Split(r Range, tier Tier) (Interval, error) {
	if r.Unbounded {
		return Interval{}, ErrUnboundedRange
	}
	l, u := r.Min, r.Max
	d := u.Sub(l)
	at := func(f decimal.Decimal) decimal.Decimal { return l.Add(d.Mul(f)) }
	iv := func(min, max decimal.Decimal, minEx, maxEx bool) Interval {
		return Interval{Min: min, Max: &max, MinExclusive: minEx, MaxExclusive: maxEx}
	}
	switch s {
	case Midpoint:
		m := at(half)
		switch tier {
		case Lighter:
			return iv(l, m, false, !d.IsZero()), nil
		case General:
			return iv(m, m, false, false), nil
		case Heavier:
			return iv(m, u, false, false), nil
		}
	case Lower30Upper30:
		lo, hi := at(pct30), u.Sub(d.Mul(pct30))
		switch tier {
		case Lighter:
			return iv(l, lo, false, false), nil
		case General:
			return iv(lo, hi, true, true), nil
		case Heavier:
			return iv(hi, u, false, false), nil
		}
	case MaxOnly4060:
		clamp := func(x decimal.Decimal) decimal.Decimal { return decimal.Min(decimal.Max(x, l), u) }
		switch tier {
		case Lighter:
			return iv(l, clamp(u.Mul(pct20)), false, false), nil
		case General:
			return iv(clamp(u.Mul(pct40)), clamp(u.Mul(pct60)), false, false), nil
		case Heavier:
			return iv(clamp(u.Mul(pct60)), u, true, false), nil
		}
	default:
		return Interval{}, fmt.Errorf("unknown tier scheme %q", string(s))
	}
	return Interval{}, fmt.Errorf("unknown tier %v", tier)
}
