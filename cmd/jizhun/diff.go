package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/service"
	"github.com/jizhun/jizhun/standards"
)

func newDiffCommand(e *env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "diff OLD NEW [flags]",
		Short: "比较基准的两个版本 (what a revision changes)",
		Long: `列出裁量基准两个版本之间的变化：事项、档次、幅度、条件、清单和文件头，
用公开表格中的中文表述和表达式两种方式写出，供发布前审阅。

Reports what changed between two versions of a catalog, for review before
publishing. The exit status is 0 whether or not anything changed.

退出状态 (exit status): 0 已比较（无论有无变化）, 1 文件无效, 2 用法错误`,
		Example: `  jizhun diff catalog-2025.yaml catalog-2026.yaml
  jizhun diff old.yaml new.yaml --format json`,
		Args:              argsExactly(2, "name the old and the new catalog file"),
		ValidArgsFunction: yamlFiles,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := oneOf("format", format, "text", "json"); err != nil {
				return err
			}
			return status(diff(e, format, args[0], args[1]))
		},
	}
	formatFlag(cmd, &format, "输出格式 (output format): text (Markdown) 或 json", "text", "json")
	return cmd
}

// diff reports what changed between two versions of a catalog: items,
// grades, ranges, conditions, lists and header fields, in the rendered
// Chinese a published table shows and as expressions.
func diff(e *env, format, oldPath, newPath string) int {
	asJSON := format == "json"
	var errs []jsonError
	load := func(path string) *catalog.Catalog {
		eng, err := service.LoadEngine(path)
		if err != nil {
			errs = append(errs, jsonErrorsOf(err, path)...)
			if !asJSON {
				printErr(e.stderr, err)
			}
			return nil
		}
		return eng.Catalog()
	}
	old, new := load(oldPath), load(newPath)
	if old == nil || new == nil {
		if asJSON {
			writeErrorsJSON(e.stdout, errs)
		}
		return exitInvalid
	}
	r, err := standards.Diff(old, new)
	if err != nil {
		if asJSON {
			writeErrorsJSON(e.stdout, jsonErrorsOf(err, ""))
		} else {
			printErr(e.stderr, err)
		}
		return exitInvalid
	}
	if asJSON {
		err = r.WriteJSON(e.stdout)
	} else {
		err = r.WriteText(e.stdout)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "jizhun diff: %v\n", err)
		return exitInvalid
	}
	return exitOK
}
