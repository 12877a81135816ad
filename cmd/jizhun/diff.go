package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/jizhun/jizhun/standards"
)

// diff reports what changed between two versions of a catalog: items,
// grades, ranges, conditions, lists and header fields, in the rendered
// Chinese a published table shows and as expressions. The exit status is 0
// whether or not anything changed.
func diff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text (Markdown) or json")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	switch {
	case fs.NArg() != 2:
		fmt.Fprint(stderr, "jizhun diff: name the old and the new catalog file\n"+usage)
		return exitUsage
	case *format != "text" && *format != "json":
		fmt.Fprintf(stderr, "jizhun diff: --format must be text or json, not %q\n", *format)
		return exitUsage
	}
	old, ok1 := catalogForTables(fs.Arg(0), stderr)
	new, ok2 := catalogForTables(fs.Arg(1), stderr)
	if !ok1 || !ok2 {
		return exitInvalid
	}
	r, err := standards.Diff(old, new)
	if err != nil {
		printErr(stderr, err)
		return exitInvalid
	}
	if *format == "json" {
		err = r.WriteJSON(stdout)
	} else {
		err = r.WriteText(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "jizhun diff: %v\n", err)
		return exitInvalid
	}
	return exitOK
}
