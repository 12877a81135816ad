package standards

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
)

// untranslated lists the formats of findings still shown in English in
// the Chinese report. Each is a debt, not a decision: translate it into
// messagesZh and remove it here. The test fails on any other format
// without Chinese, and on an entry here that has been translated or no
// longer exists.
var untranslated = map[string]bool{}

// TestFindingMessagesTranslated finds every format the checks make a
// finding, hint, related rule or report line from (the string literal
// given to finding, vc.finding, newFinding, setHint, appendMessage,
// relatedRule, say or messagesZh.P) and checks that messagesZh translates
// it with the same verbs, so that no English reaches a bureau's reader.
func TestFindingMessagesTranslated(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	seen := map[string]bool{}
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
			i := -1
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				if k, ok := map[string]int{"finding": 4, "newFinding": 2, "relatedRule": 1, "say": 0}[fn.Name]; ok {
					i = k
				}
			case *ast.SelectorExpr:
				switch fn.Sel.Name {
				case "finding": // vc.finding(pos, code, sev, m, p, format, …)
					i = 5
				case "setHint", "appendMessage":
					i = 0
				case "P":
					if x, ok := fn.X.(*ast.Ident); ok && x.Name == "messagesZh" {
						i = 0
					}
				}
			}
			if i < 0 || i >= len(call.Args) {
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
			seen[format] = true
			zh, ok := messagesZh[format]
			if !ok { // the catalog's table translates "item %s" and the like
				zh = catalog.P(format).Render("zh")
				ok = zh != format
			}
			if !ok {
				if !untranslated[format] {
					t.Errorf("%s: no Chinese for %q", fset.Position(lit.Pos()), format)
				}
				return true
			}
			if untranslated[format] {
				t.Errorf("%s: %q is translated; remove it from untranslated", fset.Position(lit.Pos()), format)
			}
			if verbs(zh) != verbs(format) && !strings.Contains(zh, "%[") {
				t.Errorf("%s: %q and its Chinese %q differ in verbs", fset.Position(lit.Pos()), format, zh)
			}
			return true
		})
	}
	for format := range untranslated {
		if !seen[format] {
			t.Errorf("untranslated lists %q, which no finding uses", format)
		}
	}
	if len(seen) < 60 {
		t.Errorf("found %d formats; the scan is missing calls", len(seen))
	}
}

// TestReportWordsTranslated checks the words of the text report that are
// codes in JSON: severities and methods.
func TestReportWordsTranslated(t *testing.T) {
	for _, w := range []interface{ Word(string) string }{SeverityError, SeverityWarning, MethodInterval, MethodGenerated, MethodStatic} {
		if zh, en := w.Word("zh"), w.Word("en"); zh == en {
			t.Errorf("%s has no Chinese", en)
		}
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
