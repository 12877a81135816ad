package casetest

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/penalty"
)

// Kinds of rule that coverage counts.
const (
	KindGrade     = "grade"     // a 裁量阶次 that a decision fell into
	KindFactor    = "factor"    // a 从轻/减轻/从重 circumstance whose condition held
	KindExemption = "exemption" // a no-penalty rule that held: light violation, first offense, commitment, no fault, a precondition unmet
	KindAmount    = "amount"    // a statutory amount rule or one of its fallbacks that set the statutory range
)

// Coverage is what the tests of one catalog reached: per item, each of its
// grades, factors, exemptions and amount rules, and the catalog-wide
// factors and no-fault rule.
type Coverage struct {
	Catalog string          `json:"catalog"`
	Reached int             `json:"reached"`
	Total   int             `json:"total"`
	Percent float64         `json:"percent"`
	Items   []*ItemCoverage `json:"items"`

	cat   *catalog.Catalog
	items map[string]*ItemCoverage
	rules map[string]*Rule // item code, version and rule key → rule
}

// ItemCoverage is the coverage of one item, or of the catalog-wide rules
// (Code empty).
type ItemCoverage struct {
	Code    string  `json:"code"`
	Name    string  `json:"name"`
	Reached int     `json:"reached"`
	Total   int     `json:"total"`
	Percent float64 `json:"percent"`
	Rules   []*Rule `json:"rules"`
}

// Rule is one rule that coverage counts, with how many decisions reached it.
type Rule struct {
	Kind    string      `json:"kind"`
	ID      string      `json:"id"`
	Version string      `json:"version,omitempty"` // set when the item has several versions
	Label   string      `json:"label"`
	Pos     catalog.Pos `json:"pos"`
	Hits    int         `json:"hits"`
}

func newCoverage(cat *catalog.Catalog) *Coverage {
	cv := &Coverage{Catalog: cat.File, cat: cat, items: map[string]*ItemCoverage{}, rules: map[string]*Rule{}}
	global := &ItemCoverage{Name: "全局规则（适用于所有事项）"}
	for _, f := range cat.Factors {
		cv.add(global, "", "", &Rule{Kind: KindFactor, ID: f.ID, Label: effectName(f.Effect) + "情节：" + f.Label, Pos: f.Pos})
	}
	if nf := cat.Policies.NoFault; nf != nil {
		cv.add(global, "", "", &Rule{Kind: KindExemption, ID: string(discretion.ReasonNoFault), Label: "没有主观过错不予处罚", Pos: nf.Pos})
	}
	for _, it := range cat.Items {
		ic := &ItemCoverage{Code: it.Code, Name: it.Name}
		cv.items[it.Code] = ic
		cv.Items = append(cv.Items, ic)
		for _, v := range it.Versions {
			vid := ""
			if len(it.Versions) > 1 {
				vid = v.ID
			}
			if bm := v.Benchmark; bm != nil {
				for _, g := range bm.Grades {
					cv.add(ic, v.ID, vid, &Rule{Kind: KindGrade, ID: g.ID, Label: "阶次：" + g.Label, Pos: g.Pos})
				}
				for _, f := range bm.Factors {
					cv.add(ic, v.ID, vid, &Rule{Kind: KindFactor, ID: f.ID, Label: effectName(f.Effect) + "情节：" + f.Label, Pos: f.Pos})
				}
				if lv := bm.LightViolation; lv != nil {
					cv.add(ic, v.ID, vid, &Rule{Kind: KindExemption, ID: string(discretion.ReasonLightViolation), Label: "轻微不罚", Pos: lv.Pos})
				}
				if fo := bm.FirstOffense; fo != nil {
					cv.add(ic, v.ID, vid, &Rule{Kind: KindExemption, ID: string(discretion.ReasonFirstOffense), Label: "首违不罚", Pos: fo.Pos})
				}
				if cm := bm.Commitment; cm != nil {
					cv.add(ic, v.ID, vid, &Rule{Kind: KindExemption, ID: string(discretion.ReasonCommitment), Label: "告知承诺", Pos: cm.Pos})
				}
			}
			if pc := v.Precondition; pc != nil {
				label := pc.Label
				if label == "" {
					label = pc.Kind
				}
				cv.add(ic, v.ID, vid, &Rule{Kind: KindExemption, ID: string(discretion.ReasonPreconditionUnmet),
					Label: "前提条件不成立：" + label, Pos: pc.Pos})
			}
			if fine := fineSanction(v); fine != nil {
				if fine.Amount.All != nil {
					cv.amountRules(ic, v.ID, vid, "amount", "", fine.Amount.All)
				}
				for _, pr := range fine.Amount.ByParty {
					cv.amountRules(ic, v.ID, vid, "amount."+string(pr.Party), pr.Party.Label(), pr.Rule)
				}
			}
		}
	}
	cv.Items = append(cv.Items, global)
	cv.items[""] = global
	return cv
}

