// Package schema holds the JSON Schemas (draft 2020-12) of jizhun's file
// formats, with Chinese descriptions for an editor's hover text: the
// catalog (YAML), the Case and the Decision (JSON), and the test files of
// `jizhun test` (YAML). The files are under schema/ in the repository, for
// a catalog's `# yaml-language-server: $schema=` modeline, and embedded
// here so that `jizhun schema NAME` prints them.
//
// The package imports nothing of the module (only the YAML parser, for
// YAMLValue): its test checks the schemas
// against the Go types of catalog, discretion and casetest, and validates
// every bundled example against them.
package schema

import (
	"embed"
	"encoding/json"
	"slices"

	"go.yaml.in/yaml/v3"
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

// YAMLValue turns a YAML node into the JSON value an editor's YAML language
// server validates against a schema: mappings, lists, null, booleans,
// numbers (as json.Number, exact) and strings; an alias is followed.
func YAMLValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return YAMLValue(n.Content[0])
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = YAMLValue(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, el := range n.Content {
			l = append(l, YAMLValue(el))
		}
		return l
	case yaml.AliasNode:
		return YAMLValue(n.Alias)
	}
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		return n.Value == "true"
	case "!!int", "!!float":
		return json.Number(n.Value)
	}
	return n.Value
}
