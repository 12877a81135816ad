package catalog_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/catalog/condition"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/penalty"
)

const starterPath = "../examples/starter/catalog.yaml"

func loadValid(t *testing.T, path string) *catalog.Catalog {
	t.Helper()
	cat, err := catalog.LoadFile(path)
	if err != nil {
		t.Fatalf("LoadFile(%s):\n%v", path, err)
	}
	if _, err := discretion.Compile(cat); err != nil {
		t.Fatalf("Compile(%s):\n%v", path, err)
	}
	return cat
}

func TestStarterCatalogHasNoDiagnostics(t *testing.T) {
	cat := loadValid(t, starterPath)
	if cat.ID != "starter-zhzf" || len(cat.Items) != 7 {
		t.Errorf("starter catalog: id %q with %d items", cat.ID, len(cat.Items))
	}
	data, err := os.ReadFile(starterPath)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	if want := "sha256:" + hex.EncodeToString(sum[:]); cat.Digest != want {
		t.Errorf("Digest = %s, want %s", cat.Digest, want)
	}
	if cat.File != starterPath {
		t.Errorf("File = %q", cat.File)
	}
	for _, it := range cat.Items {
		if !it.Pos.IsValid() || it.Pos.File != starterPath {
			t.Errorf("item %s has no position: %+v", it.Code, it.Pos)
		}
		for _, v := range it.Versions {
			if v.Benchmark == nil {
				continue
			}
			for _, g := range v.Benchmark.Grades {
				if g.When == nil || !g.When.Pos.IsValid() || g.When.Pos.Line <= it.Pos.Line {
					t.Errorf("item %s grade %s: condition without a position inside the item: %+v", it.Code, g.ID, g.When)
				}
			}
		}
	}
}

func TestValidFixturesLoad(t *testing.T) {
	files, _ := filepath.Glob("testdata/valid/*.yaml")
	if len(files) == 0 {
		t.Fatal("no fixtures in testdata/valid")
	}
	for _, f := range files {
		loadValid(t, f)
	}
}

func TestShortFormItemIsOneVersion(t *testing.T) {
	cat := loadValid(t, "testdata/valid/minimal.yaml")
	it := cat.Items[0]
	if len(it.Versions) != 1 {
		t.Fatalf("short-form item has %d versions, want 1", len(it.Versions))
	}
	v := it.Versions[0]
	if v.ID != "v1" || v.EffectiveFrom != cat.Effective || v.EffectiveTo != nil {
		t.Errorf("version %s from %s to %v; want v1 from the catalog's effective date %s, open-ended", v.ID, v.EffectiveFrom, v.EffectiveTo, cat.Effective)
	}
	if len(v.Sanctions) != 1 || v.Sanctions[0] != it.Sanctions[0] || v.Benchmark != it.Benchmark {
		t.Error("the version does not carry the item's sanctions and benchmark")
	}
	if v.Pos != it.Pos {
		t.Errorf("the version's position %v is not the item's %v", v.Pos, it.Pos)
	}
	fine := v.Sanctions[0].Amount.All
	if fine == nil || fine.Rule.Kind != penalty.Fixed || fine.Rule.Max == nil || fine.Rule.Max.String() != "20000" || !fine.Rule.Min.IsZero() {
		t.Errorf("amount {max: 20000} built %+v", fine)
	}
}

func TestShortFormItemTakesItsEffectiveFrom(t *testing.T) {
	cat := loadValid(t, starterPath)
	it := cat.Item("330217ZH004") // 《城市公共交通条例》, in force from 2024-12-01
	if it == nil || len(it.Versions) != 1 {
		t.Fatalf("item 330217ZH004: %+v", it)
	}
	if got := it.Versions[0].EffectiveFrom.String(); got != "2024-12-01" {
		t.Errorf("version starts %s, want the item's effective_from 2024-12-01", got)
	}
	if got := cat.Item("330217ZH001").Versions[0].EffectiveFrom; got != cat.Effective {
		t.Errorf("an item without effective_from starts %s, want the catalog's %s", got, cat.Effective)
	}
	if cat.Item("nope") != nil {
		t.Error("Item of an unknown code is not nil")
	}
}

