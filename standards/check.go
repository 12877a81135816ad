package standards

import (
	"context"
	"sort"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
)

// Check runs the consistency checks on the catalog of a compiled engine
// and reports every finding with the YAML position of the rules involved
// and, where one exists, a witness: a [discretion.Case] that shows the
// defect when decided (`jizhun decide --case` reads its JSON). Check decides
// every witness with the engine and attaches it only when the decision
// shows what the finding says: a gap error for a gap, the grade the engine
// picks for an overlap, the factor applied for a factor's finding.
//
// The checks, their codes and how each is established:
//
//   - standards_gap (error): cases that reach grading (not exempted, no
//     unmet precondition) but match no grade; the engine answers them with a
//     gap error.
//   - standards_overlap: cases that match two grades. The engine takes the
//     first, and tables are often written so ("不足50平方米" after "不足10平方
//     米"): a nested overlap, where every case an earlier grade takes also
//     matches the later one, is that idiom and is not reported. A partial
//     overlap, where a later grade claims cases an earlier one takes first
//     ("或者造成严重后果" listed last), is a warning; with exclusive: true on
//     the benchmark every overlap is an error.
//   - standards_unreachable (error): a grade, factor, exemption or
//     precondition whose condition can never be true within the declared
//     fact bounds, a grade that earlier grades always take first, and a
//     benchmark factor that holds only for cases that never reach grading.
//   - standards_range (error): a grade's sub-range outside the statutory
//     range (also a share below 0), and a statutory amount that is not what
//     the quoted clause text (basis.penalty.text or basis.amount.text)
//     states, with the grades that leave the range the clause sets.
//   - standards_mitigation (error): 减轻 reachable without a legal ground: a
//     mitigate factor whose citation is not 《行政处罚法》 arts. 30–32 or a
//     法律、法规、规章 (art. 32 (五)); a grade that drops a mandatory fine;
//     a negative policies.mitigation_floor.
//   - standards_tier_order (error): grades ordered by severity with
//     decreasing ranges. Severity is read from the tier (a heavier grade
//     below a general or lighter one, a general one below a lighter one)
//     and from the facts declared aggravating (aggravates: higher, lower,
//     true, false): a case that moves from grade A to grade B when one such
//     fact gets worse, all else equal, must not find a lower range at B.
//     Ranges are compared as shares of the statutory range, so yuan, tier,
//     share and multiple forms compare. A grade labelled with one tier that
//     takes another tier's range is reported too.
//   - standards_first_offense (error): a light-violation or first-offense
//     rule on an item whose fine applies only after the party failed to
//     correct (逾期不改正 / 拒不改正), where art. 33 ¶1's 及时改正 cannot
//     hold; an exemption that holds without the elements art. 33 ¶1
//     requires (及时改正; no harm for light violations; for first offenses
//     harm no more severe than the value of the harm scale that means 危害
//     后果轻微, found as [Options.SlightHarm] says); with
//     [Options.FirstOffenseDiscretionaryOnly], a
//     listed first offense on an item whose fine is mandatory (the
//     narrowing of some local 不予处罚清单, such as 沅江市城市管理和综合执法局's).
//   - standards_mandatory (error): a sanction marked mandatory where the
//     clause says 可以 (or optional where it says 处/并处), and a factor whose
//     citation says 应当 marked discretionary, or 可以 marked mandatory.
//   - standards_effect_outside_statute (warning): a factor's published
//     percentage (catalog.FactorApply) that takes a grade's range above the
//     statutory maximum or below its minimum; the engine stops at the bound
//     and flags the decision (check_effects.go). Where a factor moves cases
//     by grades, a row with a lower range than the row before it is
//     standards_tier_order.
//   - standards_lighter_no_effect (error): a grade where a 应当从轻 ground
//     — a party aged 14–17 (art. 30) with policies.minors: lighter, or a
//     mandatory lighter factor (art. 32) — leaves the fine unchanged: the
//     case without the ground gets a range the tier scheme cannot lower (a
//     single amount, a range without a maximum), and the engine decides
//     the pair with the same fine. The witness has the ground, the
//     Contrast is the same case without it (check_lighter.go).
//   - standards_wording (error): a grade's hand wording (description, or a
//     label that states a condition) or a light violation's label that
//     puts in its row cases the engine decides otherwise, or leaves out
//     cases the engine decides there; the wording is read back into a
//     condition (check_wording_parse.go) and compared under the
//     benchmark's selection rule, with a witness the engine decides. A
//     number in a unit its fact is not measured in is reported too.
//     standards_wording_unread (warning): wording that could not be read,
//     with the words that were not (check_wording.go).
//   - standards_constraint (error): a constraint between facts that no
//     case within the declared facts satisfies, or constraints that
//     together exclude every case of an item (check_constraints.go). Every
//     other analysis sees only the cases the constraints allow, and every
//     witness satisfies them.
//   - standards_division (warning): a condition that divides by a term
//     that may be 0 where it is evaluated — a fact whose declared domain
//     includes 0 (no min, or min 0), unless a guard to its left ("days > 0
//     &&") rules 0 out (check_division.go).
//
// Gaps, overlaps and reachability are decided by interval reasoning over the
// conditions (Method "interval"), which is exact for comparisons of facts
// with constants. Where a condition compares facts with each other or does
// arithmetic on them, the check generates cases from the fact schema and
// the conditions' constants instead (Method "generated"); a defect found
// that way is certain, an absence is not proven. The law checks read the
// catalog's structure and quoted texts (Method "static"). The report's
// Coverage says which method each benchmark needed.
//
// The fact space is what the schema declares: every fact within its min and
// max, enum values, both booleans; the engine's variables as the engine can
// fill them: the party types the item reaches, ages 0–110 (-1 for an
// organization; under 14 never reaches grading, art. 30), nested prior
// counts. Witness cases state every fact, act a month into the version's
// period, are discovered the same day and decided five days later; their
// history holds the prior violations the conditions need, and one more
// where a listed first offense would otherwise end the case before grading.
//
// Check returns an error only when ctx is done, or, which a compiled
// engine rules out, when a condition does not compile.
func Check(ctx context.Context, eng *discretion.Engine, opts Options) (*Report, error) {
	ck, err := check(ctx, eng, opts)
	if err != nil {
		return nil, err
	}
	return ck.report, nil
}

