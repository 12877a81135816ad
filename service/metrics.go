package service

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// metrics are the server's Prometheus collectors, in a registry of its own
// (no global state: two servers in one process count apart).
type metrics struct {
	registry  *prometheus.Registry
	requests  *prometheus.CounterVec   // route, method, code
	latency   *prometheus.HistogramVec // route
	inFlight  prometheus.Gauge
	decisions *prometheus.CounterVec // catalog, outcome
	errors    *prometheus.CounterVec // code
	reloads   *prometheus.CounterVec // result
	rejected  prometheus.Counter
	catalogs  *prometheus.GaugeVec // id, digest
}

func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "jizhun_http_requests_total", Help: "HTTP requests answered, by route pattern, method and status code.",
		}, []string{"route", "method", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "jizhun_http_request_duration_seconds", Help: "Time to answer an HTTP request, by route pattern.",
			Buckets: []float64{.0001, .00025, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "jizhun_http_requests_in_flight", Help: "Requests being served now.",
		}),
		decisions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "jizhun_decisions_total", Help: "Cases decided, by catalog id and outcome (no_penalty, mitigated, lighter, general, heavier, order_only, no_fine_possible, or error).",
		}, []string{"catalog", "outcome"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "jizhun_errors_total", Help: "Problems answered (whole requests and single batch entries), by problem code.",
		}, []string{"code"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "jizhun_catalog_reloads_total", Help: "Catalog reloads, by result (ok or failed).",
		}, []string{"result"}),
		rejected: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "jizhun_http_requests_rejected_total", Help: "Requests refused with 503 because the concurrency cap was reached.",
		}),
		catalogs: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "jizhun_catalog_info", Help: "1 for each catalog served, with its id and digest.",
		}, []string{"id", "digest"}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.inFlight, m.decisions, m.errors, m.reloads, m.rejected, m.catalogs,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// served records the catalogs of a new Set.
func (m *metrics) served(s *Set) {
	m.catalogs.Reset()
	for _, e := range s.engines {
		m.catalogs.WithLabelValues(e.Catalog().ID, e.Catalog().Digest).Set(1)
	}
}
