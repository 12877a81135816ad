package discretion

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/penalty"
)

// Case is what an agency system sends: the item (or the candidate items of
// one act, art. 29), the party, the dates and the facts. Its JSON form is
// the stable contract of `jizhun decide --case`.
type Case struct {
	Item       string   `json:"item,omitempty"`
	Items      []string `json:"items,omitempty"`
	Party      Party    `json:"party"`
	ActDate    Date     `json:"act_date"`
	ActEndDate Date     `json:"act_end_date,omitempty"`
	// ActOngoing says that a continuing act had not ended when the case was
	// decided (the building still stands): art. 36 ¶2 counts the period
	// from the end of the act, so it has not started. act_end_date is then
	// left out.
	ActOngoing    bool           `json:"act_ongoing,omitempty"`
	DiscoveryDate Date           `json:"discovery_date"`
	DecisionDate  Date           `json:"decision_date"`
	Facts         map[string]any `json:"facts"`
	History       []Prior        `json:"history,omitempty"`
	Commitment    *Commitment    `json:"commitment,omitempty"`
	// Confiscated states what a confiscation takes, for art. 63 (二)'s
	// hearing right; absent, a decision that confiscates is flagged for
	// review where the catalog sets a threshold.
	Confiscated *Confiscated `json:"confiscated,omitempty"`
}

// Confiscated states, in yuan, the illegal gains (违法所得) and the value of
// the illegal property (非法财物) a decision confiscates. A field left out is
// not known.
type Confiscated struct {
	Gains         json.Number `json:"gains,omitempty"`
	PropertyValue json.Number `json:"property_value,omitempty"`
}

// amounts returns the stated amounts, each with whether it is stated.
func (c *Confiscated) amounts() (gains, property decimal.Decimal, hasGains, hasProperty bool) {
	if c == nil {
		return
	}
	gains, hasGains = parseYuan(c.Gains)
	property, hasProperty = parseYuan(c.PropertyValue)
	return
}

// valid reports whether every stated amount is a yuan amount, not negative.
func (c *Confiscated) valid() bool {
	if c == nil {
		return true
	}
	for _, n := range []json.Number{c.Gains, c.PropertyValue} {
		if _, ok := parseYuan(n); n != "" && !ok {
			return false
		}
	}
	return true
}

func parseYuan(n json.Number) (decimal.Decimal, bool) {
	if n == "" {
		return decimal.Decimal{}, false
	}
	x, err := penalty.ParseYuan(string(n))
	if err != nil || x.IsNegative() {
		return decimal.Decimal{}, false
	}
	return x, true
}

// checkConfiscated validates the confiscated amounts.
func (c *Case) checkConfiscated(cerr *CaseError) {
	if c.Confiscated == nil {
		return
	}
	for _, f := range []struct {
		field string
		n     json.Number
	}{{"confiscated.gains", c.Confiscated.Gains}, {"confiscated.property_value", c.Confiscated.PropertyValue}} {
		if f.n == "" {
			continue
		}
		x, err := penalty.ParseYuan(string(f.n))
		switch {
		case err != nil:
			cerr.add(f.field, "%q is not an amount in yuan: write the number alone, such as 1200 or 1200.50", string(f.n))
		case x.IsNegative():
			cerr.add(f.field, "%s is negative: state the amount in yuan", f.n)
		}
	}
}

// Party is the party to the case.
type Party struct {
	Type      catalog.PartyType `json:"type"`
	BirthDate Date              `json:"birth_date,omitempty"`
	// Capacity is art. 31: "full" (default), "none" (could not recognise or
	// control the act: no penalty) or "limited" (may be lighter or mitigated).
	Capacity string `json:"capacity,omitempty"`
}

// Prior is one of the party's earlier violations.
type Prior struct {
	Item         string `json:"item"`
	ActDate      Date   `json:"act_date"`
	DecisionDate Date   `json:"decision_date,omitempty"`
	Outcome      string `json:"outcome,omitempty"`
}

// Commitment is the party's answer to a 告知承诺 offer.
type Commitment struct {
	Signed   bool `json:"signed"`
	Deadline Date `json:"deadline,omitempty"`
	// Breached records that the party broke an earlier commitment for this
	// violation; the case is then decided normally.
	Breached bool `json:"breached,omitempty"`
}

