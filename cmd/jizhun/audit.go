package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/jizhun/jizhun/audit"
	"github.com/jizhun/jizhun/audit/xlsx"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/service"
	"github.com/spf13/cobra"
)

// auditOptions are the flags of `jizhun audit`.
type auditOptions struct {
	catalogs                    []string
	mapping, format, sheet, out string
}

func newAuditCommand(e *env) *cobra.Command {
	o := &auditOptions{}
	cmd := &cobra.Command{
		Use:   "audit RECORDS --mapping FILE [flags]",
		Short: "案卷评查：按基准复核已办案卷 (re-decide past records)",
		Long: `案卷评查：按每条案卷决定日期时有效的裁量基准重新裁量办案系统导出的案卷
（CSV，UTF-8 或 GB18030；NDJSON；或 XLSX 工作簿），报告超出幅度的罚款、遗漏或
没有依据的不予处罚、缺少的听证和法制审核、类案不同罚。映射文件说明哪一列是哪个
事实，见 docs/audit.md。不指定 --catalog 时使用内置的示例基准。
xlsx 是二进制格式，不写到终端：用 --out 指定文件，或重定向输出。

Re-decides the records of a case-handling system's export against the
catalogs and reports what departs from the standard.

退出状态 (exit status): 0 未发现问题, 1 输入无效（映射、案卷或基准）, 2 用法错误,
3 发现问题 (findings)`,
		Example: `  jizhun audit --mapping examples/county/audit/mapping.yaml examples/county/audit/records.csv
  jizhun audit records.xlsx --mapping mapping.yaml --out 评查报告.html
  jizhun audit records.csv --mapping mapping.yaml --catalog 2025.yaml --catalog 2026.yaml --format json`,
		Args: argsExactly(1, "name one records file (CSV, NDJSON or XLSX)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAudit(e, o, args[0])
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.catalogs, "catalog", nil, "裁量基准文件，可重复 (catalog YAML, repeatable; default: the bundled county catalog)")
	f.StringVar(&o.mapping, "mapping", "", "映射文件：哪一列是哪个事实 (mapping YAML, see docs/audit.md)")
	f.StringVar(&o.format, "format", "", "输出格式 (output format): text, json, html 或 xlsx (default: from --out's extension, else text)")
	f.StringVar(&o.sheet, "sheet", "", "XLSX 案卷的工作表 (the sheet of an XLSX records file; default: the first)")
	f.StringVar(&o.out, "out", "", "输出文件 (output file; default: standard output)")
	cmd.MarkFlagFilename("catalog", "yaml", "yml")
	cmd.MarkFlagFilename("mapping", "yaml", "yml")
	cmd.RegisterFlagCompletionFunc("format", fixedCompletion("text", "json", "html", "xlsx"))
	return cmd
}

// runAudit re-decides the records of a case-handling system's export
// (CSV, NDJSON or an XLSX workbook) against the catalogs (each record
// under the one in force on its decision date) and reports what it finds:
// as text, JSON, a standalone HTML page, or a workbook of the flagged
// records. Exit 0: no finding; 1: an input that cannot be read; 3: findings.
func runAudit(e *env, o *auditOptions, records string) error {
	stdout, stderr := e.stdout, e.stderr
	format := o.format
	if format == "" {
		switch strings.ToLower(filepath.Ext(o.out)) {
		case ".json":
			format = "json"
		case ".html", ".htm":
			format = "html"
		case ".xlsx":
			format = "xlsx"
		default:
			format = "text"
		}
	}
	if err := oneOf("format", format, "text", "json", "html", "xlsx"); err != nil {
		return err
	}
	switch {
	case o.mapping == "":
		return usageErrorf("--mapping is required")
	case format == "xlsx" && o.out == "" && isTerminal(stdout):
		return errBinaryOnTerminal
	}
	// fail reports invalid input: as JSON on stdout with --format json.
	fail := func(err error, file string) int {
		if format == "json" {
			writeErrorsJSON(stdout, jsonErrorsOf(err, file))
		} else if file != "" && !strings.Contains(err.Error(), file) {
			fmt.Fprintf(stderr, "%s: %v\n", file, err)
		} else {
			printErr(stderr, err)
		}
		return exitInvalid
	}
	return status(auditRun(e, o, format, records, fail))
}

// auditRun runs the audit; fail reports invalid input.
func auditRun(e *env, o *auditOptions, format, records string, fail func(err error, file string) int) int {
	stdout, stderr := e.stdout, e.stderr
	m, err := audit.LoadMapping(o.mapping)
	if err != nil {
		return fail(err, o.mapping)
	}
	catalogs := o.catalogs
	if len(catalogs) == 0 {
		catalogs = []string{""}
	}
	var engines []*discretion.Engine
	for _, path := range catalogs {
		eng, err := service.LoadEngine(path)
		if err != nil {
			return fail(err, path)
		}
		engines = append(engines, eng)
	}
	a, err := audit.New(m, engines...)
	if err != nil {
		return fail(err, o.mapping)
	}
	progress := auditProgress(stderr)
	src := audit.FileSource(records)
	if strings.EqualFold(filepath.Ext(records), ".xlsx") {
		src = xlsx.Source(records, o.sheet, m)
	}
	rep, err := a.Run(context.Background(), src, progress)
	if progress != nil {
		fmt.Fprint(stderr, "\r\033[K")
	}
	if err != nil {
		return fail(err, records)
	}
	w := stdout
	var file *os.File
	if o.out != "" {
		if file, err = os.Create(o.out); err != nil {
			return fail(err, o.out)
		}
		w = file
	}
	bw := bufio.NewWriter(w)
	switch format {
	case "json":
		err = rep.WriteJSON(bw)
	case "html":
		err = rep.WriteHTML(bw)
	case "xlsx":
		err = xlsx.WriteFindings(bw, rep)
	default:
		writeAuditText(bw, rep)
	}
	if err == nil {
		err = bw.Flush()
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "jizhun audit: %v\n", err)
		return exitInvalid
	}
	if len(rep.Findings) > 0 {
		return exitDefects
	}
	return exitOK
}

// auditProgress reports the records read on a terminal (isTerminal), and
// nothing elsewhere.
func auditProgress(stderr io.Writer) func(int) {
	if !isTerminal(stderr) {
		return nil
	}
	return func(n int) { fmt.Fprintf(stderr, "\r已复核 %d 条案卷…", n) }
}

func writeAuditText(w io.Writer, rep *audit.Report) {
	s := rep.Summary
	fmt.Fprintf(w, "%s：案卷 %d 条，复核 %d 条，未发现问题 %d 条，发现问题 %d 条\n", rep.Source, s.Records, s.Decided, s.Consistent, s.Flagged)
	for _, k := range audit.Kinds {
		if n := s.ByKind[k]; n > 0 {
			fmt.Fprintf(w, "  %s：%d\n", k.Label(), n)
		}
	}
	for _, f := range rep.Findings {
		fmt.Fprintf(w, "第 %d 行 %s %s：%s（依据：%s）\n", f.Line, f.CaseNumber, f.Title, f.Message, f.Rule)
	}
}
