#!/usr/bin/env bash
# The demo: installs what is missing, builds, makes a synthetic LA of 550 schools (about the size of
# Essex) and runs it through the NFF 2025-26 with the budget balanced by scaling.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh -DFUNDSIM_TESTS=OFF
out=demo-out
mkdir -p "$out"
./build/fundsim synth --schools 550 --seed 2025 --formula formulas/nff-2025-26.json --out "$out/census.csv"
echo
./build/fundsim run --census "$out/census.csv" --scenario scenarios/demo-2025-26.json --out "$out/run"
echo
echo "How one school's budget was built: ./build/fundsim explain --census $out/census.csv --scenario scenarios/demo-2025-26.json --school 100001"
