// Package catalog is the YAML model of a discretion standard (行政处罚裁量基准)
// and its strict loader.
//
// A catalog names its issuer, document number and dates (art. 34 requires
// publication), the jurisdiction's procedural thresholds, a fact schema, and
// the enforcement items (执法事项) with their legal basis, statutory
// sanctions and graded benchmarks. docs/catalog.md documents the format
// field by field.
//
// Loading is strict and complete: unknown keys, duplicate keys, wrong types,
// impossible dates, dangling references and grade ranges outside the statute
// are all reported in one pass as [Diagnostics], each with file:line:col.
// Anchors and aliases are rejected, which also rules out alias bombs.
//
// The package does not evaluate conditions; discretion.Compile type-checks
// them against the fact schema and reports errors at their YAML positions.
package catalog
