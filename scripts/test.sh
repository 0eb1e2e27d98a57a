#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors and runs the whole test suite under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --with-browser
bash scripts/build.sh -DFUNDSIM_WERROR=ON -DFUNDSIM_TESTS=ON
cd build
ctest --output-on-failure -j"$(nproc)"
