package catalog

import (
	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/penalty"
)

// Catalog is one published discretion standard: a header naming who issued
// it and when, the jurisdiction's procedural thresholds, a shared fact
// schema, shared mitigating and aggravating factors, and the enforcement
// items with their statutory sanctions and graded benchmarks.
//
// A Catalog is plain data. Load fills it and checks its structure; the
// discretion package compiles its conditions.
type Catalog struct {
	Pos        Pos            `yaml:"-"`
	ID         string         `yaml:"id" required:"true"`
	Title      string         `yaml:"title" required:"true"`
	Issuer     string         `yaml:"issuer" required:"true"`    // 发布机关
	DocNumber  string         `yaml:"doc_number"`                // 文号
	Version    string         `yaml:"version"`                   // the standard's own version label
	Notice     string         `yaml:"notice"`                    // e.g. that the catalog is an example
	Published  *Date          `yaml:"published"`                 // 公布日期 (art. 34)
	Effective  Date           `yaml:"effective" required:"true"` // 施行日期
	Expires    *Date          `yaml:"expires"`                   // 有效期至
	Schema     string         `yaml:"schema"`                    // format version, "jizhun/v1"
	Thresholds Thresholds     `yaml:"thresholds"`
	Policies   Policies       `yaml:"policies"`
	Procedure  Procedure      `yaml:"procedure"`
	Rounding   Rounding       `yaml:"rounding"`
	TierScheme penalty.Scheme `yaml:"tier_scheme" required:"true"`
	Facts      Facts          `yaml:"facts"`
	Factors    []*Factor      `yaml:"factors"`
	Items      []*Item        `yaml:"items" required:"true"`
	// Transition says how acts committed before Effective are decided
	// (本基准施行前发生的违法行为).
	Transition *Transition `yaml:"transition"`

	// Constraints are the combinations of facts no case of any item can
	// have (constraints.go).
	Constraints []*Constraint `yaml:"constraints"`

	// Counts are the counters of the case's history every item's
	// conditions may read, Groups the sets of items they may count
	// together (counts.go).
	Counts []*Count `yaml:"counts"`
	Groups []*Group `yaml:"groups"`

	// Lists are the published 首违不罚清单 and 轻微违法不予处罚清单, each
	// with its own 文号, term and transition rule (lists.go).
	Lists []*List `yaml:"lists"`

	// Digest is "sha256:" and the hex SHA-256 of the source bytes, so that a
	// decision or a published table names exactly the rules it used.
	Digest string `yaml:"-"`
	// File is the name the catalog was loaded from.
	File string `yaml:"-"`
	// LeftOut holds, when Load found problems, the items it found them in
	// and left out of Items: the rest can still be compiled, and the
	// conditions of these checked (condition.CheckItems), in the same run.
	LeftOut []*Item `yaml:"-"`
}

// Transition is the standard's rule for acts committed before it took
// effect, where the statute already applied to them.
type Transition struct {
	Pos Pos `yaml:"-"`
	// ActsBeforeEffective is "apply" (such acts, decided while the standard
	// is in force, are decided under it) or "reject" (they are decided under
	// the standard in force at the act, not by this catalog).
	ActsBeforeEffective string    `yaml:"acts_before_effective" required:"true"`
	Citation            *Citation `yaml:"citation"` // the standard's own transition clause
}

// Transition rules.
const (
	TransitionApply  = "apply"
	TransitionReject = "reject"
)

// Thresholds are the jurisdiction's procedural amounts. The defaults come
// from the statute; hearing thresholds are local and have no default.
type Thresholds struct {
	Pos Pos `yaml:"-"`
	// SimpleProcedure is art. 51: a warning, or a fine of at most 200 yuan for
	// a citizen and 3000 yuan for an organisation, may be decided on the spot.
	SimpleProcedure PartyAmounts `yaml:"simple_procedure"`
	// OnTheSpot is art. 68 (一): on-the-spot collection for fines of at most
	// 100 yuan decided under art. 51. A catalog may lower it, never raise
	// it; a lower amount needs OnTheSpotCitation, the rule that sets it.
	OnTheSpot         *decimal.Decimal `yaml:"on_the_spot"`
	OnTheSpotCitation *Citation        `yaml:"on_the_spot_citation"`
	// Hearing is art. 63 (一)'s 较大数额罚款, set by local rules per party type.
	Hearing *HearingThresholds `yaml:"hearing"`
	// ConfiscationHearing is art. 63 (二)'s "没收较大数额违法所得、没收较大
	// 价值非法财物", set by local rules per party type: the amount of
	// illegal gains, or the value of illegal property, confiscated from
	// which the party has a hearing right. It has no default.
	ConfiscationHearing *HearingThresholds `yaml:"confiscation_hearing"`
	// IndividualBusinessAs says how a 个体工商户 counts for art. 51 and for
	// clauses that split 单位 / 个人: "individual" (default) or "organization".
	IndividualBusinessAs PartyType `yaml:"individual_business_as"`
}

