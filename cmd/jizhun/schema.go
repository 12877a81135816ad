package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/jizhun/jizhun/schema"
)

// newSchemaCommand is `jizhun schema NAME`: it prints one of the JSON
// Schemas shipped under schema/, for editors and for agency systems.
func newSchemaCommand(e *env) *cobra.Command {
	names := strings.Join(schema.Names(), "|")
	return &cobra.Command{
		Use:   "schema " + names,
		Short: "打印 JSON Schema (print a JSON Schema)",
		Long: `打印基准文件、案件（Case）、裁量结果（Decision）或测试文件的 JSON Schema
（draft 2020-12，带中文说明，供编辑器提示和办案系统校验）。文件也在 schema/ 下。

Prints the JSON Schema (draft 2020-12) of a catalog, a Case, a Decision or a
test file.`,
		Example: `  jizhun schema catalog > catalog.schema.json
  jizhun schema case`,
		ValidArgs: schema.Names(),
		Args:      argsExactly(1, "name one schema: "+names),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, ok := schema.Get(args[0])
			if !ok {
				return usageErrorf("no schema %q; want one of %s", args[0], names)
			}
			e.stdout.Write(data)
			return nil
		},
	}
}
