package audit

import (
	"encoding/json"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// Kind is the kind of a finding. The names are a stable contract of the
// audit JSON report.
type Kind string

// Kinds of finding, in the order reports list them.
const (
	// The record against its own re-decision.
	FineAboveRange             Kind = "fine_above_range"
	FineBelowRange             Kind = "fine_below_range"
	FinedDespiteExemption      Kind = "fined_despite_exemption"
	ExemptionWithoutConditions Kind = "exemption_without_conditions"
	HearingNotOffered          Kind = "hearing_not_offered"
	LegalReviewMissing         Kind = "legal_review_missing"
	// The record could not be decided as stated, or could not be read.
	Undecidable         Kind = "undecidable"
	MalformedRecord     Kind = "malformed_record"
	DuplicateCaseNumber Kind = "duplicate_case_number"
	// The record against the bureau's other cases (类案同罚).
	FineOutlier               Kind = "fine_outlier"
	SameFactsDifferentOutcome Kind = "same_facts_different_outcome"
)

// Kinds lists every kind in report order.
var Kinds = []Kind{FineAboveRange, FineBelowRange, FinedDespiteExemption, ExemptionWithoutConditions,
	HearingNotOffered, LegalReviewMissing, FineOutlier, SameFactsDifferentOutcome, Undecidable, MalformedRecord, DuplicateCaseNumber}

// Label is the kind's Chinese name.
func (k Kind) Label() string {
	switch k {
	case FineAboveRange:
		return "罚款高于裁量幅度"
	case FineBelowRange:
		return "罚款低于裁量幅度且无减轻情节"
	case FinedDespiteExemption:
		return "依法应当（可以）不予处罚却作出处罚"
	case ExemptionWithoutConditions:
		return "不予处罚不符合法定条件"
	case HearingNotOffered:
		return "应当告知听证权利而未告知"
	case LegalReviewMissing:
		return "应当法制审核而未审核"
	case Undecidable:
		return "案卷事实不全，无法复核"
	case MalformedRecord:
		return "数据格式错误"
	case DuplicateCaseNumber:
		return "案号重复"
	case FineOutlier:
		return "同类案件罚款离群"
	case SameFactsDifferentOutcome:
		return "相同事实处理结果明显不同"
	}
	return string(k)
}

// Finding is one thing the audit found about one record.
type Finding struct {
	Line       int    `json:"line"` // the record's line in the export
	CaseNumber string `json:"case_number,omitempty"`
	Item       string `json:"item,omitempty"`
	Kind       Kind   `json:"kind"`
	Title      string `json:"title"`
	// Message says what is wrong, in Chinese; Rule cites the rule broken,
	// with its article.
	Message  string    `json:"message"`
	Rule     string    `json:"rule"`
	Month    string    `json:"month,omitempty"` // of the decision, YYYY-MM
	Imposed  *Imposed  `json:"imposed,omitempty"`
	Problems []Problem `json:"problems,omitempty"`
	// Decision is the re-decision, in the Decision JSON contract, with its
	// trace.
	Decision json.RawMessage `json:"decision,omitempty"`
}

// Citations of the Administrative Penalty Law the findings rest on.
const (
	lawArt30   = "《中华人民共和国行政处罚法》第三十条"
	lawArt31   = "《中华人民共和国行政处罚法》第三十一条"
	lawArt33p1 = "《中华人民共和国行政处罚法》第三十三条第一款"
	lawArt33p2 = "《中华人民共和国行政处罚法》第三十三条第二款"
	lawArt34   = "《中华人民共和国行政处罚法》第三十四条"
	lawArt36   = "《中华人民共和国行政处罚法》第三十六条"
	lawArt37   = "《中华人民共和国行政处罚法》第三十七条"
	lawArt58   = "《中华人民共和国行政处罚法》第五十八条"
	lawArt63   = "《中华人民共和国行政处罚法》第六十三条第一款第（一）项"
	lawArt63b  = "《中华人民共和国行政处罚法》第六十三条第一款"
)

// reasonRule cites the ground of a no-penalty decision.
func reasonRule(r discretion.Reason, d *discretion.Decision) string {
	switch r {
	case discretion.ReasonLimitation:
		return lawArt36
	case discretion.ReasonUnderAge:
		return lawArt30
	case discretion.ReasonIncapacity:
		return lawArt31
	case discretion.ReasonLightViolation, discretion.ReasonFirstOffense:
		return lawArt33p1
	case discretion.ReasonNoFault:
		return lawArt33p2
	case discretion.ReasonNotIllegal:
		return lawArt37
	case discretion.ReasonPreconditionUnmet:
		if len(d.Basis) > 0 {
			return d.Basis[len(d.Basis)-1]
		}
	}
	return lawArt33p1
}

// standardRule cites the standard's benchmark for a decision.
func standardRule(cat *catalog.Catalog, d *discretion.Decision) string {
	s := "《" + cat.Title + "》"
	if cat.DocNumber != "" {
		s += "（" + cat.DocNumber + "）"
	}
	if d.GradeLabel != "" {
		s += d.GradeLabel + "档"
	}
	return s + "；" + lawArt34
}

// classify compares a record with its re-decision. It returns nothing for
// a consistent record.
func classify(rec *record, d *discretion.Decision, cat *catalog.Catalog) []Finding {
	var out []Finding
	add := func(k Kind, rule, format string, args ...any) {
		out = append(out, Finding{Kind: k, Rule: rule, Message: fmt.Sprintf(format, args...)})
	}
	im := &rec.imposed
	if d.Outcome == discretion.NoPenalty {
		if im.Penalized {
			may := "应当"
			if d.Discretionary {
				may = "可以"
			}
			add(FinedDespiteExemption, reasonRule(d.Reason, d),
				"复核结论为不予处罚（%s，依法%s不予处罚），案卷却作出处罚%s", d.Reason.Label(), may, fineText(im.Fine))
		}
		return out
	}
	if !d.Outcome.Imposes() {
		// order_only, no_fine_possible: the re-decision imposes nothing.
		if im.Penalized {
			add(FineAboveRange, standardRule(cat, d), "案卷作出处罚%s，但复核结论为%s", fineText(im.Fine), d.Outcome.Label())
		}
		return out
	}
	if !im.Penalized {
		rule := lawArt33p1
		claimed := "不予处罚"
		if im.Reason != "" {
			rule = reasonRule(discretion.Reason(im.Reason), d)
			claimed = "以“" + discretion.Reason(im.Reason).Label() + "”为由不予处罚"
		}
		add(ExemptionWithoutConditions, rule, "案卷%s，但复核认为不符合不予处罚的条件，应当%s%s", claimed, d.Outcome.Label(), rangeText(d))
		return out
	}
	switch {
	case im.Fine != nil && d.Fine == nil:
		add(FineAboveRange, standardRule(cat, d), "案卷处罚款 %s 元，但复核结论不适用罚款（%s）", im.Fine, d.Outcome.Label())
	case im.Fine != nil && im.Fine.GreaterThan(d.Fine.Max):
		msg := fmt.Sprintf("案卷处罚款 %s 元，高于复核的裁量幅度%s", im.Fine, rangeText(d))
		rule := standardRule(cat, d)
		if d.Statutory != nil && im.Fine.GreaterThan(d.Statutory.Max) {
			msg += fmt.Sprintf("，并超过法定最高额 %s 元", d.Statutory.Max)
			if len(d.Basis) > 0 {
				rule = d.Basis[len(d.Basis)-1] + "；" + rule
			}
		}
		add(FineAboveRange, rule, "%s", msg)
	case im.Fine != nil && im.Fine.LessThan(d.Fine.Min):
		why := "复核未发现减轻处罚情节"
		if d.Outcome == discretion.Mitigated {
			why = "低于减轻处罚后的幅度"
		}
		add(FineBelowRange, standardRule(cat, d)+"；《中华人民共和国行政处罚法》第三十二条", "案卷处罚款 %s 元，低于复核的裁量幅度%s，%s", im.Fine, rangeText(d), why)
	case im.Fine == nil && d.Fine != nil && d.Fine.Min.IsPositive():
		add(FineBelowRange, standardRule(cat, d)+"；《中华人民共和国行政处罚法》第三十二条", "案卷未处罚款，复核的裁量幅度为%s，复核未发现减轻处罚情节", rangeText(d))
	}
	if required, why := HearingRequired(cat, d, rec.c.Party.Type, im.Fine); required && !im.Hearing {
		rule := lawArt63
		for _, s := range d.Sanctions {
			if s.HearingByType() {
				rule = lawArt63b
			}
		}
		add(HearingNotOffered, rule, "应当告知当事人有要求听证的权利（%s），案卷未告知", why)
	}
	if d.Procedure.LegalReview && !im.LegalReview {
		rule := lawArt58
		if cat.Procedure.LegalReview != nil && cat.Procedure.LegalReview.Label != "" {
			rule += "；" + cat.Procedure.LegalReview.Label
		}
		add(LegalReviewMissing, rule, "按裁量基准的标准，本案作出决定前应当进行法制审核，案卷未审核")
	}
	return out
}

// HearingRequired reports whether art. 63 gave the party a right to a
// hearing in a case decided d with fine imposed: a sanction the article
// names by type (the re-decision's sanctions), or a fine imposed above the
// catalog's 较大数额 threshold for the party. The threshold applies to the
// fine actually imposed, which is what the bureau 拟作出. why says which.
func HearingRequired(cat *catalog.Catalog, d *discretion.Decision, party catalog.PartyType, fine *decimal.Decimal) (bool, string) {
	if !d.Outcome.Imposes() {
		return false, ""
	}
	for _, s := range d.Sanctions {
		if s.HearingByType() {
			return true, s.Label()
		}
	}
	h := cat.Thresholds.Hearing
	if fine == nil || h == nil {
		return false, ""
	}
	p := cat.MapParty(party)
	th := h.Individual
	if p == catalog.Organization {
		th = h.Organization
	}
	if th == nil {
		return false, ""
	}
	c := fine.Cmp(th.Amount)
	if c > 0 || (c == 0 && th.Inclusive) {
		word := "超过"
		if th.Inclusive {
			word = "达到"
		}
		return true, fmt.Sprintf("对%s罚款 %s 元，%s较大数额 %s 元", p.Label(), fine, word, th.Amount)
	}
	return false, ""
}

func fineText(f *decimal.Decimal) string {
	if f == nil {
		return ""
	}
	return "（罚款 " + f.String() + " 元）"
}

func rangeText(d *discretion.Decision) string {
	if d.Fine == nil {
		return "（不处罚款）"
	}
	s := "（" + d.Outcome.Label()
	if d.GradeLabel != "" {
		s += "，" + d.GradeLabel
	}
	return s + "，罚款 " + d.Fine.Min.String() + " 至 " + d.Fine.Max.String() + " 元）"
}
