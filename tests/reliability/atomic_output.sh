#!/usr/bin/env bash
# A run that fails (at loading, at calculation, or at the final move into place) leaves the outputs of an
# earlier run byte for byte and no temporary file (docs/interfaces.md §5: written to a temporary name, renamed).
# Usage: atomic_output.sh FUNDSIM SOURCE_DIR
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh" "$1" "$2" atomic
# Every path under a folder with the checksum of each file: equal listings mean byte-identical folders.
snapshot() { (cd "$1" && find . -print | LC_ALL=C sort | while IFS= read -r p; do
    if [[ -f "$p" ]]; then echo "$p $(cksum <"$p")"; else echo "$p/"; fi
done); }

# expect_refusal NAME OUT_DIR MESSAGE ARGS...: the run must exit 1, print MESSAGE, and leave OUT_DIR as it was.
expect_refusal() {
    local name="$1" out="$2" message="$3"
    shift 3
    local before rc=0
    before="$(snapshot "$out")"
    "$fundsim" "$@" >"$tmp/stdout" 2>"$tmp/stderr" || rc=$?
    if [[ $rc -ne 1 ]]; then fail "$name: exit $rc, expected 1 ($(head -c 300 "$tmp/stderr"))"; fi
    if ! grep -qF -- "$message" "$tmp/stderr"; then fail "$name: stderr lacks: $message ($(head -c 300 "$tmp/stderr"))"; fi
    if [[ "$(snapshot "$out")" != "$before" ]]; then
        fail "$name: the output folder changed:"
        diff <(echo "$before") <(snapshot "$out") | sed 's/^/    /'
    fi
    if find "$tmp" -name '*.tmp.*' | grep -q .; then fail "$name: temporary files left: $(find "$tmp" -name '*.tmp.*')"; fi
    echo "ok [$name]"
}

"$fundsim" synth --schools 40 --seed 6 --formula "$src/formulas/nff-2025-26.json" --out census.csv 2>/dev/null ||
    { echo "FAIL: synth"; exit 1; }
if ! "$fundsim" run --census census.csv --formula "$src/formulas/nff-2025-26.json" --out out --quiet; then
    echo "FAIL: the first run did not succeed"
    exit 1
fi
[[ -s out/allocations.csv && -s out/summary.json ]] || { echo "FAIL: the first run wrote no files"; exit 1; }

# 1. Broken formula JSON: refused while loading.
printf '{"name": "broken",\n "factors": {\n' >broken.json
expect_refusal "broken formula" out "broken.json:3: column 1: broken JSON" \
    run --census census.csv --formula broken.json --out out
# 2. A census without its key column: refused while loading.
sed 's/^urn,/urn_typo,/' census.csv >bad-census.csv
expect_refusal "census without urn" out "bad-census.csv:1: column urn: is missing from the header (every census needs it)" \
    run --census bad-census.csv --formula "$src/formulas/nff-2025-26.json" --out out
# 3. A budget that cannot be balanced: refused part-way through the calculation, after loading.
cat >unaffordable.json <<EOF
{"name": "Unaffordable", "base": "$src/formulas/nff-2025-26.json",
 "changes": {"budget": {"schools_block": 1000, "solve_for": "scaling"}}}
EOF
expect_refusal "unaffordable budget" out "the budget cannot be balanced by scaling" \
    run --census census.csv --scenario unaffordable.json --out out
# 4. A rate far out of scale: refused by the amount check at the end of the calculation.
cat >absurd.json <<EOF
{"name": "Absurd", "base": "$src/formulas/nff-2025-26.json",
 "changes": {"factors": {"rates": {"kind": "per_column", "column": null, "rate": {"rates": 1e9}}}}}
EOF
expect_refusal "absurd rate" out "beyond the £10,000,000,000 any one school can receive" \
    run --census census.csv --scenario absurd.json --out out
# 5. A failure at the move into place: summary.json is a folder. allocations.csv, moved first when all
#    goes well, must not be replaced by a new version that would disagree with the old summary.
cp -R out out2
rm out2/summary.json
mkdir out2/summary.json
cat >mfg-up.json <<EOF
{"name": "MFG up", "base": "$src/formulas/nff-2025-26.json", "changes": {"mfg": {"percent": 0.01}}}
EOF
expect_refusal "folder in a file's place" out2 "out2/summary.json: is a folder, not a file: nothing was written" \
    run --census census.csv --scenario mfg-up.json --out out2
# The control: the same run into a fresh folder succeeds and its allocations differ from the first run's.
if ! "$fundsim" run --census census.csv --scenario mfg-up.json --out out3 --quiet; then
    fail "control: the MFG-up run failed"
elif cmp -s out/allocations.csv out3/allocations.csv; then
    fail "control: the MFG-up run wrote the same allocations as the first run (case 5 would prove nothing)"
fi

finish "atomic output: all cases pass"
