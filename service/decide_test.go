package service

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/jizhun/jizhun/discretion"
)

// countyCases are the bundled example cases, each with the Decision JSON the
// engine gives in process: what the service must return byte for byte.
func countyCases(t *testing.T) (names []string, bodies, want [][]byte) {
	t.Helper()
	eng, err := LoadEngine("")
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../examples/county/cases/*.json")
	if len(files) < 10 {
		t.Fatalf("only %d example cases", len(files))
	}
	for _, f := range files {
		body := readFile(t, f)
		c, err := discretion.ParseCase(bytes.NewReader(body))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		d, err := eng.Decide(context.Background(), c)
		if err != nil {
			continue // cases that expect an error are tested on their own
		}
		out, err := d.JSON()
		if err != nil {
			t.Fatal(err)
		}
		names, bodies, want = append(names, filepath.Base(f)), append(bodies, body), append(want, out)
	}
	return names, bodies, want
}

func TestDecide_returns_engine_decision_byte_for_byte(t *testing.T) {
	a := newAPI(t, Config{})
	names, bodies, want := countyCases(t)
	for i, name := range names {
		t.Run(name, func(t *testing.T) {
			rec := a.do(t, request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: bodies[i]})
			if rec.Code != 200 {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			if !bytes.Equal(rec.Body.Bytes(), want[i]) {
				t.Fatalf("service decision differs from Engine.Decide:\n%s\nwant\n%s", rec.Body, want[i])
			}
			var d struct{ Catalog discretion.CatalogRef }
			json.Unmarshal(rec.Body.Bytes(), &d)
			if got := rec.Header().Get(headerCatalogDigest); got == "" || got != d.Catalog.Digest {
				t.Fatalf("digest header %q, decision names %q", got, d.Catalog.Digest)
			}
		})
	}
}

func TestDecide_explain_adds_the_reasons_text(t *testing.T) {
	a := newAPI(t, Config{})
	_, bodies, want := countyCases(t)
	rec := a.do(t, request{method: "POST", path: "/v1/decisions?explain=true", contentType: "application/json; charset=utf-8", body: bodies[0]})
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	var withText map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &withText); err != nil {
		t.Fatal(err)
	}
	text, _ := withText["explanation"].(string)
	if !strings.Contains(text, "处罚") {
		t.Fatalf("explanation %q is not the 说理 text", text)
	}
	delete(withText, "explanation")
	var plain map[string]any
	json.Unmarshal(want[0], &plain)
	a1, _ := json.Marshal(withText)
	a2, _ := json.Marshal(plain)
	if !bytes.Equal(a1, a2) {
		t.Fatal("explain=true changed the decision itself")
	}
}

func TestDecide_bad_input_gets_its_problem(t *testing.T) {
	a := newAPI(t, Config{})
	valid := readFile(t, "../examples/county/cases/bbq_one_stove.json")
	invalidCase := []byte(`{"item":"330199ZF028","party":{"type":"individual","birth_date":"1985-05-20"},` +
		`"act_date":"2026-02-30","discovery_date":"2026-05-12","decision_date":"2026-05-25","facts":{"stoves":"two","harm":"minor"}}`)
	tests := []struct {
		name           string
		req            request
		status         int
		code           string
		problemsFields []string
	}{
		{"malformed_json", request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: []byte(`{"item": `), invalidRequest: true}, 400, CodeMalformedCase, nil},
		{"two_cases_in_one_body", request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: append(append([]byte{}, valid...), valid...), invalidRequest: true, validatorReadsFirstValue: true}, 400, CodeMalformedCase, nil},
		{"unknown_case_field", request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: []byte(`{"itme":"x","party":{},"act_date":"2026-01-01","discovery_date":"2026-01-01","decision_date":"2026-01-01"}`), invalidRequest: true}, 400, CodeMalformedCase, []string{"itme"}},
		{"wrong_content_type", request{method: "POST", path: "/v1/decisions", contentType: "text/plain", body: valid, invalidRequest: true}, 415, CodeUnsupportedMedia, nil},
		{"no_content_type", request{method: "POST", path: "/v1/decisions", body: valid, invalidRequest: true}, 415, CodeUnsupportedMedia, nil},
		{"impossible_date_and_wrong_fact_type", request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: invalidCase}, 422, CodeInvalidCase, []string{"act_date", "facts.stoves"}},
		{"unknown_item", request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: bytes.Replace(valid, []byte("330199ZF028"), []byte("NO-SUCH-ITEM"), 1)}, 422, CodeInvalidCase, []string{"item"}},
		{"unknown_catalog", request{method: "POST", path: "/v1/decisions?catalog=nope", contentType: "application/json", body: valid}, 404, CodeUnknownCatalog, nil},
		{"explain_not_boolean", request{method: "POST", path: "/v1/decisions?explain=maybe", contentType: "application/json", body: valid, invalidRequest: true}, 400, CodeBadRequest, nil},
		{"body_over_1MiB", request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: append([]byte(`{"item":"`+strings.Repeat("x", 1<<20)), `"}`...), invalidRequest: true}, 413, CodeBodyTooLarge, nil},
		{"unknown_path", request{method: "GET", path: "/v2/everything", invalidRequest: true}, 404, CodeNotFound, nil},
		{"wrong_method", request{method: "GET", path: "/v1/decisions", invalidRequest: true}, 405, CodeMethodNotAllowed, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := a.do(t, tt.req)
			if rec.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", rec.Code, tt.status, rec.Body)
			}
			p := decodeProblem(t, rec.Body.Bytes())
			if p.Code != tt.code || p.Status != tt.status {
				t.Fatalf("problem %s/%d, want %s/%d", p.Code, p.Status, tt.code, tt.status)
			}
			if !hasHan(p.Title) || !hasHan(p.Detail) {
				t.Fatalf("title %q and detail %q must be Chinese", p.Title, p.Detail)
			}
			for _, f := range tt.problemsFields {
				found := false
				for _, pr := range p.Problems {
					found = found || strings.HasPrefix(pr.Field, f) || strings.Contains(pr.Message, `"`+f+`"`)
				}
				if !found {
					t.Fatalf("problems %+v do not name field %s", p.Problems, f)
				}
			}
		})
	}
	if rec := a.do(t, request{method: "GET", path: "/v1/decisions", invalidRequest: true}); rec.Header().Get("Allow") != "POST" {
		t.Fatalf("405 Allow %q, want POST", rec.Header().Get("Allow"))
	}
	if strings.Contains(a.logs.String(), "panic") {
		t.Fatalf("bad input was logged as a panic:\n%s", a.logs)
	}
	// The server still decides after all of it.
	if rec := a.do(t, request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: valid}); rec.Code != 200 {
		t.Fatalf("after bad input: status %d", rec.Code)
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func TestDecide_counts_decisions_in_metrics(t *testing.T) {
	a := newAPI(t, Config{})
	_, bodies, _ := countyCases(t)
	for _, b := range bodies[:3] {
		a.do(t, request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: b})
	}
	a.do(t, request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: []byte("{"), invalidRequest: true})
	rec := a.do(t, request{method: "GET", path: "/metrics"})
	m := rec.Body.String()
	for _, want := range []string{
		`jizhun_decisions_total{catalog="example-county-chengguan"`,
		`jizhun_errors_total{code="malformed_case"} 1`,
		`jizhun_http_requests_total{code="200",method="POST",route="POST /v1/decisions"} 3`,
		`jizhun_http_request_duration_seconds_bucket{route="POST /v1/decisions"`,
		`jizhun_catalog_info{digest="sha256:`,
		`go_goroutines`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

var _ = http.StatusOK

// TestDecide_problems_follow_accept_language: a case's problems are Chinese
// unless the request prefers English; the title and detail stay Chinese.
func TestDecide_problems_follow_accept_language(t *testing.T) {
	a := newAPI(t, Config{})
	invalidCase := []byte(`{"item":"330199ZF028","party":{"type":"individual","birth_date":"1985-05-20"},` +
		`"act_date":"2026-02-30","discovery_date":"2026-05-12","decision_date":"2026-05-25","facts":{"stoves":"two"}}`)
	for _, tt := range []struct {
		name, acceptLanguage, want string
	}{
		{"no_header_is_chinese", "", "不是真实存在的日期"},
		{"chinese_preferred", "zh-CN,zh;q=0.9,en;q=0.8", "不是真实存在的日期"},
		{"english", "en", "is not a real date"},
		{"english_preferred_by_quality", "zh;q=0.5, en-US", "is not a real date"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := http.Header{}
			if tt.acceptLanguage != "" {
				h.Set("Accept-Language", tt.acceptLanguage)
			}
			rec := a.do(t, request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: invalidCase, header: h})
			p := decodeProblem(t, rec.Body.Bytes())
			if p.Code != CodeInvalidCase || !hasHan(p.Title) {
				t.Fatalf("problem %+v", p)
			}
			found := false
			for _, pr := range p.Problems {
				found = found || pr.Field == "act_date" && strings.Contains(pr.Message, tt.want)
			}
			if !found {
				t.Errorf("problems %+v: no act_date problem with %q", p.Problems, tt.want)
			}
		})
	}
	// A batch answers each case's problems in the language asked for too.
	h := http.Header{"Accept-Language": {"en"}}
	rec := a.do(t, request{method: "POST", path: "/v1/decisions:batch", contentType: "application/json", body: append(append([]byte("["), invalidCase...), ']'), header: h})
	if !strings.Contains(rec.Body.String(), "is not a real date") {
		t.Errorf("batch in English: %s", rec.Body)
	}
	rec = a.do(t, request{method: "POST", path: "/v1/decisions:batch", contentType: "application/json", body: append(append([]byte("["), invalidCase...), ']')})
	if !strings.Contains(rec.Body.String(), "不是真实存在的日期") {
		t.Errorf("batch in Chinese: %s", rec.Body)
	}
	t.Log(a.do(t, request{method: "POST", path: "/v1/decisions", contentType: "application/json", body: invalidCase}).Body.String())
}
