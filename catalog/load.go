package catalog

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"os"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize bounds a catalog file. A province's catalog of several
// thousand items is a few megabytes; anything far larger is a mistake.
const MaxFileSize = 64 << 20

// MaxNodes is the default bound on the number of YAML nodes (keys, values,
// list entries) a catalog may hold, estimated before parsing: about 7 500
// items the size of the bundled county catalog's (some 200 nodes each).
// The YAML parser keeps every node in memory, so the bound keeps a load
// within about 450 MB and a few seconds; a catalog of a million one-line
// items (7 000 000 nodes) is refused in a fraction of a second instead of
// taking seconds and more than a gigabyte. LoadOptions.MaxNodes raises or
// lowers it.
const MaxNodes = 1_500_000

// estimateNodes counts, without parsing, an upper estimate of the nodes
// the YAML parser would build: two for every key (key and value), one for
// every list entry, flow separator and bracket. Colons and commas inside
// quoted text are counted too, which only makes the estimate larger.
func estimateNodes(data []byte) int {
	n := 0
	for i, c := range data {
		switch c {
		case ':':
			if i+1 == len(data) || data[i+1] == ' ' || data[i+1] == '\n' || data[i+1] == '\r' {
				n += 2
			}
		case '-':
			if i+1 < len(data) && data[i+1] == ' ' {
				n++
			}
		case ',', '[', '{':
			n++
		}
	}
	return n
}

// LoadOptions are the options of LoadWith and LoadFileWith.
type LoadOptions struct {
	// Lang is the language of the diagnostics' messages and hints: "en"
	// (or a locale such as "en_US.UTF-8") for English, anything else for
	// Chinese, the default.
	Lang string
	// MaxNodes bounds the YAML nodes of the catalog; 0 is the default,
	// MaxNodes.
	MaxNodes int
}

// LoadFile reads and checks a catalog file. The error, if any, is always a
// Diagnostics value listing every problem found, each with file:line:col,
// in Chinese.
func LoadFile(path string) (*Catalog, error) { return LoadFileWith(path, LoadOptions{}) }

// LoadFileWith is LoadFile with options.
func LoadFileWith(path string, opts LoadOptions) (*Catalog, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, Diagnostics{NewDiagnostic(Pos{File: path}, CodeSyntax, "cannot read the catalog: %s", err.Error())}.localized(opts.Lang)
	}
	if st.Size() > MaxFileSize {
		return nil, Diagnostics{NewDiagnostic(Pos{File: path}, CodeTooLarge,
			"the file is %d bytes; catalogs are limited to %d bytes", st.Size(), MaxFileSize).
			SetHint("split the catalog into several files")}.localized(opts.Lang)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, Diagnostics{NewDiagnostic(Pos{File: path}, CodeSyntax, "cannot read the catalog: %s", err.Error())}.localized(opts.Lang)
	}
	return LoadWith(path, data, opts)
}

// localized is ds in lang, as an error (nil for none).
func (ds Diagnostics) localized(lang string) error {
	if len(ds) == 0 {
		return nil
	}
	if isEnglish(lang) {
		return ds.Localize(lang)
	}
	return ds
}

func tooManyNodes(name string, n, limit int) *Diagnostic {
	return NewDiagnostic(Pos{File: name, Line: 1, Col: 1}, CodeTooLarge,
		"the catalog holds about %d keys, values and list entries; catalogs are limited to %d", n, limit).
		SetHint("that is about %d items the size of the bundled county catalog's; split a larger catalog into several files", limit/200)
}

// Load parses and checks a catalog held in memory; name is used in
// positions. When it finds problems, it returns them with the catalog
// without the items they were found in, so that discretion.Compile can
// still check the conditions of the rest in the same run. The structure is checked completely: unknown and duplicate keys,
// wrong types, impossible dates, dangling references, amount rules and grade
// ranges against the statute. Conditions are checked when the discretion
// package compiles the catalog.
func Load(name string, data []byte) (*Catalog, error) { return LoadWith(name, data, LoadOptions{}) }

// LoadWith is Load with options.
func LoadWith(name string, data []byte, opts LoadOptions) (*Catalog, error) {
	if len(data) > MaxFileSize {
		return nil, Diagnostics{NewDiagnostic(Pos{File: name}, CodeTooLarge,
			"the input is %d bytes; catalogs are limited to %d bytes", len(data), MaxFileSize).
			SetHint("split the catalog into several files")}.localized(opts.Lang)
	}
	limit := opts.MaxNodes
	if limit <= 0 {
		limit = MaxNodes
	}
	if n := estimateNodes(data); n > limit {
		return nil, Diagnostics{tooManyNodes(name, n, limit)}.localized(opts.Lang)
	}
	lines := splitLines(data)
	root, diags := parseYAML(name, data, lines)
	if root == nil {
		return nil, diags.localized(opts.Lang)
	}
	sum := sha256.Sum256(data)
	digest := "sha256:" + hex.EncodeToString(sum[:])
	// The first pass does not record where each field's value stands: only
	// the validator's diagnostics use that, so a catalog the validator
	// finds fault with is decoded and validated again, recording it.
	cat, d := decodeCatalog(name, lines, root, digest, append(Diagnostics(nil), diags...), nil)
	if d.validatorFound {
		cat, d = decodeCatalog(name, lines, root, digest, diags, map[any]Pos{})
	}
	if len(d.diags) > 0 {
		// Keep the items no problem was found in: their conditions can
		// still be compiled in the same run.
		unsound := brokenItems(d, root, cat, 0)
		sound := make([]*Item, 0, len(cat.Items))
		for i, it := range cat.Items {
			switch {
			case it == nil:
			case unsound[i]:
				cat.LeftOut = append(cat.LeftOut, it)
			default:
				sound = append(sound, it)
			}
		}
		cat.Items = sound
	}
	d.diags.Sort()
	if err := d.diags.localized(opts.Lang); err != nil {
		return cat, err
	}
	return cat, nil
}

