package catalog

import (
	"maps"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/penalty"
)

// Statutory defaults. Each is the number the law states; catalogs may
// override them only where the law itself allows ("法律另有规定的，从其规定").
var (
	// 《行政处罚法》(2021) art. 51: "对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款".
	defaultSimpleIndividual   = decimal.NewFromInt(200)
	defaultSimpleOrganization = decimal.NewFromInt(3000)
	// 《行政处罚法》(2021) art. 68 (一): "依法给予一百元以下罚款的".
	defaultOnTheSpot = decimal.NewFromInt(100)
)

// The clauses the statutory thresholds come from, quoted from 《中华人民共和国
// 行政处罚法》(2021-01-22 revision) for the diagnostics that hold a catalog to
// them.
const (
	quoteArt51 = "《行政处罚法》第五十一条：“违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。法律另有规定的，从其规定。”"
	quoteArt68 = "《行政处罚法》第六十八条：“依照本法第五十一条的规定当场作出行政处罚决定，有下列情形之一，执法人员可以当场收缴罚款：（一）依法给予一百元以下罚款的；（二）不当场收缴事后难以执行的。”"
	quoteArt36 = "《行政处罚法》第三十六条第一款：“违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年。法律另有规定的除外。”"
)

const (
	// 《行政处罚法》(2021) art. 36 ¶1: "二年内未被发现的，不再给予行政处罚".
	defaultLimitationYears = 2
	// 《行政处罚法》(2021) art. 36 ¶1: "涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年".
	defaultExtendedLimitationYears = 5
)

// ReservedNames are variables the engine provides to every condition; a fact
// may not take one of these names.
var reservedNames = map[string]string{
	"party_type":                   "the party type (individual, organization, individual_business)",
	"age":                          "the party's age in full years at the act (个人), or -1",
	"prior_same_item":              "prior violations of the same item in the history",
	"prior_same_item_1y":           "prior violations of the same item within one year before the act",
	"prior_same_item_2y":           "prior violations of the same item within two years before the act",
	"prior_any_1y":                 "prior violations of any item within one year before the act",
	"prior_penalized_same_item_1y": "prior penalty decisions on the same item (outcome other than no_penalty) dated within one year before the act",
	"commitment_breached":          "the party broke an earlier 告知承诺",
	"fine_max":                     "the decided maximum fine (procedure conditions only)",
	"outcome":                      "the decided outcome (procedure conditions only)",
	"hearing":                      "whether the party has a hearing right (procedure conditions only)",
}

// ReservedNames returns the names the engine defines for conditions, with
// what each means.
func ReservedNames() map[string]string {
	out := make(map[string]string, len(reservedNames))
	for k, v := range reservedNames {
		out[k] = v
	}
	return out
}

var identRE = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)

// exprKeywords cannot be fact names because the expression language reads
// them as operators or literals.
var exprKeywords = map[string]bool{
	"true": true, "false": true, "nil": true, "in": true, "not": true, "and": true,
	"or": true, "matches": true, "contains": true, "startswith": true, "endswith": true,
	"let": true, "if": true, "else": true, "date": true,
}

// validator checks what the structure alone cannot: references, ranges,
// consistency between an amount rule and the grades that cut it.
type validator struct {
	d   *decoder
	cat *Catalog
	// broken marks, by index in the file, the items decoding found a
	// problem in: they are not validated, but their codes still count as
	// items of the catalog.
	broken map[int]bool
	all    []*Item // the items as decoded, broken ones included
	// decodeFailed is set when decoding found problems (see guard).
	decodeFailed bool
	skipped      int // parts guard dropped
}

func (v *validator) errorf(pos Pos, code, format string, args ...any) *Diagnostic {
	return v.d.diags.Addf(pos, code, format, args...)
}

// at returns where the value of a struct field (given by its address) was
// written, or the enclosing node's position when the field was not given.
func (v *validator) at(field any, enclosing Pos) Pos {
	if p, ok := v.d.fields[field]; ok {
		return p
	}
	return enclosing
}

func (v *validator) catalog() {
	c := v.cat
	v.defaults()
	if c.Expires != nil && *c.Expires < c.Effective {
		v.errorf(v.at(&c.Expires, c.Pos), CodeDate, "expires %s is before effective %s", c.Expires, c.Effective)
	}
	if !c.TierScheme.Known() {
		v.errorf(v.at(&c.TierScheme, c.Pos), CodeValue, "tier_scheme %q is not a known scheme (%s)", c.TierScheme, schemeList())
	}
	v.guard(func() { v.facts(c.Facts, nil) })
	v.guard(v.thresholds)
	v.guard(v.policies)
	factorIDs := map[string]Pos{}
	for _, f := range c.Factors {
		if v.d.unsound[f] {
			factorIDs[f.ID] = f.Pos
			continue
		}
		v.guard(func() { v.factor(f, factorIDs) })
	}
	constraintIDs := map[string]Pos{}
	v.guard(func() { v.constraints(c.Constraints, constraintIDs, nil) })
	v.guard(func() { v.counts(c.Counts, nil) })
	if len(c.Items) == 0 && len(v.all) == 0 {
		v.errorf(v.at(&c.Items, c.Pos), CodeMissing, "the catalog has no items: a discretion standard states at least one enforcement item")
	}
	codes := map[string]Pos{}
	brokenCodes := map[string]bool{}
	for _, it := range v.brokenItems() {
		brokenCodes[it.Code] = true
	}
	for _, it := range c.Items {
		if first, dup := codes[it.Code]; dup {
			v.errorf(it.Pos, CodeDuplicateName, "item code %q is used twice (first at %s)", it.Code, first)
			continue
		}
		codes[it.Code] = it.Pos
		v.guard(func() { v.item(it, factorIDs) })
		v.guard(func() { v.constraints(it.Constraints, maps.Clone(constraintIDs), it) })
		v.guard(func() { v.counts(it.Counts, it); v.itemFactsAndCounters(it) })
	}
	for _, it := range c.Items {
		for _, code := range it.Concurrent {
			if _, ok := codes[code]; !ok && !brokenCodes[code] {
				v.errorf(v.at(&it.Concurrent, it.Pos), CodeReference, "item %s: concurrent item %q is not in the catalog", it.Code, code)
			}
		}
	}
	for code := range brokenCodes {
		if _, ok := codes[code]; !ok {
			codes[code] = Pos{}
		}
	}
	v.guard(func() { v.groups(codes) })
	v.guard(func() { v.lists(codes) })
	v.legal(codes)
}

