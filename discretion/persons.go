package discretion

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/catalog"
)

// PersonsFine is the fine a 双罚 clause sets on the organisation's directly
// responsible persons (直接负责的主管人员和其他直接责任人员), decided with
// the organisation's. Each person is a 公民: the procedure of their fine
// follows the thresholds for individuals (行政处罚法 arts. 51 and 63), not
// the organisation's. Their own circumstances (arts. 30–33) are for the
// decision on each person; the range here is the grade's for the act.
type PersonsFine struct {
	Label     string           `json:"label"`
	Min       decimal.Decimal  `json:"min"`
	Max       decimal.Decimal  `json:"max"`
	Statutory Fine             `json:"statutory_fine"`
	Citation  string           `json:"citation"`
	Procedure PersonsProcedure `json:"procedure"`
}

// PersonsProcedure is what the persons' fine requires procedurally, judged
// for each person as a 公民.
type PersonsProcedure struct {
	Simple    bool `json:"simple"`      // art. 51: at most the individual limit
	OnTheSpot bool `json:"on_the_spot"` // art. 68 (一)
	Hearing   bool `json:"hearing"`     // art. 63 (一): the individual threshold
}

// Refs of kindPersonsFine.
const (
	personsByGrade     = 0 // the grade states the persons' fine
	personsByStatutory = 1 // it does not: the statutory range applies
	// personsByFormula: the grade computes it by a formula; values after
	// the range: the value counted, the units, the amount computed, the
	// amount within the formula's own bounds (the range is that amount
	// within the persons' statutory range) and the grade's index.
	personsByFormula = 2
)

// Refs of kindPersonsHearing.
const (
	personsNoThreshold  = 0 // the catalog sets no 较大数额 standard
	personsNoIndividual = 1 // none for individuals
	personsByAmount     = 2 // compared with the individual threshold
)

// personsFine decides the fine on the directly responsible persons where
// the item's fine has them and the organisation is fined: only an
// organisation has such persons, so for any other party the step says why
// there is none.
func (r *run) personsFine(v *versionRules, g *catalog.Grade, d *Decision) {
	if v.fine == nil || v.fine.s.Persons == nil || d.Fine == nil {
		return
	}
	p := v.fine.s.Persons
	if r.e.cat.MapParty(r.c.Party.Type) != catalog.Organization {
		r.record(kindPersonsNotOrganisation, indexOf(partyTypes, r.c.Party.Type), false)
		return
	}
	pf := &PersonsFine{
		Label:     p.PersonsLabel(),
		Min:       p.Min,
		Max:       p.Max,
		Statutory: Fine{Min: p.Min, Max: p.Max},
		Citation:  personsCitation(v),
	}
	switch gf := g.PersonsFine; {
	case gf == nil:
		r.record(kindPersonsFine, personsByStatutory, true, r.tr.amount(pf.Min), r.tr.amount(pf.Max))
	case gf.Formula != nil:
		f := gf.Formula
		of, ok := r.formulaInput(v.grades[gradeIndex(v, g)].formula(f), true, true, g.Label)
		if !ok {
			return // the case error says what is missing
		}
		units, computed := f.Units(of), f.Amount(of)
		bounded := f.Bound(computed)
		// The persons' statutory range holds whatever the formula gives;
		// the trace says where it cut the amount.
		amount := decimal.Min(decimal.Max(bounded, p.Min), p.Max)
		pf.Min, pf.Max = amount, amount
		r.record(kindPersonsFine, personsByFormula, true, r.tr.amount(pf.Min), r.tr.amount(pf.Max),
			r.tr.amount(of), r.tr.amount(units), r.tr.amount(computed), r.tr.amount(bounded), countValue(gradeIndex(v, g)))
	default:
		pf.Min, pf.Max = gf.Min, gf.Max
		r.record(kindPersonsFine, personsByGrade, true, r.tr.amount(pf.Min), r.tr.amount(pf.Max))
	}

	t := r.e.cat.Thresholds
	pp := &pf.Procedure
	pp.Simple = pf.Max.LessThanOrEqual(*t.SimpleProcedure.Individual)
	r.record(kindPersonsSimple, 0, pp.Simple)
	if pp.Simple {
		pp.OnTheSpot = pf.Max.LessThanOrEqual(*t.OnTheSpot)
	}
	switch {
	case t.Hearing == nil:
		r.record(kindPersonsHearing, personsNoThreshold, false)
	case t.Hearing.Individual == nil:
		r.record(kindPersonsHearing, personsNoIndividual, false)
	default:
		th := t.Hearing.Individual
		cmp := pf.Max.Cmp(th.Amount)
		pp.Hearing = cmp > 0 || (cmp == 0 && th.Inclusive)
		r.record(kindPersonsHearing, personsByAmount, pp.Hearing, r.tr.amount(pf.Max))
	}
	d.PersonsFine = pf
}