// Problem is one thing wrong with a case: the field (a JSON path such as
// "facts.area_m2") and what is wrong with it. Message is in Chinese, for
// the bureau that reads it; Localize renders it in another language.
type Problem struct {
	Field   string `json:"field"`
	Message string `json:"message"`

	msg *catalog.Phrase
}

// newProblem makes the problem of field whose message is the phrase of
// format and args (see messages_zh.go), rendered in Chinese.
func newProblem(field, format string, args ...any) Problem {
	msg := messagesZh.P(format, args...)
	return Problem{Field: field, Message: msg.Render("zh"), msg: msg}
}

// Localize returns p with its message rendered in lang ("en" for English,
// anything else for Chinese). A problem built as a literal, without a
// phrase, is returned as it is.
func (p Problem) Localize(lang string) Problem {
	if p.msg != nil {
		p.Message = p.msg.Render(lang)
	}
	return p
}

// CaseError lists every problem found in a case. Decide returns it for a
// case it cannot decide as stated; nothing is guessed. Its text is Chinese;
// Localize("en") gives it in English.
type CaseError struct {
	Problems []Problem

	lang string // the language of Error's heading: "" Chinese, "en" English
}

// Localize returns a copy of e whose problems, and the heading of its
// Error, are rendered in lang ("en" for English, anything else for
// Chinese).
func (e *CaseError) Localize(lang string) *CaseError {
	out := &CaseError{Problems: make([]Problem, len(e.Problems)), lang: lang}
	for i, p := range e.Problems {
		out.Problems[i] = p.Localize(lang)
	}
	return out
}

func (e *CaseError) Error() string {
	var b strings.Builder
	b.WriteString(messagesZh.P("invalid case:").Render(e.lang))
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		if p.Field != "" {
			b.WriteString(p.Field)
			b.WriteString(": ")
		}
		b.WriteString(p.Message)
	}
	return b.String()
}

// ErrInvalidCase is what every *CaseError is, for errors.Is: a case that
// cannot be decided as stated. errors.As with a *CaseError gives the
// problems.
var ErrInvalidCase = errors.New("invalid case")

// Is lets errors.Is(err, ErrInvalidCase) match any case error, and, as
// before, errors.Is(err, &CaseError{}).
func (e *CaseError) Is(target error) bool {
	if target == ErrInvalidCase {
		return true
	}
	_, ok := target.(*CaseError)
	return ok
}

// Unwrap returns ErrInvalidCase.
func (e *CaseError) Unwrap() error { return ErrInvalidCase }

// add records a problem of field. The format is English and must have its
// Chinese in messagesZh (TestCaseMessagesTranslated checks); an error among
// the arguments is rendered in the reader's language where it can be.
func (e *CaseError) add(field, format string, args ...any) {
	for i, a := range args {
		if err, ok := a.(error); ok && errors.Is(err, penalty.ErrUnboundedRange) {
			// penalty's errors are English; this one can reach a case.
			args[i] = messagesZh.P("the range has no maximum, so it cannot be split into tiers")
		}
	}
	e.Problems = append(e.Problems, newProblem(field, format, args...))
}

// LocalizeError renders an error of Decide or ParseCase in lang ("en" for
// English, anything else for Chinese): a *CaseError, *GapError or
// *AmbiguousGradeError, found with errors.As, is returned localized (and
// unwrapped from whatever wrapped it); any other error is returned as it
// is.
func LocalizeError(err error, lang string) error {
	var ce *CaseError
	var gap *GapError
	var ambiguous *AmbiguousGradeError
	switch {
	case errors.As(err, &ce):
		return ce.Localize(lang)
	case errors.As(err, &gap):
		return gap.Localize(lang)
	case errors.As(err, &ambiguous):
		return ambiguous.Localize(lang)
	}
	return err
}

// caseError is a case error of one problem.
func caseError(field, format string, args ...any) *CaseError {
	return &CaseError{Problems: []Problem{newProblem(field, format, args...)}}
}

