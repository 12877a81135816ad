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
	"strings"
	"unicode/utf8"

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
	lines := splitLines(data)
	root, diags := parseYAML(name, data, lines)
	if root == nil {
		return nil, diags.Err()
	}
	d := &decoder{file: name, lines: lines, diags: diags, fields: map[any]Pos{}}
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
func parseYAML(name string, data []byte, lines []string) (*yaml.Node, Diagnostics) {
	var diags Diagnostics
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			diags.Addf(Pos{File: name, Line: 1, Col: 1}, CodeSyntax, "the file is empty")
			return nil, diags
		}
		diags.Addf(syntaxError(name, lines, err))
		return nil, diags
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		diags.Addf(Pos{File: name, Line: extra.Line, Col: extra.Column}, CodeSyntax,
			"a catalog file holds one YAML document; found a second one")
		return nil, diags
	case !errors.Is(err, io.EOF):
		diags.Addf(syntaxError(name, lines, err))
		return nil, diags
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		diags.Addf(Pos{File: name, Line: 1, Col: 1}, CodeSyntax, "the file holds no YAML document")
		return nil, diags
	}
	return doc.Content[0], diags
}

// syntaxError turns a yaml.v3 parse error ("yaml: line 3: …") into a
// positioned diagnostic. yaml.v3 gives no column, so the column is that of
// the line's first character. It counts lines from 1 for scanner errors but
// from 0 for parser errors (the parser never advances its mark), so a parser
// error's line is moved down by one.
func syntaxError(name string, lines []string, err error) (Pos, string, string, any) {
	pos, msg := Pos{File: name, Line: 1, Col: 1}, err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		pos.Line, _ = strconv.Atoi(m[1])
		msg = m[2]
		if yamlParserProblem(msg) {
			pos.Line++
		}
		// The end of the stream counts as a line of its own when the
		// last line has no newline.
		pos.Line = max(1, min(pos.Line, len(lines)))
	}
	if pos.Line <= len(lines) {
		text := lines[pos.Line-1]
		pos.Col = len([]rune(text)) - len([]rune(strings.TrimLeft(text, " "))) + 1
	}
	return pos, CodeSyntax, "malformed YAML: %s", msg
}

// yamlParserProblem reports whether msg is one of the problems yaml.v3's
// parser (as opposed to its scanner) reports; see parserc.go.
func yamlParserProblem(msg string) bool {
	for _, p := range []string{
		"did not find expected ',' or ']'",
		"did not find expected ',' or '}'",
		"did not find expected '-' indicator",
		"did not find expected <document start>",
		"did not find expected <stream-start>",
		"did not find expected key",
		"did not find expected node content",
		"found duplicate %TAG directive",
		"found duplicate %YAML directive",
		"found incompatible YAML document",
		"found undefined tag handle",
	} {
		if msg == p {
			return true
		}
	}
	return false
}

// splitLines splits the source into lines the way yaml.v3 counts them, so
// that a node's line indexes this slice: a line ends at LF, CR, CR LF, NEL,
// LS or PS.
func splitLines(data []byte) []string {
	var lines []string
	s := string(data)
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\r', '\n', '\u0085', '\u2028', '\u2029':
			lines = append(lines, s[start:i])
			if r == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				size++
			}
			start = i + size
		}
		i += size
	}
	return append(lines, s[start:])
}
