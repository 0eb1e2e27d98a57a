// The plan's years in order (engine/years/plan.hpp; docs/multi-year.md).
#include "engine/years/plan.hpp"

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/formula/parse.hpp"
#include "engine/run/calculate_checked.hpp"
#include "engine/years/census_history.hpp"
#include "engine/years/intake_file.hpp"
#include "engine/years/project_census.hpp"
#include "engine/years/uprate.hpp"

namespace fundsim {

double grown_schools_block(double block, double per_pupil_change, double pupils_next, double pupils_now) {
    return round_penny(block * (1 + per_pupil_change) * pupils_next / pupils_now);
}

std::vector<PlanYear> run_plan(PlanInputs in) {
    const PlanFile& plan = in.plan;
    std::vector<PlanYear> years;
    years.reserve(plan.years.size());
    {
        PlanYear first;
        first.year = plan.years.front();
        first.result = with_context("in " + first.year + ", the plan's first year", [&] {
            return in.run_year ? in.run_year(0, std::move(in.start_census), in.start_formula)
                               : calculate_checked(std::move(in.start_census), in.start_formula);
        });
        years.push_back(std::move(first));
    }
    if (plan.years.size() == 1) return years;

    const CohortRatios ratios = plan.history.empty() ? uniform_ratios(plan.ratio.value_or(1.0))
                                                     : load_census_history(plan.history, plan.mean_of);
    IntakeFile intakes;
    if (!plan.intake_file.empty())
        intakes = load_intake_file(plan.intake_file, {plan.years.begin() + 1, plan.years.end()});
    ProjectionRule rule;
    rule.ratios = &ratios;
    rule.intakes = plan.intake_file.empty() ? nullptr : &intakes;
    rule.intake_change = plan.intake_change;

    // The formula a run of uprated years starts from: the name its uprated years carry.
    std::string chain_name = in.start_formula.name;
    for (std::size_t t = 1; t < plan.years.size(); ++t) {
        const std::string& year = plan.years[t];
        const Result& prev = years.back().result;
        PlanYear next;
        next.year = year;
        with_context("in " + year + " of the plan", [&] {
            const Projection p = project_pupils(*prev.census, rule, year);
            next.closed = p.closed;
            for (const ProjectedSchool& s : p.schools)
                if (s.source < 0) next.opened.push_back(s.urn);
            const double pupils_now = prev.census->nor.sum();

            const auto given = in.formulas.find(year);
            const auto up = plan.uprating.find(year);
            const Uprating flat;
            const Uprating& u = up == plan.uprating.end() ? flat : up->second;
            Formula formula;
            if (given != in.formulas.end()) {
                formula = given->second;
                chain_name = formula.name;
            } else {
                Json doc = uprate_formula(*prev.formula, u, year, chain_name + " (uprated to " + year + ")");
                if (prev.formula->budget && doc.contains("budget") && doc["budget"].is_object())
                    doc["budget"]["schools_block"] = grown_schools_block(
                        prev.formula->budget->schools_block, u.schools_block_per_pupil, p.pupils, pupils_now);
                // Its messages name the plan and the year: the document is the plan's making.
                formula = parse_formula(doc, plan.file + " (" + year + "'s formula, uprated)");
                next.formula_uprated = true;
            }
            BaselineRule b;
            if (formula.mfg) b.excludes = formula.mfg->excludes;
            b.addition_primary = u.addition_primary;
            b.addition_secondary = u.addition_secondary;
            b.premises = u.premises;
            const auto academies = in.academies_from.find(year);
            if (academies != in.academies_from.end()) b.academies = &academies->second;
            next.census_csv = projected_census_csv(prev, p, b);
            const auto name = in.census_names.find(year);
            Census census = census_from_csv_text(
                next.census_csv, name == in.census_names.end() ? year + "/census.csv" : name->second);
            next.result = in.run_year ? in.run_year(t, std::move(census), formula)
                                      : calculate_checked(std::move(census), formula);
        });
        years.push_back(std::move(next));
    }
    return years;
}

}  // namespace fundsim