// guard runs one part of the validation. When decoding found problems,
// the validator still checks the parts of the catalog it can, and a part
// that decoding left in a shape the checks do not expect (a required value
// missing further down, say) is one whose problems decoding has reported
// already: the part's checks are dropped rather than the run. A catalog
// that decoded cleanly is checked without the guard, so that a mistake of
// the validator's shows.
func (v *validator) guard(check func()) {
	if !v.decodeFailed {
		check()
		return
	}
	defer func() {
		if r := recover(); r != nil {
			v.skipped++
		}
	}()
	check()
}

// brokenItems returns the items that decoding found a problem in.
func (v *validator) brokenItems() []*Item {
	var out []*Item
	for i, it := range v.all {
		if v.broken[i] && it != nil && it.Code != "" {
			out = append(out, it)
		}
	}
	return out
}

func schemeList() string {
	var names []string
	for _, s := range penalty.Schemes() {
		names = append(names, string(s))
	}
	return strings.Join(names, ", ")
}

func (v *validator) defaults() {
	c := v.cat
	t := &c.Thresholds
	if t.SimpleProcedure.Individual == nil {
		t.SimpleProcedure.Individual = &defaultSimpleIndividual
	}
	if t.SimpleProcedure.Organization == nil {
		t.SimpleProcedure.Organization = &defaultSimpleOrganization
	}
	if t.OnTheSpot == nil {
		t.OnTheSpot = &defaultOnTheSpot
	}
	if t.IndividualBusinessAs == "" {
		t.IndividualBusinessAs = Individual
	}
	p := &c.Policies
	if p.Minors == "" {
		p.Minors = EffectLighter
	}
	if p.MixedFactors == "" {
		p.MixedFactors = EffectLighter
	}
	if p.HistoryWindowFirstDay == "" {
		p.HistoryWindowFirstDay = FirstDayIncluded
	}
	if p.GradeSelection == "" {
		p.GradeSelection = SelectFirst
	}
	if p.Limitation.Years == 0 {
		p.Limitation.Years = defaultLimitationYears
	}
	if p.Limitation.ExtendedYears == 0 {
		p.Limitation.ExtendedYears = defaultExtendedLimitationYears
	}
	if c.Rounding.Unit == nil {
		one := decimal.NewFromInt(1)
		c.Rounding.Unit = &one
	}
}

// statutoryThresholds holds the catalog to the statute's procedural
// amounts and periods. A catalog may choose a stricter amount than art. 51
// or art. 68 (fewer cases on the spot) when it cites the rule that sets it;
// it may not go beyond them, except where art. 51 itself defers to a 法律.
// The periods of art. 36 change only where a 法律 provides otherwise.
func (v *validator) statutoryThresholds() {
	t := &v.cat.Thresholds
	sp := &t.SimpleProcedure
	v.statutoryLimit(&sp.Individual, sp.Pos, "thresholds.simple_procedure.individual", defaultSimpleIndividual, sp.Citation, true, quoteArt51)
	v.statutoryLimit(&sp.Organization, sp.Pos, "thresholds.simple_procedure.organization", defaultSimpleOrganization, sp.Citation, true, quoteArt51)
	v.statutoryLimit(&t.OnTheSpot, t.Pos, "thresholds.on_the_spot", defaultOnTheSpot, t.OnTheSpotCitation, false, quoteArt68)

	l := &v.cat.Policies.Limitation
	for _, p := range []struct {
		field *int
		name  string
		want  int
	}{
		{&l.Years, "policies.limitation.years", defaultLimitationYears},
		{&l.ExtendedYears, "policies.limitation.extended_years", defaultExtendedLimitationYears},
	} {
		if *p.field == 0 || *p.field == p.want {
			continue
		}
		if !citesLaw(l.Citation) {
			v.errorf(v.at(p.field, l.Pos), CodeRange, "%s is %d years, not the statute's %d: a different period exists only where a 法律 provides it; give policies.limitation.citation naming that law (%s)", p.name, *p.field, p.want, quoteArt36)
		}
	}
}

// statutoryLimit checks one amount the statute sets: above it only with a
// citation of a 法律 where the article allows that (lawMayRaise), below it
// only with a citation.
func (v *validator) statutoryLimit(field **decimal.Decimal, enclosing Pos, name string, statute decimal.Decimal, cite *Citation, lawMayRaise bool, quote string) {
	x := *field
	if x == nil {
		return
	}
	at := v.at(field, enclosing)
	switch c := x.Cmp(statute); {
	case c > 0 && !lawMayRaise:
		v.errorf(at, CodeRange, "%s %s is above the statute's %s yuan, which a catalog may not raise (%s)", name, x, statute, quote)
	case c > 0 && !citesLaw(cite):
		v.errorf(at, CodeRange, "%s %s is above the statute's %s yuan: only a 法律 may provide otherwise; cite it (%s)", name, x, statute, quote)
	case c < 0 && cite == nil:
		v.errorf(at, CodeMissing, "%s %s is below the statute's %s yuan: cite the rule that lowers it (%s)", name, x, statute, quote)
	}
}

