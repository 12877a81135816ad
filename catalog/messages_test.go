package catalog

import (
	"go/ast"
	"path/filepath"
	"testing"

	"github.com/jizhun/jizhun/internal/msgscan"
)

// TestMessagesTranslated finds every format the catalog and condition
// packages make a diagnostic or phrase from (the string literal given to
// Addf, errorf, SetHint, NewDiagnostic or P) and checks that the Chinese
// table translates it with the same verbs, so that no English reaches a
// bureau's reader.
func TestMessagesTranslated(t *testing.T) {
	formatArg := map[string]int{"Addf": 2, "errorf": 2, "SetHint": 0, "NewDiagnostic": 2, "P": 0, "bad": 0, "errorP": 0}
	found, err := msgscan.Scan([]string{"*.go", filepath.Join("condition", "*.go")}, func(call *ast.CallExpr) int {
		if i, ok := formatArg[msgscan.FuncName(call)]; ok {
			return i
		}
		return -1
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, f := range found {
		if !f.Literal {
			continue
		}
		seen++
		zh, ok := messagesZh[f.Text]
		if !ok {
			t.Errorf("%s: no Chinese for %q", f.Pos, f.Text)
		} else if why := msgscan.Problem(f.Text, zh); why != "" {
			t.Errorf("%s: %q and its Chinese %q: %s", f.Pos, f.Text, zh, why)
		}
	}
	if seen < 150 {
		t.Errorf("found %d formats; the scan is missing calls", seen)
	}
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