// check runs the checks and keeps, beside the report, the witnesses the
// engine did not confirm.
func check(ctx context.Context, eng *discretion.Engine, opts Options) (*checker, error) {
	cat := eng.Catalog()
	ck := &checker{ctx: ctx, eng: eng, cat: cat, opts: opts.withDefaults(), constraintsReported: map[*catalog.Constraint]bool{}}
	if err := ck.compile(); err != nil {
		return nil, err
	}
	ck.report = &Report{Catalog: cat.ID, File: cat.File, Digest: cat.Digest}
	ck.catalogChecks()
	ck.listChecks()
	ck.divisions()
	for _, it := range cat.Items {
		for _, ver := range it.Versions {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			ck.version(it, ver)
		}
	}
	ck.report.sort()
	if err := ck.confirm(); err != nil {
		return nil, err
	}
	return ck, nil
}

// Options tune the checks. The zero value is the default.
type Options struct {
	// Samples bounds the cases generated for a benchmark whose conditions
	// the interval method cannot analyse (default 4096).
	Samples int
	// Seed makes case generation reproducible (default 1).
	Seed int64
	// MaxRegions bounds the boxes one interval analysis may split the fact
	// space into before it falls back to generated cases (default 20000).
	MaxRegions int
	// FirstOffenseDiscretionaryOnly applies the local narrowing of some
	// 不予处罚清单 (沅江市城市管理和综合执法局's, for one): 首违不罚 only where the clause
	// leaves the fine to the agency's choice ("可以处"). Art. 33 itself has
	// no such limit, so it is off by default.
	FirstOffenseDiscretionaryOnly bool
	// SlightHarm names, per enum harm fact, the value that means 危害后果
	// 轻微 (art. 33 ¶1 s2): a first-offense rule that admits a more severe
	// value is an error. Without it the value is found by its name (minor,
	// slight) or its label (轻微); see docs/catalog.md.
	SlightHarm map[string]string
}

