package catalog

import (
	"github.com/shopspring/decimal"

	"github.com/jizhun/jizhun/penalty"
)

// PersonsFine is the separate fine a 双罚 clause sets on an organisation's
// directly responsible persons (直接负责的主管人员和其他直接责任人员), e.g.
// 安全生产法 (2021) art. 98: "并处十万元以上五十万元以下的罚款，对其直接负责
// 的主管人员和其他直接责任人员处二万元以上五万元以下的罚款". It applies only
// where the party is an organisation; each person is a 公民 for the
// procedure (行政处罚法 arts. 51 and 63).
type PersonsFine struct {
	Pos Pos `yaml:"-"`
	// Label names the persons as the clause does; empty, 直接负责的主管人员和
	// 其他直接责任人员.
	Label string          `yaml:"label"`
	Min   decimal.Decimal `yaml:"min" required:"true"`
	Max   decimal.Decimal `yaml:"max" required:"true"`
	// Citation is the provision that sets the persons' fine where it is not
	// the item's penalty clause as a whole.
	Citation *Citation `yaml:"citation"`
}

// DefaultPersonsLabel is how the statutes name the persons of a 双罚 clause.
const DefaultPersonsLabel = "直接负责的主管人员和其他直接责任人员"

// PersonsLabel is the label of the persons, or the statutes' default.
func (p *PersonsFine) PersonsLabel() string {
	if p.Label != "" {
		return p.Label
	}
	return DefaultPersonsLabel
}

// PersonsGradeFine is a grade's fine on each directly responsible person:
// a range in yuan, {min, max}, or an amount computed from the case,
// {formula: …} (FineFormula, as a grade's fine), kept within the persons'
// statutory range.
type PersonsGradeFine struct {
	Pos     Pos             `yaml:"-"`
	Min     decimal.Decimal `yaml:"min"`
	Max     decimal.Decimal `yaml:"max"`
	Formula *FineFormula    `yaml:"formula"`

	MinPos Pos `yaml:"-" posof:"min"`
	MaxPos Pos `yaml:"-" posof:"max"`
}

// persons checks a fine's persons: amounts not negative, min ≤ max.
func (v *validator) persons(s *Sanction, where *Phrase) {
	p := s.Persons
	if p == nil {
		return
	}
	if p.Min.Sign() < 0 || p.Max.Sign() <= 0 || p.Min.GreaterThan(p.Max) {
		v.errorf(p.Pos, CodeRange, "%s: the persons' fine must be from min to max yuan, 0 ≤ min ≤ max and max above 0 (min %s, max %s)", where, p.Min, p.Max)
	}
}

// personsGrades checks each grade's persons_fine: it needs persons on the
// item's fine, is a range or a formula, and lies within their statutory
// range (a formula's own bounds do; its amount is kept within it).
func (v *validator) personsGrades(it *Item, b *Benchmark, fine *Sanction, where *Phrase) {
	for _, g := range b.Grades {
		pf := g.PersonsFine
		if pf == nil {
			continue
		}
		if fine == nil || fine.Persons == nil {
			v.errorf(pf.Pos, CodeReference, "%s grade %s: persons_fine needs a fine on the responsible persons (sanctions: fine: persons)", where, g.ID)
			continue
		}
		p := fine.Persons
		if p.Min.GreaterThan(p.Max) {
			continue // reported on the persons' range itself
		}
		if pf.Formula != nil {
			if pf.MinPos.IsValid() || pf.MaxPos.IsValid() {
				v.errorf(pf.Pos, CodeValue, "%s grade %s: persons_fine gives a formula and min or max: give either a range {min, max} in yuan or a formula", where, g.ID)
			}
			max := p.Max
			v.formula(it, penalty.Rule{Kind: penalty.Fixed, Min: p.Min, Max: &max}, pf.Formula, P("%s grade %s persons_fine", where, g.ID))
			continue
		}
		if !pf.MinPos.IsValid() || !pf.MaxPos.IsValid() {
			v.errorf(pf.Pos, CodeMissing, "%s grade %s: persons_fine needs min and max in yuan, or a formula", where, g.ID)
			continue
		}
		if pf.Min.GreaterThan(pf.Max) {
			v.errorf(pf.Pos, CodeRange, "%s grade %s: the persons' fine min %s is greater than max %s", where, g.ID, pf.Min, pf.Max)
			continue
		}
		if pf.Min.LessThan(p.Min) || pf.Max.GreaterThan(p.Max) {
			v.errorf(pf.Pos, CodeRange, "%s grade %s: the persons' fine %s to %s yuan is outside their statutory range %s to %s yuan", where, g.ID, pf.Min, pf.Max, p.Min, p.Max)
		}
	}
}
