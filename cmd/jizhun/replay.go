package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"

	"github.com/jizhun/jizhun/discretion"
	"github.com/jizhun/jizhun/service"
	"github.com/spf13/cobra"
)

func newReplayCommand(e *env) *cobra.Command {
	var catalogs []string
	cmd := &cobra.Command{
		Use:   "replay LOG [flags]",
		Short: "重放裁量日志，报告每处不同 (re-decide a decision log)",
		Long: `用摘要相同的基准重新裁量裁量日志（jizhun serve --decision-log）中的每条记录，
逐字段报告结果不同的记录，以及基准未给出的记录。不指定 --catalog 时使用内置的示例基准。

Re-decides every record of a decision log with the catalog of the same
digest, and reports every record whose decision now differs, field by field,
and every record whose catalog is not given.

退出状态 (exit status): 0 全部重现, 1 日志无法读取、记录损坏或缺少基准, 2 用法错误,
3 有记录的裁量结果不同 (a decision differs)`,
		Example: `  jizhun replay decisions.ndjson
  jizhun replay decisions.ndjson --catalog 2025.yaml --catalog 2026.yaml`,
		Args: argsExactly(1, "name one decision log"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return status(replay(e, catalogs, args[0]))
		},
	}
	cmd.Flags().StringArrayVar(&catalogs, "catalog", nil, "裁量基准文件，可重复 (catalog YAML file, repeatable)")
	cmd.MarkFlagFilename("catalog", "yaml", "yml")
	return cmd
}

// maxLogLine bounds one record of a decision log: a case (1 MiB at most)
// and its decision.
const maxLogLine = 8 << 20

// replay re-decides the records of the decision log at path: exit 1 when a
// record cannot be read or its catalog is not given, else 3 when a decision
// differs.
func replay(e *env, catalogs []string, path string) int {
	stdout, stderr := e.stdout, e.stderr
	logs := []string{path}
	// Versions of one catalog share its id, so they are told apart by digest.
	if len(catalogs) == 0 {
		catalogs = []string{""}
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
	if missing+broken > 0 {
		return exitInvalid
	}
	if differ > 0 {
		return exitDefects
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