func effectName(e catalog.Effect) string {
	if l := e.Label(); l != "" {
		return l
	}
	return string(e)
}

func (cv *Coverage) add(ic *ItemCoverage, version, shown string, r *Rule) {
	r.Version = shown
	key := ic.Code + "|" + version + "|" + r.Kind + ":" + r.ID
	if _, dup := cv.rules[key]; dup {
		return
	}
	cv.rules[key] = r
	ic.Rules = append(ic.Rules, r)
}

// amountRules adds a statutory amount rule and, depth first, its fallbacks.
func (cv *Coverage) amountRules(ic *ItemCoverage, version, shown, id, party string, ar *catalog.AmountRule) {
	label := "法定罚款规定"
	if party != "" {
		label += "（" + party + "）"
	}
	cv.add(ic, version, shown, &Rule{Kind: KindAmount, ID: id, Label: label, Pos: ar.Pos})
	for i, fb := range ar.Fallbacks {
		cv.fallbackRules(ic, version, shown, fmt.Sprintf("%s.fallbacks[%d]", id, i), label, fb)
	}
}

func (cv *Coverage) fallbackRules(ic *ItemCoverage, version, shown, id, parent string, fb *catalog.AmountFallback) {
	label := parent + "中" + triggerText(fb) + "时的罚款规定"
	cv.add(ic, version, shown, &Rule{Kind: KindAmount, ID: id, Label: label, Pos: fb.Pos})
	if fb.Amount == nil {
		return
	}
	for i, sub := range fb.Amount.Fallbacks {
		cv.fallbackRules(ic, version, shown, fmt.Sprintf("%s.fallbacks[%d]", id, i), label, sub)
	}
}

func triggerText(fb *catalog.AmountFallback) string {
	var parts []string
	for _, w := range fb.When {
		switch w {
		case "absent":
			parts = append(parts, "基数未载明")
		case "zero":
			parts = append(parts, "基数为零")
		case "undeterminable":
			parts = append(parts, "基数无法确定")
		default:
			parts = append(parts, w)
		}
	}
	if fb.Below != nil {
		parts = append(parts, "基数不足"+fb.Below.String()+"元")
	}
	return strings.Join(parts, "或")
}

// fineSanction is the fine of a version whose amount sets the statutory
// range: the last fine sanction, as the engine takes it.
func fineSanction(v *catalog.Version) *catalog.Sanction {
	var fine *catalog.Sanction
	for _, s := range v.Sanctions {
		if s.Type == penalty.Fine && s.Amount != nil {
			fine = s
		}
	}
	return fine
}

// decisionJSON is the part of the Decision JSON contract that coverage
// reads. What a decision reached is read from this contract, not from the
// engine's Go types, so that coverage counts what a published decision
// shows.
type decisionJSON struct {
	Item       string          `json:"item"`
	Version    string          `json:"version"`
	Reason     string          `json:"reason"`
	Grade      string          `json:"grade"`
	Flags      []string        `json:"flags"`
	Steps      []stepJSON      `json:"trace"`
	Candidates []*decisionJSON `json:"candidates"`
}

type stepJSON struct {
	Step   string                     `json:"step"`
	Rule   string                     `json:"rule"`
	Facts  map[string]json.RawMessage `json:"facts"`
	Result bool                       `json:"result"`
}

// record counts the rules a decision (and each candidate decision of an
// act under several provisions) reached. party is the case's party type,
// which selects the amount rule.
func (cv *Coverage) record(d *discretion.Decision, party catalog.PartyType) error {
	data, err := d.JSON()
	if err != nil {
		return err
	}
	var dj decisionJSON
	if err := json.Unmarshal(data, &dj); err != nil {
		return fmt.Errorf("coverage: reading the decision JSON: %w", err)
	}
	cv.recordJSON(&dj, party)
	return nil
}