// evalFailed records a condition that has no answer for the case: one
// that divides by zero. The problem names the facts of the divisor, whose
// values the case states; the rule counts as false and the case is not
// decided.
func (e *CaseError) evalFailed(subject catalog.Localizer, err error) {
	var dz *condition.DivisionByZero
	if !errors.As(err, &dz) {
		e.add("", "%s cannot be evaluated: %v", subject, err)
		return
	}
	div := dz.Division
	var facts, names, labels []string
	for _, v := range div.Vars {
		names = append(names, v.Name)
		labels = append(labels, "“"+v.Label()+"”")
		if v.Fact != nil {
			facts = append(facts, v.Name)
		}
	}
	field := "" // a divisor of engine variables only (age, prior counts)
	switch len(facts) {
	case 0:
	case 1:
		field = "facts." + facts[0]
	default:
		field = "facts"
	}
	// The English names the divisor and the condition as written, for the
	// catalog's author; the Chinese in the words of the facts.
	e.add(field, "%s divides by %s, which is 0 for this case (%s): a condition cannot divide by zero, so it has no answer; check %s",
		subject, inLanguages{condition.String(div.Divisor), condition.RenderNode(div.Divisor)},
		inLanguages{dz.Expr.Src, condition.Render(dz.Expr)}, inLanguages{strings.Join(names, ", "), strings.Join(labels, "、")})
}

// inLanguages is a value a case problem states differently in each
// language: as the catalog writes it in English, in the words of the facts
// in Chinese.
type inLanguages struct{ en, zh string }

func (w inLanguages) Render(lang string) string {
	if catalog.IsEnglish(lang) {
		return w.en
	}
	return w.zh
}

func (e *CaseError) err() error {
	if len(e.Problems) == 0 {
		return nil
	}
	return e
}

// MaxCaseSize bounds case JSON. A case with its history is a few kilobytes.
const MaxCaseSize = 1 << 20

// ParseCase reads the Case JSON contract strictly: unknown fields, trailing
// data and wrong JSON types are errors. Numbers keep their exact decimal
// text.
func ParseCase(r io.Reader) (*Case, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCaseSize+1))
	if err != nil {
		return nil, caseError("", "cannot read the case: %v", err)
	}
	if len(data) > MaxCaseSize {
		return nil, caseError("", "the case JSON is larger than %d bytes", MaxCaseSize)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	var c Case
	if err := dec.Decode(&c); err != nil {
		return nil, &CaseError{Problems: []Problem{jsonProblem(err, data)}}
	}
	// dec.More reports false for a stray "}" or "]", so look at the bytes
	// that follow the object instead.
	off := int(dec.InputOffset())
	if rest := bytes.TrimLeft(data[off:], " \t\r\n"); len(rest) > 0 {
		off = len(data) - len(rest)
		line, col := lineCol(data, off)
		return nil, caseError("", "unexpected data after the case object at line %d, column %d (byte %d): a case file holds one JSON object", line, col, off+1)
	}
	if dups := duplicateKeys(data); len(dups) > 0 {
		return nil, &CaseError{Problems: dups}
	}
	return &c, nil
}

// duplicateKeys finds keys given twice in one JSON object, which
// encoding/json would silently resolve to the last value. The data is
// already known to be valid JSON.
func duplicateKeys(data []byte) []Problem {
	var problems []Problem
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		path   string
		object bool
		keys   map[string]bool
		index  int
		key    string // the key whose value comes next
		expect bool   // an object expects a key next
	}
	var stack []*frame
	child := func() string {
		if len(stack) == 0 {
			return ""
		}
		top := stack[len(stack)-1]
		if top.object {
			return join(top.path, top.key)
		}
		p := fmt.Sprintf("%s[%d]", top.path, top.index)
		top.index++
		return p
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return problems
		}
		if len(stack) > 0 {
			if top := stack[len(stack)-1]; top.object && top.expect {
				if k, ok := tok.(string); ok {
					if top.keys[k] {
						problems = append(problems, newProblem(join(top.path, k), "given twice; state each field once"))
					}
					top.keys[k], top.key, top.expect = true, k, false
					continue
				}
			}
		}
		switch tok {
		case json.Delim('{'):
			stack = append(stack, &frame{path: child(), object: true, keys: map[string]bool{}, expect: true})
			continue
		case json.Delim('['):
			stack = append(stack, &frame{path: child()})
			continue
		case json.Delim('}'), json.Delim(']'):
			stack = stack[:len(stack)-1]
		default:
			child()
		}
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].expect = true
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// caseDates are a case's dates, checked.
type caseDates struct {
	act, actEnd, discovery, decision catalog.Date
	birth                            catalog.Date
	hasBirth                         bool
	// The dates packed, for arithmetic and notes (pack sets them).
	pAct, pActEnd, pDiscovery, pBirth ymd
	// age is the party's age in full years at the act; birth14 and
	// birth18 are its 14th and 18th birthdays. builtins sets them.
	age              int
	birth14, birth18 ymd
}