// PartyAmounts is an amount per party type. For the statutory limits of
// art. 51 an amount below the statute's needs Citation, the rule that sets
// it; an amount above it is an error.
type PartyAmounts struct {
	Pos          Pos              `yaml:"-"`
	Individual   *decimal.Decimal `yaml:"individual"`
	Organization *decimal.Decimal `yaml:"organization"`
	Citation     *Citation        `yaml:"citation"`
}

// HearingThresholds is a local 较大数额 standard: of fines (art. 63 (一)) or
// of confiscations (art. 63 (二)).
type HearingThresholds struct {
	Pos          Pos            `yaml:"-"`
	Individual   *HearingAmount `yaml:"individual"`
	Organization *HearingAmount `yaml:"organization"`
	Citation     *Citation      `yaml:"citation" required:"true"`
}

// HearingAmount is one threshold; Inclusive says whether a fine equal to the
// amount already reaches it ("以上" yes, "超过" no).
type HearingAmount struct {
	Pos       Pos             `yaml:"-"`
	Amount    decimal.Decimal `yaml:"amount" required:"true"`
	Inclusive bool            `yaml:"inclusive" required:"true"`
}

// Policies are the catalog's choices where the law leaves room or where the
// sources disagree.
type Policies struct {
	Pos Pos `yaml:"-"`
	// Minors is how art. 30's "应当从轻或者减轻" is applied to a party aged
	// 14–17 at the act: "lighter" (default) or "mitigate".
	Minors Effect `yaml:"minors"`
	// MixedFactors decides a case with both a lighter ground and a heavier
	// one: "lighter" (the lighter ground prevails, default: arts. 30–32
	// say 应当从轻)
	// or "general" (they cancel).
	MixedFactors Effect `yaml:"mixed_factors"`
	// Limitation is art. 36.
	Limitation LimitationPolicy `yaml:"limitation"`
	// MitigationFloor is the lowest share of the statutory minimum that a
	// 减轻 fine may reach. Unset (or 0), a 减轻 fine may be any amount above
	// zero below the minimum: a mitigated fine is still a fine, and a zero
	// fine is 不予处罚, which needs an art. 33 ground.
	MitigationFloor *decimal.Decimal `yaml:"mitigation_floor"`
	// MitigationFloorCitation is the rule that sets MitigationFloor.
	MitigationFloorCitation *Citation `yaml:"mitigation_floor_citation"`
	// GradeSelection is how benchmarks choose among their grades unless a
	// benchmark states its own selection: first (default), heaviest or
	// exclusive (Selection).
	GradeSelection Selection `yaml:"grade_selection"`
	// EffectsOrder is the order in which published effects of factors
	// (FactorApply) combine, unless a benchmark states its own; empty,
	// DefaultEffectsOrder (grade, point, percent).
	EffectsOrder []EffectKind `yaml:"effects_order"`
	// NoFault is art. 33 ¶2; its condition names the case fact that records
	// that the party proved it had no fault.
	NoFault *Rule `yaml:"no_fault"`
	// HistoryWindowFirstDay says whether the first day of the look-back
	// windows of the history facts (prior_same_item_1y, prior_same_item_2y,
	// prior_any_1y, prior_penalized_same_item_1y) counts: "included"
	// (default: 一年内 back from an act on 2026-05-10 is 2025-05-10 to
	// 2026-05-09) or "excluded" (2025-05-11 to 2026-05-09).
	HistoryWindowFirstDay FirstDay `yaml:"history_window_first_day"`
}

// LimitationPolicy is art. 36: 2 years, 5 for acts concerning citizens' life
// and health or financial safety with harmful consequences. Other periods
// exist only where a 法律 provides them ("法律另有规定的除外"): a period
// other than 2 and 5 years needs Citation, naming that law.
type LimitationPolicy struct {
	Pos           Pos       `yaml:"-"`
	Years         int       `yaml:"years"`          // default 2 (art. 36 ¶1)
	ExtendedYears int       `yaml:"extended_years"` // default 5 (art. 36 ¶1)
	Citation      *Citation `yaml:"citation"`
}

