// Replaying a ledger row (app/replay.hpp).
#include "app/replay.hpp"

#include <filesystem>
#include <memory>

#include "app/ledger_budget_plan.hpp"
#include "app/ledger_formula.hpp"
#include "app/run_checked.hpp"
#include "engine/compare/compare.hpp"
#include "engine/core/error.hpp"
#include "engine/core/sha256.hpp"
#include "engine/formula/needs.hpp"
#include "engine/io/json_reader.hpp"
#include "engine/run/invariants.hpp"
#include "reports/comparison_writers.hpp"
#include "reports/writers.hpp"

namespace fundsim::app {

using OJson = nlohmann::ordered_json;

namespace {

std::string short_hash(const std::string& h) { return h.substr(0, 12) + "…"; }

// A recorded value for a message: compact, and cut when long.
std::string shown(const OJson& v) {
    std::string s = v.dump();
    return s.size() > 120 ? s.substr(0, 117) + "..." : s;
}

std::string where_now(const store::RunInput& in, const std::string& ledger_path) {
    const std::filesystem::path located(in.located);
    if (located.is_absolute()) return in.located;
    return (std::filesystem::path(ledger_path).parent_path() / located).lexically_normal().string();
}

// The replayed summary of each command, computed as the command computes it.
OJson replay_summary(const store::RunRecord& run, const std::string& census_path, const std::string& label) {
    const Json record = parse_json_text(run.formula_json, label, ErrorKind::formula);
    if (run.command == "run" || run.command == "serve") {  // a serve row is one run of a patched formula
        const Formula f = formula_from_record(record, label);
        return summary_json(run_checked(load_census(census_path), f));
    }
    if (run.command == "compare") {
        const CompareFormulas c = compare_formulas_from_record(record, label);
        const Comparison cmp = compare(load_census(census_path), c.baseline, c.baseline_name, c.options);
        if (cmp.baseline_result) require_invariants(*cmp.baseline_result, "the baseline");
        for (const auto& s : cmp.scenarios) require_invariants(s.result, s.file);
        return comparison_summary_json(cmp);
    }
    if (run.command == "sweep") {
        const SweepFormula s = sweep_formula_from_record(record, label);
        Census loaded = load_census(census_path);
        prepare_census(loaded, s.formula);
        const Sweep sw = run_sweep(std::make_shared<const Census>(std::move(loaded)), s.formula, s.axes);
        return sweep_summary_json(sw, sweep_csv(sw));
    }
    throw Error(Where{.file = label}, "a run of \"" + run.command + "\", which this fundsim cannot replay");
}

}  // namespace

namespace {

// Every "manifest" object left out, at any depth (budget's and plan's summaries hold their blocks' and
// years' summaries, each with its own).
void erase_manifests(OJson& j) {
    if (j.is_object()) {
        j.erase("manifest");
        for (auto& [key, value] : j.items()) erase_manifests(value);
    } else if (j.is_array()) {
        for (auto& value : j) erase_manifests(value);
    }
}

}  // namespace

std::vector<std::string> summary_differences(const OJson& recorded, const OJson& now) {
    OJson a = recorded, b = now;
    erase_manifests(a);
    erase_manifests(b);
    std::vector<std::string> out;
    for (const auto& op : OJson::diff(a, b)) {
        const std::string path = op.at("path").get<std::string>();
        const std::string kind = op.at("op").get<std::string>();
        if (kind == "replace")
            out.push_back(path + ": recorded " + shown(a.at(OJson::json_pointer(path))) + ", now " +
                          shown(op.at("value")));
        else if (kind == "add")
            out.push_back(path + ": not recorded, now " + shown(op.at("value")));
        else
            out.push_back(path + ": recorded " + shown(a.at(OJson::json_pointer(path))) + ", now absent");
    }
    return out;
}

ReplayOutcome replay_run(const store::RunRecord& run, const std::string& ledger_path) {
    ReplayOutcome out;
    std::string census_path;
    std::vector<std::string> located;
    for (const store::RunInput& in : run.inputs) {
        const std::string path = where_now(in, ledger_path);
        located.push_back(path);
        std::error_code ec;
        std::string problem;
        if (!std::filesystem::is_regular_file(path, ec)) {
            problem = "missing (looked for " + path + ")";
        } else {
            const std::string now = sha256_file_hex(path);
            if (now != in.sha256)
                problem = "changed since the run (SHA-256 was " + short_hash(in.sha256) + ", now " +
                          short_hash(now) + ")";
        }
        if (in.role == "census") census_path = path;
        if (problem.empty()) continue;
        out.changed_inputs.push_back(in.role + " " + in.path + ": " + problem);
        out.census_changed = out.census_changed || in.role == "census";
    }
    const std::string label = ledger_path + " run " + std::to_string(run.id) + " (the recorded formula)";
    // budget and plan are made again from their files (docs/ledger.md §4): only if none changed.
    if (run.command == "budget" || run.command == "plan") {
        if (!out.changed_inputs.empty()) {
            out.not_replayed =
                "an input is not the one the run read (a " + run.command + " is replayed from its files)";
            return out;
        }
        const OJson now = replay_by_command(run, located);
        out.replayed = true;
        out.differences = summary_differences(parse_json_text(run.summary_json, label), now);
        return out;
    }
    if (census_path.empty()) {  // a row without its census cannot be replayed
        out.changed_inputs.push_back("census: the run recorded none");
        out.census_changed = true;
    }
    if (out.census_changed) {
        out.not_replayed = "the census is not the one the run read";
        return out;
    }
    const OJson now = replay_summary(run, census_path, label);
    out.replayed = true;
    out.differences = summary_differences(parse_json_text(run.summary_json, label), now);
    return out;
}

}  // namespace fundsim::app
