// The JSON interface of `fundsim serve` (app/serve/what_if.hpp).
#include "app/serve/what_if.hpp"

#include "app/ledger_formula.hpp"
#include "app/ledger_option.hpp"
#include "app/run_checked.hpp"
#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/formula/scenario.hpp"
#include "engine/io/json_reader.hpp"
#include "reports/writers.hpp"

namespace fundsim::app {

using OJson = nlohmann::ordered_json;

namespace {

// How a request body is named in messages.
constexpr const char* kRequest = "the request";

ApiAnswer error_answer(const Error& e) {
    // fundsim's own faults are 500: never the user's patch.
    const int status = is_fundsims_fault(e.kind()) ? 500 : 400;
    const std::string path = e.where().json_path;
    return {status, OJson{{"error", e.what()}, {"path", path.empty() ? "/" : path}}.dump()};
}

}  // namespace

WhatIf::WhatIf(Census census, FormulaSource served, Manifest manifest, std::unique_ptr<store::Db> ledger)
    : census_(std::move(census)),
      served_(std::move(served)),
      manifest_(std::move(manifest)),
      ledger_(std::move(ledger)) {
    // The baseline every change is shown against: the served formula, run and self-checked once.
    const Result r = run_checked(census_, served_.formula);
    baseline_.assign(r.budget_share.amount.data(),
                     r.budget_share.amount.data() + r.budget_share.amount.size());
}

ApiAnswer WhatIf::formula() const {
    return {200, OJson{{"formula", served_.formula.doc}, {"source", describe(served_)}}.dump()};
}

ApiAnswer WhatIf::run(const std::string& body) {
    try {
        // Validated exactly as a scenario's changes (engine/formula/scenario.hpp apply_changes), the
        // request standing for the scenario file and the JSON path being the patch's own.
        const Json patch = parse_json_text(body, kRequest, ErrorKind::formula);
        if (!patch.is_object())
            fail_json(kRequest, "/", "expected an object (a merge patch over the served formula)");
        const Formula f = apply_changes(served_.formula.doc, patch, served_.formula.name, kRequest, "",
                                        "the served formula patched by " + std::string(kRequest));
        const Result r = run_checked(census_, f);
        OJson summary = summary_json(r);
        OJson schools = OJson::array();
        for (std::size_t s = 0; s < census_.size; ++s) {
            const double now = r.budget_share.amount[static_cast<Eigen::Index>(s)];
            schools.push_back({{"urn", census_.urn[s]},
                               {"baseline", baseline_[s]},
                               {"budget_share", now},
                               {"change", round_penny(now - baseline_[s])}});
        }
        OJson out;
        out["summary"] = summary;
        out["schools"] = schools;
        out["ledger_run"] = nullptr;
        if (ledger_) {
            const std::lock_guard<std::mutex> lock(ledger_mutex_);
            out["ledger_run"] =
                record_in_ledger(*ledger_, "serve", manifest_, run_formula_record(f), summary);
        }
        return {200, out.dump()};
    } catch (const Error& e) {
        return error_answer(e);
    }
}

}  // namespace fundsim::app
