// Names for people: a factor's or attribution part's id and a status, as report.html and the budget
// statements print them ("basic_entitlement" -> "Basic entitlement (AWPU)"); a phase's is phase_label in
// engine/census/census.hpp, which explanations use too.
#pragma once

#include <string>

#include "engine/census/census.hpp"

namespace fundsim {

// A readable label for a factor or attribution id: "basic_entitlement" -> "Basic entitlement".
std::string factor_label(const std::string& id);

// "Maintained", "Academy".
std::string status_label(Status s);

// The DSG block k of kBlocks (engine/budget/budget_file.hpp) in words: "Schools block", "High needs block".
const char* block_label(std::size_t k);

}  // namespace fundsim
