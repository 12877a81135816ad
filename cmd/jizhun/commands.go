package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/examples"
	"github.com/jizhun/jizhun/service"
	"github.com/jizhun/jizhun/standards"
	"github.com/spf13/cobra"
)

// loadEngine loads and compiles a catalog, printing every problem. An empty
// path is the bundled county catalog.
func loadEngine(path string, stderr io.Writer) (*discretion.Engine, bool) {
	eng, err := service.LoadEngine(path)
	if err != nil {
		printErr(stderr, err)
		return nil, false
	}
	return eng, true
}

func printErr(w io.Writer, err error) {
	if ds, ok := catalog.AsDiagnostics(err); ok {
		for _, d := range localize(w, ds) {
			fmt.Fprintln(w, d.Error())
		}
		return
	}
	fmt.Fprintln(w, err.Error())
}

// validateOptions are the flags of `jizhun validate`.
type validateOptions struct {
	format    string
	skipCheck bool
}

func newValidateCommand(e *env) *cobra.Command {
	o := &validateOptions{}
	cmd := &cobra.Command{
		Use:   "validate FILE… [flags]",
		Short: "检查基准文件：加载、编译并运行一致性检查 (validate catalogs)",
		Long: `加载并编译每个裁量基准文件，再运行 jizhun check 的一致性检查（档次之间的空档和
重叠、超出法定幅度的罚款、没有法定依据的减轻……）。每个问题都带文件、行和列。
检查发现的错误使 validate 失败，警告只打印。反例案件和属性测试见 jizhun check。

Loads and compiles each catalog, then runs the consistency checks of
jizhun check: an error finding fails validate, a warning is printed only.

退出状态 (exit status): 0 有效（可有警告）, 1 文件无效, 2 用法错误, 3 检查发现错误`,
		Example: `  jizhun validate examples/county/catalog.yaml
  jizhun validate catalogs/*.yaml --format json`,
		Args:              argsAtLeast(1, "name at least one catalog file"),
		ValidArgsFunction: yamlFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := oneOf("format", o.format, "text", "json"); err != nil {
				return err
			}
			return status(validate(e, o, args))
		},
	}
	formatFlag(cmd, &o.format, "输出格式 (output format): text 或 json", "text", "json")
	cmd.Flags().BoolVar(&o.skipCheck, "skip-check", false, "只加载和编译，不做一致性检查 (load and compile only, as jizhun serve --skip-check)")
	return cmd
}

// validateResult is the JSON output of validate for one file.
type validateResult struct {
	File     string      `json:"file"`
	Valid    bool        `json:"valid"`
	Catalog  string      `json:"catalog,omitempty"`
	Items    int         `json:"items,omitempty"`
	Digest   string      `json:"digest,omitempty"`
	Errors   []jsonError `json:"errors"`
	Warnings []jsonError `json:"warnings"`
}

// validate loads, compiles and checks each catalog: exit 1 when one cannot
// be loaded, 3 when the checks find an error, 0 otherwise (warnings allowed).
func validate(e *env, o *validateOptions, files []string) int {
	code := exitOK
	var results []validateResult
	for _, path := range files {
		res, c := validateFile(e, o, path)
		code = worse(code, c)
		results = append(results, res)
	}
	if o.format == "json" {
		if err := writeJSON(e.stdout, results); err != nil {
			fmt.Fprintf(e.stderr, "jizhun validate: %v\n", err)
			return exitInvalid
		}
	}
	return code
}

func validateFile(e *env, o *validateOptions, path string) (validateResult, int) {
	text := o.format == "text"
	res := validateResult{File: path, Errors: []jsonError{}, Warnings: []jsonError{}}
	eng, err := service.LoadEngine(path)
	if err != nil {
		res.Errors = jsonErrorsOf(err, path)
		if text {
			printErr(e.stderr, err)
		}
		return res, exitInvalid
	}
	cat := eng.Catalog()
	res.Catalog, res.Items, res.Digest = cat.ID, len(cat.Items), cat.Digest
	valid := func() (validateResult, int) {
		res.Valid = true
		if text {
			fmt.Fprintf(e.stdout, "%s: ok: %s, %d items, %s\n", path, cat.ID, len(cat.Items), cat.Digest)
		}
		return res, exitOK
	}
	if o.skipCheck {
		return valid()
	}
	report, err := standards.Check(context.Background(), eng, standards.Options{})
	if err != nil {
		res.Errors = jsonErrorsOf(err, path)
		if text {
			printErr(e.stderr, err)
		}
		return res, exitInvalid
	}
	report = report.Localize(e.lang)
	for i := range report.Findings {
		f := &report.Findings[i]
		if f.Severity == standards.SeverityError {
			res.Errors = append(res.Errors, diagnosticJSON(&f.Diagnostic))
		} else {
			res.Warnings = append(res.Warnings, diagnosticJSON(&f.Diagnostic))
		}
		if text {
			printFinding(e.stderr, f, e.lang)
		}
	}
	if len(res.Errors) > 0 {
		if text {
			if catalog.IsEnglish(e.lang) {
				fmt.Fprintf(e.stderr, "%s: %d errors, %d warnings; witness cases: jizhun check %s\n", path, len(res.Errors), len(res.Warnings), path)
			} else {
				fmt.Fprintf(e.stderr, "%s: %d 个错误，%d 个警告；反例案件见 jizhun check %s\n", path, len(res.Errors), len(res.Warnings), path)
			}
		}
		return res, exitDefects
	}
	return valid()
}