func (cv *Coverage) recordJSON(d *decisionJSON, party catalog.PartyType) {
	for _, c := range d.Candidates {
		cv.recordJSON(c, party)
	}
	hit := func(code, version, key string) bool {
		if r := cv.rules[code+"|"+version+"|"+key]; r != nil {
			r.Hits++
			return true
		}
		return false
	}
	if d.Grade != "" {
		hit(d.Item, d.Version, KindGrade+":"+d.Grade)
	}
	switch discretion.Reason(d.Reason) {
	case discretion.ReasonLightViolation, discretion.ReasonFirstOffense, discretion.ReasonCommitment,
		discretion.ReasonPreconditionUnmet:
		hit(d.Item, d.Version, KindExemption+":"+d.Reason)
	case discretion.ReasonNoFault:
		hit("", "", KindExemption+":"+d.Reason)
	}
	for _, f := range d.Flags {
		if f == discretion.FlagFirstOffenseEligible {
			// The first-offense rule held for an item not on the list.
			hit(d.Item, d.Version, KindExemption+":"+string(discretion.ReasonFirstOffense))
		}
	}
	for _, s := range d.Steps {
		switch {
		case s.Step == "factor" && s.Result && strings.HasPrefix(s.Rule, "factor:"):
			key := KindFactor + ":" + strings.TrimPrefix(s.Rule, "factor:")
			if !hit(d.Item, d.Version, key) {
				hit("", "", key)
			}
		case s.Step == "statutory" && s.Rule == "amount":
			cv.recordAmount(d, s, party, hit)
		}
	}
}

// recordAmount finds which amount rule set the statutory range: the rule
// for the party, evaluated on the base the trace step read.
func (cv *Coverage) recordAmount(d *decisionJSON, s stepJSON, party catalog.PartyType, hit func(code, version, key string) bool) {
	it := cv.cat.Item(d.Item)
	if it == nil {
		return
	}
	var v *catalog.Version
	for _, x := range it.Versions {
		if x.ID == d.Version {
			v = x
		}
	}
	if v == nil {
		return
	}
	fine := fineSanction(v)
	if fine == nil {
		return
	}
	id, ar := "amount", fine.Amount.All
	if ar == nil {
		for _, p := range []catalog.PartyType{party, cv.cat.MapParty(party)} {
			for _, pr := range fine.Amount.ByParty {
				if ar == nil && pr.Party == p {
					id, ar = "amount."+string(p), pr.Rule
				}
			}
		}
	}
	if ar == nil {
		return
	}
	// The rule that set the range is the innermost fallback taken, or the
	// clause's own rule; a fallback taken does not test the rule it
	// replaces. A base the clause cannot use (missing, undeterminable
	// without a fallback) still reached the clause's own rule.
	out, err := ar.Rule.Evaluate(baseValue(s.Facts, ar.Rule))
	if err == nil {
		for _, i := range out.FallbackPath {
			id += fmt.Sprintf(".fallbacks[%d]", i)
		}
	}
	hit(d.Item, d.Version, KindAmount+":"+id)
}

// baseValue reads the rule's base from the facts a statutory step read:
// a number, "undeterminable", or absent.
func baseValue(facts map[string]json.RawMessage, rule penalty.Rule) penalty.BaseValue {
	name := rule.BaseFact()
	raw, ok := facts[name]
	if name == "" || !ok {
		return penalty.BaseValue{}
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return penalty.BaseValue{Undeterminable: s == "undeterminable"}
	}
	x, err := decimal.NewFromString(string(raw))
	if err != nil {
		return penalty.BaseValue{}
	}
	return penalty.BaseValue{Known: true, Value: x}
}

// finish totals the counts.
func (cv *Coverage) finish() {
	cv.Reached, cv.Total = 0, 0
	for _, ic := range cv.Items {
		ic.Reached, ic.Total = 0, len(ic.Rules)
		for _, r := range ic.Rules {
			if r.Hits > 0 {
				ic.Reached++
			}
		}
		ic.Percent = percent(ic.Reached, ic.Total)
		cv.Reached += ic.Reached
		cv.Total += ic.Total
	}
	cv.Percent = percent(cv.Reached, cv.Total)
}

func percent(n, total int) float64 {
	if total == 0 {
		return 100
	}
	return float64(int(float64(n)*1000/float64(total))) / 10
}

// Missed returns the rules of an item that no test reached.
func (ic *ItemCoverage) Missed() []*Rule {
	var out []*Rule
	for _, r := range ic.Rules {
		if r.Hits == 0 {
			out = append(out, r)
		}
	}
	return out
}
