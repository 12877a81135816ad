package schema_test

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
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
	return schema.YAMLValue(doc.Content[0])
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

// Minimal valid documents, which the mistakes below change in one place.
const (
	minimalCatalog = `{"id":"x","title":"x","issuer":"x","effective":"2026-01-01","tier_scheme":"midpoint",
		"items":[{"code":"T001","name":"测试事项",
			"basis":{"violated":{"instrument":"测试条例","article":1},"penalty":{"instrument":"测试条例","article":2}},
			"sanctions":[{"type":"warning","mandatory":true}],
			"benchmark":{"grades":[{"id":"only","label":"一般","when":"true"}]}}]}`
	minimalCase = `{"party":{"type":"individual"},"act_date":"2026-01-01","discovery_date":"2026-01-02","decision_date":"2026-01-03","facts":{}}`
)

// edit returns the JSON document base with the value at each dotted path
// ("items.0.code") replaced by a JSON value, or removed for "".
func edit(t *testing.T, base string, pathsAndValues ...string) any {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(base))
	if err != nil {
		t.Fatalf("%v: %s", err, base)
	}
	for i := 0; i+1 < len(pathsAndValues); i += 2 {
		steps := strings.Split(pathsAndValues[i], ".")
		var value any
		if v := pathsAndValues[i+1]; v != "" {
			if value, err = jsonschema.UnmarshalJSON(strings.NewReader(v)); err != nil {
				t.Fatalf("%v: %s", err, v)
			}
		}
		parent := doc
		for _, step := range steps[:len(steps)-1] {
			switch p := parent.(type) {
			case map[string]any:
				parent = p[step]
			case []any:
				n, _ := strconv.Atoi(step)
				parent = p[n]
			}
		}
		last := steps[len(steps)-1]
		switch p := parent.(type) {
		case map[string]any:
			if value == nil {
				delete(p, last)
			} else {
				p[last] = value
			}
		case []any:
			n, _ := strconv.Atoi(last)
			p[n] = value
		default:
			t.Fatalf("%s: no such place in %s", pathsAndValues[i], base)
		}
	}
	return doc
}

// The minimal documents validate, so that each mistake below is rejected
// for the mistake it makes; so do the forms the mistakes are close to.
func TestSchemasAcceptMinimal(t *testing.T) {
	schemas := compiled(t)
	tests := []struct {
		name, schema string
		doc          any
	}{
		{"catalog_minimal", "catalog", edit(t, minimalCatalog)},
		{"catalog_rank_and_deference", "catalog", edit(t, minimalCatalog,
			"items.0.basis.penalty.rank", `"administrative_regulation"`,
			"items.0.basis.penalty.effective", `"2020-01-01"`,
			"items.0.basis.defers", `{"to":["law"],"citation":{"instrument":"测试条例","article":40}}`)},
		{"catalog_transition", "catalog", edit(t, minimalCatalog, "transition", `{"acts_before_effective":"apply"}`)},
		{"catalog_lowered_thresholds_cited", "catalog", edit(t, minimalCatalog, "thresholds",
			`{"simple_procedure":{"individual":100,"citation":{"instrument":"测试规定"}},"on_the_spot":50,"on_the_spot_citation":{"instrument":"测试规定"},
			  "confiscation_hearing":{"organization":{"amount":"100000","inclusive":true},"citation":{"instrument":"测试规定"}}}`)},
		{"catalog_enum_values", "catalog", edit(t, minimalCatalog, "facts", `{"harm":{"type":"enum","label":"危害后果","values":{"none":"无","serious":"严重"}}}`)},
		{"catalog_list_entries_code_and_situation", "catalog", edit(t, minimalCatalog, "lists",
			`[{"id":"fo","kind":"first_offense","title":"首违不罚清单","effective":"2026-01-01",
			   "items":["T001",{"item":"T002","when":"area_m2 <= 2","label":"占用面积不超过2平方米","note":"新增"}]}]`)},
		{"case_minimal", "case", edit(t, minimalCase)},
		{"case_act_ongoing", "case", edit(t, minimalCase, "act_ongoing", "true")},
		{"case_act_ended", "case", edit(t, minimalCase, "act_ongoing", "false", "act_end_date", `"2026-01-01"`)},
		{"case_confiscated", "case", edit(t, minimalCase, "confiscated", `{"gains":"12000.50","property_value":3000}`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := schemas[tt.schema].Validate(tt.doc); err != nil {
				t.Errorf("%s rejects a valid document: %v", schema.FileName(tt.schema), err)
			}
		})
	}
}

