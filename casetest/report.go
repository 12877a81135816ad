package casetest

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jizhun/jizhun/catalog"
)

// Find lists the test files the paths name: a file as it is, a directory
// searched recursively for files ending in Suffix (hidden directories and
// directories named testdata are skipped, as the go tool skips them). The list is sorted and free of repeats.
func Find(paths []string) ([]string, error) {
	var diags catalog.Diagnostics
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			diags.Addf(catalog.Pos{File: p}, CodeSyntax, "找不到测试文件或目录：%v", err)
			continue
		}
		if !st.IsDir() {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
			continue
		}
		found := 0
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			// Like the go tool, a search skips hidden directories and
			// testdata, which holds fixtures rather than an office's tests.
			if d.IsDir() && path != p && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			if !d.IsDir() && strings.HasSuffix(d.Name(), Suffix) {
				found++
				if !seen[path] {
					seen[path] = true
					out = append(out, path)
				}
			}
			return nil
		})
		if err != nil {
			diags.Addf(catalog.Pos{File: p}, CodeSyntax, "无法读取目录：%v", err)
		} else if found == 0 {
			diags.Addf(catalog.Pos{File: p}, CodeSyntax, "目录中没有测试文件（文件名以 %s 结尾）", Suffix)
		}
	}
	sort.Strings(out)
	return out, diags.Err()
}

// LoadFiles loads every test file, reporting the problems of all of them
// at once.
func LoadFiles(paths []string) ([]*File, error) {
	var files []*File
	var diags catalog.Diagnostics
	for _, p := range paths {
		f, err := LoadFile(p)
		if err != nil {
			ds, _ := catalog.AsDiagnostics(err)
			for _, d := range ds {
				diags.Add(d)
			}
			continue
		}
		files = append(files, f)
	}
	return files, diags.Err()
}

// WriteText prints the report in Chinese: each failing test with what
// differs, a summary, and, if coverage is set, the rules no test reached.
func (r *Report) WriteText(w io.Writer, verbose, coverage bool) {
	for _, res := range r.Results {
		switch {
		case res.Pass && verbose:
			fmt.Fprintf(w, "通过  %s  %s\n", res.Pos, res.Name)
		case !res.Pass:
			fmt.Fprintf(w, "失败  %s  %s\n", res.Pos, res.Name)
			if res.Error != "" {
				fmt.Fprintf(w, "      %s\n", res.Error)
			}
			for _, d := range res.Differences {
				fmt.Fprintf(w, "      %s\n", d.Message)
			}
			if res.Why != "" {
				fmt.Fprintf(w, "      预期的理由：%s\n", res.Why)
			}
		}
	}
	if coverage {
		for _, cv := range r.Coverage {
			cv.WriteText(w)
		}
	}
	total := r.Passed + r.Failed
	if r.Failed == 0 {
		fmt.Fprintf(w, "全部通过：%d 个测试\n", total)
	} else {
		fmt.Fprintf(w, "%d 个测试中 %d 个失败，%d 个通过\n", total, r.Failed, r.Passed)
	}
}

// WriteText prints the coverage of one catalog: a line per item with its
// percentage, and under it every rule no test reached.
func (cv *Coverage) WriteText(w io.Writer) {
	fmt.Fprintf(w, "覆盖率 %s：%.1f%%（%d/%d 条规则）\n", cv.Catalog, cv.Percent, cv.Reached, cv.Total)
	for _, ic := range cv.Items {
		if ic.Total == 0 {
			continue
		}
		name := ic.Name
		if ic.Code != "" {
			name = ic.Code + " " + ic.Name
		}
		fmt.Fprintf(w, "  %5.1f%%  %s（%d/%d）\n", ic.Percent, name, ic.Reached, ic.Total)
		for _, m := range ic.Missed() {
			version := ""
			if m.Version != "" {
				version = "版本 " + m.Version + " "
			}
			fmt.Fprintf(w, "          未覆盖 %s%s（%s %s）  %s\n", version, m.Label, kindLabel(m.Kind), m.ID, m.Pos)
		}
	}
}

func kindLabel(kind string) string {
	switch kind {
	case KindGrade:
		return "阶次"
	case KindFactor:
		return "情节"
	case KindExemption:
		return "不予处罚规则"
	case KindAmount:
		return "罚款规定"
	}
	return kind
}

// jsonReport is the --format json form of a run.
type jsonReport struct {
	Results  []*Result             `json:"results"`
	Passed   int                   `json:"passed"`
	Failed   int                   `json:"failed"`
	Coverage []*Coverage           `json:"coverage,omitempty"`
	Errors   []*catalog.Diagnostic `json:"errors,omitempty"`
}

// WriteJSON writes the report as indented JSON; coverage is included when
// asked for, and the diagnostics of invalid input, if invalid is not nil,
// under "errors".
func (r *Report) WriteJSON(w io.Writer, coverage bool, invalid error) error {
	out := jsonReport{Results: r.Results, Passed: r.Passed, Failed: r.Failed}
	if out.Results == nil {
		out.Results = []*Result{}
	}
	if coverage {
		out.Coverage = r.Coverage
	}
	if invalid != nil {
		out.Errors = diagnosticsOf(invalid)
	}
	return writeJSON(w, out)
}

func diagnosticsOf(err error) catalog.Diagnostics {
	ds, ok := catalog.AsDiagnostics(err)
	if !ok {
		ds = catalog.Diagnostics{{Code: CodeSyntax, Message: err.Error()}}
	}
	return ds
}

// WriteErrorsJSON writes diagnostics of invalid input in the same JSON
// shape as a report, under "errors".
func WriteErrorsJSON(w io.Writer, err error) error {
	return writeJSON(w, jsonReport{Results: []*Result{}, Errors: diagnosticsOf(err)})
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
