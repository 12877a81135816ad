package standards

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/penalty"
)

// This file holds the checks that read the law: the modality of sanctions
// and factors (standards_mandatory), the grounds of 减轻
// (standards_mitigation), the preconditions of art. 33 exemptions
// (standards_first_offense) and the statutory range as the quoted clause
// states it (standards_range).

// catalogChecks runs the checks of the catalog's own rules.
func (ck *checker) catalogChecks() {
	cat := ck.cat
	if f := cat.Policies.MitigationFloor; f != nil && f.Sign() < 0 {
		ck.add(finding(cat.Policies.Pos, CodeMitigation, SeverityError, MethodStatic,
			"policies.mitigation_floor is %s: a 减轻 fine would go below zero; the floor is a share of the statutory minimum from 0 to 1", f))
	}
	ck.slightHarmOptions()
	vc := ck.catalogVersion()
	if r := cat.Policies.NoFault; r != nil {
		if x := ck.expr(r.When); x != nil {
			if _, ok, m := vc.find(chkQuery{lits: []chkLit{lit(x, true)}}); !ok {
				ck.add(finding(r.When.Pos, CodeUnreachable, chkSev(m), m,
					"policies.no_fault can never apply: its condition %s is never true within the declared facts", chkSrc(x)))
			}
		}
	}
	for _, f := range cat.Factors {
		ck.factorLaw(f, nil)
		x := ck.expr(f.When)
		if x == nil {
			continue
		}
		if _, ok, m := vc.find(chkQuery{lits: []chkLit{lit(x, true)}}); !ok {
			ck.add(finding(f.When.Pos, CodeUnreachable, chkSev(m), m,
				"factor %s can never apply: its condition %s is never true within the declared facts", f.ID, chkSrc(x)))
		}
	}
}

// catalogVersion is an analysis context for catalog-wide conditions, which
// read only the builtins and the catalog's facts.
func (ck *checker) catalogVersion() *chkVersion {
	it := &catalog.Item{Code: "(catalog)"}
	ver := &catalog.Version{ID: "-", EffectiveFrom: ck.cat.Effective}
	vc := &chkVersion{ck: ck, it: it, ver: ver, dates: chkVersionDates(ver), otherItem: "OTHER"}
	vc.space = newIVSpace(discretion.BaseScope(ck.cat), checkSlots(ck.cat, nil))
	vc.space.maxBoxes = ck.opts.MaxRegions
	return vc
}

// lawChecks runs the checks of one version that read the law.
func (ck *checker) lawChecks(vc *chkVersion) {
	ck.sanctionModality(vc)
	ck.statutoryText(vc)
	ck.personsText(vc)
	if vc.b == nil {
		return
	}
	for _, f := range vc.b.Factors {
		ck.factorLaw(f, vc)
	}
	ck.gradeRanges(vc)
	ck.formulaBounds(vc)
	ck.exemptions(vc)
}

// basis is the version's legal basis.
func (vc *chkVersion) basis() catalog.Basis {
	if vc.ver.Basis != nil {
		return *vc.ver.Basis
	}
	return vc.it.Basis
}

// sanctionModality compares each sanction's mandatory flag with the
// clause: "处"/"并处" is mandatory, "可以处"/"可以并处" is not. Where another
// clause sets the amount (basis.amount, e.g. a provincial regulation
// filling in a national one), that clause speaks first.
func (ck *checker) sanctionModality(vc *chkVersion) {
	basis := vc.basis()
	var cites []*catalog.Citation
	for _, c := range []*catalog.Citation{basis.Amount, basis.Penalty} {
		if c != nil && c.Text != "" {
			cites = append(cites, c)
		}
	}
	for _, s := range vc.ver.Sanctions {
		m, pc := chkUnknown, (*catalog.Citation)(nil)
		for _, c := range cites {
			if m = chkClauseModality(c.Text, s.Type); m != chkUnknown {
				pc = c
				break
			}
		}
		var msg string
		switch {
		case m == chkOptional && s.Mandatory:
			msg = "sanction %s is marked mandatory, but the clause leaves it to the agency (可以处 / 可以并处); mark it mandatory: false"
		case m == chkMandatory && !s.Mandatory:
			msg = "sanction %s is marked optional, but the clause imposes it (处 / 并处 without 可以); mark it mandatory: true"
		default:
			continue
		}
		f := vc.finding(s.Pos, CodeMandatory, SeverityError, MethodStatic, nil, msg, s.Type)
		f.Related = []Related{relatedRule(pc.Pos, "penalty clause %s", pc.String())}
		ck.add(f)
	}
}

