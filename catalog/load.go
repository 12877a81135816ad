package catalog

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize bounds a catalog file. A province's catalog of several
// thousand items is a few megabytes; anything far larger is a mistake.
const MaxFileSize = 64 << 20

// LoadFile reads and checks a catalog file. The error, if any, is always a
// Diagnostics value listing every problem found, each with file:line:col.
func LoadFile(path string) (*Catalog, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, Diagnostics{{Pos: Pos{File: path}, Code: CodeSyntax, Message: err.Error()}}
	}
	if st.Size() > MaxFileSize {
		return nil, Diagnostics{{Pos: Pos{File: path}, Code: CodeTooLarge,
			Message: fmt.Sprintf("file is %d bytes; catalogs are limited to %d", st.Size(), MaxFileSize)}}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, Diagnostics{{Pos: Pos{File: path}, Code: CodeSyntax, Message: err.Error()}}
	}
	return Load(path, data)
}

// Load parses and checks a catalog held in memory; name is used in
// positions. The structure is checked completely: unknown and duplicate keys,
// wrong types, impossible dates, dangling references, amount rules and grade
// ranges against the statute. Conditions are checked when the discretion
// package compiles the catalog.
func Load(name string, data []byte) (*Catalog, error) {
	if len(data) > MaxFileSize {
		return nil, Diagnostics{{Pos: Pos{File: name}, Code: CodeTooLarge,
			Message: fmt.Sprintf("input is %d bytes; catalogs are limited to %d", len(data), MaxFileSize)}}
	}
	root, diags := parseYAML(name, data)
	if root == nil {
		return nil, diags.Err()
	}
	d := &decoder{file: name, lines: splitLines(data), diags: diags}
	cat := &Catalog{File: name}
	d.decode(root, reflect.ValueOf(cat).Elem(), "catalog")
	cat.Pos = d.pos(root)
	sum := sha256.Sum256(data)
	cat.Digest = "sha256:" + hex.EncodeToString(sum[:])
	if len(d.diags) == 0 {
		v := &validator{d: d, cat: cat}
		v.catalog()
	}
	d.diags.Sort()
	if err := d.diags.Err(); err != nil {
		return cat, err
	}
	return cat, nil
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML returns the document's top mapping node.
func parseYAML(name string, data []byte) (*yaml.Node, Diagnostics) {
	var diags Diagnostics
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			diags.Addf(Pos{File: name, Line: 1, Col: 1}, CodeSyntax, "the file is empty")
			return nil, diags
		}
		diags.Addf(syntaxError(name, err))
		return nil, diags
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		diags.Addf(Pos{File: name, Line: extra.Line, Col: extra.Column}, CodeSyntax,
			"a catalog file holds one YAML document; found a second one")
		return nil, diags
	case !errors.Is(err, io.EOF):
		diags.Addf(syntaxError(name, err))
		return nil, diags
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		diags.Addf(Pos{File: name, Line: 1, Col: 1}, CodeSyntax, "the file holds no YAML document")
		return nil, diags
	}
	return doc.Content[0], diags
}

// syntaxError turns a yaml.v3 parse error ("yaml: line 3: …") into a
// positioned diagnostic; yaml.v3 gives no column, so the column is 1.
func syntaxError(name string, err error) (Pos, string, string, any) {
	pos, msg := Pos{File: name, Line: 1, Col: 1}, err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	return pos, CodeSyntax, "malformed YAML: %s", msg
}

func splitLines(data []byte) []string {
	var lines []string
	for _, l := range bytes.Split(data, []byte("\n")) {
		lines = append(lines, string(bytes.TrimRight(l, "\r")))
	}
	return lines
}
