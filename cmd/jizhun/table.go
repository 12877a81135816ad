package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/service"
	"github.com/jizhun/jizhun/standards"
)

// tableFormats are the formats of jizhun table, each with its writer; the
// service writes the same tables.
var tableFormats = service.TableFormats()

// table writes the published tables of a catalog: the 裁量基准表, the
// 首违不罚清单, the 轻微违法行为不予处罚清单 and the 从重、从轻、减轻 circumstances,
// or the lists named with --list. Hand wording whose numbers its rule does
// not contain is reported on stderr as a warning; the table is still
// written.
func table(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("table", flag.ContinueOnError)
	fs.SetOutput(stderr)
	catalogPath := fs.String("catalog", "", "catalog YAML file")
	format := fs.String("format", "", "output format: md, html, csv or xlsx (default: from --out's extension)")
	out := fs.String("out", "", "output file (default: standard output)")
	wording := fs.String("wording", "hand", "conditions with hand wording: hand, rendered or both")
	source := fs.Bool("source", false, "add a column 规则出处 naming the catalog line of each row, for checking a table against its catalog")
	var lists listFlag
	fs.Var(&lists, "list", "list to write: benchmark, first-offense, light-violation or aggravating (repeatable, comma-separated; default: all)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if *format == "" && *out != "" {
		*format = strings.TrimPrefix(strings.ToLower(filepath.Ext(*out)), ".")
		if *format == "markdown" {
			*format = "md"
		}
	}
	write, okFormat := tableFormats[*format]
	wordingMode, okWording := standards.ParseWording(*wording)
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "jizhun table: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	case *catalogPath == "":
		fmt.Fprint(stderr, "jizhun table: --catalog is required\n"+usage)
		return exitUsage
	case *format == "":
		fmt.Fprint(stderr, "jizhun table: --format is required (md, html, csv or xlsx)\n"+usage)
		return exitUsage
	case !okFormat:
		fmt.Fprintf(stderr, "jizhun table: --format must be md, html, csv or xlsx, not %q\n", *format)
		return exitUsage
	case !okWording:
		fmt.Fprintf(stderr, "jizhun table: --wording must be hand, rendered or both, not %q\n", *wording)
		return exitUsage
	}
	cat, ok := catalogForTables(*catalogPath, stderr)
	if !ok {
		return exitInvalid
	}
	tbl, err := standards.Build(cat, standards.TableOptions{Lists: lists.lists, Wording: wordingMode, Source: *source})
	if err != nil {
		printErr(stderr, err)
		return exitInvalid
	}
	if warnings, err := standards.WordingDiagnostics(cat); err == nil {
		for _, d := range warnings {
			fmt.Fprintln(stderr, "warning: "+d.Error())
		}
	}
	var buf bytes.Buffer
	if err := write(&buf, tbl); err != nil {
		fmt.Fprintf(stderr, "jizhun table: %v\n", err)
		return exitInvalid
	}
	if *out == "" {
		stdout.Write(buf.Bytes())
		return exitOK
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(stderr, "jizhun table: %v\n", err)
		return exitInvalid
	}
	return exitOK
}

// listFlag collects --list values, repeated or comma-separated.
type listFlag struct{ lists []standards.List }

func (l *listFlag) String() string {
	names := make([]string, len(l.lists))
	for i, x := range l.lists {
		names[i] = string(x)
	}
	return strings.Join(names, ",")
}

func (l *listFlag) Set(s string) error {
	for _, name := range strings.Split(s, ",") {
		x, ok := standards.ParseList(strings.TrimSpace(name))
		if !ok {
			return fmt.Errorf("unknown list %q (benchmark, first-offense, light-violation or aggravating)", name)
		}
		l.lists = append(l.lists, x)
	}
	return nil
}

// catalogForTables loads a catalog and compiles it as the engine does, so that a
// command that only reads catalogs rejects exactly what validate rejects.
func catalogForTables(path string, stderr io.Writer) (*catalog.Catalog, bool) {
	eng, ok := loadEngine(path, stderr)
	if !ok {
		return nil, false
	}
	return eng.Catalog(), true
}
