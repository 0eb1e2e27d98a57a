// The intake file of a plan (docs/multi-year.md §1, projection.intake.file): `year, urn, intake`, and for
// a school opening during the plan its attributes in optional columns (phase, name, status, …).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace fundsim {

struct IntakeRow {
    double intake = 0;
    std::int64_t line = 0;
    // Non-blank optional cells, by column (a new school's phase, name, status and other census columns).
    std::vector<std::pair<std::string, std::string>> attributes;
};

struct IntakeFile {
    std::string file;
    std::map<std::string, std::map<std::int64_t, IntakeRow>> by_year;  // "2026-27" → urn → row
    const IntakeRow* find(const std::string& year, std::int64_t urn) const;
};

// Reads the file; `years` are the plan's years after its first (a row for another year is an error).
IntakeFile load_intake_file(const std::string& path, const std::vector<std::string>& years);

}  // namespace fundsim
