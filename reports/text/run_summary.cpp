// The finance officer's summary that `run` prints: the total, the schools block and what is available,
// the headroom, the lever, and by phase the schools on each protection and its cost (from summary.json).
#include <cstdio>

#include "reports/format.hpp"
#include "reports/writers.hpp"

namespace fundsim {

using OJson = nlohmann::ordered_json;

std::string run_summary_text(const Result& r) {
    OJson j = summary_json(r);
    std::string t;
    char b[256];
    t += "Formula: " + r.formula->name + "\n";
    std::snprintf(b, sizeof b, "Schools: %zu   pupils: %s\n", r.size(),
                  count(j["pupils"].get<double>()).c_str());
    t += b;
    t += "Total budget shares:   " + pounds(j["total_budget_share"].get<double>()) + "\n";
    if (r.budget) {
        t += "Schools block:         " + pounds(r.budget->schools_block) + "\n";
        for (const auto& [id, v] : r.budget->deductions) t += "  less " + id + ": " + pounds(v) + "\n";
        if (r.formula->budget && r.formula->budget->balance_clawback != 0)
            t += "  plus balances clawed back the year before: " +
                 pounds(r.formula->budget->balance_clawback) + "\n";
        t += "Available:             " + pounds(r.budget->available) + "\n";
        t += "Headroom:              " + pounds(r.budget->headroom) +
             (r.budget->headroom < 0 ? "  (OVERSPENT)" : "") + "\n";
        if (r.budget->lever != Lever::none)
            t += std::string("Lever: ") + to_string(r.budget->lever) + " = " +
                 number_text("%.8f", r.budget->lever_value) +
                 (r.budget->lever_at_limit ? " (at its limit: the lever cannot spend more)" : "") + "\n";
    } else {
        t += "No budget given: nothing balanced.\n";
    }
    auto line = [&](const std::string& label, const OJson& g) {
        std::snprintf(b, sizeof b, "%-12s %7zu %12s %9zu %14s %8zu %14s %8zu %14s\n", label.c_str(),
                      g["schools"].get<std::size_t>(), pounds(g["total_budget_share"].get<double>()).c_str(),
                      g["schools_on_mfg"].get<std::size_t>(), pounds(g["mfg_total"].get<double>()).c_str(),
                      g["schools_capped"].get<std::size_t>(),
                      pounds(g["capping_total"].get<double>()).c_str(),
                      g["schools_on_mppl"].get<std::size_t>(), pounds(g["mppl_total"].get<double>()).c_str());
        t += b;
    };
    std::snprintf(b, sizeof b, "\n%-12s %7s %12s %9s %14s %8s %14s %8s %14s\n", "", "schools", "budget",
                  "on MFG", "MFG cost", "capped", "capped total", "on MPPL", "MPPL cost");
    t += b;
    for (auto it = j["phase"].begin(); it != j["phase"].end(); ++it) line(it.key(), it.value());
    OJson all = j;
    line("all", all);
    return t;
}

}  // namespace fundsim
