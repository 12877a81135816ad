package schema_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/shopspring/decimal"
	"go.yaml.in/yaml/v3"

	"github.com/jizhun/jizhun/casetest"
	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/schema"
)

// root is the repository root, seen from this package's directory.
const root = ".."

// raw reads a schema as parsed JSON.
func raw(t *testing.T, name string) map[string]any {
	t.Helper()
	data, ok := schema.Get(name)
	if !ok {
		t.Fatalf("no schema %q", name)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", schema.FileName(name), err)
	}
	return v.(map[string]any)
}

// compiled compiles every schema with a real draft 2020-12 validator. The
// schemas have no $id: they refer to one another by file name (a test's
// inline case is a Case), relative to where they are read from, so that an
// editor that reads schema/test.schema.json finds schema/case.schema.json
// beside it.
func compiled(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	ids := map[string]string{}
	for _, name := range schema.Names() {
		doc := raw(t, name)
		if _, ok := doc["$id"]; ok {
			t.Errorf("%s has an $id; references between the schemas are by file name", schema.FileName(name))
		}
		id := "file:///jizhun/schema/" + schema.FileName(name)
		if err := c.AddResource(id, doc); err != nil {
			t.Fatal(err)
		}
		ids[name] = id
	}
	out := map[string]*jsonschema.Schema{}
	for name, id := range ids {
		s, err := c.Compile(id)
		if err != nil {
			t.Fatalf("%s does not compile: %v", schema.FileName(name), err)
		}
		out[name] = s
	}
	return out
}

// The files under schema/ are the ones embedded and printed.
func TestEmbeddedAreTheFiles(t *testing.T) {
	for _, name := range schema.Names() {
		onDisk, err := os.ReadFile(schema.FileName(name))
		if err != nil {
			t.Fatal(err)
		}
		embedded, _ := schema.Get(name)
		if !bytes.Equal(onDisk, embedded) {
			t.Errorf("%s differs from the embedded copy", schema.FileName(name))
		}
	}
	if _, ok := schema.Get("nonesuch"); ok {
		t.Error("Get found a schema that does not exist")
	}
}

// yamlValue turns a YAML document into the JSON value an editor's YAML
// language server validates: numbers stay numbers (exact), dates that YAML
// reads as timestamps are text.
func yamlValue(t *testing.T, path string) any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return nodeValue(doc.Content[0])
}

func nodeValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = nodeValue(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, el := range n.Content {
			l = append(l, nodeValue(el))
		}
		return l
	case yaml.AliasNode:
		return nodeValue(n.Alias)
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

func jsonValue(t *testing.T, path string) any {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

func glob(t *testing.T, pattern string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(root, pattern))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("nothing matches %s", pattern)
	}
	return paths
}

// TestExamplesValidate validates every example catalog, the valid test
// catalogs of the loader, every example case, test file and golden
// decision against its schema.
func TestExamplesValidate(t *testing.T) {
	schemas := compiled(t)
	sets := []struct {
		schema, pattern string
		yaml            bool
	}{
		{"catalog", "examples/*/catalog.yaml", true},
		{"catalog", "catalog/testdata/valid/*.yaml", true},
		{"case", "examples/*/cases/*.json", false},
		{"test", "examples/*/*_test.yaml", true},
		{"decision", "examples/*/golden/*.json", false},
	}
	for _, set := range sets {
		n := 0
		for _, path := range glob(t, set.pattern) {
			var v any
			if set.yaml {
				v = yamlValue(t, path)
			} else {
				v = jsonValue(t, path)
			}
			if err := schemas[set.schema].Validate(v); err != nil {
				t.Errorf("%s does not validate against %s:\n%v", path, schema.FileName(set.schema), err)
			}
			n++
		}
		t.Logf("%d files valid against %s", n, schema.FileName(set.schema))
	}
}

