// Names for people: a factor's or attribution part's id, a phase, a status, as report.html and the budget
// statements print them ("basic_entitlement" -> "Basic entitlement (AWPU)", all_through -> "All-through").
#pragma once

#include <string>

#include "engine/census/census.hpp"

namespace fundsim {

// A readable label for a factor or attribution id: "basic_entitlement" -> "Basic entitlement".
std::string factor_label(const std::string& id);

// "Primary", "Secondary", "Middle", "All-through".
std::string phase_label(Phase p);

// "Maintained", "Academy".
std::string status_label(Status s);

}  // namespace fundsim
