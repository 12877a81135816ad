package service

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A request beyond the concurrency cap is refused with 503 at once, and the
// server serves again when the slot frees.
func TestLimits_concurrency_cap_answers_503(t *testing.T) {
	a := newAPI(t, Config{MaxConcurrent: 1})
	ts := httptest.NewServer(a.srv.Handler())
	defer ts.Close()
	// An open NDJSON batch holds the only slot.
	pr, pw := io.Pipe()
	req, _ := http.NewRequest("POST", ts.URL+"/v1/decisions:batch", pr)
	req.Header.Set("Content-Type", contentTypeNDJSON)
	held := make(chan *http.Response, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		if err == nil {
			held <- res
		}
	}()
	valid := compactJSON(t, readFile(t, "../examples/county/cases/bbq_one_stove.json"))
	pw.Write(append(valid, '\n'))
	res := <-held // the header arrives once the batch has begun, so the slot is taken
	r := request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: valid}
	rec := a.do(t, r)
	if p := decodeProblem(t, rec.Body.Bytes()); rec.Code != 503 || p.Code != CodeOverloaded || rec.Header().Get("Retry-After") == "" {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	// Probes are not capped.
	if rec := a.do(t, request{method: "GET", path: "/healthz"}); rec.Code != 200 {
		t.Fatalf("healthz %d under load", rec.Code)
	}
	pw.Close()
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if rec := a.do(t, r); rec.Code != 200 {
		t.Fatalf("after the slot freed: %d %s", rec.Code, rec.Body)
	}
}

// 1 000 concurrent connections: each is answered, with a decision or with
// 503 beyond the cap, and the server goes on serving.
func TestLimits_thousand_concurrent_connections(t *testing.T) {
	a := newAPI(t, Config{MaxConcurrent: 50})
	ts := httptest.NewServer(a.srv.Handler())
	defer ts.Close()
	valid := compactJSON(t, readFile(t, "../examples/county/cases/bbq_one_stove.json"))
	const n = 1000
	var ok, busy, other atomic.Int64
	var wg sync.WaitGroup
	start := make(chan struct{})
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true}, Timeout: 60 * time.Second}
			<-start
			res, err := client.Post(ts.URL+"/v1/decisions", "application/json", bytes.NewReader(valid))
			if err != nil {
				other.Add(1)
				return
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			switch res.StatusCode {
			case 200:
				ok.Add(1)
			case 503:
				busy.Add(1)
			default:
				other.Add(1)
			}
		}()
	}
	close(start)
	wg.Wait()
	t.Logf("1000 connections: %d decided, %d refused with 503, %d other", ok.Load(), busy.Load(), other.Load())
	if other.Load() != 0 || ok.Load() == 0 {
		t.Fatalf("%d decided, %d busy, %d failed", ok.Load(), busy.Load(), other.Load())
	}
	if rec := a.do(t, request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: valid}); rec.Code != 200 {
		t.Fatalf("after the storm: %d", rec.Code)
	}
	if strings.Contains(a.logs.String(), "panic") {
		t.Fatal("a panic was logged")
	}
}

// A 100 MB body is cut at the limit with 413; nothing like 100 MB is read.
func TestLimits_hundred_megabyte_body(t *testing.T) {
	a := newAPI(t, Config{MaxBatchBytes: 8 << 20})
	ts := httptest.NewServer(a.srv.HTTPServer("", Timeouts{}).Handler)
	defer ts.Close()
	for _, path := range []string{"/v1/decisions", "/v1/decisions:batch"} {
		body := &countingReader{left: 100 << 20}
		req, _ := http.NewRequest("POST", ts.URL+path, body)
		req.ContentLength = 100 << 20
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			// The server may close before the client finishes writing; the
			// answer is then lost to the client but the limit held.
			t.Logf("%s: %v after %d bytes", path, err, body.read.Load())
		} else {
			data, _ := io.ReadAll(res.Body)
			res.Body.Close()
			checkExchange(t, request{method: "POST", path: path, contentType: "application/json", invalidRequest: true}, res.StatusCode, res.Header, data)
			if res.StatusCode != 413 {
				t.Fatalf("%s: %d %s", path, res.StatusCode, data)
			}
		}
		if n := body.read.Load(); n > 50<<20 { // the limit, and what the sockets buffer before the server closes
			t.Fatalf("%s: the server read %d bytes of the body", path, n)
		}
	}
}

// countingReader yields spaces and counts them; the transport may read on
// after the answer has arrived, hence the atomic count.
type countingReader struct {
	left int64
	read atomic.Int64
}

func (r *countingReader) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, io.EOF
	}
	n := min(int64(len(p)), r.left)
	for i := range p[:n] {
		p[i] = ' '
	}
	r.left -= n
	r.read.Add(n)
	return int(n), nil
}

