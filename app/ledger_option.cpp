// The --ledger option of run, compare and sweep (app/ledger_option.hpp).
#include "app/ledger_option.hpp"

#include "engine/core/error.hpp"
#include "engine/core/version.hpp"
#include "store/record.hpp"

namespace fundsim::app {

void add_formula_inputs(std::vector<store::RunInput>& out, const ManifestFormula& f,
                        const std::string& role) {
    out.push_back({role, f.file.path, f.file.sha256, ""});
    if (f.base) out.push_back({role + "'s base", f.base->path, f.base->sha256, ""});
}

void add_ledger_option(po::options_description& desc) {
    desc.add_options()("ledger", po::value<std::string>(),
                       "run ledger (SQLite) to record this run in, made if missing (see fundsim ledger)");
}

std::unique_ptr<store::Db> open_ledger_option(const po::variables_map& vm) {
    if (!vm.count("ledger")) return nullptr;
    return std::make_unique<store::Db>(vm["ledger"].as<std::string>(), store::Db::Mode::record);
}

std::vector<store::RunInput> ledger_inputs(const Manifest& m) {
    std::vector<store::RunInput> in;
    in.push_back({"census", m.census.path, m.census.sha256, ""});
    if (m.formula) add_formula_inputs(in, *m.formula, m.formula->is_scenario ? "scenario" : "formula");
    if (m.baseline) add_formula_inputs(in, *m.baseline, "baseline");
    for (std::size_t k = 0; k < m.options.size(); ++k)
        add_formula_inputs(in, m.options[k], "option " + std::to_string(k + 1));
    return in;
}

std::int64_t record_in_ledger(store::Db& ledger, const std::string& command, const Manifest& manifest,
                              const Json& formula, const nlohmann::ordered_json& summary,
                              const std::optional<std::string>& option) {
    return record_in_ledger(ledger, command, ledger_inputs(manifest), formula, summary, option);
}

std::int64_t record_in_ledger(store::Db& ledger, const std::string& command,
                              std::vector<store::RunInput> inputs, const Json& formula,
                              const nlohmann::ordered_json& summary,
                              const std::optional<std::string>& option) {
    store::RunRecord run;
    run.command = command;
    run.option_name = option;
    run.version = fundsim_version();
    run.inputs = std::move(inputs);
    run.formula_json = formula.dump();
    run.summary_json = summary.dump();
    return with_context("the outputs were written, but the run could not be recorded in the ledger",
                        [&] { return store::record_run(ledger, std::move(run)); });
}

std::string recorded_line(std::int64_t id, const store::Db& ledger) {
    return "Recorded as run " + std::to_string(id) + " in " + ledger.path() + "\n";
}

}  // namespace fundsim::app