// citesLaw reports whether a citation names a 法律, an act of the National
// People's Congress or its Standing Committee: a title ending in 法
// (《中华人民共和国行政处罚法》, or its short form 《行政处罚法》), or a decision
// of 全国人民代表大会 (常务委员会). The rank is read from the title as
// 《立法法》 and the practice of naming instruments allow: 行政法规,
// 地方性法规 and 规章 are 条例, 规定, 办法 or 细则, never "…法"; a note in
// brackets after the title (（2021年修订）) is ignored. The 行政处罚法 itself
// does not count: its exceptions are other laws.
func citesLaw(c *Citation) bool {
	if c == nil {
		return false
	}
	name := strings.TrimSpace(c.Instrument)
	if i := strings.IndexAny(name, "（("); i > 0 {
		name = name[:i]
	}
	name = strings.Trim(strings.TrimSpace(name), "《》")
	if strings.TrimPrefix(name, "中华人民共和国") == "行政处罚法" {
		// "法律另有规定" is another law: the 行政处罚法 cannot be its own
		// exception.
		return false
	}
	if strings.HasPrefix(name, "全国人民代表大会") {
		return true
	}
	return strings.HasSuffix(name, "法") && !strings.HasSuffix(name, "办法")
}

func (v *validator) thresholds() {
	v.statutoryThresholds()
	t := v.cat.Thresholds
	if t.IndividualBusinessAs != Individual && t.IndividualBusinessAs != Organization {
		v.errorf(v.at(&v.cat.Thresholds.IndividualBusinessAs, t.Pos), CodeValue, "individual_business_as must be individual or organization, not %q", t.IndividualBusinessAs)
	}
	if h := t.Hearing; h != nil && h.Individual == nil && h.Organization == nil {
		v.errorf(h.Pos, CodeMissing, "hearing: give a threshold for individual, organization or both")
	}
	if h := t.ConfiscationHearing; h != nil && h.Individual == nil && h.Organization == nil {
		v.errorf(h.Pos, CodeMissing, "confiscation_hearing: give a threshold for individual, organization or both")
	}
	if v.cat.Rounding.Unit.Sign() <= 0 {
		v.errorf(v.at(&v.cat.Rounding.Unit, v.cat.Rounding.Pos), CodeValue, "rounding unit must be positive")
	}
}

func (v *validator) policies() {
	p := v.cat.Policies
	if p.Minors != EffectLighter && p.Minors != EffectMitigate {
		v.errorf(v.at(&v.cat.Policies.Minors, p.Pos), CodeValue, "policies.minors must be lighter or mitigate (art. 30 \"应当从轻或者减轻\"), not %q", p.Minors)
	}
	if p.MixedFactors != EffectLighter && p.MixedFactors != EffectGeneral {
		v.errorf(v.at(&v.cat.Policies.MixedFactors, p.Pos), CodeValue, "policies.mixed_factors must be lighter or general, not %q", p.MixedFactors)
	}
	if f := p.HistoryWindowFirstDay; f != FirstDayIncluded && f != FirstDayExcluded {
		v.errorf(v.at(&v.cat.Policies.HistoryWindowFirstDay, p.Pos), CodeValue, "policies.history_window_first_day must be included or excluded, not %q", f)
	}
	v.effectsOrder(p.EffectsOrder, v.at(&v.cat.Policies.EffectsOrder, p.Pos), "policies")
	if !p.GradeSelection.Known() {
		v.errorf(v.at(&v.cat.Policies.GradeSelection, p.Pos), CodeValue, "policies.grade_selection must be first, heaviest or exclusive, not %q", p.GradeSelection)
	}
	if p.MitigationFloor != nil && p.MitigationFloor.GreaterThan(decimal.NewFromInt(1)) {
		v.errorf(v.at(&v.cat.Policies.MitigationFloor, p.Pos), CodeValue, "policies.mitigation_floor is a share of the statutory minimum, from 0 to 1")
	}
	if p.Limitation.ExtendedYears < p.Limitation.Years {
		v.errorf(v.at(&v.cat.Policies.Limitation.ExtendedYears, p.Limitation.Pos), CodeValue, "extended_years must not be shorter than years")
	}
}

// facts checks a fact schema; outer is the catalog's schema when checking an
// item's own facts, which may not redeclare a catalog fact.
func (v *validator) facts(fs Facts, outer Facts) {
	for _, f := range fs {
		switch {
		case !identRE.MatchString(f.Name):
			v.errorf(f.Pos, CodeValue, "fact name %q must be lower-case letters, digits and _ , starting with a letter", f.Name)
		case exprKeywords[f.Name]:
			v.errorf(f.Pos, CodeValue, "fact name %q is a keyword of the condition language", f.Name)
		case reservedNames[f.Name] != "":
			v.errorf(f.Pos, CodeValue, "fact name %q is provided by the engine: %s", f.Name, P(reservedNames[f.Name]))
		case outer.Lookup(f.Name) != nil:
			v.errorf(f.Pos, CodeDuplicateName, "fact %q is already declared by the catalog (at %s)", f.Name, outer.Lookup(f.Name).Pos)
		}
		if !v.d.unsound[f] {
			v.fact(f)
		}
	}
}

