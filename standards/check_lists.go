package standards

import (
	"slices"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
)

// CodeList: a published list (catalog.List) and the benchmarks disagree:
// the list names an item whose benchmark has no rule of the list's kind
// that reads the lists, so the list has no effect on it; or a benchmark
// reads the lists of a kind and none lists its item.
const CodeList = "standards_list"

// listChecks compares the catalog's lists with the benchmarks' rules.
func (ck *checker) listChecks() {
	cat := ck.cat
	ck.listEntryChecks()
	for _, l := range cat.Lists {
		for _, e := range l.Items {
			code := e.Item
			it := cat.Item(code)
			if it == nil {
				continue // the loader reports it
			}
			if !readsList(it, l.Kind) {
				ck.add(finding(l.Pos, CodeList, SeverityError, MethodStatic,
					"list %s (%s) lists item %s, but no benchmark of the item has a %s rule that names a list: the list has no effect on it", l.ID, l.Title, code, l.Kind))
			}
		}
	}
	for _, it := range cat.Items {
		for _, v := range it.Versions {
			b := v.Benchmark
			if b == nil {
				continue
			}
			if fo := b.FirstOffense; fo != nil && fo.List != "" && !onAnyList(cat, catalog.ListFirstOffense, it.Code) {
				ck.add(finding(fo.Pos, CodeList, SeverityWarning, MethodStatic,
					"item %s: first_offense names list %s, but no first_offense list lists the item: 首违不罚 never applies to it", it.Code, fo.List))
			}
			if lv := b.LightViolation; lv != nil && lv.List != "" && !onAnyList(cat, catalog.ListLightViolation, it.Code) {
				ck.add(finding(lv.Pos, CodeList, SeverityWarning, MethodStatic,
					"item %s: light_violation names list %s, but no light_violation list lists the item: its cases are only flagged for review", it.Code, lv.List))
			}
		}
	}
}

// readsList reports whether a benchmark of the item has a rule of the kind
// that names a list.
func readsList(it *catalog.Item, kind string) bool {
	for _, v := range it.Versions {
		b := v.Benchmark
		if b == nil {
			continue
		}
		switch {
		case kind == catalog.ListFirstOffense && b.FirstOffense != nil && b.FirstOffense.List != "":
			return true
		case kind == catalog.ListLightViolation && b.LightViolation != nil && b.LightViolation.List != "":
			return true
		}
	}
	return false
}

func onAnyList(cat *catalog.Catalog, kind, code string) bool {
	for _, l := range cat.Lists {
		if l.Kind == kind && l.Lists(code) {
			return true
		}
	}
	return false
}

// listEntryChecks checks the entries of the lists that state a situation
// (catalog.ListEntry.When) against the benchmark's rule of their kind, for
// each version of the item in force while the list is: the list exempts a
// case where both hold (《行政处罚法》第三十三条第一款 stays: the entry
// narrows the rule). An entry that holds for no case the rule exempts
// exempts nobody (error); one that holds for every such case states
// nothing (warning). Its label, the list's own words, is compared with
// its condition as a grade's description is with the grade's.
func (ck *checker) listEntryChecks() {
	for _, it := range ck.cat.Items {
		for _, ver := range it.Versions {
			if ver.Benchmark == nil || ck.ctx.Err() != nil {
				continue
			}
			var vc *chkVersion
			for _, l := range ck.cat.Lists {
				e := l.Entry(it.Code)
				if e == nil || e.When == nil || ck.expr(e.When) == nil {
					continue
				}
				rule := listRuleOf(ver.Benchmark, l.Kind)
				if rule == nil || ck.expr(rule) == nil {
					continue // the benchmark reads no list of the kind: listChecks says so
				}
				dates, ok := listVersionDates(l, ver)
				if !ok {
					continue // the list is never in force with this version
				}
				if vc == nil {
					vc = ck.newVersion(it, ver)
					if vc.hasNil() {
						break
					}
				}
				vc.dates = dates
				ck.listEntry(vc, l, e, ck.expr(rule))
			}
		}
	}
}

// listRuleOf is the benchmark's condition of a list's kind, where its rule
// of the kind reads the lists.
func listRuleOf(b *catalog.Benchmark, kind string) *catalog.Cond {
	switch {
	case kind == catalog.ListFirstOffense && b.FirstOffense != nil && b.FirstOffense.List != "":
		return b.FirstOffense.When
	case kind == catalog.ListLightViolation && b.LightViolation != nil && b.LightViolation.List != "":
		return b.LightViolation.When
	}
	return nil
}

