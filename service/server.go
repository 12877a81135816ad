package service

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// Config is what a Server serves and its limits. The zero value of each
// field has a working default.
type Config struct {
	// Catalogs are the catalog files; empty serves the bundled county
	// catalog. Reload reads the same files again.
	Catalogs []string
	Logger   *slog.Logger
	// MaxCaseBytes bounds the body of POST /v1/decisions (default 1 MiB,
	// discretion.MaxCaseSize) and each record of a batch.
	MaxCaseBytes int64
	// MaxBatchBytes bounds the body of a batch (default 64 MiB).
	MaxBatchBytes int64
	// MaxConcurrent caps the /v1 requests served at once; beyond it the
	// answer is 503 with Retry-After (default 64 × GOMAXPROCS).
	MaxConcurrent int
	// BatchWorkers decide one batch's records in parallel (default GOMAXPROCS).
	BatchWorkers int
	// BatchTimeout is how long a batch may take to read and answer,
	// replacing the server's read and write timeouts for it (default 10 min).
	BatchTimeout time.Duration
	// Token, if set, is the bearer token every /v1 request must carry.
	Token string
	// CORSOrigins are the origins browsers may call from; none by default.
	CORSOrigins []string
	// DecisionLog, if set, receives one record per decision.
	DecisionLog *DecisionLog
	// SkipCheck serves catalogs without running the consistency checks of
	// `jizhun check` on them. By default every load and reload runs them,
	// and a catalog with an error finding (a gap between grades, say) is
	// not served.
	SkipCheck bool
}

// Server is the HTTP service. Its handler is safe for concurrent use;
// Reload may run at any time.
type Server struct {
	cfg      Config
	log      *slog.Logger
	set      atomic.Pointer[Set]
	metrics  *metrics
	sem      chan struct{}
	draining atomic.Bool
	handler  http.Handler
	mux      *http.ServeMux

	reloadMu   sync.Mutex
	lastReload ReloadStatus
}

// ReloadStatus is the result of the latest reload, as /readyz shows it.
type ReloadStatus struct {
	Time        time.Time           `json:"time"`
	OK          bool                `json:"ok"`
	Error       string              `json:"error,omitempty"`
	Diagnostics catalog.Diagnostics `json:"diagnostics,omitempty"`
}

// New loads and compiles the catalogs and builds the server.
func New(cfg Config) (*Server, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.MaxCaseBytes <= 0 {
		cfg.MaxCaseBytes = discretion.MaxCaseSize
	}
	if cfg.MaxBatchBytes <= 0 {
		cfg.MaxBatchBytes = 64 << 20
	}
	if cfg.MaxConcurrent <= 0 {
		cfg.MaxConcurrent = 64 * runtime.GOMAXPROCS(0)
	}
	if cfg.BatchWorkers <= 0 {
		cfg.BatchWorkers = runtime.GOMAXPROCS(0)
	}
	if cfg.BatchTimeout <= 0 {
		cfg.BatchTimeout = 10 * time.Minute
	}
	set, err := loadSet(context.Background(), cfg.Catalogs, !cfg.SkipCheck)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: cfg.Logger, metrics: newMetrics(), sem: make(chan struct{}, cfg.MaxConcurrent)}
	s.set.Store(set)
	s.metrics.served(set)
	s.lastReload = ReloadStatus{Time: set.Loaded, OK: true}
	s.routes()
	return s, nil
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.handler }

// Set returns the catalogs being served now.
func (s *Server) Set() *Set { return s.set.Load() }

// Drain makes /readyz answer 503 so that a load balancer stops sending new
// requests before shutdown; requests keep being served.
func (s *Server) Drain() { s.draining.Store(true) }

// Reload loads, compiles and checks (unless Config.SkipCheck) the catalog
// files again. On success the
// new Set replaces the old one atomically: a request in progress finishes on
// the Set it started with. On failure the old Set stays and the diagnostics
// are logged and shown on /readyz.
func (s *Server) Reload() error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	start := time.Now()
	set, err := loadSet(context.Background(), s.cfg.Catalogs, !s.cfg.SkipCheck)
	st := ReloadStatus{Time: start.UTC(), OK: err == nil}
	if err != nil {
		st.Error = err.Error()
		st.Diagnostics, _ = catalog.AsDiagnostics(err)
		s.lastReload = st
		s.metrics.reloads.WithLabelValues("failed").Inc()
		s.log.Error("catalog reload failed; still serving the catalogs loaded before", "error", err.Error(),
			"serving", digests(s.set.Load()))
		return err
	}
	old := s.set.Swap(set)
	s.lastReload = st
	s.metrics.reloads.WithLabelValues("ok").Inc()
	s.metrics.served(set)
	s.log.Info("catalogs reloaded", "catalogs", digests(set), "previous", digests(old), "took", time.Since(start).String())
	return nil
}

