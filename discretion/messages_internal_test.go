package discretion

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/jizhun/jizhun/penalty"
)

// TestCaseMessagesTranslated finds every format this package makes a case
// problem or a phrase from (the string literal given to CaseError.add,
// caseError, newProblem or messagesZh.P) and checks that messagesZh
// translates it with the same verbs, so that no English reaches a bureau's
// reader of a case error. A format built at run time would escape the
// scan, so the scan also fails on a call whose format is not a literal.
func TestCaseMessagesTranslated(t *testing.T) {
	formatArg := map[string]int{"add": 1, "caseError": 1, "newProblem": 1, "P": 0}
	files, _ := filepath.Glob("*.go")
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
			var name, recv string
			switch fn := call.Fun.(type) {
			case *ast.Ident:
				name = fn.Name
			case *ast.SelectorExpr:
				name = fn.Sel.Name
				if x, ok := fn.X.(*ast.Ident); ok {
					recv = x.Name
				}
			}
			i, ok := formatArg[name]
			if !ok || i >= len(call.Args) {
				return true
			}
			// add is also the trace's method (tr.add, trace.add): only the
			// case errors' receivers are checked.
			if name == "add" && recv != "cerr" && recv != "e" {
				if sel, ok := call.Fun.(*ast.SelectorExpr); !ok || !isCerr(sel.X) {
					return true
				}
			}
			if name == "P" && recv != "messagesZh" {
				return true
			}
			switch a := call.Args[i].(type) {
			case *ast.BasicLit:
				if a.Kind != token.STRING {
					return true
				}
				format, err := strconv.Unquote(a.Value)
				if err != nil {
					t.Fatal(err)
				}
				seen++
				checkTranslated(t, fset.Position(a.Pos()).String(), format)
			case *ast.Ident:
				if a.Name != "format" { // the helpers pass their format on
					t.Errorf("%s: %s is given a format that is not a literal", fset.Position(a.Pos()), name)
				}
			default:
				t.Errorf("%s: %s is given a format that is not a literal", fset.Position(a.Pos()), name)
			}
			return true
		})
	}
	if seen < 60 {
		t.Errorf("found %d formats; the scan is missing calls", seen)
	}
	for _, format := range syntaxContexts {
		checkTranslated(t, "syntaxContexts", format)
	}
}

// isCerr reports whether x is r.cerr, the run's case error.
func isCerr(x ast.Expr) bool {
	sel, ok := x.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "cerr"
}

func checkTranslated(t *testing.T, where, format string) {
	t.Helper()
	zh, ok := messagesZh[format]
	if !ok {
		t.Errorf("%s: no Chinese for %q", where, format)
		return
	}
	if verbs(zh) != verbs(format) && !strings.Contains(zh, "%[") {
		t.Errorf("%s: %q and its Chinese %q differ in verbs", where, format, zh)
	}
	if hasLetters(format) && !hasHan(zh) {
		t.Errorf("%s: the Chinese of %q has no Chinese", where, format)
	}
}

// hasLetters reports whether a format has English words, not only verbs.
func hasLetters(format string) bool {
	for i := 0; i < len(format); i++ {
		if format[i] == '%' {
			i++ // the verb's letter
			continue
		}
		if c := format[i] | 0x20; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// verbs counts a format's verbs.
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

// TestCaseErrorLocalize renders one case error in both languages.
func TestCaseErrorLocalize(t *testing.T) {
	ce := &CaseError{}
	ce.add("facts.aera_m2", "item %s declares no fact %q; did you mean %q?", "V001", "aera_m2", "area_m2")
	zh := "案件有误：\n  facts.aera_m2: 事项 V001 没有声明事实 \"aera_m2\"；是否应为 \"area_m2\"？"
	if got := ce.Error(); got != zh {
		t.Errorf("Chinese:\n%s\nwant\n%s", got, zh)
	}
	en := "invalid case:\n  facts.aera_m2: item V001 declares no fact \"aera_m2\"; did you mean \"area_m2\"?"
	if got := ce.Localize("en_US.UTF-8").Error(); got != en {
		t.Errorf("English:\n%s\nwant\n%s", got, en)
	}
	if got := ce.Localize("en").Localize("zh").Error(); got != zh {
		t.Errorf("back to Chinese:\n%s", got)
	}
	if ce.Problems[0].Message != "事项 V001 没有声明事实 \"aera_m2\"；是否应为 \"area_m2\"？" {
		t.Errorf("Problem.Message = %q", ce.Problems[0].Message)
	}
}

// TestLocalizeError finds the engine's errors inside a wrapped error and
// renders them in the language asked for.
func TestLocalizeError(t *testing.T) {
	ce := caseError("act_date", "%s is before act_date %s", "2024-01-01", "2024-02-01")
	got := LocalizeError(fmt.Errorf("reading: %w", ce), "en").Error()
	if got != "invalid case:\n  act_date: 2024-01-01 is before act_date 2024-02-01" {
		t.Errorf("case error in English: %q", got)
	}
	gap := &GapError{Item: "V001", Version: "v1"}
	if got := LocalizeError(gap, "en").Error(); !strings.Contains(got, "no grade matches the case") {
		t.Errorf("gap in English: %q", got)
	}
	if got := gap.Error(); !strings.Contains(got, "本案不符合任何档次的条件") {
		t.Errorf("gap in Chinese: %q", got)
	}
	amb := &AmbiguousGradeError{Item: "V001", Version: "v1", Grades: [2]string{"a", "b"}, Labels: [2]string{"甲", "乙"}}
	if got := LocalizeError(amb, "en").Error(); !strings.Contains(got, "grade a (甲) and of grade b (乙)") {
		t.Errorf("ambiguity in English: %q", got)
	}
	other := errors.New("other")
	if LocalizeError(other, "en") != other {
		t.Error("another error is changed")
	}
}

// TestCaseErrorTranslatesPenaltyErrors: the one error of package penalty
// that can reach a case is rendered in the reader's language.
func TestCaseErrorTranslatesPenaltyErrors(t *testing.T) {
	ce := &CaseError{}
	ce.add("", "item %s: %v", "X1", fmt.Errorf("split: %w", penalty.ErrUnboundedRange))
	if got := ce.Problems[0].Message; got != "事项 X1：该幅度没有上限，无法划分档次" {
		t.Errorf("Chinese: %q", got)
	}
	if got := ce.Localize("en").Problems[0].Message; got != "item X1: the range has no maximum, so it cannot be split into tiers" {
		t.Errorf("English: %q", got)
	}
}