// listVersionDates are the dates of witness cases decided under both the
// list and the version: an act a month into the days both are in force
// (or on the first of them), decided five days later (or the same day)
// while both still are. ok is false when they are never in force
// together.
func listVersionDates(l *catalog.List, ver *catalog.Version) (chkDates, bool) {
	lo := max(l.Effective, ver.EffectiveFrom)
	hi, bounded := catalog.Date(0), false
	for _, end := range []*catalog.Date{l.Expires, ver.EffectiveTo} {
		if end != nil && (!bounded || *end < hi) {
			hi, bounded = *end, true
		}
	}
	if bounded && hi < lo {
		return chkDates{}, false
	}
	act := lo.AddDays(31)
	if bounded && act > hi {
		act = lo
	}
	dec := act.AddDays(5)
	if bounded && dec > hi {
		dec = act
	}
	return chkDates{act: act, decision: dec}, true
}

// listEntry checks one entry against the benchmark's rule x.
func (ck *checker) listEntry(vc *chkVersion, l *catalog.List, e *catalog.ListEntry, x *condition.Expr) {
	entry := ck.expr(e.When)
	reason := discretion.ReasonFirstOffense
	if l.Kind == catalog.ListLightViolation {
		reason = discretion.ReasonLightViolation
	}
	// Where the case is decided before the exemption, nothing the entry
	// says matters: an unmet precondition, and for 首违不罚 the grounds
	// the engine tests before it.
	before := vc.beforeExemption(l.Kind)
	related := []Related{relatedRule(e.When.Pos, "list %s entry condition", l.ID), ruleRelated(vc.b, l.Kind)}
	q := func(lits ...chkLit) chkQuery { return chkQuery{lits: append(slices.Clip(before), lits...)} }
	if _, ok, m := vc.find(q(lit(x, true), lit(entry, true))); !ok && m == MethodInterval {
		f := vc.finding(e.When.Pos, CodeList, SeverityError, m, nil,
			"list %s (%s) states for item %s the situation %q, which no case the benchmark's %s rule exempts is in: the entry exempts nobody",
			l.ID, l.Title, vc.it.Code, e.Label, messagesZh.P(l.Kind))
		f.setHint("the entry reads: %s; the benchmark's rule reads: %s", RenderCondition(entry), RenderCondition(x))
		f.Related = related
		ck.add(f)
		return
	}
	if _, ok, m := vc.find(q(lit(x, true), lit(entry, false))); !ok && m == MethodInterval {
		f := vc.finding(e.When.Pos, CodeList, SeverityWarning, m, nil,
			"list %s (%s) states for item %s the situation %q, which holds for every case the benchmark's %s rule exempts: the entry states nothing the rule does not",
			l.ID, l.Title, vc.it.Code, e.Label, messagesZh.P(l.Kind))
		f.setHint("the entry reads: %s; the benchmark's rule reads: %s", RenderCondition(entry), RenderCondition(x))
		f.Related = related
		ck.add(f)
	}
	ck.listEntryWording(vc, l, e, x, entry, before, reason)
}

// beforeExemption are the conditions a case meets to reach the exemption
// of the kind: an unmet precondition ends it before; and 首违不罚 comes
// after the light-violation and no-fault exemptions, which the reach
// conditions hold false.
func (vc *chkVersion) beforeExemption(kind string) []chkLit {
	if kind == catalog.ListFirstOffense {
		return vc.reach
	}
	var out []chkLit
	if p := vc.ver.Precondition; p != nil {
		if x := vc.ck.expr(p.When); x != nil {
			out = append(out, lit(x, true))
		}
	}
	return out
}

// ruleRelated points at the benchmark's rule of a list's kind.
func ruleRelated(b *catalog.Benchmark, kind string) Related {
	if kind == catalog.ListFirstOffense {
		return relatedRule(b.FirstOffense.When.Pos, "first_offense condition")
	}
	return relatedRule(b.LightViolation.When.Pos, "light_violation condition")
}