// A client that trickles its request is cut off by the header timeout and
// does not hold the server.
func TestLimits_slow_client_is_cut_off(t *testing.T) {
	a := newAPI(t, Config{})
	hs := a.srv.HTTPServer("127.0.0.1:0", Timeouts{ReadHeader: 300 * time.Millisecond, Read: time.Second})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go hs.Serve(ln)
	defer hs.Close()
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "POST /v1/decisions HTTP/1.1\r\nHost: x\r\n")
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	start := time.Now()
	_, err = io.ReadAll(conn) // the server closes the connection
	if err != nil && !errors.Is(err, io.EOF) {
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			t.Fatal("the server kept a slow client's connection open for 5 s")
		}
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Fatalf("slow client held for %s", took)
	}
	res, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil || res.StatusCode != 200 {
		t.Fatalf("healthz after a slow client: %v", err)
	}
	res.Body.Close()
}

// A panic in a handler becomes a 500 problem and a log line with its stack;
// the server keeps serving.
func TestLimits_panic_becomes_500_problem(t *testing.T) {
	a := newAPI(t, Config{})
	boom := a.srv.observe(a.srv.recover(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		var m map[string]int
		m["x"]++ // nil map write: a real runtime panic
	})))
	rec := httptest.NewRecorder()
	boom.ServeHTTP(rec, httptest.NewRequest("POST", "/v1/decisions", nil))
	doc, _ := loadSpec(t)
	checkProblem(t, doc, rec.Code, rec.Header(), rec.Body.Bytes())
	if p := decodeProblem(t, rec.Body.Bytes()); rec.Code != 500 || p.Code != CodeInternal {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	if !strings.Contains(a.logs.String(), `"msg":"handler panic"`) || !strings.Contains(a.logs.String(), "goroutine") {
		t.Fatalf("panic not logged with its stack:\n%s", a.logs)
	}
	if rec := a.do(t, request{method: "GET", path: "/healthz"}); rec.Code != 200 {
		t.Fatal("server down after a panic")
	}
}

func TestLimits_bearer_token(t *testing.T) {
	a := newAPI(t, Config{Token: "s3cret"})
	valid := readFile(t, "../examples/county/cases/bbq_one_stove.json")
	for _, auth := range []string{"", "Bearer wrong", "s3cret", "Bearer s3cret "} {
		rec := a.do(t, request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: valid, header: http.Header{"Authorization": {auth}}})
		if p := decodeProblem(t, rec.Body.Bytes()); rec.Code != 401 || p.Code != CodeUnauthorized || rec.Header().Get("WWW-Authenticate") == "" {
			t.Fatalf("Authorization %q: %d %s", auth, rec.Code, rec.Body)
		}
	}
	rec := a.do(t, request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: valid, header: http.Header{"Authorization": {"Bearer s3cret"}}})
	if rec.Code != 200 {
		t.Fatalf("with the token: %d %s", rec.Code, rec.Body)
	}
	// Probes need no token: a load balancer has none.
	if rec := a.do(t, request{method: "GET", path: "/readyz"}); rec.Code != 200 {
		t.Fatalf("readyz %d", rec.Code)
	}
}

func TestLimits_cors_off_unless_asked(t *testing.T) {
	hdr := http.Header{"Origin": {"https://case.example"}}
	off := newAPI(t, Config{})
	rec := off.do(t, request{method: "GET", path: "/v1/catalogs", header: hdr})
	if rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Fatal("CORS header without --cors-origin")
	}
	on := newAPI(t, Config{CORSOrigins: []string{"https://case.example"}})
	rec = on.do(t, request{method: "GET", path: "/v1/catalogs", header: hdr})
	if rec.Header().Get("Access-Control-Allow-Origin") != "https://case.example" {
		t.Fatalf("allowed origin not answered: %v", rec.Header())
	}
	rec = on.do(t, request{method: "GET", path: "/v1/catalogs", header: http.Header{"Origin": {"https://other.example"}}})
	if rec.Header().Get("Access-Control-Allow-Origin") != "" {
		t.Fatal("CORS header for an origin not allowed")
	}
	// The preflight is the CORS protocol, not an operation of the API, so
	// it is checked here without openapi.json.
	pre := httptest.NewRequest("OPTIONS", "/v1/decisions", nil)
	pre.Header.Set("Origin", "https://case.example")
	pre.Header.Set("Access-Control-Request-Method", "POST")
	w := httptest.NewRecorder()
	on.srv.Handler().ServeHTTP(w, pre)
	if w.Code != 204 || !strings.Contains(w.Header().Get("Access-Control-Allow-Headers"), "Authorization") {
		t.Fatalf("preflight %d %v", w.Code, w.Header())
	}
}

func TestHealth_and_readiness(t *testing.T) {
	a := newAPI(t, Config{})
	if rec := a.do(t, request{method: "GET", path: "/healthz"}); rec.Code != 200 {
		t.Fatal(rec.Code)
	}
	rec := a.do(t, request{method: "GET", path: "/readyz"})
	var rd Readiness
	json.Unmarshal(rec.Body.Bytes(), &rd)
	if rec.Code != 200 || rd.Status != "ready" || len(rd.Catalogs) != 1 || !rd.LastReload.OK {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	a.srv.Drain()
	rec = a.do(t, request{method: "GET", path: "/readyz"})
	if rec.Code != 503 {
		t.Fatalf("draining: %d", rec.Code)
	}
	if rec := a.do(t, request{method: "GET", path: "/openapi.json"}); rec.Code != 200 || !json.Valid(rec.Body.Bytes()) {
		t.Fatal("openapi.json")
	}
}

var _ = context.Background
var _ = fmt.Sprint
