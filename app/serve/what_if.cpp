// The JSON interface of `fundsim serve`: the served formula, runs and a school's statement
// (app/serve/what_if.hpp); options, the pack and the ledger are in what_if_options.cpp.
#include "app/serve/what_if.hpp"

#include <charconv>

#include "app/ledger_formula.hpp"
#include "app/ledger_option.hpp"
#include "app/run_checked.hpp"
#include "app/serve/api_error.hpp"
#include "engine/compare/compare.hpp"
#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/formula/needs.hpp"
#include "engine/formula/scenario.hpp"
#include "engine/run/invariants.hpp"
#include "reports/html/statement_html.hpp"
#include "reports/html/statement_model.hpp"
#include "reports/writers.hpp"

namespace fundsim::app {

using OJson = nlohmann::ordered_json;

namespace {

// The document of the formula file saved options patch (docs/serve.md §2): the served formula's, or a
// served scenario's base, as the file holds it (a budget's formula served with the budget --budget gave it
// differs from its file: the option then carries that budget, docs/serve.md §1).
Json base_doc(const FormulaSource& s) {
    return read_json_file(s.is_scenario ? s.base_path : s.path, ErrorKind::formula);
}

// The census with the served formula's columns parsed once (docs/serve.md §5): each request's copy then
// parses only the columns its patch adds.
Census prepared_for(Census census, const Formula& f) {
    prepare_census(census, f);
    return census;
}

// The "schools" array of POST /api/run, written directly: for 20,000 schools a JSON object per school
// costs more than the calculation (docs/serve.md §5). Numbers in the shortest form that reads back exactly.
void append_number(std::string& out, double v) {
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}
void append_string(std::string& out, const std::string& s) { out += json_text(OJson(s)); }

}  // namespace

WhatIf::WhatIf(Census census, FormulaSource served, Manifest manifest, std::unique_ptr<store::Db> ledger,
               const std::string& options_dir)
    : census_(prepared_for(std::move(census), served.formula)),
      served_(std::move(served)),
      manifest_(std::move(manifest)),
      ledger_(std::move(ledger)),
      options_(options_dir, served_.is_scenario ? served_.base_path : served_.path, base_doc(served_)) {
    // A run recorded per request: the ledger written through its WAL while serving, and one file again
    // at a clean exit (docs/ledger.md §3).
    if (ledger_) ledger_->write_ahead();
    // The baseline every change is shown against: the served formula, run and self-checked once.
    const Result r = run_checked(census_, served_.formula);
    baseline_.assign(r.budget_share.amount.data(),
                     r.budget_share.amount.data() + r.budget_share.amount.size());
}

void WhatIf::served_from_budget(const std::string& budget_file) {
    served_from_ = "the schools block of the budget " + budget_file + ": ";
    budget_file_ = manifest_file(budget_file);
}

ApiAnswer WhatIf::formula() const {
    return {200,
            json_text(OJson{{"formula", served_.formula.doc}, {"source", served_from_ + describe(served_)}})};
}

WhatIf::Chosen WhatIf::chosen(const std::string& option, const std::string* body) {
    Chosen c;
    c.manifest = manifest_;
    if (!option.empty()) {
        const std::string file = options_.file_of(option);
        if (!options_.exists(option)) throw NotFound("no saved option \"" + option + "\"");
        const FormulaSource src = load_formula_source(file);
        c.formula = src.formula;
        c.manifest.formula = manifest_formula(src);
        c.option = option;
        return c;
    }
    if (!body) {
        c.formula = served_.formula;
        return c;
    }
    // Validated exactly as a scenario's changes (engine/formula/scenario.hpp apply_changes), the request
    // standing for the scenario file and the JSON path being the patch's own (docs/serve.md §3).
    c.formula = apply_changes(served_.formula.doc, parse_patch(*body), served_.formula.name, kRequest, "",
                              "the served formula patched by " + std::string(kRequest));
    return c;
}

std::optional<std::int64_t> WhatIf::record(const std::string& command, const Manifest& manifest,
                                           const Json& formula, const OJson& summary,
                                           const std::optional<std::string>& option) {
    if (!ledger_) return std::nullopt;
    const std::lock_guard<std::mutex> lock(ledger_mutex_);
    std::vector<store::RunInput> inputs = ledger_inputs(manifest);
    if (budget_file_) inputs.insert(inputs.begin(), {"budget", budget_file_->path, budget_file_->sha256, ""});
    return record_in_ledger(*ledger_, command, std::move(inputs), formula, summary, option);
}

ApiAnswer WhatIf::run(const std::string& body) {
    return answer_errors([&] {
        const Chosen c = chosen("", &body);
        const Result r = run_checked(census_, c.formula);
        const OJson summary = summary_json(r);
        std::string out = "{\"summary\":" + json_text(summary) + ",\"schools\":[";
        out.reserve(out.size() + census_.size * 160);
        for (std::size_t s = 0; s < census_.size; ++s) {
            const double now = r.budget_share.amount[static_cast<Eigen::Index>(s)];
            out += s ? ",{\"urn\":" : "{\"urn\":";
            out += std::to_string(census_.urn[s]);
            out += ",\"name\":";
            append_string(out, census_.name[s]);
            out += ",\"phase\":";
            append_string(out, to_string(census_.phase[s]));
            out += ",\"area\":";
            append_string(out, census_.area[s]);
            out += ",\"pupils\":";
            append_number(out, census_.nor[static_cast<Eigen::Index>(s)]);
            out += ",\"baseline\":";
            append_number(out, baseline_[s]);
            out += ",\"budget_share\":";
            append_number(out, now);
            out += ",\"change\":";
            append_number(out, round_penny(now - baseline_[s]));
            out += ",\"flags\":";
            append_string(out, r.flags(s));
            out += "}";
        }
        const auto id = record("serve", c.manifest, run_formula_record(c.formula), summary, c.option);
        out += "],\"ledger_run\":" + (id ? std::to_string(*id) : std::string("null")) + "}";
        return ApiAnswer{200, out};
    });
}

ApiAnswer WhatIf::school(std::int64_t urn, const std::string& option, const std::string* body) {
    return answer_errors([&] {
        const long idx = census_.index_of(urn);
        if (idx < 0) throw NotFound("no school with URN " + std::to_string(urn) + " in " + census_.file);
        const auto s = static_cast<std::size_t>(idx);
        const Chosen c = chosen(option, body);
        // The statement's change is against the served formula, with its attribution (as `statements`).
        const std::string label = c.option ? options_.file_of(*c.option) : std::string(kRequest);
        const Comparison cmp =
            compare(Census(census_), served_.formula, served_.formula.name, {{label, c.formula}});
        const Result& r = cmp.scenarios[0].result;
        require_invariants(r);  // self-check (docs/funding-model.md §8), as `run` makes
        StatementChange change;
        change.against = served_.formula.name + " (the served formula)";
        change.baseline = &cmp.baseline;
        change.option = &cmp.scenarios[0];
        OJson out;
        out["urn"] = urn;
        out["name"] = census_.name[s];
        out["option"] = c.option ? OJson(*c.option) : OJson(nullptr);
        out["statement"] = statement_html(build_statement(r, s, &change));
        out["explain"] = explain_school(r, s);
        const auto id = record("serve", c.manifest, run_formula_record(c.formula), summary_json(r), c.option);
        out["ledger_run"] = id ? OJson(*id) : OJson(nullptr);
        return ApiAnswer{200, json_text(out)};
    });
}

}  // namespace fundsim::app
