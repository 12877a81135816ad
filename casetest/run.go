package casetest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/penalty"
)

// Result is the outcome of one test.
type Result struct {
	File string      `json:"file"`
	Name string      `json:"name"`
	Pos  catalog.Pos `json:"pos"`
	Item string      `json:"item,omitempty"` // the item the decision applied
	Pass bool        `json:"pass"`
	// Differences lists every stated expectation the decision does not
	// meet; Error is set instead when no decision could be made.
	Differences []Difference `json:"differences,omitempty"`
	Error       string       `json:"error,omitempty"`
	Why         string       `json:"why,omitempty"`
}

// Difference is one expectation that the decision does not meet.
type Difference struct {
	Field   string      `json:"field"` // the test file's key: outcome, fine, procedure.hearing …
	Pos     catalog.Pos `json:"pos"`   // where the expectation is written
	Want    string      `json:"want"`
	Got     string      `json:"got"`
	Message string      `json:"message"` // in Chinese
}

// Report is the result of a run: every test's result in file order, and
// what the tests reached of each catalog.
type Report struct {
	Results  []*Result   `json:"results"`
	Passed   int         `json:"passed"`
	Failed   int         `json:"failed"`
	Coverage []*Coverage `json:"coverage,omitempty"`
}

// Run decides every test's case against the catalog its file names and
// compares the decision with the expectation. The error, if any, is a
// catalog.Diagnostics of invalid input: a catalog that does not load or
// compile, or a case the engine rejects; tests whose catalog is invalid
// are not run. A failing test is not an error: see Report.Failed.
func Run(ctx context.Context, files []*File) (*Report, error) {
	rep := &Report{}
	var diags catalog.Diagnostics
	engines := map[string]*engineEntry{}
	var order []string
	for _, f := range files {
		ent, ok := engines[f.Catalog]
		if !ok {
			ent = &engineEntry{path: f.Catalog}
			if _, err := os.Stat(f.Catalog); err != nil {
				// Said at the test file's catalog key, where it is fixed.
				ent.err = &catalog.Diagnostic{Pos: f.CatalogPos, Code: CodeCatalog,
					Message: "找不到被测试的基准文件 " + f.Catalog, Hint: "catalog: 写基准文件相对于本测试文件的路径；不写时为同一目录下的 catalog.yaml"}
			} else {
				ent.eng, ent.err = compile(f.Catalog)
			}
			engines[f.Catalog] = ent
			order = append(order, f.Catalog)
			if ent.err != nil {
				if ds, ok := catalog.AsDiagnostics(ent.err); ok {
					for _, d := range ds {
						diags.Add(d)
					}
				} else {
					diags.Addf(f.CatalogPos, CodeCatalog, "无法载入基准文件 %s：%v", f.Catalog, ent.err)
				}
			} else {
				ent.cov = newCoverage(ent.eng.Catalog())
			}
		}
		if ent.eng == nil {
			continue
		}
		for _, t := range f.Tests {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			res, decided := runTest(ctx, ent.eng, t)
			if res == nil {
				var ce *discretion.CaseError
				if errors.As(decided.err, &ce) {
					for _, p := range ce.Problems {
						msg := p.Message
						if p.Field != "" {
							msg = "案件字段 " + p.Field + "：" + msg
						}
						diags.Addf(t.casePos(p.Field), CodeCase, "测试 %s 的案件无法裁量：%s", t.Name, msg)
					}
				}
				continue
			}
			rep.Results = append(rep.Results, res)
			if res.Pass {
				rep.Passed++
			} else {
				rep.Failed++
			}
			if decided.d != nil {
				if err := ent.cov.record(decided.d, t.Case.Party.Type); err != nil {
					return nil, err
				}
			}
		}
	}
	for _, path := range order {
		if ent := engines[path]; ent.cov != nil {
			ent.cov.finish()
			rep.Coverage = append(rep.Coverage, ent.cov)
		}
	}
	diags.Sort()
	return rep, diags.Err()
}

type engineEntry struct {
	path string
	eng  *discretion.Engine
	err  error
	cov  *Coverage
}

func compile(path string) (*discretion.Engine, error) {
	cat, err := catalog.LoadFile(path)
	if err != nil {
		return nil, err
	}
	return discretion.Compile(cat)
}

type decided struct {
	d   *discretion.Decision
	err error
}

// runTest decides one test. It returns a nil result for a case the engine
// rejects as stated (a problem of the test's input, not a failure).
func runTest(ctx context.Context, eng *discretion.Engine, t *Test) (*Result, decided) {
	res := &Result{File: t.file, Name: t.Name, Pos: t.Pos, Why: t.Why}
	d, err := eng.Decide(ctx, t.Case)
	if err != nil {
		var ce *discretion.CaseError
		if errors.As(err, &ce) {
			return nil, decided{err: err}
		}
		// A gap between grades and the like are defects of the catalog,
		// which is what a test is there to find.
		res.Error = "无法作出处罚决定：" + err.Error()
		return res, decided{}
	}
	res.Item = d.Item
	res.Differences = Compare(d, &t.Expect)
	res.Pass = len(res.Differences) == 0
	return res, decided{d: d}
}

