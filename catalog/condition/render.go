package condition

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// Render renders a compiled condition as plain Chinese, using the
// labels and units of the facts it reads:
//
//	area_m2 < 10 && days <= 3          → 占用面积不足10平方米且占用时间不超过3日
//	harm == "serious" || days > 30     → 危害后果严重或者占用时间超过30日
//	!corrected_in_time                 → 未及时改正
//
// The words follow 《民法典》第一千二百五十九条: "<" 不足, "<=" 不超过, ">" 超过, ">=" 以上
// (which includes the number itself), "==" 为. Enum facts are written by
// their value labels, and a negated enum test by the values that remain
// (harm != "serious" → 没有造成危害后果或者危害后果轻微). "&&" is 且, "||"
// is 或者, and a group of one inside the other is parenthesised. Negations
// are pushed inward (De Morgan), so the text never says "并非（…）".
func Render(x *Expr) string {
	if x == nil {
		return ""
	}
	return RenderNode(x.Root)
}

// RenderNode renders one node of a condition tree; see [Render].
func RenderNode(n Node) string {
	return render(normalize(n, false))
}

// Normalize pushes the negations of a condition down to its leaves, the
// form in which it is rendered and compared with a wording; negate negates
// the whole condition first.
func Normalize(n Node, negate bool) Node { return normalize(n, negate) }

// Orient puts the fact of a comparison with a literal on the left:
// 10 > area_m2 becomes area_m2 < 10.
func Orient(c Compare) Compare { return orient(c) }

// IsIntFact reports whether n is an integer fact (a count), whose bounds
// read as 1次以上 rather than 超过0次.
func IsIntFact(n Node) bool { return isIntFact(n) }

// normalize pushes negations down to the leaves: !(a && b) becomes !a || !b,
// !(x < 3) becomes x >= 3, and !(x in [...]) becomes x not in [...]. What
// remains negated is a boolean fact, which renders as 未… / 没有… .
func normalize(n Node, neg bool) Node {
	switch x := n.(type) {
	case Not:
		return normalize(x.X, !neg)
	case And:
		l, r := normalize(x.L, neg), normalize(x.R, neg)
		if neg {
			return Or{L: l, R: r}
		}
		return And{L: l, R: r}
	case Or:
		l, r := normalize(x.L, neg), normalize(x.R, neg)
		if neg {
			return And{L: l, R: r}
		}
		return Or{L: l, R: r}
	case Compare:
		c := orient(x)
		if neg {
			c.Op = negatedOp[c.Op]
		}
		return c
	case In:
		if neg {
			x.Negated = !x.Negated
		}
		return x
	case Lit:
		if neg && x.Value.Type == catalog.FactBool {
			x.Value.Bool = !x.Value.Bool
		}
		return x
	}
	if neg {
		return Not{X: n}
	}
	return n
}

