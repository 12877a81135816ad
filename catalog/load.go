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
	"runtime"
	"strconv"
	"strings"
	"sync"
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
	sum := sha256.Sum256(data)
	digest := "sha256:" + hex.EncodeToString(sum[:])
	// The first pass does not record where each field's value stands: only
	// the validator's diagnostics use that, so a catalog the validator
	// finds fault with is decoded and validated again, recording it.
	cat, d := decodeCatalog(name, lines, root, digest, append(Diagnostics(nil), diags...), nil)
	if len(d.diags) > len(diags) && d.validated {
		cat, d = decodeCatalog(name, lines, root, digest, diags, map[any]Pos{})
	}
	d.diags.Sort()
	if err := d.diags.Err(); err != nil {
		return cat, err
	}
	return cat, nil
}

// decodeCatalog decodes the document and, if decoding found no problem,
// validates it. fields, if not nil, receives the position of every field's
// value.
func decodeCatalog(name string, lines []string, root *yaml.Node, digest string, diags Diagnostics, fields map[any]Pos) (*Catalog, *decoder) {
	d := &decoder{file: name, lines: lines, diags: diags, fields: fields}
	cat := &Catalog{File: name}
	d.decode(root, reflect.ValueOf(cat).Elem(), "catalog")
	cat.Pos = d.pos(root)
	cat.Digest = digest
	if len(d.diags) == 0 {
		d.validated = true
		v := &validator{d: d, cat: cat}
		v.catalog()
	}
	return cat, d
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parseYAML returns the document's top mapping node.
func parseYAML(name string, data []byte, lines []string) (*yaml.Node, Diagnostics) {
	if root := parseParallel(data, lines); root != nil {
		return root, nil
	}
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
	lines := make([]string, 0, bytes.Count(data, []byte{'\n'})+1)
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

// parallelMin is the size from which parseParallel splits a catalog.
const parallelMin = 512 << 10

// parseParallel parses a large catalog on several cores: YAML parsing is
// most of the time it takes to load a province's catalog. The entries of
// the top-level items list are split into runs of whole entries, at the
// lines where an entry starts; each run is parsed on its own, preceded by
// as many empty lines as precede it in the file so that every node keeps
// its line and column; the rest of the file is parsed with the items
// blanked out; and the runs' entries are put together under items. It
// returns nil, and Load parses the file as a whole, whenever the file is
// small or does not have this simple shape, or when any part fails to
// parse or yields other than the expected number of entries: the result
// is then the one the sequential parse gives, errors included.
func parseParallel(data []byte, lines []string) *yaml.Node {
	workers := runtime.GOMAXPROCS(0)
	// Only LF ends lines: no CR, and splitLines found no NEL, LS or PS.
	if len(data) < parallelMin || workers < 2 || bytes.IndexByte(data, '\r') >= 0 ||
		len(lines) != bytes.Count(data, []byte{'\n'})+1 {
		return nil
	}
	// The items key, at the top level, with its value on the lines below.
	start := -1
	for i, l := range lines {
		if l == "items:" || strings.HasPrefix(l, "items:") && strings.TrimSpace(stripComment(l[len("items:"):])) == "" {
			if start >= 0 {
				return nil
			}
			start = i
		}
	}
	if start < 0 {
		return nil
	}
	// The items' lines run to the next line with content at column 0.
	end := len(lines)
	indent := ""
	var entries []int // lines where an entry starts
	for i := start + 1; i < len(lines); i++ {
		l := lines[i]
		t := strings.TrimLeft(l, " ")
		if t == "" || t[0] == '#' {
			continue
		}
		if len(t) == len(l) {
			end = i
			break
		}
		if entries == nil {
			indent = l[:len(l)-len(t)]
			if t != "-" && !strings.HasPrefix(t, "- ") {
				return nil
			}
		}
		if len(l)-len(t) == len(indent) && (t == "-" || strings.HasPrefix(t, "- ")) {
			entries = append(entries, i)
		}
	}
	if len(entries) < 2*workers {
		return nil
	}
	// Runs of entries of about equal size.
	type run struct{ first, end, n int }
	var runs []run
	per := (end - entries[0] + workers - 1) / workers
	for k := 0; k < len(entries); {
		r := run{first: entries[k]}
		for k < len(entries) && (r.n == 0 || entries[k]-r.first < per) {
			k++
			r.n++
		}
		r.end = end
		if k < len(entries) {
			r.end = entries[k]
		}
		runs = append(runs, r)
	}
	var head yaml.Node
	seqs := make([]*yaml.Node, len(runs))
	var wg sync.WaitGroup
	var headErr error
	wg.Add(1)
	go func() {
		defer wg.Done()
		var b bytes.Buffer
		b.Grow(len(data))
		for i, l := range lines {
			if i > start && i < end {
				b.WriteByte('\n')
				continue
			}
			b.WriteString(l)
			if i < len(lines)-1 {
				b.WriteByte('\n')
			}
		}
		dec := yaml.NewDecoder(&b)
		if headErr = dec.Decode(&head); headErr == nil {
			// A second document is an error that the sequential parse
			// reports.
			var extra yaml.Node
			if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
				headErr = errors.New("more than one document")
			}
		}
	}()
	for k, r := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			b.Grow(r.first + 8 + len(data)/len(runs))
			for i := 0; i < r.first-1; i++ {
				b.WriteByte('\n')
			}
			b.WriteString("items:\n")
			for i := r.first; i < r.end; i++ {
				b.WriteString(lines[i])
				b.WriteByte('\n')
			}
			var doc yaml.Node
			if yaml.Unmarshal(b.Bytes(), &doc) != nil || doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
				return
			}
			m := doc.Content[0]
			if m.Kind != yaml.MappingNode || len(m.Content) != 2 || m.Content[1].Kind != yaml.SequenceNode ||
				len(m.Content[1].Content) != r.n {
				return
			}
			seqs[k] = m.Content[1]
		}()
	}
	wg.Wait()
	if headErr != nil || head.Kind != yaml.DocumentNode || len(head.Content) != 1 {
		return nil
	}
	root := head.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil
	}
	var value *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k := root.Content[i]; k.Kind == yaml.ScalarNode && k.Value == "items" && k.Line == start+1 {
			value = root.Content[i+1]
		}
	}
	if value == nil || value.Kind != yaml.ScalarNode || value.Tag != "!!null" {
		return nil
	}
	for _, s := range seqs {
		if s == nil {
			return nil
		}
	}
	seq := *seqs[0]
	seq.Content = make([]*yaml.Node, 0, len(entries))
	for _, s := range seqs {
		seq.Content = append(seq.Content, s.Content...)
	}
	*value = seq
	return root
}

// stripComment removes a trailing comment that follows white space.
func stripComment(s string) string {
	if i := strings.Index(s, " #"); i >= 0 {
		return s[:i]
	}
	return s
}
