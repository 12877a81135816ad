package standards

import (
	"github.com/jizhun/jizhun/catalog"
)

// withPersons adds to a grade's 处罚标准 the fine on the organisation's
// directly responsible persons where the clause sets one (双罚): the row
// shows both fines, as the decision carries both.
func withPersons(cat *catalog.Catalog, it *catalog.Item, v *catalog.Version, g *catalog.Grade, standard string) string {
	fine := fineOf(v)
	if fine == nil || fine.Persons == nil || g.Fine == nil || g.Fine.None {
		return standard
	}
	if pf := g.PersonsFine; pf != nil && pf.Formula != nil {
		// 对其直接负责的主管人员和其他直接责任人员处罚款，基础罚款2万元，…
		return standard + "；对其" + fine.Persons.PersonsLabel() + "处罚款，" + newAmounts(cat, it).formula(pf.Formula, "")
	}
	return standard + "；" + personsClause(fine.Persons, g.PersonsFine)
}

// personsClause states the persons' fine: the grade's range where it
// states one, else the statutory range (对其直接负责的主管人员和其他直接责任
// 人员处2万元以上5万元以下罚款).
func personsClause(p *catalog.PersonsFine, at *catalog.PersonsGradeFine) string {
	min, max := p.Min, p.Max
	if at != nil && at.Formula == nil {
		min, max = at.Min, at.Max
	}
	amount := yuan(min) + "以上" + yuan(max) + "以下"
	if min.Equal(max) {
		amount = yuan(min)
	}
	return "对其" + p.PersonsLabel() + "处" + amount + "罚款"
}

// personsRemark is the 备注 line of a 双罚 clause: the persons' statutory
// range, and that it applies to organisations only.
func personsRemark(v *catalog.Version) string {
	fine := fineOf(v)
	if fine == nil || fine.Persons == nil {
		return ""
	}
	return "当事人为单位的，" + personsClause(fine.Persons, nil) + "（每人按公民适用简易程序和听证标准）"
}
