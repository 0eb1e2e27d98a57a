// Pupil-level census → school-level census (docs/interfaces.md §4): streams a pupil extract once, adding each
// pupil to its school's counts with no object kept per pupil; pupil identifiers never leave this stage.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/dates.hpp"
#include "engine/ingest/idaci_bands.hpp"

namespace fundsim {

struct IngestOptions {
    std::string pupils;   // pupil-level extract (docs/interfaces.md §4)
    std::string schools;  // school attributes, one row per school, joined on urn
    std::string idaci;    // LSOA lookup CSV: lsoa,idaci_rank
    IdaciBands bands;
    std::int32_t census_date = 0;  // yyyymmdd (parse_iso_date); the reference day for mobility
    // Set aside bad pupil rows (listed by line number and reason) instead of stopping at the first one.
    bool set_aside = false;
    // Duplicate check: at most this many 8-byte UPN hashes are held in memory; beyond it they are
    // partitioned into buckets in an anonymous temporary file in `temp_dir` (default: the system's).
    std::size_t dedupe_memory_entries = std::size_t{1} << 18;  // 2 MB: an LA's pupils stay in memory
    std::string temp_dir;
};

// Why a pupil row was set aside (each also an error without --set-aside).
enum class SetAsideReason {
    ragged_row,
    blank_upn,
    bad_urn,
    bad_nc_year,
    bad_enrolment,
    bad_flag,
    bad_date,
    unknown_lsoa,
    unknown_school,
    duplicate_pupil,
};
constexpr int kSetAsideReasons = 10;
const char* to_string(SetAsideReason r);

struct SetAsideRow {
    std::int64_t line = 0;
    SetAsideReason reason{};
    std::string detail;  // column and value (never the UPN) and what is wrong
};

struct IngestSummary {
    std::string pupils_file, schools_file;
    std::int64_t rows_read = 0;  // pupil rows, header excluded
    std::int64_t counted = 0;    // Reception to Year 11, enrolment C or M, not set aside
    std::int64_t skipped_nursery = 0, skipped_post16 = 0, skipped_subsidiary = 0, skipped_guest = 0;
    std::vector<SetAsideRow> set_aside;  // sorted by line
    std::array<std::int64_t, kSetAsideReasons> set_aside_by_reason{};
    // Counted pupils, for information: no band although counted.
    std::int64_t no_lsoa = 0, above_band_f = 0;
    std::int64_t entry_after_census = 0;  // entry date after the census date (not mobile)
    std::int64_t fsm_not_fsm6 = 0;        // fsm 1 but fsm6 0 (counted as given)
    std::size_t schools_in_file = 0, schools_written = 0;
    std::vector<std::int64_t> schools_without_pupils;  // URNs not written (a school needs pupils, §1)
    std::vector<std::string> measures_not_written;     // pupil-file columns absent, so no output column
    bool dedupe_spilled = false;                       // the duplicate check used its temporary file
};

struct IngestResult {
    std::string census_csv;  // the school-level census (docs/interfaces.md §1), checked by the census loader
    IngestSummary summary;
};

// Runs the whole ingest. Throws InputError naming file, line and reason (never a UPN) for the first bad
// row unless `set_aside`, for bad school or lookup files, and if the school-level census would not load.
// Choices made where docs/interfaces.md §4 is silent:
// - every cell of every row is checked (year group, enrolment, flags, date, URN shape), but the school
//   and LSOA lookups and the duplicate check apply only to pupils who count (R-Y11 on C or M): only they
//   reach the output, so a nursery or sixth-form school need not be in the school file;
// - a pupil with two counted rows keeps the first (by line); with `set_aside` the later rows are set aside;
// - a blank `lsoa` gives no band (docs/funding-model.md §2 and docs/interfaces.md §4) and is counted in the
// summary; a blank `enrolment`
//   (or no such column) is C; a pupil-file column that is absent leaves its output columns out;
// - a school of the school file with no counted pupil is not written (the census needs pupils in every
//   school, §1) and is listed in the summary; school-file columns that ingest counts are refused there;
// - flags are counted as given (a pupil with fsm 1 and fsm6 0 is noted in the summary, not corrected).
IngestResult ingest_pupil_census(const IngestOptions& opt);

}  // namespace fundsim
