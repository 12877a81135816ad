package catalog

import (
	"strings"
)

// legal checks what the catalog says about the law's own structure: the
// ranks of the instruments cited (《立法法》), deference clauses and special
// provisions (art. 29 of 《行政处罚法》 chooses between provisions by them).
// codes maps the item codes to their positions.
func (v *validator) legal(codes map[string]Pos) {
	if p := &v.cat.Policies; p.MitigationFloorCitation != nil && (p.MitigationFloor == nil || p.MitigationFloor.Sign() <= 0) {
		v.errorf(v.at(&p.MitigationFloorCitation, p.Pos), CodeValue, "policies.mitigation_floor_citation cites a floor the catalog does not set (mitigation_floor)")
	}
	if t := v.cat.Transition; t != nil {
		switch t.ActsBeforeEffective {
		case TransitionApply, TransitionReject:
		default:
			v.errorf(v.at(&t.ActsBeforeEffective, t.Pos), CodeValue, "transition.acts_before_effective must be apply or reject, not %q", t.ActsBeforeEffective)
		}
	}
	for _, it := range v.cat.Items {
		v.basisRanks(it, it.Basis, P("item %s", it.Code))
		for _, ver := range it.Versions {
			if ver.Basis != nil {
				v.basisRanks(it, *ver.Basis, P("item %s version %s", it.Code, ver.ID))
			}
		}
		v.versionStart(it)
		for _, code := range it.SpecialOver {
			switch {
			case code == it.Code:
				v.errorf(v.at(&it.SpecialOver, it.Pos), CodeReference, "item %s: special_over names the item itself", it.Code)
			case !known(codes, code):
				v.errorf(v.at(&it.SpecialOver, it.Pos), CodeReference, "item %s: special_over item %q is not in the catalog", it.Code, code)
			default:
				if other := v.cat.Item(code); other != nil && contains(other.SpecialOver, it.Code) {
					v.errorf(v.at(&it.SpecialOver, it.Pos), CodeValue,
						"item %s: special_over %s, and %s is special over %s: one of the two provisions is the general one", it.Code, code, code, it.Code)
				}
			}
		}
	}
}

// basisRanks checks the ranks of a basis's citations and its deference
// clause.
func (v *validator) basisRanks(it *Item, b Basis, where *Phrase) {
	for _, c := range []*Citation{b.Violated, b.Penalty, b.Amount} {
		v.citationRank(c, where)
	}
	d := b.Defers
	if d == nil {
		return
	}
	if len(d.To) == 0 {
		d.To = []Rank{RankLaw, RankAdministrativeRegulation}
	}
	v.citationRank(d.Citation, where)
	own, known := b.Penalty.RankOf()
	for _, r := range d.To {
		switch {
		case !r.Valid():
			v.errorf(v.at(&d.To, d.Pos), CodeValue, "%s: defers.to %q is not a rank (%s)", where, r, rankList())
		case known && r.Level() <= own.Level():
			v.errorf(v.at(&d.To, d.Pos), CodeValue, "%s: the penalty clause is a %s (%s) and can defer only to higher-ranking instruments, not to a %s (%s)",
				where, own.Label(), own, r.Label(), r)
		}
	}
	if !known {
		v.errorf(d.Pos, CodeMissing, "%s: a provision that defers to higher-ranking instruments needs its own rank: give basis.penalty.rank (%s)", where, rankList())
	}
}

// citationRank checks a declared rank against the one the instrument's
// name decides.
func (v *validator) citationRank(c *Citation, where *Phrase) {
	if c == nil || c.Rank == "" {
		return
	}
	if !c.Rank.Valid() {
		v.errorf(v.at(&c.Rank, c.Pos), CodeValue, "%s: rank %q of 《%s》 is not one of %s", where, c.Rank, c.Instrument, rankList())
		return
	}
	derived, ok := DeriveRank(c.Instrument)
	if !ok || derived == c.Rank {
		return
	}
	why := "only 法律 are named …法"
	if strings.HasSuffix(c.Instrument, "条例") {
		why = "a 条例 is a 行政法规, or a 地方性法规 when its name starts with the area; never a 规章 (《规章制定程序条例》第七条：规章的名称…不得称\"条例\")"
	}
	v.errorf(v.at(&c.Rank, c.Pos), CodeValue, "%s: rank %s (%s) contradicts the name of 《%s》, which is a %s (%s): %s",
		where, c.Rank, c.Rank.Label(), c.Instrument, derived.Label(), derived, P(why))
}

func rankList() string {
	var names []string
	for _, r := range Ranks() {
		names = append(names, string(r)+" "+r.Label())
	}
	return strings.Join(names, ", ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func known(codes map[string]Pos, code string) bool {
	_, ok := codes[code]
	return ok
}

// firstVersionStart is where a short-form item's one version starts: the
// date its penalty clause took effect (the item's effective_from, or
// basis.penalty.effective), not the catalog's. stated is false when the
// catalog gives neither; the version then starts with the catalog.
func (v *validator) firstVersionStart(it *Item) (from Date, stated bool) {
	switch {
	case it.EffectiveFrom != nil:
		return *it.EffectiveFrom, true
	case it.Basis.Penalty != nil && it.Basis.Penalty.Effective != nil:
		return *it.Basis.Penalty.Effective, true
	}
	return v.cat.Effective, false
}

// versionStart checks that no version starts before its penalty clause
// took effect: an act before that has no basis in the clause (《立法法》
// 第一百零四条 "法律、行政法规、地方性法规、自治条例和单行条例、规章不溯及既往").
func (v *validator) versionStart(it *Item) {
	for _, ver := range it.Versions {
		b := it.Basis
		if ver.Basis != nil {
			b = *ver.Basis
		}
		if b.Penalty == nil || b.Penalty.Effective == nil || !ver.StartStated {
			continue
		}
		if ver.EffectiveFrom < *b.Penalty.Effective {
			v.errorf(v.at(&ver.EffectiveFrom, ver.Pos), CodeDate, "item %s version %s: starts %s, before its penalty clause %s took effect on %s (basis.penalty.effective)",
				it.Code, ver.ID, ver.EffectiveFrom, b.Penalty, b.Penalty.Effective)
		}
	}
}
