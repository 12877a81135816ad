package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/jizhun/jizhun/schema"
)

// schemaCommand is `jizhun schema NAME`: it prints one of the JSON Schemas
// shipped under schema/, for editors and for agency systems.
func schemaCommand(args []string, stdout, stderr io.Writer) int {
	names := strings.Join(schema.Names(), "|")
	if len(args) == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		fmt.Fprintf(stdout, "usage: jizhun schema %s\n\nprints the JSON Schema (draft 2020-12) of a catalog, a Case, a Decision or a test file\n", names)
		return exitOK
	}
	if len(args) != 1 {
		fmt.Fprintf(stderr, "usage: jizhun schema %s\n", names)
		return exitUsage
	}
	data, ok := schema.Get(args[0])
	if !ok {
		fmt.Fprintf(stderr, "jizhun schema: no schema %q; want one of %s\n", args[0], names)
		return exitUsage
	}
	stdout.Write(data)
	return exitOK
}
