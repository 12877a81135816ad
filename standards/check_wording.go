package standards

import (
	"fmt"
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
)

// Codes of the wording check.
const (
	// CodeWording: a grade's hand wording (description, or a label that
	// states a condition) puts in its row cases the engine decides at
	// another grade, or leaves out cases the engine decides at this one.
	CodeWording = "standards_wording"
	// CodeWordingUnread: hand wording the check could not read as a
	// condition, and so could not compare with the rule.
	CodeWordingUnread = "standards_wording_unread"
)

// FirstMatchNote is what a table prints on a row whose own condition also
// holds for cases that rows before it take: under first match the row
// applies only to the cases they leave.
const FirstMatchNote = "（不符合前列情形的）"

// selection is how a benchmark chooses among its grades
// (catalog.Selection). It says which cases the engine decides at a grade
// and which cases a row of the published table claims, so that the wording
// check, the grade checks and the tables read rows the way the engine
// selects them: firstMatch, heaviest or exclusive (selection.go).
type selection interface {
	// beats lists the grades that the engine takes over grade j when both
	// hold: the rows before it under first match, the heavier ones under
	// heaviest, none under exclusive (where both holding is an error).
	beats(j int) []int
	// decide is the grade the engine takes when the grades that hold are
	// holds; -1 for none.
	decide(holds []bool) int
	// selected is the condition, as expression source, of the cases the
	// engine decides at grade j.
	selected(grades []*condition.Expr, j int) string
	// published is the condition of the cases row j's wording w claims;
	// stated says the row states the selection rule in words.
	published(grades []*condition.Expr, j int, w string, stated bool) string
	// overlaps says whether row j's own condition holds for cases another
	// grade takes, so that the row must state the rule: the condition of
	// the cases it shares with the grades that take them.
	overlaps(grades []*condition.Expr, j int) string
}

// selectionOf returns the selection rule of a version's benchmark.
func selectionOf(cat *catalog.Catalog, v *catalog.Version) selection {
	switch cat.SelectionFor(v.Benchmark) {
	case catalog.SelectHeaviest:
		return newHeaviest(cat, v)
	case catalog.SelectExclusive:
		return exclusive{n: len(v.Benchmark.Grades)}
	}
	return firstMatch{}
}

// firstMatch is the rule "按表列顺序适用第一个符合适用条件的阶次".
type firstMatch struct{}

func (firstMatch) beats(j int) []int {
	out := make([]int, j)
	for i := range out {
		out[i] = i
	}
	return out
}

func (firstMatch) decide(holds []bool) int {
	for j, ok := range holds {
		if ok {
			return j
		}
	}
	return -1
}

func (f firstMatch) selected(grades []*condition.Expr, j int) string {
	return excluding(grades, f.beats(j), "("+condition.String(grades[j].Root)+")")
}

func (firstMatch) published(grades []*condition.Expr, j int, w string, stated bool) string {
	if !stated {
		return "(" + w + ")"
	}
	var parts []string
	for i := 0; i < j; i++ {
		parts = append(parts, "!("+condition.String(grades[i].Root)+")")
	}
	return strings.Join(append(parts, "("+w+")"), " && ")
}

func (firstMatch) overlaps(grades []*condition.Expr, j int) string {
	if j == 0 {
		return ""
	}
	var earlier []string
	for i := 0; i < j; i++ {
		earlier = append(earlier, "("+condition.String(grades[i].Root)+")")
	}
	return "(" + condition.String(grades[j].Root) + ") && (" + strings.Join(earlier, " || ") + ")"
}

