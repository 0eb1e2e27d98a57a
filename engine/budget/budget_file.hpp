// The budget file of `fundsim budget` (docs/la-budget.md §1): the LA's DSG allocations, where each block's
// inputs are, the central lines, conversions, balances and the opening reserve. Plain data and its parser.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace fundsim {

// The four DSG blocks in the order every output lists them (their names in `reserve`, `to` and dsg.csv).
inline constexpr const char* kBlocks[4] = {"schools", "central", "high_needs", "early_years"};
// Index of a block name in kBlocks, or -1.
int block_index(const std::string& name);

// One central (CSSB) line: its id and pounds (docs/la-budget.md §3).
struct CentralLine {
    std::string id;
    double amount = 0;
};

// Balance control (docs/la-budget.md §5).
struct BalanceControl {
    std::map<std::string, double>
        threshold;  // by phase: primary, secondary, middle, all_through, special, nursery
    double min_threshold = 0;
    std::vector<double> clawback_rate{1.0};  // by excess_years; the last applies beyond the list
    double min_retained = 0;
};

// The inputs of a block computed by its own engine (high needs, early years): each named file, resolved
// against the budget file's folder, by its key ("formula", "providers", ...).
struct BlockFiles {
    bool given = false;
    std::vector<std::pair<std::string, std::string>> files;
};

struct BudgetFile {
    std::string file;  // the budget file, as given
    std::string name, year, source;
    std::int64_t la = 0;
    int first_year = 0;  // "2025-26" → 2025: the financial year 1 April 2025 to 31 March 2026
    double allocation[4] = {0, 0, 0,
                            0};  // dsg, in kBlocks order (schools_block required, the rest 0 if absent)
    // schools: census and formula or scenario, paths resolved against the budget file's folder.
    std::string census;
    std::optional<std::string> formula, scenario;
    BlockFiles high_needs, early_years;
    std::vector<CentralLine> central_ongoing, central_historic;
    std::optional<std::string> conversions;  // conversions.csv
    bool proration_days = false;             // proration: months (default) or days
    std::optional<std::string> balances;     // balances.csv
    BalanceControl control;
    double reserve[4] = {0, 0, 0, 0};  // opening DSG balance of each block (surplus +, deficit −)
};

// Reads and checks a budget file: unknown keys, wrong types, a negative allocation, an unknown block,
// a file it names that does not exist are errors naming the file and the JSON path (exit 1).
BudgetFile load_budget_file(const std::string& path);

// A path written in the budget file, relative to the file's folder (an absolute path stays as it is).
std::string resolve_beside(const std::string& budget_file, const std::string& path);

}  // namespace fundsim
