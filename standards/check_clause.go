package standards

import (
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/penalty"
)

// This file reads what a quoted clause says: the amounts it states (in
// yuan, multiples and percentages, in Arabic or Chinese numerals) and
// whether it makes a sanction mandatory ("处", "并处") or leaves it to the
// agency ("可以处", "可处", "可以并处").

const chkCNDigits = "零〇一二两三四五六七八九十百千万"

var (
	chkYuanRE    = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)(万)?元|([` + chkCNDigits + `]+)元`)
	chkTimesRE   = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?|[` + chkCNDigits + `]+)倍`)
	chkPercentRE = regexp.MustCompile(`百分之([0-9]+(?:\.[0-9]+)?|[` + chkCNDigits + `]+)|([0-9]+(?:\.[0-9]+)?)%`)
)

// chkClauseAmounts are the amounts a clause text states.
type chkClauseAmounts struct {
	yuan, times, percent []decimal.Decimal
}

func (a chkClauseAmounts) empty() bool {
	return len(a.yuan) == 0 && len(a.times) == 0 && len(a.percent) == 0
}

// chkParseClause extracts the amounts of a clause text.
func chkParseClause(text string) chkClauseAmounts {
	var out chkClauseAmounts
	for _, m := range chkYuanRE.FindAllStringSubmatch(text, -1) {
		var x decimal.Decimal
		var ok bool
		if m[1] != "" {
			x, ok = chkArabic(m[1])
			if ok && m[2] != "" {
				x = x.Mul(decimal.NewFromInt(10000))
			}
		} else {
			x, ok = chkChinese(m[3])
		}
		if ok {
			out.yuan = append(out.yuan, x)
		}
	}
	for _, m := range chkTimesRE.FindAllStringSubmatch(text, -1) {
		if x, ok := chkNumeral(m[1]); ok {
			out.times = append(out.times, x)
		}
	}
	for _, m := range chkPercentRE.FindAllStringSubmatch(text, -1) {
		s := m[1]
		if s == "" {
			s = m[2]
		}
		if x, ok := chkNumeral(s); ok {
			out.percent = append(out.percent, x)
		}
	}
	return out
}

func chkNumeral(s string) (decimal.Decimal, bool) {
	if s == "" {
		return decimal.Decimal{}, false
	}
	if s[0] >= '0' && s[0] <= '9' {
		return chkArabic(s)
	}
	return chkChinese(s)
}

func chkArabic(s string) (decimal.Decimal, bool) {
	x, err := penalty.ParseYuan(s)
	return x, err == nil
}

// chkChinese reads a Chinese numeral up to the 万 (五百, 二万, 一万五千,
// 一百一十八).
func chkChinese(s string) (decimal.Decimal, bool) {
	digits := map[rune]int64{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	units := map[rune]int64{'十': 10, '百': 100, '千': 1000}
	var total, section, number int64
	seen := false
	for _, r := range s {
		switch {
		case r == '万':
			total += (section + number) * 10000
			section, number = 0, 0
		case units[r] > 0:
			if number == 0 && r == '十' {
				number = 1
			}
			section += number * units[r]
			number = 0
		default:
			d, ok := digits[r]
			if !ok {
				return decimal.Decimal{}, false
			}
			number = d
		}
		seen = true
	}
	if !seen {
		return decimal.Decimal{}, false
	}
	return decimal.NewFromInt(total + section + number), true
}

// chkContains reports whether x is one of xs.
func chkContains(xs []decimal.Decimal, x decimal.Decimal) bool {
	for _, y := range xs {
		if y.Equal(x) {
			return true
		}
	}
	return false
}

// chkModality is what a clause says about one sanction.
type chkModality int

const (
	chkUnknown   chkModality = iota
	chkMandatory             // 处, 并处, 没收 …
	chkOptional              // 可以处, 可处, 可以并处
)

// chkSanctionWords are the words that name a sanction type in clause texts.
var chkSanctionWords = map[penalty.SanctionType][]string{
	penalty.Fine:               {"罚款"},
	penalty.Warning:            {"警告"},
	penalty.ConfiscateGains:    {"没收违法所得", "违法所得和", "和违法所得"},
	penalty.SuspendBusiness:    {"停产停业", "停业整治", "停业整顿"},
	penalty.RevokeLicense:      {"吊销"},
	penalty.SuspendLicense:     {"暂扣"},
	penalty.Close:              {"责令关闭"},
	penalty.Detention:          {"拘留"},
	penalty.LowerQualification: {"降低资质"},
}

// chkClauseModality reads whether a clause makes a sanction mandatory. The
// clause is cut into segments at ，；。 and each segment naming the sanction
// is read: 可以 or 可 before the word makes it optional; a segment offering
// it as an alternative ("警告或者罚款") is not decisive. Segments that
// disagree give chkUnknown.
func chkClauseModality(text string, t penalty.SanctionType) chkModality {
	words := chkSanctionWords[t]
	if len(words) == 0 || text == "" {
		return chkUnknown
	}
	segs := strings.FieldsFunc(text, func(r rune) bool {
		return r == '，' || r == '；' || r == '。' || r == ',' || r == ';' || r == '：'
	})
	out := chkUnknown
	for _, seg := range segs {
		at, end := -1, -1
		for _, w := range words {
			if i := strings.Index(seg, w); i >= 0 && (at < 0 || i < at) {
				at, end = i, i+len(w)
			}
		}
		if at < 0 {
			continue
		}
		before, upto := seg[:at], seg[:end]
		var m chkModality
		switch {
		case strings.Contains(before, "可以") || strings.Contains(before, "可处") || strings.Contains(before, "可并处"):
			m = chkOptional
		case strings.Contains(seg, "或者") && chkNamesOther(seg, t):
			continue // an alternative: 处警告或者罚款
		case strings.Contains(before, "处") || strings.Contains(upto, "没收") || strings.Contains(upto, "责令") ||
			strings.Contains(upto, "吊销") || strings.Contains(upto, "暂扣") || strings.Contains(before, "给予"):
			m = chkMandatory
		default:
			continue
		}
		if out != chkUnknown && out != m {
			return chkUnknown
		}
		out = m
	}
	return out
}

// chkNamesOther reports whether a segment also names another sanction.
func chkNamesOther(seg string, t penalty.SanctionType) bool {
	for other, words := range chkSanctionWords {
		if other == t {
			continue
		}
		for _, w := range words {
			if strings.Contains(seg, w) {
				return true
			}
		}
	}
	return false
}
