// A plan started from a budget file (app/plan_budget.hpp; docs/multi-year.md §1, §5).
#include "app/plan_budget.hpp"

#include "engine/core/error.hpp"
#include "engine/core/sha256.hpp"
#include "engine/formula/parse.hpp"
#include "engine/years/budget_year.hpp"

namespace fundsim::app {

namespace {

// Year t's formula as its budget runs it (docs/multi-year.md §1): the schools block the plan gave or grew
// (grown here when the formula has no budget of its own), and the balances clawed back the year before
// added to the money available (docs/la-budget.md §5).
Formula budget_year_formula(const Formula& formula, const PlanFile& plan, std::size_t t, const Census& census,
                            const BudgetRun& prev, double& block) {
    Json doc = formula.doc;
    bool changed = false;
    if (formula.budget) {
        block = formula.budget->schools_block;
    } else {
        const auto u = plan.uprating.find(plan.years[t]);
        block = grown_schools_block(prev.file.allocation[0],
                                    u == plan.uprating.end() ? 0.0 : u->second.schools_block_per_pupil,
                                    census.nor.sum(), prev.result.census->nor.sum());
        doc["budget"] = Json::object({{"schools_block", block}});
        changed = true;
    }
    const double clawback = prev.budget->balance_clawback;
    if (clawback != 0) {
        doc["budget"]["balance_clawback"] = clawback;
        changed = true;
    } else if (doc["budget"].is_object() && doc["budget"].contains("balance_clawback")) {
        doc["budget"].erase("balance_clawback");
        changed = true;
    }
    return changed ? parse_formula(doc, formula.file) : formula;
}

}  // namespace

std::vector<PlanYear> run_budget_plan(PlanInputs in, BudgetPlan& bp) {
    const PlanFile plan = in.plan;
    bp.start = load_budget_file(plan.budget);
    if (plan.years.front() != bp.start.year)
        fail_json(plan.file, "/years/0",
                  "is " + plan.years.front() + ", but the start budget " + plan.budget + " is for " +
                      bp.start.year + ": a plan's first year is its start budget's",
                  ErrorKind::input);
    bp.start_source = formula_from_files(bp.start.formula ? &*bp.start.formula : nullptr,
                                         bp.start.scenario ? &*bp.start.scenario : nullptr);
    fit_formula_to_dsg(bp.start_source.formula, bp.start);
    in.start_formula = bp.start_source.formula;
    in.start_census = load_census(bp.start.census);
    // The start budget's own conversions (its first year), then the plan's (the later years).
    const std::vector<ConversionRow> start_rows =
        bp.start.conversions ? load_conversions(*bp.start.conversions, in.start_census, bp.start.first_year,
                                                bp.start.proration_days)
                             : std::vector<ConversionRow>{};
    std::set<std::int64_t> start_converting;
    for (const ConversionRow& c : start_rows) start_converting.insert(in.start_census.urn[c.school]);
    const std::vector<PlanConversion> conversions =
        plan.conversions.empty() ? std::vector<PlanConversion>{}
                                 : load_plan_conversions(plan.conversions, in.start_census, plan.years,
                                                         bp.start.proration_days, start_converting);
    in.academies_from = academies_by_year(conversions, plan.years, start_converting);

    bp.years.reserve(plan.years.size());
    in.run_year = [&](std::size_t t, Census census, const Formula& formula) -> Result {
        if (t == 0) {
            bp.years.push_back(run_budget(bp.start, std::move(census), formula, &start_rows));
            return bp.years.back().result;
        }
        const BudgetRun& prev = bp.years.back();
        double block = 0;
        const Formula f = budget_year_formula(formula, plan, t, census, prev, block);
        BudgetFile bf = next_budget_file(bp.start, *prev.budget, plan.years[t], block);
        bf.census = census.file;
        if (!plan.conversions.empty()) bf.conversions = plan.conversions;
        const std::vector<ConversionRow> rows = conversions_in_year(conversions, plan.years[t], census);
        BudgetRun run = run_budget(bf, std::move(census), f, &rows);
        bp.years.push_back(std::move(run));
        return bp.years.back().result;
    };
    std::vector<PlanYear> years = run_plan(std::move(in));
    for (std::size_t t = 0; t < years.size(); ++t) {
        years[t].budget = bp.years[t].budget;
        if (t > 0) years[t].clawback_in = bp.years[t - 1].budget->balance_clawback;
    }
    return years;
}

void add_budget_plan_year(OutputSet& out, const std::string& dir, const BudgetPlan& bp,
                          const std::vector<PlanYear>& years, std::size_t t) {
    Manifest m;
    if (t == 0) {
        m.census = manifest_file(bp.start.census);
        m.formula = manifest_formula(bp.start_source);
    } else {
        // The files the plan wrote for the year: its census and the formula its budget ran.
        const PlanYear& y = years[t];
        const std::string formula = y.result.formula->doc.dump(2) + "\n";
        out.add(dir + "census.csv", y.census_csv);
        out.add(dir + "formula.json", formula);
        m.census = {out.path_of(dir + "census.csv"), sha256_hex(y.census_csv)};
        ManifestFormula f;
        f.file = {out.path_of(dir + "formula.json"), sha256_hex(formula)};
        m.formula = f;
    }
    add_budget_outputs(out, dir, bp.years[t], m, false);
}

nlohmann::ordered_json budget_plan_manifest(const BudgetPlan& bp) {
    Manifest m;
    m.census = manifest_file(bp.start.census);
    m.formula = manifest_formula(bp.start_source);
    nlohmann::ordered_json j = manifest_json(m);
    j["budget"] = {{"path", bp.start.file}, {"sha256", sha256_file_hex(bp.start.file)}};
    return j;
}

}  // namespace fundsim::app
