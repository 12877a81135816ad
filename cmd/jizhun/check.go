package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/fuzz"
	"github.com/jizhun/jizhun/service"
	"github.com/jizhun/jizhun/standards"
	"github.com/spf13/cobra"
)

// checkFlags are the options of `jizhun check`.
type checkFlags struct {
	properties     int
	seed           int64
	out            string
	format         string
	discretionOnly bool
}

func newCheckCommand(e *env) *cobra.Command {
	cf := &checkFlags{}
	cmd := &cobra.Command{
		Use:   "check FILE… [flags]",
		Short: "一致性检查，附反例案件 (consistency checks with witness cases)",
		Long: `检查每个裁量基准的一致性：档次之间的空档和重叠、超出法定幅度的罚款、没有法定
依据的减轻、从轻从重的顺序、永远不会适用的规则、法条不允许的首违不罚和轻微不罚、
应当与可以的标注。每个问题写作 文件:行:列，并附一个能复现它的案件（Case JSON），
可直接交给 jizhun decide --case。--properties N 另外用 N 个生成的案件做属性测试，
失败时给出最小化的反例。

Checks each catalog for consistency (gaps and overlaps between grades,
sub-ranges outside the statutory range, 减轻 without a legal ground, tier
order, unreachable rules, first-offense and light-violation rules the clause
does not allow, mandatory and discretionary rules mislabelled). Each finding
is printed as file:line:col with a witness case in Case JSON.

退出状态 (exit status): 0 无错误（可有警告）, 1 文件无效, 2 用法错误,
3 发现错误或属性测试失败 (error findings or failed properties)`,
		Example: `  jizhun check examples/county/catalog.yaml
  jizhun check catalog.yaml --properties 500 --out witnesses/
  jizhun check catalog.yaml --format json`,
		Args:              argsAtLeast(1, "name at least one catalog file"),
		ValidArgsFunction: yamlFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := oneOf("format", cf.format, "text", "json"); err != nil {
				return err
			}
			if cf.properties < 0 {
				return usageErrorf("--properties must be a positive number of cases")
			}
			return status(check(e, cf, args))
		},
	}
	f := cmd.Flags()
	f.IntVar(&cf.properties, "properties", 0, "另做属性测试，每项 N 个生成的案件 (also run the property tests with N generated cases each)")
	f.Int64Var(&cf.seed, "seed", 1, "生成案件的种子 (seed of the generated cases)")
	f.StringVar(&cf.out, "out", "", "把反例案件写到目录 DIR (write witness cases and shrunk counterexamples to DIR)")
	formatFlag(cmd, &cf.format, "输出格式 (output format): text 或 json", "text", "json")
	f.BoolVar(&cf.discretionOnly, "first-offense-discretionary-only", false, "报告对应当处罚款列出的首违不罚 (report 首违不罚 listed for a mandatory fine, a narrowing some local 不予处罚清单 make)")
	cmd.MarkFlagDirname("out")
	return cmd
}

// checkResult is the JSON output for one file.
type checkResult struct {
	File        string              `json:"file"`
	Diagnostics catalog.Diagnostics `json:"diagnostics,omitempty"`
	Report      *standards.Report   `json:"report,omitempty"`
	Properties  []fuzz.Result       `json:"properties,omitempty"`
	Files       []string            `json:"files,omitempty"`
	// Errors are the failures that are not diagnostics of the catalog: a
	// witness directory that cannot be written, a property run that fails
	// to run.
	Errors []jsonError `json:"errors,omitempty"`
}

// check checks each file: exit 1 when one is invalid, 3 when one has an
// error finding or a failed property, 0 otherwise.
func check(e *env, cf *checkFlags, files []string) int {
	code := exitOK
	var results []checkResult
	for _, path := range files {
		res, c := checkFile(path, cf, e.stdout, e.stderr)
		code = worse(code, c)
		results = append(results, res)
	}
	if cf.format == "json" {
		if err := writeJSON(e.stdout, results); err != nil {
			fmt.Fprintf(e.stderr, "jizhun check: %v\n", err)
			return exitInvalid
		}
	}
	return code
}

// checkFile checks one catalog and returns its exit status: exitInvalid for
// an invalid catalog, exitDefects for an error finding or a failed property.
func checkFile(path string, cf *checkFlags, stdout, stderr io.Writer) (res checkResult, code int) {
	res.File = path
	text := cf.format == "text"
	cat, err := catalog.LoadFile(path)
	var eng *discretion.Engine
	if err == nil {
		eng, err = discretion.Compile(cat)
	} else {
		err = service.CompleteLoadError(cat, err)
	}
	if err != nil {
		if ds, ok := catalog.AsDiagnostics(err); ok {
			res.Diagnostics = localize(stderr, ds)
		} else {
			res.Diagnostics = catalog.Diagnostics{{Pos: catalog.Pos{File: path}, Code: catalog.CodeSyntax, Message: err.Error()}}
		}
		if text {
			printErr(stderr, err)
		}
		return res, exitInvalid
	}
	ctx := context.Background()
	report, err := standards.Check(ctx, eng, standards.Options{Seed: cf.seed, FirstOffenseDiscretionaryOnly: cf.discretionOnly})
	if err != nil {
		res.Errors = jsonErrorsOf(err, path)
		if text {
			printErr(stderr, err)
		}
		return res, exitInvalid
	}
	report = report.Localize(langOf(stderr))
	res.Report = report
	if report.Errors() > 0 {
		code = exitDefects
	}
	if cf.out != "" {
		files, err := writeWitnesses(cf.out, cat.ID, report)
		if err != nil {
			res.Errors = jsonErrorsOf(err, "")
			if text {
				fmt.Fprintf(stderr, "jizhun check: %v\n", err)
			}
			return res, exitInvalid
		}
		res.Files = files
	}
	if text {
		report.WriteText(stdout)
	}
	if cf.properties > 0 {
		results, err := fuzz.Check(ctx, eng, fuzz.Config{Cases: cf.properties, Seed: cf.seed, OutDir: cf.out})
		if err != nil {
			res.Errors = jsonErrorsOf(err, path)
			if text {
				fmt.Fprintf(stderr, "jizhun check: %v\n", err)
			}
			return res, exitInvalid
		}
		res.Properties = results
		for _, r := range results {
			if !r.Passed {
				code = exitDefects
			}
			if !text {
				continue
			}
			if r.Passed {
				fmt.Fprintf(stdout, "%s: property %s: passed (%d cases)\n", path, r.Property, r.Cases)
			} else {
				io.WriteString(stdout, path+": "+r.Failure.Report(cat.ID, r.Property))
			}
		}
	}
	return res, code
}

// writeWitnesses writes each finding's witness as a case file that
// `jizhun decide --case` accepts.
func writeWitnesses(dir, catalogID string, report *standards.Report) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var files []string
	safe := strings.NewReplacer("/", "_", "\\", "_", " ", "_", ":", "_")
	for i, f := range report.Findings {
		if f.Witness == nil {
			continue
		}
		name := fmt.Sprintf("%s-%03d-%s-%s.json", safe.Replace(catalogID), i+1, strings.TrimPrefix(f.Code, "standards_"), safe.Replace(f.Item))
		p := filepath.Join(dir, name)
		js, err := f.Witness.JSON()
		if err != nil {
			return files, err
		}
		if err := os.WriteFile(p, js, 0o644); err != nil {
			return files, err
		}
		files = append(files, p)
	}
	return files, nil
}
