package audit

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"sort"

	"github.com/jizhun/jizhun/discretion"
)

// Schema names the version of the audit JSON report.
const Schema = "jizhun-audit/v1"

// Report is the result of an audit. Its JSON form (WriteJSON) is a stable
// contract, documented in docs/audit.md.
type Report struct {
	Schema   string       `json:"schema"`
	Source   string       `json:"source"`
	Catalogs []CatalogRef `json:"catalogs"`
	Rules    Rules        `json:"rules"`
	Summary  Summary      `json:"summary"`
	// Findings are ordered by the record's line, then by kind.
	Findings []Finding `json:"findings"`
	// Groups are the cases compared with each other, by item, grade and
	// outcome.
	Groups []Group `json:"groups"`
}

// CatalogRef names a catalog the audit decided against.
type CatalogRef struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Version   string `json:"version,omitempty"`
	Effective string `json:"effective"`
	Expires   string `json:"expires,omitempty"`
	Digest    string `json:"digest"`
}

// Rules states the consistency rules the report applied.
type Rules struct {
	OutlierIQR         float64 `json:"outlier_iqr"`
	OutlierMinDistance float64 `json:"outlier_min_distance"`
	OutlierMinGroup    int     `json:"outlier_min_group"`
	SameFactsSpread    float64 `json:"same_facts_spread"`
}

// Summary counts the records and the findings.
type Summary struct {
	Records int `json:"records"`
	// Decided records were re-decided; Consistent ones have no finding;
	// Flagged ones have at least one.
	Decided    int `json:"decided"`
	Consistent int `json:"consistent"`
	Flagged    int `json:"flagged"`
	// ByKind counts findings by kind; ByMonth counts them by the month of
	// the decision ("" for a record without a readable decision date).
	ByKind  map[Kind]int            `json:"by_kind"`
	ByMonth map[string]map[Kind]int `json:"by_month"`
}

// Group is one set of comparable cases: the same item, grade and outcome.
// Fines are in yuan; positions are the fine's place in the re-decided
// range, 0 at its minimum and 1 at its maximum.
type Group struct {
	Item       string             `json:"item"`
	ItemName   string             `json:"item_name"`
	Grade      string             `json:"grade"`
	GradeLabel string             `json:"grade_label"`
	Outcome    discretion.Outcome `json:"outcome"`
	Cases      int                `json:"cases"`
	// RangeMin and RangeMax are the re-decided range where every case of
	// the group has the same one (absent where it depends on the case,
	// e.g. a multiple of illegal gains).
	RangeMin *float64 `json:"range_min,omitempty"`
	RangeMax *float64 `json:"range_max,omitempty"`
	Fines    Box      `json:"fines"`
	// Positions summarises the fines' positions in their ranges (of the
	// cases whose range is at least OutlierMinWidth wide); absent when
	// there are none.
	Positions *Box `json:"positions,omitempty"`
	// Tested is whether the group was large enough for the outlier test;
	// LowFence and HighFence are then its fences, as positions.
	Tested    bool    `json:"tested"`
	LowFence  float64 `json:"low_fence,omitempty"`
	HighFence float64 `json:"high_fence,omitempty"`
	Outliers  []int   `json:"outliers,omitempty"` // lines
}

// Box is the five-number summary of a group's fines.
type Box struct {
	Min    float64 `json:"min"`
	Q1     float64 `json:"q1"`
	Median float64 `json:"median"`
	Q3     float64 `json:"q3"`
	Max    float64 `json:"max"`
}

func newReport(source string, engines []*discretion.Engine) *Report {
	r := &Report{Schema: Schema, Source: source,
		Rules:    Rules{OutlierIQR: OutlierIQR, OutlierMinDistance: OutlierMinDistance, OutlierMinGroup: OutlierMinGroup, SameFactsSpread: SameFactsSpread},
		Summary:  Summary{ByKind: map[Kind]int{}, ByMonth: map[string]map[Kind]int{}},
		Findings: []Finding{}, Groups: []Group{}}
	for _, e := range engines {
		cat := e.Catalog()
		ref := CatalogRef{ID: cat.ID, Title: cat.Title, Version: cat.Version, Effective: cat.Effective.String(), Digest: cat.Digest}
		if cat.Expires != nil {
			ref.Expires = cat.Expires.String()
		}
		r.Catalogs = append(r.Catalogs, ref)
	}
	return r
}

// add files the findings of one record.
func (r *Report) add(rec *record, d *discretion.Decision, fs []Finding) {
	if len(fs) == 0 {
		return
	}
	for i := range fs {
		f := &fs[i]
		f.Line, f.CaseNumber, f.Item, f.Month = rec.line, rec.caseNumber, rec.c.Item, month(string(rec.c.DecisionDate))
		f.Title = f.Kind.Label()
		if d != nil {
			im := rec.imposed
			f.Imposed = &im
		}
		r.Findings = append(r.Findings, *f)
	}
}

func (r *Report) addLater(f Finding) {
	f.Title = f.Kind.Label()
	r.Findings = append(r.Findings, f)
}

// finish orders the findings, counts them and summarises the groups.
func (r *Report) finish(c *consistency) {
	order := map[Kind]int{}
	for i, k := range Kinds {
		order[k] = i
	}
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return order[a.Kind] < order[b.Kind]
	})
	flagged := map[int]bool{}
	for _, f := range r.Findings {
		flagged[f.Line] = true
		r.Summary.ByKind[f.Kind]++
		m := r.Summary.ByMonth[f.Month]
		if m == nil {
			m = map[Kind]int{}
			r.Summary.ByMonth[f.Month] = m
		}
		m[f.Kind]++
	}
	r.Summary.Flagged = len(flagged)
	r.Summary.Consistent = r.Summary.Records - r.Summary.Flagged
	for _, k := range c.sortedKeys() {
		g := c.groups[k]
		fines := make([]float64, len(g.points))
		var pos []float64
		for i, p := range g.points {
			fines[i] = p.fine
			if !math.IsNaN(p.pos) {
				pos = append(pos, p.pos)
			}
		}
		sort.Float64s(fines)
		sort.Float64s(pos)
		out := Group{Item: k.item, ItemName: g.itemName, Grade: k.grade, GradeLabel: g.gradeLabel, Outcome: k.outcome,
			Cases: len(fines), Tested: g.tested, Outliers: g.outliers,
			Fines: Box{Min: fines[0], Q1: quantile(fines, 0.25), Median: quantile(fines, 0.5), Q3: quantile(fines, 0.75), Max: fines[len(fines)-1]}}
		if len(pos) > 0 {
			out.Positions = &Box{Min: round4(pos[0]), Q1: round4(quantile(pos, 0.25)), Median: round4(quantile(pos, 0.5)),
				Q3: round4(quantile(pos, 0.75)), Max: round4(pos[len(pos)-1])}
		}
		if g.tested {
			out.LowFence, out.HighFence = round4(g.lowFence), round4(g.highFence)
		}
		if g.constantRange {
			lo, hi := g.rangeMin, g.rangeMax
			out.RangeMin, out.RangeMax = &lo, &hi
		}
		r.Groups = append(r.Groups, out)
	}
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// WriteJSON writes the report as indented JSON. Equal audits give
// byte-identical output.
func (r *Report) WriteJSON(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
