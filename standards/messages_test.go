package standards

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/internal/msgscan"
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
// relatedRule, say, messagesZh.P or messagesZh.Errorf) and checks that messagesZh translates
// it with the same verbs, so that no English reaches a bureau's reader.
func TestFindingMessagesTranslated(t *testing.T) {
	found, err := msgscan.Scan([]string{"*.go"}, func(call *ast.CallExpr) int {
		_, method := call.Fun.(*ast.SelectorExpr)
		switch name, recv := msgscan.FuncName(call), msgscan.Receiver(call); {
		case name == "finding" && method: // vc.finding(pos, code, sev, m, p, format, …)
			return 5
		case name == "finding":
			return 4
		case name == "newFinding":
			return 2
		case name == "relatedRule":
			return 1
		case name == "say" || name == "setHint" || name == "appendMessage":
			return 0
		case (name == "P" || name == "Errorf") && recv == "messagesZh":
			return 0
		}
		return -1
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range found {
		if !f.Literal {
			continue
		}
		seen[f.Text] = true
		zh, ok := messagesZh[f.Text]
		if !ok { // the catalog's table translates "item %s" and the like
			zh = catalog.P(f.Text).Render("zh")
			ok = zh != f.Text
		}
		switch {
		case !ok && !untranslated[f.Text]:
			t.Errorf("%s: no Chinese for %q", f.Pos, f.Text)
		case ok && untranslated[f.Text]:
			t.Errorf("%s: %q is translated; remove it from untranslated", f.Pos, f.Text)
		case ok:
			if why := msgscan.Problem(f.Text, zh); why != "" {
				t.Errorf("%s: %q and its Chinese %q: %s", f.Pos, f.Text, zh, why)
			}
		}
	}
	for format := range untranslated {
		if !seen[format] {
			t.Errorf("untranslated lists %q, which no finding uses", format)
		}
	}
	if len(seen) < 60 {
		t.Errorf("found %d formats; the scan is missing calls", len(seen))
	}
	checkClaimsTranslated(t)
}

// checkClaimsTranslated finds every claim (a function of the claim type's
// signature) and checks that each error it returns is built with
// messagesZh.Errorf, or is another claim's: a claim's error is shown in
// the hint of an unconfirmed finding, which a bureau reads in Chinese, and
// a fmt.Errorf there escapes the scan above.
func checkClaimsTranslated(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	claims := 0
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
			var typ *ast.FuncType
			var body *ast.BlockStmt
			switch fn := n.(type) {
			case *ast.FuncLit:
				typ, body = fn.Type, fn.Body
			case *ast.FuncDecl:
				typ, body = fn.Type, fn.Body
			}
			if typ == nil || body == nil || !isClaimSignature(typ) {
				return true
			}
			claims++
			ast.Inspect(body, func(n ast.Node) bool {
				if _, nested := n.(*ast.FuncLit); nested {
					return false // checked on its own if it is a claim
				}
				ret, ok := n.(*ast.ReturnStmt)
				if !ok || len(ret.Results) != 1 || isTranslatedClaimError(ret.Results[0]) {
					return true
				}
				t.Errorf("%s: a claim returns an error not built with messagesZh.Errorf: its text reaches the Chinese report untranslated", fset.Position(ret.Pos()))
				return true
			})
			return true
		})
	}
	if claims < 8 {
		t.Errorf("found %d claims; the scan is missing them", claims)
	}
}

// isClaimSignature reports whether a function has the claim type's
// signature: func(*discretion.Decision, error) error.
func isClaimSignature(typ *ast.FuncType) bool {
	if typ.Results == nil || len(typ.Results.List) != 1 || !isIdent(typ.Results.List[0].Type, "error") {
		return false
	}
	var params []ast.Expr
	for _, f := range typ.Params.List {
		for range max(1, len(f.Names)) {
			params = append(params, f.Type)
		}
	}
	if len(params) != 2 || !isIdent(params[1], "error") {
		return false
	}
	star, ok := params[0].(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Decision" && isIdent(sel.X, "discretion")
}

// isTranslatedClaimError reports whether a claim's returned error is nil,
// a messagesZh.Errorf, or what another claim returns: claimGap(d, err),
// claimExempt(name)(d, err).
func isTranslatedClaimError(x ast.Expr) bool {
	if isIdent(x, "nil") {
		return true
	}
	call, ok := x.(*ast.CallExpr)
	if !ok {
		return false
	}
	switch fn := call.Fun.(type) {
	case *ast.SelectorExpr:
		return fn.Sel.Name == "Errorf" && isIdent(fn.X, "messagesZh")
	case *ast.CallExpr:
		id, ok := fn.Fun.(*ast.Ident)
		return ok && strings.HasPrefix(id.Name, "claim")
	case *ast.Ident:
		return strings.HasPrefix(fn.Name, "claim")
	}
	return false
}

func isIdent(x ast.Expr, name string) bool {
	id, ok := x.(*ast.Ident)
	return ok && id.Name == name
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
