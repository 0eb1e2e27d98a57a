#!/usr/bin/env bash
# Installs what is missing, checks the C++ layout (clang-format), builds with warnings as errors (-Wall -Wextra
# -Wpedantic -Wshadow -Wconversion) and runs the whole test suite under ctest, then
# again under ASan+UBSan, then each fuzz target for 30 s (FUNDSIM_FUZZ_SECONDS to change it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --with-browser
bash scripts/format-check.sh
# FUNDSIM_UNITY: the test files compiled ten at a time (tests/CMakeLists.txt), a third of their CPU time.
bash scripts/build.sh -DFUNDSIM_WERROR=ON -DFUNDSIM_TESTS=ON -DFUNDSIM_UNITY=ON
(cd build && ctest --output-on-failure -j"$(nproc)")
# The suite once more under AddressSanitizer and UndefinedBehaviorSanitizer (in build-asan/). Not with
# -Werror: GCC's manual advises against it with sanitizers (false -Wmaybe-uninitialized); the build above
# keeps warnings as errors.
# RelWithDebInfo here is -O1 -g1 (CMakeLists.txt) with precompiled headers: most of the command's time.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFUNDSIM_SANITIZE=ON -DFUNDSIM_BENCH=OFF \
    -DFUNDSIM_PCH=ON -DFUNDSIM_UNITY=ON >/dev/null
cmake --build build-asan -j"$(nproc)"
(cd build-asan && ctest --output-on-failure -j"$(nproc)")
# Each fuzz target for a bounded time from its seed corpus (clang, in build-fuzz/; long runs: fuzz/README.md).
bash scripts/fuzz.sh --time "${FUNDSIM_FUZZ_SECONDS:-30}"
