// Command jizhun validates discretion catalogs and decides cases against them.
//
//	jizhun validate FILE…
//	jizhun decide [--catalog FILE] --case case.json [--item CODE] [--format text|json]
//
// Exit status: 0 decided or valid (no penalty is a decision too), 1 invalid
// catalog or case, 2 usage.
package main

import (
	"io"
	"os"
	"runtime/debug"
)

// version is stamped by scripts/release.sh (-ldflags "-X main.version=…");
// a binary built by go install reports its module version instead.
var version = ""

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
)

const usage = `usage:
  jizhun validate FILE…
      load and compile each catalog; print every problem as file:line:col
  jizhun decide [--catalog FILE] --case FILE|- [--item CODE] [--format text|json]
      decide the case (Case JSON) against the catalog (default: the bundled
      county catalog, examples/county/catalog.yaml)
  jizhun decide --batch [--catalog FILE] [--workers N] [FILE|-]
      decide NDJSON cases (one per line) in parallel; NDJSON answers in input order
  jizhun table --catalog FILE --format md|html|csv|xlsx [--out FILE] [--list benchmark|first-offense|light-violation|aggravating] [--wording hand|rendered|both] [--source]
  jizhun diff [--format text|json] OLD NEW
  jizhun check FILE… [--properties N] [--seed S] [--out DIR] [--format text|json]
  jizhun test [PATH…] [--coverage] [--format text|json] [-v]
      run the catalog's test files (*_test.yaml); exit 3 when a test fails
  jizhun schema catalog|case|decision|test
      print the JSON Schema of the catalog, the Case, the Decision or a test file
  jizhun audit [--catalog FILE]… --mapping FILE [--format text|json|html|xlsx] [--out FILE] [--sheet NAME] RECORDS
      re-decide past records (CSV, NDJSON or XLSX) and report what departs from the standard
  jizhun serve [--catalog FILE]… [--addr 127.0.0.1:8080] [--watch] [--decision-log FILE] …
      the HTTP service (docs/service.md); jizhun serve -h lists every option
  jizhun replay LOG [--catalog FILE]…
      re-decide a decision log and report every difference
  jizhun version

exit status: 0 decided or valid, 1 invalid catalog or case, 2 usage,
3 a test fails (jizhun test)
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		io.WriteString(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "validate":
		return validate(args[1:], stdout, stderr)
	case "decide":
		return decide(args[1:], stdin, stdout, stderr)
	case "table":
		return table(args[1:], stdout, stderr)
	case "diff":
		return diff(args[1:], stdout, stderr)
	case "check":
		return check(args[1:], stdout, stderr)
	case "test":
		return testCommand(args[1:], stdout, stderr)
	case "schema":
		return schemaCommand(args[1:], stdout, stderr)
	case "audit":
		return runAudit(args[1:], stdout, stderr)
	case "serve":
		return serve(args[1:], stderr)
	case "replay":
		return replay(args[1:], stdout, stderr)
	case "version", "--version":
		v := version
		if bi, ok := debug.ReadBuildInfo(); ok && v == "" {
			v = bi.Main.Version
		}
		io.WriteString(stdout, "jizhun "+v+"\n")
		return exitOK
	case "help", "-h", "--help":
		io.WriteString(stdout, usage)
		return exitOK
	}
	io.WriteString(stderr, "jizhun: unknown command "+args[0]+"\n"+usage)
	return exitUsage
}
