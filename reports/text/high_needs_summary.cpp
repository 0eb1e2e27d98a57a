// What `fundsim high-needs` prints: the block's figures for a finance officer, from the engine's totals.
#include "reports/format.hpp"
#include "reports/high_needs_writers.hpp"

namespace fundsim {

std::string hn_summary_text(const hn::HnResult& r) {
    const hn::Position& pos = r.position;
    double fte = 0;
    for (const auto& l : r.provider_lines) fte += l.pupils_fte;
    std::string t = r.formula->name + " (" + r.formula->year + ", top-ups by " +
                    (r.formula->proration == hn::Proration::months ? "months" : "days") + ")\n";
    t += "Providers " + group_thousands(static_cast<long long>(r.provider_lines.size())) + ", placements " +
         group_thousands(static_cast<long long>(r.placement_lines.size())) + " (" + pupils_text(fte) +
         " FTE)\n";
    t += "Place funding paid by the LA   " + pounds(r.place_funding_la_total) + "\n";
    t += "Top-ups                        " + pounds(r.top_ups_total) + "\n";
    t += "Special schools MFG            " + pounds(r.special_mfg_total) + "\n";
    t += "Central lines                  " + pounds(r.central_total) + "\n";
    t += "Spend                          " + pounds(pos.spend) + "\n";
    t += "Direct funding deducted        " + pounds(pos.dfe_place_deductions) + "\n";
    t += "Import/export                  " + pounds(pos.import_export) + "\n";
    if (pos.available && pos.in_year) {
        t += "Available                      " + pounds(*pos.available) + " (allocation " +
             pounds(*pos.allocation) + ", transfers in " + pounds(pos.transfers_in) + ")\n";
        t += "In-year position               " + pounds(*pos.in_year) +
             (*pos.in_year < 0   ? " (a deficit)"
              : *pos.in_year > 0 ? " (a surplus)"
                                 : " (balanced)") +
             "\n";
    } else {
        t += "No --allocation given: the money available and the in-year position are not computed.\n";
    }
    if (!r.formula->provisional.empty())
        t += std::to_string(r.formula->provisional.size()) +
             " values of the formula are provisional (its \"provisional\" list; summary.json repeats it).\n";
    return t;
}

}  // namespace fundsim
