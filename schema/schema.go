// Package schema holds the JSON Schemas (draft 2020-12) of jizhun's file
// formats, with Chinese descriptions for an editor's hover text: the
// catalog (YAML), the Case and the Decision (JSON), and the test files of
// `jizhun test` (YAML). The files are under schema/ in the repository, for
// a catalog's `# yaml-language-server: $schema=` modeline, and embedded
// here so that `jizhun schema NAME` prints them.
//
// The package imports nothing of the module: its test checks the schemas
// against the Go types of catalog, discretion and casetest, and validates
// every bundled example against them.
package schema

import (
	"embed"
	"slices"
)

//go:embed catalog.schema.json case.schema.json decision.schema.json test.schema.json
var files embed.FS

var names = []string{"catalog", "case", "decision", "test"}

// Names lists the schemas: catalog, case, decision and test.
func Names() []string { return slices.Clone(names) }

// FileName is the file of a schema under schema/, e.g. "catalog.schema.json".
func FileName(name string) string { return name + ".schema.json" }

// Get returns a fresh copy of the named schema's JSON, and false for an
// unknown name.
func Get(name string) ([]byte, bool) {
	if !slices.Contains(names, name) {
		return nil, false
	}
	data, err := files.ReadFile(FileName(name))
	if err != nil {
		return nil, false
	}
	return data, true
}
