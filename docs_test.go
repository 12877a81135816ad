package jizhun_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/jizhun/jizhun/audit"
	"github.com/jizhun/jizhun/casetest"
	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/examples"
	"github.com/jizhun/jizhun/schema"
	"github.com/jizhun/jizhun/service"
)

// Every JSON and YAML example in README.md and docs/*.md says what it is in
// an HTML comment on the line before its fence, and is run through what
// reads that kind of text:
//
//	<!-- example: catalog -->                      a whole catalog: loaded and compiled
//	<!-- example: catalog-fragment at=POINTER -->  part of a catalog: each key (or, for a
//	                                               list, each element) checked against
//	                                               schema/catalog.schema.json at POINTER
//	                                               (default: the catalog's top level)
//	<!-- example: case catalog=FILE -->            a Case JSON: parsed strictly and decided
//	                                               (default: the bundled county catalog)
//	<!-- example: decision -->                     a Decision JSON: schema-checked, and the
//	                                               decision of the file's case example
//	                                               above it, against the same catalog
//	<!-- example: test-file dir=DIR -->            a test file, as if in DIR: run; every test passes
//	<!-- example: audit-mapping -->                an audit mapping file: parsed strictly
//	<!-- example: audit-report -->                 the audit's JSON report: decoded strictly
//	<!-- example: problem -->                      an HTTP problem: decoded strictly
//	<!-- example: decision-log -->                 decision log lines: decoded strictly
//
// In a decision or report example a string "…" stands for any value, a
// string ending in "…" for any string that begins so, {…words…} for an
// object left out, and the trace lists some of the decision's steps, not
// all of them. A field the example shows must be one the real output has:
// fields omitted when empty are not shown.

// docExample is one fenced block of JSON or YAML in a document.
type docExample struct {
	file string
	line int // of the fence
	lang string
	kind string
	args map[string]string
	text string
}

func (x *docExample) String() string { return fmt.Sprintf("%s:%d", x.file, x.line) }

var (
	fenceRe  = regexp.MustCompile("^\\s*```\\s*(\\S*)\\s*$")
	markerRe = regexp.MustCompile(`^\s*<!--\s*example:\s*(.*?)\s*-->\s*$`)
)

// docFiles are the documents whose examples are checked.
func docFiles(t *testing.T) []string {
	files, err := filepath.Glob("docs/*.md")
	if err != nil {
		t.Fatal(err)
	}
	return append([]string{"README.md"}, files...)
}

// docExamples extracts the JSON and YAML blocks of a document with their
// markers; a block without one is an error.
func docExamples(t *testing.T, file string) []*docExample {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	var out []*docExample
	for i := 0; i < len(lines); i++ {
		m := fenceRe.FindStringSubmatch(lines[i])
		if m == nil {
			continue
		}
		end := i + 1
		for end < len(lines) && !fenceRe.MatchString(lines[end]) {
			end++
		}
		if end == len(lines) {
			t.Errorf("%s:%d: the fence is not closed", file, i+1)
			return out
		}
		lang := m[1]
		if fenceRe.FindStringSubmatch(lines[end])[1] != "" {
			t.Errorf("%s:%d: a block closes with a bare fence", file, end+1)
		}
		text := strings.Join(lines[i+1:end], "\n") + "\n"
		start := i + 1
		i = end
		if lang != "json" && lang != "yaml" && lang != "yml" {
			continue
		}
		x := &docExample{file: file, line: start, lang: lang, text: text, args: map[string]string{}}
		prev := ""
		for j := start - 2; j >= 0; j-- {
			if strings.TrimSpace(lines[j]) != "" {
				prev = lines[j]
				break
			}
		}
		mm := markerRe.FindStringSubmatch(prev)
		if mm == nil {
			t.Errorf("%s: a %s example without a marker: say what it is on the line before the fence, e.g. <!-- example: catalog-fragment -->", x, lang)
			continue
		}
		fields := strings.Fields(mm[1])
		x.kind = fields[0]
		for _, f := range fields[1:] {
			k, v, ok := strings.Cut(f, "=")
			if !ok {
				t.Errorf("%s: marker argument %q is not key=value", x, f)
			}
			x.args[k] = v
		}
		out = append(out, x)
	}
	return out
}

