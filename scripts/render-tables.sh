#!/bin/sh
# render-tables.sh — print a catalog's published tables as a reader gets
# them, and turn every printed page into a PNG for a person to look at.
#
# usage:
#   scripts/render-tables.sh [CATALOG] [OUTDIR]
#
# CATALOG defaults to examples/county/catalog.yaml, OUTDIR to
# ./tables-rendered. Written into OUTDIR:
#   table.html, html.pdf, html-NN.png  the HTML table, printed by headless
#                                      Chromium on A4 landscape
#   table.xlsx, xlsx.pdf, xlsx-NN.png  the XLSX workbook, printed by headless
#                                      LibreOffice (every sheet, fitted to the
#                                      page width as the workbook asks)
#   NOTE.txt                           what the pictures show: page counts and
#                                      the font sizes text is printed at
#
# Tools (none is installed by this script; a missing one skips its part
# with a message):
#   go                       builds jizhun from this module
#   chromium                 HTML → PDF (or $CHROMIUM, chromium-browser,
#                            google-chrome)
#   soffice                  XLSX → PDF (LibreOffice: libreoffice-calc)
#   pdftoppm, pdfinfo        PDF → PNG, page counts (poppler-utils)
#   python3                  font sizes (scripts/pdf-font-sizes.py)
#   a Chinese serif font     fonts-noto-cjk; without one, text is boxes
# On Debian: apt-get install chromium libreoffice-calc poppler-utils fonts-noto-cjk
#
# environment: DPI of the PNGs (default 80).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
catalog=${1:-$root/examples/county/catalog.yaml}
out=${2:-tables-rendered}
dpi=${DPI:-80}
case $catalog in /*) ;; *) catalog=$(pwd)/$catalog ;; esac
mkdir -p "$out"
out=$(cd "$out" && pwd)

have() { command -v "$1" >/dev/null 2>&1; }
skip() { echo "render-tables.sh: $*; skipped" >&2; }

if ! have go; then
	skip "no Go toolchain to build jizhun"
	exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/render-tables.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
(cd "$root" && go build -o "$tmp/jizhun" ./cmd/jizhun)
"$tmp/jizhun" table --catalog "$catalog" --out "$out/table.html" 2>/dev/null
"$tmp/jizhun" table --catalog "$catalog" --out "$out/table.xlsx" 2>/dev/null
rm -f "$out"/html-*.png "$out"/xlsx-*.png "$out/html.pdf" "$out/xlsx.pdf"

if have fc-list && [ -z "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]; then
	echo "render-tables.sh: warning: no Chinese font; install fonts-noto-cjk" >&2
fi

note="$out/NOTE.txt"
{
	echo "Published tables of $(basename "$(dirname "$catalog")")/$(basename "$catalog"), printed on A4 landscape."
	echo "Rendered $(date -u +%Y-%m-%dT%H:%MZ) by scripts/render-tables.sh."
} >"$note"

# describe PDF LABEL: page count and font sizes into NOTE.txt
describe() {
	pages=?
	if have pdfinfo; then
		pages=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
	fi
	echo "" >>"$note"
	echo "$2: $pages pages ($(basename "$1"); PNGs $3-NN.png at $dpi dpi)" >>"$note"
	if have python3; then
		sizes=$(python3 "$root/scripts/pdf-font-sizes.py" "$1")
		echo "  smallest text: $(echo "$sizes" | head -n 1 | cut -f1)" >>"$note"
		echo "  text sizes as printed (points, number of text runs):" >>"$note"
		echo "$sizes" | sed 's/^/    /' >>"$note"
	fi
	if have pdftoppm; then
		pdftoppm -r "$dpi" -png "$1" "$out/$3"
	else
		skip "no pdftoppm (poppler-utils) for the PNGs of $2"
	fi
}

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
	for b in chromium chromium-browser google-chrome; do
		if have "$b"; then
			browser=$b
			break
		fi
	done
fi
if [ -n "$browser" ] && have "$browser"; then
	"$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
		--disable-background-networking --disable-component-update --disable-sync --no-first-run \
		--user-data-dir="$tmp/chromium" --print-to-pdf="$out/html.pdf" "file://$out/table.html" \
		>"$tmp/chromium.log" 2>&1 || { cat "$tmp/chromium.log" >&2; exit 1; }
	describe "$out/html.pdf" "HTML printed by Chromium" html
else
	skip "no Chromium for the HTML (apt-get install chromium)"
	echo "HTML: not rendered (no Chromium)" >>"$note"
fi

if have soffice; then
	# LibreOffice looks up 宋体 through fontconfig, which on a machine without
	# it may answer with a sans or a Japanese face; this file points the
	# names Chinese workbooks use at the Chinese serif faces installed.
	cat >"$tmp/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family><family>Source Han Serif SC</family><family>AR PL UMing CN</family></prefer></alias>
  <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family><family>Source Han Serif SC</family><family>AR PL UMing CN</family></prefer></alias>
  <alias binding="same"><family>仿宋</family><prefer><family>Noto Serif CJK SC</family><family>Source Han Serif SC</family></prefer></alias>
</fontconfig>
CONF
	FONTCONFIG_FILE="$tmp/fonts.conf" soffice --headless "-env:UserInstallation=file://$tmp/libreoffice" \
		--convert-to pdf --outdir "$tmp" "$out/table.xlsx" >"$tmp/soffice.log" 2>&1 || { cat "$tmp/soffice.log" >&2; exit 1; }
	mv "$tmp/table.pdf" "$out/xlsx.pdf"
	describe "$out/xlsx.pdf" "XLSX printed by LibreOffice" xlsx
else
	skip "no LibreOffice for the XLSX (apt-get install libreoffice-calc)"
	echo "XLSX: not rendered (no LibreOffice)" >>"$note"
fi

cat "$note"
