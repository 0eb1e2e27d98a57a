// Budget statements of `statements` (docs/interfaces.md §5) as HTML: one printable page per school, laid out
// as an LA budget statement from its Statement (reports/html/statement_model.hpp), and an index page.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "reports/html/statement_model.hpp"

namespace fundsim {

// Amount as printed on a statement: £1,234.56, -£1,234.56.
std::string statement_amount(double v);

std::string statement_html(const Statement& s);

// The index: every statement written, with name, phase, status, area, pupils and budget share.
std::string statements_index_html(const Result& r, const std::vector<std::size_t>& schools,
                                  const StatementChange* change = nullptr);

}  // namespace fundsim