// TestDocExamples runs every example of the documents through the loader,
// the engine or the schema its marker names.
func TestDocExamples(t *testing.T) {
	schemas := docSchemas(t)
	checked := 0
	for _, file := range docFiles(t) {
		var lastCase *docExample
		for _, x := range docExamples(t, file) {
			checked++
			t.Run(fmt.Sprintf("%s:%d_%s", filepath.Base(x.file), x.line, x.kind), func(t *testing.T) {
				switch x.kind {
				case "catalog":
					checkCatalogExample(t, x)
				case "catalog-fragment":
					checkFragment(t, x, schemas)
				case "case":
					checkCaseExample(t, x, schemas)
				case "decision":
					checkDecisionExample(t, x, lastCase, schemas)
				case "decision-fragment":
					// Some fields of a decision: each must be a field of the
					// Decision JSON, with the types the engine writes.
					var d discretion.Decision
					strictJSON(t, x, []byte("{"+x.text+"}"), &d)
				case "test-file":
					checkTestFileExample(t, x)
				case "audit-mapping":
					if _, err := audit.ParseMapping(x.String(), []byte(x.text)); err != nil {
						t.Errorf("%s: %v", x, err)
					}
				case "audit-report":
					var r audit.Report
					strictJSON(t, x, []byte(x.text), &r)
					if r.Schema != "jizhun-audit/v1" {
						t.Errorf("%s: schema %q", x, r.Schema)
					}
				case "problem":
					var p service.Problem
					strictJSON(t, x, []byte(x.text), &p)
					if p.Type != "urn:jizhun:problem:"+p.Code || p.Status < 400 || p.Title == "" {
						t.Errorf("%s: not a problem as the service writes it: %+v", x, p)
					}
				case "decision-log":
					for i, line := range strings.Split(strings.TrimSpace(joinContinued(x.text)), "\n") {
						var r service.LogRecord
						strictJSON(t, x, []byte(elideObjects(line)), &r)
						if r.Time.IsZero() || r.Catalog.ID == "" || r.Engine == "" {
							t.Errorf("%s: record %d lacks time, catalog or engine", x, i+1)
						}
					}
				default:
					t.Errorf("%s: unknown example kind %q", x, x.kind)
				}
			})
			if x.kind == "case" {
				lastCase = x
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d examples found in the documents", checked)
	}
}

// joinContinued joins the lines of a JSON record that the document wraps:
// a line that does not start a record ({) continues the one before.
func joinContinued(text string) string {
	var b strings.Builder
	for i, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if i > 0 && !strings.HasPrefix(line, "{") {
			b.WriteString(" " + strings.TrimSpace(line))
			continue
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(line)
	}
	return b.String()
}

var elidedObject = regexp.MustCompile(`\{…[^{}]*\}`)

// elideObjects makes {…words…}, an object the document leaves out, an
// empty object.
func elideObjects(s string) string { return elidedObject.ReplaceAllString(s, "{}") }

func strictJSON(t *testing.T, x *docExample, data []byte, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Errorf("%s: %v", x, err)
	}
}

func checkCatalogExample(t *testing.T, x *docExample) {
	cat, err := catalog.Load(x.String(), []byte(x.text))
	if err != nil {
		t.Fatalf("%s: the catalog does not load:\n%v", x, err)
	}
	if _, err := discretion.Compile(cat); err != nil {
		t.Errorf("%s: the catalog does not compile:\n%v", x, err)
	}
}

// docSchemas compiles the schemas under schema/, by file name as they
// refer to one another.
func docSchemas(t *testing.T) *jsonschema.Compiler {
	c := jsonschema.NewCompiler()
	for _, name := range schema.Names() {
		data, _ := schema.Get(name)
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := c.AddResource(schemaURL(name), doc); err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func schemaURL(name string) string { return "file:///jizhun/schema/" + schema.FileName(name) }

func validate(t *testing.T, x *docExample, c *jsonschema.Compiler, ref string, v any) {
	t.Helper()
	s, err := c.Compile(ref)
	if err != nil {
		t.Fatalf("%s: %s: %v", x, ref, err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("%s: against %s:\n%v", x, ref, err)
	}
}

// yamlJSON reads YAML (strictly: a key given twice is an error) as the
// values JSON Schema validates: numbers keep their text.
func yamlJSON(t *testing.T, x *docExample, text string) any {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatalf("%s: not YAML: %v", x, err)
	}
	if len(doc.Content) == 0 {
		t.Fatalf("%s: empty", x)
	}
	return schema.YAMLValue(doc.Content[0])
}

// dedent removes the indentation common to the lines of a fragment cut
// from inside a catalog.
func dedent(text string) string {
	lines := strings.Split(text, "\n")
	common := -1
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " "))
		if common < 0 || n < common {
			common = n
		}
	}
	for i, l := range lines {
		if len(l) >= common && common > 0 {
			lines[i] = l[common:]
		}
	}
	return strings.Join(lines, "\n")
}