func (v *validator) fact(f *Fact) {
	switch f.Type {
	case FactBool, FactInt, FactNumber, FactMoney, FactEnum, FactDate, FactEnumList:
	default:
		v.errorf(v.at(&f.Type, f.Pos), CodeValue, "fact %s: type %q is not one of bool, int, number, money, enum, enum_list, date", f.Name, f.Type)
		return
	}
	if (f.Min != nil || f.Max != nil) && !f.Type.Numeric() {
		v.errorf(f.Pos, CodeValue, "fact %s: min and max apply only to int, number and money facts", f.Name)
	}
	if f.Min != nil && f.Max != nil && f.Min.GreaterThan(*f.Max) {
		v.errorf(f.Pos, CodeRange, "fact %s: min %s is greater than max %s", f.Name, f.Min, f.Max)
	}
	if f.Type == FactInt {
		for _, b := range []*decimal.Decimal{f.Min, f.Max} {
			if b != nil && !b.IsInteger() {
				v.errorf(f.Pos, CodeValue, "fact %s: bounds of an int fact must be whole numbers", f.Name)
			}
		}
	}
	if (f.Type == FactEnum || f.Type == FactEnumList) != (len(f.Values) > 0) {
		v.errorf(v.at(&f.Values, f.Pos), CodeValue, "fact %s: values are required for enum and enum_list facts and allowed only for them", f.Name)
	}
	if f.Type == FactEnumList && len(f.Values) > MaxListValues {
		v.errorf(v.at(&f.Values, f.Pos), CodeRange, "fact %s: an enum_list fact declares at most %d values, not %d", f.Name, MaxListValues, len(f.Values))
	}
	for _, val := range f.Values {
		if strings.TrimSpace(val.Name) == "" {
			v.errorf(val.Pos, CodeMissing, "fact %s: a value's name is empty or blank; conditions and cases name values by it", f.Name)
		}
		if strings.TrimSpace(val.Label) == "" {
			v.errorf(val.Pos, CodeMissing, "fact %s: value %q needs a Chinese label", f.Name, val.Name)
		}
	}
	if f.Undeterminable && f.Type != FactMoney && f.Type != FactNumber {
		v.errorf(f.Pos, CodeValue, "fact %s: undeterminable applies only to money and number facts", f.Name)
	}
	if f.Default != nil && f.Type == FactEnumList {
		v.errorf(f.Default.Pos, CodeValue, "fact %s: an enum_list fact has no default; a case states its list ([] for none)", f.Name)
	} else if f.Default != nil {
		val, err := f.parseDefault(f.Default.raw, f.Default.tag)
		if err != nil {
			v.errorf(f.Default.Pos, CodeValue, "%v", err)
		}
		f.Default.Value = val
		if f.Required {
			v.errorf(f.Default.Pos, CodeValue, "fact %s: a required fact has no default", f.Name)
		}
	}
	switch f.Aggravates {
	case "":
	case "higher", "lower":
		if !f.Type.Numeric() && f.Type != FactEnum {
			v.errorf(f.Pos, CodeValue, "fact %s: aggravates %q applies to numbers and enums; use true or false for bool", f.Name, f.Aggravates)
		}
	case "true", "false":
		if f.Type != FactBool {
			v.errorf(f.Pos, CodeValue, "fact %s: aggravates %q applies to bool facts", f.Name, f.Aggravates)
		}
	default:
		v.errorf(f.Pos, CodeValue, "fact %s: aggravates must be higher, lower, true or false", f.Name)
	}
}

func (v *validator) factor(f *Factor, ids map[string]Pos) {
	if first, dup := ids[f.ID]; dup {
		v.errorf(f.Pos, CodeDuplicateName, "factor id %q is used twice (first at %s)", f.ID, first)
	}
	ids[f.ID] = f.Pos
	switch f.Effect {
	case EffectLighter, EffectMitigate, EffectHeavier:
	default:
		v.errorf(v.at(&f.Effect, f.Pos), CodeValue, "factor %s: effect must be lighter (从轻), mitigate (减轻) or heavier (从重), not %q", f.ID, f.Effect)
	}
	v.factorApply(f)
}

// schemeFor returns the tier scheme in force for a benchmark.
func (c *Catalog) SchemeFor(b *Benchmark) penalty.Scheme {
	if b != nil && b.TierScheme != "" {
		return b.TierScheme
	}
	return c.TierScheme
}

// SelectionFor returns the rule by which a benchmark chooses among its
// grades: its own selection, exclusive for the older exclusive: true, or
// the catalog's policies.grade_selection.
func (c *Catalog) SelectionFor(b *Benchmark) Selection {
	switch {
	case b != nil && b.Selection != "":
		return b.Selection
	case b != nil && b.Exclusive:
		return SelectExclusive
	case c.Policies.GradeSelection != "":
		return c.Policies.GradeSelection
	}
	return SelectFirst
}

// AllFacts returns the catalog's facts followed by the item's own.
func (c *Catalog) AllFacts(it *Item) Facts {
	out := make(Facts, 0, len(c.Facts)+len(it.Facts))
	return append(append(out, c.Facts...), it.Facts...)
}

// Item returns the item with the given code, or nil.
func (c *Catalog) Item(code string) *Item {
	for _, it := range c.Items {
		if it.Code == code {
			return it
		}
	}
	return nil
}

// MapParty returns the party type a clause's 单位/个人 split sees: an
// individual business counts as the catalog says.
func (c *Catalog) MapParty(p PartyType) PartyType {
	if p == IndividualBusiness {
		return c.Thresholds.IndividualBusinessAs
	}
	return p
}

func (v *validator) item(it *Item, catalogFactors map[string]Pos) {
	v.facts(it.Facts, v.cat.Facts)
	for _, p := range it.Parties {
		if !p.Valid() {
			v.errorf(it.Pos, CodeValue, "item %s: party %q is not individual, organization or individual_business", it.Code, p)
		}
	}
	switch it.Verification {
	case "", "verified", "unverified":
	default:
		v.errorf(v.at(&it.Verification, it.Pos), CodeValue, "item %s: verification must be verified or unverified", it.Code)
	}
	short := it.Sanctions != nil || it.Benchmark != nil || it.Orders != nil || it.Precondition != nil || it.EffectiveFrom != nil
	switch {
	case short && it.Versions != nil:
		v.errorf(it.Pos, CodeValue, "item %s: give either versions or sanctions/benchmark directly, not both", it.Code)
		return
	case short:
		from, stated := v.firstVersionStart(it)
		it.Versions = []*Version{{Pos: it.Pos, ID: "v1", EffectiveFrom: from, StartStated: stated,
			Orders: it.Orders, Precondition: it.Precondition, Sanctions: it.Sanctions, Benchmark: it.Benchmark}}
		if it.Sanctions == nil {
			v.errorf(it.Pos, CodeMissing, "item %s: missing required key \"sanctions\"", it.Code)
			return
		}
	case len(it.Versions) == 0:
		v.errorf(it.Pos, CodeMissing, "item %s: needs sanctions and a benchmark, or versions", it.Code)
		return
	default:
		for _, ver := range it.Versions {
			ver.StartStated = true
		}
	}
	v.versions(it)
	facts := v.cat.AllFacts(it)
	for _, ver := range it.Versions {
		v.version(it, ver, facts, catalogFactors)
	}
	if l := it.Limitation; l != nil && l.Years > 0 {
		switch {
		case l.Citation == nil:
			v.errorf(l.Pos, CodeMissing, "item %s: a limitation period other than art. 36's needs the citation of the law that sets it", it.Code)
		case l.Years != defaultLimitationYears && !citesLaw(l.Citation):
			v.errorf(v.at(&l.Citation, l.Pos), CodeRange, "item %s: a limitation period of %d years exists only where a 法律 provides it; %q is not a 法律 (%s)", it.Code, l.Years, l.Citation.Instrument, quoteArt36)
		}
	}
}

