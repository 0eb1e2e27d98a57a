// sweep.csv of `sweep` (docs/interfaces.md §6): one row per combination of the varied values, with the run's
// totals or the reason it could not run; money to the penny; the varied paths and the reasons (which
// can quote a file's name) through csv_text, so that Excel never runs them as a formula.
#include "reports/comparison_writers.hpp"
#include "reports/csv/csv_text.hpp"
#include "reports/format.hpp"

namespace fundsim {

namespace {

// A varied value or the lever's, to `printf_format`'s precision, never "-0".
std::string general(double v, const char* printf_format) {
    return number_text(printf_format, v == 0 ? 0.0 : v);
}

}  // namespace

std::string sweep_csv(const Sweep& sw) {
    std::string out;
    for (const auto& a : sw.axes) out += csv_text(a.pointer) + ",";
    out +=
        "status,total_budget_share,available,headroom,lever,lever_value,schools_on_mfg,mfg_total,schools_"
        "capped,"
        "capping_total,schools_on_mppl,mppl_total,schools_gaining,schools_losing,error\n";
    const std::string lever = sw.lever == Lever::none ? "" : to_string(sw.lever);
    for (const auto& row : sw.rows) {
        for (double v : row.values) out += general(v, "%.15g") + ",";
        out += to_string(row.status);
        const bool ran = row.status == SweepStatus::ok || row.status == SweepStatus::lever_at_limit;
        if (ran) {
            out += "," + money(row.total_budget_share) + ",";
            out += sw.has_budget ? money(row.available) + "," + money(row.headroom) : std::string(",");
            out += "," + lever + ",";
            if (sw.lever != Lever::none) out += general(row.lever_value, "%.10g");
            out += "," + std::to_string(row.schools_on_mfg) + "," + money(row.mfg_total) + "," +
                   std::to_string(row.schools_capped) + "," + money(row.capping_total) + "," +
                   std::to_string(row.schools_on_mppl) + "," + money(row.mppl_total) + ",";
            if (sw.has_prior_year)
                out += std::to_string(row.schools_gaining) + "," + std::to_string(row.schools_losing);
            else
                out += ",";
            out += ",\n";
        } else {
            // 13 blank result columns, then the error.
            out += std::string(14, ',') + csv_text(row.error) + "\n";
        }
    }
    return out;
}

}  // namespace fundsim