// The schemas reject what the loaders reject, so that an editor marks it.
func TestSchemasRejectMistakes(t *testing.T) {
	schemas := compiled(t)
	tests := []struct {
		name, schema string
		doc          any
	}{
		{"catalog_unknown_key", "catalog", edit(t, minimalCatalog, "titel", `"x"`)},
		{"catalog_missing_issuer", "catalog", edit(t, minimalCatalog, "issuer", "")},
		{"catalog_amount_with_unit", "catalog", edit(t, minimalCatalog, "thresholds", `{"on_the_spot":"100元"}`)},
		{"catalog_date_not_iso", "catalog", edit(t, minimalCatalog, "effective", `"2026年1月1日"`)},
		{"catalog_without_items", "catalog", edit(t, minimalCatalog, "items", `[]`)},
		{"catalog_blank_id", "catalog", edit(t, minimalCatalog, "id", `" \t"`)},
		{"catalog_id_of_ideographic_spaces", "catalog", edit(t, minimalCatalog, "id", `"\u3000\u3000"`)},
		{"item_code_empty", "catalog", edit(t, minimalCatalog, "items.0.code", `""`)},
		{"grade_label_blank", "catalog", edit(t, minimalCatalog, "items.0.benchmark.grades.0.label", `"  "`)},
		{"citation_instrument_blank", "catalog", edit(t, minimalCatalog, "items.0.basis.penalty.instrument", `" "`)},
		{"condition_blank", "catalog", edit(t, minimalCatalog, "items.0.benchmark.grades.0.when", `"   "`)},
		{"enum_value_name_blank", "catalog", edit(t, minimalCatalog, "facts", `{"harm":{"type":"enum","label":"危害后果","values":{" ":"轻微"}}}`)},
		{"enum_value_label_blank", "catalog", edit(t, minimalCatalog, "facts", `{"harm":{"type":"enum","label":"危害后果","values":{"serious":""}}}`)},
		{"enum_fact_without_values", "catalog", edit(t, minimalCatalog, "facts", `{"harm":{"type":"enum","label":"危害后果"}}`)},
		{"enum_fact_with_no_values", "catalog", edit(t, minimalCatalog, "facts", `{"harm":{"type":"enum","label":"危害后果","values":{}}}`)},
		{"values_of_a_number_fact", "catalog", edit(t, minimalCatalog, "facts", `{"area":{"type":"number","label":"面积","values":{"big":"大"}}}`)},
		{"citation_rank_unknown", "catalog", edit(t, minimalCatalog, "items.0.basis.penalty.rank", `"regulation"`)},
		{"citation_effective_not_a_date", "catalog", edit(t, minimalCatalog, "items.0.basis.penalty.effective", `"2020"`)},
		{"defers_without_citation", "catalog", edit(t, minimalCatalog, "items.0.basis.defers", `{"to":["law"]}`)},
		{"defers_to_unknown_rank", "catalog", edit(t, minimalCatalog, "items.0.basis.defers", `{"to":["法律"],"citation":{"instrument":"测试条例"}}`)},
		{"transition_unknown_rule", "catalog", edit(t, minimalCatalog, "transition", `{"acts_before_effective":"old"}`)},
		{"transition_without_rule", "catalog", edit(t, minimalCatalog, "transition", `{"citation":{"instrument":"测试基准"}}`)},
		{"confiscation_hearing_without_party", "catalog", edit(t, minimalCatalog, "thresholds", `{"confiscation_hearing":{"citation":{"instrument":"测试规定"}}}`)},
		{"confiscation_hearing_without_citation", "catalog", edit(t, minimalCatalog, "thresholds", `{"confiscation_hearing":{"individual":{"amount":10000,"inclusive":true}}}`)},
		{"special_over_not_a_list", "catalog", edit(t, minimalCatalog, "items.0.special_over", `"T002"`)},
		{"list_entry_when_without_label", "catalog", edit(t, minimalCatalog, "lists",
			`[{"id":"fo","kind":"first_offense","title":"首违不罚清单","effective":"2026-01-01","items":[{"item":"T001","when":"area_m2 <= 2"}]}]`)},
		{"list_entry_label_without_when", "catalog", edit(t, minimalCatalog, "lists",
			`[{"id":"fo","kind":"first_offense","title":"首违不罚清单","effective":"2026-01-01","items":[{"item":"T001","label":"首次被发现"}]}]`)},
		{"list_entry_without_item", "catalog", edit(t, minimalCatalog, "lists",
			`[{"id":"fo","kind":"first_offense","title":"首违不罚清单","effective":"2026-01-01","items":[{"when":"true","label":"全部"}]}]`)},
		{"list_entry_unknown_key", "catalog", edit(t, minimalCatalog, "lists",
			`[{"id":"fo","kind":"first_offense","title":"首违不罚清单","effective":"2026-01-01","items":[{"item":"T001","situation":"首次"}]}]`)},
		{"case_unknown_party_type", "case", edit(t, minimalCase, "party.type", `"person"`)},
		{"case_unknown_field", "case", edit(t, minimalCase, "fact", `{}`)},
		{"case_act_ongoing_with_end_date", "case", edit(t, minimalCase, "act_ongoing", "true", "act_end_date", `"2026-01-01"`)},
		{"case_confiscated_negative", "case", edit(t, minimalCase, "confiscated", `{"gains":-1}`)},
		{"case_confiscated_with_unit", "case", edit(t, minimalCase, "confiscated", `{"property_value":"3000元"}`)},
		{"case_confiscated_unknown_field", "case", edit(t, minimalCase, "confiscated", `{"value":3000}`)},
		{"decision_unknown_outcome", "decision", edit(t, `{"item":"x","item_name":"x","outcome":"severe","discretionary":false,"sanctions":[],"orders":[],"procedure":{"simple":false,"on_the_spot":false,"hearing":false,"legal_review":false,"collective_discussion":false},"basis":[],"trace":[],"catalog":{"id":"x","digest":"x"}}`)},
		{"test_without_outcome", "test", edit(t, `{"tests":{"a":{"case":"a.json"}}}`)},
		{"test_fine_with_unit", "test", edit(t, `{"tests":{"a":{"case":"a.json","outcome":"general","fine":{"min":"20元","max":"30"}}}}`)},
		{"test_inline_case_checked", "test", edit(t, `{"tests":{"a":{"case":{"party":{"type":"person"}},"outcome":"general"}}}`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := schemas[tt.schema].Validate(tt.doc); err == nil {
				t.Errorf("%s accepts %v", schema.FileName(tt.schema), tt.doc)
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
	// nonBlank, when set, is the $ref a required string field's property
	// must use (unless it lists an enum): the loader rejects a required
	// string that is empty or only blanks.
	nonBlank string
	// extra lists the properties a type's own MarshalJSON writes besides
	// its tagged fields (Decision's trace, rendered from a compact record).
	extra map[reflect.Type][]extraProp
	seen  map[reflect.Type]bool
}

// extraProp is a property written by a MarshalJSON, not by a field.
type extraProp struct {
	key      string
	typ      reflect.Type
	required bool
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
		prop, ok := props[key].(map[string]any)
		if !ok {
			d.t.Errorf("%s.%s (%s %q) is not a property of %s $defs/%s", typ, f.Name, d.tag, key, d.file, name)
		}
		if ok && d.nonBlank != "" && f.Type == typeOf[string]() && d.required(f) && prop["$ref"] != d.nonBlank && prop["enum"] == nil {
			d.t.Errorf("%s $defs/%s property %q is required text: it must refer to %s, as the loader rejects a blank %s.%s", d.file, name, key, d.nonBlank, typ, f.Name)
		}
		d.check(f.Type, typ.String()+"."+f.Name)
	}
	for _, x := range d.extra[typ] {
		fields = append(fields, x.key)
		if d.required != nil && x.required {
			required = append(required, x.key)
		}
		if _, ok := props[x.key].(map[string]any); !ok {
			d.t.Errorf("%s writes %q, which is not a property of %s $defs/%s", typ, x.key, d.file, name)
		}
		d.check(x.typ, typ.String()+" "+x.key)
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
		nonBlank: "#/$defs/nonBlank",
		defs: map[reflect.Type]string{
			typeOf[catalog.Catalog]():           "",
			typeOf[catalog.Transition]():        "transition",
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
			typeOf[catalog.Deference]():         "deference",
			typeOf[catalog.ItemLimitation]():    "itemLimitation",
			typeOf[catalog.Version]():           "version",
			typeOf[catalog.Precondition]():      "precondition",
			typeOf[catalog.Sanction]():          "sanction",
			typeOf[catalog.FineRange]():         "fineRange",
			typeOf[catalog.PersonsFine]():       "personsFine",
			typeOf[catalog.PersonsGradeFine]():  "personsGradeFine",
			typeOf[catalog.Benchmark]():         "benchmark",
			typeOf[catalog.Grade]():             "grade",
			typeOf[catalog.Exemption]():         "exemption",
			typeOf[catalog.FirstOffense]():      "firstOffense",
			typeOf[catalog.Commitment]():        "commitment",
			typeOf[catalog.Offset]():            "offset",
			typeOf[catalog.Factor]():            "factor",
			typeOf[catalog.FactorApply]():       "factorApply",
			typeOf[catalog.Constraint]():        "constraint",
			typeOf[catalog.Count]():             "count",
			typeOf[catalog.Group]():             "group",
			typeOf[catalog.List]():              "list",
			typeOf[catalog.ListTransition]():    "listTransition",
			typeOf[catalog.ListEntry]():         "listEntry",
			typeOf[catalog.Rule]():              "rule",
			typeOf[catalog.Fact]():              "fact",
			typeOf[catalog.AmountRule]():        "amountRule",
			typeOf[catalog.AmountFallback]():    "amountFallback",
			typeOf[catalog.Span]():              "span",
			typeOf[catalog.FineFormula]():       "fineFormula",
		},
		// Types the loader reads in a form of their own (catalog/decode.go),
		// each described by hand in the schema; they contain these structs.
		custom: map[reflect.Type][]reflect.Type{
			typeOf[catalog.Facts]():       {typeOf[catalog.Fact]()},
			typeOf[catalog.ListEntries](): {typeOf[catalog.ListEntry]()},
			typeOf[catalog.Amount]():      {typeOf[catalog.AmountRule]()},
			typeOf[catalog.GradeFine]():   {typeOf[catalog.Span](), typeOf[catalog.FineFormula]()},
			typeOf[catalog.EnumValues]():  nil,
			typeOf[catalog.Default]():     nil,
			typeOf[catalog.Cond]():        nil,
			typeOf[catalog.Window]():      nil,
			typeOf[catalog.Pos]():         nil,
			typeOf[decimal.Decimal]():     nil,
		},
	}
	d.check(typeOf[catalog.Catalog](), "the catalog")
	// The hand-described forms: a grade's fine and a party split of amounts.
	form := def(t, d.doc, "gradeFineForm")["properties"].(map[string]any)
	if got, want := keys(form), []string{"formula", "max", "max_exclusive", "min", "min_exclusive", "percent", "share", "tier", "times"}; !slices.Equal(got, want) {
		t.Errorf("$defs/gradeFineForm has %v; the loader reads %v (catalog/decode.go gradeFineKeys)", got, want)
	}
}

func TestCaseSchemaMatchesTypes(t *testing.T) {
	d := &drift{t: t, file: "case.schema.json", doc: raw(t, "case"), tag: "json", seen: map[reflect.Type]bool{},
		defs: map[reflect.Type]string{
			typeOf[discretion.Case]():        "",
			typeOf[discretion.Party]():       "party",
			typeOf[discretion.Prior]():       "prior",
			typeOf[discretion.Commitment]():  "commitment",
			typeOf[discretion.Confiscated](): "confiscated",
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
			typeOf[discretion.Decision]():         "",
			typeOf[discretion.Fine]():             "fine",
			typeOf[discretion.PersonsFine]():      "personsFine",
			typeOf[discretion.PersonsProcedure](): "personsProcedure",
			typeOf[discretion.Procedure]():        "procedure",
			typeOf[discretion.CommitmentTerms]():  "commitmentTerms",
			typeOf[discretion.OffsetTerms]():      "offsetTerms",
			typeOf[discretion.CatalogRef]():       "catalogRef",
			typeOf[discretion.Step]():             "step",
		},
		custom: map[reflect.Type][]reflect.Type{
			typeOf[discretion.Facts]():  nil, // an object of fact values (Facts.MarshalJSON)
			typeOf[decimal.Decimal]():   nil,
			typeOf[catalog.PartyType](): nil,
		},
		// The reasons and the trace are rendered from the compact record and
		// written by Decision.MarshalJSON, as Decision.Reasons and
		// Decision.Steps render them.
		extra: map[reflect.Type][]extraProp{
			typeOf[discretion.Decision](): {
				{key: "reasons", typ: typeOf[[]string](), required: true},
				{key: "trace", typ: typeOf[[]discretion.Step](), required: true},
			},
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

// beyondSchema lists the invalid catalogs of the loader's tests whose
// diagnostics carry a structural code but whose rule the schema does not
// express, each with the reason. A required key that depends on how a value
// compares with the statute's is one: the schema could compare a YAML
// number, not the same amount written as a decimal string, and an editor
// would mark one form and not the other.
var beyondSchema = map[string]string{
	"art51_simple_limit_lowered_needs_citation.yaml":      "the citation is required only when an amount is below art. 51's 200 or 3000 yuan",
	"art68_on_the_spot_limit_lowered_needs_citation.yaml": "on_the_spot_citation is required only when on_the_spot is below art. 68's 100 yuan",
	"order_only_clause_needs_its_orders.yaml":             "orders are required only when sanctions is empty",
}

// Every invalid catalog of the loader's tests whose problems are all of
// structure (an unknown key, a wrong type, a missing, empty or blank key, no
// items) is rejected by the schema too, so that an editor marks it before
// the loader runs; beyondSchema names the exceptions and why.
func TestSchemaRejectsStructuralMistakes(t *testing.T) {
	schemas := compiled(t)
	structural := map[string]bool{catalog.CodeUnknownField: true, catalog.CodeType: true, catalog.CodeMissing: true}
	n := 0
	listed := map[string]bool{}
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
		rejected := schemas["catalog"].Validate(schema.YAMLValue(doc.Content[0])) != nil
		if reason, ok := beyondSchema[filepath.Base(path)]; ok {
			listed[filepath.Base(path)] = true
			if rejected {
				t.Errorf("%s is listed as beyond the schema (%s), but the schema rejects it: take it off the list", path, reason)
			}
			continue
		}
		n++
		if !rejected {
			t.Errorf("%s: the loader reports %v; the schema accepts it", path, ds)
		}
	}
	for name := range beyondSchema {
		if !listed[name] {
			t.Errorf("beyondSchema names %s, which is not a structurally invalid catalog of the loader's tests", name)
		}
	}
	t.Logf("%d structurally invalid catalogs rejected, %d beyond the schema", n, len(beyondSchema))
}