// versions checks that an item's versions are in date order and do not
// overlap, so that exactly one is in force on any date they cover.
func (v *validator) versions(it *Item) {
	ids := map[string]bool{}
	for i, ver := range it.Versions {
		if ids[ver.ID] {
			v.errorf(ver.Pos, CodeDuplicateName, "item %s: version id %q is used twice", it.Code, ver.ID)
		}
		ids[ver.ID] = true
		if ver.EffectiveTo != nil && *ver.EffectiveTo < ver.EffectiveFrom {
			v.errorf(v.at(&ver.EffectiveTo, ver.Pos), CodeDate, "item %s version %s: effective_to %s is before effective_from %s", it.Code, ver.ID, ver.EffectiveTo, ver.EffectiveFrom)
		}
		if i == 0 {
			continue
		}
		prev := it.Versions[i-1]
		switch {
		case ver.EffectiveFrom <= prev.EffectiveFrom:
			v.errorf(ver.Pos, CodeDate, "item %s: versions must be listed oldest first; %s starts on or before %s", it.Code, ver.ID, prev.ID)
		case prev.EffectiveTo == nil || *prev.EffectiveTo >= ver.EffectiveFrom:
			v.errorf(ver.Pos, CodeDate, "item %s: version %s starts %s while %s is still in force; give %s an effective_to before that day", it.Code, ver.ID, ver.EffectiveFrom, prev.ID, prev.ID)
		}
	}
}

func (v *validator) version(it *Item, ver *Version, facts Facts, catalogFactors map[string]Pos) {
	where := P("item %s version %s", it.Code, ver.ID)
	var fine *Sanction
	for _, s := range ver.Sanctions {
		if !s.Type.Known() {
			v.errorf(s.Pos, CodeValue, "%s: sanction type %q is not one of 行政处罚法 art. 9's types", where, s.Type)
			continue
		}
		if s.Precondition != nil {
			v.precondition(s.Precondition)
		}
		if s.Type != penalty.Fine {
			if s.Amount != nil {
				v.errorf(s.Amount.Pos, CodeValue, "%s: only a fine has an amount", where)
			}
			if len(s.Ranges) > 0 {
				v.errorf(s.Ranges[0].Pos, CodeValue, "%s: only a fine has statutory ranges", where)
			}
			if s.Persons != nil {
				v.errorf(s.Persons.Pos, CodeValue, "%s: only a fine has a fine on the responsible persons", where)
			}
			continue
		}
		if fine != nil {
			v.errorf(s.Pos, CodeDuplicateName, "%s: one act takes at most one fine (行政处罚法 art. 29); merge the fine sanctions", where)
			continue
		}
		fine = s
		if s.Amount == nil {
			v.errorf(s.Pos, CodeMissing, "%s: a fine needs an amount", where)
			continue
		}
		v.amount(it, s.Amount, facts, where)
		v.fineRanges(it, s, facts, where)
		v.persons(s, where)
	}
	if ver.Precondition != nil {
		v.precondition(ver.Precondition)
	}
	// A clause may prescribe only orders (责令限期拆除 …): no sanction, so
	// nothing to grade, but then it must state the orders.
	ordersOnly := len(ver.Sanctions) == 0 && !ver.Decriminalized
	if ordersOnly && len(ver.Orders) == 0 {
		v.errorf(ver.Pos, CodeMissing, "%s: prescribes no sanction: state the orders (责令…) it prescribes, or its sanctions", where)
	}
	if ver.Benchmark == nil {
		if !ver.Decriminalized && !ordersOnly {
			v.errorf(ver.Pos, CodeMissing, "%s: missing benchmark (the grades that cut the statutory range)", where)
		}
		return
	}
	v.benchmark(it, ver, fine, catalogFactors, where)
}

// fineRanges checks a fine's further statutory ranges: distinct ids, an
// amount each, and each range no lighter than the one listed before it
// (the last range whose condition holds applies).
func (v *validator) fineRanges(it *Item, s *Sanction, facts Facts, where *Phrase) {
	ids := map[string]bool{}
	prev := s.Amount
	for _, r := range s.Ranges {
		if ids[r.ID] {
			v.errorf(r.Pos, CodeDuplicateName, "%s: fine range id %q is used twice", where, r.ID)
		}
		ids[r.ID] = true
		if r.Amount == nil {
			continue
		}
		rw := P("%s range %s", where, r.ID)
		v.amount(it, r.Amount, facts, rw)
		if prev != nil && prev.All != nil && r.Amount.All != nil && r.Amount.All.Min != nil && prev.All.Min != nil && r.Amount.All.Min.LessThan(*prev.All.Min) {
			v.errorf(r.Amount.Pos, CodeRange, "%s: the range starts at %s, below the %s of the range before it: list the ranges as the clause does, lighter first (the last whose condition holds applies)", rw, r.Amount.All.Min, prev.All.Min)
		}
		prev = r.Amount
	}
}

