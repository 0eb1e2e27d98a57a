#!/bin/bash
# Renders a multi-year plan's plan.html (one plan, and two side by side) and its statements (`statements
# --plan`) in headless Chromium (Debian's package): the pages load offline, paint, the budget shares read
# from the pages' DOM equal the plan's summary.json and plan.csv, year by year, and a statement prints on
# one A4 page; a plan started from a budget file shows its DSG reserve by block and year as its
# summary.json gives it. Screenshots are kept in WORK_DIR as test artefacts.
# Usage: render_plan.sh FUNDSIM SOURCE_DIR [WORK_DIR]. Exit 77 (ctest SKIP_RETURN_CODE) only when
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
    echo "SKIP: chromium is not installed (apt-get install chromium), so plan.html cannot be rendered"
    exit 77
fi

fail() { echo "FAIL: $*"; exit 1; }

rm -rf "$WORK" && mkdir -p "$WORK" || fail "cannot create $WORK"
cd "$WORK" || fail "cannot enter $WORK"
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT

# The hand-worked plan of tests/cases/plan_cohort_chain, and the same plan with the MFG at -0.5% each year.
cp "$SRC"/tests/cases/plan_cohort_chain/{census.csv,formula.json,intake.csv,plan.json} . || fail "cannot copy the plan"
sed -e 's/"mfg_percent": 0.0/"mfg_percent": -0.005/' -e 's/cohorts and the MFG chain/MFG -0.5%/' plan.json > mfg-half.json
"$FUNDSIM" plan --plan plan.json --out one -q || fail "fundsim plan failed"
"$FUNDSIM" plan --plan plan.json --plan mfg-half.json --out two -q || fail "fundsim plan with two plans failed"

chrome() {
    timeout 90 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$PROFILE" "$@" 2>/dev/null
}
render() {  # render PAGE PNG MIN_BYTES
    chrome --screenshot="$WORK/$2" --window-size=1400,1600 "file://$WORK/$1" >/dev/null
    [ -f "$2" ] || fail "Chromium wrote no screenshot of $1"
    local size
    size=$(stat -c %s "$2")
    [ "$size" -gt "$3" ] || fail "the screenshot of $1 is only $size bytes (a blank page is a few KB)"
    echo "rendered $1: $2, $size bytes"
}
render one/plan.html plan.png 30000
render two/plan.html plans-compared.png 20000

chrome --dump-dom "file://$WORK/one/plan.html" > plan.dom || fail "Chromium could not load plan.html"
grep -q "<title>Plan: Plan test: cohorts and the MFG chain</title>" plan.dom || fail "plan.html's DOM has no title"
grep -q '<svg' plan.dom || fail "plan.html's DOM has no chart of the change over the plan"
# Each year's budget shares on the page (the fourth number of its row) against summary.json.
python3 - plan.dom one/summary.json <<'PY' || fail "plan.html's budget shares differ from summary.json"
import json, re, sys
from decimal import Decimal, ROUND_HALF_UP
dom = open(sys.argv[1], encoding="utf-8").read()
years = json.load(open(sys.argv[2]))["years"]
for y in years:
    row = re.search(r"<tr><th>" + re.escape(y["year"]) + r"</th>(.*?)</tr>", dom)
    assert row, "no row for " + y["year"]
    cells = re.findall(r'<td class="n">(.*?)</td>', row.group(1))
    want = "£{:,}".format(int(Decimal(str(y["total_budget_share"])).quantize(Decimal("1"), ROUND_HALF_UP)))
    assert cells[3] == want, (y["year"], cells[3], want)
    print("  " + y["year"] + ": budget shares " + cells[3] + " on the page and in summary.json")
PY
chrome --dump-dom "file://$WORK/two/plan.html" > plans.dom || fail "Chromium could not load the plans compared"
grep -q "<h1>Plans compared</h1>" plans.dom || fail "the plans compared have no heading"
grep -q 'href="plan/plan.html"' plans.dom || fail "the plans compared do not link to each plan's page"
grep -q 'href="mfg-half/plan.html"' plans.dom || fail "the plans compared do not link to each plan's page"
# The plan's statements with a column per year (`statements --plan`): the page renders, its budget share
# row is plan.csv's, year by year, and it prints on one A4 page.
"$FUNDSIM" statements --plan one --out statements -q || fail "fundsim statements --plan failed"
URN=$(awk -F, 'NR == 2 { print $2 }' one/plan.csv)
render "statements/$URN.html" plan-statement.png 20000
render statements/index.html plan-statements-index.png 20000
chrome --dump-dom "file://$WORK/statements/$URN.html" > statement.dom || fail "Chromium could not load the statement"
python3 - statement.dom one/plan.csv "$URN" <<'PY' || fail "the statement's budget shares differ from plan.csv"
import csv, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
rows = [r for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")) if r["urn"] == sys.argv[3]]
row = re.search(r"<td>Budget share</td>(.*?)</tr>", dom)
assert row, "no budget share row"
cells = re.findall(r'<td class="n[^"]*">(.*?)</td>', row.group(1))
want = ["£{:,.2f}".format(float(r["budget_share"])) for r in rows]
assert cells == want, (cells, want)
print("  statement " + sys.argv[3] + ": budget shares " + ", ".join(cells) + " as in plan.csv")
PY
chrome --print-to-pdf="$WORK/plan-statement.pdf" --no-pdf-header-footer "file://$WORK/statements/$URN.html" >/dev/null
[ -f plan-statement.pdf ] || fail "Chromium printed no PDF of the statement"
PAGES=$(grep -ao "/Count [0-9]*" plan-statement.pdf | head -1 | cut -d" " -f2)  # the page tree's count
[ "$PAGES" = 1 ] || fail "the statement prints on $PAGES pages, not one A4 page"
echo "  the statement prints on one page"
# A plan started from a budget file (tests/cases/plan_budget_reserve_chain): the DSG reserve by block and
# year on the page equals summary.json's closing balances, block by block.
mkdir -p budget && cp "$SRC"/tests/cases/plan_budget_reserve_chain/{census.csv,formula.json,budget.json,balances.csv,conversions.csv,plan.json} budget/ \
    || fail "cannot copy the budget plan"
(cd budget && "$FUNDSIM" plan --plan plan.json --out out -q) || fail "fundsim plan from a budget failed"
render budget/out/plan.html budget-plan.png 20000
chrome --dump-dom "file://$WORK/budget/out/plan.html" > budget-plan.dom || fail "Chromium could not load the budget plan"
python3 - budget-plan.dom budget/out/summary.json <<'PY' || fail "plan.html's DSG reserve differs from summary.json"
import json, re, sys
from decimal import Decimal
dom = open(sys.argv[1], encoding="utf-8").read()
years = json.load(open(sys.argv[2]))["years"]
cells = re.findall(r'data-block="([a-z_]+)" data-year="([0-9-]+)">([^<]*)<', dom)
assert len(cells) == 4 * len(years), ("cells", len(cells))
closing = {(y["year"], b): Decimal(str(v["closing"])).quantize(Decimal("0.01"))
           for y in years for b, v in y["dsg"]["blocks"].items()}
for block, year, text in cells:
    value = Decimal(text.replace("£", "").replace(",", "").replace("−", "-"))
    assert value == closing[(year, block)], (year, block, text, closing[(year, block)])
print("  the DSG reserve by block and year: %d cells on the page equal summary.json" % len(cells))
PY
echo "PASS: plan.html, the plans compared, the plan's statements and a budget plan render in $CHROMIUM"
