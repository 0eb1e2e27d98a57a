// What `fundsim ingest` reports besides the census: the summary printed on the terminal and the list of
// set-aside rows written as CSV. Neither holds a UPN (the set-aside details never quote one).
#pragma once

#include <string>

#include "engine/ingest/ingest.hpp"

namespace fundsim {

// The set-aside rows as CSV (line,reason,detail).
std::string set_aside_csv(const IngestSummary& s);
// The summary for the terminal: rows read, counted, skipped by reason, set aside, schools written.
std::string ingest_summary_text(const IngestSummary& s);

}  // namespace fundsim