func (v *validator) precondition(p *Precondition) {
	switch p.Kind {
	case "overdue_not_corrected", "refused_to_correct", "serious", "other":
	default:
		v.errorf(v.at(&p.Kind, p.Pos), CodeValue, "precondition kind must be overdue_not_corrected (逾期不改正), refused_to_correct (拒不改正), serious (情节严重) or other, not %q", p.Kind)
	}
}

func (v *validator) amount(it *Item, a *Amount, facts Facts, where *Phrase) {
	if a.All != nil {
		v.amountRule(a.All, facts, where)
		return
	}
	for _, pr := range a.ByParty {
		if len(it.Parties) > 0 && !containsParty(it.Parties, pr.Party) {
			v.errorf(pr.Rule.Pos, CodeReference, "%s: the amount names %s, which the item's parties exclude", where, pr.Party)
		}
		v.amountRule(pr.Rule, facts, P("%s (%s)", where, string(pr.Party)))
	}
}

func containsParty(ps []PartyType, p PartyType) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

// amountRule builds the penalty.Rule of an AmountRule.
func (v *validator) amountRule(a *AmountRule, facts Facts, where *Phrase) {
	var factor *Span
	kind := penalty.Fixed
	forms := 0
	for _, f := range []struct {
		span *Span
		kind penalty.RuleKind
	}{{a.Times, penalty.Multiple}, {a.Percent, penalty.Percent}, {a.PerUnit, penalty.PerUnit}} {
		if f.span != nil {
			forms++
			factor, kind = f.span, f.kind
		}
	}
	r := penalty.Rule{Kind: kind, Base: a.Base, Cap: a.Cap}
	switch {
	case forms > 1:
		v.errorf(a.Pos, CodeValue, "%s: an amount is one of min/max, times, percent or per_unit", where)
		return
	case forms == 0:
		if a.Min == nil && a.Max == nil {
			v.errorf(a.Pos, CodeMissing, "%s: the amount needs min, max or both (in yuan)", where)
			return
		}
		if a.Base != "" || a.Cap != nil || len(a.Fallbacks) > 0 {
			v.errorf(a.Pos, CodeValue, "%s: base, cap and fallbacks belong to times, percent and per_unit amounts", where)
		}
		if a.Min != nil {
			r.Min = *a.Min
		}
		r.Max = a.Max
	default:
		if a.Min != nil || a.Max != nil {
			v.errorf(a.Pos, CodeValue, "%s: with %s, give the factors inside it; min and max are not yuan here", where, kind)
		}
		r.Min, r.Max = factor.Min, factor.Max
		v.base(a, facts, where)
	}
	if r.Max != nil && r.Min.GreaterThan(*r.Max) {
		v.errorf(a.Pos, CodeRange, "%s: min %s is greater than max %s", where, r.Min, r.Max)
	}
	for _, fb := range a.Fallbacks {
		trig := penalty.Trigger{Below: fb.Below}
		for _, w := range fb.When {
			switch w {
			case "absent":
				trig.Absent = true
			case "zero":
				trig.Zero = true
			case "undeterminable":
				trig.Undeterminable = true
				if f := facts.Lookup(a.Base); f != nil && !f.Undeterminable {
					v.errorf(fb.Pos, CodeValue, "%s: fallback on undeterminable needs fact %s declared with undeterminable: true", where, a.Base)
				}
			default:
				v.errorf(fb.Pos, CodeValue, "%s: fallback when %q is not absent, zero or undeterminable", where, w)
			}
		}
		if len(fb.When) == 0 && fb.Below == nil {
			v.errorf(fb.Pos, CodeMissing, "%s: a fallback needs when (absent, zero, undeterminable) or below", where)
		}
		v.amountRule(fb.Amount, facts, P("%s fallback", where))
		r.Fallbacks = append(r.Fallbacks, penalty.Fallback{When: trig, Rule: fb.Amount.Rule})
	}
	a.Rule = r
}

func (v *validator) base(a *AmountRule, facts Facts, where *Phrase) {
	if a.Base == "" {
		v.errorf(a.Pos, CodeMissing, "%s: times, percent and per_unit amounts need base: the fact holding the base amount", where)
		return
	}
	f := facts.Lookup(a.Base)
	if f == nil {
		d := v.errorf(v.at(&a.Base, a.Pos), CodeReference, "%s: base %q is not a declared fact", where, a.Base)
		if s := didYouMean(a.Base, factNames(facts)); s != "" {
			d.SetHint("did you mean %q?", s)
		}
		return
	}
	if !f.Type.Numeric() {
		v.errorf(v.at(&a.Base, a.Pos), CodeValue, "%s: base %s must be a money, number or int fact, not %s", where, f.Name, f.Type)
	}
}

func factNames(fs Facts) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name
	}
	return out
}

