package audit

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// The documented rules of the consistency analysis (类案同罚), docs/audit.md.
const (
	// OutlierIQR: a fine is an outlier when its position in the grade's
	// range lies more than 1.5 interquartile ranges below the first or
	// above the third quartile of its group (Tukey's fences) …
	OutlierIQR = 1.5
	// … and at least a tenth of the range from the group's median, so that
	// a group that always fines the same amount does not make a small
	// departure an outlier.
	OutlierMinDistance = 0.1
	// OutlierMinGroup: groups with fewer fines are not tested; quartiles of
	// a handful of cases say nothing.
	OutlierMinGroup = 8
	// OutlierMinWidth: fines in a range narrower than this many yuan are
	// not placed in it for either comparison: whole-yuan amounts in a range
	// of a few yuan make any spread look large.
	OutlierMinWidth = 100
	// SameFactsSpread: cases with the same facts and the same re-decision
	// whose fines lie further apart than half the range are reported.
	SameFactsSpread = 0.5
)

// groupKey is what makes cases comparable: the item, the grade the
// standard puts them in and the outcome after the circumstances (从轻,
// 一般, 从重, 减轻).
type groupKey struct {
	item, grade string
	outcome     discretion.Outcome
}

// point is one fine imposed, where it sits in the re-decided range.
type point struct {
	line       int
	caseNumber string
	month      string
	fine       float64
	min, max   float64
	pos        float64 // (fine − min) / (max − min); NaN for a one-amount range
}

type group struct {
	key                  groupKey
	itemName, gradeLabel string
	points               []point
	rangeMin, rangeMax   float64
	constantRange        bool
	statMin, statMax     float64
	lowFence, highFence  float64
	outliers             []int
	tested               bool
}

type consistency struct {
	groups map[groupKey]*group
	// keys and keyLines are the same-facts keys of the placed points, by
	// line; the groups are formed after the outlier test, without the
	// outliers.
	keys     [][16]byte
	keyLines []int
}

func newConsistency() *consistency {
	return &consistency{groups: map[groupKey]*group{}}
}

// add records a consistent record that was fined.
func (c *consistency) add(rec *record, d *discretion.Decision, cat *catalog.Catalog) {
	if !rec.imposed.Penalized || rec.imposed.Fine == nil || d.Fine == nil {
		return
	}
	k := groupKey{item: d.Item, grade: d.Grade, outcome: d.Outcome}
	g := c.groups[k]
	fine, _ := rec.imposed.Fine.Float64()
	lo, _ := d.Fine.Min.Float64()
	hi, _ := d.Fine.Max.Float64()
	if g == nil {
		g = &group{key: k, itemName: d.ItemName, gradeLabel: d.GradeLabel, rangeMin: lo, rangeMax: hi, constantRange: true}
		c.groups[k] = g
	}
	if lo != g.rangeMin || hi != g.rangeMax {
		g.constantRange = false
	}
	p := point{line: rec.line, caseNumber: rec.caseNumber, month: month(string(rec.c.DecisionDate)), fine: fine, min: lo, max: hi, pos: math.NaN()}
	if hi-lo >= OutlierMinWidth {
		p.pos = (fine - lo) / (hi - lo)
	}
	g.points = append(g.points, p)
	if !math.IsNaN(p.pos) {
		c.keys = append(c.keys, sameFactsKey(rec, d, cat))
		c.keyLines = append(c.keyLines, rec.line)
	}
}

// sameFactsKey identifies cases with the same item, party type, facts and
// re-decision (outcome, grade, reason and range).
func sameFactsKey(rec *record, d *discretion.Decision, cat *catalog.Catalog) [16]byte {
	var b strings.Builder
	for _, s := range []string{d.Item, string(cat.MapParty(rec.c.Party.Type)), string(d.Outcome), d.Grade, string(d.Reason), d.Fine.Min.String(), d.Fine.Max.String()} {
		b.WriteString(s)
		b.WriteByte('|')
	}
	for _, name := range sortedKeys(rec.c.Facts) {
		b.WriteString(name)
		b.WriteByte('=')
		// The values are as the builder made them: a bool, a json.Number
		// in canonical decimal form, or a string.
		switch v := rec.c.Facts[name].(type) {
		case bool:
			b.WriteString(strconv.FormatBool(v))
		case json.Number:
			b.WriteString("n:" + string(v))
		case string:
			b.WriteString(strconv.Quote(v))
		}
		b.WriteByte('|')
	}
	sum := sha256.Sum256([]byte(b.String()))
	var k [16]byte
	copy(k[:], sum[:])
	return k
}

