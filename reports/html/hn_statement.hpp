// Provider statements of `fundsim high-needs --statements` (docs/high-needs.md §3): one printable page per
// high needs provider, as a Statement (reports/html/statement_model.hpp) drawn by the school statements'
// renderer, and an index page linking them.
#pragma once

#include <cstddef>
#include <string>

#include "engine/high_needs/result.hpp"
#include "reports/html/statement_model.hpp"

namespace fundsim {

// Places × rate, top-ups by band with pupils and months (or days), the special MFG and the total from the
// LA, from the result's lines. Throws std::logic_error if a section would not add up (a bug, never data).
Statement hn_statement(const hn::HnResult& r, std::size_t provider);

// The index: every provider with its setting, LA, place funding, top-ups, MFG and total from the LA.
std::string hn_statements_index_html(const hn::HnResult& r);

}  // namespace fundsim