func (v *validator) benchmark(it *Item, ver *Version, fine *Sanction, catalogFactors map[string]Pos, where *Phrase) {
	b := ver.Benchmark
	scheme := v.cat.SchemeFor(b)
	if b.TierScheme != "" && !b.TierScheme.Known() {
		v.errorf(v.at(&b.TierScheme, b.Pos), CodeValue, "%s: tier_scheme %q is not a known scheme (%s)", where, b.TierScheme, schemeList())
	}
	if len(b.Grades) == 0 {
		v.errorf(b.Pos, CodeMissing, "%s: a benchmark needs at least one grade", where)
	}
	if b.Selection != "" && !b.Selection.Known() {
		v.errorf(v.at(&b.Selection, b.Pos), CodeValue, "%s: selection must be first, heaviest or exclusive, not %q", where, b.Selection)
	}
	if b.Exclusive && b.Selection != "" && b.Selection != SelectExclusive {
		v.errorf(v.at(&b.Exclusive, b.Pos), CodeValue, "%s: exclusive: true contradicts selection: %s; exclusive: true is the older spelling of selection: exclusive, give one of them", where, b.Selection)
	}
	v.effectsOrder(b.EffectsOrder, v.at(&b.EffectsOrder, b.Pos), where)
	ids := map[string]bool{}
	for _, g := range b.Grades {
		if ids[g.ID] {
			v.errorf(g.Pos, CodeDuplicateName, "%s: grade id %q is used twice", where, g.ID)
		}
		ids[g.ID] = true
		if g.Tier == 0 {
			g.Tier = penalty.General
		}
		v.grade(it, g, fine, scheme, where)
	}
	v.gradeRanges(b, fine, where)
	v.personsGrades(it, b, fine, where)
	factorIDs := map[string]Pos{}
	for k, p := range catalogFactors {
		factorIDs[k] = p
	}
	for _, f := range b.Factors {
		v.factor(f, factorIDs)
	}
	if fo := b.FirstOffense; fo != nil {
		switch fo.PriorBasis {
		case "", "decision_date", "act_date":
		default:
			v.errorf(v.at(&fo.PriorBasis, fo.Pos), CodeValue, "%s: first_offense.prior_basis must be decision_date or act_date", where)
		}
		switch fo.WindowFirstDay {
		case "":
			fo.WindowFirstDay = FirstDayIncluded
		case FirstDayIncluded, FirstDayExcluded:
		default:
			v.errorf(v.at(&fo.WindowFirstDay, fo.Pos), CodeValue, "%s: first_offense.window_first_day must be included or excluded, not %q", where, fo.WindowFirstDay)
		}
		switch fo.SameViolation {
		case "", "same_item", "same_clause", "any":
		default:
			v.errorf(v.at(&fo.SameViolation, fo.Pos), CodeValue, "%s: first_offense.same_violation must be same_item, same_clause or any", where)
		}
	}
	if c := b.Commitment; c != nil && c.DeadlineDays <= 0 {
		v.errorf(v.at(&c.DeadlineDays, c.Pos), CodeValue, "%s: commitment.deadline_days must be positive", where)
	}
	if o := b.Offset; o != nil {
		if o.Rate.Sign() <= 0 {
			v.errorf(v.at(&o.Rate, o.Pos), CodeValue, "%s: public_service_offset.rate must be positive", where)
		}
		if fine == nil {
			v.errorf(o.Pos, CodeReference, "%s: public_service_offset needs a fine to offset", where)
		}
	}
}

// gradeRanges checks that each grade names a range of the fine and that
// every range has grades to cut it.
func (v *validator) gradeRanges(b *Benchmark, fine *Sanction, where *Phrase) {
	used := map[string]bool{}
	for _, g := range b.Grades {
		used[g.Range] = true
		if g.Range == BaseRange {
			continue
		}
		if fine == nil || fine.Range(g.Range) == nil {
			v.errorf(v.at(&g.Range, g.Pos), CodeReference, "%s grade %s: range %q is not a statutory range of the item's fine (sanctions: fine: ranges)", where, g.ID, g.Range)
		}
	}
	if fine == nil || len(fine.Ranges) == 0 || len(b.Grades) == 0 {
		return
	}
	if !used[BaseRange] {
		v.errorf(b.Pos, CodeMissing, "%s: no grade cuts the fine's own amount, which applies when no range's condition holds; give grades without range:", where)
	}
	for _, r := range fine.Ranges {
		if !used[r.ID] {
			v.errorf(r.Pos, CodeMissing, "%s: no grade cuts fine range %s (%s); give grades with range: %s", where, r.ID, r.Label, r.ID)
		}
	}
}

// grade checks a grade's fine against the statutory amount rule of the fine
// it cuts: a yuan range inside the statutory range, multiples inside the
// statutory multiples, shares inside [0, 1], and no fine only where the fine
// is optional.
func (v *validator) grade(it *Item, g *Grade, fine *Sanction, scheme penalty.Scheme, where *Phrase) {
	where = P("%s grade %s", where, g.ID)
	for _, s := range g.Sanctions {
		if !s.Known() {
			v.errorf(g.Pos, CodeValue, "%s: sanction type %q is not one of art. 9's types", where, s)
		}
	}
	switch {
	case fine == nil && g.Fine != nil && !g.Fine.None:
		v.errorf(g.Fine.Pos, CodeReference, "%s: the item has no fine to cut", where)
		return
	case fine == nil:
		return
	case g.Fine == nil:
		v.errorf(g.Pos, CodeMissing, "%s: missing fine (the sub-range of the statutory fine, or none)", where)
		return
	case g.Fine.None:
		if fine.Mandatory && fine.Precondition == nil {
			v.errorf(g.Fine.Pos, CodeRange, "%s: the fine is mandatory (处/并处), so a grade cannot drop it; only 减轻 with a legal ground may", where)
		}
		return
	}
	amount := fine.AmountOf(g.Range)
	if amount == nil {
		return // an unknown range, reported by gradeRanges
	}
	parties := []PartyType{""}
	if amount.All == nil {
		parties = parties[:0]
		for _, pr := range amount.ByParty {
			parties = append(parties, pr.Party)
		}
	}
	for _, p := range parties {
		rule := amount.All
		gf := g.Fine
		label := where
		if p != "" {
			rule, gf = amount.For(p), g.Fine.For(p)
			label = P("%s (%s)", where, string(p))
			if gf == nil {
				v.errorf(g.Fine.Pos, CodeMissing, "%s: no fine given for %s", where, p)
				continue
			}
		} else if len(g.Fine.ByParty) > 0 {
			v.errorf(g.Fine.Pos, CodeValue, "%s: the statutory amount does not split by party, so the grade's fine cannot", where)
			return
		}
		v.gradeFine(rule.Rule, gf, scheme, label)
		if gf.Unit == UnitFormula {
			v.formula(it, rule.Rule, gf.Formula, label)
		}
	}
}

