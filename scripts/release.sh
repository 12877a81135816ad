#!/bin/sh
# release.sh — cross-compile the jizhun command for the platforms a bureau
# runs, each binary stamped with its version, with SHA-256 checksums.
#
# usage:
#   scripts/release.sh [VERSION] [OUTDIR]
#
# VERSION defaults to `git describe --tags --always --dirty`, OUTDIR to
# dist/. Written into OUTDIR:
#   jizhun-VERSION-windows-amd64.exe
#   jizhun-VERSION-linux-amd64
#   jizhun-VERSION-linux-arm64
#   jizhun-VERSION-linux-loong64      (龙芯 LoongArch 信创 machines)
#   jizhun-VERSION-darwin-arm64
#   SHA256SUMS                        sha256sum -c SHA256SUMS checks them
#
# The binaries are static (CGO_ENABLED=0) and reproducible: -trimpath, no
# build ID, no VCS stamp, so that the same commit and Go version give the
# same bytes. `jizhun version` prints VERSION. Not part of .ci/run.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
version=${1:-$(git -C "$root" describe --tags --always --dirty 2>/dev/null || echo devel)}
out=${2:-$root/dist}
case $version in
*[!A-Za-z0-9._+-]*)
	echo "release.sh: version $version: use letters, digits and . _ + -" >&2
	exit 2
	;;
esac
mkdir -p "$out"

targets="windows/amd64 linux/amd64 linux/arm64 linux/loong64 darwin/arm64"
names=""
for target in $targets; do
	goos=${target%/*}
	goarch=${target#*/}
	name=jizhun-$version-$goos-$goarch
	[ "$goos" = windows ] && name=$name.exe
	echo "build $name"
	(cd "$root" && CGO_ENABLED=0 GOOS=$goos GOARCH=$goarch go build -trimpath -buildvcs=false \
		-ldflags "-s -w -buildid= -X main.version=$version" -o "$out/$name" ./cmd/jizhun)
	names="$names $name"
done

cd "$out"
if command -v sha256sum >/dev/null 2>&1; then
	# shellcheck disable=SC2086 # names are single words
	sha256sum $names >SHA256SUMS
else
	# shellcheck disable=SC2086
	shasum -a 256 $names >SHA256SUMS
fi
cat SHA256SUMS
