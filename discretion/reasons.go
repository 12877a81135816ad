package discretion

import (
	"fmt"
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/penalty"
)

// This file composes the reasons (说理) of a decision as a 行政处罚决定书
// states them, from the recorded trace and the engine's tables: the item
// and its bases, the exemptions considered and why each did or did not
// apply, the grade and why (its condition in the words of the published
// tables) and why the grades beside it were not chosen, the circumstances
// that apply, the range, that the amount within it is the officer's to fix,
// and the procedure. It says nothing of a rule that did not apply, except
// the exemptions the law makes the officer consider. Like the trace, it is
// rendered on demand: nothing here runs while deciding.

// Reasons composes the reasons (说理) of the decision, one paragraph per
// element, in Chinese, ready to be quoted in a decision document. The
// engineer's step-by-step account is [Decision.Steps].
func (d *Decision) Reasons() []string {
	if d == nil {
		return nil
	}
	return d.reasonsFrom(d.Steps())
}

// reasonsFrom composes the reasons from the rendered steps of the
// decision's trace, so that the JSON writer renders the trace once.
func (d *Decision) reasonsFrom(rendered []Step) []string {
	rs := newReasoner(d, rendered)
	if rs == nil {
		return []string{} // a decision made by hand: no trace to reason from
	}
	return rs.compose()
}