// checkFragment checks a part of a catalog against the catalog schema at
// the place the marker names: each key of a mapping against the property of
// that name, each element of a list against the place itself. A fragment
// is partial: what it elides ("…", {…}, […], a key "…") is left out, and
// the keys it does not show are not required.
func checkFragment(t *testing.T, x *docExample, c *jsonschema.Compiler) {
	fc := fragmentChecker{t: t, x: x, c: c, schema: rawCatalogSchema(t)}
	switch v := yamlJSON(t, x, dedent(x.text)).(type) {
	case map[string]any:
		fc.keys(x.args["at"], v)
	case []any:
		for _, el := range v {
			fc.check(x.args["at"], el)
		}
	default:
		t.Errorf("%s: a fragment is a mapping or a list", x)
	}
}

type fragmentChecker struct {
	t      *testing.T
	x      *docExample
	c      *jsonschema.Compiler
	schema map[string]any
}

// check validates v against the schema at pointer, part by part where it
// elides something.
func (fc *fragmentChecker) check(pointer string, v any) {
	if elided(v) {
		return
	}
	if !hasElided(v) {
		validate(fc.t, fc.x, fc.c, schemaURL("catalog")+"#"+pointer, v)
		return
	}
	switch v := v.(type) {
	case map[string]any:
		fc.keys(pointer, v)
	case []any:
		p, _ := fc.resolve(pointer)
		for _, el := range v {
			fc.check(p+"/items", el)
		}
	}
}

// keys checks each key of a partial object at pointer.
func (fc *fragmentChecker) keys(pointer string, v map[string]any) {
	p, node := fc.resolve(pointer)
	props, _ := node["properties"].(map[string]any)
	for _, k := range sortedKeys(v) {
		if k == "…" {
			continue
		}
		if _, ok := props[k]; !ok {
			fc.t.Errorf("%s: %q is not a key of the catalog at %q", fc.x, k, pointer)
			continue
		}
		fc.check(p+"/properties/"+k, v[k])
	}
}

// resolve follows the schema's $refs from pointer to the node that
// defines the value.
func (fc *fragmentChecker) resolve(pointer string) (string, map[string]any) {
	for range 10 {
		var node any = fc.schema
		for _, part := range strings.Split(strings.Trim(pointer, "/"), "/") {
			if part == "" {
				continue
			}
			m, _ := node.(map[string]any)
			node = m[part]
		}
		m, ok := node.(map[string]any)
		if !ok {
			fc.t.Fatalf("%s: no %q in the catalog schema", fc.x, pointer)
		}
		ref, _ := m["$ref"].(string)
		if !strings.HasPrefix(ref, "#") {
			return pointer, m
		}
		pointer = strings.TrimPrefix(ref, "#")
	}
	fc.t.Fatalf("%s: $refs do not end at %q", fc.x, pointer)
	return "", nil
}

// elided reports whether a value stands for something left out: "…",
// {…} or […].
func elided(v any) bool {
	switch v := v.(type) {
	case string:
		return v == "…"
	case map[string]any:
		_, ok := v["…"]
		return ok && len(v) == 1
	case []any:
		return len(v) == 1 && v[0] == "…"
	}
	return false
}

func hasElided(v any) bool {
	if elided(v) {
		return true
	}
	switch v := v.(type) {
	case map[string]any:
		for k, el := range v {
			if k == "…" || hasElided(el) {
				return true
			}
		}
	case []any:
		return slices.ContainsFunc(v, hasElided)
	}
	return false
}

