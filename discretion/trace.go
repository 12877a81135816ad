package discretion

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/penalty"
)

// A decision's trace is recorded compactly and rendered on demand
// (render.go). Everything a step states that is fixed when the catalog is
// compiled — rule ids, citations, conditions, labels and the notes of
// rules — is in the engine's tables; a recorded step holds only what the
// case adds: its kind, the index of the rule (version, grade …) it is
// about, its result and a few typed values (dates, amounts, counts). The
// values of the facts that rules read are kept once per decision, whatever
// the number of rules that read them.
//
// All of it is one slice of words per decision, which holds no pointers:
// first the fact values (one word per fact that a rule of the item reads,
// at the position itemRules.snap gives), then the case's dates (two to a
// word), then the steps, each a header word followed by its values.
//
// To add a step: name it with a kind below, saying what its ref and values
// are; record it where the engine decides it, with
//
//	r.record(kindX, ref, result, countValue(n), r.tr.amount(x), …)
//
// (an eval of a compiled rule records itself); and render it in
// render.go's step, from the engine's tables, the decision, the kept dates
// (renderer.dates) and the values, in the order they were recorded.

// stepKind says what a recorded step is: which template renders it, and
// what its ref and values mean (see the cases of render.step).
type stepKind uint8

const (
	_ stepKind = iota
	// kindEval is a rule's condition, tested: ref is the rule's index in
	// itemRules.rules; the values of the facts it read are in the snapshot.
	kindEval

	// art. 37. ref: the version's index.
	kindVersion           // the only version in force
	kindVersionOld        // the version at the act (两个版本)
	kindVersionNew        // the version at the decision
	kindVersionNotIllegal // the version at the decision no longer penalises
	// kindVersionCompare is the comparison, the last step of the decision
	// that applies: ref is the new version; values: the old version's
	// index, the rule that decided (art37Rule), whether the ranges cross,
	// whether the new version is lighter.
	kindVersionCompare

	// The standard's own term and its transition rule (term.go).
	// kindTerm: ref 0 for a decision after expires, 1 before effective.
	kindTerm
	// kindTransition: an act before the catalog took effect; result true
	// when the catalog's transition rule applies it, false when it states
	// none.
	kindTransition

	// kindLimitation: art. 36. ref 1 if the extended period applies.
	kindLimitation
	kindLimitationOngoing // art. 36 ¶2: the act has not ended
	kindUnder14           // art. 30
	kindIncapable         // art. 31 ¶1

	kindFirstOffenseWindow // value: the prior violations in the window
	// kindFirstOffenseUnlisted: eligible, but the list does not exempt
	// the case. ref: unlistedItem, unlistedOutside or unlistedNoList.
	kindFirstOffenseUnlisted
	kindCommitmentUnlisted // signed, but the item has no 告知承诺
	kindCommitmentBreached
	kindCommitmentAvailable // not signed; signing would end the case
	// kindCommitmentSigned: signed, it ends the case. value: the deadline
	// to correct (a date).
	kindCommitmentSigned

	// kindList: which published list (首违不罚清单, 轻微违法不予处罚清单)
	// applies to the case (lists.go). ref: the list's index in the
	// catalog's lists plus one, or zero when none is in force; result:
	// whether it exempts the case (names the item and, where its entry
	// states a condition, the condition holds); values: the lists in force
	// at the act and at the decision (index plus one, or zero), why
	// (listWhy), the kind (0 first_offense, 1 light_violation), and what
	// the list at the act and the list at the decision say of the case
	// (listOutcome; listUnread where the decision did not need it). The
	// entries' conditions are tested without steps of their own: this
	// step states them, with the facts they read.
	kindList

	// kindNoPenalty is the decision step of a no-penalty decision. ref: the
	// reason (reasons); value: the index of the rule whose no-penalty
	// citation it cites, plus one, or zero.
	kindNoPenalty

	// The statutory fine. ref: the party type (partyTypes).
	kindNoFine // the clause sets no fine for the party
	// kindUndeterminable: value: the slot of the base fact.
	kindUndeterminable
	// kindStatutory: values: the range (min, max), and the base when the
	// fine is computed from one; flags in its ref (statHasBase …).
	kindStatutory

	kindGradeNoFine // ref: the grade's index
	kindGradeRange  // ref: the grade's index; values: the range
	// kindFineRange: the statutory range of a fine with several, chosen
	// by their conditions. ref: 0 for the fine's own amount, i+1 for
	// Ranges[i].
	kindFineRange
	// kindGradeHeaviest: under selection heaviest, the conditions of
	// several grades hold and the heaviest applies. ref: the grade
	// applied; value: how many grades' conditions hold.
	kindGradeHeaviest
	// kindGradeFormula: the grade's fine computed by its formula
	// (catalog.FineFormula). ref: the grade's index; values: the value it
	// counts, the rounded units, the amount computed and the amount within
	// the formula's bounds.
	kindGradeFormula

	kindMinor           // art. 30
	kindLimitedCapacity // art. 31 ¶2
	// kindAdjust: ref: the outcome (outcomes); value: the note (adjustNotes).
	kindAdjust

	kindMitigateNoMinimum
	kindMitigate // values: the statutory minimum, the range
	// kindMitigateAtMinimum: no amount above zero (or the floor) below the
	// minimum. value: the statutory minimum.
	kindMitigateAtMinimum
	// kindTierSplit: ref: tierFlags; values: the range split, the result.
	kindTierSplit
	kindStatuteClamp // values: the statutory range, the clamped range
	kindTopFine

	// Procedure. ref: the party type, but for kindHearingByType the
	// sanction (sanctionTypes).
	kindSimple
	kindOnTheSpot
	kindHearingByType
	kindHearingNoThreshold
	kindHearingNoPartyThreshold
	kindHearingAmount // value: the fine's maximum

	// Art. 63 (二), confiscations. kindConfiscationNoThreshold: the
	// catalog sets none; kindConfiscationNoPartyThreshold: none for the
	// party (ref: the party type). kindConfiscation: ref confiscatedGains
	// or confiscatedProperty; value: the amount. kindConfiscationUnknown:
	// ref as kindConfiscation, the case does not state the amount.
	kindConfiscationNoThreshold
	kindConfiscationNoPartyThreshold
	kindConfiscation
	kindConfiscationUnknown

	kindOffsetOver
	kindOffset

	// kindDecision is the decision step of a penalty. ref: the outcome
	// (outcomes). An outcome that imposes nothing has one value: why
	// (nothingImposed).
	kindDecision

	// art. 29. kindCandidate: ref: the candidate's index; value: the index
	// plus one of the candidate it gives way to (art29.defers), or zero.
	// kindArt29Chosen: ref: the chosen candidate's index; values: the rule
	// that chose (art29Rule), whether ranges cross, whether the choice is
	// undecided.
	kindCandidate
	kindArt29Chosen

	// Published effects of factors (effects.go). kindEffect: ref: the
	// factor's index in versionRules.factors; values: the effect
	// (effectKinds), the range before, the range after, and for a grade
	// move the index of the grade moved to and whether the move stopped at
	// the first or last row. kindEffectCombined: the part of the range the
	// tier scheme gives the other grounds, the range of the published
	// effects, and the result.
	kindEffect
	kindEffectCombined

	// The fine on an organisation's directly responsible persons (双罚,
	// persons.go). kindPersonsNotOrganisation: ref: the party type.
	// kindPersonsFine: ref personsByGrade or personsByStatutory; values:
	// the range. kindPersonsSimple: art. 51 for a 公民. kindPersonsHearing:
	// ref personsNoThreshold, personsNoIndividual or personsByAmount (then
	// value: the fine's maximum).
	kindPersonsNotOrganisation
	kindPersonsFine
	kindPersonsSimple
	kindPersonsHearing
)