// Procedure holds the catalog's criteria for art. 57 and art. 58. The
// conditions may use the decided outcome and fine as well as the facts:
// fine_max (money), outcome (string), hearing (bool).
type Procedure struct {
	Pos                  Pos   `yaml:"-"`
	LegalReview          *Rule `yaml:"legal_review"`
	CollectiveDiscussion *Rule `yaml:"collective_discussion"`
}

// Rounding is the grid fine amounts are rounded to: whole yuan by default.
type Rounding struct {
	Pos  Pos              `yaml:"-"`
	Unit *decimal.Decimal `yaml:"unit"`
}

// Item is one enforcement item (执法事项) of the catalog.
type Item struct {
	Pos           Pos    `yaml:"-"`
	Code          string `yaml:"code" required:"true"` // 事项代码
	Name          string `yaml:"name" required:"true"` // 事项名称 / 违法行为
	Domain        string `yaml:"domain"`               // 领域, e.g. 市容环卫
	CompetentBody string `yaml:"competent_body"`       // 实施主体
	// Verification is "verified" when every clause was checked against a
	// primary text, "unverified" otherwise; published tables show it.
	Verification     string          `yaml:"verification"`
	VerificationNote string          `yaml:"verification_note"`
	Parties          []PartyType     `yaml:"parties"` // the party types the clause reaches; empty: all
	Basis            Basis           `yaml:"basis" required:"true"`
	Facts            Facts           `yaml:"facts"`
	Limitation       *ItemLimitation `yaml:"limitation"`
	// Concurrent names other items that the same act may also violate
	// (art. 29); informational, the case's "items" decides.
	Concurrent []string `yaml:"concurrent"`
	// SpecialOver names items whose penalty clauses this item's clause is
	// a special provision of (《立法法》第一百零三条 特别规定优于一般规定): among
	// provisions of one act with equal fines and equal rank, it applies.
	SpecialOver []string   `yaml:"special_over"`
	Remarks     string     `yaml:"remarks"` // 备注
	Versions    []*Version `yaml:"versions"`

	// EffectiveFrom, Sanctions, Orders, Precondition and Benchmark are the
	// short form of a single version. EffectiveFrom is the date the penalty
	// clause took effect; it defaults to basis.penalty.effective. With
	// neither, the version is taken to start with the catalog (its
	// StartStated is false) and an act before that is not decided.
	EffectiveFrom *Date         `yaml:"effective_from"`
	Orders        []string      `yaml:"orders"`
	Precondition  *Precondition `yaml:"precondition"`
	Sanctions     []*Sanction   `yaml:"sanctions"`
	Benchmark     *Benchmark    `yaml:"benchmark"`

	// Constraints are the combinations of facts no case of this item can
	// have, beside the catalog's (constraints.go).
	Constraints []*Constraint `yaml:"constraints"`

	// Counts are counters of the case's history this item's conditions
	// may read, beside the catalog's (counts.go).
	Counts []*Count `yaml:"counts"`
}

// ItemLimitation adjusts art. 36 for one item.
type ItemLimitation struct {
	Pos Pos `yaml:"-"`
	// Extended is the condition under which the five-year period applies
	// (life and health or financial safety, with harm).
	Extended *Rule `yaml:"extended"`
	// Years overrides the period where another law provides otherwise
	// ("法律另有规定的除外"), with the citation of that law: a 法律 (an act
	// of the National People's Congress or its Standing Committee) for any
	// period other than art. 36's two years.
	Years    int       `yaml:"years"`
	Citation *Citation `yaml:"citation"`
}

// Basis is the legal basis of an item: the provision violated (违法依据) and
// the provision that sets the penalty (处罚依据).
type Basis struct {
	Pos      Pos       `yaml:"-"`
	Violated *Citation `yaml:"violated" required:"true"`
	Penalty  *Citation `yaml:"penalty" required:"true"`
	// Amount cites the clause that sets the amount where it is not the
	// penalty clause (e.g. a provincial regulation filling in a national one).
	Amount *Citation `yaml:"amount"`
	// Defers is the instrument's own deference clause, e.g. 《浙江省城市市容和
	// 环境卫生管理条例》第四十六条 "违反本条例规定的行为，法律、行政法规已有法律
	// 责任规定的，从其规定": where the same act also falls under a provision
	// of a rank it defers to, this provision gives way (art. 29).
	Defers *Deference `yaml:"defers"`
}

