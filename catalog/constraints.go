package catalog

// Constraint is a combination of facts that cannot occur: a condition every
// case must satisfy, such as "未造成危害后果的，不存在受伤人员" (harm !=
// "none" || injured_persons == 0). A catalog's constraints bind every item,
// an item's only that item.
//
// The engine rejects a case that violates one as a case error naming the
// constraint; the consistency checks leave the combinations it excludes out
// of the fact space, so that no gap, overlap or order finding is reported
// for cases that cannot happen; tables state it under the item.
type Constraint struct {
	Pos Pos `yaml:"-"`
	// ID names the constraint in case errors and findings; unique among the
	// catalog's constraints and the item's.
	ID string `yaml:"id" required:"true"`
	// Label states the constraint in Chinese, as the case error and the
	// table say it.
	Label string `yaml:"label" required:"true"`
	// Holds is the condition every case satisfies.
	Holds    *Cond     `yaml:"holds" required:"true"`
	Citation *Citation `yaml:"citation"`
}

// CodeUnsatisfiable is the code of a constraint that no case within the
// declared facts satisfies, alone or together with the others of its
// item: every case of the item would be rejected.
const CodeUnsatisfiable = "catalog_constraint_unsatisfiable"

// constraints checks the ids of a list of constraints: unique among
// themselves and among those already in ids (the catalog's, for an item).
func (v *validator) constraints(cs []*Constraint, ids map[string]Pos, it *Item) {
	for _, c := range cs {
		if first, dup := ids[c.ID]; dup {
			if it != nil {
				v.errorf(c.Pos, CodeDuplicateName, "item %s: constraint id %q is used twice (first at %s)", it.Code, c.ID, first)
			} else {
				v.errorf(c.Pos, CodeDuplicateName, "constraint id %q is used twice (first at %s)", c.ID, first)
			}
			continue
		}
		ids[c.ID] = c.Pos
	}
}
