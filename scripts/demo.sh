#!/usr/bin/env bash
# The demo: installs what is missing, builds, makes a synthetic LA of 550 schools (about the size of
# Essex), runs it through the NFF 2025-26 with the budget balanced by scaling, and compares four options
# for the Schools Forum against it (the pack lands in demo-out/forum-pack/); then the LA's whole Schools
# Budget (demo-out/budget/), and plans the next three years on two MFG paths (demo-out/plans/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh -DFUNDSIM_TESTS=OFF
out=demo-out
mkdir -p "$out"
./build/fundsim synth --schools 550 --seed 2025 --formula formulas/nff-2025-26.json --out "$out/census.csv" \
  --history-out "$out/census-history.csv"
echo
./build/fundsim run --census "$out/census.csv" --scenario scenarios/demo-2025-26.json --out "$out/run"
echo
echo "How one school's budget was built: ./build/fundsim explain --census $out/census.csv --scenario scenarios/demo-2025-26.json --school 100001"
echo
# The Schools Forum pack: options a Forum would weigh, each against the demo formula above.
#   A: the MFG at -0.5% instead of 0%; B: the 0.5% high-needs transfer paid for by a factor multiplier
#   instead of scaling gains; C1/C2: a £1.5m school improvement pot delegated per pupil, or partly
#   allocated to two clusters of schools.
echo "== Schools Forum options against the demo formula"
./build/fundsim compare --census "$out/census.csv" --baseline scenarios/demo-2025-26.json \
  --scenario scenarios/forum-a-mfg-minus-half.json \
  --scenario scenarios/forum-b-transfer-by-multiplier.json \
  --scenario scenarios/forum-c1-improvement-per-pupil.json \
  --scenario scenarios/forum-c2-improvement-clusters.json \
  --out "$out/forum-pack"
echo
# A three-year plan (2025-26 to 2027-28) on two MFG paths: each year's census projected cohort by cohort
# from the census history, the formula uprated, each school's MFG baseline its budget share of the year
# before. The plans land in demo-out/plans/ (plan.html compares them).
echo "== Three-year plans: the MFG at 0% against -0.5%"
./build/fundsim plan --plan plans/demo-mfg-0.json --plan plans/demo-mfg-minus-half.json --out "$out/plans"
# Each school's statement with a column per year of the MFG 0% plan (demo-out/plan-statements/index.html).
./build/fundsim statements --plan "$out/plans/demo-mfg-0" --out "$out/plan-statements"
# The LA's whole Schools Budget (docs/la-budget.md): the demo formula's census again, with synth's budget
# inputs (balances, conversions in the year, central lines, the 0.5% transfer to high needs agreed by the
# Forum, the opening DSG reserve, the high needs setting and the early years market with their 2025-26
# formulas), through `fundsim budget`: every block computed.
echo
echo "== The LA's whole Schools Budget"
./build/fundsim synth --schools 550 --seed 2025 --formula scenarios/demo-2025-26.json \
  --out "$out/budget-inputs/census.csv" --budget "$out/budget-inputs" --year-groups \
  --hn-formula formulas/hn-2025-26.json --ey-formula formulas/ey-2025-26.json
./build/fundsim budget --budget "$out/budget-inputs/budget.json" --out "$out/budget" --statements
# The same budget planned three years on (docs/multi-year.md §5): each later year a whole budget, the DSG
# reserve chained by block, 2025-26's balance clawback spent in 2026-27 (demo-out/budget-plan/plan.html).
echo
echo "== The Schools Budget planned to 2027-28"
./build/fundsim plan --plan plans/demo-budget.json --out "$out/budget-plan"
