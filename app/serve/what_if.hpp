// The JSON interface of `fundsim serve` without its HTTP (docs/serve.md §2-§5): the served formula, a merge
// patch over it run (validated exactly as a scenario's changes), a school's statement and explain, saved
// options, the Forum pack and the ledger's latest runs; every calculation recorded in the ledger.
// One object shared by the server's threads: the census and the served formula are read-only.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "app/formula_source.hpp"
#include "app/serve/api_error.hpp"
#include "app/serve/options_folder.hpp"
#include "engine/census/census.hpp"
#include "reports/manifest.hpp"
#include "store/db.hpp"

namespace fundsim::app {

// The files of the Forum pack, served under /pack/ (docs/serve.md §2).
extern const char* const kPackFiles[5];

class WhatIf {
  public:
    // `census` as loaded (each run prepares a copy for its formula); `ledger` may be null; saved options
    // and the pack go in `options_dir` (made if missing).
    WhatIf(Census census, FormulaSource served, Manifest manifest, std::unique_ptr<store::Db> ledger,
           const std::string& options_dir);

    // GET /api/formula: {"formula": the served formula's document, "source": how it was read}.
    ApiAnswer formula() const;
    // serve --budget B (docs/serve.md §1): "source" names the budget ("the schools block of the budget B:
    // the formula F"), and each run recorded lists the budget file first among its inputs.
    void served_from_budget(const std::string& budget_file);
    // POST /api/run: `body` is a merge patch over the served formula. 200 with {"summary", "schools":
    // [{"urn", "name", "phase", "area", "pupils", "baseline", "budget_share", "change", "flags"},
    // ...], "ledger_run"}.
    ApiAnswer run(const std::string& body);
    // GET /api/school/URN?option=NAME (`body` null) or POST /api/school/URN with a patch: {"urn", "name",
    // "option", "statement": HTML, "explain": text, "ledger_run"}; 404 for an unknown school or option.
    ApiAnswer school(std::int64_t urn, const std::string& option, const std::string* body);
    // GET /api/options: {"folder", "options": [{"name", "file", "patch"}, ...]}.
    ApiAnswer options();
    // POST /api/options {"name", "patch"}: validated and run as /api/run, then saved.
    ApiAnswer save_option(const std::string& body);
    // DELETE /api/options/NAME.
    ApiAnswer delete_option(const std::string& name);
    // POST /api/pack {"options": [names]}: `fundsim compare` of those options against the served formula,
    // written to the options folder's pack/; {"address": "/pack/report.html", "folder", "files",
    // "ledger_run"}.
    ApiAnswer pack(const std::string& body);
    // GET /pack/FILE: a file of the last pack built (404 if none).
    ApiAnswer pack_file(const std::string& file) const;
    // GET /api/ledger?limit=N (default 20): {"ledger": path or null, "total", "runs": [...]}.
    ApiAnswer ledger(const std::string& limit);

  private:
    // A formula to run: the served one patched by a request's body, or a saved option's.
    struct Chosen {
        Formula formula;
        Manifest manifest;                  // the files it came from, for the ledger
        std::optional<std::string> option;  // the saved option's name
    };
    Chosen chosen(const std::string& option, const std::string* body);
    std::optional<std::int64_t> record(const std::string& command, const Manifest& manifest,
                                       const Json& formula, const nlohmann::ordered_json& summary,
                                       const std::optional<std::string>& option);

    const Census census_;
    const FormulaSource served_;
    const Manifest manifest_;
    std::vector<double> baseline_;  // the served formula's budget share per school
    std::string served_from_;
    std::optional<ManifestFile> budget_file_;  // serve --budget's
    std::unique_ptr<store::Db> ledger_;
    std::mutex ledger_mutex_;  // one writer at a time on the one connection
    OptionsFolder options_;
    std::mutex options_mutex_;  // saves, deletes and packs one at a time
};

}  // namespace fundsim::app
