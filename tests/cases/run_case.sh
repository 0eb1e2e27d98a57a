#!/usr/bin/env bash
# Runs one golden CLI case or one bad input (tests/cases/*/, tests/bad_inputs/*/) in a temporary copy of
# its folder and compares what fundsim printed and wrote with what the case expects.
#
# Usage: run_case.sh [--update] FUNDSIM CASE_DIR...
#
# A case folder holds:
#   cmd        the arguments after `fundsim`, on one line, split on spaces (no quoting), with paths
#              relative to the case folder; lines starting with # are comments. If the suite has a
#              `common/` folder beside the cases, it is copied too, so `../common/formula.json` works.
#   inputs     any files the command reads.
#   expect     (hand-written checks) `exit N`, then any number of
#                `stderr TEXT` / `stdout TEXT`   TEXT must appear in that stream (fixed string)
#                `file PATH TEXT`               TEXT must appear in the file PATH the run wrote
#   expected/  (golden output, byte for byte) `stdout`, `stderr` (absent = must be empty), `exit`
#              (absent = 0), and every file the run writes, at the same relative path
#              (result/summary.json: golden cases write to result/, since out/ is in the root .gitignore).
#              The files written must be exactly these: no more, no fewer.
# Whatever the case, a run that exits non-zero must leave the folder exactly as it found it (no output
# folder, no partial file, no temporary file; docs/interfaces.md §5), and no run may leave a temporary file.
#
# --update rewrites expected/ from the actual run (an explicit action, never automatic); it refuses a
# case that only has a hand-written `expect`. Review the diff (git diff tests/cases) before committing.
set -uo pipefail

update=0
if [[ "${1:-}" == "--update" ]]; then
    update=1
    shift