// gradeIndex is the index of a grade among its version's.
func gradeIndex(v *versionRules, g *catalog.Grade) int {
	for i, gr := range v.grades {
		if gr.g == g {
			return i
		}
	}
	return 0
}

// personsCitation is the provision that sets the persons' fine: its own
// citation, or the clause of the item's fine.
func personsCitation(v *versionRules) string {
	if c := v.fine.s.Persons.Citation; c != nil {
		return c.String()
	}
	return v.rangeCites[0]
}

// persons renders the steps of the persons' fine.
func (rd *renderer) persons(s *Step, h value, vals []value) {
	v := rd.ir.versions[h.version()]
	ref, result := h.ref(), h.result()
	p := v.fine.s.Persons
	label := p.PersonsLabel()
	switch h.kind() {
	case kindPersonsNotOrganisation:
		s.Step, s.Rule, s.Citation = "persons", "persons", personsCitation(v)
		s.Note = fmt.Sprintf("当事人为%s，不是单位：不适用对%s的罚款", rd.party(ref).Label(), label)
	case kindPersonsFine:
		rng := rd.t.rangeOf(vals[0], vals[1])
		s.Step, s.Rule, s.Citation = "persons", "persons", personsCitation(v)
		switch ref {
		case personsByGrade:
			s.Note = fmt.Sprintf("对%s的法定罚款幅度为%s至%s元，本阶次对其处%s元罚款", label, p.Min, p.Max, rangeText(rng))
		case personsByFormula:
			s.Rule = "persons:formula"
			s.Note = fmt.Sprintf("对%s的法定罚款幅度为%s至%s元，", label, p.Min, p.Max) + rd.personsFormula(v, vals)
		default:
			s.Note = fmt.Sprintf("对%s的法定罚款幅度为%s至%s元，本阶次未另作规定，在法定幅度内处罚", label, p.Min, p.Max)
		}
	case kindPersonsSimple:
		limit := *rd.cat.Thresholds.SimpleProcedure.Individual
		s.Step, s.Rule, s.Citation = "procedure", "persons.art51.simple", citeArt51
		if result {
			s.Note = fmt.Sprintf("%s按公民计，对其罚款上限不超过%s元：可以当场作出行政处罚决定", label, limit)
		} else {
			s.Note = fmt.Sprintf("%s按公民计，对其罚款超过%s元：适用普通程序", label, limit)
		}
	case kindPersonsHearing:
		s.Step, s.Rule, s.Citation = "procedure", "persons.art63.amount", citeArt63
		switch ref {
		case personsNoThreshold:
			s.Note = "本目录未设定较大数额罚款标准，未按数额判断对" + label + "的听证"
		case personsNoIndividual:
			s.Note = "本目录未设定对公民的较大数额罚款标准，未按数额判断对" + label + "的听证"
		default:
			h := rd.cat.Thresholds.Hearing
			th := h.Individual
			word, verdict := "超过", "未达较大数额"
			if th.Inclusive {
				word = "达到"
			}
			if result {
				verdict = "应当告知其有要求听证的权利"
			}
			x, _ := rd.t.decimalOf(vals[0])
			s.Citation = joinCites(citeArt63, h.Citation.String())
			s.Note = fmt.Sprintf("对%s的罚款上限%s元，对公民的较大数额标准为%s%s元：%s", label, x, word, th.Amount, verdict)
		}
	}
}