// What a confiscation step is about (kindConfiscation's ref).
const (
	confiscatedGains    = 0
	confiscatedProperty = 1
)

// Flags of kindStatutory, in its ref.
const (
	statHasBase  = 1 << 2 // the base fact is stated: the step shows it
	statFallback = 1 << 3 // a fallback of the clause applied
	statCapped   = 1 << 4
	statParty    = 3 // the low bits: the party type
	// statRangeShift: the bits from here up hold the fine range the
	// amount is of (fineRange: 0 the fine's own amount, i+1 Ranges[i]).
	statRangeShift = 5
)

// Flags of kindTierSplit, in its ref.
const (
	tierHeavier   = 1 // the upper part, else the lower
	tierStatutory = 2 // split the statutory range, else the grade's
	// tierWithinTier: a 从轻 split of a grade that already is the lighter
	// tier of the statutory range (penalty.LighterRange).
	tierWithinTier = 4
	// tierBelowGrade: a 从轻 of a grade that is a single amount, which
	// takes the statutory amounts below it (penalty.LighterRange).
	tierBelowGrade = 8
)

// value is one typed value of a step, packed into a word.
type value uint64

// dateValue is a date.
func dateValue(d catalog.Date) value { return value(int64(d)) }

// countValue is a count or an index.
func countValue(n int) value { return value(int64(n)) }

// flagValue is a boolean.
func flagValue(b bool) value {
	if b {
		return 1
	}
	return 0
}

