package penalty

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// RuleKind says how a statutory fine amount is defined.
type RuleKind uint8

const (
	// Fixed is an amount range in yuan: "处X元以上Y元以下罚款" (both bounds),
	// "处Y元以下罚款" (max only) or "处X元以上罚款" (min only).
	Fixed RuleKind = iota + 1
	// Multiple is a multiple of a base: "处违法所得1倍以上5倍以下的罚款".
	Multiple
	// Percent is a percentage of a base: "处建设工程造价百分之五以上百分之十以下".
	Percent
	// PerUnit is an amount per unit of a base: "每棵处…元".
	PerUnit
)

var ruleKindNames = [...]string{Fixed: "fixed", Multiple: "multiple", Percent: "percent", PerUnit: "per_unit"}

func (k RuleKind) String() string {
	if int(k) < len(ruleKindNames) && ruleKindNames[k] != "" {
		return ruleKindNames[k]
	}
	return fmt.Sprintf("RuleKind(%d)", k)
}

// Rule is a statutory amount rule. For Fixed, Min and Max are yuan (a nil Max
// is a min-only clause; a zero Min with a Max is a max-only clause). For the
// other kinds Min and Max are factors applied to the base (times, percent, or
// yuan per unit), Base names the fact holding the base, and Cap, if set,
// bounds the resulting maximum in yuan ("三倍以下且不超过3万元").
//
// Fallbacks apply, in order, when the base is missing, zero, below a
// threshold or cannot be determined ("没有违法所得或者违法所得不足1万元的，处1万元以上5万元以下").
type Rule struct {
	Kind      RuleKind
	Min       decimal.Decimal
	Max       *decimal.Decimal
	Base      string
	Cap       *decimal.Decimal
	Fallbacks []Fallback
}

// BaseFact is the fact the rule's amount is computed from: its own base, or
// that of the first fallback that has one ("" for a fixed range).
func (r Rule) BaseFact() string {
	if r.Base != "" {
		return r.Base
	}
	for _, fb := range r.Fallbacks {
		if b := fb.Rule.BaseFact(); b != "" {
			return b
		}
	}
	return ""
}

// Fallback is an alternative rule used when its trigger matches the base.
type Fallback struct {
	When Trigger
	Rule Rule
}

// Trigger says when a fallback replaces its parent rule. Any of the set
// conditions is enough.
type Trigger struct {
	Absent         bool             // the base was not stated in the case
	Zero           bool             // the base is zero ("没有违法所得")
	Undeterminable bool             // the base cannot be determined ("违法所得无法确定")
	Below          *decimal.Decimal // the base is below this amount ("不足1万元"), exclusive
}

// BaseValue is what a case says about a rule's base.
type BaseValue struct {
	Known          bool // a value was stated
	Undeterminable bool // the case states that the base cannot be determined
	Value          decimal.Decimal
}

// Matches reports whether the trigger fires for the base.
func (t Trigger) Matches(b BaseValue) bool {
	switch {
	case b.Undeterminable:
		return t.Undeterminable
	case !b.Known:
		return t.Absent
	case t.Zero && b.Value.IsZero():
		return true
	case t.Below != nil && b.Value.LessThan(*t.Below):
		return true
	}
	return false
}

// Outcome is the statutory range a rule yields for one base, with the path
// that produced it so that a trace can cite it.
type Outcome struct {
	Range Range
	// Applied is the rule that produced Range: the rule itself or one of its
	// fallbacks (possibly nested).
	Applied Rule
	// FallbackPath lists the indexes of the fallbacks taken, outermost first;
	// empty when the rule itself applied.
	FallbackPath []int
	// Base is the base value used by a Multiple, Percent or PerUnit rule.
	Base decimal.Decimal
	// Capped is true when Cap lowered the maximum.
	Capped bool
}

// ErrBaseMissing is returned when a rule needs its base and the case does not
// state it and no fallback covers that.
type ErrBaseMissing struct{ Base string }

func (e *ErrBaseMissing) Error() string {
	return fmt.Sprintf("the fine is computed from %q, which the case does not state", e.Base)
}

// ErrBaseUndeterminable is returned when the base cannot be determined and no
// fallback covers that: the law then gives no amount to impose.
type ErrBaseUndeterminable struct{ Base string }

func (e *ErrBaseUndeterminable) Error() string {
	return fmt.Sprintf("%q cannot be determined and the clause has no fallback for that", e.Base)
}

// Evaluate returns the statutory range for the given base (ignored by Fixed
// rules without fallbacks).
func (r Rule) Evaluate(base BaseValue) (Outcome, error) {
	for i, fb := range r.Fallbacks {
		if fb.When.Matches(base) {
			out, err := fb.Rule.Evaluate(base)
			out.FallbackPath = append([]int{i}, out.FallbackPath...)
			return out, err
		}
	}
	if r.Kind == Fixed {
		if r.Max == nil {
			return Outcome{Range: AtLeast(r.Min), Applied: r}, nil
		}
		return Outcome{Range: Closed(r.Min, *r.Max), Applied: r}, nil
	}
	switch {
	case base.Undeterminable:
		return Outcome{}, &ErrBaseUndeterminable{Base: r.Base}
	case !base.Known:
		return Outcome{}, &ErrBaseMissing{Base: r.Base}
	}
	return r.scale(base.Value), nil
}

func (r Rule) scale(base decimal.Decimal) Outcome {
	factor := base
	if r.Kind == Percent {
		factor = base.Shift(-2) // ÷100 exactly; Div rounds to 16 places
	}
	out := Outcome{Applied: r, Base: base}
	out.Range.Min = factor.Mul(r.Min)
	if r.Max == nil {
		out.Range.Unbounded = true
	} else {
		out.Range.Max = factor.Mul(*r.Max)
	}
	if r.Cap != nil && (out.Range.Unbounded || out.Range.Max.GreaterThan(*r.Cap)) {
		out.Range.Max, out.Range.Unbounded, out.Capped = *r.Cap, false, true
		if out.Range.Min.GreaterThan(*r.Cap) {
			out.Range.Min = *r.Cap
		}
	}
	return out
}

// FactorRange returns the rule's own factors as a Range (times, percent or
// yuan per unit for scaled rules; yuan for Fixed).
func (r Rule) FactorRange() Range {
	if r.Max == nil {
		return AtLeast(r.Min)
	}
	return Closed(r.Min, *r.Max)
}
