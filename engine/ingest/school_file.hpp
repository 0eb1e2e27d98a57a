// Internal to engine/ingest: the school attribute file (one row per school, joined to the pupil file on
// urn), kept as text to be written back unchanged beside the counts.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fundsim::ingest_detail {

// School attributes, kept as text and written back unchanged (docs/interfaces.md §1 columns other than
// counts). The cells are kept back to back in one string (a national file has some 400,000 of them).
struct SchoolTable {
    std::vector<std::string> columns;
    std::string text;                 // every cell, row after row
    std::vector<std::uint32_t> ends;  // end of each cell in `text`, row-major
    std::vector<std::int64_t> urn, line;
    std::unordered_map<std::int64_t, std::int32_t> index;  // urn → row
    std::size_t size() const { return urn.size(); }
    std::string_view cell(std::size_t row, std::size_t column) const {
        const std::size_t k = row * columns.size() + column;
        const std::size_t begin = k == 0 ? 0 : ends[k - 1];
        return std::string_view(text).substr(begin, ends[k] - begin);
    }
};

// Reads the school file: urn, phase and status required and checked; a column of `computed` (the counts
// ingest makes) refused, so that no count has two sources. Refuses, naming file and line: a bad or
// repeated URN, phase or status, a ragged row, an empty file and a header with no rows.
SchoolTable load_school_table(const std::string& path, const std::vector<std::string>& computed);

}  // namespace fundsim::ingest_detail
