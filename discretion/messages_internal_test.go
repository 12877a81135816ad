package discretion

import (
	"errors"
	"fmt"
	"go/ast"
	"strings"
	"testing"

	"github.com/jizhun/jizhun/internal/msgscan"
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
	found, err := msgscan.Scan([]string{"*.go"}, func(call *ast.CallExpr) int {
		name, recv := msgscan.FuncName(call), msgscan.Receiver(call)
		i, ok := formatArg[name]
		switch {
		case !ok:
			return -1
		case name == "add" && recv != "cerr" && recv != "e" && !isCerrAdd(call):
			// add is also the trace's method (tr.add, trace.add): only the
			// case errors' receivers are checked.
			return -1
		case name == "P" && recv != "messagesZh":
			return -1
		}
		return i
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, f := range found {
		switch {
		case f.Literal:
			seen++
			checkTranslated(t, f.Pos.String(), f.Text)
		case f.Ident != "format": // the helpers pass their format on
			t.Errorf("%s: %s is given a format that is not a literal", f.Pos, f.Func)
		}
	}
	if seen < 60 {
		t.Errorf("found %d formats; the scan is missing calls", seen)
	}
	for _, format := range syntaxContexts {
		checkTranslated(t, "syntaxContexts", format)
	}
}

// isCerrAdd reports whether a call is r.cerr.add(…), on the run's case
// error.
func isCerrAdd(call *ast.CallExpr) bool {
	fn, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	sel, ok := fn.X.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "cerr"
}

func checkTranslated(t *testing.T, where, format string) {
	t.Helper()
	zh, ok := messagesZh[format]
	if !ok {
		t.Errorf("%s: no Chinese for %q", where, format)
	} else if why := msgscan.Problem(format, zh); why != "" {
		t.Errorf("%s: %q and its Chinese %q: %s", where, format, zh, why)
	}
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