// Deference is a clause by which an instrument yields to higher-ranking
// ones that already provide liability for the act ("从其规定").
type Deference struct {
	Pos Pos `yaml:"-"`
	// To lists the ranks deferred to; default law and
	// administrative_regulation ("法律、行政法规").
	To       []Rank    `yaml:"to"`
	Citation *Citation `yaml:"citation" required:"true"`
}

// Citation points at a provision of a legal instrument and quotes it.
type Citation struct {
	Pos        Pos    `yaml:"-"`
	Instrument string `yaml:"instrument" required:"true"` // 《…》 without the brackets
	Article    int    `yaml:"article"`
	Paragraph  int    `yaml:"paragraph"`
	Item       int    `yaml:"item"`
	Text       string `yaml:"text"` // the quoted clause
	Version    string `yaml:"version"`
	// Verification is empty for a verified text, otherwise "S" (secondary
	// source) or "M" (not verified in any published text).
	Verification string `yaml:"verification"`
	// Rank is the instrument's place in the hierarchy of 《立法法》 (law,
	// administrative_regulation, local_regulation, rule). Left out, it is
	// derived from the instrument's name where the name decides it
	// (DeriveRank); Citation.Rank gives the one in force.
	Rank Rank `yaml:"rank"`
	// Effective is the date the cited text took effect (施行日期); on an
	// item's penalty clause it is where the item's first version starts.
	Effective *Date `yaml:"effective"`
}

// Version is the item's rules in force over a period (art. 37).
type Version struct {
	Pos           Pos           `yaml:"-"`
	ID            string        `yaml:"id" required:"true"`
	EffectiveFrom Date          `yaml:"effective_from" required:"true"`
	EffectiveTo   *Date         `yaml:"effective_to"` // last day in force
	Basis         *Basis        `yaml:"basis"`
	Orders        []string      `yaml:"orders"`
	Precondition  *Precondition `yaml:"precondition"`
	Sanctions     []*Sanction   `yaml:"sanctions" required:"true"`
	Benchmark     *Benchmark    `yaml:"benchmark"`
	// Decriminalized marks a version under which the act is no longer an
	// offence ("不认为是违法", art. 37).
	Decriminalized bool `yaml:"decriminalized"`
	// StartStated is false for a short-form item that states neither its
	// effective_from nor basis.penalty.effective: EffectiveFrom is then the
	// catalog's effective date, not the date the clause took effect.
	StartStated bool `yaml:"-"`
}

// Precondition is the event a conditional penalty waits for: 逾期不改正,
// 拒不改正, 情节严重 …
type Precondition struct {
	Pos      Pos       `yaml:"-"`
	Kind     string    `yaml:"kind" required:"true"` // overdue_not_corrected | refused_to_correct | serious | other
	Label    string    `yaml:"label"`
	When     *Cond     `yaml:"when" required:"true"`
	Citation *Citation `yaml:"citation"`
}

// Sanction is one statutory penalty component (art. 9 type). Mandatory is
// "并处"/"处"; optional is "可以处"/"可以并处".
type Sanction struct {
	Pos       Pos                  `yaml:"-"`
	Type      penalty.SanctionType `yaml:"type" required:"true"`
	Mandatory bool                 `yaml:"mandatory" required:"true"`
	Amount    *Amount              `yaml:"amount"`
	// Ranges are further statutory ranges of the same clause, each chosen
	// by its condition ("处五万元以上十万元以下罚款；造成严重后果的，处十万元
	// 以上三十万元以下罚款"): Amount is the range that applies when none of
	// theirs holds. Only a fine has ranges; grades name the range they cut
	// (Grade.Range).
	Ranges []*FineRange `yaml:"ranges"`
	// Persons is the clause's separate fine on the organisation's
	// directly responsible persons (双罚: "对单位处…罚款，对其直接负责的
	// 主管人员和其他直接责任人员处…罚款"); only a fine has it (persons.go).
	Persons      *PersonsFine  `yaml:"persons"`
	Precondition *Precondition `yaml:"precondition"`
	Note         string        `yaml:"note"`
}

// FineRange is one further statutory range of a fine, with the condition
// under which the clause sets it. Of the ranges whose condition holds, the
// last listed applies: list them as the clause does, lighter first.
type FineRange struct {
	Pos    Pos     `yaml:"-"`
	ID     string  `yaml:"id" required:"true"`
	Label  string  `yaml:"label" required:"true"` // the clause's words: 造成严重后果的
	When   *Cond   `yaml:"when" required:"true"`
	Amount *Amount `yaml:"amount" required:"true"`
	// Citation is the provision that sets the range where it is not the
	// item's penalty clause as a whole (e.g. the clause's second sentence
	// quoted on its own).
	Citation *Citation `yaml:"citation"`
}

