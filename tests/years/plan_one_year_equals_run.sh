#!/usr/bin/env bash
# docs/multi-year.md §4 invariant 1 for a plan started from a census and a formula or scenario: a one-year
# plan writes into DIR/<year>/ the allocations.csv and summary.json `fundsim run` writes, byte for byte
# (and the census it read). Checked on the golden run cases below, with the plan file beside the census.
# Usage: plan_one_year_equals_run.sh FUNDSIM SOURCE_DIR
set -euo pipefail
fundsim="$(realpath "$1")"
src="$(realpath "$2")"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/fundsim-plan1run.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
status=0
for name in run_scenario run_balanced_scaling run_protections run_dedelegation_grants_sen; do
    cp -r "$src/tests/cases/$name" "$tmp/$name"
    rm -rf "$tmp/$name/expected"
    cd "$tmp/$name"
    # The case's own command: run --census C (--formula F | --scenario S) --out result.
    read -r -a args < <(grep -v '^#' cmd)
    census="" kind="" file=""
    for ((k = 0; k < ${#args[@]}; k++)); do
        case "${args[k]}" in
            --census) census="${args[k + 1]}" ;;
            --formula) kind=formula file="${args[k + 1]}" ;;
            --scenario) kind=scenario file="${args[k + 1]}" ;;
        esac
    done
    echo "{\"name\": \"one year\", \"start\": {\"census\": \"$census\", \"$kind\": \"$file\"}, \"years\": [\"2025-26\"]}" \
        >one-year.json
    "$fundsim" run --census "$census" "--$kind" "$file" --out run_out >/dev/null
    "$fundsim" plan --plan one-year.json --out plan_out >/dev/null
    for f in allocations.csv summary.json; do
        if [[ ! -s "run_out/$f" ]]; then
            echo "FAIL [$name]: run wrote no $f"
            status=1
        elif ! cmp -s "run_out/$f" "plan_out/2025-26/$f"; then
            echo "FAIL [$name]: plan_out/2025-26/$f differs from run's"
            diff "run_out/$f" "plan_out/2025-26/$f" | head -10 || true
            status=1
        fi
    done
    cmp -s "$census" plan_out/2025-26/census.csv || { echo "FAIL [$name]: the year's census.csv is not the census read"; status=1; }
    cd "$tmp"
done
if [[ $status -eq 0 ]]; then echo "ok: a one-year plan's year is fundsim run's output, byte for byte"; fi
exit $status
