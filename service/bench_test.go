package service

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jizhun/jizhun/discretion"
)

// benchCases are the bundled example cases that decide, as Case JSON.
func benchCases(tb testing.TB) [][]byte {
	tb.Helper()
	eng, err := LoadEngine("")
	if err != nil {
		tb.Fatal(err)
	}
	files, _ := filepath.Glob("../examples/county/cases/*.json")
	var out [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		c, err := discretion.ParseCase(bytes.NewReader(data))
		if err != nil {
			continue
		}
		if _, err := eng.Decide(context.Background(), c); err == nil {
			out = append(out, data)
		}
	}
	if len(out) < 10 {
		tb.Fatalf("%d cases", len(out))
	}
	return out
}

// BenchmarkDecideJSONInProcess is what the service does for one case without
// HTTP: parse the Case JSON, decide, render the Decision JSON. It runs on
// every CPU, as the server does.
func BenchmarkDecideJSONInProcess(b *testing.B) {
	eng, err := LoadEngine("")
	if err != nil {
		b.Fatal(err)
	}
	cases := benchCases(b)
	var next atomic.Int64
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			raw := cases[int(next.Add(1))%len(cases)]
			c, err := discretion.ParseCase(bytes.NewReader(raw))
			if err != nil {
				b.Fatal(err)
			}
			d, err := eng.Decide(context.Background(), c)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := d.JSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "cases/s")
}

// BenchmarkHTTPDecide32 sends single-case requests from 32 concurrent
// clients with keep-alive to a server in the same process over loopback
// TCP, and reports throughput and the p50 and p99 latency.
func BenchmarkHTTPDecide32(b *testing.B) {
	const clients = 32
	srv, err := New(Config{})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}}
	cases := benchCases(b)
	var next atomic.Int64
	var mu sync.Mutex
	var lat []time.Duration
	b.SetParallelism((clients + runtime.GOMAXPROCS(0) - 1) / runtime.GOMAXPROCS(0))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			raw := cases[int(next.Add(1))%len(cases)]
			start := time.Now()
			res, err := client.Post(ts.URL+"/v1/decisions", "application/json", bytes.NewReader(raw))
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != 200 {
				b.Fatalf("status %d", res.StatusCode)
			}
			mine = append(mine, time.Since(start))
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "cases/s")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
}

// TestSoak pushes JIZHUN_SOAK decisions (10⁶ for the figure in
// docs/performance.md) through the server in NDJSON batches over loopback
// and fails if the live heap after them exceeds the heap before by more
// than 8 MiB. It is skipped unless JIZHUN_SOAK is set (scripts/load.sh sets
// it).
func TestSoak(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("JIZHUN_SOAK"))
	if n <= 0 {
		t.Skip("set JIZHUN_SOAK=N to push N decisions through the server")
	}
	srv, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	cases := benchCases(t)
	const perBatch = 10000
	var body bytes.Buffer
	for i := range perBatch {
		body.Write(compactJSON(t, cases[i%len(cases)]))
		body.WriteByte('\n')
	}
	batch := body.Bytes()
	send := func() {
		res, err := http.Post(ts.URL+"/v1/decisions:batch", contentTypeNDJSON, bytes.NewReader(batch))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || got == 0 {
			t.Fatalf("status %d", res.StatusCode)
		}
	}
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	send() // warm up: connections, pools, lazily built tables
	before := heap()
	start := time.Now()
	batches := (n + perBatch - 1) / perBatch
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for range batches {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			send()
		}()
	}
	wg.Wait()
	took := time.Since(start)
	http.DefaultClient.CloseIdleConnections()
	after := heap()
	msg := fmt.Sprintf("soak: %d decisions in %s (%.0f/s); live heap before %.1f MiB, after %.1f MiB",
		batches*perBatch, took.Round(time.Millisecond), float64(batches*perBatch)/took.Seconds(), float64(before)/(1<<20), float64(after)/(1<<20))
	t.Log(msg)
	fmt.Println(msg)
	if after > before+8<<20 {
		t.Fatalf("the heap grew: %s", msg)
	}
}
