package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/jizhun/jizhun/audit"
	"github.com/jizhun/jizhun/audit/xlsx"
	"github.com/jizhun/jizhun/discretion"
)

// catalogsFlag collects repeated --catalog flags.
type catalogsFlag []string

func (c *catalogsFlag) String() string { return strings.Join(*c, ",") }
func (c *catalogsFlag) Set(s string) error {
	*c = append(*c, s)
	return nil
}

// runAudit re-decides the records of a case-handling system's export
// (CSV, NDJSON or an XLSX workbook) against the catalogs (each record
// under the one in force on its decision date) and reports what it finds:
// as text, JSON, a standalone HTML page, or a workbook of the flagged
// records. Exit 0: no finding; 1: findings, or an input that cannot be read;
// 2: usage.
func runAudit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("audit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var catalogs catalogsFlag
	fs.Var(&catalogs, "catalog", "catalog YAML file (repeatable; default: the bundled county catalog)")
	mappingPath := fs.String("mapping", "", "mapping YAML: which column holds which fact (see docs/audit.md)")
	format := fs.String("format", "", "output format: text, json, html or xlsx (default: from --out's extension, else text)")
	sheet := fs.String("sheet", "", "the sheet of an XLSX records file (default: the first)")
	out := fs.String("out", "", "output file (default: standard output)")
	// Flags may follow the records file, as in jizhun audit FILE --format json.
	var positional []string
	rest := args
	for {
		if err := fs.Parse(rest); err != nil {
			return exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if *format == "" {
		switch strings.ToLower(filepath.Ext(*out)) {
		case ".json":
			*format = "json"
		case ".html", ".htm":
			*format = "html"
		case ".xlsx":
			*format = "xlsx"
		default:
			*format = "text"
		}
	}
	switch {
	case len(positional) != 1:
		fmt.Fprint(stderr, "jizhun audit: name one records file (CSV or NDJSON)\n"+usage)
		return exitUsage
	case *mappingPath == "":
		fmt.Fprint(stderr, "jizhun audit: --mapping is required\n"+usage)
		return exitUsage
	case *format != "text" && *format != "json" && *format != "html" && *format != "xlsx":
		fmt.Fprintf(stderr, "jizhun audit: --format must be text, json, html or xlsx, not %q\n", *format)
		return exitUsage
	case *format == "xlsx" && *out == "":
		fmt.Fprint(stderr, "jizhun audit: --format xlsx needs --out FILE\n")
		return exitUsage
	}
	m, err := audit.LoadMapping(*mappingPath)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitInvalid
	}
	if len(catalogs) == 0 {
		catalogs = catalogsFlag{""}
	}
	var engines []*discretion.Engine
	for _, path := range catalogs {
		eng, ok := loadEngine(path, stderr)
		if !ok {
			return exitInvalid
		}
		engines = append(engines, eng)
	}
	a, err := audit.New(m, engines...)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitInvalid
	}
	progress := auditProgress(stderr)
	src := audit.FileSource(positional[0])
	if strings.EqualFold(filepath.Ext(positional[0]), ".xlsx") {
		src = xlsx.Source(positional[0], *sheet, m)
	}
	rep, err := a.Run(context.Background(), src, progress)
	if progress != nil {
		fmt.Fprint(stderr, "\r\033[K")
	}
	if err != nil {
		fmt.Fprintf(stderr, "jizhun audit: %v\n", err)
		return exitInvalid
	}
	w := stdout
	var file *os.File
	if *out != "" {
		if file, err = os.Create(*out); err != nil {
			fmt.Fprintf(stderr, "jizhun audit: %v\n", err)
			return exitInvalid
		}
		w = file
	}
	bw := bufio.NewWriter(w)
	switch *format {
	case "json":
		err = rep.WriteJSON(bw)
	case "html":
		err = rep.WriteHTML(bw)
	case "xlsx":
		err = xlsx.WriteFindings(bw, rep)
	default:
		writeAuditText(bw, rep)
	}
	if err == nil {
		err = bw.Flush()
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "jizhun audit: %v\n", err)
		return exitInvalid
	}
	if len(rep.Findings) > 0 {
		return exitInvalid
	}
	return exitOK
}

// auditProgress reports the records read on a terminal (isTerminal), and
// nothing elsewhere.
func auditProgress(stderr io.Writer) func(int) {
	if !isTerminal(stderr) {
		return nil
	}
	return func(n int) { fmt.Fprintf(stderr, "\r已复核 %d 条案卷…", n) }
}

func writeAuditText(w io.Writer, rep *audit.Report) {
	s := rep.Summary
	fmt.Fprintf(w, "%s：案卷 %d 条，复核 %d 条，未发现问题 %d 条，发现问题 %d 条\n", rep.Source, s.Records, s.Decided, s.Consistent, s.Flagged)
	for _, k := range audit.Kinds {
		if n := s.ByKind[k]; n > 0 {
			fmt.Fprintf(w, "  %s：%d\n", k.Label(), n)
		}
	}
	for _, f := range rep.Findings {
		fmt.Fprintf(w, "第 %d 行 %s %s：%s（依据：%s）\n", f.Line, f.CaseNumber, f.Title, f.Message, f.Rule)
	}
}
