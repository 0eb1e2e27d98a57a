// Budget statements of `statements` (docs/interfaces.md §5) as a model: each school's statement is a plain
// list of lines in sections that add up to the penny, built from the result table before any HTML is written.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/compare/compare.hpp"

namespace fundsim {

// One line of a statement. In a section that adds up, the `item` lines sum to the section's `total`,
// and the `part` lines that follow an item sum to that item, to the penny (docs/funding-model.md §7).
struct StatementLine {
    enum class Kind { item, part, info, total };
    Kind kind = Kind::item;
    std::string label;
    std::string rate;   // unit value as shown (may be empty)
    std::string count;  // pupils or eligible units as shown (may be empty)
    double amount = 0;  // pounds, whole pennies (item, part, total)
    std::string value;  // info lines: the value shown instead of an amount
};

struct StatementSection {
    std::string title, note;
    bool adds_up = true;  // false for the calculation blocks (MPPL, MFG, capping): info lines and a result
    std::vector<StatementLine> lines;
};

struct Statement {
    std::int64_t urn = 0;
    std::string name, title, subtitle;
    // The page's kicker and its details table's title (a high needs provider's statement sets its own).
    std::string block = "Schools block budget", details_title = "School details";
    std::vector<std::pair<std::string, std::string>> details;  // school details, label -> value
    std::vector<StatementSection> sections;
};

// What a statement's change block is measured against: the baseline per school and this option's
// change and attribution (engine/compare/compare.hpp).
struct StatementChange {
    std::string against;  // the baseline, for people
    const Eigen::ArrayXd* baseline = nullptr;
    const ScenarioResult* option = nullptr;
};

// The statement of one school. Throws std::logic_error if a section would not add up (a bug, never data).
Statement build_statement(const Result& r, std::size_t school, const StatementChange* change = nullptr);

// Checks the rule of StatementLine; returns one message per line that does not add up (empty if all do).
std::vector<std::string> statement_sum_errors(const Statement& s);

namespace statement {

// An amount line (item, part or total), its amount rounded to the penny.
StatementLine line(StatementLine::Kind kind, std::string label, double amount, std::string rate = "",
                   std::string count = "");

// An info line: a note, with the value shown instead of an amount (may be empty).
StatementLine info(std::string label, std::string value = "");

}  // namespace statement

}  // namespace fundsim
