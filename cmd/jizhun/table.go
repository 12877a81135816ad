package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/service"
	"github.com/jizhun/jizhun/standards"
	"github.com/spf13/cobra"
)

// tableFormats are the formats of jizhun table, each with its writer; the
// service writes the same tables.
var tableFormats = service.TableFormats()

// tableOptions are the flags of `jizhun table`.
type tableOptions struct {
	catalog, format, out, wording string
	lists                         listFlag
	source                        bool
}

func newTableCommand(e *env) *cobra.Command {
	o := &tableOptions{}
	cmd := &cobra.Command{
		Use:   "table --format md|html|csv|xlsx [flags]",
		Short: "生成公开的裁量基准表和清单 (the published tables)",
		Long: `由执行的规则生成公开的裁量基准表、首违不罚清单、轻微违法行为不予处罚清单和
从重、从轻、减轻情形表，或用 --list 指定的清单。不指定 --catalog 时使用内置的示例
基准。手写表述中的数字与规则不符时，在标准错误输出警告，表照常生成。
xlsx 是二进制格式，不写到终端：用 --out 指定文件，或重定向输出。

Writes the published tables of a catalog (default: the bundled county
catalog). XLSX is binary and is not written to a terminal: use --out or
redirect standard output.

退出状态 (exit status): 0 已生成, 1 基准无效或无法写出, 2 用法错误`,
		Example: `  jizhun table --format md
  jizhun table --catalog catalog.yaml --out 裁量基准表.xlsx
  jizhun table --catalog catalog.yaml --format html --list first-offense,light-violation > 清单.html`,
		Args: argsNone,
		RunE: func(cmd *cobra.Command, args []string) error {
			return table(e, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.catalog, "catalog", "", "裁量基准文件 (catalog YAML; default: the bundled county catalog)")
	f.StringVar(&o.format, "format", "", "输出格式 (output format): md, html, csv 或 xlsx (default: from --out's extension)")
	f.StringVar(&o.out, "out", "", "输出文件 (output file; default: standard output)")
	f.StringVar(&o.wording, "wording", "hand", "有手写表述的条件 (conditions with hand wording): hand, rendered 或 both")
	f.BoolVar(&o.source, "source", false, "加列规则出处 (add a column 规则出处 naming the catalog line of each row, for checking a table against its catalog)")
	f.Var(&o.lists, "list", "清单 (list to write): benchmark, first-offense, light-violation 或 aggravating (repeatable, comma-separated; default: all)")
	cmd.MarkFlagFilename("catalog", "yaml", "yml")
	cmd.RegisterFlagCompletionFunc("format", fixedCompletion("md", "html", "csv", "xlsx"))
	cmd.RegisterFlagCompletionFunc("wording", fixedCompletion("hand", "rendered", "both"))
	cmd.RegisterFlagCompletionFunc("list", fixedCompletion("benchmark", "first-offense", "light-violation", "aggravating"))
	return cmd
}

// table writes the published tables of a catalog: the 裁量基准表, the
// 首违不罚清单, the 轻微违法行为不予处罚清单 and the 从重、从轻、减轻 circumstances,
// or the lists named with --list. Hand wording whose numbers its rule does
// not contain is reported on stderr as a warning; the table is still
// written.
func table(e *env, o *tableOptions) error {
	stdout, stderr := e.stdout, e.stderr
	format := o.format
	if format == "" && o.out != "" {
		format = strings.TrimPrefix(strings.ToLower(filepath.Ext(o.out)), ".")
		if format == "markdown" {
			format = "md"
		}
	}
	write, okFormat := tableFormats[format]
	wordingMode, okWording := standards.ParseWording(o.wording)
	switch {
	case format == "":
		return usageErrorf("--format is required (md, html, csv or xlsx)")
	case !okFormat:
		return usageErrorf("--format must be md, html, csv or xlsx, not %q", format)
	case !okWording:
		return usageErrorf("--wording must be hand, rendered or both, not %q", o.wording)
	case format == "xlsx" && o.out == "" && isTerminal(stdout):
		return errBinaryOnTerminal
	}
	cat, ok := catalogForTables(o.catalog, stderr)
	if !ok {
		return status(exitInvalid)
	}
	tbl, err := standards.Build(cat, standards.TableOptions{Lists: o.lists.lists, Wording: wordingMode, Source: o.source})
	if err != nil {
		printErr(stderr, err)
		return status(exitInvalid)
	}
	if warnings, err := standards.WordingDiagnostics(cat); err == nil {
		for _, d := range warnings {
			fmt.Fprintln(stderr, "warning: "+d.Error())
		}
	}
	var buf bytes.Buffer
	if err := write(&buf, tbl); err != nil {
		fmt.Fprintf(stderr, "jizhun table: %v\n", err)
		return status(exitInvalid)
	}
	if o.out == "" {
		stdout.Write(buf.Bytes())
		return nil
	}
	if err := os.WriteFile(o.out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(stderr, "jizhun table: %v\n", err)
		return status(exitInvalid)
	}
	return nil
}

// listFlag collects --list values, repeated or comma-separated.
type listFlag struct{ lists []standards.List }

func (l *listFlag) String() string {
	names := make([]string, len(l.lists))
	for i, x := range l.lists {
		names[i] = string(x)
	}
	return strings.Join(names, ",")
}

// Type names the value in help.
func (l *listFlag) Type() string { return "LIST" }

func (l *listFlag) Set(s string) error {
	for _, name := range strings.Split(s, ",") {
		x, ok := standards.ParseList(strings.TrimSpace(name))
		if !ok {
			return fmt.Errorf("unknown list %q (benchmark, first-offense, light-violation or aggravating)", name)
		}
		l.lists = append(l.lists, x)
	}
	return nil
}

// catalogForTables loads a catalog and compiles it as the engine does, so that a
// command that only reads catalogs rejects exactly what validate rejects.
func catalogForTables(path string, stderr io.Writer) (*catalog.Catalog, bool) {
	eng, ok := loadEngine(path, stderr)
	if !ok {
		return nil, false
	}
	return eng.Catalog(), true
}
