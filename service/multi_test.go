package service

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/examples"
)

// With several catalogs, a case goes to the one named, else to the only one
// that has its items; two catalogs with the case's items need a name.
func TestMultipleCatalogs_route_each_case(t *testing.T) {
	twin := filepath.Join(t.TempDir(), "twin.yaml")
	data := bytes.Replace(examples.County(), []byte("id: example-county-chengguan"), []byte("id: twin-county"), 1)
	os.WriteFile(twin, data, 0o644)
	valid := readFile(t, "../examples/county/cases/bbq_one_stove.json")
	decide := func(a *api, query string, body []byte) (int, []byte) {
		rec := a.do(t, request{method: "POST", path: "/v1/decisions" + query, contentType: "application/json", body: body})
		return rec.Code, rec.Body.Bytes()
	}

	a := newAPI(t, Config{Catalogs: []string{"", "../examples/starter/catalog.yaml"}})
	if code, body := decide(a, "", valid); code != 200 || !bytes.Contains(body, []byte(`"id": "example-county-chengguan"`)) {
		t.Fatalf("by item: %d %s", code, clip(body))
	}
	foreign := bytes.Replace(valid, []byte("330199ZF028"), []byte("NOWHERE"), 1)
	if code, body := decide(a, "", foreign); code != 422 || decodeProblem(t, body).Code != CodeUnknownItem {
		t.Fatalf("item in no catalog: %d %s", code, body)
	}

	b := newAPI(t, Config{Catalogs: []string{"", twin}})
	if code, body := decide(b, "", valid); code != 422 || decodeProblem(t, body).Code != CodeAmbiguousCatalog {
		t.Fatalf("item in two catalogs: %d %s", code, body)
	}
	if code, body := decide(b, "?catalog=twin-county", valid); code != 200 || !bytes.Contains(body, []byte(`"id": "twin-county"`)) {
		t.Fatalf("named: %d %s", code, clip(body))
	}
	rec := b.do(t, request{method: "GET", path: "/v1/catalogs"})
	var list struct{ Catalogs []CatalogInfo }
	json.Unmarshal(rec.Body.Bytes(), &list)
	if len(list.Catalogs) != 2 || list.Catalogs[1].ID != "twin-county" || list.Catalogs[0].Digest == list.Catalogs[1].Digest {
		t.Fatalf("catalogs %s", rec.Body)
	}

	if _, err := New(Config{Catalogs: []string{"", ""}}); err == nil || !strings.Contains(err.Error(), "also the id of") {
		t.Fatalf("two catalogs with one id: %v", err)
	}
}

// A panic while deciding a batch record — outside the handler's recover,
// in a worker — answers that record with an internal problem; the batch
// and the process go on.
func TestBatch_panic_in_a_worker_ends_only_its_record(t *testing.T) {
	broken := &Set{engines: []*discretion.Engine{nil}, byID: map[string]*discretion.Engine{"x": nil}}
	valid := compactJSON(t, readFile(t, "../examples/county/cases/bbq_one_stove.json"))
	in := bytes.Repeat(append(valid, '\n'), 3)
	var out bytes.Buffer
	var panics atomic.Int64
	sum, err := DecideStream(context.Background(), broken, bytes.NewReader(in), &out, BatchOptions{
		Panicked: func(int, any, []byte) { panics.Add(1) },
	})
	if err != nil || sum.Records != 3 || sum.Failed != 3 || panics.Load() != 3 {
		t.Fatalf("%+v %v, %d panics", sum, err, panics.Load())
	}
	for _, e := range entries(t, out.Bytes(), true) {
		if e.Error == nil || e.Error.Code != CodeInternal {
			t.Fatalf("entry %+v", e)
		}
	}
}