// quantile is the q-th quantile of sorted xs, by linear interpolation
// between order statistics (the default of R and NumPy).
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	h := q * float64(len(xs)-1)
	i := int(math.Floor(h))
	if i+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	return xs[i] + (h-float64(i))*(xs[i+1]-xs[i])
}

// findings runs the outlier test on every group and the same-facts
// comparison, and returns their findings (without the re-decisions, which
// Run attaches).
func (c *consistency) findings() []Finding {
	var out []Finding
	for _, k := range c.sortedKeys() {
		g := c.groups[k]
		var pos []float64
		for _, p := range g.points {
			if !math.IsNaN(p.pos) {
				pos = append(pos, p.pos)
			}
		}
		if len(pos) < OutlierMinGroup {
			continue
		}
		g.tested = true
		sort.Float64s(pos)
		q1, med, q3 := quantile(pos, 0.25), quantile(pos, 0.5), quantile(pos, 0.75)
		lo, hi := q1-OutlierIQR*(q3-q1), q3+OutlierIQR*(q3-q1)
		for _, p := range g.points {
			if math.IsNaN(p.pos) || (p.pos >= lo && p.pos <= hi) || math.Abs(p.pos-med) < OutlierMinDistance {
				continue
			}
			g.outliers = append(g.outliers, p.line)
			where := "高于"
			if p.pos < lo {
				where = "低于"
			}
			out = append(out, Finding{Line: p.line, CaseNumber: p.caseNumber, Item: k.item, Kind: FineOutlier, Month: p.month,
				Rule: "类案同罚：同一事项、同一裁量档次和情节的案件罚款离群（四分位距1.5倍规则）；《中华人民共和国行政处罚法》第五条第二款",
				Message: fmt.Sprintf("罚款 %s 元，位于裁量幅度的 %.0f%%，%s同类 %d 件案件的正常范围（幅度的 %.0f%% 至 %.0f%%，中位数 %.0f%%）",
					yuan(p.fine), 100*p.pos, where, len(pos), 100*math.Max(lo, 0), 100*math.Min(hi, 1), 100*med)})
		}
		g.lowFence, g.highFence = lo, hi
	}
	// Same facts, same re-decision, fines far apart: report the two cases
	// furthest apart, each naming the other. An outlier is already
	// reported and is left out.
	outlier := map[int]bool{}
	for _, f := range out {
		outlier[f.Line] = true
	}
	keyOf := make(map[int][16]byte, len(c.keys))
	for i, line := range c.keyLines {
		keyOf[line] = c.keys[i]
	}
	sameFacts := map[[16]byte][]point{}
	sfItem := map[[16]byte]string{}
	var order [][16]byte
	for _, k := range c.sortedKeys() {
		for _, p := range c.groups[k].points {
			key, ok := keyOf[p.line]
			if !ok || outlier[p.line] {
				continue
			}
			if sameFacts[key] == nil {
				order = append(order, key)
			}
			sameFacts[key] = append(sameFacts[key], p)
			sfItem[key] = k.item
		}
	}
	for _, k := range order {
		ps := sameFacts[k]
		if len(ps) < 2 {
			continue
		}
		lo, hi := ps[0], ps[0]
		for _, p := range ps[1:] {
			if p.pos < lo.pos {
				lo = p
			}
			if p.pos > hi.pos {
				hi = p
			}
		}
		if hi.pos-lo.pos <= SameFactsSpread {
			continue
		}
		for _, pair := range [][2]point{{lo, hi}, {hi, lo}} {
			p, q := pair[0], pair[1]
			out = append(out, Finding{Line: p.line, CaseNumber: p.caseNumber, Item: sfItem[k], Kind: SameFactsDifferentOutcome, Month: p.month,
				Rule: "类案同罚：事实、情节相同的案件处罚应当基本一致；《中华人民共和国行政处罚法》第五条第二款",
				Message: fmt.Sprintf("与第 %d 行（案号 %s）事实、情节和复核结论相同（共 %d 件），本案罚款 %s 元，该案罚款 %s 元，相差超过裁量幅度的一半",
					q.line, q.caseNumber, len(ps), yuan(p.fine), yuan(q.fine))})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Line < out[j].Line })
	return out
}

func (c *consistency) sortedKeys() []groupKey {
	keys := make([]groupKey, 0, len(c.groups))
	for k := range c.groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.item != b.item {
			return a.item < b.item
		}
		if a.grade != b.grade {
			return a.grade < b.grade
		}
		return a.outcome.Severity() < b.outcome.Severity()
	})
	return keys
}

func yuan(f float64) string {
	if f == math.Trunc(f) {
		return fmt.Sprintf("%.0f", f)
	}
	return fmt.Sprintf("%.2f", f)
}

func month(date string) string {
	if len(date) >= 7 {
		return date[:7]
	}
	return ""
}