// factorLaw checks a factor's mandatory flag and, for 减轻, its legal
// ground. vc is nil for the catalog's own factors.
func (ck *checker) factorLaw(f *catalog.Factor, vc *chkVersion) {
	newFinding := func(code string, sev Severity, format string, args ...any) Finding {
		var out Finding
		if vc == nil {
			out = finding(f.Pos, code, sev, MethodStatic, "%s: %s", messagesZh.P("factor %s", f.ID), messagesZh.P(format, args...))
		} else {
			out = vc.finding(f.Pos, code, sev, MethodStatic, nil, "%s: %s", messagesZh.P("factor %s", f.ID), messagesZh.P(format, args...))
		}
		out.Witness, out.claim = ck.factorWitness(f, vc), claimFactor(f.ID)
		return out
	}
	switch want, why := chkFactorModality(f); {
	case want == chkMandatory && !f.Mandatory:
		ck.add(newFinding(CodeMandatory, SeverityError, "marked discretionary (mandatory: false), but %s says 应当%s; mark it mandatory: true", why, f.Effect.Label()))
	case want == chkOptional && f.Mandatory:
		ck.add(newFinding(CodeMandatory, SeverityError, "marked mandatory, but %s says 可以%s (discretionary); mark it mandatory: false", why, f.Effect.Label()))
	}
	if f.Effect != catalog.EffectMitigate {
		return
	}
	ok, sure, why := chkLegalGround(f.Citation, ck.cat)
	switch {
	case !ok && sure:
		fd := newFinding(CodeMitigation, SeverityError, "减轻 (a fine below the statutory minimum) without a legal ground: %s", why)
		fd.setHint("cite 《行政处罚法》第三十条、第三十一条、第三十二条 or the 法律、法规、规章 that provides the ground (art. 32 (五)), or use effect: lighter")
		ck.add(fd)
	case !ok:
		fd := newFinding(CodeMitigation, SeverityWarning, "减轻 (a fine below the statutory minimum): cannot tell whether %s is a legal ground", why)
		ck.add(fd)
	}
}

// factorWitness returns a case in which a factor applies: in the version vc,
// or for a catalog factor, in the first item version where it can.
func (ck *checker) factorWitness(f *catalog.Factor, vc *chkVersion) *discretion.Case {
	x := ck.expr(f.When)
	if x == nil {
		return nil
	}
	try := func(vc *chkVersion) *discretion.Case {
		if vc.b == nil || vc.hasNil() {
			return nil
		}
		if p, ok, _ := vc.find(chkQuery{graded: true, lits: []chkLit{{any: vc.grades, want: true}, lit(x, true)}}); ok {
			return vc.witness(p)
		}
		return nil
	}
	if vc != nil {
		return try(vc)
	}
	for _, it := range ck.cat.Items {
		for _, ver := range it.Versions {
			if w := try(ck.newVersion(it, ver)); w != nil {
				return w
			}
		}
	}
	return nil
}

// chkFactorModality reads whether the law makes a factor mandatory.
func chkFactorModality(f *catalog.Factor) (chkModality, string) {
	c := f.Citation
	if c == nil {
		return chkUnknown, ""
	}
	if chkIsAPL(c.Instrument) && f.Effect != catalog.EffectHeavier {
		switch c.Article {
		case 30:
			return chkMandatory, "《行政处罚法》第三十条 (已满十四周岁不满十八周岁…应当从轻或者减轻)"
		case 31:
			return chkOptional, "《行政处罚法》第三十一条 (尚未完全丧失辨认或者控制自己行为能力…可以从轻或者减轻)"
		case 32:
			return chkMandatory, "《行政处罚法》第三十二条 (当事人有下列情形之一，应当从轻或者减轻)"
		}
		return chkUnknown, ""
	}
	t := c.Text
	switch {
	case strings.Contains(t, "应当") && !strings.Contains(t, "可以"):
		return chkMandatory, "the cited text " + c.String()
	case strings.Contains(t, "可以") && !strings.Contains(t, "应当"):
		return chkOptional, "the cited text " + c.String()
	}
	return chkUnknown, ""
}

