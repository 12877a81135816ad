#!/bin/sh
# Runs the performance benchmarks of docs/performance.md and prints the
# figures the document tabulates: Decide against the hand-written baseline
# (ratio of the medians), the JSON a service sends with each decision,
# parallel scaling, load + compile of generated 400- and 5000-item
# catalogs, and the 5000-item tables when their benchmarks exist.
#
#   scripts/bench.sh              # everything, -count 10 (a few minutes)
#   COUNT=5 scripts/bench.sh      # fewer runs
#   TABLES=0 scripts/bench.sh     # skip the table benchmarks
#
# The raw `go test -bench` output is kept in $OUT (default: a new
# temporary directory) for benchstat; if benchstat is on PATH, its summary
# is printed too.
set -eu

cd "$(dirname "$0")/.."
COUNT=${COUNT:-10}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/jizhun-bench.XXXXXX")}
TABLES=${TABLES:-1}
mkdir -p "$OUT"

echo "== $(go version); $(nproc) CPUs; GOMAXPROCS=${GOMAXPROCS:-default}; count $COUNT"

echo "== raw output in $OUT"
# The test binary is built once and run COUNT times, each run measuring
# every benchmark once: on a shared host the load drifts from minute to
# minute, and a ratio is only meaningful between figures measured side by
# side.
go test -c -o "$OUT/discretion.test" ./discretion
rounds() {
	out=$1
	shift
	: >"$out"
	i=0
	while [ "$i" -lt "$COUNT" ]; do
		(cd discretion && "$OUT/discretion.test" -test.run '^$' -test.benchmem "$@") >>"$out"
		i=$((i + 1))
	done
	grep '^Benchmark' "$out"
}

echo "== Decide, baseline, the output alone (DecisionCopy), without memos, and JSON"
rounds "$OUT/decide.txt" -test.bench '^Benchmark(Decide|DecideBaseline|DecisionCopy|DecideNoMemo|DecisionJSON|DecideAndJSON)$'

echo "== Parallel (-cpu 1,2)"
rounds "$OUT/parallel.txt" -test.bench '^BenchmarkDecide(Baseline)?Parallel$' -test.cpu 1,2

echo "== Load + compile of generated catalogs"
go test ./discretion -run '^$' -bench '^BenchmarkCompile$' -benchmem -benchtime 2x -count "$COUNT" | tee "$OUT/compile.txt" | grep '^Benchmark'

