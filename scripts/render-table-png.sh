#!/bin/sh
# render-table-png.sh — render a published table's HTML in headless Chromium
# to a PNG, for a person to look at (layout, wrapping, merged cells, fonts).
#
# usage:
#   scripts/render-table-png.sh INPUT [OUT.png]
#
# INPUT is a table written by `jizhun table --format html`, or a catalog
# (.yaml/.yml), whose HTML table is then written with `go run ./cmd/jizhun`
# from the module root. OUT defaults to INPUT with the extension .png.
#
# environment:
#   WINDOW_SIZE  viewport in CSS pixels, "width,height" (default 1600,2200);
#                the PNG shows this much of the page
#   PDF          if set, also print the page to this PDF file with the print
#                style sheet (A4 landscape, column titles on every page)
#   CHROMIUM     the browser binary (default: chromium, chromium-browser or
#                google-chrome, whichever is found)
#
# The script installs nothing. Without a browser it says how to get one:
#   apt-get install chromium fonts-noto-cjk
# (fonts-noto-cjk gives the Chinese glyphs; without a CJK font the page
# renders as boxes.)
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	sed -n '4,10s/^# \{0,1\}//p' "$0" >&2
	exit 2
fi
input=$1
out=${2:-${input%.*}.png}
size=${WINDOW_SIZE:-1600,2200}

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
	for b in chromium chromium-browser google-chrome; do
		if command -v "$b" >/dev/null 2>&1; then
			browser=$b
			break
		fi
	done
fi
if [ -z "$browser" ] || ! command -v "$browser" >/dev/null 2>&1; then
	echo "render-table-png.sh: no Chromium found; install it with: apt-get install chromium fonts-noto-cjk" >&2
	exit 1
fi
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]; then
	echo "render-table-png.sh: warning: no Chinese font found; install one with: apt-get install fonts-noto-cjk" >&2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/render-table.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

case $input in
*.yaml | *.yml)
	root=$(cd "$(dirname "$0")/.." && pwd)
	html=$tmp/table.html
	(cd "$root" && go run ./cmd/jizhun table --catalog "$(cd "$(dirname "$input")" && pwd)/$(basename "$input")" --format html --out "$html")
	;;
*)
	html=$input
	;;
esac
if [ ! -f "$html" ]; then
	echo "render-table-png.sh: $html: no such file" >&2
	exit 1
fi
url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"

run_browser() {
	"$browser" --headless --no-sandbox --disable-gpu \
		--disable-background-networking --disable-component-update \
		--disable-sync --no-first-run \
		--user-data-dir="$tmp/profile" "$@" "$url" >"$tmp/browser.log" 2>&1 || {
		cat "$tmp/browser.log" >&2
		return 1
	}
}

run_browser --hide-scrollbars --window-size="$size" --screenshot="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
echo "$out"
if [ -n "${PDF:-}" ]; then
	run_browser --no-pdf-header-footer --print-to-pdf="$(cd "$(dirname "$PDF")" && pwd)/$(basename "$PDF")"
	echo "$PDF"
fi
