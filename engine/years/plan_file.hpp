// The plan file (docs/multi-year.md §1): the start, the years, how the census is projected and how each
// year's formula is found or uprated. Read strictly: an unknown key, a year out of order or twice, a
// negative ratio are errors naming the file and the JSON path.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fundsim {

// How year t+1's formula is made from year t's when the plan names none (docs/multi-year.md §1).
struct Uprating {
    std::string path;  // its JSON path, for messages
    double factors = 0;
    std::optional<double> lump_sum, sparsity;  // their own rates of change, else `factors`
    std::map<std::string, double> mppl;        // MPPL levels replaced: primary, ks3, ks4 or secondary
    std::optional<double> mfg_percent;
    double schools_block_per_pupil = 0;
    double grants = 0, premises = 0;
    double addition_primary = 0, addition_secondary = 0;  // baseline_addition.per_pupil (grants rolled in)
};

struct PlanFile {
    std::string file, name;
    // start: a census with a formula or a scenario (paths as resolved against the plan's folder), or a
    // budget file (`budget`; census and formula then empty: the budget file names them).
    std::string census, formula;
    std::string budget;
    std::vector<std::string> years;  // "2025-26", consecutive
    // projection.ratio: one number for every school and step, or a history of past censuses.
    std::optional<double> ratio;
    std::string history;
    int mean_of = 3;
    // projection.intake: a file of intakes, or a yearly change; neither: each intake stays as last year's.
    std::string intake_file;
    double intake_change = 0;
    std::map<std::string, std::string> formulas;  // year → formula or scenario file
    std::map<std::string, Uprating> uprating;     // year → its uprating (years without one stay flat)
    std::string conversions;  // conversions.csv across the horizon (a budget start only), or empty
};

// Reads and checks a plan file; paths inside it are relative to its folder.
PlanFile load_plan(const std::string& path);

// The financial year after `year` ("2025-26" → "2026-27"); false if `year` is not of that form.
bool next_financial_year(const std::string& year, std::string& next);

}  // namespace fundsim
