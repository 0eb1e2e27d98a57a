// Saved options, the Forum pack and the ledger's latest runs of `fundsim serve` (app/serve/what_if.hpp,
// docs/serve.md §2 and §4).
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/commands.hpp"
#include "app/ledger_formula.hpp"
#include "app/run_checked.hpp"
#include "app/serve/api_error.hpp"
#include "app/serve/merge_patch.hpp"
#include "app/serve/what_if.hpp"
#include "engine/core/error.hpp"
#include "engine/formula/scenario.hpp"
#include "reports/ledger_writers.hpp"
#include "reports/output_file.hpp"
#include "reports/writers.hpp"
#include "store/query.hpp"

namespace fundsim::app {

using OJson = nlohmann::ordered_json;

const char* const kPackFiles[5] = {"report.html", "comparison.xlsx", "comparison.csv", "attribution.csv",
                                   "summary.json"};

namespace {

constexpr std::size_t kMaxLedgerLimit = 1000;

std::string pack_dir(const OptionsFolder& o) { return o.dir() + "/pack"; }

// The baseline of a pack made by `serve --budget`: the formula the page served.
constexpr const char* kBudgetBaselineFile = "baseline-formula.json";

std::string content_type(const std::string& file) {
    const auto ends = [&](const std::string& s) {
        return file.size() >= s.size() && file.compare(file.size() - s.size(), s.size(), s) == 0;
    };
    if (ends(".html")) return "text/html; charset=utf-8";
    if (ends(".csv")) return "text/csv; charset=utf-8";
    if (ends(".xlsx")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return "application/json";
}

}  // namespace

ApiAnswer WhatIf::options() {
    return answer_errors([&] {
        const std::lock_guard<std::mutex> lock(options_mutex_);
        OJson list = OJson::array();
        for (const auto& name : options_.names()) {
            const std::string file = options_.file_of(name);
            OJson item{{"name", name}, {"file", file}};
            try {
                // The patch over the served formula that gives the option's formula (the page reloads it).
                Json patch = merge_diff(served_.formula.doc, load_formula_source(file).formula.doc);
                if (patch.contains("name") && patch["name"] == name) patch.erase("name");
                item["patch"] = patch;
            } catch (const Error& e) {  // a file edited by hand into an invalid one: said, not hidden
                item["patch"] = nullptr;
                item["error"] = e.what();
            }
            list.push_back(item);
        }
        return ApiAnswer{200, json_text(OJson{{"folder", options_.dir()}, {"options", list}})};
    });
}

ApiAnswer WhatIf::save_option(const std::string& body) {
    return answer_errors([&] {
        Json req = parse_body_object(body, "{\"name\": the option's name, \"patch\": a merge patch}");
        Obj o(req, "", kRequest);
        const std::string name = o.string("name");
        check_option_name(name, kRequest, "/name");
        const Json patch = o.at("patch");
        o.done();
        if (!patch.is_object()) fail_json(kRequest, "/patch", "expected an object (a merge patch)");
        // Validated and run exactly as POST /api/run (a bad patch is a 400 at /patch + its path) before the
        // file is written; recorded in the ledger under the option's name.
        const Formula f = apply_changes(served_.formula.doc, patch, served_.formula.name, kRequest, "/patch",
                                        "the served formula patched by " + std::string(kRequest));
        const Result r = run_checked(census_, f);
        const std::lock_guard<std::mutex> lock(options_mutex_);
        options_.save(name, f.doc);
        Manifest m = manifest_;
        m.formula = manifest_formula(load_formula_source(options_.file_of(name)));
        const auto id = record("serve", m, run_formula_record(f), summary_json(r), name);
        return ApiAnswer{200, json_text(OJson{{"name", name},
                                              {"file", options_.file_of(name)},
                                              {"ledger_run", id ? OJson(*id) : OJson(nullptr)}})};
    });
}

ApiAnswer WhatIf::delete_option(const std::string& name) {
    return answer_errors([&] {
        check_option_name(name, kRequest, "/");
        const std::lock_guard<std::mutex> lock(options_mutex_);
        if (!options_.remove(name)) throw NotFound("no saved option \"" + name + "\"");
        return ApiAnswer{200, json_text(OJson{{"deleted", name}})};
    });
}

ApiAnswer WhatIf::pack(const std::string& body) {
    return answer_errors([&] {
        Json req = parse_body_object(body, "{\"options\": [names of saved options]}");
        Obj o(req, "", kRequest);
        const Json names = o.at("options");
        o.done();
        if (!names.is_array() || names.empty())
            fail_json(kRequest, "/options", "expected a list of the saved options' names (at least one)");
        if (served_.base_from_formula_option)
            fail_json(kRequest, "/",
                      "the pack's baseline must be one file: serve with --formula F or --scenario S alone");
        // `fundsim compare` itself (app/cmd_compare.cpp), so the pack is the one the command makes.
        std::string baseline = served_.path;
        if (budget_file_) {
            // serve --budget: the page's formula is the budget's fitted to the DSG
            // (app/serve/served_budget.cpp), which its file alone may not say (a formula without a budget
            // section): the pack's baseline is the served document itself, written beside the pack.
            baseline = pack_dir(options_) + "/" + kBudgetBaselineFile;
            std::filesystem::create_directories(pack_dir(options_));
            write_file_atomic(baseline, served_.formula.doc.dump(2) + "\n");
        }
        std::vector<std::string> args = {"--census", manifest_.census.path, "--baseline", baseline};
        for (std::size_t k = 0; k < names.size(); ++k) {
            const std::string at = "/options/" + std::to_string(k);
            if (!names[k].is_string()) fail_json(kRequest, at, "expected an option's name");
            const std::string name = names[k].get<std::string>();
            check_option_name(name, kRequest, at);
            for (std::size_t j = 0; j < k; ++j)
                if (names[j] == names[k]) fail_json(kRequest, at, "\"" + name + "\" is named twice");
            if (!options_.exists(name)) throw NotFound("no saved option \"" + name + "\"");
            args.insert(args.end(), {"--scenario", options_.file_of(name)});
        }
        args.insert(args.end(), {"--out", pack_dir(options_), "--quiet"});
        const std::lock_guard<std::mutex> lock(options_mutex_);
        OJson out{
            {"address", "/pack/report.html"}, {"folder", pack_dir(options_)}, {"files", OJson::array()}};
        for (const char* f : kPackFiles) out["files"].push_back(f);
        out["ledger_run"] = nullptr;
        if (ledger_) {
            // The command records the pack itself; the server's connection is idle meanwhile.
            const std::lock_guard<std::mutex> ledger_lock(ledger_mutex_);
            args.insert(args.end(), {"--ledger", ledger_->path()});
            cmd_compare(args);
            out["ledger_run"] = store::latest_runs(*ledger_, 1).at(0).id;
        } else {
            cmd_compare(args);
        }
        return ApiAnswer{200, json_text(out)};
    });
}

ApiAnswer WhatIf::pack_file(const std::string& file) const {
    for (const char* f : kPackFiles) {
        if (file != f) continue;
        std::ifstream in(pack_dir(options_) + "/" + file, std::ios::binary);
        if (!in) break;
        std::ostringstream bytes;
        bytes << in.rdbuf();
        return ApiAnswer{200, bytes.str(), content_type(file)};
    }
    return error_answer(404, "no pack file " + file + " (build the pack first: POST /api/pack)");
}

ApiAnswer WhatIf::ledger(const std::string& limit_text) {
    return answer_errors([&] {
        std::size_t limit = 20;
        if (!limit_text.empty()) {
            if (limit_text.size() > 4 || limit_text.find_first_not_of("0123456789") != std::string::npos ||
                std::stoul(limit_text) == 0 || std::stoul(limit_text) > kMaxLedgerLimit)
                fail_json(kRequest, "/limit",
                          "limit must be a whole number from 1 to " + std::to_string(kMaxLedgerLimit) +
                              ", not \"" + limit_text + "\"");
            limit = std::stoul(limit_text);
        }
        OJson out{{"ledger", nullptr}, {"total", 0}, {"runs", OJson::array()}};
        if (!ledger_) return ApiAnswer{200, json_text(out)};
        const std::lock_guard<std::mutex> lock(ledger_mutex_);
        out["ledger"] = ledger_->path();
        out["total"] = store::count_runs(*ledger_);
        for (const auto& run : store::latest_runs(*ledger_, limit)) {
            OJson inputs = OJson::array();
            for (const auto& in : run.inputs)
                inputs.push_back({{"role", in.role}, {"path", in.path}, {"sha256", in.sha256}});
            out["runs"].push_back({{"id", run.id},
                                   {"time_utc", run.time_utc},
                                   {"command", run.command},
                                   {"version", run.version},
                                   {"option", run.option_name ? OJson(*run.option_name) : OJson(nullptr)},
                                   {"inputs", inputs},
                                   {"headline", run_headline(run)}});
        }
        return ApiAnswer{200, json_text(out)};
    });
}

}  // namespace fundsim::app
