package catalog

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
	// Items are the codes of the items the list names.
	Items []string `yaml:"items" required:"true"`
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

// Lists returns the item's code is on the list.
func (l *List) Lists(code string) bool {
	for _, c := range l.Items {
		if c == code {
			return true
		}
	}
	return false
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
		seen := map[string]bool{}
		for _, code := range l.Items {
			if _, ok := codes[code]; !ok {
				v.errorf(v.at(&l.Items, l.Pos), CodeReference, "list %s: item %q is not in the catalog", l.ID, code)
			}
			if seen[code] {
				v.errorf(v.at(&l.Items, l.Pos), CodeDuplicateName, "list %s: item %q is listed twice", l.ID, code)
			}
			seen[code] = true
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