// listEntryWording compares an entry's label, the situation in the list's
// words, with its condition, among the cases the benchmark's rule x
// exempts (outside them the entry says nothing): the wording reader of
// the grades' descriptions reads it.
func (ck *checker) listEntryWording(vc *chkVersion, l *catalog.List, e *catalog.ListEntry, x, entry *condition.Expr, before []chkLit, reason discretion.Reason) {
	pos := e.LabelPos
	if !pos.IsValid() {
		pos = e.Pos
	}
	scope := newWordingScope(ck.cat, vc.it)
	reader := newWordingReader(scope, ck.cat.CountsOf(vc.it)...)
	reader.act = vc.it.Name
	rd := reader.read(e.Label)
	related := []Related{relatedRule(e.When.Pos, "list %s entry condition", l.ID)}
	if rd.node == nil {
		f := vc.finding(pos, CodeWordingUnread, SeverityWarning, MethodStatic, nil,
			"list %s entry label %q for item %s could not be read as a condition (%s), so it is not compared with the entry's condition",
			l.ID, e.Label, vc.it.Code, quoteAll(rd.unread))
		f.setHint("write the condition with the facts' labels, numbers with units and 以上/以下/超过/不足, joined by 且 or 或者; the entry reads: %s", RenderCondition(entry))
		f.Related = related
		ck.add(f)
		return
	}
	published := compileSrc(condition.String(rd.node), scope)
	if published == nil {
		ck.add(vc.finding(pos, CodeWordingUnread, SeverityWarning, MethodStatic, nil,
			"list %s entry label %q for item %s was read as %s, which could not be compared with the entry's condition", l.ID, e.Label, vc.it.Code, condition.String(rd.node)))
		return
	}
	slots := chkSlotsOf(lit(entry, true), lit(published, true))
	reasons := wordingReasons(rd, []*condition.Expr{entry}, 0)
	report := func(p *chkPoint, m Method, format string, cl claim) {
		f := vc.finding(pos, CodeWording, SeverityError, m, p, format, l.ID, e.Label, vc.it.Code, vc.describePoint(p, slots), reasons)
		f.Related = related
		f.setHint("the entry reads: %s", RenderCondition(entry))
		f.claim = cl
		ck.add(f)
	}
	q := func(lits ...chkLit) chkQuery { return chkQuery{lits: append(slices.Clip(before), lits...)} }
	if p, ok, m := vc.find(q(lit(x, true), lit(published, true), lit(entry, false))); ok {
		report(p, m, "list %s entry label %q for item %s states a situation that takes in cases such as %s, which the entry's condition does not exempt%s",
			claimListExempts(l.Kind, reason, false))
		return
	}
	if p, ok, m := vc.find(q(lit(x, true), lit(entry, true), lit(published, false))); ok {
		report(p, m, "list %s entry label %q for item %s leaves out cases such as %s, which the entry's condition exempts%s",
			claimListExempts(l.Kind, reason, true))
		return
	}
	// The same cases, but only as the reader took the history's period or
	// a number's unit: an error, as in the grades' wording.
	var f Finding
	switch {
	case len(rd.windows) > 0:
		f = vc.finding(pos, CodeWording, SeverityError, MethodStatic, nil,
			"list %s entry label %q for item %s counts the history over another period than the entry's condition: %s",
			l.ID, e.Label, vc.it.Code, joinSemicolon(rd.windows))
	case len(rd.units) > 0:
		f = vc.finding(pos, CodeWording, SeverityError, MethodStatic, nil,
			"list %s entry label %q for item %s writes a number in a unit its fact is not measured in: %s",
			l.ID, e.Label, vc.it.Code, joinSemicolon(rd.units))
	default:
		return
	}
	f.Related = related
	f.setHint("the entry reads: %s", RenderCondition(entry))
	ck.add(f)
}

// claimListExempts: the list in force at the witness's dates names its
// item and the list step says whether it exempts the case; where it does,
// the case ends in no penalty for the reason (or, for 首违不罚, is the
// officer's to exempt, as claimExempt takes it).
func claimListExempts(kind string, reason discretion.Reason, exempts bool) claim {
	return func(d *discretion.Decision, err error) error {
		if err == nil {
			for _, s := range d.Steps() {
				if s.Rule != kind+".list.in_force" {
					continue
				}
				if s.Result != exempts {
					break
				}
				if exempts {
					return claimExempt(string(reason))(d, err)
				}
				return claimNotExempt(string(reason))(d, err)
			}
		}
		if exempts {
			return messagesZh.Errorf("want the %s in force to exempt the case, the engine %s", listWord(kind), engineDid(d, err))
		}
		return messagesZh.Errorf("want the %s in force not to exempt the case, the engine %s", listWord(kind), engineDid(d, err))
	}
}

// listWord names a list's kind in a message: 首违不罚清单,
// 轻微违法行为不予处罚清单.
func listWord(kind string) *catalog.Phrase {
	if kind == catalog.ListLightViolation {
		return messagesZh.P("light-violation list")
	}
	return messagesZh.P("first-offense list")
}