func rawCatalogSchema(t *testing.T) map[string]any {
	data, _ := schema.Get("catalog")
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// engineFor compiles the catalog an example names, or the bundled one.
func engineFor(t *testing.T, x *docExample) *discretion.Engine {
	t.Helper()
	name, data := examples.CountyFile, examples.County()
	if f := x.args["catalog"]; f != "" {
		var err error
		if data, err = os.ReadFile(f); err != nil {
			t.Fatalf("%s: %v", x, err)
		}
		name = f
	}
	cat, err := catalog.Load(name, data)
	if err != nil {
		t.Fatal(err)
	}
	e, err := discretion.Compile(cat)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func jsonValue(t *testing.T, x *docExample, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%s: not JSON: %v", x, err)
	}
	return v
}

func decideExample(t *testing.T, x *docExample) *discretion.Decision {
	t.Helper()
	c, err := discretion.ParseCase(strings.NewReader(x.text))
	if err != nil {
		t.Fatalf("%s: the case is rejected:\n%v", x, err)
	}
	d, err := engineFor(t, x).Decide(context.Background(), c)
	if err != nil {
		t.Fatalf("%s: the case is not decided:\n%v", x, err)
	}
	return d
}

func checkCaseExample(t *testing.T, x *docExample, c *jsonschema.Compiler) {
	validate(t, x, c, schemaURL("case"), jsonValue(t, x, []byte(x.text)))
	decideExample(t, x)
}

func checkDecisionExample(t *testing.T, x, caseExample *docExample, c *jsonschema.Compiler) {
	v := jsonValue(t, x, []byte(x.text))
	validate(t, x, c, schemaURL("decision"), v)
	if caseExample == nil {
		t.Fatalf("%s: a decision example follows the case example it decides", x)
	}
	d := decideExample(t, caseExample)
	got, err := d.JSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range matchExample("", v, jsonValue(t, x, got)) {
		t.Errorf("%s: the decision of the case at %s: %s", x, caseExample, p)
	}
}

// matchExample compares an example with the real output: every field the
// example shows, with its value ("…" for any), and each step of its trace
// among the real steps.
func matchExample(path string, want, got any) []string {
	if s, ok := want.(string); ok && strings.HasSuffix(s, "…") {
		g, ok := got.(string)
		if !ok || !strings.HasPrefix(g, strings.TrimSuffix(s, "…")) {
			return []string{fmt.Sprintf("%s: %v, want %q", path, got, s)}
		}
		return nil
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: %v, want an object", path, got)}
		}
		var out []string
		for _, k := range sortedKeys(w) {
			gv, ok := g[k]
			if !ok {
				out = append(out, fmt.Sprintf("%s: the output has no field %q (omitted when empty?)", path, k))
				continue
			}
			out = append(out, matchExample(path+"."+k, w[k], gv)...)
		}
		return out
	case []any:
		g, ok := got.([]any)
		if !ok {
			return []string{fmt.Sprintf("%s: %v, want a list", path, got)}
		}
		if strings.HasSuffix(path, ".trace") {
			var out []string
			for i, step := range w {
				if !slices.ContainsFunc(g, func(real any) bool { return len(matchExample("", step, real)) == 0 }) {
					out = append(out, fmt.Sprintf("%s[%d]: no step of the decision's trace is %v", path, i, step))
				}
			}
			return out
		}
		if len(w) != len(g) {
			return []string{fmt.Sprintf("%s: %v, want %v", path, got, want)}
		}
		var out []string
		for i := range w {
			out = append(out, matchExample(fmt.Sprintf("%s[%d]", path, i), w[i], g[i])...)
		}
		return out
	}
	if !reflect.DeepEqual(want, got) {
		return []string{fmt.Sprintf("%s: %v, want %v", path, got, want)}
	}
	return nil
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func checkTestFileExample(t *testing.T, x *docExample) {
	dir := x.args["dir"]
	if dir == "" {
		t.Fatalf("%s: say where the test file lives: <!-- example: test-file dir=DIR -->", x)
	}
	f, err := casetest.Load(filepath.Join(dir, "doc_example_test.yaml"), []byte(x.text))
	if err != nil {
		t.Fatalf("%s: the test file does not load:\n%v", x, err)
	}
	rep, err := casetest.Run(context.Background(), []*casetest.File{f})
	if err != nil {
		t.Fatalf("%s: %v", x, err)
	}
	if rep.Failed > 0 || rep.Passed == 0 {
		var b strings.Builder
		for _, r := range rep.Results {
			if !r.Pass {
				fmt.Fprintf(&b, "\n  %s: %s %+v", r.Name, r.Error, r.Differences)
			}
		}
		t.Errorf("%s: %d passed, %d failed%s", x, rep.Passed, rep.Failed, b.String())
	}
}

// TestDocExamples_catch: the checks fail for what they are meant to catch.
func TestDocExamples_catch(t *testing.T) {
	if p := matchExample("", map[string]any{"reason": ""}, map[string]any{"outcome": "general"}); len(p) == 0 {
		t.Error("a field omitted when empty passes")
	}
	if p := matchExample("", map[string]any{"digest": "sha256:…"}, map[string]any{"digest": "sha256:ab"}); len(p) != 0 {
		t.Errorf("an elided digest fails: %v", p)
	}
	if p := matchExample("", map[string]any{"trace": []any{map[string]any{"step": "x"}}},
		map[string]any{"trace": []any{map[string]any{"step": "y"}}}); len(p) == 0 {
		t.Error("a step the trace does not have passes")
	}
}
