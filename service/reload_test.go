package service

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/examples"
	"github.com/jizhun/jizhun/standards"
)

// writeCatalog writes the bundled catalog with another title, which gives
// it another digest.
func writeCatalog(t *testing.T, path, title string) {
	t.Helper()
	data := bytes.Replace(examples.County(), []byte("title: 示例县城市管理领域行政处罚裁量基准（示例）"), []byte("title: "+title), 1)
	if bytes.Equal(data, examples.County()) {
		t.Fatal("title line not found in the bundled catalog")
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil { // as deployment tools replace files
		t.Fatal(err)
	}
}

func decidedDigest(t *testing.T, a *api) string {
	t.Helper()
	rec := a.do(t, request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: readFile(t, "../examples/county/cases/bbq_one_stove.json")})
	if rec.Code != 200 {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	var d struct{ Catalog struct{ Digest string } }
	json.Unmarshal(rec.Body.Bytes(), &d)
	return d.Catalog.Digest
}

func TestReload_swaps_on_success_and_keeps_old_catalog_on_failure(t *testing.T) {
	path := filepath.Join(t.TempDir(), "catalog.yaml")
	writeCatalog(t, path, "第一版")
	a := newAPI(t, Config{Catalogs: []string{path}})
	first := decidedDigest(t, a)

	writeCatalog(t, path, "第二版")
	if err := a.srv.Reload(); err != nil {
		t.Fatal(err)
	}
	second := decidedDigest(t, a)
	if second == first {
		t.Fatal("reload did not change the digest decisions carry")
	}

	os.WriteFile(path, []byte("id: broken\nitems: [\n"), 0o644)
	if err := a.srv.Reload(); err == nil {
		t.Fatal("a broken catalog reloaded")
	}
	if got := decidedDigest(t, a); got != second {
		t.Fatalf("after a failed reload decisions use %s, want the old %s", got, second)
	}
	rec := a.do(t, request{method: "GET", path: "/readyz"})
	var rd Readiness
	json.Unmarshal(rec.Body.Bytes(), &rd)
	if rec.Code != 200 || rd.LastReload.OK || len(rd.LastReload.Diagnostics) == 0 || rd.Catalogs[0].Digest != second {
		t.Fatalf("readyz after a failed reload: %d %s", rec.Code, rec.Body)
	}
	if !strings.Contains(a.logs.String(), "catalog reload failed") {
		t.Fatal("the failed reload was not logged")
	}
	m := a.do(t, request{method: "GET", path: "/metrics"}).Body.String()
	if !strings.Contains(m, `jizhun_catalog_reloads_total{result="failed"} 1`) || !strings.Contains(m, `jizhun_catalog_reloads_total{result="ok"} 1`) {
		t.Fatal("reloads not counted")
	}
}

// A batch finishes on the catalogs it started with, whatever a reload does
// meanwhile.
func TestReload_batch_in_progress_finishes_on_its_catalog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "catalog.yaml")
	writeCatalog(t, path, "第一版")
	a := newAPI(t, Config{Catalogs: []string{path}})
	ts := httptest.NewServer(a.srv.Handler())
	defer ts.Close()
	first := decidedDigest(t, a)
	valid := compactJSON(t, readFile(t, "../examples/county/cases/bbq_one_stove.json"))
	pr, pw := io.Pipe()
	req, _ := http.NewRequest("POST", ts.URL+"/v1/decisions:batch", pr)
	req.Header.Set("Content-Type", contentTypeNDJSON)
	got := make(chan *http.Response, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			got <- res
		}
	}()
	pw.Write(append(valid, '\n'))
	res := <-got
	defer res.Body.Close()
	lines := bufio.NewReader(res.Body)
	digestOf := func() string {
		line, err := lines.ReadBytes('\n')
		if err != nil {
			t.Fatal(err)
		}
		var e struct {
			Decision struct{ Catalog struct{ Digest string } }
		}
		json.Unmarshal(line, &e)
		return e.Decision.Catalog.Digest
	}
	if d := digestOf(); d != first {
		t.Fatalf("first line digest %s", d)
	}
	writeCatalog(t, path, "第二版")
	if err := a.srv.Reload(); err != nil {
		t.Fatal(err)
	}
	pw.Write(append(valid, '\n'))
	if d := digestOf(); d != first {
		t.Fatalf("a batch switched catalogs mid-way: %s, started on %s", d, first)
	}
	pw.Close()
	if d := decidedDigest(t, a); d == first {
		t.Fatal("new requests still on the old catalog")
	}
}

func TestReload_watch_picks_up_a_replaced_file(t *testing.T) {
	path := filepath.Join(t.TempDir(), "catalog.yaml")
	writeCatalog(t, path, "第一版")
	a := newAPI(t, Config{Catalogs: []string{path}})
	first := decidedDigest(t, a)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	watching := make(chan error, 1)
	go func() { watching <- a.srv.Watch(ctx, 50*time.Millisecond) }()
	time.Sleep(100 * time.Millisecond) // let the watch start
	writeCatalog(t, path, "第二版")
	deadline := time.Now().Add(10 * time.Second)
	for decidedDigest(t, a) == first {
		if time.Now().After(deadline) {
			t.Fatal("the watch did not reload the replaced file")
		}
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	if err := <-watching; err != nil {
		t.Fatal(err)
	}
}

// A catalog that compiles but fails the consistency checks — here a gap
// between grades, so some cases would be decided by no grade — is not
// served: at start the server refuses it, on reload the old one stays.
func TestReload_catalog_with_a_gap_is_refused(t *testing.T) {
	gap := bytes.Replace(examples.County(), []byte("          when: facility_area_m2 >= 50\n"), []byte("          when: facility_area_m2 >= 60\n"), 1)
	if bytes.Equal(gap, examples.County()) {
		t.Fatal("grade line not found in the bundled catalog")
	}
	path := filepath.Join(t.TempDir(), "catalog.yaml")
	os.WriteFile(path, gap, 0o644)
	if _, err := New(Config{Catalogs: []string{path}}); !errors.Is(err, &catalog.Diagnostic{Code: standards.CodeGap}) {
		t.Fatalf("a catalog with a gap was served: %v", err)
	}
	if _, err := New(Config{Catalogs: []string{path}, SkipCheck: true}); err != nil {
		t.Fatalf("SkipCheck: %v", err)
	}

	writeCatalog(t, path, "第一版")
	a := newAPI(t, Config{Catalogs: []string{path}})
	first := decidedDigest(t, a)
	os.WriteFile(path, gap, 0o644)
	if err := a.srv.Reload(); err == nil {
		t.Fatal("reloaded a catalog with a gap")
	}
	if decidedDigest(t, a) != first {
		t.Fatal("the old catalog is no longer served")
	}
	var rd Readiness
	json.Unmarshal(a.do(t, request{method: "GET", path: "/readyz"}).Body.Bytes(), &rd)
	if rd.LastReload.OK || len(rd.LastReload.Diagnostics) == 0 || rd.LastReload.Diagnostics[0].Code != standards.CodeGap {
		t.Fatalf("readyz: %+v", rd.LastReload)
	}
}