// The schemas reject what the loaders reject, so that an editor marks it.
func TestSchemasRejectMistakes(t *testing.T) {
	schemas := compiled(t)
	tests := []struct {
		name, schema, doc string
	}{
		{"catalog_unknown_key", "catalog", `{"id":"x","title":"x","issuer":"x","effective":"2026-01-01","tier_scheme":"midpoint","items":[],"titel":"x"}`},
		{"catalog_missing_issuer", "catalog", `{"id":"x","title":"x","effective":"2026-01-01","tier_scheme":"midpoint","items":[]}`},
		{"catalog_amount_with_unit", "catalog", `{"id":"x","title":"x","issuer":"x","effective":"2026-01-01","tier_scheme":"midpoint","items":[],"thresholds":{"on_the_spot":"100元"}}`},
		{"catalog_date_not_iso", "catalog", `{"id":"x","title":"x","issuer":"x","effective":"2026年1月1日","tier_scheme":"midpoint","items":[]}`},
		{"case_unknown_party_type", "case", `{"party":{"type":"person"},"act_date":"2026-01-01","discovery_date":"2026-01-02","decision_date":"2026-01-03","facts":{}}`},
		{"case_unknown_field", "case", `{"party":{"type":"individual"},"act_date":"2026-01-01","discovery_date":"2026-01-02","decision_date":"2026-01-03","facts":{},"fact":{}}`},
		{"decision_unknown_outcome", "decision", `{"item":"x","item_name":"x","outcome":"severe","discretionary":false,"sanctions":[],"orders":[],"procedure":{"simple":false,"on_the_spot":false,"hearing":false,"legal_review":false,"collective_discussion":false},"basis":[],"trace":[],"catalog":{"id":"x","digest":"x"}}`},
		{"test_without_outcome", "test", `{"tests":{"a":{"case":"a.json"}}}`},
		{"test_fine_with_unit", "test", `{"tests":{"a":{"case":"a.json","outcome":"general","fine":{"min":"20元","max":"30"}}}}`},
		{"test_inline_case_checked", "test", `{"tests":{"a":{"case":{"party":{"type":"person"}},"outcome":"general"}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := jsonschema.UnmarshalJSON(strings.NewReader(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			if err := schemas[tt.schema].Validate(v); err == nil {
				t.Errorf("%s accepts %s", schema.FileName(tt.schema), tt.doc)
			}
		})
	}
}

// ─── drift between the Go types and the schemas ───

// def returns the schema object of a $defs entry, or the root for "".
func def(t *testing.T, doc map[string]any, name string) map[string]any {
	t.Helper()
	if name == "" {
		return doc
	}
	defs, _ := doc["$defs"].(map[string]any)
	d, ok := defs[name].(map[string]any)
	if !ok {
		t.Fatalf("schema %s has no $defs/%s", doc["title"], name)
	}
	return d
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func stringsOf(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, x := range list {
		out = append(out, x.(string))
	}
	sort.Strings(out)
	return out
}

// drift compares the fields of Go struct types with the properties of
// their schema definitions. defs maps each struct type to its definition
// ("" for the root). Every struct type reached through tagged fields must be
// in defs or in custom (types with a YAML or JSON form of their own, which
// list the struct types their form contains).
type drift struct {
	t        *testing.T
	file     string
	doc      map[string]any
	tag      string // "yaml" or "json"
	defs     map[reflect.Type]string
	custom   map[reflect.Type][]reflect.Type
	required func(f reflect.StructField) bool // nil: required is not compared
	seen     map[reflect.Type]bool
}

func (d *drift) check(typ reflect.Type, from string) {
	typ = elem(typ)
	if d.seen[typ] || typ.Kind() != reflect.Struct && typ.Kind() != reflect.Slice {
		return
	}
	d.seen[typ] = true
	if children, ok := d.custom[typ]; ok {
		for _, c := range children {
			d.check(c, typ.String())
		}
		return
	}
	if typ.Kind() != reflect.Struct {
		return
	}
	name, ok := d.defs[typ]
	if !ok {
		d.t.Errorf("%s (reached from %s) has no definition in %s: add one, and add the type to this test", typ, from, d.file)
		return
	}
	sd := def(d.t, d.doc, name)
	props, _ := sd["properties"].(map[string]any)
	if sd["additionalProperties"] != false {
		d.t.Errorf("%s: $defs/%s must set additionalProperties: false, as the loader rejects unknown keys", d.file, name)
	}
	var fields, required []string
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		key, _, _ := strings.Cut(f.Tag.Get(d.tag), ",")
		if key == "" || key == "-" {
			continue
		}
		fields = append(fields, key)
		if d.required != nil && d.required(f) {
			required = append(required, key)
		}
		if _, ok := props[key]; !ok {
			d.t.Errorf("%s.%s (%s %q) is not a property of %s $defs/%s", typ, f.Name, d.tag, key, d.file, name)
		}
		d.check(f.Type, typ.String()+"."+f.Name)
	}
	for _, p := range keys(props) {
		if !slices.Contains(fields, p) {
			d.t.Errorf("%s $defs/%s has property %q, which %s does not have", d.file, name, p, typ)
		}
	}
	if d.required != nil {
		sort.Strings(required)
		if got := stringsOf(sd["required"]); !slices.Equal(got, required) {
			d.t.Errorf("%s $defs/%s requires %v; %s requires %v", d.file, name, got, typ, required)
		}
	}
}

func elem(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || (t.Kind() == reflect.Slice && t.Name() == "") || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	return t
}

func typeOf[T any]() reflect.Type { return reflect.TypeOf((*T)(nil)).Elem() }

func TestCatalogSchemaMatchesTypes(t *testing.T) {
	d := &drift{t: t, file: "catalog.schema.json", doc: raw(t, "catalog"), tag: "yaml", seen: map[reflect.Type]bool{},
		required: func(f reflect.StructField) bool { return f.Tag.Get("required") == "true" },
		defs: map[reflect.Type]string{
			typeOf[catalog.Catalog]():           "",
			typeOf[catalog.Thresholds]():        "thresholds",
			typeOf[catalog.PartyAmounts]():      "partyAmounts",
			typeOf[catalog.HearingThresholds](): "hearingThresholds",
			typeOf[catalog.HearingAmount]():     "hearingAmount",
			typeOf[catalog.Policies]():          "policies",
			typeOf[catalog.LimitationPolicy]():  "limitationPolicy",
			typeOf[catalog.Procedure]():         "procedureCriteria",
			typeOf[catalog.Rounding]():          "rounding",
			typeOf[catalog.Item]():              "item",
			typeOf[catalog.Basis]():             "basis",
			typeOf[catalog.Citation]():          "citation",
			typeOf[catalog.ItemLimitation]():    "itemLimitation",
			typeOf[catalog.Version]():           "version",
			typeOf[catalog.Precondition]():      "precondition",
			typeOf[catalog.Sanction]():          "sanction",
			typeOf[catalog.Benchmark]():         "benchmark",
			typeOf[catalog.Grade]():             "grade",
			typeOf[catalog.Exemption]():         "exemption",
			typeOf[catalog.FirstOffense]():      "firstOffense",
			typeOf[catalog.Commitment]():        "commitment",
			typeOf[catalog.Offset]():            "offset",
			typeOf[catalog.Factor]():            "factor",
			typeOf[catalog.Rule]():              "rule",
			typeOf[catalog.Fact]():              "fact",
			typeOf[catalog.AmountRule]():        "amountRule",
			typeOf[catalog.AmountFallback]():    "amountFallback",
			typeOf[catalog.Span]():              "span",
		},
		// Types the loader reads in a form of their own (catalog/decode.go),
		// each described by hand in the schema; they contain these structs.
		custom: map[reflect.Type][]reflect.Type{
			typeOf[catalog.Facts]():      {typeOf[catalog.Fact]()},
			typeOf[catalog.Amount]():     {typeOf[catalog.AmountRule]()},
			typeOf[catalog.GradeFine]():  {typeOf[catalog.Span]()},
			typeOf[catalog.EnumValues](): nil,
			typeOf[catalog.Default]():    nil,
			typeOf[catalog.Cond]():       nil,
			typeOf[catalog.Window]():     nil,
			typeOf[catalog.Pos]():        nil,
			typeOf[decimal.Decimal]():    nil,
		},
	}
	d.check(typeOf[catalog.Catalog](), "the catalog")
	// The hand-described forms: a grade's fine and a party split of amounts.
	form := def(t, d.doc, "gradeFineForm")["properties"].(map[string]any)
	if got, want := keys(form), []string{"max", "max_exclusive", "min", "min_exclusive", "percent", "share", "tier", "times"}; !slices.Equal(got, want) {
		t.Errorf("$defs/gradeFineForm has %v; the loader reads %v (catalog/decode.go gradeFineKeys)", got, want)
	}
}

func TestCaseSchemaMatchesTypes(t *testing.T) {
	d := &drift{t: t, file: "case.schema.json", doc: raw(t, "case"), tag: "json", seen: map[reflect.Type]bool{},
		defs: map[reflect.Type]string{
			typeOf[discretion.Case]():       "",
			typeOf[discretion.Party]():      "party",
			typeOf[discretion.Prior]():      "prior",
			typeOf[discretion.Commitment](): "commitment",
		},
	}
	d.check(typeOf[discretion.Case](), "the case")
}

// A Decision's JSON always has the fields without omitempty: the schema
// requires exactly those.
func TestDecisionSchemaMatchesTypes(t *testing.T) {
	d := &drift{t: t, file: "decision.schema.json", doc: raw(t, "decision"), tag: "json", seen: map[reflect.Type]bool{},
		required: func(f reflect.StructField) bool { return !strings.Contains(f.Tag.Get("json"), ",omitempty") },
		defs: map[reflect.Type]string{
			typeOf[discretion.Decision]():        "",
			typeOf[discretion.Fine]():            "fine",
			typeOf[discretion.Procedure]():       "procedure",
			typeOf[discretion.CommitmentTerms](): "commitmentTerms",
			typeOf[discretion.OffsetTerms]():     "offsetTerms",
			typeOf[discretion.CatalogRef]():      "catalogRef",
			typeOf[discretion.Step]():            "step",
		},
		custom: map[reflect.Type][]reflect.Type{
			typeOf[discretion.Facts]():  nil, // an object of fact values (Facts.MarshalJSON)
			typeOf[decimal.Decimal]():   nil,
			typeOf[catalog.PartyType](): nil,
		},
	}
	d.check(typeOf[discretion.Decision](), "the decision")
}

func TestTestSchemaMatchesFormat(t *testing.T) {
	doc := raw(t, "test")
	fileKeys, testKeys, procKeys := casetest.Keys()
	sort.Strings(fileKeys)
	sort.Strings(testKeys)
	sort.Strings(procKeys)
	if got := keys(doc["properties"].(map[string]any)); !slices.Equal(got, fileKeys) {
		t.Errorf("test.schema.json has top-level keys %v; casetest reads %v", got, fileKeys)
	}
	test := def(t, doc, "test")["properties"].(map[string]any)
	if got := keys(test); !slices.Equal(got, testKeys) {
		t.Errorf("test.schema.json $defs/test has keys %v; casetest reads %v", got, testKeys)
	}
	proc := test["procedure"].(map[string]any)["properties"].(map[string]any)
	if got := keys(proc); !slices.Equal(got, procKeys) {
		t.Errorf("test.schema.json procedure has keys %v; casetest reads %v", got, procKeys)
	}
	// Procedure flags are the Decision's.
	dproc := def(t, raw(t, "decision"), "procedure")["properties"].(map[string]any)
	if got := keys(dproc); !slices.Equal(got, procKeys) {
		t.Errorf("a test's procedure keys %v differ from the Decision's %v", procKeys, got)
	}
}

// Every description is Chinese: it is what an editor shows a legal officer.
func TestDescriptionsAreChinese(t *testing.T) {
	for _, name := range schema.Names() {
		var walk func(path string, v any)
		walk = func(path string, v any) {
			switch x := v.(type) {
			case map[string]any:
				if d, ok := x["description"].(string); ok && !hasHan(d) {
					t.Errorf("%s %s: description %q is not Chinese", schema.FileName(name), path, d)
				}
				for _, k := range keys(x) {
					if k == "properties" || k == "$defs" {
						for _, p := range keys(x[k].(map[string]any)) {
							pv := x[k].(map[string]any)[p]
							if m, ok := pv.(map[string]any); ok && k == "properties" && m["description"] == nil {
								if ref, _ := m["$ref"].(string); ref == "" {
									t.Errorf("%s %s/%s has no description", schema.FileName(name), path, p)
								}
							}
							walk(path+"/"+k+"/"+p, pv)
						}
						continue
					}
					walk(path+"/"+k, x[k])
				}
			case []any:
				for _, el := range x {
					walk(path, el)
				}
			}
		}
		walk("#", raw(t, name))
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// Every catalog in the module that the loader and the compiler accept,
// whatever its directory, validates against the catalog schema: the schema is never
// stricter than the loader.
func TestEveryLoadableCatalogValidates(t *testing.T) {
	schemas := compiled(t)
	n := 0
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, casetest.Suffix) {
			return nil
		}
		cat, err := catalog.LoadFile(path)
		if err != nil {
			return nil // not a catalog, or an invalid one kept to test the loader
		}
		if _, err := discretion.Compile(cat); err != nil {
			return nil // a condition the compiler rejects
		}
		n++
		if err := schemas["catalog"].Validate(yamlValue(t, path)); err != nil {
			t.Errorf("%s loads, but does not validate against catalog.schema.json:\n%v", path, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 3 {
		t.Fatalf("found %d loadable catalogs; expected the examples at least", n)
	}
	t.Logf("%d loadable catalogs validate", n)
}

// Every invalid catalog of the loader's tests whose problems are all of
// structure (an unknown key, a wrong type, a missing key) is rejected by
// the schema too, so that an editor marks it before the loader runs.
func TestSchemaRejectsStructuralMistakes(t *testing.T) {
	schemas := compiled(t)
	structural := map[string]bool{catalog.CodeUnknownField: true, catalog.CodeType: true, catalog.CodeMissing: true}
	n := 0
	for _, path := range glob(t, "catalog/testdata/invalid/*.yaml") {
		_, err := catalog.LoadFile(path)
		ds, ok := catalog.AsDiagnostics(err)
		if !ok || len(ds) == 0 {
			continue
		}
		all := true
		for _, d := range ds {
			all = all && structural[d.Code]
		}
		if !all {
			continue
		}
		var doc yaml.Node
		data, _ := os.ReadFile(path)
		if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
			continue
		}
		n++
		if err := schemas["catalog"].Validate(nodeValue(doc.Content[0])); err == nil {
			t.Errorf("%s: the loader reports %v; the schema accepts it", path, ds)
		}
	}
	t.Logf("%d structurally invalid catalogs rejected", n)
}
