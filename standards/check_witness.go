package standards

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// chkPoint is one point of an item's fact space: a value for every slot, as
// the engine would fill them for the witness case.
type chkPoint struct {
	vals []catalog.Value
	// prior counts as placed in the history: same item within 1 year,
	// 1–2 years, older; other items within 1 year, older.
	same1, same12, sameOld, other1, otherOld int
	// counterPriors realize the declared counters (check_counts.go):
	// counterSame of them are of the item, counterOther of other items,
	// all within the year before the act.
	counterPriors             []discretion.Prior
	counterSame, counterOther int
}

func (p *chkPoint) num(slot int) int64 { return p.vals[slot].Num.IntPart() }

// chkDates are the dates of a version's witness cases: the act is a month
// into the version's period, discovered the same day and decided within it.
type chkDates struct{ act, decision catalog.Date }

func chkVersionDates(ver *catalog.Version) chkDates {
	act := ver.EffectiveFrom.AddDays(31)
	if ver.EffectiveTo != nil && act > *ver.EffectiveTo {
		act = ver.EffectiveFrom
	}
	if t := act.Time(); t.Month() == 2 && t.Day() == 29 && (ver.EffectiveTo == nil || act+1 <= *ver.EffectiveTo) {
		act++ // keep age arithmetic away from 29 February
	}
	dec := act.AddDays(5)
	if ver.EffectiveTo != nil && dec > *ver.EffectiveTo {
		dec = act
	}
	return chkDates{act: act, decision: dec}
}

// realize picks a point of a box, preferring values an author would write
// (closed bounds, false, the mildest enum value, an adult), and keeps the
// builtins coherent: an organization has no age, a natural person one of at
// least 0; prior counts nest (same item within 1 year ≤ within 2 years ≤
// ever; within 1 year ≤ any item within 1 year). ok is false when the box
// holds no coherent point.
func (vc *chkVersion) realize(b ivBox) (*chkPoint, bool) {
	sp := vc.space
	p := &chkPoint{vals: make([]catalog.Value, len(sp.vars))}
	for i := discretion.NumBuiltinSlots; i < len(sp.vars); i++ {
		v := &sp.vars[i]
		if !v.used {
			continue
		}
		val, ok := chkPickValue(v, b[i])
		if !ok {
			return nil, false
		}
		p.vals[i] = val
	}
	if !vc.realizeParty(p, b) || !vc.realizePriors(p, b) {
		return nil, false
	}
	p.vals[discretion.SlotCommitmentBreached] = catalog.Value{Type: catalog.FactBool, Bool: b[discretion.SlotCommitmentBreached].bits&1 == 0}
	return p, true
}

// chkPickValue picks the preferred value of a domain.
func chkPickValue(v *ivVar, d ivDom) (catalog.Value, bool) {
	val := catalog.Value{Type: v.typ}
	switch v.typ {
	case catalog.FactBool:
		if d.bits == 0 {
			return val, false
		}
		val.Bool = d.bits&1 == 0
	case catalog.FactEnum:
		for i := range v.values {
			if d.bits&(1<<i) != 0 {
				val.Enum = v.values[i]
				return val, true
			}
		}
		return val, false
	case catalog.FactEnumList:
		if !v.ivList() {
			return chkListCandidates(v, d)[0], true
		}
		for s := uint64(0); s < 1<<len(v.fact.Values); s++ {
			if d.bits&(1<<s) != 0 {
				return ivListValue(v.fact, s), true
			}
		}
		return val, false
	default:
		x, ok := d.num.pick(v.integer)
		if !ok {
			return val, false
		}
		if v.typ == catalog.FactDate {
			val.Date = catalog.Date(x.IntPart())
		} else {
			val.Num = x
		}
	}
	return val, true
}

// chkAges are the ages witnesses try, adults first; 14, 17 and 18 are the
// edges of 《行政处罚法》第三十条 (已满十四周岁不满十八周岁 → 应当从轻或者减轻).
var chkAges = []int64{40, 30, 18, 60, 17, 14}