func TestStatutoryDefaults(t *testing.T) {
	cat := loadValid(t, "testdata/valid/minimal.yaml")
	th := cat.Thresholds
	checks := []struct {
		what, got, want string
	}{
		// 《行政处罚法》 art. 51: 二百元 for citizens, 三千元 for organisations.
		{"simple_procedure.individual", th.SimpleProcedure.Individual.String(), "200"},
		{"simple_procedure.organization", th.SimpleProcedure.Organization.String(), "3000"},
		// art. 68 (一): 一百元以下.
		{"on_the_spot", th.OnTheSpot.String(), "100"},
		{"individual_business_as", string(th.IndividualBusinessAs), "individual"},
		// art. 36: two years, five for life, health and financial safety.
		{"limitation.years", strconv.Itoa(cat.Policies.Limitation.Years), "2"},
		{"limitation.extended_years", strconv.Itoa(cat.Policies.Limitation.ExtendedYears), "5"},
		{"policies.minors", string(cat.Policies.Minors), "lighter"},
		{"policies.mixed_factors", string(cat.Policies.MixedFactors), "lighter"},
		{"rounding.unit", cat.Rounding.Unit.String(), "1"},
		{"grade tier", cat.Items[0].Versions[0].Benchmark.Grades[0].Tier.String(), penalty.General.String()},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("default %s = %s, want %s", c.what, c.got, c.want)
		}
	}
	if th.Hearing != nil {
		t.Error("hearing thresholds are local and must have no default")
	}
	if cat.MapParty(catalog.IndividualBusiness) != catalog.Individual || cat.MapParty(catalog.Organization) != catalog.Organization {
		t.Error("MapParty does not follow individual_business_as")
	}
}