if [ "$TABLES" != 0 ]; then
	for pkg in ./standards ./standards/xlsx; do
		if grep -qs 'func BenchmarkTable' "$pkg"/*_test.go; then
			echo "== Tables ($pkg)"
			go test "$pkg" -run '^$' -bench '^BenchmarkTable$' -benchmem -benchtime 1x -count 3 | tee "$OUT/table-$(basename "$pkg").txt" | grep '^Benchmark'
		fi
	done
fi

# median NAME FIELD FILE: the median of a benchmark's metric (the value
# before the given unit) over its runs.
median() {
	awk -v name="$1" -v unit="$2" '
		$1 == name { for (i = 2; i < NF; i++) if ($(i + 1) == unit) v[n++] = $i }
		END {
			if (n == 0) { print "NaN"; exit }
			for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
			print (n % 2) ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2
		}' "$3"
}

# The -N suffix of a benchmark name is GOMAXPROCS, absent when it is 1.
suffix() { p=$(awk '$1 ~ /^BenchmarkDecide-[0-9]+$/ { sub(/.*-/, "-", $1); print $1; exit }' "$1"); echo "$p"; }

s=$(suffix "$OUT/decide.txt")
eng=$(median "BenchmarkDecide$s" ns/op "$OUT/decide.txt")
base=$(median "BenchmarkDecideBaseline$s" ns/op "$OUT/decide.txt")
engB=$(median "BenchmarkDecide$s" B/op "$OUT/decide.txt")
engA=$(median "BenchmarkDecide$s" allocs/op "$OUT/decide.txt")
copy=$(median "BenchmarkDecisionCopy$s" ns/op "$OUT/decide.txt")
nomemo=$(median "BenchmarkDecideNoMemo$s" ns/op "$OUT/decide.txt")
nomemoA=$(median "BenchmarkDecideNoMemo$s" allocs/op "$OUT/decide.txt")
js=$(median "BenchmarkDecisionJSON$s" ns/op "$OUT/decide.txt")
jsB=$(median "BenchmarkDecisionJSON$s" B/op "$OUT/decide.txt")
dj=$(median "BenchmarkDecideAndJSON$s" ns/op "$OUT/decide.txt")
par1=$(median BenchmarkDecideParallel ns/op "$OUT/parallel.txt")
par2=$(median BenchmarkDecideParallel-2 ns/op "$OUT/parallel.txt")
bpar1=$(median BenchmarkDecideBaselineParallel ns/op "$OUT/parallel.txt")
bpar2=$(median BenchmarkDecideBaselineParallel-2 ns/op "$OUT/parallel.txt")

echo
echo "== Summary (medians of $COUNT runs)"
awk -v e="$eng" -v b="$base" -v eb="$engB" -v ea="$engA" -v c="$copy" -v n="$nomemo" -v na="$nomemoA" \
	-v j="$js" -v jb="$jsB" -v dj="$dj" 'BEGIN {
	printf "Decide            %8.0f ns/op  %6.0f B/op  %4.0f allocs/op (target <= 512 B, <= 2 allocs)\n", e, eb, ea
	printf "Baseline          %8.0f ns/op\n", b
	printf "DecisionCopy      %8.0f ns/op  (building the output alone: %.2f x baseline)\n", c, c / b
	printf "DecideNoMemo      %8.0f ns/op  %4.0f allocs/op (without the memos of fine arithmetic)\n", n, na
	printf "DecisionJSON      %8.0f ns/op  %6.0f B/op (rendering one decision with its trace)\n", j, jb
	printf "DecideAndJSON     %8.0f ns/op  (what a service pays per decision: %.1f x Decide)\n", dj, dj / e
	printf "ratio engine/baseline  %.2f  (target <= 2.5)\n", e / b }'
awk -v a="$par1" -v b="$par2" -v c="$bpar1" -v d="$bpar2" 'BEGIN {
	printf "parallel Decide   1 CPU %6.0f ns/op, 2 CPUs %6.0f ns/op: speed-up %.2f (target >= 1.8)\n", a, b, a / b
	printf "parallel baseline 1 CPU %6.0f ns/op, 2 CPUs %6.0f ns/op: speed-up %.2f\n", c, d, c / d }'
cs=$(awk '$1 ~ /^BenchmarkCompile\/items=5000(-[0-9]+)?$/ { sub(/.*items=5000/, "", $1); print $1; exit }' "$OUT/compile.txt")
for n in 400 5000; do
	t=$(median "BenchmarkCompile/items=$n$cs" ns/op "$OUT/compile.txt")
	m=$(median "BenchmarkCompile/items=$n$cs" retained-MB "$OUT/compile.txt")
	l=$(median "BenchmarkCompile/items=$n/load$cs" ns/op "$OUT/compile.txt")
	c=$(median "BenchmarkCompile/items=$n/compile$cs" ns/op "$OUT/compile.txt")
	awk -v n="$n" -v t="$t" -v m="$m" -v l="$l" -v c="$c" 'BEGIN {
		printf "load+compile %4d items  %7.0f ms  (load %5.0f ms, compile %5.0f ms)  retained %5.1f MB\n", n, t / 1e6, l / 1e6, c / 1e6, m }'
done
for f in "$OUT"/table-*.txt; do
	[ -e "$f" ] || continue
	awk '/^Benchmark/ { printf "%-32s %8.0f ms\n", $1, $3 / 1e6 }' "$f"
done

if command -v benchstat >/dev/null 2>&1; then
	echo
	benchstat "$OUT/decide.txt" "$OUT/parallel.txt" "$OUT/compile.txt"
fi
