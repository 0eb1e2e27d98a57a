// Budget statements of `statements` (interfaces §5): one printable HTML page per school, laid out as an
// LA budget statement, built from a plain list of lines that add up, and an index page linking them all.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/compare/compare.hpp"

namespace fundsim {

// One line of a statement. In a section that adds up, the `item` lines sum to the section's `total`,
// and the `part` lines that follow an item sum to that item, to the penny (funding-model §7).
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

// Amount as printed on a statement: £1,234.56, -£1,234.56.
std::string statement_amount(double v);

std::string statement_html(const Statement& s);

// The index: every statement written, with name, phase, status, area, pupils and budget share.
std::string statements_index_html(const Result& r, const std::vector<std::size_t>& schools,
                                  const StatementChange* change = nullptr);

}  // namespace fundsim
