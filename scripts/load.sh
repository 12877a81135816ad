#!/bin/sh
# Measures the service and the batch command for docs/performance.md
# ("The service"). Everything runs on this machine over loopback, bounded in
# count and in time (each step under `timeout`):
#
#   1. one `jizhun decide` process per case, N_PROC cases (default 200);
#   2. the same cases through `jizhun decide --batch`, N_BATCH cases
#      (default 100 000), and the ratio of the two rates;
#   3. Go benchmarks: Decide + JSON in process, and single-case HTTP
#      requests from 32 keep-alive clients to a server in the same process
#      (throughput, p50, p99), and their ratio;
#   4. a soak of SOAK decisions (default 10⁶) through the server in NDJSON
#      batches, with the live heap before and after.
#
#   scripts/load.sh
#   N_PROC=50 N_BATCH=20000 SOAK=100000 BENCHTIME=2s scripts/load.sh   # quicker
set -eu

cd "$(dirname "$0")/.."
N_PROC=${N_PROC:-200}
N_BATCH=${N_BATCH:-100000}
SOAK=${SOAK:-1000000}
BENCHTIME=${BENCHTIME:-5s}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/jizhun-load.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

now() { date +%s.%N; }

echo "== $(go version); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
go build -o "$TMP/jizhun" ./cmd/jizhun

set -- examples/county/cases/*.json
for f in "$@"; do tr -d '\n' <"$f"; echo; done >"$TMP/cases.ndjson"
ncases=$#

echo "== 1. one process per case ($N_PROC cases)"
i=0
t0=$(now)
while [ "$i" -lt "$N_PROC" ]; do
	for f in "$@"; do
		[ "$i" -lt "$N_PROC" ] || break
		timeout 30 "$TMP/jizhun" decide --case "$f" --format json >/dev/null 2>&1 || true
		i=$((i + 1))
	done
done
t1=$(now)
proc_rate=$(awk -v n="$N_PROC" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", n / (b - a) }')
echo "one process per case: $N_PROC cases in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') s = $proc_rate cases/s"

echo "== 2. decide --batch ($N_BATCH cases)"
reps=$(( (N_BATCH + ncases - 1) / ncases ))
r=0
while [ "$r" -lt "$reps" ]; do cat "$TMP/cases.ndjson"; r=$((r + 1)); done | head -n "$N_BATCH" >"$TMP/batch.ndjson"
t0=$(now)
timeout 600 "$TMP/jizhun" decide --batch "$TMP/batch.ndjson" >"$TMP/batch.out" 2>"$TMP/batch.err"
t1=$(now)
cat "$TMP/batch.err"
batch_rate=$(awk -v n="$N_BATCH" -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", n / (b - a) }')
echo "decide --batch: $N_BATCH cases in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }') s (process start and catalog load included) = $batch_rate cases/s"
awk -v a="$batch_rate" -v b="$proc_rate" 'BEGIN { printf "batch / one process per case = %.0fx (target >= 40x)\n", a / b }'

echo "== 3. in process vs HTTP, 32 keep-alive clients (benchtime $BENCHTIME)"
timeout 600 go test ./service -run '^$' -bench '^Benchmark(DecideJSONInProcess|HTTPDecide32)$' -benchtime "$BENCHTIME" -count 1 | tee "$TMP/bench.txt" | grep '^Benchmark'
awk '/^BenchmarkDecideJSONInProcess/ { for (i = 2; i < NF; i++) if ($(i + 1) == "cases/s") ip = $i }
     /^BenchmarkHTTPDecide32/       { for (i = 2; i < NF; i++) if ($(i + 1) == "cases/s") h = $i }
     END { if (ip > 0) printf "HTTP / in process = %.0f%% (target >= 25%%)\n", 100 * h / ip }' "$TMP/bench.txt"

echo "== 4. soak: $SOAK decisions through the server"
JIZHUN_SOAK=$SOAK timeout 900 go test ./service -run '^TestSoak$' -count 1 -timeout 900s -v | grep -E '^soak:|^(ok|FAIL|---)'