// BaseRange is the id by which a grade names the fine's own amount, the
// range that applies when no FineRange's condition holds.
const BaseRange = ""

// AmountOf returns the statutory amount of the range with the given id
// (BaseRange for the fine's own amount), or nil.
func (s *Sanction) AmountOf(rangeID string) *Amount {
	if rangeID == BaseRange {
		return s.Amount
	}
	if r := s.Range(rangeID); r != nil {
		return r.Amount
	}
	return nil
}

// Range returns the fine range with the given id, or nil.
func (s *Sanction) Range(id string) *FineRange {
	for _, r := range s.Ranges {
		if r.ID == id {
			return r
		}
	}
	return nil
}

// Benchmark is the discretion standard for one version of an item.
type Benchmark struct {
	Pos            Pos            `yaml:"-"`
	TierScheme     penalty.Scheme `yaml:"tier_scheme"`
	Grades         []*Grade       `yaml:"grades" required:"true"`
	LightViolation *Exemption     `yaml:"light_violation"`
	FirstOffense   *FirstOffense  `yaml:"first_offense"`
	Commitment     *Commitment    `yaml:"commitment"`
	Offset         *Offset        `yaml:"public_service_offset"`
	Factors        []*Factor      `yaml:"factors"`
	// Selection is how the grades are chosen (first, heaviest or
	// exclusive); empty, the catalog's policies.grade_selection applies
	// (Catalog.SelectionFor).
	Selection Selection `yaml:"selection"`
	// Exclusive is the older spelling of selection: exclusive, kept so that
	// catalogs written with it load unchanged.
	Exclusive bool `yaml:"exclusive"`
	// EffectsOrder is the order in which the published effects of the
	// factors that apply combine (grade, point, percent); empty, the
	// catalog's policies.effects_order or DefaultEffectsOrder.
	EffectsOrder []EffectKind `yaml:"effects_order"`
}

// Selection is a benchmark's rule for choosing among its grades when the
// conditions of several hold.
type Selection string

// Selection rules.
const (
	// SelectFirst takes the first grade, in the order written, whose
	// condition holds ("按表列顺序适用"): a later row applies only to the
	// cases the rows before it leave, so rows are written with that in mind.
	SelectFirst Selection = "first"
	// SelectHeaviest makes every grade whose condition holds a candidate and
	// applies the heaviest (同时具有两种以上情形的，按照较重的情形处罚): rows
	// are written as published, and may overlap. Heaviest is decided for
	// the case at hand, in this order: the grade's fine range for the case
	// (the higher maximum, then the higher minimum; a grade with a fine
	// over one without); then its tier (从重 over 一般 over 从轻); then the
	// later row of the table.
	SelectHeaviest Selection = "heaviest"
	// SelectExclusive declares that the grades never overlap: the checks
	// report an overlap as an error, and a case that meets two grades'
	// conditions is an error naming both rather than a decision.
	SelectExclusive Selection = "exclusive"
)

// Known reports whether s is one of the selection rules.
func (s Selection) Known() bool {
	return s == SelectFirst || s == SelectHeaviest || s == SelectExclusive
}

// Grade is one 裁量阶次: the facts it covers and the fine it allows.
type Grade struct {
	Pos         Pos                    `yaml:"-"`
	ID          string                 `yaml:"id" required:"true"`
	Label       string                 `yaml:"label" required:"true"` // e.g. 情节较轻
	Tier        penalty.Tier           `yaml:"tier"`                  // the outcome name; default general
	When        *Cond                  `yaml:"when" required:"true"`
	Description string                 `yaml:"description"` // hand wording for tables
	Fine        *GradeFine             `yaml:"fine"`
	Sanctions   []penalty.SanctionType `yaml:"sanctions"` // optional sanctions chosen at this grade
	// Range is the id of the statutory range (Sanction.Ranges) this grade
	// cuts; empty, the fine's own amount. The grade is a candidate only
	// for cases that fall under its range.
	Range string `yaml:"range"`
	// Note is the row's 备注 as published: a remark on this grade alone,
	// printed in the table's 备注 column on the grade's row.
	Note string `yaml:"note"`
	// PersonsFine is the grade's fine on each directly responsible person
	// where the item's fine has persons (双罚): a range in yuan or a
	// formula; absent, the persons' statutory range applies to the grade.
	PersonsFine *PersonsGradeFine `yaml:"persons_fine"`

	// Where the label, description and tier stand in the file (zero when
	// absent): checks point at the wording, and a table prints a tier tag
	// only where the standard states a tier.
	LabelPos       Pos `yaml:"-" posof:"label"`
	DescriptionPos Pos `yaml:"-" posof:"description"`
	TierPos        Pos `yaml:"-" posof:"tier"`
}