var negatedOp = map[string]string{"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}
var mirroredOp = map[string]string{"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}

// orient puts a fact on the left of a comparison with a literal:
// 10 > area_m2 reads as area_m2 < 10.
func orient(c Compare) Compare {
	if l, ok := asLit(c.L); ok {
		c.L = l
	}
	if r, ok := asLit(c.R); ok {
		c.R = r
	}
	_, lLit := c.L.(Lit)
	_, rLit := c.R.(Lit)
	if lLit && !rLit {
		return Compare{Op: mirroredOp[c.Op], L: c.R, R: c.L}
	}
	return c
}

// asLit folds a negated numeric literal (-5) into a literal.
func asLit(n Node) (Lit, bool) {
	switch x := n.(type) {
	case Lit:
		return x, true
	case Neg:
		if l, ok := x.X.(Lit); ok && l.Value.Type.Numeric() {
			return NumLit(l.Value.Num.Neg()), true
		}
	}
	return Lit{}, false
}

func render(n Node) string {
	switch x := n.(type) {
	case And:
		return JoinAnd(andParts(n))
	case Or:
		parts := flatten(n, false)
		out := make([]string, len(parts))
		for i, p := range parts {
			out[i] = render(p)
			if _, isAnd := p.(And); isAnd {
				out[i] = "（" + out[i] + "）"
			}
		}
		return strings.Join(out, "或者")
	case Not:
		if id, ok := x.X.(Ident); ok {
			return NegateLabel(id.Var.Label())
		}
		if h, ok := x.X.(Has); ok {
			return h.X.Var.Label() + "不包括" + memberLabel(h)
		}
		return "并非（" + render(x.X) + "）"
	case Ident:
		return x.Var.Label()
	case Lit:
		if x.Value.Type == catalog.FactBool {
			if x.Value.Bool {
				return RenderedAll
			}
			return "不适用"
		}
		return literal(x, "")
	case Compare:
		return renderCompare(x)
	case In:
		return renderIn(x)
	case Has:
		return x.X.Var.Label() + "包括" + memberLabel(x)
	}
	return String(n)
}

// memberLabel is the Chinese label of the value a Has tests.
func memberLabel(h Has) string {
	if f := h.X.Var.Fact; f != nil && h.Index < len(f.Values) && f.Values[h.Index].Label != "" {
		return f.Values[h.Index].Label
	}
	return h.Value
}

// listUnit is the unit a list's length is counted in: the fact's unit, or
// 种 (超标污染物种类2种以上).
func listUnit(x Len) string {
	if f := x.X.Var.Fact; f != nil && f.Unit != "" {
		return f.Unit
	}
	return "种"
}

// andParts renders the operands of a chain of &&, parenthesising an
// operand that is a group of ||.
func andParts(n Node) []string {
	parts := flatten(n, true)
	out := make([]string, len(parts))
	for i, p := range parts {
		out[i] = render(p)
		if _, isOr := p.(Or); isOr || alternativeClauses(p, out[i]) {
			out[i] = "（" + out[i] + "）"
		}
	}
	return out
}

// alternativeClauses reports whether a test renders as alternatives that
// are clauses of their own (危害后果轻微或者危害后果严重), which inside a
// conjunction need parentheses; alternatives of one subject
// (物料种类为砂石或者渣土) read unambiguously.
func alternativeClauses(n Node, text string) bool {
	if !strings.Contains(text, "或者") {
		return false
	}
	var subject string
	switch x := n.(type) {
	case In:
		subject = operand(x.X)
	case Compare:
		subject = operand(x.L)
	default:
		return false // a boolean fact: one clause, whatever its label says
	}
	return !strings.HasPrefix(text, subject+"为")
}

// JoinAnd joins the operands of a conjunction: 甲且乙 for two, 甲，乙，且丙
// for more, which is how a table lists conditions that must all hold.
func JoinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	case 2:
		return parts[0] + "且" + parts[1]
	}
	return strings.Join(parts[:len(parts)-1], "，") + "，且" + parts[len(parts)-1]
}

// RenderConjunction renders a condition that must hold together with
// clauses already in words (a look-back window), as one conjunction.
func RenderConjunction(x *Expr, clauses ...string) string {
	if x == nil {
		return JoinAnd(clauses)
	}
	root := normalize(x.Root, false)
	if _, ok := root.(And); ok {
		return JoinAnd(append(clauses, andParts(root)...))
	}
	s := render(root)
	if _, ok := root.(Or); ok {
		s = "（" + s + "）"
	}
	return JoinAnd(append(clauses, s))
}

// flatten lists the operands of a chain of && (and=true) or ||.
func flatten(n Node, and bool) []Node {
	switch x := n.(type) {
	case And:
		if and {
			return append(flatten(x.L, and), flatten(x.R, and)...)
		}
	case Or:
		if !and {
			return append(flatten(x.L, and), flatten(x.R, and)...)
		}
	}
	return []Node{n}
}

// alternatives joins values one of which must hold: 甲或者乙, 甲、乙或者丙.
func alternatives(vals []string) string {
	if len(vals) < 3 {
		return strings.Join(vals, "或者")
	}
	return strings.Join(vals[:len(vals)-1], "、") + "或者" + vals[len(vals)-1]
}

// RenderedAll is the condition that holds for every case. A catch-all
// row after other rows is published as 其他情形 instead (by the tables of
// package standards).
const RenderedAll = "所有情形"

// NegateLabel negates a boolean fact's label as Chinese does: 有证据… →
// 没有证据…, 属于… → 不属于…, 初次违法 → 非初次违法, 及时改正 → 未及时改正
// (未 only before a verb that takes it), 未及时清运 → 已及时清运. A label
// that is no simple verb phrase — a noun, several clauses (经责令改正，拒不
// 改正), a negation inside — is negated as a circumstance: 不具有…的情形,
// never by gluing 未 to it.
func NegateLabel(label string) string {
	simple := !strings.ContainsAny(label, "，、；,;") && !strings.ContainsAny(trimFirstRune(label), "未不没无非拒")
	for _, p := range []struct{ pos, neg string }{
		{"有", "没有"}, {"是", "不是"}, {"属于", "不属于"}, {"具有", "不具有"}, {"存在", "不存在"},
		{"构成", "不构成"}, {"能够", "不能"}, {"符合", "不符合"}, {"没有", "有"}, {"无", "有"}, {"未", "已"},
	} {
		if strings.HasPrefix(label, p.pos) && simple {
			return p.neg + strings.TrimPrefix(label, p.pos)
		}
	}
	if (strings.HasPrefix(label, "初次") || strings.HasPrefix(label, "首次")) && simple {
		return "非" + label
	}
	if simple {
		for _, verb := range negatableVerbs {
			if strings.HasPrefix(label, verb) {
				return "未" + label
			}
		}
	}
	if strings.HasSuffix(label, "情形") {
		return "不具有" + label
	}
	return "不具有" + label + "的情形"
}