// LastReload returns the result of the latest reload (or of the first load).
func (s *Server) LastReload() ReloadStatus {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	return s.lastReload
}

func digests(set *Set) []string {
	var out []string
	for _, e := range set.engines {
		out = append(out, e.Catalog().ID+"@"+e.Catalog().Digest)
	}
	return out
}

func (s *Server) routes() {
	mux := http.NewServeMux()
	s.mux = mux
	api := func(pattern string, h http.HandlerFunc) { mux.Handle(pattern, s.limit(s.auth(h))) }
	api("POST /v1/decisions", s.handleDecide)
	api("POST /v1/decisions:batch", s.handleBatch)
	api("GET /v1/catalogs", s.handleCatalogs)
	api("GET /v1/catalogs/{id}", s.handleCatalog)
	api("GET /v1/catalogs/{id}/items", s.handleItems)
	api("GET /v1/catalogs/{id}/items/{code}", s.handleItem)
	api("GET /v1/catalogs/{id}/table", s.handleTable)
	mux.HandleFunc("GET /healthz", s.handleHealth)
	mux.HandleFunc("GET /readyz", s.handleReady)
	mux.Handle("GET /metrics", s.metricsHandler())
	mux.HandleFunc("GET /openapi.json", handleOpenAPI)
	mux.HandleFunc("/", s.handleUnmatched)
	s.handler = s.observe(s.cors(s.recover(mux)))
}

// handleUnmatched answers what no route takes: 405 with Allow when the path
// exists under another method, 404 otherwise, both as problems.
func (s *Server) handleUnmatched(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "/" && pattern != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		writeProblem(w, r, &Problem{Status: http.StatusMethodNotAllowed, Code: CodeMethodNotAllowed, Title: "请求方法不受支持",
			Detail: fmt.Sprintf("%s 只接受 %s 请求。", r.URL.Path, strings.Join(allow, "、"))})
		return
	}
	writeProblem(w, r, &Problem{Status: http.StatusNotFound, Code: CodeNotFound, Title: "接口不存在",
		Detail: fmt.Sprintf("没有 %s 这个接口；GET /openapi.json 列出全部接口。", r.URL.Path)})
}

// requireMedia checks the request's Content-Type against the accepted ones
// and returns the one matched.
func requireMedia(w http.ResponseWriter, r *http.Request, accepted ...string) (string, bool) {
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if err == nil {
		for _, a := range accepted {
			if mt == a {
				return mt, true
			}
		}
	}
	writeProblem(w, r, unsupportedMedia(ct, accepted...))
	return "", false
}

// readBody reads a body under a limit; beyond it the answer is 413.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, bool) {
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			writeProblem(w, r, bodyTooLarge(limit))
		} else {
			writeProblem(w, r, &Problem{Status: http.StatusBadRequest, Code: CodeMalformedCase, Title: "请求体读取失败",
				Detail: "未能完整读取请求体：" + err.Error()})
		}
		return nil, false
	}
	return data, true
}

// boolParam reads a true/false query parameter.
func boolParam(w http.ResponseWriter, r *http.Request, name string) (bool, bool) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return false, true
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		writeProblem(w, r, &Problem{Status: http.StatusBadRequest, Code: CodeBadRequest, Title: "查询参数有误",
			Detail: fmt.Sprintf("查询参数 %s 应为 true 或 false，而不是“%s”。", name, v)})
		return false, false
	}
	return b, true
}

func (s *Server) handleDecide(w http.ResponseWriter, r *http.Request) {
	if _, ok := requireMedia(w, r, contentTypeJSON); !ok {
		return
	}
	explain, ok := boolParam(w, r, "explain")
	if !ok {
		return
	}
	data, ok := readBody(w, r, s.cfg.MaxCaseBytes)
	if !ok {
		return
	}
	set := s.set.Load() // the whole request runs on this Set, whatever a reload does meanwhile
	c, d, p := decideOne(r.Context(), set, r.URL.Query().Get("catalog"), data)
	s.recordDecision(c, d, p)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	out, err := d.JSON()
	if err != nil {
		s.log.Error("decision does not render as JSON", "error", err)
		writeProblem(w, r, internalProblem())
		return
	}
	if explain {
		out = withExplanation(out, d.Text())
	}
	w.Header().Set("Content-Type", contentTypeJSON)
	w.Header().Set(headerCatalogDigest, d.Catalog.Digest)
	w.Write(out)
}

// withExplanation adds the 说理 text to the Decision JSON as its last field,
// "explanation", leaving every other byte as Decision.JSON wrote it.
func withExplanation(decision []byte, text string) []byte {
	body := bytes.TrimRight(decision, "\n")
	body = bytes.TrimSuffix(body, []byte("}"))
	body = bytes.TrimRight(body, "\n ")
	quoted, _ := json.Marshal(text)
	out := append([]byte(nil), body...)
	out = append(out, ",\n  \"explanation\": "...)
	out = append(out, quoted...)
	return append(out, "\n}\n"...)
}

