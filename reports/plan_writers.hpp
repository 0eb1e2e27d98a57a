// The writers of `fundsim plan` (docs/multi-year.md §3): plan.csv (a row per year and school), the plan's
// summary.json, plan.html and the summary it prints. Each lives in its format's folder.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/years/plan.hpp"

namespace fundsim {

// plan.csv (reports/csv/plan_csv.cpp).
std::string plan_csv(const std::vector<PlanYear>& years);

// summary.json: per year the schools block's totals, pupils, lever and protections; the change over the
// horizon (reports/json/plan_json.cpp).
nlohmann::ordered_json plan_summary_json(const PlanFile& plan, const std::vector<PlanYear>& years);

// plan.html: self-contained, prints on A4 (reports/html/plan_html.cpp).
std::string plan_html(const PlanFile& plan, const std::vector<PlanYear>& years);

// What `fundsim plan` prints: a line per year (reports/text/plan_summary.cpp).
std::string plan_summary_text(const PlanFile& plan, const std::vector<PlanYear>& years);

// Several plans side by side (`fundsim plan --plan A --plan B`): each plan's years, and the folder of DIR
// its own outputs went to.
struct PlanRun {
    PlanFile plan;
    std::vector<PlanYear> years;
    std::string folder;
};

// plan-comparison.csv: one row per plan, year and school; `difference` is the budget share less the first
// plan's for the same year and school (reports/csv/plan_csv.cpp).
std::string plan_comparison_csv(const std::vector<PlanRun>& runs);

// plan.html of several plans: their totals, protections and cost year by year side by side, how far each
// school's budget share moves from the first plan's, and a link to each plan's own page
// (reports/html/plan_html.cpp).
std::string plans_side_by_side_html(const std::vector<PlanRun>& runs);

// What `fundsim plan` prints after several plans: how each differs from the first, year by year
// (reports/text/plan_summary.cpp).
std::string plans_difference_text(const std::vector<PlanRun>& runs);

// A school's budget share in the year before `t` (NaN when it had none: first year, or new).
double previous_budget_share(const std::vector<PlanYear>& years, std::size_t t, std::int64_t urn,
                             double* per_pupil = nullptr);

}  // namespace fundsim
