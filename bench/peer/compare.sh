#!/usr/bin/env bash
# fundsim against its pandas peer (issue 17), side by side in one run on one machine: a national run
# balanced by scaling, a 1,000-option sweep of the demo LA, and ingest of a pupil-level extract. Each is
# run RUNS times, fundsim and the peer alternately, as whole processes under /usr/bin/time, pinned to one
# core; prints each one's median wall and CPU time, the peer's and the ratio, and checks that both gave
# the same answers (bench/peer/agree.py). A benchmark, not a test: needs Debian's python3-pandas
# (scripts/install-deps.sh --with-bench).
#
#   bash bench/peer/compare.sh [FUNDSIM] [RUNS] [INGEST_SCHOOLS]     (defaults: build/fundsim 5 2500)
#   WHAT="run sweep ingest" CORE=0 bash bench/peer/compare.sh ...    (a subset; the core to pin to)
set -euo pipefail
SRC=$(cd "$(dirname "$0")/../.." && pwd)
F=$(readlink -f "${1:-$SRC/build/fundsim}")
RUNS=${2:-5}
INGEST_SCHOOLS=${3:-2500}
WHAT=${WHAT:-run sweep ingest}
CORE=${CORE:-0}
PY=/usr/bin/python3
PEER="$PY $SRC/bench/peer/peer.py"
AGREE="$PY $SRC/bench/peer/agree.py"
$PY -c 'import pandas' 2>/dev/null || { echo "compare.sh: needs Debian's python3-pandas (scripts/install-deps.sh --with-bench)" >&2; exit 2; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
PIN=(taskset -c "$CORE")
timed() {  # timed FILE CMD...: appends "wall user sys maxrss_kb" of one whole process to FILE
    local out=$1
    shift
    /usr/bin/time -o "$W/t" -f "%e %U %S %M" "${PIN[@]}" "$@" > /dev/null
    cat "$W/t" >> "$out"
}
NFF=$SRC/formulas/nff-2025-26.json
BANDS=$SRC/data/lookups/idaci-bands-2025-26.json
echo "$($F --version 2>/dev/null | head -1) ($F) against pandas $($PY -c 'import pandas; print(pandas.__version__)')"
echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $RUNS runs each, pinned to core $CORE, $(date -u +%FT%TZ)"

if [[ " $WHAT " == *" run "* ]]; then
    # National: synth's England of 20,000 schools; a schools block halfway between the uncapped and the
    # fully scaled totals (as bench/run_bench.cpp), solved for scaling.
    $F synth --schools 20000 --seed 7 --formula "$NFF" --out "$W/national.csv" > /dev/null
    for s in 0 1; do
        printf '{"name": "scaling %s", "base": "%s", "changes": {"capping": {"cap": 0, "scaling": %s}}}\n' \
            "$s" "$NFF" "$s" > "$W/s$s.json"
        $F run --census "$W/national.csv" --scenario "$W/s$s.json" --out "$W/s$s" -q
    done
    block=$($PY -c "import json,sys; t=[json.load(open(f'$W/s{s}/summary.json'))['total_budget_share'] for s in (0,1)]; print(round(sum(t)/2))")
    printf '{"name": "National, balanced by scaling", "base": "%s", "changes": {"budget": {"schools_block": %s, "solve_for": "scaling"}}}\n' \
        "$NFF" "$block" > "$W/national.json"
    echo "run: 20,000 schools, NFF 2025-26, schools block £$block balanced by scaling"
    for ((i = 0; i < RUNS; i++)); do
        timed "$W/run.f" $F run --census "$W/national.csv" --scenario "$W/national.json" --out "$W/run-f" -q
        timed "$W/run.p" $PEER run --census "$W/national.csv" --formula "$W/national.json" --out "$W/run-p"
    done
    $AGREE times run "$W/run.f" "$W/run.p"
    $AGREE run "$W/run-f" "$W/run-p"
fi

if [[ " $WHAT " == *" sweep "* ]]; then
    $F synth --schools 550 --seed 2025 --formula "$NFF" --out "$W/demo.csv" > /dev/null
    V=(--vary /mfg/percent=-0.0045:0:0.0005 --vary /budget/schools_block=1315000000:1319950000:50000)
    echo "sweep: the demo LA (550 schools), scenarios/demo-2025-26.json, 10 MFG values x 100 schools blocks = 1,000 balanced options"
    for ((i = 0; i < RUNS; i++)); do
        timed "$W/sweep.f" $F sweep --census "$W/demo.csv" --formula "$SRC/scenarios/demo-2025-26.json" "${V[@]}" --threads 1 --out "$W/sweep-f" -q
        timed "$W/sweep.p" $PEER sweep --census "$W/demo.csv" --formula "$SRC/scenarios/demo-2025-26.json" "${V[@]}" --out "$W/sweep-p"
    done
    $AGREE times sweep "$W/sweep.f" "$W/sweep.p"
    $PY -c "import statistics as s; c=s.median([float(l.split()[1])+float(l.split()[2]) for l in open('$W/sweep.f')]); print(f'  sweep: fundsim {1000/c:,.0f} balanced options a second (whole process, CPU of one core)')"
    # As a user runs it: one worker thread per core (sweep's default), not pinned.
    for ((i = 0; i < RUNS; i++)); do
        /usr/bin/time -o "$W/t" -f "%e %U %S %M" $F sweep --census "$W/demo.csv" --formula "$SRC/scenarios/demo-2025-26.json" "${V[@]}" --out "$W/sweep-d" -q > /dev/null
        cat "$W/t" >> "$W/sweep.d"
    done
    cmp -s "$W/sweep-f/sweep.csv" "$W/sweep-d/sweep.csv" || { echo "compare.sh: sweep.csv differs with the default threads" >&2; exit 1; }
    $PY -c "import statistics as s; w=s.median([float(l.split()[0]) for l in open('$W/sweep.d')]); print(f'  sweep: fundsim with its default threads ($(nproc) cores, not pinned): median wall {w:.3f} s = {1000/w:,.0f} balanced options a second (whole process); sweep.csv identical')"
    $AGREE sweep "$W/sweep-f/sweep.csv" "$W/sweep-p/sweep.csv"
fi

if [[ " $WHAT " == *" ingest "* ]]; then
    $F synth --schools "$INGEST_SCHOOLS" --seed 7 --formula "$NFF" --out "$W/ing-census.csv" --pupils-out "$W/pupils.csv" \
        --schools-out "$W/schools.csv" --idaci-out "$W/idaci.csv" --bands "$BANDS" > /dev/null
    mb=$($PY -c "import os; print(os.path.getsize('$W/pupils.csv')/1e6)")
    echo "ingest: $INGEST_SCHOOLS schools, $(($(wc -l < "$W/pupils.csv") - 1)) pupil rows, $mb MB (10^6 bytes)"
    I=(--pupils "$W/pupils.csv" --schools "$W/schools.csv" --idaci "$W/idaci.csv" --bands "$BANDS" --census-date 2024-10-03)
    for ((i = 0; i < RUNS; i++)); do
        timed "$W/ingest.f" $F ingest "${I[@]}" --out "$W/ingest-f.csv" -q
        timed "$W/ingest.p" $PEER ingest "${I[@]}" --out "$W/ingest-p.csv"
    done
    $AGREE times ingest "$W/ingest.f" "$W/ingest.p" "$mb"
    $AGREE ingest "$W/ingest-f.csv" "$W/ingest-p.csv"
fi
