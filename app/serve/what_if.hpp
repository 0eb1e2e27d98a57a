// The JSON interface of `fundsim serve` without its HTTP (docs/serve.md §2): the served formula, and a
// merge patch over it run, validated exactly as a scenario's changes, each run recorded in the ledger.
// One object shared by the server's threads: the census and the served formula are read-only.
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "app/formula_source.hpp"
#include "engine/census/census.hpp"
#include "reports/manifest.hpp"
#include "store/db.hpp"

namespace fundsim::app {

// An HTTP answer: status and a JSON body.
struct ApiAnswer {
    int status = 200;
    std::string body;
};

class WhatIf {
  public:
    // `census` as loaded (each run prepares a copy for its formula); `ledger` may be null.
    WhatIf(Census census, FormulaSource served, Manifest manifest, std::unique_ptr<store::Db> ledger);

    // GET /api/formula: {"formula": the served formula's document, "source": how it was read}.
    ApiAnswer formula() const;
    // POST /api/run: `body` is a merge patch over the served formula. 200 with {"summary": the summary of
    // `fundsim run`, "schools": [{"urn", "baseline", "budget_share", "change"}, ...], "ledger_run": id or
    // null}; 400 with {"error", "path"} for a bad patch or a formula that cannot run (the message
    // `fundsim run` gives); 500 only for a fault in fundsim.
    ApiAnswer run(const std::string& body);

  private:
    const Census census_;
    const FormulaSource served_;
    const Manifest manifest_;
    std::vector<double> baseline_;  // the served formula's budget share per school
    std::unique_ptr<store::Db> ledger_;
    std::mutex ledger_mutex_;  // one writer at a time on the one connection
};

}  // namespace fundsim::app
