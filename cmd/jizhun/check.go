package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/fuzz"
	"github.com/jizhun/jizhun/standards"
)

// checkUsage is the help of `jizhun check`.
const checkUsage = `usage: jizhun check FILE… [--properties N] [--seed S] [--out DIR] [--format text|json] [--first-offense-discretionary-only]

Checks each catalog for consistency (gaps and overlaps between grades,
sub-ranges outside the statutory range, 减轻 without a legal ground, tier
order, unreachable rules, first-offense and light-violation rules the clause
does not allow, mandatory and discretionary rules mislabelled). Each finding
is printed as file:line:col with a witness case in Case JSON.

  --properties N   also run the property tests with N generated cases each
  --seed S         seed of the generated cases (default 1)
  --out DIR        write witness cases and shrunk counterexamples to DIR
  --format F       text (default) or json
  --first-offense-discretionary-only
                   report 首违不罚 listed for a mandatory fine (LEGAL.md §3.2)

exit status: 0 clean (warnings allowed), 1 defects or failed properties or an
invalid catalog, 2 usage
`

// checkFlags are the options of `jizhun check`.
type checkFlags struct {
	properties     int
	seed           int64
	out            string
	format         string
	discretionOnly bool
	files          []string
}

// parseCheckFlags reads flags and files in any order.
func parseCheckFlags(args []string, stderr io.Writer) (*checkFlags, bool) {
	cf := &checkFlags{}
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { io.WriteString(stderr, checkUsage) }
	fs.IntVar(&cf.properties, "properties", 0, "run the property tests with N cases each")
	fs.Int64Var(&cf.seed, "seed", 1, "seed of the generated cases")
	fs.StringVar(&cf.out, "out", "", "directory for witness cases and counterexamples")
	fs.StringVar(&cf.format, "format", "text", "text or json")
	fs.BoolVar(&cf.discretionOnly, "first-offense-discretionary-only", false, "first offense only for discretionary fines")
	for {
		if err := fs.Parse(args); err != nil {
			return nil, false
		}
		if fs.NArg() == 0 {
			break
		}
		cf.files = append(cf.files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch {
	case len(cf.files) == 0:
		fmt.Fprint(stderr, "jizhun check: name at least one catalog file\n"+checkUsage)
		return nil, false
	case cf.format != "text" && cf.format != "json":
		fmt.Fprintf(stderr, "jizhun check: --format must be text or json, not %q\n", cf.format)
		return nil, false
	case cf.properties < 0:
		fmt.Fprintf(stderr, "jizhun check: --properties must be a positive number of cases\n")
		return nil, false
	}
	return cf, true
}

// checkResult is the JSON output for one file.
type checkResult struct {
	File        string              `json:"file"`
	Diagnostics catalog.Diagnostics `json:"diagnostics,omitempty"`
	Report      *standards.Report   `json:"report,omitempty"`
	Properties  []fuzz.Result       `json:"properties,omitempty"`
	Files       []string            `json:"files,omitempty"`
}

func check(args []string, stdout, stderr io.Writer) int {
	cf, ok := parseCheckFlags(args, stderr)
	if !ok {
		return exitUsage
	}
	status := exitOK
	var results []checkResult
	for _, path := range cf.files {
		res, failed := checkFile(path, cf, stdout, stderr)
		if failed {
			status = exitInvalid
		}
		results = append(results, res)
	}
	if cf.format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(results); err != nil {
			fmt.Fprintf(stderr, "jizhun check: %v\n", err)
			return exitInvalid
		}
	}
	return status
}

// checkFile checks one catalog; failed is true for an invalid catalog, an
// error finding or a failed property.
func checkFile(path string, cf *checkFlags, stdout, stderr io.Writer) (res checkResult, failed bool) {
	res.File = path
	text := cf.format == "text"
	cat, err := catalog.LoadFile(path)
	var eng *discretion.Engine
	if err == nil {
		eng, err = discretion.Compile(cat)
	} else {
		err = checkRest(cat, err)
	}
	if err != nil {
		if ds, ok := catalog.AsDiagnostics(err); ok {
			res.Diagnostics = localize(stderr, ds)
		} else {
			res.Diagnostics = catalog.Diagnostics{{Pos: catalog.Pos{File: path}, Code: catalog.CodeSyntax, Message: err.Error()}}
		}
		if text {
			printErr(stderr, err)
		}
		return res, true
	}
	ctx := context.Background()
	report, err := standards.Check(ctx, eng, standards.Options{Seed: cf.seed, FirstOffenseDiscretionaryOnly: cf.discretionOnly})
	if err != nil {
		if text {
			printErr(stderr, err)
		}
		return res, true
	}
	res.Report = report
	failed = report.Errors() > 0
	if cf.out != "" {
		files, err := writeWitnesses(cf.out, cat.ID, report)
		if err != nil {
			fmt.Fprintf(stderr, "jizhun check: %v\n", err)
			return res, true
		}
		res.Files = files
	}
	if text {
		report.WriteText(stdout)
	}
	if cf.properties > 0 {
		results, err := fuzz.Check(ctx, eng, fuzz.Config{Cases: cf.properties, Seed: cf.seed, OutDir: cf.out})
		if err != nil {
			fmt.Fprintf(stderr, "jizhun check: %v\n", err)
			return res, true
		}
		res.Properties = results
		for _, r := range results {
			if !r.Passed {
				failed = true
			}
			if !text {
				continue
			}
			if r.Passed {
				fmt.Fprintf(stdout, "%s: property %s: passed (%d cases)\n", path, r.Property, r.Cases)
			} else {
				io.WriteString(stdout, path+": "+r.Failure.Report(cat.ID, r.Property))
			}
		}
	}
	return res, failed
}

// writeWitnesses writes each finding's witness as a case file that
// `jizhun decide --case` accepts.
func writeWitnesses(dir, catalogID string, report *standards.Report) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var files []string
	safe := strings.NewReplacer("/", "_", "\\", "_", " ", "_", ":", "_")
	for i, f := range report.Findings {
		if f.Witness == nil {
			continue
		}
		name := fmt.Sprintf("%s-%03d-%s-%s.json", safe.Replace(catalogID), i+1, strings.TrimPrefix(f.Code, "standards_"), safe.Replace(f.Item))
		p := filepath.Join(dir, name)
		js, err := f.Witness.JSON()
		if err != nil {
			return files, err
		}
		if err := os.WriteFile(p, js, 0o644); err != nil {
			return files, err
		}
		files = append(files, p)
	}
	return files, nil
}
