package standards

import (
	"go/ast"
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