// chkIsAPL reports whether an instrument is the Administrative Penalty Law.
func chkIsAPL(instrument string) bool {
	s := strings.Trim(instrument, "《》 ")
	s = strings.TrimPrefix(s, "中华人民共和国")
	return s == "行政处罚法"
}

// Words that mark a normative document rather than a 法律、法规、规章: such a
// document (a discretion standard, an 意见, a 通知) cannot create a ground
// for 减轻 under art. 32 (五).
var (
	chkNotLaw = []string{"裁量基准", "基准", "意见", "通知", "清单", "指引", "指南", "方案", "示例", "标准", "细化"}
	chkLaw    = []string{"法", "条例", "规定", "办法", "细则", "规则", "决定"}
)

// chkLegalGround says whether a citation is a legal ground for 减轻: arts.
// 30–32 of the Administrative Penalty Law, or another 法律、法规、规章 (art. 32
// (五)). sure is false where the instrument's name does not tell.
func chkLegalGround(c *catalog.Citation, cat *catalog.Catalog) (ok, sure bool, why any) {
	if c == nil {
		return false, true, messagesZh.P("the factor cites nothing")
	}
	name := strings.Trim(c.Instrument, "《》 ")
	if chkIsAPL(name) {
		if c.Article >= 30 && c.Article <= 32 {
			return true, true, ""
		}
		return false, true, messagesZh.P("%s is not one of the grounds of arts. 30–32", c)
	}
	if name == cat.Title {
		return false, true, messagesZh.P("%s is this discretion standard itself, which cannot create a ground for 减轻", c)
	}
	for _, w := range chkNotLaw {
		if strings.Contains(name, w) {
			return false, true, messagesZh.P("%s is a normative document (%s), not a 法律、法规、规章", c, w)
		}
	}
	for _, w := range chkLaw {
		if strings.HasSuffix(strings.TrimRight(name, "（）()试行"), w) {
			return true, true, ""
		}
	}
	return false, false, c.String()
}

// gradeRanges checks each grade's sub-range against the statutory range,
// independently of the loader, and grades that drop a mandatory fine.
func (ck *checker) gradeRanges(vc *chkVersion) {
	fine := chkFineOf(vc.ver)
	if fine == nil || fine.Amount == nil {
		return
	}
	for _, g := range vc.b.Grades {
		if g.Fine == nil {
			continue
		}
		if g.Fine.None && fine.Mandatory {
			f := vc.finding(g.Fine.Pos, CodeMitigation, SeverityError, MethodStatic, vc.gradeWitness(g),
				"grade %s (%s) imposes no fine, but the fine is mandatory (处/并处): dropping it is 减轻, which needs a legal ground, not a grade", g.ID, g.Label)
			f.claim = claimGrade(g.ID)
			f.Related = []Related{relatedRule(fine.Pos, "the mandatory fine")}
			ck.add(f)
			continue
		}
		amount := fine.AmountOf(g.Range)
		if amount == nil {
			continue
		}
		for _, pr := range chkPartyRules(amount) {
			gf := g.Fine
			if pr.party != "" {
				gf = g.Fine.For(pr.party)
			}
			if gf == nil || gf.None || gf.Span == nil {
				continue
			}
			if msg := chkSpanOutside(pr.rule, gf); msg != nil {
				var party any = ""
				if pr.party != "" {
					party = messagesZh.P(" for %s (%s)", pr.party.Label(), string(pr.party))
				}
				f := vc.finding(gf.Pos, CodeRange, SeverityError, MethodStatic, vc.gradeWitness(g), "grade %s%s: %s", g.ID, party, msg)
				f.claim = claimGrade(g.ID)
				f.Related = []Related{relatedRule(pr.pos, "statutory amount")}
				ck.add(f)
			}
		}
	}
}

// chkAllPartyRules are the party rules of several amounts, in order.
func chkAllPartyRules(as []*catalog.Amount) []chkPartyRule {
	var out []chkPartyRule
	for _, a := range as {
		if a != nil {
			out = append(out, chkPartyRules(a)...)
		}
	}
	return out
}

