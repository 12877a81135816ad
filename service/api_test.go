package service

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// The OpenAPI document and its router, loaded once for all tests.
var (
	specOnce   sync.Once
	spec       *openapi3.T
	specRouter routers.Router
	specErr    error
)

func loadSpec(t testing.TB) (*openapi3.T, routers.Router) {
	t.Helper()
	specOnce.Do(func() {
		// Bodies the kin-openapi decoders do not know are checked as text
		// against their string schemas; NDJSON lines are checked one by
		// one against BatchEntry in checkNDJSON.
		for _, ct := range []string{"text/markdown", "text/html", "text/csv", contentTypeNDJSON, tableMediaTypes["xlsx"]} {
			openapi3filter.RegisterBodyDecoder(ct, openapi3filter.PlainBodyDecoder)
		}
		loader := openapi3.NewLoader()
		spec, specErr = loader.LoadFromData(OpenAPI())
		if specErr != nil {
			return
		}
		if specErr = spec.Validate(context.Background()); specErr != nil {
			return
		}
		// The router matches servers too; the tests' requests go to any host.
		routed := *spec
		routed.Servers = nil
		specRouter, specErr = legacy.NewRouter(&routed)
	})
	if specErr != nil {
		t.Fatalf("openapi.json: %v", specErr)
	}
	return spec, specRouter
}

// api is a server under test whose every exchange is checked against
// openapi.json.
type api struct {
	srv  *Server
	logs *bytes.Buffer
}

func newAPI(t *testing.T, cfg Config) *api {
	t.Helper()
	loadSpec(t)
	logs := &bytes.Buffer{}
	cfg.Logger = slog.New(slog.NewJSONHandler(&lockedWriter{w: logs}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &api{srv: srv, logs: logs}
}

type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// request describes one exchange. validRequest says whether the request
// itself conforms to openapi.json: a test of bad input sends requests that
// do not, and the document must reject them too.
type request struct {
	method, path, contentType string
	body                      []byte
	header                    http.Header
	invalidRequest            bool
	// validatorReadsFirstValue marks a body of several JSON values, which
	// kin-openapi's decoder accepts by reading the first alone.
	validatorReadsFirstValue bool
}

func (a *api) do(t testing.TB, r request) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(r.method, r.path, bytes.NewReader(r.body))
	if r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}
	for k, v := range r.header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	a.srv.Handler().ServeHTTP(rec, req)
	checkExchange(t, r, rec.Code, rec.Header(), rec.Body.Bytes())
	return rec
}

// checkExchange validates a request and its response against openapi.json.
// A path the document does not have must have been answered with a problem.
func checkExchange(t testing.TB, r request, status int, header http.Header, body []byte) {
	t.Helper()
	doc, router := loadSpec(t)
	req := httptest.NewRequest(r.method, r.path, bytes.NewReader(r.body))
	if r.contentType != "" {
		req.Header.Set("Content-Type", r.contentType)
	}
	for k, v := range r.header {
		req.Header[k] = v
	}
	route, params, err := router.FindRoute(req)
	if err != nil {
		if !r.invalidRequest {
			t.Fatalf("%s %s: not in openapi.json: %v", r.method, r.path, err)
		}
		checkProblem(t, doc, status, header, body)
		return
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, MultiError: true}}
	reqErr := openapi3filter.ValidateRequest(context.Background(), in)
	switch {
	case reqErr != nil && !r.invalidRequest:
		t.Fatalf("%s %s: request does not conform to openapi.json: %v", r.method, r.path, reqErr)
	case reqErr == nil && r.invalidRequest && !r.validatorReadsFirstValue:
		t.Fatalf("%s %s: openapi.json accepts a request the test calls invalid", r.method, r.path)
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: status, Header: header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true}}
	out.SetBodyBytes(body)
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		t.Fatalf("%s %s: response %d does not conform to openapi.json: %v\n%s", r.method, r.path, status, err, clip(body))
	}
	if header.Get("Content-Type") == contentTypeNDJSON {
		checkNDJSON(t, doc, body)
	}
}

func checkProblem(t testing.TB, doc *openapi3.T, status int, header http.Header, body []byte) {
	t.Helper()
	if ct := header.Get("Content-Type"); ct != contentTypeProblem {
		t.Fatalf("status %d: Content-Type %q, want %s", status, ct, contentTypeProblem)
	}
	checkSchema(t, doc, "Problem", body)
}

func checkNDJSON(t testing.TB, doc *openapi3.T, body []byte) {
	t.Helper()
	for _, line := range bytes.Split(bytes.TrimSuffix(body, []byte("\n")), []byte("\n")) {
		checkSchema(t, doc, "BatchEntry", line)
	}
}

func checkSchema(t testing.TB, doc *openapi3.T, name string, body []byte) {
	t.Helper()
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("%s: not JSON: %v\n%s", name, err, clip(body))
	}
	if err := doc.Components.Schemas[name].Value.VisitJSON(v, openapi3.EnableJSONSchema2020()); err != nil {
		t.Fatalf("%s does not conform to openapi.json: %v\n%s", name, err, clip(body))
	}
}

func clip(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "…"
	}
	return string(b)
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func decodeProblem(t testing.TB, body []byte) Problem {
	t.Helper()
	var p Problem
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatalf("problem: %v\n%s", err, body)
	}
	if !strings.HasPrefix(p.Type, problemTypePrefix) || p.Type != problemTypePrefix+p.Code {
		t.Fatalf("problem type %q does not name code %q", p.Type, p.Code)
	}
	return p
}
