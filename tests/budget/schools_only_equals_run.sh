#!/usr/bin/env bash
# docs/la-budget.md §7 invariant 5: a budget file whose blocks are all left out but `schools` gives the same
# schools/ files as `fundsim run` on the same census and formula, byte for byte. Checked on the balanced
# golden case (a formula with deductions and a lever), through --formula and through a scenario.
# Usage: schools_only_equals_run.sh FUNDSIM SOURCE_DIR
set -euo pipefail
fundsim="$(realpath "$1")"
src="$(realpath "$2")"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/fundsim-inv5.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
status=0
check() {  # name, formula key (formula or scenario), its file
    local name="$1" key="$2" formula="$3"
    mkdir -p "$tmp/$name"
    cp "$src/tests/cases/run_balanced_scaling/census.csv" "$src/tests/cases/run_balanced_scaling/formula.json" \
        "$tmp/$name/"
    echo '{"name": "MFG 0%", "base": "formula.json", "changes": {"mfg": {"percent": 0.0}}}' >"$tmp/$name/scenario.json"
    cd "$tmp/$name"
    cat >budget.json <<JSON
{"name": "invariant 5", "year": "2025-26", "dsg": {"schools_block": 8770000},
 "schools": {"census": "census.csv", "$key": "$formula"}}
JSON
    "$fundsim" run --census census.csv "--$key" "$formula" --out run_out >/dev/null
    "$fundsim" budget --budget budget.json --out budget_out >/dev/null
    for f in allocations.csv summary.json; do
        if [[ ! -s "run_out/$f" ]]; then
            echo "FAIL [$name]: run wrote no $f"
            status=1
        elif ! cmp -s "run_out/$f" "budget_out/schools/$f"; then
            echo "FAIL [$name]: budget_out/schools/$f differs from run's $f"
            diff "run_out/$f" "budget_out/schools/$f" | head -20 || true
            status=1
        fi
    done
    cd "$tmp"
}
check formula formula formula.json
check scenario scenario scenario.json
if [[ $status -eq 0 ]]; then echo "ok: schools/ is run's output, byte for byte (formula and scenario)"; fi
exit $status