// chkSpanOutside says how a grade's span leaves the statutory range, or "".
func chkSpanOutside(rule penalty.Rule, gf *catalog.GradeFine) *catalog.Phrase {
	s := gf.Span
	switch gf.Unit {
	case catalog.UnitShare:
		if s.Min.Sign() < 0 || (s.Max != nil && s.Max.GreaterThan(chkOne)) {
			return messagesZh.P("the share [%s, %s] leaves the statutory range (shares run from 0, the statutory minimum, to 1, its maximum); below 0 is 减轻, which needs a legal ground", s.Min.String(), chkOptDec(s.Max))
		}
		return nil
	case catalog.UnitYuan, catalog.UnitTimes, catalog.UnitPercent:
	default:
		return nil
	}
	stat := rule.FactorRange()
	unit := map[catalog.FineUnit]string{catalog.UnitYuan: "元", catalog.UnitTimes: "倍", catalog.UnitPercent: "%"}[gf.Unit]
	if s.Min.LessThan(stat.Min) {
		return messagesZh.P("the range starts at %s%s, below the statutory minimum %s%s (below the minimum is 减轻, which needs a legal ground)", s.Min, unit, stat.Min, unit)
	}
	if s.Max != nil && !stat.Unbounded && s.Max.GreaterThan(stat.Max) {
		return messagesZh.P("the range reaches %s%s, above the statutory maximum %s%s", s.Max, unit, stat.Max, unit)
	}
	return nil
}

func chkOptDec(d *decimal.Decimal) string {
	if d == nil {
		return "∞"
	}
	return d.String()
}

// statutoryText compares the statutory amount with the amounts the quoted
// clause states: a bound the clause does not state means the statutory
// range, and the grades cut from it, are not the law's.
func (ck *checker) statutoryText(vc *chkVersion) {
	fine := chkFineOf(vc.ver)
	if fine == nil || fine.Amount == nil {
		return
	}
	basis := vc.basis()
	cite := basis.Amount
	if cite == nil || cite.Text == "" {
		cite = basis.Penalty
	}
	if cite == nil || cite.Text == "" {
		return
	}
	stated := chkParseClause(cite.Text)
	if stated.empty() {
		return
	}
	amounts := []*catalog.Amount{fine.Amount}
	for _, r := range fine.Ranges {
		amounts = append(amounts, r.Amount)
	}
	for _, pr := range chkAllPartyRules(amounts) {
		var missing []string
		chkRuleAgainst(pr.rule, stated, &missing)
		if len(missing) == 0 {
			continue
		}
		var party any = ""
		if pr.party != "" {
			party = messagesZh.P(" for %s (%s)", pr.party.Label(), string(pr.party))
		}
		f := vc.finding(pr.pos, CodeRange, SeverityError, MethodStatic, nil,
			"the statutory amount%s states %s, which the quoted clause %s does not (it states %s)",
			party, ivJoin(missing, ", "), cite.String(), chkStatedText(stated))
		f.Related = []Related{relatedRule(cite.Pos, "quoted clause %s", cite.String())}
		if top, ok := chkTextMax(pr.rule, stated); ok && vc.b != nil {
			var above []string
			for _, g := range vc.b.Grades {
				gf := g.Fine
				if gf != nil && pr.party != "" {
					gf = gf.For(pr.party)
				}
				if gf == nil || gf.Unit != catalog.UnitYuan && gf.Unit != catalog.UnitTier && gf.Unit != catalog.UnitShare {
					continue
				}
				if hi, ok := chkGradeTop(pr.rule, gf, ck.cat.SchemeFor(vc.b)); ok && hi.GreaterThan(top) {
					above = append(above, g.ID)
					f.Related = append(f.Related, relatedRule(chkFinePos(g), "grade %s reaches %s元", g.ID, hi))
					if f.Witness == nil {
						if p := vc.gradeWitness(g); p != nil {
							f.Witness, f.claim = vc.witness(p), claimGrade(g.ID)
						}
					}
				}
			}
			if len(above) > 0 {
				f.appendMessage("; grades %s reach above %s元, the most the clause allows, so their sub-ranges leave the statutory range", ivJoin(above, ", "), top)
			}
		}
		f.setHint("quote the clause in full (basis.penalty.text, or basis.amount.text where another clause sets the amount) and state its amounts exactly")
		ck.add(f)
	}
}

