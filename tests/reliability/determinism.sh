#!/usr/bin/env bash
# The same inputs give byte-identical outputs run after run and whatever the thread count (funding-model
# §7): synth (school-level, and pupil-level with its ingest), run, compare and statements twice each,
# sweep on 1 and on 2 threads.
# Usage: determinism.sh FUNDSIM SOURCE_DIR
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh" "$1" "$2" determinism
# same NAME DIR1 DIR2: both folders hold the same files, byte for byte, and at least one file.
same() {
    local n
    n="$(find "$2" -type f | wc -l)"
    if [[ $n -eq 0 ]]; then
        fail "$1: nothing was written"
    elif ! diff -r "$2" "$3" >/dev/null; then
        fail "$1: outputs differ:"
        diff -r "$2" "$3" | head -20 | sed 's/^/    /'
    else
        echo "ok [$1: $n files identical]"
    fi
}
run() { "$fundsim" "$@" >/dev/null 2>"$tmp/stderr" || fail "fundsim $1 failed: $(head -c 300 "$tmp/stderr")"; }

# The demo LA: the scenario's schools block is sized for this census (scenarios/demo-2025-26.json).
scenario="$src/scenarios/demo-2025-26.json"
mkdir synth1 synth2
run synth --schools 550 --seed 2025 --formula "$src/formulas/nff-2025-26.json" --out synth1/census.csv
run synth --schools 550 --seed 2025 --formula "$src/formulas/nff-2025-26.json" --out synth2/census.csv
same "synth" synth1 synth2
census=synth1/census.csv

# A pupil-level extract of 40 schools (about 20,000 pupils), written twice and ingested twice, with one
# bad row set aside each time.
pupil_synth() {
    run synth --schools 40 --seed 7 --bands "$src/data/lookups/idaci-bands-2025-26.json" --out "$1/census.csv" \
        --pupils-out "$1/pupils.csv" --schools-out "$1/schools.csv" --idaci-out "$1/lsoa.csv"
    echo "bad row" >>"$1/pupils.csv"
}
mkdir pupils1 pupils2
pupil_synth pupils1
pupil_synth pupils2
same "synth pupil extract" pupils1 pupils2
for n in 1 2; do
    run ingest --pupils pupils1/pupils.csv --schools pupils1/schools.csv --idaci pupils1/lsoa.csv \
        --bands "$src/data/lookups/idaci-bands-2025-26.json" --census-date 2024-10-03 \
        --out "ingest$n/census.csv" --set-aside "ingest$n/set-aside.csv"
done
same "ingest (census, set-aside list)" ingest1 ingest2

run run --census "$census" --scenario "$scenario" --out run1
run run --census "$census" --scenario "$scenario" --out run2
same "run (allocations.csv, summary.json)" run1 run2

# Two options against the census's prior-year budgets: CSV, JSON, HTML report and workbook.
cat >mfg-half.json <<EOF
{"name": "MFG 0.5%", "base": "$src/formulas/nff-2025-26.json",
 "changes": {"mfg": {"percent": 0.005}, "capping": {"cap": 0.03, "scaling": 0.5}}}
EOF
run compare --census "$census" --scenario "$scenario" --scenario mfg-half.json --out compare1
run compare --census "$census" --scenario "$scenario" --scenario mfg-half.json --out compare2
same "compare" compare1 compare2

run statements --census "$census" --scenario "$scenario" --out statements1
run statements --census "$census" --scenario "$scenario" --out statements2
same "statements" statements1 statements2

# 5 × 3 = 15 combinations, each balanced by scaling: split over threads, gathered in combination order.
vary=(--vary /mfg/percent=-0.005:0.005:0.0025 --vary /capping/cap=0.01:0.03:0.01)
run sweep --census "$census" --formula "$scenario" "${vary[@]}" --threads 1 --out sweep1
run sweep --census "$census" --formula "$scenario" "${vary[@]}" --threads 2 --out sweep2
same "sweep on 1 and 2 threads" sweep1 sweep2
rows="$(($(wc -l <sweep1/sweep.csv) - 1))"
if [[ $rows -ne 15 ]]; then fail "sweep.csv has $rows rows, expected 5 x 3 = 15"; fi

finish "determinism: all outputs identical"