// decodeCatalog decodes the document and validates it: all of it when
// decoding found no problem, else all but the items that decoding found a
// problem in, so that one run reports the structural problems of one item
// together with the range and reference problems of the others. fields, if
// not nil, receives the position of every field's value.
func decodeCatalog(name string, lines []string, root *yaml.Node, digest string, diags Diagnostics, fields map[any]Pos) (*Catalog, *decoder) {
	d := &decoder{file: name, lines: lines, diags: diags, fields: fields, factIndex: &factIndex{}}
	cat := &Catalog{File: name}
	d.decode(root, reflect.ValueOf(cat).Elem(), "<catalog>")
	d.factIndex.items = map[string][]string{}
	for _, it := range cat.Items {
		if it == nil {
			continue
		}
		for _, f := range it.Facts {
			if f != nil {
				d.factIndex.items[f.Name] = append(d.factIndex.items[f.Name], it.Code)
			}
		}
	}
	cat.Pos = d.pos(root)
	cat.Digest = digest
	if root.Kind != yaml.MappingNode {
		return cat, d
	}
	broken := brokenItems(d, root, cat, len(diags))
	n := len(d.diags)
	decodeFailed := n > 0
	if decodeFailed {
		removeNils(reflect.ValueOf(cat).Elem(), true)
	}
	all := cat.Items
	v := &validator{d: d, cat: cat, broken: broken, all: all, decodeFailed: decodeFailed}
	clean := make([]*Item, 0, len(all))
	for i, it := range all {
		if it != nil && !broken[i] {
			clean = append(clean, it)
		}
	}
	cat.Items = clean
	v.catalog()
	cat.Items = all
	d.validatorFound = len(d.diags) > n
	return cat, d
}

// removeNils drops the nil entries a bare "-" leaves in the model's lists,
// so that checking the rest of a catalog decoding found problems in never
// meets them. The top-level items keep their places (top), which
// brokenItems counts by.
func removeNils(v reflect.Value, top bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			removeNils(v.Elem(), false)
		}
	case reflect.Struct:
		if v.Type() == decimalType {
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.CanSet() {
				removeNils(f, top && v.Type().Field(i).Name == "Items")
			}
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Pointer && !top {
			kept := 0
			for i := 0; i < v.Len(); i++ {
				if !v.Index(i).IsNil() {
					v.Index(kept).Set(v.Index(i))
					kept++
				}
			}
			v.SetLen(kept)
		}
		for i := 0; i < v.Len(); i++ {
			removeNils(v.Index(i), false)
		}
	}
}

// brokenItems returns, by index, the items of the catalog that decoding
// found a problem in (its diagnostics from the from-th on): the items whose
// entry in the items list holds the position of one.
func brokenItems(d *decoder, root *yaml.Node, cat *Catalog, from int) map[int]bool {
	if len(d.diags) == from {
		return nil
	}
	var items *yaml.Node
	end := Pos{File: d.file, Line: int(^uint(0) >> 1)}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k := root.Content[i]
		if k.Value == "items" && items == nil {
			items = root.Content[i+1]
		} else if items != nil && k.Line > items.Line {
			end = d.pos(k)
			break
		}
	}
	broken := map[int]bool{}
	for i, it := range cat.Items {
		if it == nil {
			broken[i] = true
		}
	}
	if items == nil || items.Kind != yaml.SequenceNode || len(items.Content) == 0 {
		return broken
	}
	for _, diag := range d.diags[from:] {
		p := diag.Pos
		if p.Before(d.pos(items.Content[0])) || !p.Before(end) {
			continue
		}
		// The last entry that starts at or before the problem holds it.
		i := sort.Search(len(items.Content), func(i int) bool { return p.Before(d.pos(items.Content[i])) }) - 1
		if i >= 0 {
			broken[i] = true
		}
	}
	return broken
}

// parseYAML returns the document's top mapping node.
func parseYAML(name string, data []byte, lines []string) (*yaml.Node, Diagnostics) {
	var diags Diagnostics
	if d := CheckEncoding(name, data, CodeSyntax); d != nil {
		diags.Add(d)
		return nil, diags
	}
	if root := parseParallel(data, lines); root != nil {
		return root, nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			diags.Addf(Pos{File: name, Line: 1, Col: 1}, CodeSyntax, "the file is empty")
			return nil, diags
		}
		diags.Add(SyntaxDiagnostic(name, data, err, CodeSyntax))
		return nil, diags
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		diags.Addf(Pos{File: name, Line: extra.Line, Col: extra.Column}, CodeSyntax,
			"a catalog file holds one YAML document; found a second one").SetHint("remove the \"---\" line")
		return nil, diags
	case !errors.Is(err, io.EOF):
		diags.Add(SyntaxDiagnostic(name, data, err, CodeSyntax))
		return nil, diags
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		diags.Addf(Pos{File: name, Line: 1, Col: 1}, CodeSyntax, "the file holds no YAML document")
		return nil, diags
	}
	return doc.Content[0], diags
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
