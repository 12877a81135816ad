package catalog

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Count declares a counter of the case's history, a number conditions read
// by its name: "两年内第三次" is `penalized_same_item_2y >= 2`, "一年内曾因同一
// 违法行为受过处罚" `penalized_same_item_1y >= 1`. A catalog's counters are
// available to every condition but the procedure ones' extras, an item's
// only to that item's.
//
// The window ends the day before the current act and reaches back Window
// from the act's date; FirstDay says whether its first day counts. A prior
// is counted when its Date falls in the window, it concerns Items and,
// counting decisions with Outcomes penalty, its decision imposed a penalty.
type Count struct {
	Pos Pos `yaml:"-"`
	// Name is the variable conditions read; the rules of fact names apply.
	Name string `yaml:"name" required:"true"`
	// Label states the number in Chinese, as tables and traces print it:
	// 两年内因同一违法行为受过行政处罚的次数.
	Label string `yaml:"label" required:"true"`
	// Window is the look-back period: "<n>y", "<n>m", "<n>d" or "none"
	// (the whole history).
	Window Window `yaml:"window" required:"true"`
	// Counting is what is counted: "decisions" (default), the prior
	// violations decided, or "violations", every prior violation whatever
	// its outcome (including 不予处罚 and those not decided yet).
	Counting string `yaml:"counting"`
	// Outcomes, counting decisions, is "penalty" (default: the decisions
	// that imposed a penalty, 行政处罚法 art. 9: mitigated, lighter, general,
	// heavier) or "any".
	Outcomes string `yaml:"outcomes"`
	// Items is whose priors count: "same" (default: the current item),
	// "any", or "group:<id>" (the items of a declared group).
	Items string `yaml:"items"`
	// FirstDay is whether the window's first day counts: "included" or
	// "excluded"; default policies.history_window_first_day.
	FirstDay FirstDay `yaml:"first_day"`
	// Date is the date of a prior compared with the window: "decision_date"
	// (default counting decisions) or "act_date" (default counting
	// violations).
	Date     string    `yaml:"date"`
	Citation *Citation `yaml:"citation"`
}

// Counting, outcome, item and date selectors of a Count.
const (
	CountDecisions    = "decisions"
	CountViolations   = "violations"
	CountPenalty      = "penalty"
	CountAnyOutcome   = "any"
	CountSameItem     = "same"
	CountAnyItem      = "any"
	CountGroupPrefix  = "group:"
	CountDecisionDate = "decision_date"
	CountActDate      = "act_date"
)

// Group returns the group a counter's Items names ("group:<id>"), or "".
func (c *Count) Group() string {
	id, _ := strings.CutPrefix(c.Items, CountGroupPrefix)
	if id == c.Items {
		return ""
	}
	return id
}

// NeedsDecisionDate reports whether the counter reads a prior's decision
// date.
func (c *Count) NeedsDecisionDate() bool { return c.Date == CountDecisionDate }

// NeedsOutcome reports whether the counter reads a prior's outcome.
func (c *Count) NeedsOutcome() bool {
	return c.Counting == CountDecisions && c.Outcomes == CountPenalty
}

// Fact is the counter as a variable of conditions: a whole number of
// times, never negative.
func (c *Count) Fact() *Fact {
	zero := decimal.Zero
	return &Fact{Pos: c.Pos, Name: c.Name, Type: FactInt, Label: c.Label, Unit: "次", Min: &zero}
}

// Group is a declared set of items whose priors a counter counts together
// ("同类违法行为").
type Group struct {
	Pos   Pos      `yaml:"-"`
	ID    string   `yaml:"id" required:"true"`
	Label string   `yaml:"label"`
	Items []string `yaml:"items" required:"true"`
}

// Has reports whether the group holds the item.
func (g *Group) Has(code string) bool {
	for _, c := range g.Items {
		if c == code {
			return true
		}
	}
	return false
}

// LookupGroup returns the catalog's group with the id, or nil.
func (c *Catalog) LookupGroup(id string) *Group {
	for _, g := range c.Groups {
		if g.ID == id {
			return g
		}
	}
	return nil
}

// groups checks the catalog's groups: unique ids, known items.
func (v *validator) groups(codes map[string]Pos) {
	ids := map[string]Pos{}
	for _, g := range v.cat.Groups {
		if first, dup := ids[g.ID]; dup {
			v.errorf(g.Pos, CodeDuplicateName, "group id %q is used twice (first at %s)", g.ID, first)
			continue
		}
		ids[g.ID] = g.Pos
		if !identRE.MatchString(g.ID) {
			v.errorf(g.Pos, CodeValue, "group id %q must be lower-case letters, digits and _ , starting with a letter", g.ID)
		}
		if len(g.Items) == 0 {
			v.errorf(v.at(&g.Items, g.Pos), CodeMissing, "group %s lists no items", g.ID)
		}
		for _, code := range g.Items {
			if _, ok := codes[code]; !ok {
				v.errorf(v.at(&g.Items, g.Pos), CodeReference, "group %s: item %q is not in the catalog", g.ID, code)
			}
		}
	}
}

