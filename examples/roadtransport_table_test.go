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
	item    string   // the catalog item that carries this half
	when    string   // 违法所得2万元以上的 / 没有违法所得或违法所得不足2万元的, verbatim
	gains   []string // bounds of when on the illegal gains, in yuan
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

const (
	gainsItem   = "DLYS-01-1"
	noGainsItem = "DLYS-01-2"
)

// firstMatchMarker is what the table adds to a row whose published wording
// also covers cases that rows above it take (selection: first).
const firstMatchMarker = "<br>（不符合前列情形的）"

func gainsHalf(penalty string, fine ...string) transportHalf {
	return transportHalf{gainsItem, "违法所得2万元以上的", []string{">=20000"}, penalty, fine}
}

func noGainsHalf(when, penalty string, fine ...string) transportHalf {
	return transportHalf{noGainsItem, when, []string{"<20000"}, penalty, fine}
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
// rows of 序号1 and each of its two ranges, the circumstance (verbatim with the
// hand wording; as the count of prior cases with the rendered rules), the
// case the range applies to (the item's 处罚前提) and the penalty's bounds,
// multiples and fixed amounts alike. The published row is one row with two
// ranges; the table prints it as one row in each of two items (issue 11
// point 2).
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
			if got := bounds(t, h.when); !slices.Equal(got, sorted(h.gains)) {
				t.Errorf("transcription of %q: %v, the words say %v", h.when, h.gains, got)
			}
		}
	}
	for _, w := range []struct {
		name    string
		wording standards.Wording
	}{{"hand", standards.WordingHand}, {"rendered", standards.WordingRendered}} {
		rows := benchmarkTable(t, cat, w.wording)
		if want := 2 * len(roadTransportRows); len(rows) != want {
			t.Errorf("%s: the table has %d grade rows, the standard %d rows of two ranges each", w.name, len(rows), len(roadTransportRows))
		}
		// The item's 处罚前提 is printed in the 备注 of its first row.
		precondition := map[string]string{}
		for _, r := range rows {
			if _, seen := precondition[r.item]; !seen {
				for _, part := range strings.Split(r.remarks, "<br>") {
					if p, ok := strings.CutPrefix(part, "处罚前提："); ok {
						precondition[r.item] = p
					}
				}
			}
		}
		for _, pub := range roadTransportRows {
			for _, h := range pub.halves {
				t.Run(w.name+"/"+pub.label+"/"+h.item, func(t *testing.T) {
					i := slices.IndexFunc(rows, func(r tableRow) bool { return r.item == h.item && r.label == pub.label })
					if i < 0 {
						t.Fatalf("no row 违法程度 %s for item %s in the table", pub.label, h.item)
					}
					row := rows[i]
					cond := strings.TrimSuffix(row.cond, firstMatchMarker)
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
					if strings.HasPrefix(h.penalty, "没收违法所得") != strings.Contains(row.fine, "没收违法所得") {
						t.Errorf("penalty %q and published %q differ on 没收违法所得", row.fine, h.penalty)
					}
					p, ok := precondition[h.item]
					if !ok {
						t.Fatalf("item %s: the table states no 处罚前提 for the range", h.item)
					}
					if got := bounds(t, p); !slices.Equal(got, sorted(h.gains)) {
						t.Errorf("item %s applies to %q: %v, published %q: %v", h.item, p, got, h.when, h.gains)
					}
				})
			}
		}
	}
}
