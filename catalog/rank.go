package catalog

import (
	"strings"
	"unicode/utf8"
)

// Rank is the place of a legal instrument in the hierarchy of 《立法法》
// (2023) 第九十九条、第一百条 [V]: "法律的效力高于行政法规、地方性法规、规章。
// 行政法规的效力高于地方性法规、规章。" "地方性法规的效力高于本级和下级地方政府
// 规章。" Department rules and local government rules are both 规章 (第一百零二
// 条 "部门规章之间、部门规章与地方政府规章之间具有同等效力").
type Rank string

// Ranks, highest first.
const (
	RankLaw                      Rank = "law"                       // 法律
	RankAdministrativeRegulation Rank = "administrative_regulation" // 行政法规
	RankLocalRegulation          Rank = "local_regulation"          // 地方性法规（含自治条例、单行条例、经济特区法规）
	RankRule                     Rank = "rule"                      // 规章（部门规章、地方政府规章）
)

// Ranks lists the ranks, highest first.
func Ranks() []Rank {
	return []Rank{RankLaw, RankAdministrativeRegulation, RankLocalRegulation, RankRule}
}

// Valid reports whether r is one of Ranks.
func (r Rank) Valid() bool { return r.Level() > 0 }

// Level orders the ranks: 4 for law … 1 for rule, 0 for an unknown rank.
func (r Rank) Level() int {
	switch r {
	case RankLaw:
		return 4
	case RankAdministrativeRegulation:
		return 3
	case RankLocalRegulation:
		return 2
	case RankRule:
		return 1
	}
	return 0
}

// Label is the Chinese name of the rank.
func (r Rank) Label() string {
	switch r {
	case RankLaw:
		return "法律"
	case RankAdministrativeRegulation:
		return "行政法规"
	case RankLocalRegulation:
		return "地方性法规"
	case RankRule:
		return "规章"
	}
	return string(r)
}

// RankOf returns the instrument's rank: the declared one, else the one its
// name decides (DeriveRank). ok is false when neither says.
func (c *Citation) RankOf() (Rank, bool) {
	if c == nil {
		return "", false
	}
	if c.Rank != "" {
		return c.Rank, c.Rank.Valid()
	}
	return DeriveRank(c.Instrument)
}

// DeriveRank reads an instrument's rank from its name where the name
// decides it, and reports false where it does not:
//
//   - a name ending in 法 (not 办法) is a 法律: only the NPC and its
//     standing committee make 法;
//   - a 条例 is never a 规章 (《规章制定程序条例》第七条 [V]: "规章的名称一般称
//     '规定'、'办法'，但不得称'条例'"); it is a 地方性法规 when the name starts
//     with a province, a city or an autonomous area, or names a special
//     economic zone, and otherwise a 行政法规 (《行政法规制定程序条例》第五条
//     [V]: "行政法规的名称一般称'条例'…"). A 条例 named 中华人民共和国… may be
//     a law (学位条例) or a 行政法规 (政府信息公开条例): not derived;
//   - 规定, 办法, 细则 and everything else may be a 行政法规, a 地方性法规 or a
//     规章: not derived; the catalog declares the rank.
func DeriveRank(instrument string) (Rank, bool) {
	name := strings.TrimSpace(strings.Trim(instrument, "《》"))
	national := strings.HasPrefix(name, "中华人民共和国")
	switch {
	case strings.HasSuffix(name, "办法"):
		return "", false
	case strings.HasSuffix(name, "法"):
		if !national && localPrefix(name) {
			return "", false
		}
		return RankLaw, true
	case strings.HasSuffix(name, "条例"):
		switch {
		case national:
			return "", false
		case localPrefix(name):
			return RankLocalRegulation, true
		}
		return RankAdministrativeRegulation, true
	}
	return "", false
}

// provinces are the provincial-level areas, by the names their regulations
// start with.
var provinces = []string{
	"北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
	"福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
	"甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
}

// localPrefix reports whether an instrument's name starts with a local
// area: a province, a city (X市 within its first seven characters, not
// 城市…), an autonomous prefecture or county, or names a special economic
// zone.
func localPrefix(name string) bool {
	for _, p := range provinces {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	if strings.Contains(name, "经济特区") {
		return true
	}
	if strings.HasPrefix(name, "城市") {
		return false
	}
	for _, marker := range []string{"市", "自治州", "自治县"} {
		if i := strings.Index(name, marker); i > 0 && utf8.RuneCountInString(name[:i]) >= 2 && utf8.RuneCountInString(name[:i]) <= 6 {
			return true
		}
	}
	return false
}