// An amount packs a decimal as coefficient<<8 | exponent when both fit
// (every amount a catalog or a case is likely to state); the exponent
// byte amountSpecial marks the rest: coefficient 0 for no amount (an
// unbounded maximum), -1 for an undeterminable fact, and k > 0 for the
// (k-1)th decimal too large to pack, which the recorder keeps aside and a
// complete trace holds as text after its steps (seal).
const amountSpecial = -128

// amount packs a decimal, keeping one that does not fit aside.
func (t *recorder) amount(d decimal.Decimal) value {
	exp := d.Exponent()
	// NumDigits counts without allocating; 16 digits fit the 56 bits.
	if d.NumDigits() <= 16 && exp > amountSpecial && exp < 128 {
		return value(uint64(d.CoefficientInt64())<<8 | uint64(uint8(int8(exp))))
	}
	t.big = append(t.big, d)
	return special(int64(len(t.big)))
}

// upper is the maximum of a range, or no amount if it is unbounded.
func (t *recorder) upper(r penalty.Range) value {
	if r.Unbounded {
		return special(0)
	}
	return t.amount(r.Max)
}

func special(n int64) value {
	return value(uint64(n)<<8 | 0x80) // the exponent byte of amountSpecial
}

// decimalOf unpacks an amount; ok is false for the special ones other
// than a kept decimal.
func (t *trace) decimalOf(v value) (d decimal.Decimal, ok bool) {
	coef, exp := int64(v)>>8, int32(int8(uint8(v)))
	if exp != amountSpecial {
		return decimal.New(coef, exp), true
	}
	if coef > 0 {
		return t.bigAmount(int(coef - 1)), true
	}
	return decimal.Decimal{}, false
}

// rangeOf unpacks a range of two amounts.
func (t *trace) rangeOf(lo, hi value) penalty.Range {
	min, _ := t.decimalOf(lo)
	max, bounded := t.decimalOf(hi)
	if !bounded {
		return penalty.AtLeast(min)
	}
	return penalty.Closed(min, max)
}

// trace is the compact trace of a decision.
type trace struct {
	ir    *itemRules // the tables the steps index
	words []value    // the fact values, the dates, then the steps
}

// recorder is a trace being recorded, with the decimals too large to pack.
type recorder struct {
	trace
	big []decimal.Decimal
}

// A step's header word: kind, result, number of values, the version's
// index and the ref.
func header(k stepKind, result bool, nvals, version, ref int) value {
	h := value(k) | value(nvals)<<9 | value(uint16(version))<<16 | value(uint32(ref))<<32
	if result {
		h |= 1 << 8
	}
	return h
}

func (h value) kind() stepKind { return stepKind(h) }
func (h value) result() bool   { return h&(1<<8) != 0 }
func (h value) nvals() int     { return int(h>>9) & 127 }
func (h value) version() int   { return int(uint16(h >> 16)) }
func (h value) ref() int       { return int(int32(uint32(h >> 32))) }

// add appends a step. A step has at most 127 values.
func (t *trace) add(k stepKind, result bool, version, ref int, vals ...value) {
	t.words = append(t.words, header(k, result, len(vals), version, ref))
	t.words = append(t.words, vals...)
}

// keep keeps the value of one fact. v is read in place: a catalog.Value
// is 104 bytes, and copying it for the call stalled as parseFact's did.
func (t *recorder) keep(slot int, v *catalog.Value) {
	pos := t.ir.snap[slot]
	var w value
	switch v.Type {
	case catalog.FactBool:
		w = flagValue(v.Bool)
	case catalog.FactEnum:
		w = countValue(t.ir.snapFacts[pos].Values.Index(v.Enum))
	case catalog.FactEnumList:
		w = value(v.Set)
	case catalog.FactDate:
		w = dateValue(v.Date)
	default:
		if v.Undeterminable {
			w = special(-1)
		} else {
			w = t.amount(v.Num)
		}
	}
	t.words[pos] = w
}

// fact returns the kept value of a fact.
func (t *trace) fact(slot int) catalog.Value {
	pos := t.ir.snap[slot]
	f, w := t.ir.snapFacts[pos], t.words[pos]
	v := catalog.Value{Type: f.Type}
	switch f.Type {
	case catalog.FactBool:
		v.Bool = w != 0
	case catalog.FactEnum:
		v.Enum = f.Values[int64(w)].Name
	case catalog.FactEnumList:
		v.Set = uint64(w)
		v.List = f.Names(v)
	case catalog.FactDate:
		v.Date = catalog.Date(int64(w))
	default:
		if n, ok := t.decimalOf(w); ok {
			v.Num = n
		} else {
			v.Undeterminable = true
		}
	}
	return v
}

// The case's dates follow the fact values, two to a word.
const numDateWords = 3