fi
if [[ $# -lt 2 ]]; then
    echo "usage: $0 [--update] FUNDSIM CASE_DIR..." >&2
    exit 2
fi
fundsim="$(realpath "$1")"
shift
if [[ ! -x "$fundsim" ]]; then
    echo "run_case.sh: $fundsim is not an executable" >&2
    exit 2
fi

# Everything under a folder, one path per line, sorted bytewise (so the listing is the same everywhere).
listing() { (cd "$1" && find . -mindepth 1 -print | LC_ALL=C sort); }

run_one() {
    local case_dir
    case_dir="$(realpath "$1")"
    local name
    name="$(basename "$case_dir")"
    local fails=0
    fail() {
        echo "FAIL [$name]: $*"
        fails=$((fails + 1))
    }
    if [[ ! -f "$case_dir/cmd" ]]; then
        echo "run_case.sh: $case_dir has no cmd file" >&2
        return 2
    fi
    if [[ ! -f "$case_dir/expect" && ! -d "$case_dir/expected" && $update -eq 0 ]]; then
        echo "run_case.sh: $case_dir has neither expect nor expected/ (create it with --update)" >&2
        return 2
    fi

    local tmp
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/fundsim-case.XXXXXX")"
    current_tmp="$tmp"
    mkdir "$tmp/run"
    cp -R "$case_dir" "$tmp/run/case"
    rm -rf "$tmp/run/case/expected" "$tmp/run/case/expect"
    if [[ -d "$case_dir/../common" ]]; then cp -R "$case_dir/../common" "$tmp/run/common"; fi
    listing "$tmp/run" >"$tmp/before"

    local line args=()
    while IFS= read -r line || [[ -n "$line" ]]; do
        [[ -z "${line// /}" || "$line" == \#* ]] && continue
        read -r -a args <<<"$line"
        break
    done <"$case_dir/cmd"

    local rc=0
    (cd "$tmp/run/case" && timeout 120 "$fundsim" "${args[@]}" >"$tmp/stdout" 2>"$tmp/stderr") || rc=$?
    listing "$tmp/run" >"$tmp/after"
    if [[ $rc -ge 124 ]]; then fail "fundsim crashed, hung or was killed (exit $rc)"; fi

    # New paths the run created (files and folders).
    local created
    created="$(LC_ALL=C comm -13 "$tmp/before" "$tmp/after")"
    if [[ $rc -ne 0 ]] && ! cmp -s "$tmp/before" "$tmp/after"; then
        fail "exit $rc but the run changed the folder (nothing may be written on failure):"
        LC_ALL=C diff "$tmp/before" "$tmp/after" | sed 's/^/    /'
    fi
    if grep -q '\.tmp\.' <<<"$created"; then
        fail "temporary files left behind: $(grep '\.tmp\.' <<<"$created" | tr '\n' ' ')"
    fi

    if [[ $update -eq 1 ]]; then
        if [[ -f "$case_dir/expect" && ! -d "$case_dir/expected" ]]; then
            echo "run_case.sh: $case_dir has a hand-written expect file; --update only rewrites expected/" >&2
            return 2
        fi
        rm -rf "$case_dir/expected"
        mkdir -p "$case_dir/expected"
        cp "$tmp/stdout" "$case_dir/expected/stdout"
        if [[ -s "$tmp/stderr" ]]; then cp "$tmp/stderr" "$case_dir/expected/stderr"; fi
        if [[ $rc -ne 0 ]]; then echo "$rc" >"$case_dir/expected/exit"; fi
        local p
        while IFS= read -r p; do
            [[ -z "$p" ]] && continue
            p="${p#./case/}"
            if [[ -f "$tmp/run/case/$p" ]]; then
                mkdir -p "$case_dir/expected/$(dirname "$p")"
                cp "$tmp/run/case/$p" "$case_dir/expected/$p"
            fi
        done <<<"$created"
        echo "updated [$name] (exit $rc)"
        return 0
    fi

    if [[ -f "$case_dir/expect" ]]; then
        local kind rest want_exit=""
        while IFS= read -r line || [[ -n "$line" ]]; do
            line="${line%$'\r'}"
            [[ -z "$line" || "$line" == \#* ]] && continue
            kind="${line%% *}"
            rest="${line#* }"
            case "$kind" in
                exit) want_exit="$rest" ;;
                stderr | stdout)
                    if ! grep -qF -- "$rest" "$tmp/$kind"; then fail "$kind lacks: $rest"; fi
                    ;;
                file)
                    local path="${rest%% *}" text="${rest#* }"
                    if [[ ! -f "$tmp/run/case/$path" ]]; then
                        fail "no file $path was written"
                    elif ! grep -qF -- "$text" "$tmp/run/case/$path"; then
                        fail "$path lacks: $text"
                    fi
                    ;;
                *) fail "expect: unknown line: $line" ;;
            esac
        done <"$case_dir/expect"
        if [[ -z "$want_exit" ]]; then
            fail "expect has no 'exit N' line"
        elif [[ "$rc" != "$want_exit" ]]; then
            fail "exit $rc, expected $want_exit"
        fi
    fi

    if [[ -d "$case_dir/expected" ]]; then
        local want_rc=0
        if [[ -f "$case_dir/expected/exit" ]]; then want_rc="$(tr -d ' \n' <"$case_dir/expected/exit")"; fi
        if [[ "$rc" != "$want_rc" ]]; then fail "exit $rc, expected $want_rc"; fi
        if [[ -f "$case_dir/expected/stdout" ]] && ! cmp -s "$case_dir/expected/stdout" "$tmp/stdout"; then
            fail "stdout differs (expected, actual):"
            diff "$case_dir/expected/stdout" "$tmp/stdout" | head -40 | sed 's/^/    /'
        fi
        local want_err="$case_dir/expected/stderr"
        [[ -f "$want_err" ]] || want_err=/dev/null
        if ! cmp -s "$want_err" "$tmp/stderr"; then
            fail "stderr differs (expected, actual):"
            diff "$want_err" "$tmp/stderr" | head -40 | sed 's/^/    /'
        fi
        # The files written must be exactly the expected ones, byte for byte.
        local want_files got_files
        want_files="$( (cd "$case_dir/expected" && find . -type f ! -name stdout ! -name stderr ! -name exit |
            sed 's|^\./||' | LC_ALL=C sort))"
        got_files="$(while IFS= read -r p; do
            [[ -z "$p" ]] && continue
            p="${p#./case/}"
            [[ -f "$tmp/run/case/$p" ]] && echo "$p"
        done <<<"$created" | LC_ALL=C sort)"
        if [[ "$want_files" != "$got_files" ]]; then
            fail "files written differ: expected [${want_files//$'\n'/ }], got [${got_files//$'\n'/ }]"
        fi
        local f
        while IFS= read -r f; do
            [[ -z "$f" || ! -f "$tmp/run/case/$f" ]] && continue
            if ! cmp -s "$case_dir/expected/$f" "$tmp/run/case/$f"; then
                fail "$f differs (expected, actual):"
                diff "$case_dir/expected/$f" "$tmp/run/case/$f" | head -40 | sed 's/^/    /'
            fi
        done <<<"$want_files"
    fi

    if [[ $fails -ne 0 ]]; then
        echo "  command: (cd $case_dir && fundsim ${args[*]})"
        echo "  exit: $rc"
        echo "  stderr:"
        head -20 "$tmp/stderr" | sed 's/^/    /'
        return 1
    fi
    echo "ok [$name]"
    return 0
}

current_tmp=""
trap 'if [[ -n "$current_tmp" ]]; then rm -rf "$current_tmp"; fi' EXIT
status=0
for dir in "$@"; do
    run_one "$dir" || status=1
    rm -rf "$current_tmp"
    current_tmp=""
done
exit $status
