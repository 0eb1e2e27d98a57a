// report.html of `compare` (docs/interfaces.md §5, issue 3): the Schools Forum's paper as one self-contained,
// printable HTML file with inline CSS and charts drawn as inline SVG (no script, font or image is loaded).
#pragma once

#include <string>

#include "engine/compare/compare.hpp"

namespace fundsim {

// The whole report: options side by side, distribution of per-pupil change, gainers and losers by phase
// and area, baseline against new per-pupil funding, factor values against the baseline's, every school.
std::string report_html(const fundsim::Comparison& cmp);

}  // namespace fundsim
