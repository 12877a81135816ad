// Command auditgen writes generated past case records for a catalog, with
// defects of every kind the audit looks for planted at known records, and
// the mapping file that reads them:
//
//	go run ./scripts/auditgen [--catalog FILE] [--records 10000] [--seed 1] [--format csv|gb18030|ndjson] --out DIR
//
// DIR receives records.csv (or records.ndjson), mapping.yaml and
// planted.json (the planted defects by data row, 0 the first record).
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/jizhun/jizhun/audit/gen"
	"github.com/jizhun/jizhun/catalog"
	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/examples"
)

func main() {
	catalogPath := flag.String("catalog", "", "catalog YAML (default: the bundled county catalog)")
	records := flag.Int("records", 10000, "number of records")
	seed := flag.Uint64("seed", 1, "random seed: the same seed gives the same records")
	format := flag.String("format", "csv", "csv (UTF-8 with BOM), gb18030 (CSV) or ndjson")
	out := flag.String("out", "", "output directory")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "auditgen: --out is required")
		os.Exit(2)
	}
	if err := run(*catalogPath, *records, *seed, *format, *out); err != nil {
		fmt.Fprintln(os.Stderr, "auditgen:", err)
		os.Exit(1)
	}
}

func run(catalogPath string, records int, seed uint64, format, out string) error {
	var cat *catalog.Catalog
	var err error
	if catalogPath == "" {
		cat, err = catalog.Load(examples.CountyFile, examples.County())
	} else {
		cat, err = catalog.LoadFile(catalogPath)
	}
	if err != nil {
		return err
	}
	eng, err := discretion.Compile(cat)
	if err != nil {
		return err
	}
	ds, err := gen.Generate(eng, gen.Options{Records: records, Seed: seed})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	var buf bytes.Buffer
	name := "records.csv"
	switch format {
	case "csv":
		err = ds.WriteCSV(&buf, false)
	case "gb18030":
		err = ds.WriteCSV(&buf, true)
	case "ndjson":
		err, name = ds.WriteNDJSON(&buf), "records.ndjson"
	default:
		return fmt.Errorf("--format must be csv, gb18030 or ndjson, not %q", format)
	}
	if err != nil {
		return err
	}
	planted, err := json.MarshalIndent(ds.Planted, "", "  ")
	if err != nil {
		return err
	}
	for file, data := range map[string][]byte{name: buf.Bytes(), "mapping.yaml": []byte(ds.Mapping()), "planted.json": append(planted, '\n')} {
		if err := os.WriteFile(filepath.Join(out, file), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
