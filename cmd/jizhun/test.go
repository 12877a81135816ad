package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/jizhun/jizhun/casetest"
)

// exitTestsFailed is the status of a run in which some test failed.
const exitTestsFailed = 3

// testUsage is the help of `jizhun test`.
const testUsage = `usage: jizhun test [PATH…] [--coverage] [--format text|json] [-v]

Runs the test files of a catalog: YAML files named *_test.yaml, each test a
case (a Case JSON file or written inline) with the decision it must produce.
A PATH is a test file or a directory searched for *_test.yaml (default: the
current directory). Each test file names its catalog (default: catalog.yaml
beside it). Format: docs/catalog.md, "Testing a catalog".

  --coverage     list, per item, the grades, factors, exemptions and amount
                 rules that no test reaches, with the share reached
  --format F     text (default) or json
  -v             also list the tests that pass

exit status: 0 all tests pass, 1 invalid input (test file, case or catalog),
2 usage, 3 some test fails
`

// testCommand is `jizhun test`.
func testCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // printed below: to stdout when asked for, else to stderr
	coverage := fs.Bool("coverage", false, "list the rules no test reaches")
	format := fs.String("format", "text", "text or json")
	verbose := fs.Bool("v", false, "list passing tests too")
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				io.WriteString(stdout, testUsage)
				return exitOK
			}
			io.WriteString(stderr, testUsage)
			return exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		paths = append(paths, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "jizhun test: --format must be text or json, not %q\n", *format)
		return exitUsage
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	fail := func(err error) int {
		if *format == "json" {
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
	if *format == "json" {
		if err := rep.WriteJSON(stdout, *coverage, invalid); err != nil {
			fmt.Fprintf(stderr, "jizhun test: %v\n", err)
			return exitInvalid
		}
	} else {
		if invalid != nil {
			printErr(stderr, invalid)
		}
		rep.WriteText(stdout, *verbose, *coverage)
	}
	if invalid != nil {
		return exitInvalid
	}
	if rep.Failed > 0 {
		return exitTestsFailed
	}
	return exitOK
}
