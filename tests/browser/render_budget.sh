#!/bin/bash
# Renders budget.html (docs/la-budget.md §6) in headless Chromium (Debian's package) from the golden case
# budget_conversions_months: it must load offline, paint a non-trivial page (the screenshot is kept in
# WORK_DIR as a test artefact), and the DSG totals read from the page's DOM must equal dsg.csv's total row.
# Usage: render_budget.sh FUNDSIM SOURCE_DIR [WORK_DIR]. Exit 77 (ctest SKIP_RETURN_CODE) only when
# Chromium is not installed.
set -u
FUNDSIM=$(realpath "$1")
SRC=$(realpath "$2")
WORK=${3:-$(mktemp -d)}

CHROMIUM=""
for c in /usr/bin/chromium /usr/bin/chromium-browser "$(command -v chromium 2>/dev/null)"; do
    if [ -n "$c" ] && [ -x "$c" ]; then CHROMIUM=$c; break; fi
done
if [ -z "$CHROMIUM" ]; then
    echo "SKIP: chromium is not installed (apt-get install chromium), so budget.html cannot be rendered"
    exit 77
fi

fail() { echo "FAIL: $*"; exit 1; }

rm -rf "$WORK" && mkdir -p "$WORK" || fail "cannot create $WORK"
cd "$WORK" || fail "cannot enter $WORK"
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
cp -R "$SRC/tests/cases/budget_conversions_months" case || fail "cannot copy the golden case"
rm -rf case/expected
(cd case && "$FUNDSIM" budget --budget budget.json --out out -q) || fail "fundsim budget failed"
[ -s case/out/budget.html ] || fail "fundsim budget wrote no budget.html"

chrome() {
    timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$PROFILE" "$@" 2>/dev/null
}
chrome --screenshot="$WORK/budget.png" --window-size=1240,1754 "file://$WORK/case/out/budget.html" >/dev/null
[ -f budget.png ] || fail "Chromium wrote no screenshot of budget.html"
size=$(stat -c %s budget.png)
[ "$size" -gt 40000 ] || fail "the screenshot of budget.html is only $size bytes (a blank page is a few KB)"
echo "rendered budget.html: $WORK/budget.png, $size bytes"

chrome --dump-dom "file://$WORK/case/out/budget.html" > budget.dom || fail "Chromium could not load budget.html"
grep -q "<h1>Schools Budget statement 2025-26</h1>" budget.dom || fail "budget.html's DOM has no heading"
# The DSG total row as the browser parsed it: each cell's column and value, in the page's column order.
page=$(grep -o 'data-col="[a-z_]*" data-v="[-0-9.]*"' budget.dom |
    sed -n '41,50p' | sed 's/.*data-v="\([-0-9.]*\)"/\1/' | paste -sd, -)
csv=$(grep '^total,' case/out/dsg.csv | cut -d, -f2-)
[ -n "$csv" ] || fail "dsg.csv has no total row"
[ "$page" = "$csv" ] || fail "the page's DSG totals ($page) differ from dsg.csv's ($csv)"
grep -q 'data-block="total"' budget.dom || fail "the DSG table has no total row"
grep -q 'Secretary of State\|statutory override' budget.dom || fail "the flags are not in words on the page"
echo "PASS: budget.html renders in $CHROMIUM; its DSG totals equal dsg.csv ($csv)"
