// Pupil-level census → school-level census (docs/interfaces.md §4), the orchestration: the school file, the
// pupil file's header and the LSOA lookup it calls for, one pass counting every row, a second pass only to
// confirm duplicates when UPN hashes repeat, then the school-level census written and checked by the census
// loader.
#include "engine/ingest/ingest.hpp"

#include <algorithm>
#include <charconv>
#include <memory>
#include <random>

#include "engine/census/census.hpp"
#include "engine/core/error.hpp"
#include "engine/ingest/lsoa_table.hpp"
#include "engine/ingest/pupil_sink.hpp"
#include "engine/ingest/school_file.hpp"
#include "engine/ingest/upn_dedupe.hpp"
#include "engine/io/csv_cell_reader.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim {

const char* to_string(SetAsideReason r) {
    switch (r) {
        case SetAsideReason::ragged_row:
            return "ragged row";
        case SetAsideReason::blank_upn:
            return "blank upn";
        case SetAsideReason::bad_urn:
            return "malformed urn";
        case SetAsideReason::bad_nc_year:
            return "unknown nc_year";
        case SetAsideReason::bad_enrolment:
            return "unknown enrolment";
        case SetAsideReason::bad_flag:
            return "malformed flag";
        case SetAsideReason::bad_date:
            return "malformed entry_date";
        case SetAsideReason::unknown_lsoa:
            return "unknown lsoa";
        case SetAsideReason::unknown_school:
            return "urn not in the school file";
        case SetAsideReason::duplicate_pupil:
            return "pupil counted twice";
    }
    return "?";
}

