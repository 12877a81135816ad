#!/bin/sh
# Fuzz each native Go fuzz target of package fuzz for a short fixed time
# (FUZZTIME, default 10s). The seed corpora under fuzz/testdata/fuzz/ replay
# in every plain `go test`; this script searches beyond them. A failure
# leaves the failing input in fuzz/testdata/fuzz/<Target>/ and exits
# non-zero.
#
# -fuzzminimizetime is kept short: the seeds include whole catalogs, and
# minimising a new interesting input of that size would otherwise take the
# default 60 seconds, during which no new inputs are tried.
set -eu
cd "$(dirname "$0")/.."
FUZZTIME=${FUZZTIME:-10s}
targets=$(go test ./fuzz/ -list '^Fuzz' | grep '^Fuzz' || true)
if [ -z "$targets" ]; then
	echo "fuzz-ci: no fuzz targets found in ./fuzz" >&2
	exit 1
fi
for target in $targets; do
	echo "fuzz-ci: $target for $FUZZTIME"
	go test ./fuzz/ -run='^$' -fuzz="^${target}\$" -fuzztime="$FUZZTIME" -fuzzminimizetime=1s
done