// stepsAt is where the steps of a trace start.
func (ir *itemRules) stepsAt() int { return len(ir.snapFacts) + numDateWords }

// keepDates keeps the case's dates.
func (t *recorder) keepDates(d *caseDates) {
	at := len(t.ir.snapFacts)
	t.words[at] = datePair(d.act, d.actEnd)
	t.words[at+1] = datePair(d.discovery, d.decision)
	t.words[at+2] = datePair(d.birth, 0) // seal may use the upper half
}

func datePair(a, b catalog.Date) value { return value(uint32(a)) | value(uint32(b))<<32 }

// keptDates are the dates a trace keeps.
type keptDates struct{ act, actEnd, discovery, decision, birth catalog.Date }

func (t *trace) dates() keptDates {
	w := t.words[len(t.ir.snapFacts):]
	lo := func(v value) catalog.Date { return catalog.Date(int32(uint32(v))) }
	hi := func(v value) catalog.Date { return catalog.Date(int32(uint32(v >> 32))) }
	return keptDates{act: lo(w[0]), actEnd: hi(w[0]), discovery: lo(w[1]), decision: hi(w[1]), birth: lo(w[2])}
}

// clone returns a copy with room for more steps.
func (t *trace) clone(more int) trace {
	return trace{ir: t.ir, words: slices.Grow(slices.Clone(t.words), more)}
}

// seal returns a copy of the trace recorded so far, for a decision, with
// the decimals too large to pack written after the steps as their text: the
// third date word's upper half says where that text starts and how many
// words it takes.
func (t *recorder) seal() trace {
	if len(t.big) == 0 {
		return trace{ir: t.ir, words: slices.Clone(t.words)}
	}
	words := slices.Clone(t.words)
	start := len(words)
	for _, d := range t.big {
		s := d.String()
		words = append(words, value(len(s)))
		for i := 0; i < len(s); i += 8 {
			var w value
			for j := i; j < min(i+8, len(s)); j++ {
				w |= value(s[j]) << (8 * (j - i))
			}
			words = append(words, w)
		}
	}
	at := len(t.ir.snapFacts) + 2
	words[at] = words[at]&(1<<32-1) | value(start)<<32 | value(len(words)-start)<<48
	return trace{ir: t.ir, words: words}
}

// bigRegion is where the text of the large decimals is, if anywhere.
func (t *trace) bigRegion() (start, end int) {
	w := t.words[len(t.ir.snapFacts)+2]
	start = int(uint16(w >> 32))
	return start, start + int(uint16(w>>48))
}

// bigAmount reads the ith large decimal of a sealed trace.
func (t *trace) bigAmount(i int) decimal.Decimal {
	at, _ := t.bigRegion()
	for ; i > 0; i-- {
		at += 1 + (int(t.words[at])+7)/8
	}
	n := int(t.words[at])
	b := make([]byte, n)
	for j := range b {
		b[j] = byte(t.words[at+1+j/8] >> (8 * (j % 8)))
	}
	return decimal.RequireFromString(string(b))
}

// The enumerations that steps store as indexes.
var (
	outcomes      = []Outcome{NoPenalty, Mitigated, Lighter, General, Heavier, OrderOnly, NoFinePossible} // in Severity order, then the outcomes that impose nothing
	partyTypes    = []catalog.PartyType{catalog.Individual, catalog.Organization, catalog.IndividualBusiness}
	sanctionTypes = penalty.SanctionTypes()
	reasons       = []Reason{ReasonLimitation, ReasonUnderAge, ReasonIncapacity, ReasonLightViolation, ReasonNoFault,
		ReasonFirstOffense, ReasonPreconditionUnmet, ReasonCommitment, ReasonNotIllegal}
)

// index is the outcome's index in outcomes.
func (o Outcome) index() int {
	switch o {
	case OrderOnly:
		return 5
	case NoFinePossible:
		return 6
	}
	return o.Severity()
}

// Why a decision imposes nothing (kindDecision's value).
type nothingImposed int

const (
	nothingClauseOrdersOnly nothingImposed = iota // the clause sets no sanction
	nothingNoFinePossible                         // the fine cannot be determined
	nothingSanctionsDropped                       // no sanction is left for the case
)

var nothingImposedNotes = [...]string{
	nothingClauseOrdersOnly: "本条款未规定行政处罚，只规定责令改正等措施",
	nothingNoFinePossible:   "罚款按基数计算，基数无法确定或者为零，本条款未规定此时的罚款，亦无其他处罚种类适用于本案",
	nothingSanctionsDropped: "本案依法不适用罚款，亦不适用其他处罚种类",
}

func indexOf[T comparable](list []T, x T) int { return slices.Index(list, x) }