// negatableVerbs are the words a label may start with that 未 negates.
var negatableVerbs = []string{
	"及时", "主动", "按照", "按", "依法", "依照", "取得", "办理", "设置", "安装", "采取", "履行",
	"缴纳", "配合", "发生", "实施", "造成", "使用", "完成", "建立", "落实", "签署", "被", "受",
	"改正", "超过", "达到", "经过", "申请", "报告", "登记", "备案", "提交", "进行", "执行", "影响",
	"危及", "危害", "阻碍", "妨碍", "逾期", "擅自", "违反", "占用", "污染", "损坏",
}

func trimFirstRune(s string) string {
	for i := range s {
		if i > 0 {
			return s[i:]
		}
	}
	return ""
}

func renderCompare(c Compare) string {
	switch lt := TypeOf(c.L); {
	case lt == catalog.FactBool:
		return renderBoolCompare(c)
	case lt == catalog.FactEnum:
		return renderEnumCompare(c)
	case lt == catalog.FactDate:
		return renderDateCompare(c)
	}
	return renderNumCompare(c)
}

func renderBoolCompare(c Compare) string {
	id, ok := c.L.(Ident)
	lit, ok2 := c.R.(Lit)
	if !ok || !ok2 {
		word := "与"
		if c.Op == "!=" {
			return render(c.L) + word + render(c.R) + "不一致"
		}
		return render(c.L) + word + render(c.R) + "一致"
	}
	if lit.Value.Bool == (c.Op == "==") {
		return id.Var.Label()
	}
	return NegateLabel(id.Var.Label())
}

func renderEnumCompare(c Compare) string {
	id, ok := c.L.(Ident)
	lit, ok2 := c.R.(Lit)
	if !ok || !ok2 {
		if c.Op == "!=" {
			return operand(c.L) + "与" + operand(c.R) + "不同"
		}
		return operand(c.L) + "与" + operand(c.R) + "相同"
	}
	return enumSet(id.Var, []string{lit.Value.Enum}, c.Op == "!=")
}

