package catalog

import (
	"reflect"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// List is a published 首违不罚清单 or 轻微违法不予处罚清单: a document of
// its own, with its 文号, its term and its transition rule. Lists of one
// kind follow each other: the one in force at a date is the one whose term
// holds the date. Which applies to a case is decided as the versions of an
// item are, 《行政处罚法》第三十七条 by analogy ("实施行政处罚，适用违法行为
// 发生时的法律、法规、规章的规定。但是，作出行政处罚决定时，法律、法规、
// 规章已被修改或者废止，且新的规定处罚较轻或者不认为是违法的，适用新的
// 规定。"), unless the issuer of the list adopted another rule (Transition).
type List struct {
	Pos       Pos    `yaml:"-"`
	ID        string `yaml:"id" required:"true"`
	Kind      string `yaml:"kind" required:"true"` // first_offense or light_violation
	Title     string `yaml:"title" required:"true"`
	DocNumber string `yaml:"doc_number"` // 文号
	Effective Date   `yaml:"effective" required:"true"`
	Expires   *Date  `yaml:"expires"` // the last day in force
	// Transition is how the list treats acts committed before it took
	// effect; absent, rule favourable.
	Transition *ListTransition `yaml:"transition"`
	// Items are the list's entries: the items it names, each with the
	// condition the list states for it, if any.
	Items ListEntries `yaml:"items" required:"true"`
}

// ListEntries are the entries of a published list. In YAML an entry is an
// item code, or a mapping {item, when, label, note} for a list that states
// the situation (适用情形) in which it exempts the item.
type ListEntries []*ListEntry

// ListEntry is one entry of a published list. A published 轻微违法行为不予
// 处罚清单 or 首违不罚清单 states, for each item, the situation in which
// it is not penalised ("首次被发现，占用面积不超过2平方米，且在责令改正期限
// 内改正的"); When is that situation as a condition in the item's facts,
// Label its published wording. The benchmark's own rule (light_violation
// or first_offense, the conditions of 《行政处罚法》第三十三条第一款) still
// has to hold: an entry narrows or states it, it never replaces it.
type ListEntry struct {
	Pos  Pos    `yaml:"-"`
	Item string `yaml:"item" required:"true"`
	// When is the situation the entry exempts, in the item's facts and
	// counters; nil, every case the benchmark's rule exempts.
	When *Cond `yaml:"when"`
	// Label is the list's own wording of the situation: required with
	// When, and allowed only with it.
	Label string `yaml:"label"`
	// Note is the list's 备注 on the entry.
	Note     string `yaml:"note"`
	LabelPos Pos    `yaml:"-" posof:"label"`
}

// ListTransition is the rule a list's issuer adopted for acts committed
// before the list took effect, with its citation.
type ListTransition struct {
	Pos      Pos       `yaml:"-"`
	Rule     string    `yaml:"rule" required:"true"`
	Citation *Citation `yaml:"citation"`
}

// List kinds.
const (
	ListFirstOffense   = "first_offense"
	ListLightViolation = "light_violation"
)

// Transition rules of a list, for a case whose act precedes the list in
// force at the decision.
const (
	// ListFavourable: the list in force at the act, unless the one in
	// force at the decision lists the item and the earlier does not (art.
	// 37 by analogy: the later rule is lighter for the party).
	ListFavourable = "favourable"
	// ListActDate: the list in force at the act, always.
	ListActDate = "act_date"
	// ListDecisionDate: the list in force at the decision, always.
	ListDecisionDate = "decision_date"
	// ListNotBeforeEffective: the list does not apply to acts committed
	// before it took effect ("施行前发生的违法行为不适用本清单"); the list
	// in force at the act does.
	ListNotBeforeEffective = "not_before_effective"
)

// InForce reports whether the list is in force on d.
func (l *List) InForce(d Date) bool {
	return l.Effective <= d && (l.Expires == nil || d <= *l.Expires)
}

// Rule returns the list's transition rule, favourable when none is stated.
func (l *List) Rule() string {
	if l.Transition == nil || l.Transition.Rule == "" {
		return ListFavourable
	}
	return l.Transition.Rule
}

// Lists reports whether the list names the item.
func (l *List) Lists(code string) bool { return l.Entry(code) != nil }

// Entry returns the list's entry for the item, or nil.
func (l *List) Entry(code string) *ListEntry {
	for _, e := range l.Items {
		if e != nil && e.Item == code {
			return e
		}
	}
	return nil
}

// decodeNode reads a list's entries: each an item code or a mapping.
func (es *ListEntries) decodeNode(d *decoder, n *yaml.Node) {
	if n.Kind != yaml.SequenceNode {
		d.typeError(n, "%s must be a list, not %s", "items", KindName(n))
		return
	}
	out := make(ListEntries, 0, len(n.Content))
	for i, el := range n.Content {
		what := "items[" + strconv.Itoa(i) + "]"
		e := &ListEntry{Pos: d.pos(el)}
		switch {
		case el.Kind == yaml.ScalarNode && el.Tag == "!!null":
			d.errorf(el, CodeMissing, "%s is empty", what)
			continue
		case el.Kind == yaml.MappingNode && el.Anchor == "":
			d.decode(el, reflect.ValueOf(e).Elem(), what)
		case el.Kind == yaml.SequenceNode:
			d.typeError(el, "%s: a list entry is an item code or a mapping {item, when, label, note}, not %s", what, KindName(el))
			continue
		default:
			d.decode(el, reflect.ValueOf(&e.Item).Elem(), what)
		}
		out = append(out, e)
	}
	*es = out
}

// ListByID returns the catalog's list with the given id, or nil.
func (c *Catalog) ListByID(id string) *List {
	for _, l := range c.Lists {
		if l.ID == id {
			return l
		}
	}
	return nil
}

// lists validates the catalog's lists: ids, kinds, terms, transition
// rules, the codes they name, and that two lists of one kind are never in
// force on the same day (then which one applies could not be told).
func (v *validator) lists(codes map[string]Pos) {
	ids := map[string]Pos{}
	for _, l := range v.cat.Lists {
		if first, dup := ids[l.ID]; dup {
			v.errorf(l.Pos, CodeDuplicateName, "list id %q is used twice (first at %s)", l.ID, first)
		}
		ids[l.ID] = l.Pos
		if l.Kind != ListFirstOffense && l.Kind != ListLightViolation {
			v.errorf(v.at(&l.Kind, l.Pos), CodeValue, "list %s: kind must be first_offense or light_violation, not %q", l.ID, l.Kind)
		}
		if l.Expires != nil && *l.Expires < l.Effective {
			v.errorf(v.at(&l.Expires, l.Pos), CodeDate, "list %s: expires %s is before effective %s", l.ID, l.Expires, l.Effective)
		}
		if t := l.Transition; t != nil {
			switch t.Rule {
			case ListFavourable, ListActDate, ListDecisionDate, ListNotBeforeEffective:
			default:
				v.errorf(v.at(&t.Rule, t.Pos), CodeValue, "list %s: transition rule must be favourable, act_date, decision_date or not_before_effective, not %q", l.ID, t.Rule)
			}
			if t.Rule != ListFavourable && t.Citation == nil {
				v.errorf(t.Pos, CodeMissing, "list %s: transition rule %s departs from art. 37: cite the clause of the list that adopts it", l.ID, t.Rule)
			}
		}
		seen := map[string]Pos{}
		for _, e := range l.Items {
			if e == nil || e.Item == "" || v.d.unsound[e] {
				continue // the decoder reports it
			}
			at := v.at(&e.Item, e.Pos)
			if _, ok := codes[e.Item]; !ok {
				v.errorf(at, CodeReference, "list %s: item %q is not in the catalog", l.ID, e.Item)
			}
			if first, dup := seen[e.Item]; dup {
				v.errorf(at, CodeDuplicateName, "list %s: item %q is listed twice (first at %s)", l.ID, e.Item, first)
			} else {
				seen[e.Item] = at
			}
			switch {
			case e.When != nil && strings.TrimSpace(e.Label) == "":
				v.errorf(v.at(&e.When, e.Pos), CodeMissing, "list %s: the entry of item %s states a condition: give its label, the situation in the list's own words", l.ID, e.Item)
			case e.When == nil && e.Label != "":
				v.errorf(e.LabelPos, CodeValue, "list %s: the entry of item %s has a label but no when: state the situation as a condition, or leave the label out", l.ID, e.Item)
			}
		}
	}
	for i, a := range v.cat.Lists {
		for _, b := range v.cat.Lists[i+1:] {
			if a.Kind == b.Kind && overlap(a, b) {
				v.errorf(b.Pos, CodeDate, "lists %s and %s of kind %s are in force on the same days: give the earlier an expires before the later's effective", a.ID, b.ID, a.Kind)
			}
		}
	}
	for _, it := range v.cat.Items {
		for _, ver := range it.Versions {
			b := ver.Benchmark
			if b == nil {
				continue
			}
			if fo := b.FirstOffense; fo != nil && fo.List != "" {
				if fo.Listed {
					v.errorf(v.at(&fo.Listed, fo.Pos), CodeValue, "item %s: first_offense names list %s: leave listed out, the list says whether the item is listed", it.Code, fo.List)
				}
				v.listRef(it, fo.Pos, &fo.List, ListFirstOffense)
			}
			if lv := b.LightViolation; lv != nil && lv.List != "" {
				v.listRef(it, lv.Pos, &lv.List, ListLightViolation)
			}
		}
	}
}

func (v *validator) listRef(it *Item, enclosing Pos, id *string, kind string) {
	l := v.cat.ListByID(*id)
	switch {
	case l == nil:
		v.errorf(v.at(id, enclosing), CodeReference, "item %s: list %q is not in the catalog's lists", it.Code, *id)
	case l.Kind != kind:
		v.errorf(v.at(id, enclosing), CodeReference, "item %s: %s names list %s, which is a %s list", it.Code, kind, *id, l.Kind)
	}
}

func overlap(a, b *List) bool {
	aEnd, bEnd := Date(1<<31-1), Date(1<<31-1)
	if a.Expires != nil {
		aEnd = *a.Expires
	}
	if b.Expires != nil {
		bEnd = *b.Expires
	}
	return a.Effective <= bEnd && b.Effective <= aEnd
}

// FirstOffenseListed reports whether an item's first-offense rule may end
// a case: it is listed (listed: true), or it names a list and some list of
// the kind lists the item. Which list applies to a case depends on its
// dates (discretion); this is the question a table or a check asks of the
// catalog as a whole.
func (c *Catalog) FirstOffenseListed(code string, fo *FirstOffense) bool {
	if fo == nil {
		return false
	}
	if fo.Listed {
		return true
	}
	if fo.List == "" {
		return false
	}
	for _, l := range c.Lists {
		if l.Kind == ListFirstOffense && l.Lists(code) {
			return true
		}
	}
	return false
}
