#!/usr/bin/env bash
# Installs what fundsim needs from Debian 12's packages (run as root). Installs only what is missing.
# libcsv-dev: not linked into fundsim (it has a CSV loop of its own) but the reference the tests check that
# loop against, and the ingest benchmark's baseline.
set -euo pipefail
packages=(cmake g++ make pkg-config libboost-program-options-dev libeigen3-dev libcsv-dev catch2
          nlohmann-json3-dev libxlsxwriter-dev libsqlite3-dev libcpp-httplib-dev clang-14 libclang-rt-14-dev clang-format)
if [ "${1:-}" = "--with-browser" ]; then packages+=(chromium chromium-driver python3-selenium); fi
# The pandas peer of bench/peer/compare.sh (a benchmark, not a test) and perf for profiling.
for a in "$@"; do if [ "$a" = "--with-bench" ]; then packages+=(python3-pandas linux-perf); fi; done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
