package discretion

import (
	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// Outcome is the kind of decision.
type Outcome string

// Outcomes, mildest first.
const (
	NoPenalty Outcome = "no_penalty" // 不予处罚
	Mitigated Outcome = "mitigated"  // 减轻处罚
	Lighter   Outcome = "lighter"    // 从轻处罚
	General   Outcome = "general"    // 一般处罚
	Heavier   Outcome = "heavier"    // 从重处罚
)

// Outcomes of a case that is not exempt from penalty, but in which no
// sanction of art. 9 is left to impose: a decision that imposes nothing is
// not a penalty, and no procedure of a penalty (art. 51, 57, 58, 63)
// follows from it. A warning is a penalty (art. 9 (一)): a decision that
// imposes only a warning keeps its grade's outcome.
const (
	// OrderOnly: the clause prescribes only orders (责令限期拆除 …), or
	// every sanction was dropped (the grade sets no fine and chooses no
	// other sanction; 减轻 where the clause sets no minimum fine): the
	// decision is the orders.
	OrderOnly Outcome = "order_only"
	// NoFinePossible: the fine is computed from a base that cannot be
	// determined (or is zero) and the clause sets no fine for that case,
	// and no other sanction applies.
	NoFinePossible Outcome = "no_fine_possible"
)

// Label is the Chinese name of the outcome.
func (o Outcome) Label() string {
	switch o {
	case NoPenalty:
		return "不予处罚"
	case Mitigated:
		return "减轻处罚"
	case Lighter:
		return "从轻处罚"
	case General:
		return "一般处罚"
	case Heavier:
		return "从重处罚"
	case OrderOnly:
		return "仅责令改正，不给予行政处罚"
	case NoFinePossible:
		return "罚款数额无法确定，不予罚款，不给予行政处罚"
	}
	return string(o)
}

// Imposes reports whether the outcome imposes a penalty (行政处罚法 art.
// 9): mitigated, lighter, general or heavier.
func (o Outcome) Imposes() bool { return o.Severity() > 0 }

// Severity orders outcomes: no_penalty 0 … heavier 4; the outcomes that
// impose nothing (order_only, no_fine_possible) are 0 too.
func (o Outcome) Severity() int {
	switch o {
	case Mitigated:
		return 1
	case Lighter:
		return 2
	case General:
		return 3
	case Heavier:
		return 4
	}
	return 0
}

func outcomeOfTier(t penalty.Tier) Outcome {
	switch t {
	case penalty.Lighter:
		return Lighter
	case penalty.Heavier:
		return Heavier
	}
	return General
}

// Reason says why a case ends in no penalty.
type Reason string

// Reasons for no_penalty.
const (
	ReasonLimitation        Reason = "limitation"         // art. 36
	ReasonUnderAge          Reason = "under_age"          // art. 30
	ReasonIncapacity        Reason = "incapacity"         // art. 31
	ReasonLightViolation    Reason = "light_violation"    // art. 33 ¶1 s1
	ReasonNoFault           Reason = "no_fault"           // art. 33 ¶2
	ReasonFirstOffense      Reason = "first_offense"      // art. 33 ¶1 s2
	ReasonPreconditionUnmet Reason = "precondition_unmet" // 逾期不改正 / 拒不改正 not yet triggered
	ReasonCommitment        Reason = "commitment"         // 告知承诺
	ReasonNotIllegal        Reason = "not_illegal"        // art. 37: the new rule no longer treats it as illegal
)

// Label is the Chinese explanation of the reason.
func (r Reason) Label() string {
	switch r {
	case ReasonLimitation:
		return "违法行为在法定期限内未被发现"
	case ReasonUnderAge:
		return "不满十四周岁"
	case ReasonIncapacity:
		return "不能辨认或者不能控制自己行为"
	case ReasonLightViolation:
		return "违法行为轻微并及时改正，没有造成危害后果"
	case ReasonNoFault:
		return "有证据足以证明没有主观过错"
	case ReasonFirstOffense:
		return "初次违法且危害后果轻微并及时改正"
	case ReasonPreconditionUnmet:
		return "罚款的前提条件（如逾期不改正、拒不改正）尚未成立"
	case ReasonCommitment:
		return "当事人签署告知承诺书，承诺限期改正"
	case ReasonNotIllegal:
		return "新的规定不认为是违法"
	}
	return string(r)
}

// Fine is a range of yuan; Min and Max serialize as decimal strings.
type Fine struct {
	Min decimal.Decimal `json:"min"`
	Max decimal.Decimal `json:"max"`
}

// Range returns the fine as a penalty.Range; a nil fine (no fine) is the
// zero range, [0, 0].
func (f *Fine) Range() penalty.Range {
	if f == nil {
		return penalty.Range{}
	}
	return penalty.Closed(f.Min, f.Max)
}

// String writes the fine as a decision states it: "3001至10000元", or
// "5000元" where the range is one amount. A nil fine, a decision without
// a fine, is "无罚款".
func (f *Fine) String() string {
	if f == nil {
		return "无罚款"
	}
	if f.Min.Equal(f.Max) {
		return f.Min.String() + "元"
	}
	return f.Min.String() + "至" + f.Max.String() + "元"
}

// FineRange returns the decided fine and whether there is one: false for
// a decision without a fine (no penalty, or a sanction other than a fine).
// It is safe on a nil decision.
func (d *Decision) FineRange() (penalty.Range, bool) {
	if d == nil || d.Fine == nil {
		return penalty.Range{}, false
	}
	return d.Fine.Range(), true
}

// StatutoryRange returns the statutory fine range of the item and whether
// the decision states one. It is safe on a nil decision.
func (d *Decision) StatutoryRange() (penalty.Range, bool) {
	if d == nil || d.Statutory == nil {
		return penalty.Range{}, false
	}
	return d.Statutory.Range(), true
}

// Fined reports whether the decision imposes a fine. It is safe on a nil
// decision.
func (d *Decision) Fined() bool { return d != nil && d.Fine != nil }

// Procedure is what the decided penalty requires procedurally.
type Procedure struct {
	Simple               bool `json:"simple"`                // art. 51 当场处罚
	OnTheSpot            bool `json:"on_the_spot"`           // art. 68 当场收缴
	Hearing              bool `json:"hearing"`               // art. 63 听证告知
	LegalReview          bool `json:"legal_review"`          // art. 58 法制审核
	CollectiveDiscussion bool `json:"collective_discussion"` // art. 57 集体讨论
}

// CommitmentTerms states a 告知承诺 that ends the case.
type CommitmentTerms struct {
	Deadline string `json:"deadline"`
	Label    string `json:"label,omitempty"`
	Citation string `json:"citation"`
	// Consequence is what breach brings: the case re-opens and the breach
	// is an aggravating circumstance.
	Consequence string `json:"consequence"`
}

// OffsetTerms states eligibility for 公益抵罚; the fine itself is unchanged.
type OffsetTerms struct {
	Rate     decimal.Decimal `json:"rate"`
	Per      string          `json:"per"`
	Citation string          `json:"citation"`
}

// CatalogRef names the exact rules a decision used.
type CatalogRef struct {
	ID      string `json:"id"`
	Version string `json:"version,omitempty"`
	Digest  string `json:"digest"`
}

// Decision is the engine's answer for one case. Its JSON form is the stable
// contract of `jizhun decide --format json`.
//
// The trace, every step the engine tested or applied, is kept compactly
// and rendered when it is asked for: by [Decision.Steps], [Decision.Text]
// and [Decision.JSON] (or encoding/json, through MarshalJSON), where it is
// the "trace" field.
//
// A decision shares its slices (Orders, Basis …) with the engine, and an
// art. 29 decision with its candidates: treat it as read-only, and copy a
// slice before changing its elements (appending is safe).
type Decision struct {
	Item          string                 `json:"item"`
	ItemName      string                 `json:"item_name"`
	Version       string                 `json:"version,omitempty"`
	Outcome       Outcome                `json:"outcome"`
	Reason        Reason                 `json:"reason,omitempty"`
	Discretionary bool                   `json:"discretionary"`
	Grade         string                 `json:"grade,omitempty"`
	GradeLabel    string                 `json:"grade_label,omitempty"`
	Fine          *Fine                  `json:"fine,omitempty"`
	Statutory     *Fine                  `json:"statutory_fine,omitempty"`
	Sanctions     []penalty.SanctionType `json:"sanctions"`
	Orders        []string               `json:"orders"`
	Procedure     Procedure              `json:"procedure"`
	Commitment    *CommitmentTerms       `json:"commitment,omitempty"`
	Offset        *OffsetTerms           `json:"offset,omitempty"`
	Flags         []string               `json:"flags,omitempty"`
	Basis         []string               `json:"basis"`
	Catalog       CatalogRef             `json:"catalog"`
	// Candidates are the decisions under each provision of an act that
	// violates several (art. 29); the decision itself is the one applied.
	Candidates []*Decision `json:"candidates,omitempty"`
	// PersonsFine is the fine on the organisation's directly responsible
	// persons where the clause sets one (双罚); nil otherwise.
	PersonsFine *PersonsFine `json:"persons_fine,omitempty"`

	trace trace
}

// Flags a decision may carry for human review.
const (
	FlagArt29Crossing        = "art29_crossing_ranges"             // candidate provisions' ranges cross: review which fine is higher
	FlagLexMitiorCrossing    = "lex_mitior_crossing_ranges"        // old and new versions' ranges cross: review which is lighter
	FlagArt29Undecided       = "art29_undecided"                   // candidate provisions equal in fine, rank and speciality: review which applies
	FlagTopFine              = "statutory_maximum_without_heavier" // 顶格罚款 without a heavier ground (国发〔2024〕5号)
	FlagFirstOffenseEligible = "first_offense_eligible"            // eligible for 首违不罚 but the item is not listed, or the case is outside its list entry: officer may decide
	FlagCommitmentAvailable  = "commitment_available"              // 告知承诺 available if the party signs
	FlagMitigatedNoMinimum   = "mitigated_without_statutory_minimum"
	// FlagMitigatedAtMinimum: a 减轻 ground, but no amount above zero lies
	// below the statutory minimum on the rounding grid (or above the
	// catalog's floor): the fine stays at the minimum, for review.
	FlagMitigatedAtMinimum = "mitigated_at_statutory_minimum"
	// FlagOutsideStandardTerm: the decision date is after the catalog's
	// expires (or before its effective date): the standard was not in force
	// when the case was decided.
	FlagOutsideStandardTerm = "outside_standard_term"
	// FlagActBeforeStandard: the act predates the catalog and the catalog
	// states no transition rule (transition.acts_before_effective).
	FlagActBeforeStandard = "act_before_standard"
	// FlagEffectClamped: a published effect of a circumstance (a
	// percentage, a grade moved) would have taken the fine outside the
	// statutory range; it is kept at the statutory bound, for review.
	FlagEffectClamped = "effect_clamped_to_statute"
	// FlagLightViolationUnlisted: the case meets the benchmark's
	// light-violation condition, but the 轻微违法不予处罚清单 that applies
	// does not list the item, or lists it for a situation (its entry's
	// condition) the case is not in. 《行政处罚法》第三十三条第一款 still binds
	// ("应当"): the officer reviews whether the case is such a violation.
	FlagLightViolationUnlisted = "light_violation_unlisted"
)

// Step is one entry of the trace, as [Decision.Steps] renders it: a rule
// that was tested or applied. Facts holds the values of the facts the rule
// read.
type Step struct {
	Step     string `json:"step"`
	Rule     string `json:"rule,omitempty"`
	Citation string `json:"citation,omitempty"`
	Expr     string `json:"expr,omitempty"`
	Facts    Facts  `json:"facts,omitempty"`
	Result   bool   `json:"result"`
	Note     string `json:"note,omitempty"`
}

// FactValue is one fact a rule read, with its value.
type FactValue struct {
	Name  string
	Value catalog.Value
}

// Facts is an ordered list of fact values; it serializes as a JSON object
// in the order the rule read them.
type Facts []FactValue

// MarshalJSON writes the facts as an object, keeping their order.
func (fs Facts) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 16*len(fs)+2)
	b = append(b, '{')
	for i, f := range fs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, f.Name...) // fact names are identifiers: nothing to escape
		b = append(b, '"')
		b = append(b, ':')
		b = f.Value.AppendJSON(b)
	}
	return append(b, '}'), nil
}

// Steps renders the trace: every rule the engine tested or applied, in
// order, with its citation, the facts it read, its result and its note.
// The trace is kept compactly and rendered on each call (the notes are
// formatted then), so the steps returned are the caller's to keep or
// change; a caller that reads them more than once should keep them.
func (d *Decision) Steps() []Step {
	return d.renderTrace()
}

// MarshalJSON writes the decision as the JSON contract states it, with its
// trace (compact; Decision.JSON indents).
func (d *Decision) MarshalJSON() ([]byte, error) {
	w := jsonWriter{b: make([]byte, 0, 8192)}
	w.decision(d)
	return w.b, nil
}

// JSON renders the decision as indented JSON with a final newline. Equal
// decisions give byte-identical output.
func (d *Decision) JSON() ([]byte, error) {
	w := jsonWriter{b: make([]byte, 0, 16384), indent: true}
	w.decision(d)
	return append(w.b, '\n'), nil
}
