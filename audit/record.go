package audit

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/penalty"
)

// Imposed is what the bureau actually decided, as the record states it.
type Imposed struct {
	Penalized bool `json:"penalized"`
	// Tier is the recorded outcome where the export names one (lighter,
	// general, …); empty where it only says that a penalty was imposed.
	Tier   string           `json:"tier,omitempty"`
	Reason string           `json:"reason,omitempty"`
	Fine   *decimal.Decimal `json:"fine,omitempty"`
	// Hearing: the party was told of the right to a hearing (art. 63);
	// LegalReview: legal review was done before the decision (art. 58).
	Hearing     bool `json:"hearing_offered"`
	LegalReview bool `json:"legal_review"`
}

// record is one row of the export made into a case and what was imposed.
type record struct {
	line       int
	caseNumber string
	partyID    string
	c          discretion.Case
	imposed    Imposed
	// problems are what is wrong with the row as data (malformed dates,
	// amounts with units, …); a record with problems is not decided.
	problems []Problem
}

// Problem is one thing wrong with a record: the mapping key of the field
// ("fine", "facts.harm"), the export's column, and what is wrong, in
// Chinese.
type Problem struct {
	Field   string `json:"field,omitempty"`
	Column  string `json:"column,omitempty"`
	Message string `json:"message"`
}

// builder turns rows into records.
type builder struct {
	m       *Mapping
	yes, no map[string]bool
}

func newBuilder(m *Mapping) *builder {
	b := &builder{m: m, yes: map[string]bool{}, no: map[string]bool{}}
	for _, w := range []string{"是", "有", "已", "true", "1", "y", "yes", "t"} {
		b.yes[w] = true
	}
	for _, w := range []string{"否", "无", "未", "false", "0", "n", "no", "f"} {
		b.no[w] = true
	}
	for _, w := range m.Values.Yes {
		b.yes[strings.ToLower(w)] = true
	}
	for _, w := range m.Values.No {
		b.no[strings.ToLower(w)] = true
	}
	return b
}

// column is the export's name of a mapping key.
func (b *builder) column(key string) string {
	if i, ok := b.m.index[key]; ok {
		return b.m.cols[i].column
	}
	return ""
}

func (b *builder) problem(rec *record, key, format string, args ...any) {
	rec.problems = append(rec.problems, Problem{Field: key, Column: b.column(key), Message: fmt.Sprintf(format, args...)})
}

// build reads the record's own fields: everything but the facts, which
// need the catalog in force (facts).
func (b *builder) build(rw *row) *record {
	rec := &record{line: rw.line, problems: rw.problems}
	if rw.cells == nil {
		return rec
	}
	for i, v := range rw.cells {
		if !utf8Valid(v) {
			b.problem(rec, b.m.cols[i].key, "不是有效的 UTF-8 文字：文件可能是 GB18030 编码，请在映射文件中写 encoding: gb18030")
			rw.cells[i] = ""
		}
	}
	cell := func(key string) string { return cellOf(b.m, rw, key) }
	rec.caseNumber = cell("case_number")
	if rec.caseNumber == "" {
		b.problem(rec, "case_number", "缺少案号")
	}
	rec.partyID = cell("party_id")
	rec.c.Item = cell("item")
	if rec.c.Item == "" {
		b.problem(rec, "item", "缺少执法事项代码")
	}
	switch pt := cell("party_type"); {
	case pt == "":
		b.problem(rec, "party_type", "缺少当事人类型")
	case b.m.Values.PartyType[pt] != "":
		rec.c.Party.Type = catalog.PartyType(b.m.Values.PartyType[pt])
	case catalog.PartyType(pt).Valid():
		rec.c.Party.Type = catalog.PartyType(pt)
	default:
		b.problem(rec, "party_type", "「%s」不是可识别的当事人类型（在映射文件 values.party_type 中说明其含义）", pt)
	}
	date := func(key string, required bool) discretion.Date {
		s := cell(key)
		if s == "" {
			if required {
				b.problem(rec, key, "缺少日期")
			}
			return ""
		}
		d, ok := normalizeDate(s)
		if !ok {
			b.problem(rec, key, "「%s」不是有效日期（应为 YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日）", s)
		}
		return discretion.Date(d)
	}
	natural := rec.c.Party.Type == catalog.Individual || rec.c.Party.Type == catalog.IndividualBusiness
	rec.c.Party.BirthDate = date("birth_date", natural)
	if !natural {
		rec.c.Party.BirthDate = ""
	}
	rec.c.ActDate = date("act_date", true)
	rec.c.ActEndDate = date("act_end_date", false)
	rec.c.DiscoveryDate = date("discovery_date", true)
	rec.c.DecisionDate = date("decision_date", true)

	switch o := cell("outcome"); {
	case o == "":
		b.problem(rec, "outcome", "缺少处理结果")
	default:
		w := b.m.Values.Outcome[o]
		if w == "" && outcomeWords[o] {
			w = o
		}
		switch w {
		case "":
			b.problem(rec, "outcome", "「%s」不是可识别的处理结果（在映射文件 values.outcome 中说明其含义）", o)
		case "no_penalty", "order_only", "no_fine_possible":
			// nothing imposed: no penalty of art. 9
		case "penalty":
			rec.imposed.Penalized = true
		default:
			rec.imposed.Penalized, rec.imposed.Tier = true, w
		}
	}
	if r := cell("reason"); r != "" {
		w := b.m.Values.Reason[r]
		if w == "" && reasonWords[r] {
			w = r
		}
		if w == "" {
			b.problem(rec, "reason", "「%s」不是可识别的不予处罚理由（在映射文件 values.reason 中说明其含义）", r)
		}
		rec.imposed.Reason = w
	}
	if f := cell("fine"); f != "" {
		amt, msg := parseAmount(f)
		switch {
		case msg != "":
			b.problem(rec, "fine", "%s", msg)
		case amt.IsNegative():
			b.problem(rec, "fine", "罚款金额不能为负数")
		case amt.IsZero():
		default:
			rec.imposed.Fine = &amt
		}
	}
	if rec.imposed.Fine != nil && !rec.imposed.Penalized && cell("outcome") != "" {
		b.problem(rec, "fine", "处理结果为不予处罚，却记载了罚款 %s 元", rec.imposed.Fine)
	}
	rec.imposed.Hearing = b.boolean(rec, "hearing_offered", cell("hearing_offered"))
	rec.imposed.LegalReview = b.boolean(rec, "legal_review", cell("legal_review"))
	return rec
}

