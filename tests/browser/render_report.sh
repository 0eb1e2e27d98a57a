#!/bin/bash
# Renders the Forum pack's report.html and one budget statement in headless Chromium (Debian's package):
# both must load offline, paint a non-trivial page and hold the expected title and tables in their DOM.
# Usage: render_report.sh FUNDSIM SOURCE_DIR [WORK_DIR]. Exit 77 (ctest SKIP_RETURN_CODE) only when
# Chromium is not installed.
set -u
FUNDSIM=$1
SRC=$2
WORK=${3:-$(mktemp -d)}

CHROMIUM=""
for c in /usr/bin/chromium /usr/bin/chromium-browser "$(command -v chromium 2>/dev/null)"; do
    if [ -n "$c" ] && [ -x "$c" ]; then CHROMIUM=$c; break; fi
done
if [ -z "$CHROMIUM" ]; then
    echo "SKIP: chromium is not installed (apt-get install chromium), so report.html cannot be rendered"
    exit 77
fi

fail() { echo "FAIL: $*"; exit 1; }

rm -rf "$WORK" && mkdir -p "$WORK" || fail "cannot create $WORK"
cd "$WORK" || fail "cannot enter $WORK"
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT

# A small LA and two options a Forum would weigh, against the NFF.
"$FUNDSIM" synth --schools 60 --seed 7 --formula "$SRC/formulas/nff-2025-26.json" --out census.csv 2>/dev/null ||
    fail "fundsim synth failed"
cat > mfg0.json <<JSON
{"name": "MFG 0%, gains above 2% half scaled", "base": "$SRC/formulas/nff-2025-26.json",
 "changes": {"mfg": {"percent": 0.0}, "capping": {"cap": 0.02, "scaling": 0.5}}}
JSON
cat > mfg-half.json <<JSON
{"name": "MFG -0.5%, lump sum £120,000", "base": "$SRC/formulas/nff-2025-26.json",
 "changes": {"mfg": {"percent": -0.005}, "factors": {"lump_sum": {"rate": {"primary": 120000, "secondary": 120000}}}}}
JSON
"$FUNDSIM" compare --census census.csv --baseline "$SRC/formulas/nff-2025-26.json" --scenario mfg0.json \
    --scenario mfg-half.json --out pack -q || fail "fundsim compare failed"
[ -s pack/report.html ] || fail "fundsim compare wrote no report.html"
URN=$(sed -n 2p census.csv | cut -d, -f1)
"$FUNDSIM" statements --census census.csv --scenario mfg0.json --out statements --school "$URN" -q ||
    fail "fundsim statements failed"
[ -s "statements/$URN.html" ] || fail "fundsim statements wrote no statements/$URN.html"

# No network at all: every switch that makes Chromium reach out is off, and the pages reference nothing.
chrome() {
    timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$PROFILE" "$@" 2>/dev/null
}

render() {  # render PAGE PNG MIN_BYTES
    chrome --screenshot="$WORK/$2" --window-size=1600,1200 "file://$WORK/$1" >/dev/null
    [ -f "$2" ] || fail "Chromium wrote no screenshot of $1"
    local size
    size=$(stat -c %s "$2")
    [ "$size" -gt "$3" ] || fail "the screenshot of $1 is only $size bytes (a blank page is a few KB)"
    echo "rendered $1: $2, $size bytes"
}
render pack/report.html report.png 40000
render "statements/$URN.html" statement.png 40000

chrome --dump-dom "file://$WORK/pack/report.html" > report.dom || fail "Chromium could not load report.html"
grep -q "<title>Funding options compared" report.dom || fail "report.html's DOM has no title"
grep -q "<h1>Schools funding options compared</h1>" report.dom || fail "report.html's DOM has no heading"
grep -q '<table class="schools">' report.dom || fail "report.html's DOM has no table of schools"
rows=$(grep -o '<tr>' report.dom | wc -l)
[ "$rows" -ge 60 ] || fail "report.html's DOM has $rows table rows, fewer than its 60 schools"
svgs=$(grep -o '<svg' report.dom | wc -l)
[ "$svgs" -ge 4 ] || fail "report.html's DOM has $svgs charts, expected at least 4 (2 histograms, 2 scatters)"

chrome --dump-dom "file://$WORK/statements/$URN.html" > statement.dom || fail "Chromium could not load the statement"
grep -q "<h1>School budget statement 2025-26</h1>" statement.dom || fail "the statement's DOM has no heading"
grep -q "Budget share</td>" statement.dom || fail "the statement's DOM has no budget share line"
grep -q "URN</td><td>$URN</td>" statement.dom || fail "the statement's DOM does not name URN $URN"
echo "PASS: report.html and statement $URN render in $CHROMIUM ($rows rows, $svgs charts)"
