#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang (AddressSanitizer + UndefinedBehaviorSanitizer) in
# build-fuzz/ and runs each for a bounded time from its seed corpus; exits non-zero on any crash, hang or leak.
#
# Usage: scripts/fuzz.sh [--time SECONDS] [--runs N] [TARGET...]
#   --time S   stop each target after S seconds (default 30: the CI step)
#   --runs N   stop each target after N executions instead (the long run: --runs 1000000)
#   TARGET     fuzz_census, fuzz_formula, fuzz_scenario, fuzz_pupils (default: all that were built)
# New inputs go to build-fuzz/corpus/TARGET (the seeds in fuzz/corpus/TARGET are only read); a failing
# input is saved as build-fuzz/artifacts/TARGET-crash-... and can be replayed: build-fuzz/fuzz/TARGET FILE.
set -euo pipefail
cd "$(dirname "$0")/.."

time_limit=30
runs=""
targets=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --time) time_limit="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done

cxx="$(command -v clang++-14 || command -v clang++ || true)"
cc="$(command -v clang-14 || command -v clang || true)"
if [[ -z "$cxx" || -z "$cc" ]]; then
    echo "fuzz.sh: clang is needed (Debian: clang-14 libclang-rt-14-dev; scripts/install-deps.sh installs them)" >&2
    exit 2
fi
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
    -DFUNDSIM_FUZZ=ON -DFUNDSIM_TESTS=OFF -DFUNDSIM_BENCH=OFF >/dev/null
if [[ ${#targets[@]} -eq 0 ]]; then
    # The list fuzz/CMakeLists.txt built.
    IFS=';' read -r -a targets <build-fuzz/fuzz_targets.txt || true  # (the file has no final newline)
fi
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]}"

# Longest input per target: a census or formula of a few tens of kilobytes reaches every code path.
max_len() {
    case "$1" in
        fuzz_formula) echo 65536 ;;
        *) echo 16384 ;;
    esac
}

mkdir -p build-fuzz/artifacts
status=0
for t in "${targets[@]}"; do
    mkdir -p "build-fuzz/corpus/$t"
    limit=(-max_total_time="$time_limit")
    if [[ -n "$runs" ]]; then limit=(-runs="$runs"); fi
    echo "== $t (${limit[*]})"
    # -timeout: one input taking 10 s is a hang; -rss_limit_mb: 2 GB is a runaway allocation.
    if ! "build-fuzz/fuzz/$t" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 -max_len="$(max_len "$t")" \
        -print_final_stats=1 -artifact_prefix="build-fuzz/artifacts/$t-" \
        "build-fuzz/corpus/$t" "fuzz/corpus/$t" >"build-fuzz/$t.log" 2>&1; then
        echo "FAIL: $t found a failing input (log: build-fuzz/$t.log):"
        grep -E "ERROR|SUMMARY|fuzz:|Test unit written" "build-fuzz/$t.log" | head -20 | sed 's/^/    /'
        status=1
        continue
    fi
    grep -E "^Done [0-9]+ runs" "build-fuzz/$t.log" | sed 's/^/    /'
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "build-fuzz/$t.log" | sed 's/^/    /'
done
exit $status
