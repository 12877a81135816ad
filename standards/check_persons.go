package standards

import (
	"strings"

	"github.com/jizhun/jizhun/catalog"
)

// personsText compares the persons' fine of a 双罚 clause with the amounts
// the quoted clause states for them: the text after the persons' name
// (直接负责的主管人员…) where the clause names them, so that the
// organisation's amounts before it are not taken for theirs.
func (ck *checker) personsText(vc *chkVersion) {
	fine := chkFineOf(vc.ver)
	if fine == nil || fine.Persons == nil {
		return
	}
	p := fine.Persons
	cite := p.Citation
	if cite == nil || cite.Text == "" {
		basis := vc.basis()
		cite = basis.Amount
		if cite == nil || cite.Text == "" {
			cite = basis.Penalty
		}
	}
	if cite == nil || cite.Text == "" {
		return
	}
	text := cite.Text
	for _, name := range []string{p.PersonsLabel(), "直接负责的主管人员", "直接责任人员"} {
		if i := strings.Index(text, name); i >= 0 {
			text = text[i:]
			break
		}
	}
	stated := chkParseClause(text)
	if len(stated.yuan) == 0 {
		return
	}
	var missing []string
	if p.Min.Sign() > 0 && !chkContains(stated.yuan, p.Min) {
		missing = append(missing, p.Min.String()+"元")
	}
	if !chkContains(stated.yuan, p.Max) {
		missing = append(missing, p.Max.String()+"元")
	}
	if len(missing) == 0 {
		return
	}
	f := vc.finding(p.Pos, CodeRange, SeverityError, MethodStatic, nil,
		"the persons' fine states the amount %s, which the quoted clause %s does not state for them (it states %s)",
		ivJoin(missing, ", "), cite.String(), chkStatedText(stated))
	f.Related = []Related{relatedRule(cite.Pos, "quoted clause %s", cite.String())}
	f.setHint("quote the clause in full, with what it sets for %s, and state their amounts exactly", catalog.DefaultPersonsLabel)
	ck.add(f)
}
