package examples_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/standards"
)

// transportHalf is one of the two ranges a published row of
// 《道路运输违法违规行为行政处罚具体裁量标准（试行）》序号1 states, as it was read
// (examples/roadtransport/catalog.yaml quotes the copy and its address): the
// case it applies to, its penalty, and the bounds of that penalty transcribed
// by hand ("倍数" for multiples of the illegal gains, "" for yuan).
type transportHalf struct {
	gains   bool     // the half for 违法所得2万元以上的 (the range gains)
	when    string   // 违法所得2万元以上的 / 没有违法所得或违法所得不足2万元的, verbatim
	bounds  []string // bounds of when on the illegal gains, in yuan
	penalty string   // verbatim
	fine    []string // bounds of penalty
}

// transportRow is one published row: 违法程度, the circumstance verbatim, the
// number of prior cases it means (初次 = none before this one, 第二次 = one,
// 三次以上 = two or more: "以上" includes the number), and its two halves.
type transportRow struct {
	label, circs string
	priors       []string
	halves       [2]transportHalf
}

const transportItem = "DLYS-01"

// firstMatchMarker is what the table adds to a row whose published wording
// also covers cases that rows above it take (selection: first).
const firstMatchMarker = "<br>（不符合前列情形的）"

// The table prints the range a grade cuts above its condition: the range's
// words for the multiples, for the fine's own amount the negation of
// their rule (违法所得不足2万元: "没有违法所得" is 0 yuan, within it).
const (
	gainsRange   = "【违法所得2万元以上的】<br>"
	noGainsRange = "【违法所得不足2万元的】<br>"
)

func gainsHalf(penalty string, fine ...string) transportHalf {
	return transportHalf{true, "违法所得2万元以上的", []string{">=20000"}, penalty, fine}
}

func noGainsHalf(when, penalty string, fine ...string) transportHalf {
	return transportHalf{false, when, []string{"<20000"}, penalty, fine}
}

var roadTransportRows = []transportRow{
	{"轻微", "初次被查处的", []string{"次数=0"}, [2]transportHalf{
		gainsHalf("没收违法所得,处违法所得2倍的罚款", "倍数=2"),
		noGainsHalf("没有违法所得或违法所得不足2万元的", "处3万元的罚款", "=30000")}},
	{"一般", "第二次被查处的", []string{"次数=1"}, [2]transportHalf{
		gainsHalf("没收违法所得,处违法所得2倍以上5倍以下的罚款", "倍数>=2", "倍数<=5"),
		noGainsHalf("没有违法所得或者违法所得不足2万元的", "处4万元的罚款", "=40000")}},
	{"较重", "第三次被查处的", []string{"次数=2"}, [2]transportHalf{
		gainsHalf("没收违法所得,处违法所得5倍以上8倍以下的罚款", "倍数>=5", "倍数<=8"),
		noGainsHalf("没有违法所得或者违法所得不足2万元的", "处5万元的罚款", "=50000")}},
	{"严重", "三次以上被查处的", []string{"次数>=2"}, [2]transportHalf{
		gainsHalf("没收违法所得,处违法所得8倍以上10倍以下的罚款", "倍数>=8", "倍数<=10"),
		noGainsHalf("没有违法所得或者违法所得不足2万元的", "处10万元的罚款", "=100000")}},
}

// TestRoadTransportTableReproducesPublishedRows checks that the published
// table generated from examples/roadtransport states, for each of the four
// rows of 序号1 and each of its two ranges, the range (【违法所得2万元以上的】
// and its negation), the circumstance (verbatim with the hand wording; as
// the count of prior cases with the rendered rules) and the penalty's
// bounds, multiples and fixed amounts alike; and that the 备注 states the
// clause's two ranges. The published row is one row with two ranges; the
// table prints it as two rows of one item, one per statutory range.
func TestRoadTransportTableReproducesPublishedRows(t *testing.T) {
	cat, err := catalog.LoadFile(filepath.Join("roadtransport", "catalog.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	// The transcriptions above are checked against the published words first.
	for _, pub := range roadTransportRows {
		for _, h := range pub.halves {
			if got := bounds(t, h.penalty); !slices.Equal(got, sorted(h.fine)) {
				t.Errorf("transcription of %q: %v, the words say %v", h.penalty, h.fine, got)
			}
			if got := bounds(t, h.when); !slices.Equal(got, sorted(h.bounds)) {
				t.Errorf("transcription of %q: %v, the words say %v", h.when, h.bounds, got)
			}
		}
	}
	if got := bounds(t, gainsRange); !slices.Equal(got, []string{">=20000"}) {
		t.Fatalf("range %q: %v", gainsRange, got)
	}
	for _, w := range []struct {
		name    string
		wording standards.Wording
	}{{"hand", standards.WordingHand}, {"rendered", standards.WordingRendered}} {
		rows := benchmarkTable(t, cat, w.wording)
		if want := 2 * len(roadTransportRows); len(rows) != want {
			t.Errorf("%s: the table has %d grade rows, the standard %d rows of two ranges each", w.name, len(rows), len(roadTransportRows))
		}
		for _, r := range rows {
			if r.item != transportItem {
				t.Errorf("%s: row of item %s; the published item is one item, %s", w.name, r.item, transportItem)
			}
		}
		// The 备注 of the item's first row states the clause's two ranges.
		if len(rows) > 0 {
			const clause = "法定罚款：处3万元以上10万元以下罚款；违法所得2万元以上的，处违法所得2倍以上10倍以下罚款"
			if !strings.Contains(rows[0].remarks, clause) {
				t.Errorf("%s: 备注 %q does not state %q", w.name, rows[0].remarks, clause)
			}
		}
		for _, pub := range roadTransportRows {
			for _, h := range pub.halves {
				prefix := noGainsRange
				if h.gains {
					prefix = gainsRange
				}
				t.Run(w.name+"/"+pub.label+"/"+h.when, func(t *testing.T) {
					i := slices.IndexFunc(rows, func(r tableRow) bool {
						return r.label == pub.label && strings.HasPrefix(r.cond, prefix)
					})
					if i < 0 {
						t.Fatalf("no row 违法程度 %s under %s in the table", pub.label, prefix)
					}
					row := rows[i]
					cond := strings.TrimSuffix(strings.TrimPrefix(row.cond, prefix), firstMatchMarker)
					if w.wording == standards.WordingHand && cond != pub.circs {
						t.Errorf("情形: table %q, published %q", cond, pub.circs)
					}
					if w.wording == standards.WordingRendered {
						if got := bounds(t, cond); !slices.Equal(got, sorted(pub.priors)) {
							t.Errorf("prior cases in %q: %v, published %v (%s)", cond, got, pub.priors, pub.circs)
						}
					}
					if got := bounds(t, row.fine); !slices.Equal(got, sorted(h.fine)) {
						t.Errorf("penalty %q: %v, published %v (%s)", row.fine, got, h.fine, h.penalty)
					}
				})
			}
		}
	}
}
