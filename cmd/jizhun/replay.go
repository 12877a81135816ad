package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"reflect"
	"sort"
	"strings"

	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/service"
)

const replayUsage = `usage: jizhun replay LOG [--catalog FILE]…

Re-decides every record of a decision log (jizhun serve --decision-log) with
the catalog of the same digest, and reports every record whose decision now
differs, field by field, and every record whose catalog is not given.
Without --catalog, the bundled county catalog is used.

exit status: 0 every record reproduced, 1 a difference or a missing catalog, 2 usage
`

// maxLogLine bounds one record of a decision log: a case (1 MiB at most)
// and its decision.
const maxLogLine = 8 << 20

func replay(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("replay", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { io.WriteString(stderr, replayUsage) }
	var catalogs multiFlag
	fs.Var(&catalogs, "catalog", "catalog YAML file (repeatable)")
	var logs []string
	for {
		if err := fs.Parse(args); err != nil {
			return exitUsage
		}
		if fs.NArg() == 0 {
			break
		}
		logs = append(logs, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(logs) != 1 {
		io.WriteString(stderr, "jizhun replay: name one decision log\n"+replayUsage)
		return exitUsage
	}
	// Versions of one catalog share its id, so they are told apart by digest.
	if len(catalogs) == 0 {
		catalogs = multiFlag{""}
	}
	byDigest := map[string]*discretion.Engine{}
	for _, path := range catalogs {
		eng, ok := loadEngine(path, stderr)
		if !ok {
			return exitInvalid
		}
		byDigest[eng.Catalog().Digest] = eng
	}
	f, err := os.Open(logs[0])
	if err != nil {
		fmt.Fprintf(stderr, "jizhun replay: %v\n", err)
		return exitInvalid
	}
	defer f.Close()
	var same, differ, missing, broken int
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), maxLogLine)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		where := fmt.Sprintf("%s:%d", logs[0], line)
		var rec service.LogRecord
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			fmt.Fprintf(stdout, "%s: not a decision log record: %v\n", where, err)
			broken++
			continue
		}
		eng := byDigest[rec.Catalog.Digest]
		if eng == nil {
			fmt.Fprintf(stdout, "%s: catalog %s %s is not among those given (--catalog)\n", where, rec.Catalog.ID, rec.Catalog.Digest)
			missing++
			continue
		}
		diffs, err := replayRecord(eng, &rec)
		if err != nil {
			fmt.Fprintf(stdout, "%s: %v\n", where, err)
			differ++
			continue
		}
		if len(diffs) == 0 {
			same++
			continue
		}
		differ++
		fmt.Fprintf(stdout, "%s: decision differs (logged by %s):\n", where, rec.Engine)
		for _, d := range diffs {
			fmt.Fprintf(stdout, "  %s\n", d)
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(stderr, "jizhun replay: %s: %v\n", logs[0], err)
		return exitInvalid
	}
	fmt.Fprintf(stdout, "%s: %d records: %d reproduced, %d differ, %d without their catalog, %d unreadable\n",
		logs[0], same+differ+missing+broken, same, differ, missing, broken)
	if differ+missing+broken > 0 {
		return exitInvalid
	}
	return exitOK
}

// replayRecord decides a logged case again and lists the differences from
// the logged decision.
func replayRecord(eng *discretion.Engine, rec *service.LogRecord) ([]string, error) {
	c, err := discretion.ParseCase(bytes.NewReader(rec.Case))
	if err != nil {
		return nil, fmt.Errorf("the logged case no longer parses: %v", err)
	}
	d, err := eng.Decide(context.Background(), c)
	if err != nil {
		return nil, fmt.Errorf("the logged case is no longer decided: %v", err)
	}
	now, err := d.JSON()
	if err != nil {
		return nil, err
	}
	var was, is any
	if err := json.Unmarshal(rec.Decision, &was); err != nil {
		return nil, fmt.Errorf("logged decision: %v", err)
	}
	json.Unmarshal(now, &is)
	var diffs []string
	jsonDiff("", was, is, &diffs)
	return diffs, nil
}

// jsonDiff lists the paths where two decoded JSON values differ.
func jsonDiff(path string, a, b any, out *[]string) {
	am, aok := a.(map[string]any)
	bm, bok := b.(map[string]any)
	if aok && bok {
		keys := map[string]bool{}
		for k := range am {
			keys[k] = true
		}
		for k := range bm {
			keys[k] = true
		}
		sorted := make([]string, 0, len(keys))
		for k := range keys {
			sorted = append(sorted, k)
		}
		sort.Strings(sorted)
		for _, k := range sorted {
			jsonDiff(strings.TrimPrefix(path+"."+k, "."), am[k], bm[k], out)
		}
		return
	}
	as, aok := a.([]any)
	bs, bok := b.([]any)
	if aok && bok && len(as) == len(bs) {
		for i := range as {
			jsonDiff(fmt.Sprintf("%s[%d]", path, i), as[i], bs[i], out)
		}
		return
	}
	if !reflect.DeepEqual(a, b) {
		*out = append(*out, fmt.Sprintf("%s: logged %s, now %s", path, short(a), short(b)))
	}
}

func short(v any) string {
	if v == nil {
		return "(absent)"
	}
	b, _ := json.Marshal(v)
	if len(b) > 200 {
		return string(b[:200]) + "…"
	}
	return string(b)
}