// Compare lists how the decision differs from what e states.
func Compare(d *discretion.Decision, e *Expect) []Difference {
	var out []Difference
	add := func(field, want, got, format string, args ...any) {
		out = append(out, Difference{Field: field, Pos: e.Pos[field], Want: want, Got: got, Message: fmt.Sprintf(format, args...)})
	}
	if e.Item != "" && d.Item != e.Item {
		add("item", e.Item, d.Item, "适用事项：实际为 %s，预期为 %s", d.Item, e.Item)
	}
	if e.Outcome != "" && d.Outcome != e.Outcome {
		add("outcome", string(e.Outcome), string(d.Outcome), "处理结果：实际为%s（%s），预期为%s（%s）",
			d.Outcome.Label(), d.Outcome, e.Outcome.Label(), e.Outcome)
	}
	if e.Reason != "" && d.Reason != e.Reason {
		got := "无"
		if d.Reason != "" {
			got = d.Reason.Label() + "（" + string(d.Reason) + "）"
		}
		add("reason", string(e.Reason), string(d.Reason), "不予处罚的理由：实际为%s，预期为%s（%s）", got, e.Reason.Label(), e.Reason)
	}
	if e.Discretionary != nil && d.Discretionary != *e.Discretionary {
		add("discretionary", fmt.Sprint(*e.Discretionary), fmt.Sprint(d.Discretionary),
			"裁量性质：实际为%s，预期为%s", discretionText(d.Discretionary), discretionText(*e.Discretionary))
	}
	if e.Grade != "" && d.Grade != e.Grade {
		got := "无阶次"
		if d.Grade != "" {
			got = d.Grade + "（" + d.GradeLabel + "）"
		}
		add("grade", e.Grade, d.Grade, "裁量阶次：实际为 %s，预期为 %s", got, e.Grade)
	}
	if e.Fine != nil {
		got := "无罚款"
		if d.Fine != nil {
			got = fineText(d.Fine.Min, d.Fine.Max)
		}
		same := e.Fine.None == (d.Fine == nil)
		if same && d.Fine != nil {
			same = d.Fine.Min.Equal(e.Fine.Min) && d.Fine.Max.Equal(e.Fine.Max)
		}
		if !same {
			add("fine", e.Fine.String(), got, "罚款：实际为%s，预期为%s", got, e.Fine.String())
		}
	}
	if e.Sanctions != nil && !slices.Equal(d.Sanctions, e.Sanctions) {
		add("sanctions", sanctionCodes(e.Sanctions), sanctionCodes(d.Sanctions), "处罚种类：实际为%s，预期为%s",
			sanctionText(d.Sanctions), sanctionText(e.Sanctions))
	}
	for _, pk := range procedureKeys {
		want, stated := e.Procedure[pk.key]
		if !stated {
			continue
		}
		if got := procedureFlag(d.Procedure, pk.key); got != want {
			field := "procedure." + pk.key
			out = append(out, Difference{Field: field, Pos: e.Pos["procedure"], Want: fmt.Sprint(want), Got: fmt.Sprint(got),
				Message: fmt.Sprintf("%s：实际为%s，预期为%s", pk.label, yesNo(got), yesNo(want))})
		}
	}
	if e.Flags != nil {
		want, got := sortedCopy(e.Flags), sortedCopy(d.Flags)
		if !slices.Equal(want, got) {
			add("flags", strings.Join(want, ", "), strings.Join(got, ", "), "提示：实际为[%s]，预期为[%s]",
				strings.Join(got, ", "), strings.Join(want, ", "))
		}
	}
	return out
}

func procedureFlag(p discretion.Procedure, key string) bool {
	switch key {
	case "simple":
		return p.Simple
	case "on_the_spot":
		return p.OnTheSpot
	case "hearing":
		return p.Hearing
	case "legal_review":
		return p.LegalReview
	case "collective_discussion":
		return p.CollectiveDiscussion
	}
	return false
}

func discretionText(b bool) string {
	if b {
		return "可以（裁量）"
	}
	return "应当（羁束）"
}

func yesNo(b bool) string {
	if b {
		return "需要"
	}
	return "不需要"
}

func sanctionCodes(s []penalty.SanctionType) string {
	var parts []string
	for _, x := range s {
		parts = append(parts, string(x))
	}
	return strings.Join(parts, ", ")
}

func sanctionText(s []penalty.SanctionType) string {
	if len(s) == 0 {
		return "无"
	}
	var parts []string
	for _, x := range s {
		parts = append(parts, x.Label())
	}
	return strings.Join(parts, "、")
}

func sortedCopy(s []string) []string {
	out := append([]string{}, s...)
	sort.Strings(out)
	return out
}
