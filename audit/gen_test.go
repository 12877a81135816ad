package audit_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/audit"
	"github.com/jizhun/jizhun/audit/gen"
	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/examples"
)

func countyEngine(t testing.TB) *discretion.Engine {
	t.Helper()
	cat, err := catalog.Load(examples.CountyFile, examples.County())
	if err != nil {
		t.Fatal(err)
	}
	eng, err := discretion.Compile(cat)
	if err != nil {
		t.Fatal(err)
	}
	return eng
}

func bytesSource(name string, data []byte) audit.Source {
	return audit.Source{Name: name, Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }}
}

// generated is a data set of n records with its mapping, written in the
// given form.
func generated(t testing.TB, eng *discretion.Engine, n int, form string) (*gen.Dataset, *audit.Mapping, audit.Source) {
	t.Helper()
	ds, err := gen.Generate(eng, gen.Options{Records: n, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	m, err := audit.ParseMapping("mapping.yaml", []byte(ds.Mapping()))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	name := "records.csv"
	switch form {
	case "csv":
		err = ds.WriteCSV(&buf, false)
	case "gb18030":
		err = ds.WriteCSV(&buf, true)
	case "ndjson":
		err, name = ds.WriteNDJSON(&buf), "records.ndjson"
	}
	if err != nil {
		t.Fatal(err)
	}
	return ds, m, bytesSource(name, buf.Bytes())
}

// TestPlantedDefectsFoundAndNothingElse: every defect the generator plants
// is found with its kind, and no other record is flagged, in every input
// form.
func TestPlantedDefectsFoundAndNothingElse(t *testing.T) {
	eng := countyEngine(t)
	for _, form := range []string{"csv", "gb18030", "ndjson"} {
		t.Run(form, func(t *testing.T) {
			ds, m, src := generated(t, eng, 2000, form)
			a, err := audit.New(m, eng)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := a.Run(context.Background(), src, nil)
			if err != nil {
				t.Fatal(err)
			}
			firstLine := 2 // CSV: the header is line 1
			if form == "ndjson" {
				firstLine = 1
			}
			got := map[int][]audit.Kind{}
			for _, f := range rep.Findings {
				got[f.Line-firstLine] = append(got[f.Line-firstLine], f.Kind)
				if f.Rule == "" || f.Message == "" {
					t.Errorf("line %d: %s without rule or message", f.Line, f.Kind)
				}
				if f.Decision == nil && f.Kind != audit.MalformedRecord && f.Kind != audit.Undecidable && f.Kind != audit.DuplicateCaseNumber {
					t.Errorf("line %d: %s carries no re-decision", f.Line, f.Kind)
				}
			}
			planted := map[audit.Kind]int{}
			for row, kinds := range ds.Planted {
				for _, k := range kinds {
					planted[k]++
				}
				if fmt.Sprint(got[row]) != fmt.Sprint(kinds) {
					t.Errorf("row %d (line %d): planted %v, found %v", row, row+firstLine, kinds, got[row])
				}
			}
			var extra []string
			for row, kinds := range got {
				if _, ok := ds.Planted[row]; !ok {
					extra = append(extra, fmt.Sprintf("line %d: %v", row+firstLine, kinds))
				}
			}
			sort.Strings(extra)
			if len(extra) > 0 {
				t.Errorf("%d records flagged that were not planted:\n%s", len(extra), strings.Join(extra[:min(len(extra), 20)], "\n"))
			}
			for _, k := range audit.Kinds {
				if planted[k] == 0 {
					t.Errorf("no %s planted", k)
				}
			}
			if rep.Summary.Records != len(ds.Rows) {
				t.Errorf("summary counts %d records, want %d", rep.Summary.Records, len(ds.Rows))
			}
			t.Logf("%d records, planted %v", len(ds.Rows), planted)
		})
	}
}

// TestReportDeterministic: records are audited on several goroutines, and
// two audits of the same export still give byte-identical reports.
func TestReportDeterministic(t *testing.T) {
	eng := countyEngine(t)
	_, m, src := generated(t, eng, 2000, "csv")
	a, _ := audit.New(m, eng)
	var out [2]bytes.Buffer
	for i := range out {
		rep, err := a.Run(context.Background(), src, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := rep.WriteJSON(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Error("two audits of the same records differ")
	}
}

// TestCancelled: an audit whose context ends stops with the context's
// error, without hanging.
func TestCancelled(t *testing.T) {
	eng := countyEngine(t)
	_, m, src := generated(t, eng, 2000, "csv")
	a, _ := audit.New(m, eng)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := a.Run(ctx, src, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
