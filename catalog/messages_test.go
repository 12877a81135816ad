package catalog

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestMessagesTranslated finds every format the catalog and condition
// packages make a diagnostic or phrase from (the string literal given to
// Addf, errorf, SetHint, NewDiagnostic or P) and checks that the Chinese
// table translates it with the same verbs, so that no English reaches a
// bureau's reader.
func TestMessagesTranslated(t *testing.T) {
	formatArg := map[string]int{"Addf": 2, "errorf": -1, "SetHint": 0, "NewDiagnostic": 2, "P": 0, "bad": 0, "errorP": 0}
	files, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob(filepath.Join("condition", "*.go"))
	files = append(files, more...)
	seen := 0
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			}
			i, ok := formatArg[name]
			if !ok {
				return true
			}
			if i < 0 { // errorf(node or pos, code, format, …)
				i = 2
			}
			if i >= len(call.Args) {
				return true
			}
			lit, ok := call.Args[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			format, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			seen++
			zh, ok := messagesZh[format]
			if !ok {
				t.Errorf("%s: no Chinese for %q", fset.Position(lit.Pos()), format)
				return true
			}
			if verbs(zh) != verbs(format) && !strings.Contains(zh, "%[") {
				t.Errorf("%s: %q and its Chinese %q differ in verbs", fset.Position(lit.Pos()), format, zh)
			}
			return true
		})
	}
	if seen < 150 {
		t.Errorf("found %d formats; the scan is missing calls", seen)
	}
}

// verbs counts a format's verbs, ignoring explicit argument indexes.
func verbs(format string) int {
	n := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			i++
			continue
		}
		n++
	}
	return n
}

// TestPhraseEnglishAndChinese renders one diagnostic in both languages.
func TestPhraseEnglishAndChinese(t *testing.T) {
	d := NewDiagnostic(Pos{File: "c.yaml", Line: 3, Col: 1}, CodeUnknownField, "%s: unknown key %q", "<catalog>", "isuer").
		SetHint("did you mean %q?", "issuer")
	if got, want := d.Error(), `c.yaml:3:1: 目录：不认识的键 "isuer" (是否应为 "issuer"？)`; got != want {
		t.Errorf("Chinese: %s, want %s", got, want)
	}
	if got, want := d.Localize("en_US.UTF-8").Error(), `c.yaml:3:1: catalog: unknown key "isuer" (did you mean "issuer"?)`; got != want {
		t.Errorf("English: %s, want %s", got, want)
	}
	if got := d.Localize("zh_CN").Error(); got != d.Error() {
		t.Errorf("zh_CN: %s", got)
	}
}

// TestDidYouMeanPrefersPrefixAndPart checks the suggestion for a name
// that is the beginning or a part of a declared one.
func TestDidYouMeanPrefersPrefixAndPart(t *testing.T) {
	names := []string{"age", "area_m2", "days", "days_overdue", "harm"}
	for given, want := range map[string]string{
		"area":     "area_m2", // not age, two edits away
		"overdue":  "days_overdue",
		"dayz":     "days",
		"area_m2x": "area_m2",
		"xyz":      "",
	} {
		if got := didYouMean(given, names); got != want {
			t.Errorf("didYouMean(%q) = %q, want %q", given, got, want)
		}
	}
}