// checkDates parses the dates and checks their order.
func (c *Case) checkDates(cerr *CaseError) caseDates {
	var d caseDates
	parse := func(field string, s Date, required bool) (catalog.Date, bool) {
		if s == "" {
			if required {
				cerr.add(field, "missing: give the date as YYYY-MM-DD")
			}
			return 0, false
		}
		x, err := s.Parse()
		if err != nil {
			cerr.add(field, "%v", err)
			return 0, false
		}
		return x, true
	}
	okAct := false
	d.act, okAct = parse("act_date", c.ActDate, true)
	end, okEnd := parse("act_end_date", c.ActEndDate, false)
	disc, okDisc := parse("discovery_date", c.DiscoveryDate, true)
	dec, okDec := parse("decision_date", c.DecisionDate, true)
	d.birth, d.hasBirth = parse("party.birth_date", c.Party.BirthDate, false)
	d.actEnd, d.discovery, d.decision = d.act, disc, dec
	if okEnd {
		d.actEnd = end
		if okAct && end < d.act {
			cerr.add("act_end_date", "%s is before act_date %s", end, d.act)
		}
	}
	if c.ActOngoing && c.ActEndDate != "" {
		cerr.add("act_ongoing", "an act that has not ended has no act_end_date; give act_end_date (the act ended) or act_ongoing (it continues at the decision), not both")
	}
	if okAct && okDisc && disc < d.act {
		cerr.add("discovery_date", "%s is before act_date %s: a violation cannot be discovered before it happens", disc, d.act)
	}
	if okDisc && okDec && dec < disc {
		cerr.add("decision_date", "%s is before discovery_date %s", dec, disc)
	}
	if d.hasBirth && okAct && d.birth >= d.act {
		cerr.add("party.birth_date", "%s is not before act_date %s", d.birth, d.act)
	}
	return d
}

// checkParty validates the party fields.
func (c *Case) checkParty(cerr *CaseError, dates caseDates) {
	p := c.Party
	switch {
	case p.Type == "":
		cerr.add("party.type", "missing: individual, organization or individual_business")
	case !p.Type.Valid():
		cerr.add("party.type", "%q is not individual, organization or individual_business", p.Type)
	}
	natural := p.Type == catalog.Individual || p.Type == catalog.IndividualBusiness
	if natural && c.Party.BirthDate == "" {
		cerr.add("party.birth_date", "missing: a natural person's age at the act decides arts. 30 (under 14 / 14–17); give the birth date")
	}
	if p.Type == catalog.Organization && c.Party.BirthDate != "" {
		cerr.add("party.birth_date", "an organization has no birth date")
	}
	switch p.Capacity {
	case "", "full", "none", "limited":
		if p.Capacity != "" && p.Capacity != "full" && !natural {
			cerr.add("party.capacity", "capacity (art. 31) applies to natural persons only")
		}
	default:
		cerr.add("party.capacity", "%q is not full, none or limited", p.Capacity)
	}
	for i, h := range c.History {
		field := fmt.Sprintf("history[%d]", i)
		if h.Item == "" {
			cerr.add(field+".item", "missing: the item code of the prior violation")
		}
		a, err := h.ActDate.Parse()
		if err != nil {
			cerr.add(field+".act_date", "%v", err)
		} else if dates.act != 0 && a >= dates.act {
			cerr.add(field+".act_date", "%s is not before the current act %s", a, dates.act)
		}
		if h.DecisionDate != "" {
			if _, err := h.DecisionDate.Parse(); err != nil {
				cerr.add(field+".decision_date", "%v", err)
			}
		}
	}
	if cm := c.Commitment; cm != nil && cm.Deadline != "" {
		if _, err := cm.Deadline.Parse(); err != nil {
			cerr.add("commitment.deadline", "%v", err)
		}
	}
	c.checkConfiscated(cerr)
}

// sortedFactNames returns a case's fact names in sorted order, so that
// problems are reported deterministically.
func (c *Case) sortedFactNames() []string {
	names := make([]string, 0, len(c.Facts))
	for k := range c.Facts {
		names = append(names, k)
	}
	sort.Strings(names)
	return names
}

// pack sets the packed dates from the dates.
func (d *caseDates) pack() {
	d.pAct, d.pActEnd, d.pDiscovery = ymdOf(d.act), ymdOf(d.actEnd), ymdOf(d.discovery)
	if d.hasBirth {
		d.pBirth = ymdOf(d.birth)
	}
}
