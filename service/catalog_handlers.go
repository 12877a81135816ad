package service

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/standards"
	"github.com/jizhun/jizhun/standards/xlsx"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// TableFormats returns the formats of the published tables, each with its
// writer; `jizhun table` and GET /v1/catalogs/{id}/table share them.
func TableFormats() map[string]func(io.Writer, *standards.Table) error {
	return map[string]func(io.Writer, *standards.Table) error{
		"md":   standards.WriteMarkdown,
		"html": standards.WriteHTML,
		"csv":  standards.WriteCSV,
		"xlsx": xlsx.Write,
	}
}

var tableMediaTypes = map[string]string{
	"md":   "text/markdown; charset=utf-8",
	"html": "text/html; charset=utf-8",
	"csv":  "text/csv; charset=utf-8",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

// writeJSON writes v as indented JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		writeProblem(w, nil, internalProblem())
		return
	}
	w.Header().Set("Content-Type", contentTypeJSON)
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) handleCatalogs(w http.ResponseWriter, r *http.Request) {
	set := s.set.Load()
	out := struct {
		Catalogs []CatalogInfo `json:"catalogs"`
	}{Catalogs: []CatalogInfo{}}
	for _, e := range set.engines {
		out.Catalogs = append(out.Catalogs, catalogInfo(e, set))
	}
	writeJSON(w, http.StatusOK, out)
}

// engineFor finds the catalog named by the {id} of the path.
func (s *Server) engineFor(w http.ResponseWriter, r *http.Request) (*discretion.Engine, *Set, bool) {
	set := s.set.Load()
	id := r.PathValue("id")
	e := set.Engine(id)
	if e == nil {
		writeProblem(w, r, unknownCatalog(id))
		return nil, nil, false
	}
	w.Header().Set(headerCatalogDigest, e.Catalog().Digest)
	return e, set, true
}

func (s *Server) handleCatalog(w http.ResponseWriter, r *http.Request) {
	if e, set, ok := s.engineFor(w, r); ok {
		writeJSON(w, http.StatusOK, catalogInfo(e, set))
	}
}

func (s *Server) handleItems(w http.ResponseWriter, r *http.Request) {
	e, _, ok := s.engineFor(w, r)
	if !ok {
		return
	}
	out := struct {
		Catalog discretion.CatalogRef `json:"catalog"`
		Items   []ItemSummary         `json:"items"`
	}{Items: []ItemSummary{}}
	cat := e.Catalog()
	out.Catalog = discretion.CatalogRef{ID: cat.ID, Version: cat.Version, Digest: cat.Digest}
	for _, it := range cat.Items {
		out.Items = append(out.Items, itemSummary(it))
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) handleItem(w http.ResponseWriter, r *http.Request) {
	e, _, ok := s.engineFor(w, r)
	if !ok {
		return
	}
	code := r.PathValue("code")
	it := e.Catalog().Item(code)
	if it == nil {
		writeProblem(w, r, unknownItem(e.Catalog().ID, code))
		return
	}
	writeJSON(w, http.StatusOK, itemForm(e, it))
}

func (s *Server) handleTable(w http.ResponseWriter, r *http.Request) {
	e, _, ok := s.engineFor(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	format := q.Get("format")
	if format == "" {
		format = "html"
	}
	write, okFormat := TableFormats()[format]
	wording, okWording := standards.ParseWording(firstNonEmpty(q.Get("wording"), "hand"))
	var lists []standards.List
	okLists := true
	for _, name := range q["list"] {
		for _, n := range strings.Split(name, ",") {
			l, ok := standards.ParseList(strings.TrimSpace(n))
			okLists = okLists && ok
			lists = append(lists, l)
		}
	}
	if !okFormat || !okWording || !okLists {
		writeProblem(w, r, &Problem{Status: http.StatusBadRequest, Code: CodeBadRequest, Title: "查询参数有误",
			Detail: "format 应为 md、html、csv 或 xlsx；list 应为 benchmark、first-offense、light-violation 或 aggravating；wording 应为 hand、rendered 或 both。"})
		return
	}
	tbl, err := standards.Build(e.Catalog(), standards.TableOptions{Lists: lists, Wording: wording})
	var buf bytes.Buffer
	if err == nil {
		err = write(&buf, tbl)
	}
	if err != nil {
		s.log.Error("table failed", "catalog", e.Catalog().ID, "error", err.Error())
		writeProblem(w, r, &Problem{Status: http.StatusInternalServerError, Code: CodeTableFailed, Title: "裁量基准表生成失败",
			Detail: "生成裁量基准表时出错，已记录日志。"})
		return
	}
	w.Header().Set("Content-Type", tableMediaTypes[format])
	w.Header().Set("Content-Disposition", fmt.Sprintf(`inline; filename="%s.%s"`, safeFileName(e.Catalog().ID), format))
	w.Write(buf.Bytes())
}

func safeFileName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '"' || r == '\\' || r == '/' || r < ' ' {
			return '_'
		}
		return r
	}, s)
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// Readiness is the answer of /readyz.
type Readiness struct {
	Status     string        `json:"status"` // ready, or draining
	Catalogs   []CatalogInfo `json:"catalogs"`
	LastReload ReloadStatus  `json:"last_reload"`
}

// handleReady answers 200 while the server takes requests, with the
// catalogs it serves and the result of the latest reload: a failed reload
// leaves the server ready on its old catalogs (taking every instance out of
// a load balancer for a bad catalog push would stop all decisions), so
// monitoring reads last_reload.ok or jizhun_catalog_reloads_total. While
// draining for shutdown it answers 503.
func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) {
	set := s.set.Load()
	rd := Readiness{Status: "ready", Catalogs: []CatalogInfo{}, LastReload: s.LastReload()}
	for _, e := range set.engines {
		rd.Catalogs = append(rd.Catalogs, catalogInfo(e, set))
	}
	status := http.StatusOK
	if s.draining.Load() {
		rd.Status, status = "draining", http.StatusServiceUnavailable
	}
	writeJSON(w, status, rd)
}

func (s *Server) metricsHandler() http.Handler {
	return promhttp.HandlerFor(s.metrics.registry, promhttp.HandlerOpts{Timeout: 10 * time.Second})
}

//go:embed openapi.json
var openAPI []byte

// OpenAPI returns the OpenAPI 3.1 description of the service.
func OpenAPI() []byte { return bytes.Clone(openAPI) }

func handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", contentTypeJSON)
	w.Write(openAPI)
}
