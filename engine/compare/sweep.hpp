// Parameter sweeps (docs/interfaces.md §5 `sweep`): every combination of a few varied formula values, each
// run balanced, reduced to one row of totals per combination. The census is loaded and prepared once.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/core/error.hpp"
#include "engine/formula/formula.hpp"
#include "engine/run/calculate.hpp"

namespace fundsim {

// One varied parameter: a JSON pointer into the formula and the points FROM, FROM+STEP, ..., TO.
struct SweepAxis {
    std::string pointer;  // e.g. /mfg/percent
    double from = 0, to = 0, step = 0;
    std::vector<double> values;
};

// The points of FROM:TO:STEP: n = round((TO-FROM)/STEP) + 1, the k-th computed as FROM + k*STEP (never by
// repeated addition, which drifts) and rounded to 15 significant digits of the grid's scale, so that
// -0.005 + 3*0.0025 is 0.0025 and -0.0045 + 9*0.0005 is exactly 0.
// Errors (InputError naming `what`): STEP <= 0, TO < FROM, TO not FROM plus a whole number of STEPs,
// more than 1,000,000 points, a value that is not finite.
std::vector<double> sweep_points(double from, double to, double step, const std::string& what);

// Parses "PATH=FROM:TO:STEP" (the --vary option) and checks the pointer's syntax.
SweepAxis parse_sweep_axis(const std::string& spec);

// Product of the axes' sizes; an error above 1,000,000 combinations.
std::size_t sweep_combinations(const std::vector<SweepAxis>& axes);

// Values of combination `index`: the first axis varies slowest (nested loops in the order given).
std::vector<double> sweep_values(const std::vector<SweepAxis>& axes, std::size_t index);

// The first stage of the calculation that reads the value at `pointer` (a pointer into a formula): by its
// section, /mppl, /mfg, /capping or /budget; the factors for any other.
FirstStage first_stage_of(const std::string& pointer);

enum class SweepStatus {
    ok,              // balanced (or no budget to balance)
    lever_at_limit,  // the lever could not spend all the money: headroom may be £1 or more
    cannot_balance,  // no value of the lever makes the total affordable (error says by how much)
    invalid          // the patched formula is not valid (error names the JSON path)
};
const char* to_string(SweepStatus s);

// How a combination that failed is reported, by the error's kind (never its text or JSON path): a row
// marked cannot_balance (unaffordable: no value of the lever fits the money) or invalid (the combination
// makes a bad formula or amount); nothing for fundsim's own faults (invariant, internal), which stop the
// sweep with the error instead.
std::optional<SweepStatus> sweep_status_of(ErrorKind kind);
// A failed row's error text: the JSON path, the school if any, and what is wrong (the file is the sweep's
// formula, named once in the output).
std::string sweep_row_error(const Error& e);

struct SweepRow {
    std::vector<double> values;
    SweepStatus status = SweepStatus::ok;
    std::string error;
    double total_budget_share = 0, available = 0, headroom = 0, lever_value = 0;
    std::size_t schools_on_mfg = 0, schools_capped = 0, schools_on_mppl = 0;
    double mfg_total = 0, capping_total = 0, mppl_total = 0;
    std::size_t schools_gaining = 0, schools_losing = 0;  // against prior_year_budget (see Sweep)
};

struct Sweep {
    std::vector<SweepAxis> axes;
    std::string formula_name;
    bool has_budget = false;      // available/headroom are meaningful
    Lever lever = Lever::none;    // the lever solved in every row (varied values are numbers only)
    bool has_prior_year = false;  // gaining/losing were counted
    std::vector<SweepRow> rows;   // in combination order, whatever the thread count
};

struct SweepOptions {
    unsigned threads = 1;
    // Called (from worker threads, one at a time) as combinations finish; may be empty.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

// Runs every combination over `census`, which must be prepared for the base formula (prepare_census:
// varied values are numbers and never add a column). Checks first that each pointer names a number in the
// base formula's document (else InputError). The threads share the census read-only.
Sweep run_sweep(std::shared_ptr<const Census> census, const Formula& base, const std::vector<SweepAxis>& axes,
                const SweepOptions& options = {});

}  // namespace fundsim
