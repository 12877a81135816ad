package discretion

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/jizhun/jizhun/catalog"
)

// decideConcurrent decides one act that violates several provisions
// (《行政处罚法》第二十九条: "同一个违法行为违反多个法律规范应当给予罚款处罚的，
// 按照罚款数额高的规定处罚"). Each candidate item is decided on its own, and
// one applies, chosen by rules that never depend on the order in which the
// case lists the provisions:
//
//  1. a provision whose instrument defers to higher-ranking ones that
//     already provide liability ("法律、行政法规已有法律责任规定的，从其规定")
//     gives way to a candidate of such a rank (art29.defers);
//  2. the higher fine: the higher maximum (art29.higher_maximum), with equal
//     maxima the higher minimum (art29.higher_minimum); a candidate that
//     gives a fine beats one that gives none (art29.higher_fine). Ranges that
//     cross (a higher maximum but a lower minimum) have no clear "higher":
//     the higher maximum is taken and the decision is flagged;
//  3. equal fines: the higher-ranking instrument (《立法法》第九十九条、第一百条:
//     法律 > 行政法规 > 地方性法规 > 规章; art29.higher_rank), then, between
//     provisions of one rank, the special provision over the general one
//     (第一百零三条 "特别规定与一般规定不一致的，适用特别规定"; an item's
//     special_over; art29.special);
//  4. still equal: the provision listed first in the catalog, flagged
//     art29_undecided for review (art29.catalog_order).
func (e *Engine) decideConcurrent(ctx context.Context, c *Case, codes []string) (*Decision, error) {
	declared := map[string]bool{}
	for _, code := range codes {
		for name := range e.items[code].factSlot {
			declared[name] = true
		}
	}
	ordered := e.inCatalogOrder(codes)
	provs := make([]*provision, len(ordered))
	for i, code := range ordered {
		single := *c
		single.Item, single.Items = code, nil
		d, err := e.decideItem(ctx, &single, e.items[code], declared)
		if err != nil {
			return nil, err
		}
		provs[i] = e.provisionOf(d)
	}
	deferred := deferring(provs)
	best := -1
	crossing := false
	for i, p := range provs {
		if deferred[i] != nil {
			continue
		}
		if best < 0 {
			best = i
			continue
		}
		cmp, cross, _ := compareProvisions(p, provs[best])
		crossing = crossing || cross
		if cmp > 0 {
			best = i
		}
	}
	if best < 0 {
		// Every candidate defers to another: impossible in a validated
		// catalog (a provision defers only to higher ranks), but never an
		// index out of range.
		best = 0
	}
	// The rule that chose is the finest one needed against any rival.
	chosenBy, undecided := "", false
	for i, p := range provs {
		if i == best || deferred[i] != nil {
			continue
		}
		_, _, rule := compareProvisions(provs[best], p)
		if art29Depth[rule] > art29Depth[chosenBy] {
			chosenBy = rule
		}
		undecided = undecided || rule == art29CatalogOrder
	}
	if chosenBy == "" {
		chosenBy = art29Defers
	}
	b := provs[best].d
	chosen := *b
	chosen.Candidates = make([]*Decision, len(provs))
	chosen.trace = b.trace.clone(len(provs)*2 + 4)
	for i, p := range provs {
		chosen.Candidates[i] = p.d
		to := 0
		if q := deferred[i]; q != nil {
			to = slices.Index(provs, q) + 1
		}
		chosen.trace.add(kindCandidate, i == best, 0, i, countValue(to))
	}
	if crossing {
		chosen.Flags = append(append([]string(nil), b.Flags...), FlagArt29Crossing)
	}
	if undecided {
		chosen.Flags = append(append([]string(nil), chosen.Flags...), FlagArt29Undecided)
	}
	chosen.trace.add(kindArt29Chosen, true, 0, best, countValue(slices.Index(art29Rules, chosenBy)), flagValue(crossing), flagValue(undecided))
	return &chosen, nil
}

// 《立法法》(2023) 第九十九条 "法律的效力高于行政法规、地方性法规、规章。行政法规
// 的效力高于地方性法规、规章。" 第一百条 "地方性法规的效力高于本级和下级地方政府
// 规章。" 第一百零三条 "同一机关制定的…特别规定与一般规定不一致的，适用特别规定".
const citeLegislationLaw = "《中华人民共和国立法法》第九十九条、第一百条、第一百零三条"

