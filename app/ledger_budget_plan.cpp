// The ledger rows of budget and plan and their replay (app/ledger_budget_plan.hpp, docs/ledger.md §2, §4).
#include "app/ledger_budget_plan.hpp"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/commands.hpp"
#include "app/ledger_option.hpp"
#include "app/plan_budget.hpp"
#include "engine/core/error.hpp"
#include "reports/manifest.hpp"

namespace fundsim::app {

namespace fs = std::filesystem;

namespace {

void add_file(std::vector<store::RunInput>& out, const std::string& role, const std::string& path) {
    const ManifestFile f = manifest_file(path);
    out.push_back({role, f.path, f.sha256, ""});
}

Json read_summary(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail_line(path, 0, "cannot be read");
    std::ostringstream s;
    s << in.rdbuf();
    return parse_json_text(s.str(), path);
}

bool ends_with(const std::string& s, const std::string& end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

// A folder of its own under the system's temporary folder, removed with everything in it at the end.
class ScratchDir {
  public:
    ScratchDir() {
        std::error_code ec;
        const fs::path tmp = fs::temp_directory_path(ec);
        std::string name = (ec ? fs::path("/tmp") : tmp).string() + "/fundsim-replay-XXXXXX";
        if (!::mkdtemp(name.data()))
            fail("cannot make a temporary folder for the replay (" + name + "): " + std::strerror(errno));
        path_ = name;
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    std::string operator/(const std::string& name) const { return path_ + "/" + name; }

  private:
    std::string path_;
};

}  // namespace

namespace {

// The budget file and every file it names (its schools formula is `schools`), each role prefixed by `pre`.
void add_budget_inputs(std::vector<store::RunInput>& out, const BudgetFile& bf, const FormulaSource& schools,
                       const std::string& pre) {
    add_file(out, pre + "budget", bf.file);
    add_file(out, pre + "census", bf.census);
    add_formula_inputs(out, manifest_formula(schools), pre + (schools.is_scenario ? "scenario" : "formula"));
    for (const BlockFiles* b : {&bf.high_needs, &bf.early_years})
        for (const auto& [key, path] : b->files)
            add_file(out, pre + (b == &bf.high_needs ? "high_needs " : "early_years ") + key, path);
    if (bf.conversions) add_file(out, pre + "conversions", *bf.conversions);
    if (bf.balances) add_file(out, pre + "balances", *bf.balances);
}

}  // namespace

LedgerRow budget_ledger_row(const BudgetFile& bf, const FormulaSource& schools,
                            const std::string& summary_file) {
    LedgerRow row;
    add_budget_inputs(row.inputs, bf, schools, "");
    row.formula = Json{{"schools", schools.formula.doc}};
    row.summary = read_summary(summary_file);
    return row;
}

void add_plan_to_row(LedgerRow& row, const PlanFile& plan, const FormulaSource& start,
                     const std::map<std::string, FormulaSource>& given, const std::vector<PlanYear>& years,
                     const std::string& label, const std::string& summary_file, const BudgetPlan* budget) {
    const std::string pre = label.empty() ? "" : label + ": ";
    add_file(row.inputs, pre + "plan", plan.file);
    if (budget) {
        add_budget_inputs(row.inputs, budget->start, budget->start_source, pre + "start ");
    } else {
        add_file(row.inputs, pre + "census", plan.census);
        add_formula_inputs(row.inputs, manifest_formula(start),
                           pre + (start.is_scenario ? "scenario" : "formula"));
    }
    if (!plan.conversions.empty()) add_file(row.inputs, pre + "conversions", plan.conversions);
    if (!plan.history.empty()) add_file(row.inputs, pre + "history", plan.history);
    if (!plan.intake_file.empty()) add_file(row.inputs, pre + "intake", plan.intake_file);
    for (const auto& [year, source] : given)
        add_formula_inputs(row.inputs, manifest_formula(source),
                           pre + year + (source.is_scenario ? " scenario" : " formula"));
    Json formulas = Json::object();
    for (const PlanYear& y : years) formulas[y.year] = y.result.formula->doc;
    Json formula{{"years", formulas}};
    Json summary = read_summary(summary_file);
    if (label.empty()) {
        row.formula = std::move(formula);
        row.summary = std::move(summary);
    } else {
        row.formula["plans"][label] = std::move(formula);
        row.summary["plans"][label] = std::move(summary);
    }
}

Json replay_by_command(const store::RunRecord& run, const std::vector<std::string>& located) {
    const ScratchDir scratch;
    const std::string out = scratch / "out";
    if (run.command == "budget") {
        for (std::size_t k = 0; k < run.inputs.size(); ++k)
            if (run.inputs[k].role == "budget") {
                if (cmd_budget({"--budget", located[k], "--out", out, "--quiet"}) != kOk)
                    fail("the budget " + located[k] + " did not run again");
                return read_summary(out + "/summary.json");
            }
        fail("the recorded budget run names no budget file");
    }
    // plan: each plan file in the order given; several are written to folders named by their labels.
    std::vector<std::string> args;
    std::vector<std::string> labels;
    for (std::size_t k = 0; k < run.inputs.size(); ++k) {
        const std::string& role = run.inputs[k].role;
        if (role == "plan" || ends_with(role, ": plan")) {
            args.insert(args.end(), {"--plan", located[k]});
            labels.push_back(role == "plan" ? "" : role.substr(0, role.size() - 6));
        }
    }
    if (labels.empty()) fail("the recorded plan run names no plan file");
    args.insert(args.end(), {"--out", out, "--quiet"});
    if (cmd_plan(args) != kOk) fail("the plan did not run again");
    if (labels.size() == 1 && labels[0].empty()) return read_summary(out + "/summary.json");
    Json summary = Json::object();
    for (const std::string& l : labels) summary["plans"][l] = read_summary(out + "/" + l + "/summary.json");
    return summary;
}

}  // namespace fundsim::app