// Exemption is a no-penalty rule of the benchmark (art. 33 ¶1 s1).
type Exemption struct {
	Pos      Pos       `yaml:"-"`
	When     *Cond     `yaml:"when" required:"true"`
	Label    string    `yaml:"label"`
	Citation *Citation `yaml:"citation"`
	LabelPos Pos       `yaml:"-" posof:"label"` // where the label stands
	// List names a light_violation list of the catalog (Catalog.Lists):
	// the exemption applies only when the list that applies to the case
	// lists the item. Empty, it applies whenever its condition holds.
	List string `yaml:"list"`
}

// FirstOffense is the 首违不罚 policy of an item (art. 33 ¶1 s2).
type FirstOffense struct {
	Pos Pos `yaml:"-"`
	// Listed puts the item on the published 首违不罚清单: an eligible case is
	// decided no_penalty (discretionary). Unlisted items report eligibility
	// in the trace but decide normally.
	Listed bool `yaml:"listed"`
	// List names a first_offense list of the catalog (Catalog.Lists): the
	// item is listed when the list that applies to the case (lists.go)
	// lists it. It replaces Listed, which must then be left out.
	List string `yaml:"list"`
	// Window is how far back prior violations count: "1y", "2y", "3y" or
	// "none" (ever). Counted back from the current act's date.
	Window Window `yaml:"window" required:"true"`
	// WindowFirstDay says whether the window's first day counts:
	// "included" (default) or "excluded".
	WindowFirstDay FirstDay `yaml:"window_first_day"`
	// PriorBasis is the date of a prior violation compared with the window:
	// "decision_date" (default) or "act_date".
	PriorBasis string `yaml:"prior_basis"`
	// SameViolation says which prior violations count: "same_item"
	// (default), "same_clause" (same article/paragraph/item of the same
	// instrument, 粤环发〔2021〕7号 art. 21) or "any".
	SameViolation string    `yaml:"same_violation"`
	When          *Cond     `yaml:"when" required:"true"`
	Label         string    `yaml:"label"`
	Citation      *Citation `yaml:"citation"`
}

// Commitment is 告知承诺制: a listed minor violation ends in no penalty when
// the party signs a commitment to correct by a deadline.
type Commitment struct {
	Pos          Pos       `yaml:"-"`
	When         *Cond     `yaml:"when" required:"true"`
	DeadlineDays int       `yaml:"deadline_days" required:"true"`
	Label        string    `yaml:"label"`
	Citation     *Citation `yaml:"citation" required:"true"`
}

// Offset is 公益抵罚: eligibility to offset a fine by public service.
type Offset struct {
	Pos      Pos              `yaml:"-"`
	When     *Cond            `yaml:"when" required:"true"`
	Rate     decimal.Decimal  `yaml:"rate" required:"true"` // yuan per unit of service
	Per      string           `yaml:"per" required:"true"`  // "hour"
	MaxFine  *decimal.Decimal `yaml:"max_fine"`             // only fines up to this amount
	Citation *Citation        `yaml:"citation" required:"true"`
}

// Factor is a mitigating or aggravating circumstance (从轻/减轻/从重情形).
type Factor struct {
	Pos       Pos       `yaml:"-"`
	ID        string    `yaml:"id" required:"true"`
	Label     string    `yaml:"label" required:"true"`
	Effect    Effect    `yaml:"effect" required:"true"`
	Mandatory bool      `yaml:"mandatory" required:"true"`
	When      *Cond     `yaml:"when" required:"true"`
	Citation  *Citation `yaml:"citation" required:"true"`
	// Apply is the effect as the standard publishes it where it is more
	// than the lighter or heavier part of the grade (FactorApply); nil,
	// the tier scheme's part of the grade's range.
	Apply *FactorApply `yaml:"apply"`
}

// Rule is a condition with a citation, used for catalog-wide policies.
type Rule struct {
	Pos      Pos       `yaml:"-"`
	When     *Cond     `yaml:"when" required:"true"`
	Label    string    `yaml:"label"`
	Citation *Citation `yaml:"citation"`
}