// chkRuleAgainst lists the bounds of a rule that the clause does not state.
func chkRuleAgainst(r penalty.Rule, stated chkClauseAmounts, missing *[]string) {
	check := func(set []decimal.Decimal, x decimal.Decimal, label, unit string) {
		if len(set) > 0 && !chkContains(set, x) {
			*missing = append(*missing, label+" "+x.String()+unit)
		}
	}
	var set []decimal.Decimal
	unit := "元"
	switch r.Kind {
	case penalty.Fixed, penalty.PerUnit:
		set = stated.yuan
	// One range may state its bounds in both notations of a share of the
	// base: 税收征收管理法第六十三条 "处不缴或者少缴的税款百分之五十以上五倍
	// 以下的罚款" is 0.5 to 5 times, or 50 % to 500 %.
	case penalty.Multiple:
		set, unit = append(slices.Clone(stated.times), chkScaled(stated.percent, decimal.New(1, -2))...), "倍"
	case penalty.Percent:
		set, unit = append(slices.Clone(stated.percent), chkScaled(stated.times, decimal.NewFromInt(100))...), "%"
	}
	if r.Min.Sign() > 0 {
		check(set, r.Min, "min", unit)
	}
	if r.Max != nil {
		check(set, *r.Max, "max", unit)
	}
	if r.Cap != nil {
		check(stated.yuan, *r.Cap, "cap", "元")
	}
	for _, fb := range r.Fallbacks {
		if fb.When.Below != nil {
			check(stated.yuan, *fb.When.Below, "fallback below", "元")
		}
		chkRuleAgainst(fb.Rule, stated, missing)
	}
}

// chkScaled returns each of xs times k.
func chkScaled(xs []decimal.Decimal, k decimal.Decimal) []decimal.Decimal {
	out := make([]decimal.Decimal, len(xs))
	for i, x := range xs {
		out[i] = x.Mul(k)
	}
	return out
}

// chkTextMax is, for a yuan range whose maximum the clause does not state,
// the largest yuan amount the clause states below it.
func chkTextMax(r penalty.Rule, stated chkClauseAmounts) (decimal.Decimal, bool) {
	if r.Kind != penalty.Fixed || r.Max == nil || chkContains(stated.yuan, *r.Max) {
		return decimal.Decimal{}, false
	}
	var top decimal.Decimal
	found := false
	for _, y := range stated.yuan {
		if y.LessThan(*r.Max) && (!found || y.GreaterThan(top)) {
			top, found = y, true
		}
	}
	return top, found
}

// chkGradeTop is the largest yuan amount a grade allows under a fixed rule.
func chkGradeTop(r penalty.Rule, gf *catalog.GradeFine, scheme penalty.Scheme) (decimal.Decimal, bool) {
	if r.Max == nil || gf.None {
		return decimal.Decimal{}, false
	}
	switch gf.Unit {
	case catalog.UnitYuan:
		if gf.Span != nil && gf.Span.Max != nil {
			return *gf.Span.Max, true
		}
	case catalog.UnitShare:
		if gf.Span != nil && gf.Span.Max != nil {
			return r.Min.Add(r.Max.Sub(r.Min).Mul(*gf.Span.Max)), true
		}
	case catalog.UnitTier:
		iv, err := scheme.Split(penalty.Closed(r.Min, *r.Max), gf.Tier)
		if err == nil && iv.Max != nil {
			return *iv.Max, true
		}
	}
	return decimal.Decimal{}, false
}

func chkStatedText(a chkClauseAmounts) string {
	var parts []string
	for _, x := range a.yuan {
		parts = append(parts, x.String()+"元")
	}
	for _, x := range a.times {
		parts = append(parts, x.String()+"倍")
	}
	for _, x := range a.percent {
		parts = append(parts, "百分之"+x.String())
	}
	return ivJoin(parts, ", ")
}