namespace {

using namespace ingest_detail;

// The pupil file is read cell by cell, each cell handed to the sink in place (pointer and length, in the
// block read) instead of being copied into a record, which is what lets a national extract be read at
// about 300 MB/s. No message quotes the file's text: any cell may hold a pupil's identifier.
constexpr bool kQuoteTextInErrors = false;

void append_uint(std::string& out, std::uint64_t v) {
    char b[24];
    auto r = std::to_chars(b, b + sizeof b, v);
    out.append(b, r.ptr);
}

// Pass 2, only when two counted rows share a hash: read the file again, keep just those rows (their UPNs
// held in memory for the comparison, never written), and confirm which are the same pupil. A hash
// collision between different UPNs is not a duplicate and changes nothing. A confirmed duplicate stops
// the run, or with --set-aside is taken out of `counter`'s counts and listed in `sum`.
void confirm_duplicates(const IngestOptions& opt, const SchoolTable& schools, const PupilColumns& cols,
                        const LsoaTable* lsoa, std::uint64_t key, const std::vector<std::uint64_t>& repeated,
                        PupilSink& counter, IngestSummary& sum) {
    IngestSummary scratch;
    PupilSink finder(opt, schools, scratch, PupilSink::Mode::find_suspects);
    finder.key = key;
    finder.repeated = &repeated;
    finder.on_header = [&](const CsvRecord&) { finder.start(&cols, lsoa); };
    CsvCellReader<PupilSink>(opt.pupils, finder, CsvLimits{}, kQuoteTextInErrors).read_file();
    std::vector<Suspect>& suspects = finder.suspects;
    std::sort(suspects.begin(), suspects.end(), [](const Suspect& a, const Suspect& b) {
        return a.upn != b.upn ? a.upn < b.upn : a.line < b.line;
    });
    struct Duplicate {
        std::int64_t line, first_line;
        PupilRow row;
    };
    std::vector<Duplicate> dups;
    for (std::size_t i = 1, first = 0; i < suspects.size(); ++i) {
        if (suspects[i].upn != suspects[first].upn) {
            first = i;
            continue;
        }
        dups.push_back({suspects[i].line, suspects[first].line, suspects[i].row});
    }
    for (auto& s : suspects) std::fill(s.upn.begin(), s.upn.end(), '\0');  // no UPN left in freed memory
    std::sort(dups.begin(), dups.end(),
              [](const Duplicate& a, const Duplicate& b) { return a.line < b.line; });
    for (const Duplicate& d : dups) {
        const std::string detail = "is the same pupil as on line " + std::to_string(d.first_line) +
                                   " (UPN withheld): a pupil enrolled as C or M is counted once";
        if (!opt.set_aside) fail_column(opt.pupils, d.line, "upn", detail);
        // The later row is set aside; the first stays counted.
        counter.remove(d.row);
        sum.set_aside.push_back({d.line, SetAsideReason::duplicate_pupil, "column upn: " + detail});
    }
}

// The school-level census as CSV text, with where each school's row is (for the check that follows).
struct SchoolCensusText {
    std::string csv;
    std::size_t header_end = 0;                 // the header's length
    std::vector<std::size_t> school_of_output;  // output data row → school (for messages)
    std::vector<std::size_t> row_start;         // output data row → its offset in `csv`, and the end
};

// The school file's columns as they were, then the counts. A school with no counted pupil is not written
// (it is listed in `sum`).
SchoolCensusText write_school_census(const SchoolTable& schools, const PupilColumns& cols,
                                     const PupilSink& counter, IngestSummary& sum) {
    SchoolCensusText census;
    const std::vector<std::string> computed = computed_columns(&cols);
    std::string& out = census.csv;
    for (std::size_t c = 0; c < schools.columns.size(); ++c) {
        if (c > 0) out += ',';
        out += csv_quote(schools.columns[c]);
    }
    for (const auto& c : computed) out += ',' + c;
    out += '\n';
    census.header_end = out.size();
    const std::size_t ncol = schools.columns.size();
    for (std::size_t r = 0; r < schools.size(); ++r) {
        const std::uint32_t* c = counter.counts(r);
        std::uint64_t ks[3] = {0, 0, 0};
        for (int y = 0; y < kYears; ++y) ks[y <= 6 ? 0 : (y <= 9 ? 1 : 2)] += c[y];
        if (ks[0] + ks[1] + ks[2] == 0) {
            // A school needs pupils to be funded (docs/interfaces.md §1); it is listed in the summary, not
            // written.
            sum.schools_without_pupils.push_back(schools.urn[r]);
            continue;
        }
        census.row_start.push_back(out.size());
        for (std::size_t k = 0; k < ncol; ++k) {
            if (k > 0) out += ',';
            out += csv_quote(schools.cell(r, k));
        }
        for (std::uint64_t v : ks) {
            out += ',';
            append_uint(out, v);
        }
        for (int y = 0; y < kYears; ++y) {
            out += ',';
            append_uint(out, c[y]);
        }
        auto pair = [&](int m) {
            out += ',';
            append_uint(out, c[at(m, 0)]);
            out += ',';
            append_uint(out, c[at(m, 1)]);
        };
        if (cols.flag[kFsm] >= 0) pair(mFsm);
        if (cols.flag[kFsm6] >= 0) pair(mFsm6);
        if (cols.lsoa >= 0)
            for (int b = 0; b < 6; ++b) pair(mIdaciA + b);
        if (cols.flag[kLpa] >= 0) pair(mLpa);
        if (cols.flag[kEal3] >= 0) pair(mEal3);
        if (cols.entry_date >= 0) pair(mMobility);
        if (cols.flag[kPpEver6] >= 0) pair(mPpEver6);
        if (cols.flag[kPpPlac] >= 0) {
            out += ',';
            append_uint(out, c[kPpPlacAt]);
        }
        if (cols.flag[kPpService] >= 0) {
            out += ',';
            append_uint(out, c[kPpServiceAt]);
        }
        out += '\n';
        census.school_of_output.push_back(r);
        ++sum.schools_written;
    }
    census.row_start.push_back(out.size());
    return census;
}

// The result must load as a census (docs/interfaces.md §1) before it is handed back; a failure is reported
// against the school file's line, since that is where a phase or year-group setting is fixed. The check
// runs on blocks of schools (its rules are per school; URNs are already known to be unique), so that the
// loader's cell-by-cell copy stays small whatever the number of schools.
void check_school_census(const SchoolCensusText& census, const SchoolTable& schools,
                         const IngestOptions& opt) {
    constexpr std::size_t kBlock = 1024;
    const std::string& out = census.csv;
    const std::vector<std::size_t>& row_start = census.row_start;
    for (std::size_t a = 0; a < census.school_of_output.size(); a += kBlock) {
        const std::size_t b = std::min(a + kBlock, census.school_of_output.size());
        std::string block = out.substr(0, census.header_end);
        block.append(out, row_start[a], row_start[b] - row_start[a]);
        try {
            (void)census_from_csv_text(block, "ingest output");
        } catch (const InputError& e) {
            Where w = e.where();
            const std::int64_t block_line = w.line;
            w.file = opt.schools;
            w.line = 0;
            if (block_line >= 2 && a + static_cast<std::size_t>(block_line - 2) < b) {
                const std::size_t r = census.school_of_output[a + static_cast<std::size_t>(block_line - 2)];
                w.line = schools.line[r];
                w.urn = schools.urn[r];
            }
            throw InputError(w, e.detail() + " (in the school-level census built from " + opt.pupils + ")");
        }
    }
}

}  // namespace

