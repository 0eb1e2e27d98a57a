#!/usr/bin/env bash
# bench/ab.sh OLD_BUILD NEW_BUILD SRC OUT: A/B of run, sweep and ingest between two builds of fundsim (each a
# build/ folder with bench/ built) on the same inputs (SRC's formulas): callgrind instruction counts, which
# are deterministic, and CPU times of interleaved runs pinned to core 1. OLD_BUILD/.. is the old tree (its
# ingest_bench reads the IDACI bands from there). Example, against a worktree of an older commit:
#   git worktree add ../old 041d177 && (cd ../old && bash scripts/build.sh -DFUNDSIM_BENCH=ON)
#   bash bench/ab.sh ../old/build build . /tmp/ab
set -uo pipefail
O=$(readlink -f "$1"); N=$(readlink -f "$2"); S=$(readlink -f "$3"); OUT=$4; OSRC=$(readlink -f "$1/.."); mkdir -p "$OUT"; cd "$OUT"
fig() { grep "^figure $1 " | awk '{print $3}'; }
echo "== callgrind (instructions, one run each)"
for b in O N; do
  d=${!b}
  valgrind --tool=callgrind --callgrind-out-file=cg.run.$b "$d/bench/run_bench" "$S" 20000 1 >/dev/null 2>cg.run.$b.log
  valgrind --tool=callgrind --callgrind-out-file=cg.sweep.$b "$d/bench/sweep_bench" "$S" 1 >/dev/null 2>cg.sweep.$b.log
  echo "$b run_bench: $(grep -o 'Collected : [0-9]*' cg.run.$b.log)  sweep_bench: $(grep -o 'Collected : [0-9]*' cg.sweep.$b.log)"
done
echo "== interleaved CPU, pinned to core 1 (run_bench 20000 x3: in-process total and calculation ms; sweep_bench x3: 1,000-option sweep CPU ms)"
for i in 1 2 3 4 5 6; do
  for b in O N; do
    d=${!b}
    r=$(taskset -c 1 "$d/bench/run_bench" "$S" 20000 3 2>/dev/null)
    s=$(taskset -c 1 "$d/bench/sweep_bench" "$S" 3 2>/dev/null)
    echo "$b total $(echo "$r" | fig run_in_process_total_ms) calc $(echo "$r" | fig run_calculation_ms) sweep $(echo "$s" | fig sweep_1000_cpu_ms)"
  done
done
echo "== whole process: fundsim run on a 20,000-school census, 8 interleaved pairs (user+sys s)"
"$N/fundsim" synth --schools 20000 --seed 7 --formula "$S/formulas/nff-2025-26.json" --out national.csv >/dev/null 2>&1
for i in 1 2 3 4 5 6 7 8; do
  for b in O N; do
    d=${!b}
    /usr/bin/time -f "%U %S" -o t.$b taskset -c 1 "$d/fundsim" run --census national.csv --formula "$S/formulas/nff-2025-26.json" --out out.$b -q >/dev/null 2>&1
    echo "$b $(awk '{printf "%.2f", $1+$2}' t.$b)"
  done
done
echo "== ingest: ingest_bench on a 2,500-school extract, 6 interleaved pairs (CPU MB/s)"
for i in 1 2 3 4 5 6; do
  for b in O N; do
    d=${!b}
    src=$S; [ $b = O ] && src=$OSRC  # the old bench reads the IDACI bands from its own tree's old place
    echo "$b $(taskset -c 1 "$d/bench/ingest_bench" "$src" 2500 3 2500 2>/dev/null | fig ingest_cpu_mb_per_s)"
  done
done
