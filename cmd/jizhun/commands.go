package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/examples"
)

// loadEngine loads and compiles a catalog, printing every problem. An empty
// path is the bundled county catalog.
func loadEngine(path string, stderr io.Writer) (*discretion.Engine, bool) {
	var cat *catalog.Catalog
	var err error
	if path == "" {
		cat, err = catalog.Load(examples.CountyFile, examples.County())
	} else {
		cat, err = catalog.LoadFile(path)
	}
	if err != nil {
		printErr(stderr, checkRest(cat, err))
		return nil, false
	}
	eng, err := discretion.Compile(cat)
	if err != nil {
		printErr(stderr, err)
		return nil, false
	}
	return eng, true
}

func printErr(w io.Writer, err error) {
	if ds, ok := catalog.AsDiagnostics(err); ok {
		for _, d := range localize(w, ds) {
			fmt.Fprintln(w, d.Error())
		}
		return
	}
	fmt.Fprintln(w, err.Error())
}

func validate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprint(stderr, "jizhun validate: name at least one catalog file\n"+usage)
		return exitUsage
	}
	status := exitOK
	for _, path := range fs.Args() {
		eng, ok := loadEngine(path, stderr)
		if !ok {
			status = exitInvalid
			continue
		}
		cat := eng.Catalog()
		fmt.Fprintf(stdout, "%s: ok: %s, %d items, %s\n", path, cat.ID, len(cat.Items), cat.Digest)
	}
	return status
}

func decide(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("decide", flag.ContinueOnError)
	fs.SetOutput(stderr)
	catalogPath := fs.String("catalog", "", "catalog YAML file (default: the bundled county catalog, "+examples.CountyFile+")")
	casePath := fs.String("case", "", "case JSON file, or - for standard input")
	item := fs.String("item", "", "item code, overriding the case's item")
	format := fs.String("format", "text", "output format: text or json")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "jizhun decide: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	case *casePath == "":
		fmt.Fprint(stderr, "jizhun decide: --case is required\n"+usage)
		return exitUsage
	case *format != "text" && *format != "json":
		fmt.Fprintf(stderr, "jizhun decide: --format must be text or json, not %q\n", *format)
		return exitUsage
	}
	eng, ok := loadEngine(*catalogPath, stderr)
	if !ok {
		return exitInvalid
	}
	c, err := readCase(*casePath, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", *casePath, err)
		return exitInvalid
	}
	if *item != "" {
		c.Item, c.Items = *item, nil
	}
	d, err := eng.Decide(context.Background(), c)
	if err != nil {
		var gap *discretion.GapError
		if errors.As(err, &gap) {
			fmt.Fprintf(stderr, "%v\n", err)
		} else {
			fmt.Fprintf(stderr, "%s: %v\n", *casePath, err)
		}
		return exitInvalid
	}
	if *format == "json" {
		out, err := d.JSON()
		if err != nil {
			fmt.Fprintf(stderr, "jizhun: %v\n", err)
			return exitInvalid
		}
		stdout.Write(out)
		return exitOK
	}
	io.WriteString(stdout, d.Text())
	return exitOK
}

func readCase(path string, stdin io.Reader) (*discretion.Case, error) {
	if path == "-" {
		return discretion.ParseCase(stdin)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return discretion.ParseCase(f)
}