func (o Options) withDefaults() Options {
	if o.Samples <= 0 {
		o.Samples = 4096
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.MaxRegions <= 0 {
		o.MaxRegions = 20000
	}
	return o
}

// Stable codes of the consistency checks.
const (
	CodeGap          = "standards_gap"
	CodeOverlap      = "standards_overlap"
	CodeRange        = "standards_range"
	CodeTierOrder    = "standards_tier_order"
	CodeUnreachable  = "standards_unreachable"
	CodeMitigation   = "standards_mitigation"
	CodeFirstOffense = "standards_first_offense"
	CodeMandatory    = "standards_mandatory"
	CodeDivision     = "standards_division"
	// CodeLighterEffect: a 应当从轻 ground (art. 30, art. 32) that leaves the
	// range unchanged.
	CodeLighterEffect = "standards_lighter_no_effect"
	// CodeEffect: a circumstance's published effect (a percentage) that
	// takes a grade's range beyond the statute (check_effects.go).
	CodeEffect = "standards_effect_outside_statute"
)

// Severity says whether a finding is a defect (error) or suspicious
// (warning).
type Severity string

// Severities.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Method says how a finding was established.
type Method string

// Methods.
const (
	// MethodInterval is exact reasoning over intervals of fact values.
	MethodInterval Method = "interval"
	// MethodGenerated is a search among generated cases.
	MethodGenerated Method = "generated"
	// MethodStatic reads the catalog's structure and quoted legal texts.
	MethodStatic Method = "static"
)

// Finding is one result of the checks: a catalog.Diagnostic (position of
// the main rule involved, stable code, message, hint) with its severity,
// the method that found it, the other rules involved and a witness case.
type Finding struct {
	catalog.Diagnostic
	Severity Severity  `json:"severity"`
	Method   Method    `json:"method"`
	Item     string    `json:"item,omitempty"`
	Version  string    `json:"version,omitempty"`
	Related  []Related `json:"related,omitempty"`
	// Witness is a case that shows the defect when decided, confirmed by
	// deciding it with the engine; nil where no case can (a condition that
	// is never true, a mislabelled sanction) or the engine did not confirm
	// the case the analysis found.
	Witness *discretion.Case `json:"witness,omitempty"`
	// Contrast is, for a finding that compares two cases, the case the
	// witness is compared with: for standards_lighter_no_effect the same
	// case without the 应当从轻 ground, which the engine decides with the
	// same fine. It is shown only with its witness.
	Contrast *discretion.Case `json:"contrast,omitempty"`

	// claim is what deciding Witness must show; confirm checks it.
	claim claim
	// msg and hint are Message and Hint as phrases, rendered again by
	// Localize; Message and Hint hold their Chinese rendering.
	msg, hint *catalog.Phrase
}

// Related is another rule involved in a finding.
type Related struct {
	Pos  catalog.Pos `json:"pos"`
	What string      `json:"what"`

	what *catalog.Phrase // What as a phrase, for Localize
}

// relatedRule names another rule involved in a finding, in Chinese until the
// finding is localized.
func relatedRule(pos catalog.Pos, format string, args ...any) Related {
	p := messagesZh.P(format, args...)
	return Related{Pos: pos, What: p.Render("zh"), what: p}
}

// Coverage says how one benchmark was analysed.
type Coverage struct {
	Item    string `json:"item"`
	Version string `json:"version"`
	Method  Method `json:"method"`
	// Cases is the number of generated cases, for MethodGenerated.
	Cases int `json:"cases,omitempty"`
	// Note says why cases were generated: the condition the interval
	// method could not analyse.
	Note string `json:"note,omitempty"`

	note *catalog.Phrase // Note as a phrase, for Localize
}

// Report is the result of Check on one catalog.
type Report struct {
	Catalog  string     `json:"catalog"`
	File     string     `json:"file"`
	Digest   string     `json:"digest"`
	Findings []Finding  `json:"findings"`
	Coverage []Coverage `json:"coverage"`

	lang string // the language of WriteText's framing; "" is Chinese
}

// Errors counts the findings of severity error.
func (r *Report) Errors() int { return r.count(SeverityError) }

// Warnings counts the findings of severity warning.
func (r *Report) Warnings() int { return r.count(SeverityWarning) }

func (r *Report) count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// Diagnostics returns the findings as catalog diagnostics (warnings
// included), for tools that already print those.
func (r *Report) Diagnostics() catalog.Diagnostics {
	out := make(catalog.Diagnostics, len(r.Findings))
	for i := range r.Findings {
		d := r.Findings[i].Diagnostic
		out[i] = &d
	}
	return out
}

func (r *Report) sort() {
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if a.Pos != b.Pos {
			return a.Pos.Before(b.Pos)
		}
		return a.Code < b.Code
	})
}