// Text renders the reasons (说理) as text, one paragraph a line; see
// [Decision.Reasons]. The trace is [Decision.Steps] (`jizhun decide
// --format trace`).
func (d *Decision) Text() string {
	var b strings.Builder
	for _, p := range d.Reasons() {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	return b.String()
}

// reasonStep is a step of the trace with what it was recorded from.
type reasonStep struct {
	Step
	h    value
	vals []value
}

// reasoner is the state of composing one decision's reasons.
type reasoner struct {
	d     *Decision
	t     *trace
	ir    *itemRules
	steps []reasonStep
	// vals and known are the case's fact values the trace kept, by slot.
	vals  []catalog.Value
	known []bool
}

func newReasoner(d *Decision, rendered []Step) *reasoner {
	t := &d.trace
	if t.ir == nil {
		return nil
	}
	var steps []reasonStep
	t.eachStep(func(h value, vals []value) {
		if i := len(steps); i < len(rendered) {
			steps = append(steps, reasonStep{Step: rendered[i], h: h, vals: vals})
		}
	})
	rs := &reasoner{d: d, t: t, ir: t.ir, steps: steps,
		vals: make([]catalog.Value, t.ir.nslots), known: make([]bool, t.ir.nslots)}
	for _, s := range steps {
		var rules []*rule
		switch s.h.kind() {
		case kindEval:
			rules = []*rule{rs.rule(s)}
		case kindList:
			rules = t.ir.listEntryRules(s.vals)
		}
		for _, ru := range rules {
			for _, v := range ru.expr.Refs {
				for _, f := range s.Facts {
					if f.Name == v.Name && v.Slot < len(rs.vals) {
						rs.vals[v.Slot], rs.known[v.Slot] = f.Value, true
					}
				}
			}
		}
	}
	return rs
}

// eachStep calls f with the header and values of each recorded step, in
// the order renderTrace renders them (TestEachStepPairsTheRenderedSteps
// keeps the two walks the same).
func (t *trace) eachStep(f func(h value, vals []value)) {
	bigStart, bigEnd := t.bigRegion()
	next := func(i int) int {
		if i == bigStart && bigEnd > bigStart {
			return bigEnd
		}
		return i
	}
	for i := next(t.ir.stepsAt()); i < len(t.words); i = next(i) {
		h := t.words[i]
		n := h.nvals()
		f(h, t.words[i+1:i+1+n])
		i += 1 + n
	}
}

func (rs *reasoner) rule(s reasonStep) *rule { return rs.ir.rules[s.h.ref()] }

func (rs *reasoner) version(s reasonStep) *versionRules { return rs.ir.versions[s.h.version()] }

// explain states why a rule's condition held or failed for this case.
func (rs *reasoner) explain(ru *rule) (held bool, why string, ok bool) {
	held, parts, ok := condition.Explain(ru.expr, rs.vals, func(slot int) bool {
		return slot < len(rs.known) && rs.known[slot]
	})
	return held, strings.Join(parts, "，"), ok
}

// compose writes the paragraphs.
func (rs *reasoner) compose() []string {
	d := rs.d
	var out []string
	add := func(p string) {
		if p != "" {
			out = append(out, p)
		}
	}
	add(rs.item())
	for _, p := range rs.lawInForce() {
		add(p)
	}
	add(rs.choice())
	add(rs.exemptions())
	if d.Outcome == NoPenalty {
		add(rs.noPenalty())
	} else {
		add(rs.preconditions())
		add(rs.statutory())
		add(rs.grade())
		add(rs.circumstances())
		add(rs.penalty())
		if d.Outcome.Imposes() {
			// A decision that imposes nothing has no procedure of a penalty
			// (order_only, no_fine_possible): nothing to say about one.
			add(rs.procedure())
			add(rs.persons())
		}
	}
	add(rs.terms())
	for _, f := range d.Flags {
		add("提请审查：" + flagLabel(f) + "。")
	}
	if c := rs.ir.e.cat; c.Title != "" {
		// The standard by its title; its id, version and digest, which
		// identify the exact rules, are in the decision's catalog field.
		add("以上裁量依据《" + strings.Trim(c.Title, "《》") + "》作出。")
	}
	return out
}

// item states the act and the provisions it violates and is punished under.
func (rs *reasoner) item() string {
	d := rs.d
	s := fmt.Sprintf("当事人的行为属于“%s”（事项编码%s）", d.ItemName, d.Item)
	if len(d.Basis) > 0 {
		s += "。" + strings.Join(d.Basis, "；")
	}
	return sentence(s)
}

// lawInForce states the choice between versions (art. 37) and the
// standard's own term, where there was one to make.
func (rs *reasoner) lawInForce() []string {
	var out []string
	versions := 0
	for _, s := range rs.steps {
		switch s.h.kind() {
		case kindVersionOld, kindVersionNew, kindVersionNotIllegal, kindVersionCompare:
			versions++
		case kindTerm, kindTransition:
			out = append(out, sentence(s.Note+cite(s.Citation)))
		}
	}
	if versions == 0 {
		return out
	}
	var applied *versionRules
	for _, v := range rs.ir.versions {
		if v.v.ID == rs.d.Version {
			applied = v
		}
	}
	s := "违法行为发生后，本事项的处罚规定有修改"
	if applied != nil {
		s += fmt.Sprintf("，依照%s，适用自%s起施行的规定", citeArt37, condition.ChineseDate(applied.v.EffectiveFrom))
		for _, st := range rs.steps {
			if st.h.kind() == kindVersionCompare {
				s += "（" + art37Reason(art37Rule(st.vals[1]), st.vals[3] != 0, st.vals[2] != 0) + "）"
			}
		}
	}
	return append(out, sentence(s))
}

// art37Reason says why the applied version was chosen (从旧兼从轻).
func art37Reason(by art37Rule, newLighter, crossing bool) string {
	var why string
	switch by {
	case art37StatutoryMax:
		why = "新旧规定的法定罚款最高额不同，以最高额较低者为处罚较轻"
	case art37StatutoryMin:
		why = "新旧规定的法定罚款最高额相同，以最低额较低者为处罚较轻"
	default:
		why = "新旧规定的法定罚款幅度相同，按依各自规定裁量的结果比较"
	}
	if crossing {
		why += "，两者幅度交叉，提请法制审核"
	}
	if newLighter {
		return why + "；新的规定处罚较轻，适用新的规定"
	}
	return why + "；新的规定不轻于违法行为发生时的规定，适用违法行为发生时的规定"
}

// choice states which provision applies to an act that violates several
// (art. 29).
func (rs *reasoner) choice() string {
	for _, s := range rs.steps {
		if s.h.kind() != kindArt29Chosen {
			continue
		}
		var others []string
		for _, c := range rs.d.Candidates {
			if c != nil && c.Item != rs.d.Item {
				others = append(others, "“"+c.ItemName+"”")
			}
		}
		text := "本案同一个违法行为违反多个法律规范"
		if len(others) > 0 {
			text += "，亦属于" + strings.Join(others, "、")
		}
		text += fmt.Sprintf("，依照%s，按照罚款数额高的规定处罚，适用“%s”的规定", s.Citation, rs.d.ItemName)
		if i := int(s.vals[0]); i < len(art29Rules) {
			text += "（" + art29RuleLabels[art29Rules[i]] + "）"
		}
		return sentence(text)
	}
	return ""
}

// exemptionNames are the grounds for no penalty that are considered in
// every case the catalog provides them for, as a decision names them.
var exemptionNames = map[string]string{
	"light_violation": "违法行为轻微不予处罚",
	"no_fault":        "没有主观过错不予处罚",
	"first_offense":   "首违不罚",
	"commitment":      "告知承诺",
}

// exemptions states each ground for no penalty considered, in one line
// each: why it did or did not apply. A ground that ends the case the
// no-penalty paragraph states; the grounds of age and capacity are stated
// only where they apply, and the limitation period only where it ended
// the case.
func (rs *reasoner) exemptions() string {
	var lines []string
	for _, s := range rs.steps {
		switch s.h.kind() {
		case kindLimitation, kindUnder14:
			if s.Result {
				lines = append(lines, s.Note+cite(s.Citation))
			}
		case kindIncapable:
			lines = append(lines, s.Note+cite(s.Citation))
		case kindFirstOffenseWindow:
			if !s.Result {
				fo := rs.version(s).v.Benchmark.FirstOffense
				lines = append(lines, fmt.Sprintf("不适用首违不罚：%s有同类违法记录%d次，不属于初次违法",
					fo.Window.Label(), int64(s.vals[0])))
			}
		case kindList:
			lines = append(lines, rs.listReason(s))
		case kindFirstOffenseUnlisted, kindCommitmentUnlisted, kindCommitmentBreached, kindCommitmentAvailable:
			lines = append(lines, s.Note+cite(s.Citation))
		case kindEval:
			name, ok := exemptionNames[s.Step.Step]
			if !ok {
				continue
			}
			ru := rs.rule(s)
			held, why, known := rs.explain(ru)
			if !known || why == "" {
				why = "本案情形" + map[bool]string{true: "符合", false: "不符合"}[s.Result] + "其条件"
				held = s.Result
			}
			if s.Step.Step == "first_offense" && held {
				why = "初次违法，" + why
			}
			if held {
				lines = append(lines, fmt.Sprintf("符合%s的条件：%s%s", name, why, cite(s.Citation)))
			} else {
				lines = append(lines, fmt.Sprintf("不适用%s：%s", name, why))
			}
		}
	}
	if len(lines) == 0 {
		return ""
	}
	return sentence(strings.Join(lines, "；"))
}

// noPenalty states the decision not to penalise and its basis.
func (rs *reasoner) noPenalty() string {
	d := rs.d
	s := "综上，"
	for _, st := range rs.steps {
		if st.h.kind() == kindNoPenalty {
			if st.Citation != "" {
				s += "依照" + st.Citation + "，"
			}
			break
		}
	}
	if d.Reason == ReasonPreconditionUnmet {
		s += "罚款的前提条件尚未成立（" + rs.unmetPrecondition() + "），暂不予罚款"
	} else {
		subject := "当事人"
		switch d.Reason {
		case ReasonLimitation, ReasonNotIllegal, ReasonCommitment:
			subject = "" // the label names its own subject
		}
		s += subject + d.Reason.Label() + "，决定不予行政处罚"
	}
	if len(d.Orders) > 0 {
		s += "，" + strings.Join(d.Orders, "，")
	}
	if d.Discretionary {
		s += "。以上处理系依据“可以”的规定作出，执法人员可以结合案件情况说明理由后依法作出不同决定"
	}
	return sentence(s)
}

// unmetPrecondition states the precondition of the fine that failed.
func (rs *reasoner) unmetPrecondition() string {
	for _, s := range rs.steps {
		if s.h.kind() == kindEval && s.Step.Step == "precondition" && !s.Result {
			if _, why, ok := rs.explain(rs.rule(s)); ok && why != "" {
				return strings.TrimSuffix(s.Note, "。") + "；本案" + why
			}
			return s.Note
		}
	}
	return "如逾期不改正、拒不改正"
}

// preconditions states the preconditions of sanctions that hold.
func (rs *reasoner) preconditions() string {
	var lines []string
	for _, s := range rs.steps {
		if s.h.kind() != kindEval || s.Step.Step != "precondition" || !s.Result {
			continue
		}
		line := s.Note
		ru := rs.rule(s)
		if _, why, ok := rs.explain(ru); ok && why != "" {
			// The quotation is the precondition's words; the windows of the
			// counters it reads follow it.
			windows := strings.TrimPrefix(s.Note, ru.note)
			line = fmt.Sprintf("本案%s，符合“%s”的规定%s", why, ru.note, windows)
		}
		lines = append(lines, line+cite(s.Citation))
	}
	return sentence(strings.Join(lines, "；"))
}

// statutory states the statutory fine.
func (rs *reasoner) statutory() string {
	// A clause with several ranges: which one the case falls under comes
	// first ("属于造成严重后果的，适用…").
	var which string
	for _, s := range rs.steps {
		switch s.h.kind() {
		case kindFineRange:
			which = "本案" + s.Note + "。"
		case kindStatutory:
			note := strings.Replace(s.Note, "）：", "）为", 1)
			// A range without maximum is 5000元以上 in a sentence.
			note = strings.ReplaceAll(note, "以上元", "元以上")
			return which + sentence("依照"+s.Citation+"，"+note)
		case kindNoFine, kindUndeterminable:
			return sentence(s.Note + cite(s.Citation))
		}
	}
	return ""
}

// grade states the grade chosen and why, and why the grades beside it were
// not.
func (rs *reasoner) grade() string {
	d := rs.d
	if d.Grade == "" {
		return ""
	}
	var v *versionRules
	var chosen *gradeRules
	var fine, formula string
	for _, s := range rs.steps {
		switch s.h.kind() {
		case kindGradeFormula:
			// The amount the standard's formula gives, computed step by
			// step, stands for the grade's range.
			g := rs.version(s).grades[s.h.ref()].g
			formula = "该阶次的" + strings.TrimPrefix(s.Step.Note, "阶次"+g.Label+"的")
		case kindGradeRange:
			v = rs.version(s)
			chosen = v.grades[s.h.ref()]
			fine = "该阶次的罚款幅度为" + yuan(rs.t.rangeOf(s.vals[0], s.vals[1]))
			if formula != "" {
				fine = formula
			}
		case kindGradeNoFine:
			v = rs.version(s)
			chosen = v.grades[s.h.ref()]
			fine = "该阶次不予罚款"
		case kindEval:
			if s.Step.Step == "grade" && s.Result && chosen == nil {
				v = rs.version(s)
				for _, g := range v.grades {
					if g.when == rs.rule(s) {
						chosen = g
					}
				}
			}
		}
	}
	if chosen == nil {
		return sentence(fmt.Sprintf("本案适用“%s”裁量阶次", d.GradeLabel))
	}
	var b strings.Builder
	cond := condition.Render(chosen.when.expr)
	_, why, ok := rs.explain(chosen.when)
	if formula != "" && ok {
		fine = withoutStated(fine, why)
	}
	switch {
	case ok && why != "":
		fmt.Fprintf(&b, "本案%s，符合“%s”裁量阶次的适用条件%s", why, chosen.g.Label, condClause(cond))
	case cond == condition.RenderedAll && chosen.index > 0:
		// A catch-all after other grades: the tables publish it as 其他情形.
		fmt.Fprintf(&b, "本案不符合在先各阶次的适用条件，适用“%s”裁量阶次（其他情形）", chosen.g.Label)
	default:
		fmt.Fprintf(&b, "本案适用“%s”裁量阶次（适用条件：%s）", chosen.g.Label, cond)
	}
	if chosen.g.TierPos.IsValid() && chosen.g.Tier != penalty.General && !strings.Contains(chosen.g.Label, chosen.g.Tier.Label()) {
		// A grade the standard places in a tier decides the outcome.
		fmt.Fprintf(&b, "，该阶次为%s处罚阶次", chosen.g.Tier.Label())
		fine = strings.TrimPrefix(fine, "该阶次的")
	}
	if fine != "" {
		b.WriteString("，" + fine)
	}
	heaviest := rs.heaviestStep()
	if heaviest != "" {
		// selection: heaviest — rows that hold besides the one applied
		// are not "not met": the standard applies the heaviest of them.
		b.WriteString("；" + heaviest)
	}
	if i := chosen.index - 1; i >= 0 && heaviest == "" {
		prev := v.grades[i]
		if _, why, ok := rs.explain(prev.when); ok && why != "" {
			fmt.Fprintf(&b, "；不适用“%s”阶次：该阶次适用于%s，本案%s", prev.g.Label, situation(condition.Render(prev.when.expr)), why)
		} else {
			fmt.Fprintf(&b, "；本案不符合“%s”阶次的适用条件%s", prev.g.Label, condClause(condition.Render(prev.when.expr)))
		}
	}
	if i := chosen.index + 1; i < len(v.grades) && heaviest == "" {
		next := v.grades[i]
		held, why, ok := rs.explain(next.when)
		switch {
		case ok && !held && why != "":
			fmt.Fprintf(&b, "；不适用“%s”阶次：该阶次适用于%s，本案%s", next.g.Label, situation(condition.Render(next.when.expr)), why)
		case ok && !held:
			fmt.Fprintf(&b, "；本案不符合“%s”阶次的适用条件%s", next.g.Label, condClause(condition.Render(next.when.expr)))
		case v.selection == catalog.SelectFirst:
			fmt.Fprintf(&b, "；各阶次按顺序适用，本案已符合在先的“%s”阶次，不再适用其后的“%s”阶次", chosen.g.Label, next.g.Label)
		}
	}
	return sentence(b.String())
}

// circumstances states the circumstances that apply, with their effect
// and citation, and how they move the fine.
func (rs *reasoner) circumstances() string {
	var lines []string
	for _, s := range rs.steps {
		switch s.h.kind() {
		case kindEval:
			if s.Step.Step != "factor" || !s.Result {
				continue
			}
			f := rs.factorOf(s)
			if f == nil {
				lines = append(lines, s.Note+cite(s.Citation))
				continue
			}
			mode := "应当"
			if !f.Mandatory {
				mode = "可以"
			}
			of := "的情节" // a label that ends in 的 (…被查处的) names the circumstance itself
			if strings.HasSuffix(f.Label, "的") {
				of = "情形"
			}
			line := fmt.Sprintf("当事人具有“%s”%s，%s%s处罚", f.Label, of, mode, f.Effect.Label())
			if _, why, ok := rs.explain(rs.rule(s)); ok && why != "" && !strings.Contains(f.Label, why) {
				line = fmt.Sprintf("本案%s，", why) + line
			}
			lines = append(lines, line+cite(s.Citation))
		case kindMinor, kindLimitedCapacity:
			lines = append(lines, s.Note+"处罚"+cite(s.Citation))
		case kindAdjust:
			switch adjustNote(s.vals[0]) {
			case adjustLighter, adjustHeavier:
				// The circumstances above state the effect; the tier split
				// after it states which part of which range it takes.
			default:
				lines = append(lines, s.Note+cite(s.Citation))
			}
		case kindTierSplit:
			lines = append(lines, rs.tierSplit(s))
		case kindEffect, kindEffectCombined:
			// A circumstance's effect as the standard publishes it: the
			// step states the effect and the range it gives.
			lines = append(lines, s.Note+cite(s.Citation))
		case kindMitigateNoMinimum, kindMitigate, kindMitigateAtMinimum, kindStatuteClamp:
			// kindTopFine is a point for review: the flags state it.
			lines = append(lines, s.Note+cite(s.Citation))
		}
	}
	return sentence(strings.Join(lines, "；"))
}

// factorOf finds the catalog factor a factor step tested.
func (rs *reasoner) factorOf(s reasonStep) *catalog.Factor {
	ru := rs.rule(s)
	for _, fr := range rs.version(s).factors {
		if fr != nil && fr.when == ru {
			return fr.f
		}
	}
	return nil
}

// tierSplit states how the part of a range for the outcome was taken.
func (rs *reasoner) tierSplit(s reasonStep) string {
	ref := s.h.ref()
	tier, what := penalty.Lighter, "阶次罚款幅度"
	if ref&tierHeavier != 0 {
		tier = penalty.Heavier
	}
	switch {
	case ref&tierStatutory != 0:
		what = "法定罚款幅度"
	case ref&tierWithinTier != 0:
		what = "阶次罚款幅度（已为法定幅度的从轻部分）"
	}
	t := rs.t
	if ref&tierBelowGrade != 0 {
		return fmt.Sprintf("该阶次罚款为单一数额，从轻处罚在法定罚款幅度%s内取低于该数额的部分，为%s",
			yuan(t.rangeOf(s.vals[0], s.vals[1])), yuan(t.rangeOf(s.vals[2], s.vals[3])))
	}
	return fmt.Sprintf("按本裁量基准%s，%s%s的%s部分为%s", rs.version(s).scheme.Label(), what,
		yuan(t.rangeOf(s.vals[0], s.vals[1])), tier.Label(), yuan(t.rangeOf(s.vals[2], s.vals[3])))
}

// penalty states the penalty decided: the outcome, the range within which
// the officer fixes the amount, the other sanctions and the orders.
func (rs *reasoner) penalty() string {
	d := rs.d
	s := "综上，对当事人" + d.Outcome.Label()
	if d.Outcome == General {
		s = "综上，对当事人按一般情节处罚"
	}
	var others []string
	for _, st := range d.Sanctions {
		if st != penalty.Fine {
			others = append(others, penalty.SanctionType(st).Label())
		}
	}
	if len(others) > 0 {
		s += "，给予" + strings.Join(others, "、")
	}
	switch {
	case d.Fine == nil:
	case d.Fine.Min.Equal(d.Fine.Max):
		s += "，罚款" + d.Fine.Min.String() + "元" // the standard leaves no amount to choose
	default:
		s += "，罚款幅度为" + yuan(d.Fine.Range()) + "。具体罚款数额由执法人员在上述幅度内结合案件情况确定并说明理由"
	}
	switch {
	case len(d.Orders) == 0:
	case d.Outcome == OrderOnly:
		// The orders are the whole decision: say them once, not after
		// "仅责令改正".
		s = "综上，对当事人不给予行政处罚，" + strings.Join(d.Orders, "，")
	default:
		s += "。同时" + strings.Join(d.Orders, "，")
	}
	if d.Discretionary {
		s += "。以上处理系依据“可以”的规定作出，执法人员可以结合案件情况说明理由后依法作出不同决定"
	}
	return sentence(s)
}

// procedure states the procedure the decision requires.
func (rs *reasoner) procedure() string {
	d := rs.d
	cites := map[string]string{}
	for _, s := range rs.steps {
		if s.Step.Step == "procedure" && s.Citation != "" {
			key := s.Rule
			if _, ok := cites[key]; !ok {
				cites[key] = s.Citation
			}
		}
	}
	p := d.Procedure
	var parts []string
	if p.Simple {
		parts = append(parts, "本案可以适用简易程序，当场作出行政处罚决定"+cite(orDefault(cites["art51.simple"], citeArt51)))
		if p.OnTheSpot {
			parts = append(parts, "执法人员可以当场收缴罚款"+cite(orDefault(cites["art68.on_the_spot"], citeArt68)))
		}
	} else {
		parts = append(parts, "本案适用普通程序"+cite(orDefault(cites["art51.simple"], citeArt51)))
	}
	if p.Hearing {
		c := cites["art63.amount"]
		if c == "" {
			c = orDefault(cites["art63.type"], orDefault(cites["art63.confiscation"], citeArt63))
		}
		parts = append(parts, "作出决定前应当告知当事人有要求听证的权利"+cite(c))
	}
	if p.LegalReview {
		parts = append(parts, "作出决定前应当进行法制审核"+cite(orDefault(cites["legal_review"], citeArt58)))
	}
	if p.CollectiveDiscussion {
		parts = append(parts, "应当由行政机关负责人集体讨论决定"+cite(orDefault(cites["collective_discussion"], citeArt57)))
	}
	return sentence(strings.Join(parts, "；"))
}

// terms states 告知承诺 and 公益抵罚 terms.
func (rs *reasoner) terms() string {
	d := rs.d
	var parts []string
	if c := d.Commitment; c != nil {
		parts = append(parts, fmt.Sprintf("%s，改正期限至%s；%s%s", strings.TrimSuffix(c.Label, "。"), c.Deadline, c.Consequence, cite(c.Citation)))
	}
	if o := d.Offset; o != nil {
		parts = append(parts, fmt.Sprintf("当事人可以申请以公益服务折抵罚款，每%s折抵%s元%s", perLabel(o.Per), o.Rate, cite(o.Citation)))
	}
	return sentence(strings.Join(parts, "；"))
}

// chineseDates writes the dates of a note taken from the trace
// (YYYY-MM-DD) as a decision document does: 2026-05-10 → 2026年5月10日.
func chineseDates(s string) string {
	if strings.IndexByte(s, '-') < 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i+10 <= len(s); i++ {
		if !isISODate(s[i:i+10]) || (i > 0 && isDigit(s[i-1])) || (i+10 < len(s) && isDigit(s[i+10])) {
			continue
		}
		d, err := catalog.ParseDate(s[i : i+10])
		if err != nil {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(condition.ChineseDate(d))
		last = i + 10
		i += 9
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// isISODate reports whether s has the shape of YYYY-MM-DD.
func isISODate(s string) bool {
	for i := 0; i < 10; i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// cite puts a citation in parentheses after a statement, or nothing.
func cite(c string) string {
	if c == "" {
		return ""
	}
	return "（" + c + "）"
}

// yuan writes a range of yuan: 3001至10000元, 5000元以上.
func yuan(rng penalty.Range) string {
	if rng.Unbounded {
		return rng.Min.String() + "元以上"
	}
	return rangeText(rng) + "元"
}

// orDefault is c, or fallback when c is empty.
func orDefault(c, fallback string) string {
	if c == "" {
		return fallback
	}
	return c
}

// sentence ends a paragraph with 。, or returns "" for an empty one.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	s = strings.TrimRight(s, "。；，")
	return chineseDates(s) + "。"
}

// condClause puts a condition rendered into Chinese after "适用条件": in
// brackets, unless it opens with a bracketed group of its own, where a
// colon keeps the text from opening with "（（".
func condClause(cond string) string {
	if strings.HasPrefix(cond, "（") {
		return "：" + cond
	}
	return "（" + cond + "）"
}

// heaviestStep is the sentence of a grade chosen as the heaviest of the
// rows the case meets (selection: heaviest), or "" when one row held.
func (rs *reasoner) heaviestStep() string {
	for _, s := range rs.steps {
		if s.h.kind() == kindGradeHeaviest {
			return "本案" + s.Note + cite(s.Citation)
		}
	}
	return ""
}

// withoutStated drops from a formula's sentence (该阶次的罚款按公式计算：超标
// 排放量为25立方米，…) the value it counts where the sentence before it
// already states it (本案超标排放量为25立方米).
func withoutStated(fine, why string) string {
	const lead = "计算："
	i := strings.Index(fine, lead)
	if i < 0 {
		return fine
	}
	rest := fine[i+len(lead):]
	if j := strings.Index(rest, "，"); j > 0 && strings.Contains(why, rest[:j]) {
		return fine[:i+len(lead)] + rest[j+len("，"):]
	}
	return fine
}
