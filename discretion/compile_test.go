package discretion_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
)

// Compile type-checks every condition against the fact schema: a typo is a
// load error at its YAML position, never a surprise at Decide time.

const compileCatalog = `id: test-compile
title: 编译测试目录
issuer: 测试机关
effective: 2020-01-01
tier_scheme: midpoint
items:
  - code: C1
    name: 条件编译
    basis:
      violated: {instrument: 测试条例, article: 1}
      penalty: {instrument: 测试条例, article: 2}
    facts:
      area_m2: {type: number, label: 占用面积, min: 0, required: true}
    sanctions: [{type: fine, mandatory: true, amount: {min: 100, max: 1000}}]
    benchmark:
      grades:
        - id: a
          label: 小
          when: WHEN_A
          fine: {min: 100, max: 500}
        - id: b
          label: 大
          when: WHEN_B
          fine: {min: 500, max: 1000}
`

func compileErr(t *testing.T, whenA, whenB string) error {
	t.Helper()
	src := strings.NewReplacer("WHEN_A", whenA, "WHEN_B", whenB).Replace(compileCatalog)
	cat, err := catalog.Load("compile.yaml", []byte(src))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	_, err = discretion.Compile(cat)
	return err
}

func TestCompile_reports_every_bad_condition_at_its_position(t *testing.T) {
	err := compileErr(t, "aera_m2 < 10", `area_m2 == "big"`)
	if err == nil {
		t.Fatal("Compile accepted conditions with an unknown fact and a type error")
	}
	ds, ok := catalog.AsDiagnostics(err)
	if !ok || len(ds) != 2 {
		t.Fatalf("err = %v, want two diagnostics", err)
	}
	if !errors.Is(err, &catalog.Diagnostic{Code: catalog.CodeExprUnknown}) {
		t.Errorf("no %s diagnostic in %v", catalog.CodeExprUnknown, err)
	}
	if got := ds[0].Pos.String(); got != "compile.yaml:19:17" {
		t.Errorf("first diagnostic at %s, want compile.yaml:19:17", got)
	}
	if !strings.Contains(ds[0].Error(), "aera_m2") {
		t.Errorf("first diagnostic %q does not name the unknown fact", ds[0])
	}
	if ds[1].Pos.Line != 23 {
		t.Errorf("second diagnostic at %s, want line 23", ds[1].Pos)
	}
}

func TestCompile_procedure_variables_are_not_available_in_grades(t *testing.T) {
	err := compileErr(t, "fine_max < 10", "area_m2 >= 10")
	if err == nil || !strings.Contains(err.Error(), "程序条件") {
		t.Fatalf("err = %v, want fine_max explained as procedure-only", err)
	}
}

func TestCompile_accepts_good_conditions(t *testing.T) {
	if err := compileErr(t, "area_m2 < 10", "area_m2 >= 10"); err != nil {
		t.Fatal(err)
	}
}

func TestCompile_nil_catalog(t *testing.T) {
	if _, err := discretion.Compile(nil); err == nil {
		t.Error("Compile(nil) succeeded")
	}
}