// checker is the state of one Check.
type checker struct {
	ctx    context.Context
	eng    *discretion.Engine
	cat    *catalog.Catalog
	opts   Options
	exprs  map[*catalog.Cond]*condition.Expr
	report *Report
	// unconfirmed are the witnesses confirm took off their findings.
	unconfirmed []unconfirmed
	// constraintsReported are the constraints already reported as never
	// satisfied, so that a catalog's is reported once, not per item.
	constraintsReported map[*catalog.Constraint]bool
}

// compile compiles every condition of the catalog with the engine's
// scopes (compile.go), the form the analyses read.
func (ck *checker) compile() error {
	c, err := compileCatalog(ck.cat)
	if err != nil {
		return err
	}
	ck.exprs = c.exprs
	return nil
}

func condOf(e *catalog.Exemption) *catalog.Cond {
	if e == nil {
		return nil
	}
	return e.When
}

func foCond(f *catalog.FirstOffense) *catalog.Cond {
	if f == nil {
		return nil
	}
	return f.When
}

// expr returns the compiled condition, or nil.
func (ck *checker) expr(c *catalog.Cond) *condition.Expr {
	if c == nil {
		return nil
	}
	return ck.exprs[c]
}

// add records a finding.
func (ck *checker) add(f Finding) {
	if f.Pos.File == "" {
		f.Pos.File = ck.cat.File
	}
	ck.report.Findings = append(ck.report.Findings, f)
}

// finding starts a finding whose message is the phrase of format and args,
// translated by messagesZh (TestFindingMessagesTranslated checks).
func finding(pos catalog.Pos, code string, sev Severity, m Method, format string, args ...any) Finding {
	msg := messagesZh.P(format, args...)
	return Finding{Diagnostic: catalog.Diagnostic{Pos: pos, Code: code, Message: msg.Render("zh")}, Severity: sev, Method: m, msg: msg}
}

// setHint sets the finding's hint, a phrase rendered like its message.
func (f *Finding) setHint(format string, args ...any) {
	f.hint = messagesZh.P(format, args...)
	f.Hint = f.hint.Render("zh")
}

// appendMessage adds a clause to the finding's message.
func (f *Finding) appendMessage(format string, args ...any) {
	f.msg = messagesZh.P("%s%s", f.msg, messagesZh.P(format, args...))
	f.Message = f.msg.Render("zh")
}

// Localize returns a copy of f with its message, hint and related rules
// rendered in lang ("en" for English, "zh" or "" for Chinese). A finding
// made without phrases (a struct literal) keeps its text.
func (f Finding) Localize(lang string) Finding {
	if f.msg != nil {
		f.Message = f.msg.Render(lang)
	}
	if f.hint != nil {
		f.Hint = f.hint.Render(lang)
	}
	if len(f.Related) > 0 {
		rel := make([]Related, len(f.Related))
		for i, r := range f.Related {
			rel[i] = r
			if r.what != nil {
				rel[i].What = r.what.Render(lang)
			}
		}
		f.Related = rel
	}
	return f
}

// Localize returns a copy of the report whose findings, and the framing
// WriteText prints (severities, methods, the summary), are in lang: "en"
// (or an English locale) for English, anything else for Chinese, the
// default.
func (r *Report) Localize(lang string) *Report {
	out := *r
	out.lang = "zh"
	if catalog.IsEnglish(lang) {
		out.lang = "en"
	}
	out.Coverage = make([]Coverage, len(r.Coverage))
	for i, c := range r.Coverage {
		if c.note != nil {
			c.Note = c.note.Render(out.lang)
		}
		out.Coverage[i] = c
	}
	out.Findings = make([]Finding, len(r.Findings))
	for i, f := range r.Findings {
		out.Findings[i] = f.Localize(out.lang)
	}
	return &out
}
