// --ledger FILE on run, compare and sweep (docs/ledger.md §1): the ledger opened before any work, so a
// file that is not a ledger stops the command before anything is written, and the run recorded after its
// outputs are written.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/options.hpp"
#include "engine/io/json_reader.hpp"
#include "reports/manifest.hpp"
#include "store/db.hpp"
#include "store/run_record.hpp"

namespace fundsim::app {

void add_ledger_option(po::options_description& desc);

// The ledger named by --ledger, opened (made if missing); nullptr without the option.
std::unique_ptr<store::Db> open_ledger_option(const po::variables_map& vm);

// A manifest's input files as the ledger's inputs, in the order the run read them: census, then the
// formula (or scenario and its base), or the baseline and each option (docs/ledger.md §2).
std::vector<store::RunInput> ledger_inputs(const Manifest& m);
// A formula's file as an input of `role` (and a scenario's base as "`role`'s base"), appended to `out`.
void add_formula_inputs(std::vector<store::RunInput>& out, const ManifestFormula& f, const std::string& role);

// Records one run of `command` (after its outputs are written) and returns its id. `formula` is the
// effective formula record (app/ledger_formula.hpp), `summary` the summary as written, `option` a saved
// option's name (serve).
std::int64_t record_in_ledger(store::Db& ledger, const std::string& command, const Manifest& manifest,
                              const Json& formula, const nlohmann::ordered_json& summary,
                              const std::optional<std::string>& option = std::nullopt);
// The same with the inputs listed by the caller (budget and plan: every file their file names).
std::int64_t record_in_ledger(store::Db& ledger, const std::string& command,
                              std::vector<store::RunInput> inputs, const Json& formula,
                              const nlohmann::ordered_json& summary,
                              const std::optional<std::string>& option = std::nullopt);

// "Recorded as run 3 in ledger.sqlite\n": what the commands print after recording.
std::string recorded_line(std::int64_t id, const store::Db& ledger);

}  // namespace fundsim::app