// boolean reads a yes/no cell; an empty cell is no, the way exports leave
// a box unticked.
func (b *builder) boolean(rec *record, key, s string) bool {
	l := strings.ToLower(s)
	switch {
	case s == "":
		return false
	case b.yes[l]:
		return true
	case b.no[l]:
		return false
	}
	b.problem(rec, key, "「%s」不是“是”或“否”（在映射文件 values.yes / values.no 中说明）", s)
	return false
}

// facts reads the facts the item declares from their columns, typed as
// the catalog declares them. Columns of facts the item does not declare
// are not read: an export has one column per fact of every item.
func (b *builder) facts(rec *record, rw *row, cat *catalog.Catalog) {
	it := cat.Item(rec.c.Item)
	if it == nil {
		return // Decide names the unknown item
	}
	rec.c.Facts = map[string]any{}
	for _, f := range cat.AllFacts(it) {
		i, mapped := b.m.factIndex[f.Name]
		if !mapped || rw.cells[i] == "" {
			continue
		}
		key, s := b.m.cols[i].key, rw.cells[i]
		switch f.Type {
		case catalog.FactBool:
			l := strings.ToLower(s)
			switch {
			case b.yes[l]:
				rec.c.Facts[f.Name] = true
			case b.no[l]:
				rec.c.Facts[f.Name] = false
			default:
				b.problem(rec, key, "%s：「%s」不是“是”或“否”", f.Label, s)
			}
		case catalog.FactInt, catalog.FactNumber, catalog.FactMoney:
			if s == "undeterminable" || s == "无法确定" || s == "无法计算" {
				rec.c.Facts[f.Name] = "undeterminable"
				continue
			}
			amt, msg := parseAmount(s)
			if msg != "" {
				b.problem(rec, key, "%s：%s", f.Label, msg)
				continue
			}
			rec.c.Facts[f.Name] = json.Number(amt.String())
		case catalog.FactEnum:
			name := ""
			for _, v := range f.Values {
				if s == v.Name || s == v.Label {
					name = v.Name
				}
			}
			if name == "" {
				labels := make([]string, len(f.Values))
				for i, v := range f.Values {
					labels[i] = v.Label
				}
				b.problem(rec, key, "%s：「%s」不是可选值（%s）之一", f.Label, s, strings.Join(labels, "、"))
				continue
			}
			rec.c.Facts[f.Name] = name
		case catalog.FactDate:
			d, ok := normalizeDate(s)
			if !ok {
				b.problem(rec, key, "%s：「%s」不是有效日期", f.Label, s)
				continue
			}
			rec.c.Facts[f.Name] = d
		}
	}
}

var (
	dateRE   = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$`)
	amountRE = regexp.MustCompile(`^\d{1,3}(,\d{3})+(\.\d+)?$`)
)

// normalizeDate accepts the date forms exports use (2026-05-10,
// 2026/5/10, 2026.5.10, 2026年5月10日, with or without a time) and returns
// YYYY-MM-DD, or false if it is none of them or not a real date.
func normalizeDate(s string) (string, bool) {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		_, err := catalog.ParseDate(s)
		return s, err == nil
	}
	m := dateRE.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	out := m[1] + "-" + pad(m[2]) + "-" + pad(m[3])
	if _, err := catalog.ParseDate(out); err != nil {
		return "", false
	}
	return out, true
}

func pad(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// parseAmount reads an amount in yuan: a decimal number, with thousands
// separators allowed ("12,500.00"). Units and words are refused with a
// message saying so, never guessed.
func parseAmount(s string) (decimal.Decimal, string) {
	t := s
	if amountRE.MatchString(t) {
		t = strings.ReplaceAll(t, ",", "")
	}
	d, err := penalty.ParseYuan(t)
	if err == nil {
		return d, ""
	}
	if strings.ContainsAny(s, "元万千百") {
		return decimal.Decimal{}, fmt.Sprintf("「%s」带有单位或汉字：金额应以元为单位写成数字（如 20000）", s)
	}
	return decimal.Decimal{}, fmt.Sprintf("「%s」不是金额（应为以元为单位的数字）", s)
}

// cellOf is the row's cell of a mapping key; "" for a key the mapping
// does not map.
func cellOf(m *Mapping, rw *row, key string) string {
	if i, ok := m.index[key]; ok && rw.cells != nil {
		return rw.cells[i]
	}
	return ""
}

func utf8Valid(s string) bool { return utf8.ValidString(s) }