// statesRule reports whether wording states the first-match rule in words.
func statesRule(text string) bool {
	s := normalizeWording(text)
	for _, m := range markerPhrases {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// rowsSharing reports, for each grade of a version, whether its own
// condition holds for some case (that reaches grading) that the selection
// rule gives another grade: such a row must state the rule on the row.
func rowsSharing(cat *catalog.Catalog, c *compiled, it *catalog.Item, v *catalog.Version) []bool {
	if v.Benchmark == nil {
		return nil
	}
	ck := &checker{cat: cat, exprs: c.exprs, opts: Options{}.withDefaults()}
	vc := ck.newVersion(it, v)
	if vc.hasNil() {
		return make([]bool, len(vc.grades))
	}
	return vc.rowsSharing(newWordingScope(cat, it))
}

func newWordingScope(cat *catalog.Catalog, it *catalog.Item) *condition.Scope {
	return discretion.ItemScope(discretion.BaseScope(cat), cat, it)
}

func (vc *chkVersion) rowsSharing(scope *condition.Scope) []bool {
	sel := vc.sel
	out := make([]bool, len(vc.grades))
	for j := range vc.grades {
		src := sel.overlaps(vc.grades, j)
		if src == "" {
			continue
		}
		x := compileSrc(src, scope)
		if x == nil {
			continue
		}
		_, out[j], _ = vc.find(chkQuery{graded: true, lits: []chkLit{lit(x, true)}})
	}
	return out
}

// compileSrc compiles generated expression source; nil if it does not
// compile, which generated source always does.
func compileSrc(src string, scope *condition.Scope) *condition.Expr {
	x, diags := condition.Compile(catalog.NewCond(src), scope)
	if len(diags) > 0 {
		return nil
	}
	return x
}

// wordingChecks compares each grade's hand wording with the cases the
// engine decides at the grade.
func (ck *checker) wordingChecks(vc *chkVersion) {
	scope := newWordingScope(ck.cat, vc.it)
	reader := newWordingReader(scope, ck.cat.CountsOf(vc.it)...)
	reader.act = vc.it.Name
	sel := vc.sel
	sharing := vc.rowsSharing(scope)
	for j, g := range vc.b.Grades {
		for _, w := range []struct {
			what, text string
			pos        catalog.Pos
		}{
			{"description", g.Description, g.DescriptionPos},
			{"label", g.Label, g.LabelPos},
		} {
			if strings.TrimSpace(w.text) == "" {
				continue
			}
			pos := w.pos
			if !pos.IsValid() {
				pos = g.Pos
			}
			rd := reader.read(w.text)
			if rd.name || w.what == "label" && rd.node == nil && !rd.readSome {
				// A label that states no condition names the grade.
				continue
			}
			if rd.node == nil {
				f := vc.finding(pos, CodeWordingUnread, SeverityWarning, MethodStatic, nil,
					"grade %s (%s) %s %q could not be read as a condition (%s), so it is not compared with the rule",
					g.ID, g.Label, wordingField(w.what), w.text, quoteAll(rd.unread))
				f.setHint("write the condition with the facts' labels, numbers with units and 以上/以下/超过/不足, joined by 且 or 或者; the rule reads: %s", rowRule(vc.own[j], sharing[j]))
				f.Related = []Related{relatedRule(g.When.Pos, "grade %s condition", g.ID)}
				ck.add(f)
				continue
			}
			stated := rd.marker || sharing[j] // the table prints the rule on the row
			ck.compareWording(vc, scope, sel, j, g, w.what, w.text, pos, rd, stated)
		}
	}
	ck.lightViolationWording(vc, scope, reader)
}

// lightViolationWording compares the label of a light-violation rule,
// which the 轻微违法行为不予处罚清单 prints as its 适用条件, with the rule.
func (ck *checker) lightViolationWording(vc *chkVersion, scope *condition.Scope, reader *wordingReader) {
	e := vc.b.LightViolation
	x := ck.expr(condOf(e))
	if e == nil || x == nil || strings.TrimSpace(e.Label) == "" {
		return
	}
	pos := e.LabelPos
	if !pos.IsValid() {
		pos = e.Pos
	}
	rd := reader.read(e.Label)
	if rd.node == nil {
		f := vc.finding(pos, CodeWordingUnread, SeverityWarning, MethodStatic, nil,
			"light_violation label %q could not be read as a condition (%s), so it is not compared with the rule",
			e.Label, quoteAll(rd.unread))
		f.setHint("write the condition with the facts' labels, numbers with units and 以上/以下/超过/不足, joined by 且 or 或者; the rule reads: %s", RenderCondition(x))
		f.Related = []Related{relatedRule(e.When.Pos, "light_violation condition")}
		ck.add(f)
		return
	}
	published := compileSrc(condition.String(rd.node), scope)
	if published == nil {
		ck.add(vc.finding(pos, CodeWordingUnread, SeverityWarning, MethodStatic, nil,
			"light_violation label %q was read as %s, which could not be compared with the rule", e.Label, condition.String(rd.node)))
		return
	}
	slots := chkSlotsOf(lit(x, true), lit(published, true))
	reasons := wordingReasons(rd, []*condition.Expr{x}, 0)
	report := func(p *chkPoint, m Method, format string, cl claim) {
		f := vc.finding(pos, CodeWording, SeverityError, m, p, format, e.Label, vc.describePoint(p, slots), reasons)
		f.Related = []Related{relatedRule(e.When.Pos, "light_violation condition")}
		f.setHint("the rule reads: %s", RenderCondition(x))
		f.claim = cl
		ck.add(f)
	}
	if p, ok, m := vc.find(chkQuery{lits: []chkLit{lit(published, true), lit(x, false)}}); ok {
		report(p, m, "light_violation label %q lists as a light violation cases such as %s, which the rule does not exempt%s", claimNotExempt(string(discretion.ReasonLightViolation)))
		return
	}
	if p, ok, m := vc.find(chkQuery{lits: []chkLit{lit(x, true), lit(published, false)}}); ok {
		report(p, m, "light_violation label %q leaves out cases such as %s, which the rule exempts as light violations%s", claimExempt(string(discretion.ReasonLightViolation)))
	}
}

// compareWording looks for a case the wording puts in row j that the
// engine decides elsewhere, and for one the engine decides at row j that
// the wording leaves out.
func (ck *checker) compareWording(vc *chkVersion, scope *condition.Scope, sel selection, j int, g *catalog.Grade, what, text string, pos catalog.Pos, rd wordingReading, stated bool) {
	selected := compileSrc(sel.selected(vc.grades, j), scope)
	// A row stands under its statutory range in the table: its wording
	// claims the cases of that range.
	w := condition.String(rd.node)
	if j < len(vc.rangeSel) && vc.rangeSel[j] != "" {
		w = vc.rangeSel[j] + " && (" + w + ")"
	}
	published := compileSrc(sel.published(vc.grades, j, w, stated), scope)
	if selected == nil || published == nil {
		// Not expected: the reader builds typed conditions. Say so rather
		// than pass the wording silently.
		f := vc.finding(pos, CodeWordingUnread, SeverityWarning, MethodStatic, nil,
			"grade %s (%s) %s %q was read as %s, which could not be compared with the rule",
			g.ID, g.Label, wordingField(what), text, condition.String(rd.node))
		ck.add(f)
		return
	}
	reasons := wordingReasons(rd, vc.own, j)
	rule := rowRule(vc.own[j], stated)
	slots := chkSlotsOf(lit(selected, true), lit(published, true))
	if p, ok, m := vc.find(chkQuery{graded: true, lits: []chkLit{lit(published, true), lit(selected, false)}}); ok {
		other := vc.gradeOf(p)
		decided, cl := messagesZh.P("no grade matches it (a gap)"), claimGap
		if hold := vc.holding(p); other < 0 && len(hold) > 1 {
			a, b := vc.b.Grades[hold[0]], vc.b.Grades[hold[1]]
			decided = messagesZh.P("it meets grades %s (%s) and %s (%s), which the benchmark declares exclusive, and the engine refuses it as ambiguous", a.ID, a.Label, b.ID, b.Label)
			cl = claimAmbiguous(a.ID, b.ID)
		}
		if other >= 0 {
			decided, cl = messagesZh.P("the engine decides it at grade %s (%s)", vc.b.Grades[other].ID, vc.b.Grades[other].Label), claimGrade(vc.b.Grades[other].ID)
		}
		f := vc.finding(pos, CodeWording, SeverityError, m, p,
			"grade %s (%s) %s %q puts in this row cases such as %s, but %s%s",
			g.ID, g.Label, wordingField(what), text, vc.describePoint(p, slots), decided, reasons)
		ck.addWording(f, g, rule, cl)
		return
	}
	if p, ok, m := vc.find(chkQuery{graded: true, lits: []chkLit{lit(selected, true), lit(published, false)}}); ok {
		f := vc.finding(pos, CodeWording, SeverityError, m, p,
			"grade %s (%s) %s %q leaves out cases such as %s, which the engine decides at this grade%s",
			g.ID, g.Label, wordingField(what), text, vc.describePoint(p, slots), reasons)
		ck.addWording(f, g, rule, claimGrade(g.ID))
		return
	}
	if len(rd.windows) > 0 {
		// The same cases by count, but over another period than the
		// counter's: no case of the engine tells them apart.
		f := vc.finding(pos, CodeWording, SeverityError, MethodStatic, nil,
			"grade %s (%s) %s %q counts the history over another period than the rule: %s",
			g.ID, g.Label, wordingField(what), text, joinSemicolon(rd.windows))
		ck.addWording(f, g, rule, nil)
		return
	}
	if len(rd.units) > 0 {
		// The same numbers in another unit: the cases agree only because
		// the numbers were read in the fact's unit.
		f := vc.finding(pos, CodeWording, SeverityError, MethodStatic, nil,
			"grade %s (%s) %s %q writes a number in a unit its fact is not measured in: %s",
			g.ID, g.Label, wordingField(what), text, joinSemicolon(rd.units))
		ck.addWording(f, g, rule, nil)
	}
}

func (ck *checker) addWording(f Finding, g *catalog.Grade, rule string, cl claim) {
	f.Related = []Related{relatedRule(g.When.Pos, "grade %s condition", g.ID)}
	f.setHint("the rule reads: %s", rule)
	f.claim = cl
	ck.add(f)
}

// rowRule is a grade's rule in words as its row states it, with the
// first-match rule where the row needs it.
func rowRule(x *condition.Expr, firstMatch bool) string {
	s := RenderCondition(x)
	switch {
	case firstMatch && s == renderedAll:
		return "其他情形"
	case firstMatch:
		return s + FirstMatchNote
	}
	return s
}

// holding lists the grades whose conditions hold at a point.
func (vc *chkVersion) holding(p *chkPoint) []int {
	var out []int
	for i, x := range vc.grades {
		if x.Eval(p.vals) {
			out = append(out, i)
		}
	}
	return out
}

// gradeOf is the grade the engine takes for a point under the
// benchmark's selection rule.
func (vc *chkVersion) gradeOf(p *chkPoint) int {
	holds := make([]bool, len(vc.grades))
	for i, x := range vc.grades {
		holds[i] = x.Eval(p.vals)
	}
	return vc.sel.decide(holds)
}

// wordingReasons names what differs between the wording and the rule of
// grade j: a connective, a threshold, the inclusivity of a bound, a unit,
// a fact the wording leaves out.
func wordingReasons(rd wordingReading, grades []*condition.Expr, j int) any {
	var out []*catalog.Phrase
	rule := normalize(grades[j].Root, false)
	word := normalize(rd.node, false)
	switch {
	case isOr(word) && isAnd(rule):
		out = append(out, messagesZh.P("the wording joins its conditions with 或者 where the rule requires them all (且)"))
	case isAnd(word) && isOr(rule):
		out = append(out, messagesZh.P("the wording requires all its conditions (且) where the rule takes any of them (或者)"))
	}
	var ruleBounds []wordingBound
	for i := 0; i <= j; i++ {
		ruleBounds = append(ruleBounds, boundsOf(grades[i].Root)...)
	}
	for i := range ruleBounds {
		ruleBounds[i] = ruleBounds[i].whole()
	}
	for _, wb := range rd.atoms {
		wb = wb.whole()
		same, sameSide := false, false
		for _, rb := range ruleBounds {
			if rb.v.Slot == wb.v.Slot && rb.val.Equal(wb.val) {
				same = true
				sameSide = sameSide || boundSide(rb.op) == boundSide(wb.op) || boundSide(rb.op) == "" || boundSide(wb.op) == ""
			}
		}
		unit := literalUnit(wb.v)
		switch {
		case !same:
			out = append(out, messagesZh.P("the wording's threshold %s%s for %s is not in the rule", wb.val, unit, wb.v.Label()))
		case !sameSide:
			out = append(out, messagesZh.P("the wording %s %s%s (%s) where the rule %s it", inclusivityWord(wb.op), wb.val, unit, wb.v.Label(), inclusivityVerb(wb.op)))
		}
	}
	out = append(out, rd.units...)
	out = append(out, rd.windows...)
	out = append(out, rd.counts...)
	mentioned := map[int]bool{}
	chkWalk(rd.node, func(n condition.Node) {
		if id, ok := n.(condition.Ident); ok {
			mentioned[id.Var.Slot] = true
		}
	})
	for _, v := range grades[j].Refs {
		if v.Fact != nil && !mentioned[v.Slot] {
			out = append(out, messagesZh.P("the wording does not mention %s, which the rule reads", v.Label()))
		}
	}
	if len(out) == 0 {
		return ""
	}
	var joined *catalog.Phrase
	seen := map[string]bool{}
	for _, r := range out {
		if en := r.Render("en"); !seen[en] {
			seen[en] = true
			if joined == nil {
				joined = r
			} else {
				joined = messagesZh.P("%s; %s", joined, r)
			}
		}
	}
	return messagesZh.P(": %s", joined)
}

func isOr(n condition.Node) bool  { _, ok := n.(condition.Or); return ok }
func isAnd(n condition.Node) bool { _, ok := n.(condition.And); return ok }

// boundsOf lists the numeric bounds of a condition: fact op constant.
func boundsOf(n condition.Node) []wordingBound {
	var out []wordingBound
	chkWalk(n, func(x condition.Node) {
		switch c := x.(type) {
		case condition.Compare:
			c = orient(c)
			id, ok := c.L.(condition.Ident)
			l, ok2 := c.R.(condition.Lit)
			if ok && ok2 && id.Var.Type.Numeric() {
				out = append(out, wordingBound{v: id.Var, op: c.Op, val: l.Value.Num})
			}
		case condition.In:
			id, ok := c.X.(condition.Ident)
			if !ok || !id.Var.Type.Numeric() {
				return
			}
			if c.List == nil {
				lo, ok1 := c.Lo.(condition.Lit)
				hi, ok2 := c.Hi.(condition.Lit)
				if ok1 && ok2 {
					out = append(out, wordingBound{id.Var, ">=", lo.Value.Num}, wordingBound{id.Var, "<=", hi.Value.Num})
				}
				return
			}
			for _, el := range c.List {
				if l, ok := el.(condition.Lit); ok {
					out = append(out, wordingBound{id.Var, "==", l.Value.Num})
				}
			}
		}
	})
	return out
}

// whole writes a bound on a whole-number fact with 以上 or 不足 where it
// can: count > 1 is count >= 2, count <= 3 is count < 4.
func (b wordingBound) whole() wordingBound {
	if b.v.Type != catalog.FactInt || !b.val.IsInteger() {
		return b
	}
	switch b.op {
	case ">":
		b.op, b.val = ">=", b.val.Add(chkOne)
	case "<=":
		b.op, b.val = "<", b.val.Add(chkOne)
	}
	return b
}

// boundSide says on which side of its number a bound puts the number
// itself: "x >= 10" and "x < 10" both put 10 with the values above.
func boundSide(op string) string {
	switch op {
	case ">=", "<":
		return "above"
	case ">", "<=":
		return "below"
	}
	return ""
}

func inclusivityWord(op string) *catalog.Phrase {
	switch op {
	case ">=":
		return messagesZh.P("includes (以上)")
	case "<=":
		return messagesZh.P("includes (以下/不超过)")
	case ">":
		return messagesZh.P("excludes (超过)")
	case "<":
		return messagesZh.P("excludes (不足)")
	}
	return messagesZh.P("states")
}

func inclusivityVerb(op string) *catalog.Phrase {
	if op == ">=" || op == "<=" {
		return messagesZh.P("excludes")
	}
	return messagesZh.P("includes")
}

// joinSemicolon joins phrases with semicolons.
func joinSemicolon(ps []*catalog.Phrase) *catalog.Phrase {
	out := ps[0]
	for _, p := range ps[1:] {
		out = messagesZh.P("%s; %s", out, p)
	}
	return out
}

// wordingField names the field a grade's wording is in.
func wordingField(what string) *catalog.Phrase {
	if what == "label" {
		return messagesZh.P("label")
	}
	return messagesZh.P("description")
}

func quoteAll(xs []string) *catalog.Phrase {
	if len(xs) == 0 {
		return messagesZh.P("it names no condition")
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprintf("%q", x)
	}
	return messagesZh.P("not read: %s", strings.Join(out, ", "))
}
