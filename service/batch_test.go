package service

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func entries(t *testing.T, body []byte, ndjson bool) []BatchEntry {
	t.Helper()
	var out []BatchEntry
	if !ndjson {
		if err := json.Unmarshal(body, &out); err != nil {
			t.Fatalf("%v\n%s", err, clip(body))
		}
		return out
	}
	for _, line := range bytes.Split(bytes.TrimSuffix(body, []byte("\n")), []byte("\n")) {
		var e BatchEntry
		if err := json.Unmarshal(line, &e); err != nil {
			t.Fatalf("%v\n%s", err, line)
		}
		out = append(out, e)
	}
	return out
}

func compactJSON(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A batch answers every record in its place: the example cases decided as
// Engine.Decide decides them, the broken records each with its problem.
func TestBatch_answers_in_input_order_with_errors_in_place(t *testing.T) {
	a := newAPI(t, Config{BatchWorkers: 4})
	_, bodies, want := countyCases(t)
	type rec struct {
		raw  []byte
		want []byte // nil: a problem with code
		code string
	}
	var recs []rec
	for i := range bodies {
		recs = append(recs, rec{raw: compactJSON(t, bodies[i]), want: compactJSON(t, want[i])})
		switch i {
		case 2:
			recs = append(recs, rec{raw: []byte(`{"item":"330199ZF028","facts":{}}`), code: CodeInvalidCase})
		case 5:
			recs = append(recs, rec{raw: []byte(`[1,2,3]`), code: CodeMalformedCase})
		case 7:
			recs = append(recs, rec{raw: []byte(`{"item":"330199ZF028","bogus":1}`), code: CodeMalformedCase})
		}
	}
	check := func(t *testing.T, got []BatchEntry) {
		if len(got) != len(recs) {
			t.Fatalf("%d answers for %d records", len(got), len(recs))
		}
		for i, e := range got {
			if e.Index != i {
				t.Fatalf("answer %d has index %d", i, e.Index)
			}
			r := recs[i]
			if r.want != nil {
				if e.Error != nil || !bytes.Equal(e.Decision, r.want) {
					t.Fatalf("record %d: got %s %+v, want %s", i, clip(e.Decision), e.Error, clip(r.want))
				}
				continue
			}
			if e.Error == nil || e.Error.Code != r.code {
				t.Fatalf("record %d: got %s %+v, want problem %s", i, clip(e.Decision), e.Error, r.code)
			}
		}
	}
	t.Run("json_array", func(t *testing.T) {
		var body bytes.Buffer
		body.WriteString("[")
		for i, r := range recs {
			if i > 0 {
				body.WriteString(",\n")
			}
			body.Write(r.raw)
		}
		body.WriteString("]")
		res := a.do(t, request{method: "POST", path: "/v1/decisions:batch", contentType: "application/json", body: body.Bytes()})
		if res.Code != 200 {
			t.Fatalf("status %d: %s", res.Code, res.Body)
		}
		check(t, entries(t, res.Body.Bytes(), false))
	})
	t.Run("ndjson", func(t *testing.T) {
		var body bytes.Buffer
		for _, r := range recs {
			body.Write(r.raw)
			body.WriteString("\n\n") // blank lines are skipped
		}
		res := a.do(t, request{method: "POST", path: "/v1/decisions:batch", contentType: "application/x-ndjson", body: body.Bytes()})
		if res.Code != 200 || res.Header().Get("Content-Type") != contentTypeNDJSON {
			t.Fatalf("status %d %s: %s", res.Code, res.Header().Get("Content-Type"), res.Body)
		}
		check(t, entries(t, res.Body.Bytes(), true))
	})
}

func TestBatch_bad_input(t *testing.T) {
	a := newAPI(t, Config{MaxBatchBytes: 64 << 10, MaxCaseBytes: 4 << 10})
	valid := compactJSON(t, readFile(t, "../examples/county/cases/bbq_one_stove.json"))
	t.Run("not_an_array", func(t *testing.T) {
		res := a.do(t, request{method: "POST", path: "/v1/decisions:batch", contentType: "application/json", body: valid, invalidRequest: true})
		if p := decodeProblem(t, res.Body.Bytes()); res.Code != 400 || p.Code != CodeMalformedBatch {
			t.Fatalf("status %d %s", res.Code, res.Body)
		}
	})
	t.Run("broken_array", func(t *testing.T) {
		res := a.do(t, request{method: "POST", path: "/v1/decisions:batch", contentType: "application/json", body: []byte(`[{"item":1}, {`), invalidRequest: true})
		if p := decodeProblem(t, res.Body.Bytes()); res.Code != 400 || p.Code != CodeMalformedBatch {
			t.Fatalf("status %d %s", res.Code, res.Body)
		}
	})
	t.Run("array_over_limit", func(t *testing.T) {
		body := "[" + strings.Repeat(string(valid)+",", (64<<10)/len(valid)+1) + string(valid) + "]"
		res := a.do(t, request{method: "POST", path: "/v1/decisions:batch", contentType: "application/json", body: []byte(body)})
		if p := decodeProblem(t, res.Body.Bytes()); res.Code != 413 || p.Code != CodeBodyTooLarge {
			t.Fatalf("status %d %s", res.Code, res.Body)
		}
	})
	t.Run("wrong_content_type", func(t *testing.T) {
		res := a.do(t, request{method: "POST", path: "/v1/decisions:batch", contentType: "text/csv", body: valid, invalidRequest: true})
		if res.Code != 415 {
			t.Fatalf("status %d %s", res.Code, res.Body)
		}
	})
	t.Run("unknown_catalog", func(t *testing.T) {
		res := a.do(t, request{method: "POST", path: "/v1/decisions:batch?catalog=nope", contentType: "application/x-ndjson", body: valid})
		if res.Code != 404 {
			t.Fatalf("status %d %s", res.Code, res.Body)
		}
	})
	t.Run("ndjson_line_over_case_limit_answered_in_place", func(t *testing.T) {
		long := `{"item":"` + strings.Repeat("x", 5<<10) + `"}`
		body := string(valid) + "\n" + long + "\n" + string(valid) + "\n"
		res := a.do(t, request{method: "POST", path: "/v1/decisions:batch", contentType: "application/x-ndjson", body: []byte(body)})
		got := entries(t, res.Body.Bytes(), true)
		if len(got) != 3 || got[0].Error != nil || got[1].Error == nil || got[1].Error.Code != CodeBodyTooLarge || got[2].Error != nil {
			t.Fatalf("got %s", res.Body)
		}
	})
	t.Run("ndjson_stream_over_batch_limit_ends_with_its_problem", func(t *testing.T) {
		body := strings.Repeat(string(valid)+"\n", (64<<10)/len(valid)+5)
		res := a.do(t, request{method: "POST", path: "/v1/decisions:batch", contentType: "application/x-ndjson", body: []byte(body)})
		got := entries(t, res.Body.Bytes(), true)
		last := got[len(got)-1]
		if last.Error == nil || last.Error.Code != CodeBodyTooLarge || last.Index != len(got)-1 {
			t.Fatalf("last line %+v", last)
		}
		for _, e := range got[:len(got)-1] {
			if e.Error != nil {
				t.Fatalf("a case before the limit failed: %+v", e.Error)
			}
		}
	})
}

// NDJSON streams both ways: the answer to a case arrives while the client
// has not finished sending the batch.
func TestBatch_ndjson_streams_answers_before_the_body_ends(t *testing.T) {
	a := newAPI(t, Config{})
	ts := httptest.NewServer(a.srv.Handler())
	defer ts.Close()
	valid := compactJSON(t, readFile(t, "../examples/county/cases/bbq_one_stove.json"))
	pr, pw := io.Pipe()
	req, _ := http.NewRequest("POST", ts.URL+"/v1/decisions:batch", pr)
	req.Header.Set("Content-Type", contentTypeNDJSON)
	type result struct {
		res *http.Response
		err error
	}
	done := make(chan result, 1)
	go func() {
		res, err := http.DefaultClient.Do(req)
		done <- result{res, err}
	}()
	pw.Write(append(valid, '\n'))
	var r result
	select {
	case r = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("no response while the batch is still open")
	}
	if r.err != nil {
		t.Fatal(r.err)
	}
	defer r.res.Body.Close()
	lines := bufio.NewReader(r.res.Body)
	for i := range 3 {
		if i > 0 {
			pw.Write(append(valid, '\n'))
		}
		line, err := lines.ReadBytes('\n')
		if err != nil {
			t.Fatal(err)
		}
		var e BatchEntry
		if err := json.Unmarshal(line, &e); err != nil || e.Index != i || e.Decision == nil {
			t.Fatalf("line %d: %s %v", i, line, err)
		}
	}
	pw.Close()
	if rest, _ := io.ReadAll(lines); len(rest) != 0 {
		t.Fatalf("unexpected trailing output %q", rest)
	}
}

func BenchmarkBatchPipeline(b *testing.B) {
	set, err := LoadSet(nil)
	if err != nil {
		b.Fatal(err)
	}
	valid, _ := io.ReadAll(strings.NewReader(`{"item":"330199ZF028","party":{"type":"individual","birth_date":"1985-05-20"},"act_date":"2026-05-10","discovery_date":"2026-05-12","decision_date":"2026-05-25","facts":{"stoves":1,"harm":"minor","corrected_in_time":false}}`))
	var in bytes.Buffer
	for range b.N {
		in.Write(valid)
		in.WriteByte('\n')
	}
	b.ResetTimer()
	sum, err := DecideStream(b.Context(), set, &in, io.Discard, BatchOptions{})
	if err != nil || sum.Decided != b.N {
		b.Fatal(sum, err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "cases/s")
}

var _ = fmt.Sprint