// chkUncorrectedRE finds a fine that waits for a failure to correct.
var chkUncorrectedRE = regexp.MustCompile(`(逾期不改正|逾期未改正|拒不改正|逾期不整改|拒不整改)的[^；。]*罚款`)

// exemptions checks the art. 33 ¶1 exemptions of a version.
func (ck *checker) exemptions(vc *chkVersion) {
	b := vc.b
	type ex struct {
		pos  catalog.Pos
		c    *catalog.Cond
		name string
		what string
	}
	var list []ex
	if e := b.LightViolation; e != nil {
		list = append(list, ex{e.Pos, e.When, "light_violation", "轻微不罚 (art. 33 ¶1 s1)"})
	}
	if fo := b.FirstOffense; fo != nil {
		list = append(list, ex{fo.Pos, fo.When, "first_offense", "首违不罚 (art. 33 ¶1 s2)"})
	}
	if len(list) == 0 {
		return
	}
	// The fine waits for a failure to correct.
	if kind, pos, ok := vc.uncorrectedPrecondition(); ok {
		for _, e := range list {
			// The witness is fined under the clause (the precondition holds)
			// and yet exempted: the party both failed to correct and
			// corrected in time.
			var w *chkPoint
			if x := ck.expr(e.c); x != nil {
				w, _, _ = vc.find(chkQuery{lits: chkAnd(vc.reach, lit(x, true))})
			}
			f := vc.finding(e.pos, CodeFirstOffense, SeverityError, MethodStatic, w,
				"%s on an item whose fine applies only after the party failed to correct (%s): art. 33 ¶1 requires 及时改正, so a party who can be fined never qualifies, and one who corrected in time is not fined in the first place (precondition unmet, not an art. 33 exemption)",
				e.what, kind)
			f.claim = claimExempt(e.name)
			f.Related = []Related{relatedRule(pos, "precondition %s", kind)}
			f.setHint("remove the exemption; the engine reports precondition_unmet for a party who corrected")
			ck.add(f)
		}
	}
	ck.exemptionElements(vc, list[0].c, list[0].name)
	if len(list) > 1 {
		ck.exemptionElements(vc, list[1].c, list[1].name)
	}
	if fo := b.FirstOffense; fo != nil && ck.cat.FirstOffenseListed(vc.it.Code, fo) && ck.opts.FirstOffenseDiscretionaryOnly {
		if fine := chkFineOf(vc.ver); fine != nil && fine.Mandatory {
			f := vc.finding(fo.Pos, CodeFirstOffense, SeverityError, MethodStatic, nil,
				"首违不罚 is listed for an item whose fine is mandatory (处, not 可以处); under the policy that first offenses go unpunished only where the law lets the agency choose (a narrowing some local 不予处罚清单 make), it cannot be listed")
			f.Related = []Related{relatedRule(fine.Pos, "the mandatory fine")}
			ck.add(f)
		}
	}
}

// uncorrectedPrecondition reports a precondition of the version's fine (or
// of every penalty) that waits for a failure to correct, or a clause text
// that says so.
func (vc *chkVersion) uncorrectedPrecondition() (kind string, pos catalog.Pos, ok bool) {
	isUncorrected := func(p *catalog.Precondition) bool {
		return p != nil && (p.Kind == "overdue_not_corrected" || p.Kind == "refused_to_correct")
	}
	if p := vc.ver.Precondition; isUncorrected(p) {
		return p.Kind, p.Pos, true
	}
	if fine := chkFineOf(vc.ver); fine != nil && isUncorrected(fine.Precondition) {
		return fine.Precondition.Kind, fine.Precondition.Pos, true
	}
	// A clause whose every fine waits for the failure: the first 罚款 it
	// names follows 逾期不改正 / 拒不改正 (not "处…罚款；拒不改正的，处…罚款").
	if pc := vc.basis().Penalty; pc != nil {
		if loc := chkUncorrectedRE.FindStringSubmatchIndex(pc.Text); loc != nil && strings.Index(pc.Text, "罚款") > loc[0] {
			return pc.Text[loc[2]:loc[3]], pc.Pos, true
		}
	}
	return "", catalog.Pos{}, false
}

