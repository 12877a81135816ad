package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/jizhun/jizhun/casetest"
)

// testOptions are the flags of `jizhun test`.
type testOptions struct {
	coverage, verbose bool
	format            string
}

func newTestCommand(e *env) *cobra.Command {
	o := &testOptions{}
	cmd := &cobra.Command{
		Use:   "test [PATH…] [flags]",
		Short: "运行基准的测试文件 (run a catalog's test files)",
		Long: `运行裁量基准的测试文件：名为 *_test.yaml 的 YAML 文件，每个测试是一个案件
（Case JSON 文件或直接写在测试里）和它应得的裁量结果。用中文写出实际与预期的差别。
PATH 是测试文件或目录（在其中查找 *_test.yaml，默认为当前目录）。每个测试文件写明
它的基准（默认为同目录的 catalog.yaml）。格式见 docs/catalog.md 的 "Testing a catalog"。
--coverage 按事项列出没有测试覆盖的档次、情节、不罚规则和罚款规则，以及覆盖比例。

Runs the test files of a catalog (*_test.yaml), each test a case with the
decision it must produce, and prints in Chinese what differs.

退出状态 (exit status): 0 全部通过, 1 输入无效（测试文件、案件或基准）, 2 用法错误,
3 有测试未通过 (some test fails)`,
		Example: `  jizhun test examples/county --coverage
  jizhun test road_test.yaml -v
  jizhun test --format json`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := oneOf("format", o.format, "text", "json"); err != nil {
				return err
			}
			return status(testCommand(e, o, args))
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.coverage, "coverage", false, "列出没有测试覆盖的规则 (list, per item, the rules no test reaches, with the share reached)")
	formatFlag(cmd, &o.format, "输出格式 (output format): text 或 json", "text", "json")
	f.BoolVarP(&o.verbose, "verbose", "v", false, "也列出通过的测试 (also list the tests that pass)")
	return cmd
}

// testCommand is `jizhun test`.
func testCommand(e *env, o *testOptions, paths []string) int {
	stdout, stderr := e.stdout, e.stderr
	if len(paths) == 0 {
		paths = []string{"."}
	}
	fail := func(err error) int {
		if o.format == "json" {
			casetest.WriteErrorsJSON(stdout, err)
		} else {
			printErr(stderr, err)
		}
		return exitInvalid
	}
	files, err := casetest.Find(paths)
	if err != nil {
		return fail(err)
	}
	loaded, err := casetest.LoadFiles(files)
	if err != nil {
		return fail(err)
	}
	// Tests whose catalog and case are valid run and are reported even when
	// others are invalid input; the status is then 1.
	rep, invalid := casetest.Run(context.Background(), loaded)
	if rep == nil {
		return fail(invalid)
	}
	if o.format == "json" {
		if err := rep.WriteJSON(stdout, o.coverage, invalid); err != nil {
			fmt.Fprintf(stderr, "jizhun test: %v\n", err)
			return exitInvalid
		}
	} else {
		if invalid != nil {
			printErr(stderr, invalid)
		}
		rep.WriteText(stdout, o.verbose, o.coverage)
	}
	if invalid != nil {
		return exitInvalid
	}
	if rep.Failed > 0 {
		return exitDefects
	}
	return exitOK
}