IngestResult ingest_pupil_census(const IngestOptions& opt) {
    if (opt.census_date <= 0) fail("no census date given (the reference day for mobility)");
    IngestResult result;
    IngestSummary& sum = result.summary;
    sum.pupils_file = opt.pupils;
    sum.schools_file = opt.schools;

    // Every column ingest could compute is refused in the school file, so no count has two sources.
    const SchoolTable schools = load_school_table(opt.schools, computed_columns(nullptr));
    sum.schools_in_file = schools.size();

    PupilColumns cols;
    bool have_header = false;
    std::unique_ptr<LsoaTable> lsoa;
    std::random_device rd;
    const std::uint64_t key = (static_cast<std::uint64_t>(rd()) << 32) ^ rd();
    UpnHashSet seen(opt.dedupe_memory_entries, opt.temp_dir);
    PupilSink sink(opt, schools, sum, PupilSink::Mode::count);
    sink.key = key;
    sink.seen = &seen;

    sink.on_header = [&](const CsvRecord& rec) {
        have_header = true;
        cols = pupil_columns(CsvHeader(rec, opt.pupils), sum);
        if (cols.lsoa >= 0) {
            if (opt.idaci.empty())
                fail_column(opt.pupils, rec.line, "lsoa",
                            "is in the pupil file, but no LSOA lookup (lsoa,idaci_rank) was given");
            if (opt.bands.cutoff[5] <= 0)
                fail(
                    "no IDACI band cut-offs given (a bands file such as "
                    "data/lookups/idaci-bands-2025-26.json)");
            lsoa = std::make_unique<LsoaTable>(load_lsoa_lookup(opt.idaci, opt.bands));
        }
        sink.start(&cols, lsoa.get());
    };

    // Pass 1: every row once, in file order.
    CsvCellReader<PupilSink>(opt.pupils, sink, CsvLimits{}, kQuoteTextInErrors).read_file();
    if (!have_header) fail_empty_table(opt.pupils, {"a header row", "pupil", "pupils"});
    sum.dedupe_spilled = seen.spilled();

    const std::vector<std::uint64_t> repeated = seen.repeated();
    if (!repeated.empty()) confirm_duplicates(opt, schools, cols, lsoa.get(), key, repeated, sink, sum);
    std::sort(sum.set_aside.begin(), sum.set_aside.end(),
              [](const SetAsideRow& a, const SetAsideRow& b) { return a.line < b.line; });
    for (const auto& s : sum.set_aside) ++sum.set_aside_by_reason[static_cast<std::size_t>(s.reason)];

    SchoolCensusText census = write_school_census(schools, cols, sink, sum);
    if (sum.schools_written == 0)
        fail_line(opt.pupils, 0,
                  "has no pupil who counts (Reception to Year 11, enrolment C or M, at a school in " +
                      opt.schools + "): there is no school-level census to write");
    check_school_census(census, schools, opt);
    result.census_csv = std::move(census.csv);
    return result;
}

}  // namespace fundsim