// personsFormula states the persons' fine a grade computes by its formula:
// the computation, the formula's own bound and the persons' statutory
// range where either cut the amount. vals: the range, the value counted,
// the units, the amount computed and the amount within the formula's
// bounds.
func (rd *renderer) personsFormula(v *versionRules, vals []value) string {
	if len(vals) < 7 || int(vals[6]) >= len(v.grades) {
		return ""
	}
	gr := v.grades[int(vals[6])]
	g := gr.g
	if g.PersonsFine == nil || g.PersonsFine.Formula == nil {
		return ""
	}
	f := gr.formula(g.PersonsFine.Formula)
	amount, of, units, computed, bounded := rd.t.num(vals[0]), rd.t.num(vals[2]), rd.t.num(vals[3]), rd.t.num(vals[4]), rd.t.num(vals[5])
	note := fmt.Sprintf("阶次%s对其罚款按公式计算：", g.Label) + formulaWords(f.f, f.fact, rd.formulaWindow(f), of, units, computed)
	switch {
	case bounded.LessThan(computed):
		note += fmt.Sprintf("，高于公式规定的上限，按%s元计", bounded)
	case bounded.GreaterThan(computed):
		note += fmt.Sprintf("，低于公式规定的下限，按%s元计", bounded)
	}
	switch {
	case amount.LessThan(bounded):
		note += fmt.Sprintf("，高于对其法定罚款幅度的上限，按法定上限%s元计", amount)
	case amount.GreaterThan(bounded):
		note += fmt.Sprintf("，低于对其法定罚款幅度的下限，按法定下限%s元计", amount)
	}
	return note
}

// persons states the fine on the directly responsible persons and its
// procedure.
func (rs *reasoner) persons() string {
	pf := rs.d.PersonsFine
	if pf == nil {
		return ""
	}
	amount := "罚款幅度为" + yuanText(pf.Min, pf.Max)
	if pf.Min.Equal(pf.Max) {
		amount = "罚款" + pf.Min.String() + "元"
	}
	s := fmt.Sprintf("当事人为单位，依照%s，另对其%s处罚款，法定幅度为%s，本阶次对每人%s", pf.Citation, pf.Label, yuanText(pf.Statutory.Min, pf.Statutory.Max), amount)
	for _, st := range rs.steps {
		// A computed fine: the computation, in the sentence the trace's
		// note ends with.
		if st.h.kind() == kindPersonsFine && st.h.ref() == personsByFormula {
			rd := newRenderer(rs.d)
			if words := rd.personsFormula(rs.version(st), st.vals); words != "" {
				s += "；" + words
			}
		}
	}
	if pf.Procedure.Simple {
		s += "；该罚款按公民的标准可以适用简易程序" + cite(citeArt51)
	} else {
		s += "；该罚款按公民的标准适用普通程序" + cite(citeArt51)
	}
	if pf.Procedure.Hearing {
		s += "，作出决定前应当告知其有要求听证的权利" + cite(citeArt63)
	}
	return sentence(s)
}

func yuanText(min, max decimal.Decimal) string {
	return min.String() + "元至" + max.String() + "元"
}

func (w *jsonWriter) personsFine(pf *PersonsFine) {
	o := w.object()
	o.key("label")
	w.str(pf.Label)
	o.key("min")
	w.decimal(pf.Min)
	o.key("max")
	w.decimal(pf.Max)
	o.key("statutory_fine")
	w.fine(&pf.Statutory)
	o.key("citation")
	w.str(pf.Citation)
	o.key("procedure")
	p := w.object()
	p.key("simple")
	w.boolean(pf.Procedure.Simple)
	p.key("on_the_spot")
	w.boolean(pf.Procedure.OnTheSpot)
	p.key("hearing")
	w.boolean(pf.Procedure.Hearing)
	p.end()
	o.end()
}
