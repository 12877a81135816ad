package jizhun_test

import (
	"bufio"
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/jizhun/jizhun"

// layers orders the module's top-level packages from the ground up, as the
// data flows: load, compile, decide, publish and check, test, command. A
// package may import its own layer and the layers below, never one above.
// Subpackages belong to their top-level package's layer (catalog/condition
// to catalog, standards/xlsx to standards). examples is data: it imports
// nothing of the module. audit re-decides past records with the engine and
// sits beside fuzz: neither needs the other. scripts are tools run with go
// run, at the top with the command.
var layers = map[string]int{
	"examples":   0,
	"internal":   0,
	"penalty":    0,
	"schema":     0,
	"catalog":    1,
	"discretion": 2,
	"standards":  3,
	"casetest":   3,
	"fuzz":       4,
	"audit":      4,
	"service":    4,
	"cmd":        5,
	"scripts":    5,
}

// goList runs the go tool in the module's root; the test is skipped where
// there is none. -e lists packages with errors too: an import that runs
// back up usually closes a cycle, which the listing reports and these
// tests name, where the test of any package in the cycle could not build.
func goList(t *testing.T, args ...string) []byte {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH to list the module's imports")
	}
	cmd := exec.Command(goTool, append([]string{"list"}, args...)...)
	cmd.Dir = "."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return out
}

// layerOf is the layer of a package of the module.
func layerOf(t *testing.T, pkg string) (string, int) {
	if pkg == module {
		return "", -1 // this test
	}
	top, _, _ := strings.Cut(strings.TrimPrefix(pkg, module+"/"), "/")
	n, ok := layers[top]
	if !ok {
		t.Errorf("package %s has no layer: add %q to the layers of layering_test.go at the module root", pkg, top)
	}
	return top, n
}

// TestImportsFlowDown: no package imports one of a higher layer. The
// engine and everything below it (penalty, catalog, catalog/condition)
// therefore never depend on standards, the published standard built on
// them.
func TestImportsFlowDown(t *testing.T) {
	out := goList(t, "-e", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "./...")
	sc := bufio.NewScanner(bytes.NewReader(out))
	packages := 0
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		packages++
		pkg := fields[0]
		from, lf := layerOf(t, pkg)
		for _, imp := range fields[1:] {
			if imp != module && !strings.HasPrefix(imp, module+"/") {
				continue
			}
			if to, li := layerOf(t, imp); li > lf {
				t.Errorf("%s imports %s: %s is above %s (imports flow penalty ← catalog ← discretion ← standards ← fuzz ← cmd)", pkg, imp, to, from)
			}
		}
	}
	if packages < len(layers) {
		t.Fatalf("go list found %d packages; the module has more", packages)
	}
}

// TestDecidingLinksNoPublishing: a program that only decides links neither
// standards (directly or through another package) nor the spreadsheet
// library its XLSX writer uses.
func TestDecidingLinksNoPublishing(t *testing.T) {
	out := goList(t, "-e", "-deps", "./discretion", "./catalog/...", "./penalty")
	deps := strings.Fields(string(out))
	if len(deps) == 0 {
		t.Fatal("go list found no dependencies")
	}
	for _, dep := range deps {
		switch {
		case dep == module+"/standards" || strings.HasPrefix(dep, module+"/standards/"):
			t.Errorf("the engine depends on %s", dep)
		case strings.HasPrefix(dep, "github.com/xuri/excelize"):
			t.Errorf("the engine links %s", dep)
		}
	}
}

// TestAuditLinksNoSpreadsheet: the audit reads and writes workbooks in
// audit/xlsx only, so that a program that audits CSV links no spreadsheet
// library.
func TestAuditLinksNoSpreadsheet(t *testing.T) {
	for _, dep := range strings.Fields(string(goList(t, "-e", "-deps", "./audit"))) {
		if strings.HasPrefix(dep, "github.com/xuri/excelize") {
			t.Errorf("audit links %s", dep)
		}
	}
}
