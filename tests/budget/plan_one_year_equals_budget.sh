#!/usr/bin/env bash
# docs/multi-year.md §4 invariant 1 for a plan started from a budget file: a one-year plan writes into
# DIR/<year>/ exactly the files `fundsim budget` writes, byte for byte, and no other. Checked on the golden
# budget cases (all four blocks with their engines; conversions by months with balances and a suspended
# school; by days) with the plan file beside the budget file.
# Usage: plan_one_year_equals_budget.sh FUNDSIM SOURCE_DIR
set -euo pipefail
fundsim="$(realpath "$1")"
src="$(realpath "$2")"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/fundsim-plan1.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
status=0
for name in budget_all_blocks budget_conversions_months budget_conversions_days plan_budget_reserve_chain; do
    cp -r "$src/tests/cases/$name" "$tmp/$name"
    rm -rf "$tmp/$name/expected"
    cd "$tmp/$name"
    year="$(sed -n 's/^ *"year": *"\([0-9-]*\)".*/\1/p' budget.json | head -1)"
    echo "{\"name\": \"one year\", \"start\": {\"budget\": \"budget.json\"}, \"years\": [\"$year\"]}" >one-year.json
    "$fundsim" budget --budget budget.json --out budget_out >/dev/null
    "$fundsim" plan --plan one-year.json --out plan_out >/dev/null
    if [[ ! -s budget_out/dsg.csv ]]; then
        echo "FAIL [$name]: budget wrote no dsg.csv"
        status=1
    elif ! diff -r budget_out "plan_out/$year" >diff.txt; then
        echo "FAIL [$name]: plan_out/$year differs from budget's output"
        head -20 diff.txt
        status=1
    fi
    cd "$tmp"
done
if [[ $status -eq 0 ]]; then echo "ok: a one-year plan's year is fundsim budget's output, byte for byte"; fi
exit $status
