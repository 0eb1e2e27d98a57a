#!/bin/bash
# The what-if page of `fundsim serve` (docs/serve.md §3) in headless Chromium with Selenium (Debian's
# chromium, chromium-driver and python3-selenium: scripts/install-deps.sh --with-browser): on the demo LA,
# the page's totals and schools on the MFG after changing the MFG and the lump sum equal `fundsim run
# --scenario`'s, an option is saved and the pack built (tests/browser/what_if_page.py). Screenshots and the
# printed PDF are kept in WORK_DIR. Fails (it does not skip) when Chromium, ChromeDriver or Selenium is
# missing. Usage: what_if_page.sh FUNDSIM SOURCE_DIR [WORK_DIR].
set -u
FUNDSIM=$(realpath "$1")
SRC=$(realpath "$2")
WORK=${3:-$(mktemp -d)}

fail() { echo "FAIL: $*"; exit 1; }

CHROMIUM=""
for c in /usr/bin/chromium /usr/bin/chromium-browser "$(command -v chromium 2>/dev/null)"; do
    if [ -n "$c" ] && [ -x "$c" ]; then CHROMIUM=$c; break; fi
done
[ -n "$CHROMIUM" ] || fail "chromium is not installed (scripts/install-deps.sh --with-browser)"
DRIVER=/usr/bin/chromedriver
[ -x "$DRIVER" ] || fail "chromedriver is not installed (Debian's chromium-driver; scripts/install-deps.sh --with-browser)"
PYTHON=/usr/bin/python3  # Debian's, where python3-selenium is
"$PYTHON" -c "import selenium" 2>/dev/null || fail "python3-selenium is not installed (scripts/install-deps.sh --with-browser)"

rm -rf "$WORK" && mkdir -p "$WORK/formulas" "$WORK/scenarios" || fail "cannot create $WORK"
cd "$WORK" || fail "cannot enter $WORK"
cp "$SRC/formulas/nff-2025-26.json" formulas/ && cp "$SRC/scenarios/demo-2025-26.json" scenarios/ ||
    fail "cannot copy the demo's formula"
"$FUNDSIM" synth --schools 550 --seed 2025 --formula formulas/nff-2025-26.json --out census.csv 2>/dev/null ||
    fail "fundsim synth failed"

# listening LOG PID: the address the server started with output LOG says it listens on.
listening() {
    local url=""
    for _ in $(seq 1 100); do
        url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$1" | head -1)
        [ -n "$url" ] && break
        kill -0 "$2" 2>/dev/null || { cat "$1"; fail "fundsim serve stopped before listening"; }
        sleep 0.1
    done
    [ -n "$url" ] || fail "fundsim serve did not say where it listens: $(cat "$1")"
    echo "$url"
}
"$FUNDSIM" serve --census census.csv --scenario scenarios/demo-2025-26.json --port 0 > serve.log 2>&1 &
SERVER=$!
TOKEN=browser-test-token
"$FUNDSIM" serve --census census.csv --scenario scenarios/demo-2025-26.json --port 0 --token $TOKEN \
    --options token-options > serve-token.log 2>&1 &
TOKEN_SERVER=$!
trap 'kill $SERVER $TOKEN_SERVER 2>/dev/null; wait $SERVER $TOKEN_SERVER 2>/dev/null' EXIT
URL=$(listening serve.log $SERVER) || exit 1
TOKEN_URL=$(listening serve-token.log $TOKEN_SERVER) || exit 1
echo "fundsim serve at $URL, and with a token at $TOKEN_URL"

"$PYTHON" "$SRC/tests/browser/what_if_page.py" "$URL" "$FUNDSIM" "$WORK/census.csv" \
    "$WORK/scenarios/demo-2025-26.json" "$WORK/options" "$WORK" "$CHROMIUM" "$DRIVER" "$TOKEN_URL" "$TOKEN" || exit 1
kill -0 $SERVER 2>/dev/null || fail "fundsim serve stopped during the test"
kill -INT $SERVER
wait $SERVER
rc=$?
[ $rc -eq 0 ] || fail "fundsim serve exited $rc on Ctrl-C"
grep -q "fundsim serve: stopped" serve.log || fail "fundsim serve did not say it stopped"
[ -s options/fundsim-ledger.sqlite ] || fail "no ledger in the options folder"
kill -TERM $TOKEN_SERVER
wait $TOKEN_SERVER || fail "fundsim serve --token exited $? on SIGTERM"
trap - EXIT
echo "PASS"
