// report.html of `compare` (interfaces §5, issue 3): the Schools Forum's paper as one self-contained,
// printable HTML file with inline CSS and charts drawn as inline SVG (no script, font or image is loaded).
#pragma once

#include <string>
#include <string_view>

#include "engine/compare/compare.hpp"

namespace fundsim {

// The whole report: options side by side, distribution of per-pupil change, gainers and losers by phase
// and area, baseline against new per-pupil funding, factor values against the baseline's, every school.
std::string report_html(const fundsim::Comparison& cmp);

// Helpers shared with the budget statements (reports/html/statements_html.cpp).
// Text made safe for HTML element content and attribute values (& < > " ').
std::string html_escape(std::string_view text);
// Whole pounds for people: £1,234,567 and -£1,234 (half a pound away from zero).
std::string pounds_whole(double v);
// A signed change in whole pounds: +£1,234, -£1,234, £0.
std::string signed_pounds_whole(double v);
// A fraction as a percentage for people: 0.0123 -> "1.23%"; `sign` adds "+" to positive values.
std::string percent_text(double fraction, int decimals = 2, bool sign = false);
// A readable label for a factor or attribution id: "basic_entitlement" -> "Basic entitlement".
std::string factor_label(const std::string& id);

}  // namespace fundsim