func TestExplicitValuesOverrideDefaults(t *testing.T) {
	src := strings.Replace(readFile(t, "testdata/valid/minimal.yaml"), "tier_scheme: midpoint\n", `tier_scheme: midpoint
thresholds:
  simple_procedure: {individual: 50, citation: {instrument: 测试规定, article: 1}}
  on_the_spot: 20
  on_the_spot_citation: {instrument: 测试规定, article: 2}
  individual_business_as: organization
policies:
  minors: mitigate
  mixed_factors: general
  limitation: {years: 3, extended_years: 6, citation: {instrument: 中华人民共和国测试法, article: 3}}
rounding: {unit: 10}
`, 1)
	cat, err := catalog.Load("override.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	th, p := cat.Thresholds, cat.Policies
	if th.SimpleProcedure.Individual.String() != "50" || th.SimpleProcedure.Organization.String() != "3000" ||
		th.OnTheSpot.String() != "20" || th.IndividualBusinessAs != catalog.Organization {
		t.Errorf("thresholds %+v: given values must stay, missing ones take the default", th)
	}
	if p.Minors != catalog.EffectMitigate || p.MixedFactors != catalog.EffectGeneral || p.Limitation.Years != 3 || p.Limitation.ExtendedYears != 6 {
		t.Errorf("policies %+v", p)
	}
	if cat.Rounding.Unit.String() != "10" || cat.MapParty(catalog.IndividualBusiness) != catalog.Organization {
		t.Errorf("rounding %v, individual business as %s", cat.Rounding.Unit, cat.MapParty(catalog.IndividualBusiness))
	}
}

func TestLoadEmptyInputs(t *testing.T) {
	for name, src := range map[string]string{
		"zero bytes":    "",
		"blank lines":   "\n\n   \n",
		"comments only": "# nothing here\n# still nothing\n",
	} {
		cat, err := catalog.Load("e.yaml", []byte(src))
		ds, ok := catalog.AsDiagnostics(err)
		if cat != nil || !ok || len(ds) != 1 || ds[0].Code != catalog.CodeSyntax || ds[0].Message != "文件是空的" || !strings.Contains(ds[0].Localize("en").Message, "empty") {
			t.Errorf("%s: Load = %v, %v; want one %s diagnostic saying the file is empty", name, cat, err, catalog.CodeSyntax)
			continue
		}
		if ds[0].Pos != (catalog.Pos{File: "e.yaml", Line: 1, Col: 1}) {
			t.Errorf("%s: position %v, want e.yaml:1:1", name, ds[0].Pos)
		}
	}
}

func TestLoadNonMappingDocuments(t *testing.T) {
	for name, src := range map[string]string{
		"a list":   "- a\n- b\n",
		"a scalar": "just text\n",
		"null":     "~\n",
	} {
		_, err := catalog.Load("d.yaml", []byte(src))
		ds, ok := catalog.AsDiagnostics(err)
		if !ok || len(ds) != 1 || ds[0].Code != catalog.CodeType || ds[0].Pos.Line != 1 {
			t.Errorf("%s: want one %s diagnostic at line 1, got %v", name, catalog.CodeType, err)
		}
	}
}

func TestLoadTooLarge(t *testing.T) {
	data := make([]byte, catalog.MaxFileSize+1)
	cat, err := catalog.Load("big.yaml", data)
	if cat != nil || !errorsIsCode(err, catalog.CodeTooLarge) {
		t.Errorf("Load of %d bytes = %v; want %s", len(data), err, catalog.CodeTooLarge)
	}
}

func TestLoadFileMissing(t *testing.T) {
	_, err := catalog.LoadFile("testdata/no-such-file.yaml")
	ds, ok := catalog.AsDiagnostics(err)
	if !ok || len(ds) != 1 || ds[0].Pos.File != "testdata/no-such-file.yaml" {
		t.Errorf("LoadFile of a missing file = %v; want one diagnostic naming the file", err)
	}
}

// TestLoadNeverPanics loads the starter catalog cut short after every line
// and with every line removed in turn: each variant must load (or fail)
// with diagnostics positioned in the file, never with a panic, and so must
// compiling the variants that load.
func TestLoadNeverPanics(t *testing.T) {
	lines := strings.SplitAfter(readFile(t, starterPath), "\n")
	step := 1
	if testing.Short() {
		step = 7
	}
	var variants []string
	for i := 0; i < len(lines); i += step {
		variants = append(variants, strings.Join(lines[:i], ""))
		variants = append(variants, strings.Join(lines[:i], "")+strings.Join(lines[i+1:], ""))
	}
	failures := 0
	for n, src := range variants {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("variant %d panicked: %v\n%s", n, r, src)
				}
			}()
			cat, err := catalog.Load("v.yaml", []byte(src))
			if cat != nil {
				// A catalog Load found problems in is compiled too, as
				// validate does, so that its conditions are checked in the
				// same run.
				loadDiags, _ := catalog.AsDiagnostics(err)
				if _, cerr := discretion.Compile(cat); cerr != nil {
					ds, _ := catalog.AsDiagnostics(cerr)
					loadDiags = append(loadDiags, ds...)
				}
				base := discretion.BaseScope(cat)
				loadDiags = append(loadDiags, condition.CheckItems(cat.LeftOut, func(it *catalog.Item) *condition.Scope {
					return discretion.ItemScope(base, cat, it)
				})...)
				err = loadDiags.Err()
			}
			if err == nil {
				return
			}
			failures++
			ds, ok := err.(catalog.Diagnostics)
			if !ok {
				t.Errorf("variant %d: error is %T, not Diagnostics", n, err)
				return
			}
			for _, d := range ds {
				if d.Pos.File != "v.yaml" || d.Pos.Line < 1 || d.Pos.Col < 1 || d.Pos.Line > len(lines)+1 {
					t.Errorf("variant %d: diagnostic at %+v: %v", n, d.Pos, d)
				}
			}
		}()
	}
	if failures == 0 {
		t.Error("no variant failed to load; the mutations are not reaching the loader")
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func errorsIsCode(err error, code string) bool {
	return errors.Is(err, &catalog.Diagnostic{Code: code})
}