// printFinding prints a finding of the checks on one line, as
// "file:line:col: severity: code: message (hint)"; jizhun check shows the
// rules involved and the witness case as well.
func printFinding(w io.Writer, f *standards.Finding, lang string) {
	d := f.Diagnostic
	d.Pos = catalog.Pos{}
	fmt.Fprintf(w, "%s: %s: %s: %s\n", f.Pos, f.Severity.Word(lang), f.Code, d.Error())
}

// decideOptions are the flags of `jizhun decide`.
type decideOptions struct {
	catalog, casePath, item, format string
	batch                           bool
	workers                         int
}

func newDecideCommand(e *env) *cobra.Command {
	o := &decideOptions{}
	cmd := &cobra.Command{
		Use:   "decide --case FILE|- [flags]  或 decide --batch [FILE|-] [flags]",
		Short: "对案件作出裁量并说理 (decide a case)",
		Long: `按裁量基准对一个案件（Case JSON）作出裁量：处理结果、罚款幅度、其他处罚、
程序（简易程序、听证、法制审核）和说理。不予处罚也是裁量结果（退出状态 0）。
不指定 --catalog 时使用内置的示例基准 ` + examples.CountyFile + `。
--batch 时从文件或标准输入逐行读 NDJSON 案件，并行裁量，按输入顺序逐行输出。

Decides a case (Case JSON) against the catalog (default: the bundled county
catalog). With --batch, decides NDJSON cases in parallel, answers in order.

退出状态 (exit status): 0 已裁量, 1 基准或案件无效（或基准有空档）, 2 用法错误`,
		Example: `  jizhun decide --case examples/county/cases/road_occupy_repeat.json
  jizhun decide --catalog catalog.yaml --case case.json --format json
  cat case.json | jizhun decide --case - --item 330217ZH001
  jizhun decide --batch cases.ndjson > decisions.ndjson`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return decide(e, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.catalog, "catalog", "", "裁量基准文件 (catalog YAML; default: the bundled county catalog)")
	f.StringVar(&o.casePath, "case", "", "案件文件，- 为标准输入 (case JSON file, or - for standard input)")
	f.StringVar(&o.item, "item", "", "事项编码，覆盖案件中的事项 (item code, overriding the case's)")
	formatFlag(cmd, &o.format, "输出格式 (output format): text（说理）、trace（逐步裁量过程）或 json", "text", "trace", "json")
	f.BoolVar(&o.batch, "batch", false, "批量裁量 NDJSON 案件 (decide NDJSON cases from FILE or -, the default)")
	f.IntVar(&o.workers, "workers", 0, "与 --batch 一起：并行数 (cases decided in parallel; default: one per CPU)")
	cmd.MarkFlagFilename("catalog", "yaml", "yml")
	cmd.MarkFlagFilename("case", "json")
	return cmd
}

func decide(e *env, o *decideOptions, args []string) error {
	if o.batch {
		if o.casePath != "" || o.item != "" || o.format != "text" {
			return usageErrorf("--batch: --case, --item and --format do not apply; the cases come one per line")
		}
		if o.workers < 0 {
			return usageErrorf("--batch: --workers must be positive, not %d", o.workers)
		}
		if len(args) > 1 {
			return usageErrorf("--batch: one input file at most, not %q", args)
		}
		return status(decideBatch(o.catalog, args, o.workers, e.stdin, e.stdout, e.stderr))
	}
	switch {
	case len(args) > 0:
		return usageErrorf("unexpected argument %q", args[0])
	case o.casePath == "":
		return usageErrorf("--case is required")
	}
	if err := oneOf("format", o.format, "text", "trace", "json"); err != nil {
		return err
	}
	return status(decideOne(e, o))
}

func decideOne(e *env, o *decideOptions) int {
	stdout, stderr := e.stdout, e.stderr
	eng, ok := loadEngine(o.catalog, stderr)
	if !ok {
		return exitInvalid
	}
	c, err := readCase(o.casePath, e.stdin)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", o.casePath, localizeErr(stderr, err))
		return exitInvalid
	}
	if o.item != "" {
		c.Item, c.Items = o.item, nil
	}
	d, err := eng.Decide(context.Background(), c)
	if err != nil {
		err = localizeErr(stderr, err)
		var gap *discretion.GapError
		var ambiguous *discretion.AmbiguousGradeError
		if errors.As(err, &gap) || errors.As(err, &ambiguous) {
			fmt.Fprintf(stderr, "%v\n", err)
		} else {
			fmt.Fprintf(stderr, "%s: %v\n", o.casePath, err)
		}
		return exitInvalid
	}
	if o.format == "json" {
		out, err := d.JSON()
		if err != nil {
			fmt.Fprintf(stderr, "jizhun: %v\n", err)
			return exitInvalid
		}
		stdout.Write(out)
		return exitOK
	}
	if o.format == "trace" {
		io.WriteString(stdout, d.TraceText())
		return exitOK
	}
	io.WriteString(stdout, d.Text())
	return exitOK
}

func readCase(path string, stdin io.Reader) (*discretion.Case, error) {
	if path == "-" {
		return discretion.ParseCase(stdin)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return discretion.ParseCase(f)
}