// recordDecision counts a decision or a problem and writes the decision log.
func (s *Server) recordDecision(c *discretion.Case, d *discretion.Decision, p *Problem) {
	if p != nil {
		s.metrics.errors.WithLabelValues(p.Code).Inc()
		return
	}
	s.metrics.decisions.WithLabelValues(d.Catalog.ID, string(d.Outcome)).Inc()
	if s.cfg.DecisionLog != nil {
		if err := s.cfg.DecisionLog.Record(c, d); err != nil {
			s.log.Error("decision log write failed", "error", err.Error())
		}
	}
}

func (s *Server) handleBatch(w http.ResponseWriter, r *http.Request) {
	mt, ok := requireMedia(w, r, contentTypeJSON, contentTypeNDJSON)
	if !ok {
		return
	}
	catalogID := r.URL.Query().Get("catalog")
	set := s.set.Load()
	if catalogID != "" && set.Engine(catalogID) == nil {
		writeProblem(w, r, unknownCatalog(catalogID))
		return
	}
	rc := http.NewResponseController(w)
	deadline := time.Now().Add(s.cfg.BatchTimeout)
	rc.SetReadDeadline(deadline)
	rc.SetWriteDeadline(deadline)
	opts := BatchOptions{
		Catalog:        catalogID,
		Workers:        s.cfg.BatchWorkers,
		MaxRecordBytes: int(s.cfg.MaxCaseBytes),
		Lang:           requestLang(r),
		Decided: func(_ int, c *discretion.Case, d *discretion.Decision, p *Problem) {
			s.recordDecision(c, d, p)
		},
		Panicked: func(index int, v any, stack []byte) {
			s.log.Error("panic deciding a batch record", "path", r.URL.Path, "index", index, "panic", fmt.Sprint(v), "stack", string(stack))
			s.metrics.errors.WithLabelValues(CodeInternal).Inc()
		},
	}
	flush := func() { rc.Flush() }
	w.Header().Set("Jizhun-Catalogs", strings.Join(digests(set), ", "))
	if mt == contentTypeJSON {
		data, ok := readBody(w, r, s.cfg.MaxBatchBytes)
		if !ok {
			return
		}
		records, p := splitArray(data)
		if p != nil {
			writeProblem(w, r, p)
			return
		}
		w.Header().Set("Content-Type", contentTypeJSON)
		if _, err := decideArray(r.Context(), set, records, w, flush, opts); err != nil {
			s.log.Warn("batch answer cut short", "error", err.Error())
		}
		return
	}
	// NDJSON streams both ways: answers go out while cases still come in,
	// which HTTP/1.1 allows only once full duplex is on.
	rc.EnableFullDuplex()
	body := http.MaxBytesReader(w, r.Body, s.cfg.MaxBatchBytes)
	w.Header().Set("Content-Type", contentTypeNDJSON)
	w.WriteHeader(http.StatusOK)
	lines := newLineReader(body, opts.maxRecord())
	sum, err := decideOrdered(r.Context(), set, lines.next, w, flush, opts)
	if err != nil {
		// The status line is sent; the last line says why the batch ends here.
		var p *Problem
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			p = bodyTooLarge(tooLarge.Limit)
		} else {
			p = &Problem{Status: http.StatusBadRequest, Code: CodeMalformedBatch, Title: "批量数据读取中断",
				Detail: "读取请求体时出错，此后的案件未予裁量：" + err.Error()}
		}
		s.metrics.errors.WithLabelValues(p.Code).Inc()
		line, _ := marshalEntry(&BatchEntry{Index: sum.Records, Error: p.finish()})
		w.Write(line)
		s.log.Warn("batch stream ended early", "error", err.Error(), "answered", sum.Records)
	}
}

// Timeouts bound how long a connection may take; zero fields get defaults.
type Timeouts struct {
	ReadHeader time.Duration // default 5 s: a client that trickles its headers is cut
	Read       time.Duration // default 30 s for a whole request (batches extend it)
	Write      time.Duration // default 60 s (batches extend it)
	Idle       time.Duration // default 120 s between keep-alive requests
}

// HTTPServer returns an http.Server for the handler with the timeouts set.
// The server's own error log goes to the structured log.
func (s *Server) HTTPServer(addr string, t Timeouts) *http.Server {
	def := func(d, v time.Duration) time.Duration {
		if d > 0 {
			return d
		}
		return v
	}
	return &http.Server{
		Addr:              addr,
		Handler:           s.handler,
		ReadHeaderTimeout: def(t.ReadHeader, 5*time.Second),
		ReadTimeout:       def(t.Read, 30*time.Second),
		WriteTimeout:      def(t.Write, 60*time.Second),
		IdleTimeout:       def(t.Idle, 120*time.Second),
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}
