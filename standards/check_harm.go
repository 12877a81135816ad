package standards

import (
	"slices"
	"strings"

	"github.com/jizhun/jizhun/catalog"
)

// chkHarmScale is an enum harm fact's values in order of severity, mildest
// first, with the value that means 危害后果轻微 — the most severe harm
// 《行政处罚法》第三十三条第一款 "初次违法且危害后果轻微并及时改正的，可以不予行政
// 处罚" admits.
type chkHarmScale struct {
	fact  *catalog.Fact
	order catalog.EnumValues
	// slight is the index in order of the value meaning 危害后果轻微.
	slight int
	// how says how slight was found, for messages.
	how *catalog.Phrase
}

// harmScale reads the severity order of a harm fact and finds its 轻微
// value.
//
// The order is the declared one: values are listed mildest first, and
// aggravates: lower reverses that (the first value is the most severe).
// The format has no field that marks the 轻微 value, so it is found, in
// this order:
//
//  1. [Options.SlightHarm], which names it per fact;
//  2. the most severe value named minor or slight (the names docs/catalog.md
//     uses);
//  3. the most severe value whose label says 轻微 without negating it
//     (不轻微, 非轻微);
//  4. otherwise none is known, and only the most severe value of the scale
//     is taken to be above 轻微: a scale of two or more values whose top
//     says nothing of 轻微 is never 危害后果轻微 at its top.
func (ck *checker) harmScale(hf *catalog.Fact) chkHarmScale {
	order := slices.Clone(hf.Values)
	if hf.Aggravates == "lower" {
		slices.Reverse(order)
	}
	s := chkHarmScale{fact: hf, order: order, slight: -1}
	if name, ok := ck.opts.SlightHarm[hf.Name]; ok {
		if i := order.Index(name); i >= 0 {
			s.slight, s.how = i, messagesZh.P("Options.SlightHarm")
			return s
		}
	}
	for i, v := range order {
		if v.Name == "minor" || v.Name == "slight" {
			s.slight, s.how = i, messagesZh.P("its name")
		}
	}
	if s.slight >= 0 {
		return s
	}
	for i, v := range order {
		if chkSaysSlight(v.Label) {
			s.slight, s.how = i, messagesZh.P("its label")
		}
	}
	if s.slight < 0 {
		s.slight, s.how = len(order)-2, nil
	}
	return s
}

// chkSaysSlight reports whether a label says 轻微 without negating it.
func chkSaysSlight(label string) bool {
	i := strings.Index(label, "轻微")
	if i < 0 {
		return false
	}
	before := label[:i]
	return !strings.HasSuffix(before, "不") && !strings.HasSuffix(before, "非")
}

// aboveText says, in a message, that a rule admits the values listed,
// which are above the scale's 轻微 value.
// joinOr joins values of which any one is meant.
func joinOr(xs []string) any {
	if len(xs) == 0 {
		return ""
	}
	var out any = xs[0]
	for _, x := range xs[1:] {
		out = messagesZh.P("%s or %s", out, x)
	}
	return out
}

func (s chkHarmScale) aboveText(admitted []string) *catalog.Phrase {
	if s.how == nil {
		return messagesZh.P("%s is %s, the most severe value of its scale (no value of %s is known to mean 危害后果轻微: name it minor, say 轻微 in its label or set Options.SlightHarm)",
			s.fact.Name, joinOr(admitted), s.fact.Name)
	}
	v := s.order[s.slight]
	return messagesZh.P("%s is %s, more severe than %s (%s), the value that means 危害后果轻微 (found by %s)", s.fact.Name, joinOr(admitted), v.Name, v.Label, s.how)
}

// slightHarmOptions reports an Options.SlightHarm entry that names no enum
// fact of the catalog or no value of it: a setting that would otherwise be
// ignored without a word.
func (ck *checker) slightHarmOptions() {
	names := make([]string, 0, len(ck.opts.SlightHarm))
	for name := range ck.opts.SlightHarm {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		value := ck.opts.SlightHarm[name]
		var facts []*catalog.Fact
		for _, f := range ck.cat.Facts {
			if f.Name == name && f.Type == catalog.FactEnum {
				facts = append(facts, f)
			}
		}
		for _, it := range ck.cat.Items {
			for _, f := range it.Facts {
				if f.Name == name && f.Type == catalog.FactEnum {
					facts = append(facts, f)
				}
			}
		}
		if len(facts) == 0 {
			ck.add(finding(ck.cat.Pos, CodeFirstOffense, SeverityError, MethodStatic,
				"Options.SlightHarm names fact %s, which the catalog does not declare as an enum: the 危害后果轻微 value it sets is not applied", name))
			continue
		}
		for _, f := range facts {
			if f.Values.Index(value) < 0 {
				ck.add(finding(f.Pos, CodeFirstOffense, SeverityError, MethodStatic,
					"Options.SlightHarm names %q as the 危害后果轻微 value of %s, which has no such value", value, name))
			}
		}
	}
}
