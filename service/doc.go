// Package service is jizhun's HTTP service: the way in for agency
// case-handling systems (办案系统) that do not link Go.
//
// A Server decides cases (one, or a batch as a JSON array or streamed
// NDJSON), lists the catalogs it serves with everything a case-entry form
// needs (facts with their types, labels, units, bounds and enum values;
// parties; sanctions; grades with their conditions in Chinese), writes the
// published tables, and reports health, readiness and Prometheus metrics.
// Errors are RFC 9457 problem details (application/problem+json) with a
// stable code, a Chinese title and detail, and the case's problems field by
// field. openapi.json in this directory describes every endpoint; the tests
// validate each request and response against it.
//
// The catalogs live in a Set: loaded and compiled together, immutable, and
// swapped atomically by Reload. A request takes the Set once and finishes
// on it, so a reload never changes a decision half way; every decision
// names the catalog digest it used. A reload that fails keeps the old Set
// and reports its diagnostics on /readyz.
//
// A decision is a pure function of catalog and case: the service keeps no
// state between requests, so any number of instances can run behind a load
// balancer (docs/service.md).
package service
