# Sourced by the scripts of tests/reliability/ (each called as `SCRIPT FUNDSIM SOURCE_DIR`): sets
# `fundsim` and `src` to absolute paths, moves into a temporary folder removed at exit (named after
# NAME, the script's first argument to this file), and gives `fail MESSAGE`, which counts failures in
# `fails`, and `finish SUMMARY`, which exits 1 if any failed and otherwise prints SUMMARY.
fundsim="$(realpath "$1")"
src="$(realpath "$2")"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/fundsim-$3.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fails=0
fail() {
    echo "FAIL: $*"
    fails=$((fails + 1))
}
finish() {
    if [[ $fails -ne 0 ]]; then
        echo "$fails failure(s)"
        exit 1
    fi
    echo "$1"
}
