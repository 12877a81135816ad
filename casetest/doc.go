// Package casetest runs the tests a legal office writes next to its
// catalog: YAML files (named *_test.yaml) in which each test is a case,
// written inline or kept in a Case JSON file, with the decision it must
// produce — outcome, reason, grade, fine range, sanctions, procedure and
// flags. Run decides every case, compares, and counts which grades,
// factors, exemptions and amount rules of the catalog the tests reached.
//
// Loading is strict, as the catalog loader is: unknown and duplicate keys,
// wrong types and impossible values are diagnostics at file:line:col, and
// every problem of every file is reported in one run. The format is
// described in docs/catalog.md ("Testing a catalog"); `jizhun test` is its
// command.
package casetest