// realizeParty chooses the party type and age together.
func (vc *chkVersion) realizeParty(p *chkPoint, b ivBox) bool {
	parties := vc.space.vars[discretion.SlotPartyType].values
	ages := b[discretion.SlotAge].num
	for i, name := range parties {
		if b[discretion.SlotPartyType].bits&(1<<i) == 0 {
			continue
		}
		pt := catalog.PartyType(name)
		age, ok := int64(-1), true
		if pt == catalog.Organization {
			ok = ages.contains(decimal.NewFromInt(-1))
		} else {
			ok = false
			for _, a := range chkAges {
				if ages.contains(decimal.NewFromInt(a)) {
					age, ok = a, true
					break
				}
			}
			if !ok {
				if x, found := ages.intersect(ivBetween(ptrDec(decimal.Zero), false, nil, false)).pick(true); found && x.LessThanOrEqual(decimal.NewFromInt(chkMaxAge)) {
					age, ok = x.IntPart(), true
				}
			}
		}
		if ok {
			p.vals[discretion.SlotPartyType] = catalog.Value{Type: catalog.FactEnum, Enum: name}
			p.vals[discretion.SlotAge] = catalog.Value{Type: catalog.FactInt, Num: decimal.NewFromInt(age)}
			return true
		}
	}
	return false
}

func ptrDec(d decimal.Decimal) *decimal.Decimal { return &d }

// maxPriors bounds the history of a witness case.
const maxPriors = 300

// realizePriors picks the smallest nested prior counts in the box.
func (vc *chkVersion) realizePriors(p *chkPoint, b ivBox) bool {
	least := func(slot int, atLeast int64) (int64, bool) {
		lo := decimal.NewFromInt(atLeast)
		x, ok := b[slot].num.intersect(ivBetween(&lo, false, nil, false)).pick(true)
		if !ok || x.GreaterThan(decimal.NewFromInt(maxPriors)) {
			return 0, false
		}
		return x.IntPart(), true
	}
	vc.realizeCounters(p)
	s1, ok1 := least(discretion.SlotPriorSameItem1y, int64(p.counterSame))
	s2, ok2 := least(discretion.SlotPriorSameItem2y, s1)
	s, ok3 := least(discretion.SlotPriorSameItem, s2)
	a1, ok4 := least(discretion.SlotPriorAny1y, s1+int64(p.counterOther))
	if !ok1 || !ok2 || !ok3 || !ok4 {
		return false
	}
	p.same1, p.same12, p.sameOld, p.other1 = int(s1), int(s2-s1), int(s-s2), int(a1-s1)
	vc.setPriors(p)
	return vc.syncCounters(p, b)
}

func (vc *chkVersion) setPriors(p *chkPoint) {
	n := func(x int) catalog.Value {
		return catalog.Value{Type: catalog.FactInt, Num: decimal.NewFromInt(int64(x))}
	}
	p.vals[discretion.SlotPriorSameItem1y] = n(p.same1)
	p.vals[discretion.SlotPriorSameItem2y] = n(p.same1 + p.same12)
	p.vals[discretion.SlotPriorSameItem] = n(p.same1 + p.same12 + p.sameOld)
	p.vals[discretion.SlotPriorAny1y] = n(p.same1 + p.other1)
}

// history lays out the prior counts as dated violations.
func (vc *chkVersion) history(p *chkPoint) []discretion.Prior {
	out := append([]discretion.Prior(nil), p.counterPriors...)
	act := vc.dates.act
	add := func(item string, n, daysBack int) {
		for k := 0; k < n; k++ {
			a := act.AddDays(-(daysBack + k))
			out = append(out, discretion.Prior{Item: item, ActDate: discretion.DateFrom(a), DecisionDate: discretion.DateFrom(a.AddDays(10)), Outcome: "general"})
		}
	}
	code := vc.it.Code
	add(code, p.same1-p.counterSame, 30)
	add(code, p.same12, 400)
	add(code, p.sameOld, 800)
	add(vc.otherItem, p.other1-p.counterOther, 31)
	add(vc.otherItem, p.otherOld, 1200)
	return out
}

// priorsInWindow counts, as the engine does, the prior violations that
// defeat 首违不罚.
func (vc *chkVersion) priorsInWindow(p *chkPoint) int {
	fo := vc.b.FirstOffense
	start := fo.Window.Start(vc.dates.act)
	n := 0
	for _, h := range vc.history(p) {
		if !vc.sameViolation(fo.SameViolation, h.Item) {
			continue
		}
		s := h.DecisionDate
		if fo.PriorBasis == "act_date" {
			s = h.ActDate
		}
		d, _ := s.Parse()
		if d >= start && d < vc.dates.act {
			n++
		}
	}
	return n
}