// enumSet renders "the fact takes one of these values" (or, negated, none of
// them). A negated test on a fact with declared values names the values
// that remain, which is how a table states it.
func enumSet(v *Var, names []string, negated bool) string {
	var values catalog.EnumValues
	if v.Fact != nil {
		values = v.Fact.Values
	}
	if negated && len(values) > 0 {
		var rest []string
		for _, ev := range values {
			if !contains(names, ev.Name) {
				rest = append(rest, ev.Name)
			}
		}
		if len(rest) == 0 {
			return "不适用"
		}
		return enumSet(v, rest, false)
	}
	labels := make([]string, len(names))
	selfContained := true
	for i, name := range names {
		labels[i] = name
		if j := values.Index(name); j >= 0 {
			labels[i] = values[j].Label
		}
		if !strings.Contains(labels[i], v.Label()) {
			selfContained = false
		}
	}
	if negated {
		return v.Label() + "不为" + strings.Join(labels, "、")
	}
	if selfContained {
		return alternatives(labels)
	}
	return v.Label() + "为" + alternatives(labels)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func renderDateCompare(c Compare) string {
	words := map[string]string{"<": "早于", "<=": "不晚于", ">": "晚于", ">=": "不早于", "==": "为", "!=": "不为"}
	return operand(c.L) + words[c.Op] + operand(c.R)
}

// renderNumCompare writes a numeric comparison with a literal the way a
// table does (占用面积不足10平方米, 占用面积100平方米以上) and a comparison
// of two quantities with comparative words (违法所得高于…).
func renderNumCompare(c Compare) string {
	subj := operand(c.L)
	lit, isLit := c.R.(Lit)
	if !isLit {
		words := map[string]string{"<": "低于", "<=": "不高于", ">": "高于", ">=": "不低于", "==": "等于", "!=": "不等于"}
		return subj + words[c.Op] + operand(c.R)
	}
	unit := unitOf(c.L)
	// An integer count above zero is "1次以上", not "超过0次".
	if c.Op == ">" && lit.Value.Num.IsZero() && isIntFact(c.L) {
		lit = NumLit(decimal.NewFromInt(1))
		c.Op = ">="
	}
	val := literal(lit, unit)
	// A count labelled "两年内因同一违法行为受过行政处罚的次数" reads as the
	// published text does: "两年内因同一违法行为受过行政处罚2次以上".
	if trimmed, ok := strings.CutSuffix(subj, "的次数"); ok && unit == "次" && c.Op != "==" && c.Op != "!=" {
		subj = trimmed
	}
	_, plain := c.L.(Ident)
	if _, count := c.L.(Len); count {
		plain = true
	}
	if !plain && (c.Op == ">=" || c.Op == "<=") {
		subj += "在"
	}
	switch c.Op {
	case "<":
		return subj + "不足" + val
	case "<=":
		return subj + "不超过" + val
	case ">":
		return subj + "超过" + val
	case ">=":
		return subj + val + "以上"
	case "!=":
		return subj + "不为" + val
	}
	return subj + "为" + val
}

func isIntFact(n Node) bool {
	if _, ok := n.(Len); ok {
		return true
	}
	id, ok := n.(Ident)
	return ok && id.Var.Type == catalog.FactInt
}

func renderIn(x In) string {
	if x.List == nil {
		unit := unitOf(x.X)
		lo, hi := literalOrOperand(x.Lo, unit), literalOrOperand(x.Hi, unit)
		subj := operand(x.X)
		if x.Negated {
			return subj + "不足" + lo + "或者超过" + hi
		}
		return subj + lo + "以上" + hi + "以下"
	}
	if id, ok := x.X.(Ident); ok && id.Var.Type == catalog.FactEnum {
		names := make([]string, 0, len(x.List))
		for _, el := range x.List {
			if lit, ok := el.(Lit); ok {
				names = append(names, lit.Value.Enum)
			}
		}
		return enumSet(id.Var, names, x.Negated)
	}
	unit := unitOf(x.X)
	vals := make([]string, len(x.List))
	for i, el := range x.List {
		vals[i] = literalOrOperand(el, unit)
	}
	if x.Negated {
		return operand(x.X) + "不为" + strings.Join(vals, "、")
	}
	return operand(x.X) + "为" + alternatives(vals)
}

func literalOrOperand(n Node, unit string) string {
	if lit, ok := n.(Lit); ok {
		return literal(lit, unit)
	}
	return operand(n)
}

// operand renders a value: a fact by its label, a literal with the unit of
// nothing, arithmetic in words.
func operand(n Node) string {
	switch x := n.(type) {
	case Ident:
		return x.Var.Label()
	case Lit:
		return literal(x, "")
	case Neg:
		return "负" + operandGroup(x.X)
	case Len:
		if listUnit(x) == "种" {
			return x.X.Var.Label() + "种类"
		}
		return x.X.Var.Label() + "数"
	case Arith:
		l := operandGroup(x.L)
		switch x.Op {
		case "*":
			if lit, ok := x.R.(Lit); ok {
				return l + "的" + literal(lit, "") + "倍"
			}
			if lit, ok := x.L.(Lit); ok {
				return operandGroup(x.R) + "的" + literal(lit, "") + "倍"
			}
			return l + "乘以" + operandGroup(x.R)
		case "/":
			return l + "除以" + operandGroup(x.R)
		case "+":
			return l + "加" + operandGroup(x.R)
		case "-":
			return l + "减" + operandGroup(x.R)
		}
	}
	return render(n)
}

func operandGroup(n Node) string {
	if _, ok := n.(Arith); ok {
		return "（" + operand(n) + "）"
	}
	return operand(n)
}

// unitOf is the unit in which a literal compared with n is written: the
// fact's unit, 元 for money, or the unit of the first fact in arithmetic.
func unitOf(n Node) string {
	switch x := n.(type) {
	case Ident:
		if x.Var.Fact != nil && x.Var.Fact.Unit != "" {
			return x.Var.Fact.Unit
		}
		if x.Var.Type == catalog.FactMoney {
			return "元"
		}
	case Arith:
		if u := unitOf(x.L); u != "" {
			return u
		}
		return unitOf(x.R)
	case Neg:
		return unitOf(x.X)
	case Len:
		return listUnit(x)
	}
	return ""
}

// literal renders a constant: numbers in Chinese style (2万), dates as
// 2024年1月1日, enum names as written.
func literal(l Lit, unit string) string {
	switch l.Value.Type {
	case catalog.FactDate:
		return ChineseDate(l.Value.Date)
	case catalog.FactEnum:
		return l.Value.Enum
	case catalog.FactBool:
		if l.Value.Bool {
			return "是"
		}
		return "否"
	}
	return penalty.FormatChinese(l.Value.Num) + unit
}

// ChineseDate writes a date as 2024年1月1日.
func ChineseDate(d catalog.Date) string {
	t := d.Time()
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}