// exemptionElements checks that an exemption's condition requires what
// art. 33 ¶1 requires: 及时改正, and no harm (light violation) or harm not
// serious (first offense). The facts are recognised by name
// (corrected_in_time, harm) or label (及时改正, 危害后果); the harm enum is
// read in its order of severity, and a first offense may admit harm up to
// the value meaning 危害后果轻微 (harmScale, check_harm.go).
func (ck *checker) exemptionElements(vc *chkVersion, c *catalog.Cond, name string) {
	x := ck.expr(c)
	if x == nil {
		return
	}
	scope := discretion.ItemScope(discretion.BaseScope(ck.cat), ck.cat, vc.it)
	facts := ck.cat.AllFacts(vc.it)
	var missing []*catalog.Phrase
	var witness *chkPoint
	method := MethodInterval
	try := func(src string, what *catalog.Phrase) {
		neg, diags := condition.Compile(catalog.NewCond(src), scope)
		if len(diags) > 0 || neg == nil {
			return
		}
		p, ok, m := vc.find(chkQuery{lits: []chkLit{lit(x, true), lit(neg, true)}})
		if m == MethodGenerated {
			method = m
		}
		if ok {
			missing = append(missing, what)
			if witness == nil {
				witness = p
			}
		}
	}
	if cf := chkFactNamed(facts, catalog.FactBool, "corrected_in_time", "及时改正"); cf != nil {
		try("!"+cf.Name, messagesZh.P("%s (及时改正) is false", cf.Name))
	}
	if hf := chkFactNamed(facts, catalog.FactEnum, "harm", "危害后果"); hf != nil && len(hf.Values) > 1 {
		scale := ck.harmScale(hf)
		if name == "light_violation" {
			mildest := scale.order[0]
			try(fmt.Sprintf("%s != %q", hf.Name, mildest.Name), messagesZh.P("%s is not %s (没有造成危害后果)", hf.Name, mildest.Name))
		} else {
			// Art. 33 ¶1 s2 admits harm up to 危害后果轻微: every value more
			// severe than that is tried, mildest first, so that the witness
			// shows the least severe harm the rule wrongly admits.
			var admitted []string
			for _, v := range scale.order[scale.slight+1:] {
				neg, diags := condition.Compile(catalog.NewCond(fmt.Sprintf("%s == %q", hf.Name, v.Name)), scope)
				if len(diags) > 0 || neg == nil {
					continue
				}
				p, ok, m := vc.find(chkQuery{lits: append(append([]chkLit(nil), vc.reach...), lit(x, true), lit(neg, true))})
				if m == MethodGenerated {
					method = m
				}
				if ok {
					if len(admitted) == 0 {
						witness = p // the harm is the graver defect: show it
					}
					admitted = append(admitted, fmt.Sprintf("%s (%s)", v.Name, v.Label))
				}
			}
			if len(admitted) > 0 {
				missing = append(missing, scale.aboveText(admitted))
			}
		}
	}
	if len(missing) == 0 {
		return
	}
	rule := messagesZh.P("light_violation")
	law := messagesZh.P("art. 33 ¶1 s1 requires 违法行为轻微并及时改正，没有造成危害后果")
	if name == "first_offense" {
		rule = messagesZh.P("first_offense")
		law = messagesZh.P("art. 33 ¶1 s2 requires 初次违法且危害后果轻微并及时改正")
	}
	f := vc.finding(c.Pos, CodeFirstOffense, chkSev(method), method, witness,
		"%s holds even when %s, but %s", rule, joinOrWhen(missing), law)
	f.claim = claimExempt(name)
	ck.add(f)
}

// joinOrWhen joins the conditions under which an exemption wrongly holds.
func joinOrWhen(ps []*catalog.Phrase) *catalog.Phrase {
	out := ps[0]
	for _, p := range ps[1:] {
		out = messagesZh.P("%s or when %s", out, p)
	}
	return out
}

// chkFactNamed finds the fact that records an element of art. 33.
func chkFactNamed(fs catalog.Facts, t catalog.FactType, name, label string) *catalog.Fact {
	for _, f := range fs {
		if f.Type == t && f.Name == name {
			return f
		}
	}
	for _, f := range fs {
		if f.Type == t && strings.Contains(f.Label, label) && !strings.Contains(f.Label, "不") {
			return f
		}
	}
	return nil
}
