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
)

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
  jizhun table --catalog FILE --format md|html|csv|xlsx [--out FILE] [--list benchmark|first-offense|light-violation|aggravating] [--wording hand|rendered|both]
  jizhun diff [--format text|json] OLD NEW
  jizhun check FILE… [--properties N] [--seed S] [--out DIR] [--format text|json]
  jizhun test [PATH…] [--coverage] [--format text|json] [-v]
      run the catalog's test files (*_test.yaml); exit 3 when a test fails
  jizhun schema catalog|case|decision|test
      print the JSON Schema of the catalog, the Case, the Decision or a test file
  jizhun audit [--catalog FILE]… --mapping FILE [--format text|json|html|xlsx] [--out FILE] [--sheet NAME] RECORDS
      re-decide past records (CSV, NDJSON or XLSX) and report what departs from the standard

exit status: 0 decided or valid, 1 invalid catalog or case, 2 usage,
3 a test fails (jizhun test)

diagnostics are in Chinese; --lang en (or a locale LC_ALL, LC_MESSAGES or
LANG starting with "en") prints them in English
`

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	lang, args := language(args, os.Getenv)
	stderr = localizedWriter{stderr, lang}
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
	case "help", "-h", "--help":
		io.WriteString(stdout, usage)
		return exitOK
	}
	io.WriteString(stderr, "jizhun: unknown command "+args[0]+"\n"+usage)
	return exitUsage
}
