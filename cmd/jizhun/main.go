// Command jizhun validates discretion catalogs, decides cases against them,
// tests, checks, publishes and audits them, and serves decisions over HTTP.
// `jizhun --help` lists the commands; `jizhun help COMMAND` explains one.
//
// Exit status, the same for every command:
//
//	0  done: valid, decided (no penalty is a decision too), no defect found
//	1  invalid input: a catalog, a case, a test file, a mapping or records
//	   that cannot be read or are not valid
//	2  usage: an unknown command or flag, a missing or extra argument
//	3  defects found: error findings of validate or check, failed tests,
//	   audit findings, decisions that replay differently
//
// When a run finds both invalid input and defects, the status is 1.
//
// Release builds set the version shown by `jizhun --version`:
//
//	go build -ldflags "-X main.version=v1.2.0" ./cmd/jizhun
package main

import (
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit statuses, documented in the package comment and in README.md.
const (
	exitOK      = 0
	exitInvalid = 1
	exitUsage   = 2
	exitDefects = 3
)

// version is the release version of this build, set at link time with
// -ldflags "-X main.version=vX.Y.Z" (scripts/release.sh). Left empty, the
// module version recorded by the Go toolchain is shown instead: the tag for
// `go install …@vX.Y.Z`, "(devel)" for a build from a checkout.
var version = ""

// run runs the command line args and returns the exit status. Tests call
// it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// Diagnostics follow --lang, else the environment's locale; cobra
	// parses --lang too, and refuses a value other than zh or en.
	lang, _ := language(args, os.Getenv)
	return execute(args, &env{stdin: stdin, stdout: stdout, stderr: localizedWriter{stderr, lang}, lang: lang})
}