// counts checks a list of counters, the catalog's (it nil) or an item's,
// and fills their defaults. names are the names already taken (the
// catalog's facts and counters, for an item).
func (v *validator) counts(cs []*Count, it *Item) {
	for _, c := range cs {
		where := P("the catalog's counts")
		if it != nil {
			where = P("item %s counts", it.Code)
		}
		switch {
		case !identRE.MatchString(c.Name):
			v.errorf(c.Pos, CodeValue, "%s: counter name %q must be lower-case letters, digits and _ , starting with a letter", where, c.Name)
		case exprKeywords[c.Name]:
			v.errorf(c.Pos, CodeValue, "%s: counter name %q is a keyword of the condition language", where, c.Name)
		case reservedNames[c.Name] != "":
			v.errorf(c.Pos, CodeValue, "%s: counter name %q is provided by the engine: %s", where, c.Name, P(reservedNames[c.Name]))
		case v.cat.Facts.Lookup(c.Name) != nil || (it != nil && it.Facts.Lookup(c.Name) != nil):
			v.errorf(c.Pos, CodeDuplicateName, "%s: counter name %q is already a fact", where, c.Name)
		case v.countNameTaken(c, it):
			v.errorf(c.Pos, CodeDuplicateName, "%s: counter name %q is declared twice", where, c.Name)
		}
		if c.Label == "" {
			v.errorf(v.at(&c.Label, c.Pos), CodeMissing, "%s: counter %s needs a label (its Chinese name, as tables print it)", where, c.Name)
		}
		switch c.Counting {
		case "":
			c.Counting = CountDecisions
		case CountDecisions, CountViolations:
		default:
			v.errorf(v.at(&c.Counting, c.Pos), CodeValue, "%s: counter %s: counting must be decisions or violations, not %q", where, c.Name, c.Counting)
		}
		switch {
		case c.Outcomes == "" && c.Counting == CountViolations:
			c.Outcomes = CountAnyOutcome
		case c.Outcomes == "":
			c.Outcomes = CountPenalty
		case c.Outcomes == CountPenalty && c.Counting == CountViolations:
			v.errorf(v.at(&c.Outcomes, c.Pos), CodeValue, "%s: counter %s counts violations, whatever their outcome: outcomes: penalty needs counting: decisions", where, c.Name)
		case c.Outcomes != CountPenalty && c.Outcomes != CountAnyOutcome:
			v.errorf(v.at(&c.Outcomes, c.Pos), CodeValue, "%s: counter %s: outcomes must be penalty or any, not %q", where, c.Name, c.Outcomes)
		}
		switch c.Date {
		case "":
			c.Date = CountDecisionDate
			if c.Counting == CountViolations {
				c.Date = CountActDate
			}
		case CountDecisionDate, CountActDate:
		default:
			v.errorf(v.at(&c.Date, c.Pos), CodeValue, "%s: counter %s: date must be decision_date or act_date, not %q", where, c.Name, c.Date)
		}
		switch c.FirstDay {
		case "":
			c.FirstDay = v.cat.Policies.HistoryWindowFirstDay
		case FirstDayIncluded, FirstDayExcluded:
		default:
			v.errorf(v.at(&c.FirstDay, c.Pos), CodeValue, "%s: counter %s: first_day must be included or excluded, not %q", where, c.Name, c.FirstDay)
		}
		switch {
		case c.Items == "":
			c.Items = CountSameItem
		case c.Items == CountSameItem || c.Items == CountAnyItem:
		case c.Group() != "":
			if v.cat.LookupGroup(c.Group()) == nil {
				v.errorf(v.at(&c.Items, c.Pos), CodeReference, "%s: counter %s: group %q is not declared under groups", where, c.Name, c.Group())
			}
		default:
			v.errorf(v.at(&c.Items, c.Pos), CodeValue, "%s: counter %s: items must be same, any or group:<id>, not %q", where, c.Name, c.Items)
		}
	}
}

// CountsOf are the counters in scope for an item's conditions: the
// catalog's, which every item may read, then the item's own. The slice is
// new; the counters are shared.
func (c *Catalog) CountsOf(it *Item) []*Count {
	out := make([]*Count, 0, len(c.Counts)+len(it.Counts))
	out = append(out, c.Counts...)
	return append(out, it.Counts...)
}

// itemFactsAndCounters checks that an item's facts take no name of the
// catalog's counters.
func (v *validator) itemFactsAndCounters(it *Item) {
	for _, f := range it.Facts {
		for _, c := range v.cat.Counts {
			if c.Name == f.Name {
				v.errorf(f.Pos, CodeDuplicateName, "item %s: fact %q is already a counter of the catalog (at %s)", it.Code, f.Name, c.Pos)
			}
		}
	}
}

// countNameTaken reports whether a counter declared before c, in the
// catalog or in the item, has c's name.
func (v *validator) countNameTaken(c *Count, it *Item) bool {
	lists := [][]*Count{v.cat.Counts}
	if it != nil {
		lists = append(lists, it.Counts)
	}
	for _, l := range lists {
		for _, o := range l {
			if o == c {
				return false
			}
			if o.Name == c.Name {
				return true
			}
		}
	}
	return false
}
