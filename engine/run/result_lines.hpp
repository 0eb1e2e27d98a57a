// The reported per-school lines of a result, in the order of the journey: the one list of them that the
// writers read (allocations.csv's columns after the school's own, before its flags).
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

namespace fundsim {

// The stages of the journey (docs/funding-model.md §3-§6), in order: the groups of Result.
enum class Stage { factors, mppl, mfg, capping, budget_share, after_share };
const char* to_string(Stage s);

// How a line's value is written for a school.
enum class LineValue {
    money,                // pounds to the penny
    money_if_baseline,    // pounds, blank for a new school (no MFG baseline)
    fraction_if_baseline  // a fraction to 6 places, blank for a new school
};

struct ReportedLine {
    std::string id;  // the contract's column name, or the id of a factor, de-delegated item or grant
    Stage stage;
    LineValue value;
    const Eigen::ArrayXd* values;  // one per school, owned by the Result
};

}  // namespace fundsim
