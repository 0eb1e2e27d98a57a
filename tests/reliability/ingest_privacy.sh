#!/usr/bin/env bash
# Pupil identifiers never reach an output, a log or a message (docs/interfaces.md §4, issue 4), checked through
# the program: a synthetic extract of 20 schools is spoiled with one bad row of every kind, and
# `fundsim ingest` is run with --set-aside and, once per kind of bad row, without it (the run stops).
# Every byte the runs wrote or printed is searched for every UPN of the extract, and for its digits.
# Usage: ingest_privacy.sh FUNDSIM SOURCE_DIR
set -uo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh" "$1" "$2" privacy

bands="$src/data/lookups/idaci-bands-2025-26.json"
"$fundsim" synth --schools 20 --seed 4 --out census.csv --pupils-out pupils.csv --schools-out schools.csv \
    --idaci-out lsoa.csv --bands "$bands" >/dev/null 2>&1 || { echo "FAIL: synth"; exit 1; }

# One bad row of each kind, each made from a real row (so it carries a real UPN): field 1 upn, 2 urn,
# 3 nc_year, 4 enrolment, 5 fsm, 12 lsoa, 13 entry_date. Rows 2 and 3 of the extract are pupils of
# the first school on C enrolments.
spoil() {  # spoil ROW FIELD VALUE: prints row ROW of pupils.csv with FIELD set to VALUE
    awk -F, -v OFS=, -v row="$1" -v f="$2" -v v="$3" 'NR == row { $f = v; print }' pupils.csv
}
kinds=(twice lsoa urn nc_year enrolment flag date)
{
    cat pupils.csv
    awk -F, -v OFS=, 'NR == 2 { print }' pupils.csv   # the same pupil on C twice: counted twice
    spoil 3 12 E09999999                                # an LSOA not in the lookup
    spoil 4 2 999999                                    # a URN not in the school file
    spoil 5 3 15                                        # no such year group
    spoil 6 4 X                                         # no such enrolment
    spoil 7 5 yes                                       # a flag that is not 0 or 1
    spoil 8 13 2024-02-30                               # no such date
} >spoilt.csv
rows=$(($(wc -l <pupils.csv) - 1))

# Every identifier of the extract, and its digits (a UPN's letter dropped must not slip through either).
cut -d, -f1 spoilt.csv | tail -n +2 | sort -u >upns.txt
sed 's/^[A-Z]//' upns.txt | sort -u >digits.txt
[[ $(wc -l <upns.txt) -ge 1000 ]] || fail "the extract has too few UPNs to be a test ($(wc -l <upns.txt))"

# leaks NAME FILE...: no UPN and no UPN's digits in the files.
leaks() {
    local name="$1"
    shift
    local hits
    hits="$(cat "$@" | grep -F -o -f upns.txt -f digits.txt | head -3)"
    if [[ -n "$hits" ]]; then
        fail "$name: pupil identifiers in the output: $(echo "$hits" | tr '\n' ' ')"
    else
        echo "ok [$name: no UPN in $(cat "$@" | wc -c) bytes]"
    fi
}

common=(ingest --pupils spoilt.csv --schools schools.csv --idaci lsoa.csv --bands "$bands" --census-date 2024-10-03)

# With --set-aside: the run goes on, and every bad row is listed by line number and reason.
mkdir aside
if "$fundsim" "${common[@]}" --set-aside aside/set_aside.csv --out aside/census.csv >aside/stdout 2>aside/stderr; then
    listed=$(($(wc -l <aside/set_aside.csv) - 1))
    [[ $listed -eq ${#kinds[@]} ]] || fail "set-aside: ${#kinds[@]} bad rows, $listed listed"
    for line in $((rows + 2)) $((rows + 3)) $((rows + 4)) $((rows + 5)) $((rows + 6)) $((rows + 7)) $((rows + 8)); do
        grep -q "^$line," aside/set_aside.csv || fail "set-aside: line $line is not listed"
    done
    leaks "set-aside run" aside/census.csv aside/set_aside.csv aside/stdout aside/stderr
else
    fail "set-aside run failed: $(head -c 300 aside/stderr)"
fi

# Without it: each kind of bad row alone stops the run with exit 1, naming the line; nothing is written.
for i in "${!kinds[@]}"; do
    k="${kinds[$i]}"
    mkdir "stop-$k"
    { cat pupils.csv; sed -n "$((rows + 2 + i))p" spoilt.csv; } >"stop-$k/pupils.csv"
    if "$fundsim" ingest --pupils "stop-$k/pupils.csv" --schools schools.csv --idaci lsoa.csv --bands "$bands" \
        --census-date 2024-10-03 --out "stop-$k/census.csv" >"stop-$k/stdout" 2>"stop-$k/stderr"; then
        fail "stop ($k): the run did not stop"
    else
        grep -q "pupils.csv:$((rows + 2)):" "stop-$k/stderr" || fail "stop ($k): the line is not named: $(cat "stop-$k/stderr")"
        [[ ! -e "stop-$k/census.csv" ]] || fail "stop ($k): a census was written"
        leaks "stop ($k)" "stop-$k/stdout" "stop-$k/stderr"
    fi
done

finish "ingest privacy: no pupil identifier anywhere"