// The art. 29 rules, in the order they are tried.
const (
	art29Defers        = "art29.defers"
	art29HigherFine    = "art29.higher_fine"
	art29HigherMaximum = "art29.higher_maximum"
	art29HigherMinimum = "art29.higher_minimum"
	art29HigherRank    = "art29.higher_rank"
	art29Special       = "art29.special"
	art29CatalogOrder  = "art29.catalog_order"
)

// art29Rules lists the rules, for the trace to record by number.
var art29Rules = []string{art29Defers, art29HigherFine, art29HigherMaximum, art29HigherMinimum, art29HigherRank, art29Special, art29CatalogOrder}

var art29Depth = map[string]int{"": 0, art29Defers: 1, art29HigherFine: 2, art29HigherMaximum: 2, art29HigherMinimum: 3,
	art29HigherRank: 4, art29Special: 5, art29CatalogOrder: 6}

var art29RuleLabels = map[string]string{
	art29Defers:        "其余条款依其规定让位于上位法",
	art29HigherFine:    "其罚款数额高于其余条款",
	art29HigherMaximum: "其罚款最高额高于其余条款",
	art29HigherMinimum: "各条款罚款最高额相同，其罚款最低额较高",
	art29HigherRank:    "各条款罚款数额相同，其效力层级较高",
	art29Special:       "各条款罚款数额、效力层级相同，其为特别规定",
	art29CatalogOrder:  "各条款无从区分，按目录顺序",
}

// provision is one candidate of an art. 29 case: its decision, and what the
// catalog says about its penalty clause.
type provision struct {
	d       *Decision
	rank    catalog.Rank
	ranked  bool
	defers  *catalog.Deference
	special []string
	index   int // position in the catalog
}

func (p *provision) rankText() string {
	if !p.ranked {
		return "效力层级未载明"
	}
	return p.rank.Label()
}

// inCatalogOrder sorts codes by the items' order in the catalog.
func (e *Engine) inCatalogOrder(codes []string) []string {
	out := append([]string(nil), codes...)
	sort.SliceStable(out, func(i, j int) bool { return e.items[out[i]].index < e.items[out[j]].index })
	return out
}

func (e *Engine) provisionOf(d *Decision) *provision {
	ir := e.items[d.Item]
	basis := ir.item.Basis
	for _, v := range ir.versions {
		if v.v.ID == d.Version {
			basis = v.basis
		}
	}
	p := &provision{d: d, defers: basis.Defers, special: ir.item.SpecialOver, index: ir.index}
	p.rank, p.ranked = basis.Penalty.RankOf()
	return p
}

// deferring returns, for each provision that gives way under its
// instrument's deference clause, the candidate it gives way to.
func deferring(provs []*provision) []*provision {
	out := make([]*provision, len(provs))
	for i, p := range provs {
		if p.defers == nil {
			continue
		}
		for j, q := range provs {
			if i != j && q.ranked && rankIn(q.rank, p.defers.To) {
				out[i] = q
				break
			}
		}
	}
	return out
}

func rankIn(r catalog.Rank, rs []catalog.Rank) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

func rankLabels(rs []catalog.Rank) string {
	var s []string
	for _, r := range rs {
		s = append(s, r.Label())
	}
	return strings.Join(s, "、")
}

// compareProvisions compares two candidates: positive if a applies rather
// than b. rule names the rule that decided; crossing reports fine ranges
// that cross.
func compareProvisions(a, b *provision) (cmp int, crossing bool, rule string) {
	cmp, crossing = compareSeverity(a.d, b.d)
	if cmp != 0 {
		switch {
		case a.d.Fine == nil || b.d.Fine == nil:
			return cmp, crossing, art29HigherFine
		case a.d.Fine.Max.Equal(b.d.Fine.Max):
			return cmp, crossing, art29HigherMinimum
		}
		return cmp, crossing, art29HigherMaximum
	}
	if a.ranked && b.ranked && a.rank != b.rank {
		return a.rank.Level() - b.rank.Level(), false, art29HigherRank
	}
	// One rank (or a rank not stated): the special provision.
	switch {
	case contains(a.special, b.d.Item) && !contains(b.special, a.d.Item):
		return 1, false, art29Special
	case contains(b.special, a.d.Item) && !contains(a.special, b.d.Item):
		return -1, false, art29Special
	}
	return b.index - a.index, false, art29CatalogOrder
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