// formula checks a grade's computed fine: a known rounding, a step above
// zero, a numeric fact (or len of a list fact) to count, bounds in order
// and, for a statute in yuan, bounds inside the statutory range. Whether
// the amount itself can leave the statute is for the checks (jizhun
// check), which know the facts' bounds.
func (v *validator) formula(it *Item, rule penalty.Rule, f *FineFormula, where *Phrase) {
	if !f.Rounding.Known() {
		v.errorf(posOr(f.RoundingPos, f.Pos), CodeValue, "%s: formula rounding %q is not one of half_up (四舍五入), up (不足一个按一个计) or down (不足一个不计)", where, string(f.Rounding))
	}
	if f.Step != nil && f.Step.Sign() <= 0 {
		v.errorf(posOr(f.StepPos, f.Pos), CodeRange, "%s: formula step must be above zero, got %s", where, f.Step.String())
	}
	name, isLen := f.OfFact()
	fact := v.cat.FormulaFacts(it).Lookup(name)
	switch {
	case name == "":
		v.errorf(posOr(f.OfPos, f.Pos), CodeMissing, "%s: formula of names no fact", where)
	case fact == nil:
		v.errorf(posOr(f.OfPos, f.Pos), CodeReference, "%s: formula of names %q, which is neither a declared fact nor a counter of the history (counts)", where, name)
	case isLen && fact.Type != FactEnumList:
		v.errorf(posOr(f.OfPos, f.Pos), CodeType, "%s: formula of counts the values of %q with len, but it is not an enum_list fact", where, name)
	case !isLen && fact.Type != FactInt && fact.Type != FactNumber && fact.Type != FactMoney:
		v.errorf(posOr(f.OfPos, f.Pos), CodeType, "%s: formula of reads %q, which is not a number; count a list with len(%s)", where, name, name)
	}
	if f.Min != nil && f.Max != nil && f.Min.GreaterThan(*f.Max) {
		v.errorf(f.Pos, CodeRange, "%s: formula min %s is above its max %s", where, f.Min.String(), f.Max.String())
	}
	if rule.Kind != penalty.Fixed {
		return
	}
	stat := rule.FactorRange()
	for _, b := range []*decimal.Decimal{f.Min, f.Max} {
		if b != nil && !stat.Contains(*b) {
			v.errorf(f.Pos, CodeRange, "%s: formula bound %s yuan leaves the statutory range %s", where, b.String(), stat)
		}
	}
}

// posOr is p, or else the position of the whole.
func posOr(p, whole Pos) Pos {
	if p.Line == 0 {
		return whole
	}
	return p
}

func (v *validator) gradeFine(rule penalty.Rule, gf *GradeFine, scheme penalty.Scheme, where *Phrase) {
	unit := *v.cat.Rounding.Unit
	if unit.Sign() <= 0 {
		unit = decimal.NewFromInt(1) // reported by thresholds; check on whole yuan
	}
	switch gf.Unit {
	case UnitTier:
		// A multiple or percent without a maximum has no maximum in yuan
		// either, whatever the base.
		if rule.Max == nil {
			v.errorf(gf.Pos, CodeRange, "%s: the statutory range has no maximum, so scheme %s cannot give a tier; state the grade's range", where, scheme)
		}
	case UnitShare:
		one := decimal.NewFromInt(1)
		switch {
		case rule.Max == nil:
			v.errorf(gf.Pos, CodeRange, "%s: the statutory range has no maximum, so a share of it means nothing; state the grade's range", where)
		case gf.Span.Max == nil || gf.Span.Min.GreaterThan(*gf.Span.Max) || gf.Span.Max.GreaterThan(one):
			v.errorf(gf.Pos, CodeRange, "%s: a share is a part of the statutory range from 0 to 1, with min ≤ max", where)
		}
	case UnitYuan, UnitTimes, UnitPercent:
		want := map[FineUnit]penalty.RuleKind{UnitYuan: penalty.Fixed, UnitTimes: penalty.Multiple, UnitPercent: penalty.Percent}[gf.Unit]
		if rule.Kind != want {
			v.errorf(gf.Pos, CodeValue, "%s: the statutory amount is %s, so the grade cannot be stated in %s; use %s, share or tier", where, ruleKindWord(rule.Kind), unitWord(gf.Unit), unitFor(rule.Kind))
			return
		}
		stat := rule.FactorRange()
		resolveUnit := unit
		if gf.Unit != UnitYuan {
			resolveUnit = decimal.New(1, -4) // factors are checked exactly, not on the yuan grid
		}
		got := gf.Span.Interval().Resolve(resolveUnit)
		switch {
		case gf.Span.Max == nil && !stat.Unbounded:
			v.errorf(gf.Pos, CodeRange, "%s: the grade needs a max", where)
		case gf.Span.Max == nil && gf.Unit != UnitYuan:
			// The engine turns the factors into yuan through the base and
			// needs both ends; only a yuan range may stay open upwards.
			v.errorf(gf.Pos, CodeRange, "%s: a grade in %s needs a max", where, gf.Unit)
		case got.Empty():
			v.errorf(gf.Pos, CodeRange, "%s: the grade's range %s holds no amount", where, got)
		case !got.Within(stat):
			v.errorf(gf.Pos, CodeRange, "%s: the grade's range %s %s leaves the statutory range %s", where, got, unitWord(gf.Unit), stat)
		}
	}
}

func unitFor(k penalty.RuleKind) string {
	switch k {
	case penalty.Multiple:
		return "times"
	case penalty.Percent:
		return "percent"
	case penalty.Fixed:
		return "yuan {min, max}"
	}
	return "share"
}

// unitWord names the unit a grade's range is stated in.
func unitWord(u FineUnit) *Phrase {
	switch u {
	case UnitYuan:
		return P("yuan")
	case UnitTimes:
		return P("times the base")
	case UnitPercent:
		return P("percent of the base")
	}
	return P("%s", string(u))
}

// ruleKindWord names how a statutory amount is stated.
func ruleKindWord(k penalty.RuleKind) *Phrase {
	switch k {
	case penalty.Fixed:
		return P("a range in yuan")
	case penalty.Multiple:
		return P("a multiple of a base amount")
	case penalty.Percent:
		return P("a percentage of a base amount")
	case penalty.PerUnit:
		return P("an amount per unit")
	}
	return P("%s", k.String())
}
