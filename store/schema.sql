-- The run ledger's schema, version 1 (docs/ledger.md §2): one row per run in `runs`, its input files in
-- `run_inputs`. store/db.cpp runs this file, embedded at build time, in one transaction on a new ledger.
PRAGMA application_id = 1179864132;  -- 'FSLD': marks the file as a fundsim ledger
PRAGMA user_version = 1;             -- the schema's version

CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, even after a row is deleted by hand
    time_utc TEXT NOT NULL,                -- ISO 8601 UTC to the second: 2026-12-06T21:51:13Z
    command TEXT NOT NULL,                 -- run, compare, sweep, budget, plan, serve
    fundsim_version TEXT NOT NULL,
    option_name TEXT,                      -- a saved option's name, when given (NULL otherwise)
    formula TEXT NOT NULL CHECK (json_valid(formula)),  -- the effective formula(s), after patches
    summary TEXT NOT NULL CHECK (json_valid(summary))   -- the summary as written (summary.json)
);

CREATE TABLE run_inputs (
    run_id INTEGER NOT NULL REFERENCES runs (id),
    position INTEGER NOT NULL,  -- 1, 2, ... in the order the run read them
    role TEXT NOT NULL,         -- census, formula, scenario, scenario's base, baseline, option 1, ...
    path TEXT NOT NULL,         -- as given on the command line (a scenario's base: as opened)
    located TEXT NOT NULL,      -- the same file relative to the ledger's folder: where a replay looks
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    PRIMARY KEY (run_id, position)
) WITHOUT ROWID;