func (vc *chkVersion) sameViolation(policy, code string) bool {
	switch policy {
	case "any":
		return true
	case "same_clause":
		other := vc.ck.cat.Item(code)
		if other == nil || other.Basis.Penalty == nil || vc.it.Basis.Penalty == nil {
			return code == vc.it.Code
		}
		a, b := vc.it.Basis.Penalty, other.Basis.Penalty
		return a.Instrument == b.Instrument && a.Article == b.Article && a.Paragraph == b.Paragraph && a.Item == b.Item
	}
	return code == vc.it.Code
}

// defeatFirstOffense makes sure a point meant to reach grading is not
// exempted as a listed first offense: if the first-offense condition holds
// and the history holds no prior violation in the window, one is added
// where the box allows it.
func (vc *chkVersion) defeatFirstOffense(p *chkPoint, b ivBox) bool {
	if vc.fo == nil || !vc.ck.cat.FirstOffenseListed(vc.it.Code, vc.b.FirstOffense) || !vc.fo.Eval(p.vals) || vc.priorsInWindow(p) > 0 {
		return true
	}
	tries := []func(q *chkPoint){
		func(q *chkPoint) { q.same1++ },
		func(q *chkPoint) { q.other1++ },
		func(q *chkPoint) { q.same12++ },
		func(q *chkPoint) { q.sameOld++ },
		func(q *chkPoint) { q.otherOld++ },
	}
	for _, try := range tries {
		q := *p
		q.vals = append([]catalog.Value(nil), p.vals...)
		try(&q)
		vc.setPriors(&q)
		if !chkInBox(&q, b) || !vc.syncCounters(&q, b) {
			continue
		}
		if !vc.fo.Eval(q.vals) || vc.priorsInWindow(&q) > 0 {
			*p = q
			return true
		}
	}
	return false
}

// chkInBox reports whether the builtin prior counts of a point lie in a box.
func chkInBox(p *chkPoint, b ivBox) bool {
	for _, s := range []int{discretion.SlotPriorSameItem, discretion.SlotPriorSameItem1y, discretion.SlotPriorSameItem2y, discretion.SlotPriorAny1y} {
		if !b[s].num.contains(p.vals[s].Num) {
			return false
		}
	}
	return true
}

// witness turns a point into a case.
func (vc *chkVersion) witness(p *chkPoint) *discretion.Case {
	w := &discretion.Case{
		Item:          vc.it.Code,
		Party:         discretion.Party{Type: catalog.PartyType(p.vals[discretion.SlotPartyType].Enum)},
		ActDate:       discretion.DateFrom(vc.dates.act),
		DiscoveryDate: discretion.DateFrom(vc.dates.act),
		DecisionDate:  discretion.DateFrom(vc.dates.decision),
		Facts:         map[string]any{},
		History:       vc.history(p),
	}
	if age := p.num(discretion.SlotAge); age >= 0 && w.Party.Type != catalog.Organization {
		w.Party.BirthDate = discretion.DateFrom(vc.dates.act.AddYears(-int(age)).AddDays(-1))
	}
	if p.vals[discretion.SlotCommitmentBreached].Bool {
		w.Commitment = &discretion.Commitment{Breached: true}
	}
	for i := discretion.NumBuiltinSlots; i < len(vc.space.vars); i++ {
		v := &vc.space.vars[i]
		if !v.used || vc.isCounter(i) {
			continue
		}
		w.Facts[v.name] = chkJSONValue(p.vals[i])
	}
	return w
}

// chkJSONValue is a fact value as Case JSON states it.
func chkJSONValue(v catalog.Value) any {
	switch v.Type {
	case catalog.FactBool:
		return v.Bool
	case catalog.FactEnum:
		return v.Enum
	case catalog.FactEnumList:
		return append([]string{}, v.List...)
	case catalog.FactDate:
		return v.Date.String()
	}
	return json.Number(v.Num.String())
}

// describePoint renders the facts a set of conditions reads at a point:
// "area_m2=10, days=4".
func (vc *chkVersion) describePoint(p *chkPoint, slots []int) string {
	var parts []string
	for _, s := range slots {
		parts = append(parts, fmt.Sprintf("%s=%s", vc.space.vars[s].name, p.vals[s].String()))
	}
	return ivJoin(parts, ", ")
}

// chkSlotsOf lists the slots read by expressions, in slot order.
func chkSlotsOf(xs ...chkLit) []int {
	seen := map[int]bool{}
	var out []int
	for _, l := range xs {
		for _, x := range l.any {
			for _, v := range x.Refs {
				if !seen[v.Slot] {
					seen[v.Slot] = true
					out = append(out, v.Slot)
				}
			}
		}
	}
	sort.Ints(out)
	return out
}
