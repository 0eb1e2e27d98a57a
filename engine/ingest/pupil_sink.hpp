// Internal to engine/ingest: one pupil row's effect on its school's counters. The sink receives the pupil
// file cell by cell from the CSV cell reader, checks every cell, decides whether the row counts or why
// it is skipped or set aside, and adds it to the layout of counters kept per school.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/core/dates.hpp"
#include "engine/core/error.hpp"
#include "engine/core/number.hpp"
#include "engine/ingest/ingest.hpp"
#include "engine/ingest/lsoa_table.hpp"
#include "engine/ingest/school_file.hpp"
#include "engine/ingest/upn.hpp"
#include "engine/ingest/upn_dedupe.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim::ingest_detail {

// Layout of one school's counters (all whole pupils).

constexpr int kYears = 12;  // R, Y1 ... Y11: the year groups the schools block funds (docs/interfaces.md §4)
enum Flag { kFsm, kFsm6, kEal3, kLpa, kPpEver6, kPpPlac, kPpService, kFlags };
inline constexpr const char* kFlagNames[kFlags] = {"fsm",      "fsm6",    "eal3",      "lpa",
                                                   "pp_ever6", "pp_plac", "pp_service"};
// Measures held per key-stage group (primary R-Y6, secondary Y7-Y11), in output order.
enum Measure { mFsm, mFsm6, mIdaciA, mLpa = mIdaciA + 6, mEal3, mMobility, mPpEver6, kMeasures };
constexpr int kMeasureBase = kYears;
constexpr int kPpPlacAt = kMeasureBase + 2 * kMeasures, kPpServiceAt = kPpPlacAt + 1;
constexpr int kCounters = kPpServiceAt + 1;
constexpr int at(int measure, int group) { return kMeasureBase + 2 * measure + group; }
// Flag → measure (the two pupil premium flags that are not per group are handled apart).
constexpr int kFlagMeasure[kFlags] = {mFsm, mFsm6, mEal3, mLpa, mPpEver6, -1, -1};

static_assert(std::size(kYearColumns) == kYears, "one output column per year group");

// Spaces around a cell are allowed; most cells have none, so the ends are looked at first.
[[gnu::always_inline]] inline std::string_view trimmed(std::string_view v) {
    if (v.empty() || (v.front() != ' ' && v.front() != '\t' && v.back() != ' ' && v.back() != '\t')) return v;
    return trim(v);
}

// Equal texts, compared in line: a URN is a few bytes, for which a call to memcmp (what == on strings
// does) cost more than the comparison.
[[gnu::always_inline]] inline bool same_text(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] != b[i]) return false;
    return true;
}

enum class Role : std::uint8_t { none, upn, urn, nc_year, enrolment, lsoa, entry_date, flag };

struct PupilColumns {
    int upn = -1, urn = -1, nc_year = -1, enrolment = -1, lsoa = -1, entry_date = -1;
    std::array<int, kFlags> flag{};
    std::size_t count = 0;
    std::vector<Role> role;             // per column of the file
    std::vector<std::uint8_t> flag_of;  // per column: which flag, for Role::flag
};

enum class RowKind { counted, nursery, post16, subsidiary, guest, bad };

// One pupil's effect on its school's counters; a plain value, reused for every row.
struct PupilRow {
    std::int32_t school = -1;
    int year = 0;   // 0 = Reception ... 11
    int group = 0;  // 0 primary (R-Y6), 1 secondary (Y7-Y11)
    std::array<std::uint8_t, kFlags> flag{};
    int band = -1;  // 0..5 = a..f; -1 none (blank LSOA, or ranked above f's cut-off)
    bool no_lsoa = false, above_f = false, mobile = false, after_census = false;
};

struct Problem {
    SetAsideReason reason{};
    std::string column, value, detail;
    bool has_value = false;
};

// Where a problem is: the file and line (none for the set-aside list), the column, the value if shown.
Where where_of(const std::string& file, std::int64_t line, const Problem& p);

// A counted row whose UPN hash was seen twice: its UPN is held (in memory only) for the exact comparison.
struct Suspect {
    std::string upn;
    std::int64_t line;
    PupilRow row;
};

// Receives the pupil file cell by cell and keeps the counters of every school. Nothing about a pupil
// outlives its row except the keyed hash of its UPN (in the duplicate check).
class PupilSink {
  public:
    enum class Mode { count, find_suspects };

    PupilSink(const IngestOptions& opt, const SchoolTable& schools, IngestSummary& sum, Mode mode)
        : opt_(opt), schools_(schools), sum_(sum), mode_(mode) {
        three_years_before_ = opt.census_date - 30000;  // yyyymmdd: the same day three years earlier
    }

    std::function<void(const CsvRecord&)> on_header;       // reads the header, then calls start()
    std::uint64_t key = 0;                                 // of the UPN hashes
    UpnHashSet* seen = nullptr;                            // Mode::count: every counted pupil's UPN hash
    const std::vector<std::uint64_t>* repeated = nullptr;  // Mode::find_suspects: hashes seen twice
    std::vector<Suspect> suspects;

    void start(const PupilColumns* cols, const LsoaTable* lsoa) {
        cols_ = cols;
        role_ = cols->role.data();
        flag_of_ = cols->flag_of.data();
        columns_ = cols->role.size();
        lsoa_ = lsoa;
        if (mode_ == Mode::count) counts_.assign(schools_.size() * kCounters, 0);
    }

    // cell(), end() and what end() calls are forced inline: one call per cell of a national extract (over
    // 100 million) is a measurable share of the ingest, and a header's member functions are not inlined
    // as readily as the file-local functions they were.
    [[gnu::always_inline]] void cell(std::size_t i, std::string_view v) {
        // Before start() no column has a role: the header's cells are kept.
        if (i >= columns_ || bad_) [[unlikely]] {
            if (cols_ == nullptr) header_.emplace_back(v);
            return;  // an extra cell (a ragged row, found at the end), or a row already refused
        }
        const Role role = role_[i];
        if (role == Role::flag) {  // most of the columns: tested before the jump table of the others
            const std::uint8_t k = flag_of_[i];
            v = trimmed(v);
            if (v.size() != 1 || (v[0] != '0' && v[0] != '1'))
                return problem(SetAsideReason::bad_flag, kFlagNames[k], v, true,
                               v.empty() ? "is blank: expected 0 or 1" : "is not a flag: expected 0 or 1");
            row_.flag[k] = static_cast<std::uint8_t>(v[0] - '0');
            return;
        }
        switch (role) {
            case Role::none:
                break;
            case Role::upn: {
                v = trimmed(v);
                if (v.empty())
                    return problem(SetAsideReason::blank_upn, "upn", "", false,
                                   "is blank: every pupil needs a UPN so that no pupil is counted twice");
                hash_ = upn_hash(v, key);
                if (mode_ == Mode::find_suspects) upn_.assign(v);
                break;
            }
            case Role::nc_year: {
                // N1, N2, R, 1 ... 14 (docs/interfaces.md §4).
                v = trimmed(v);
                year_ = -1;
                nursery_ = false;
                if (v.size() == 1) {
                    if (v[0] == 'R' || v[0] == 'r')
                        year_ = 0;
                    else if (v[0] >= '1' && v[0] <= '9')
                        year_ = v[0] - '0';
                } else if (v.size() == 2) {
                    if ((v[0] == 'N' || v[0] == 'n') && (v[1] == '1' || v[1] == '2'))
                        nursery_ = true;
                    else if (v[0] == '1' && v[1] >= '0' && v[1] <= '4')
                        year_ = 10 + (v[1] - '0');
                }
                if (year_ < 0 && !nursery_)
                    return problem(SetAsideReason::bad_nc_year, "nc_year", v, true,
                                   "is not a year group: expected N1, N2, R or 1 to 14");
                break;
            }
            case Role::enrolment: {
                // C single, M main dual, S subsidiary dual, G guest; blank means C.
                v = trimmed(v);
                if (v.empty()) break;
                const char c = v.size() == 1 ? static_cast<char>(v[0] & ~0x20) : '?';
                if (c != 'C' && c != 'M' && c != 'S' && c != 'G')
                    return problem(SetAsideReason::bad_enrolment, "enrolment", v, true,
                                   "is not an enrolment status: expected C, M, S or G (blank means C)");
                enrol_ = c;
                break;
            }
            case Role::flag:  // above
                break;
            case Role::entry_date: {
                if (!parse_iso_date(v, entry_))
                    return problem(SetAsideReason::bad_date, "entry_date", trimmed(v), true,
                                   trimmed(v).empty()
                                       ? "is blank: expected the date the pupil joined, YYYY-MM-DD"
                                       : "is not a date: expected YYYY-MM-DD (a real calendar date)");
                break;
            }
            case Role::urn: {
                // Rows of one school usually come together, so the last URN is remembered.
                if (have_last_urn_ && same_text(v, last_urn_text_)) break;
                std::int64_t urn = 0;
                if (!parse_integer(v, urn) || urn <= 0) {
                    have_last_urn_ = false;
                    return problem(SetAsideReason::bad_urn, "urn", trimmed(v), true,
                                   "is not a URN (a positive whole number)");
                }
                last_urn_text_.assign(v);
                have_last_urn_ = true;
                auto it = schools_.index.find(urn);
                last_school_ = it == schools_.index.end() ? -1 : it->second;
                break;
            }
            case Role::lsoa: {
                // Looked up now; an unknown code matters only if the pupil counts (decided at the row's end).
                v = trimmed(v);
                lsoa_band_ = -1;
                lsoa_state_ = LsoaState::found;
                if (v.empty()) {
                    lsoa_state_ = LsoaState::blank;
                    break;
                }
                lsoa_band_ = lsoa_->band(v);
                if (lsoa_band_ == LsoaTable::kUnknown) {
                    lsoa_state_ = LsoaState::unknown;
                    unknown_lsoa_.assign(v);
                }
                break;
            }
        }
    }

    [[gnu::always_inline]] void end(std::int64_t line, std::size_t cells) {
        if (cols_ == nullptr) {
            CsvRecord rec;
            rec.line = line;
            for (const auto& h : header_) rec.fields.emplace_back(h);
            on_header(rec);
            return;
        }
        const RowKind kind = finish(cells);
        if (mode_ == Mode::count) {
            ++sum_.rows_read;
            switch (kind) {
                case RowKind::counted:
                    add(row_, 1);
                    seen->add(hash_);
                    ++sum_.counted;
                    sum_.no_lsoa += row_.no_lsoa;
                    sum_.above_band_f += row_.above_f;
                    sum_.entry_after_census += row_.after_census;
                    sum_.fsm_not_fsm6 += fsm_not_fsm6(row_);
                    break;
                case RowKind::nursery:
                    ++sum_.skipped_nursery;
                    break;
                case RowKind::post16:
                    ++sum_.skipped_post16;
                    break;
                case RowKind::subsidiary:
                    ++sum_.skipped_subsidiary;
                    break;
                case RowKind::guest:
                    ++sum_.skipped_guest;
                    break;
                case RowKind::bad:
                    if (!opt_.set_aside)
                        throw InputError(where_of(opt_.pupils, line, problem_), problem_.detail);
                    sum_.set_aside.push_back(
                        {line, problem_.reason, format_error(where_of("", 0, problem_), problem_.detail)});
                    break;
            }
        } else if (kind == RowKind::counted &&
                   std::binary_search(repeated->begin(), repeated->end(), hash_)) {
            suspects.push_back({upn_, line, row_});
        }
        // The next row starts clean.
        bad_ = false;
        enrol_ = 'C';
        row_.flag = {};
        lsoa_state_ = LsoaState::blank;
        lsoa_band_ = -1;
        entry_ = 0;
        upn_.clear();
    }

    // Adds (sign 1) or removes (sign -1) one counted pupil.
    [[gnu::always_inline]] void add(const PupilRow& r, int sign) {
        std::uint32_t* c = counts_.data() + static_cast<std::size_t>(r.school) * kCounters;
        const auto s = static_cast<std::uint32_t>(sign);
        c[r.year] += s;
        for (int k = 0; k < kFlags; ++k)
            if (kFlagMeasure[k] >= 0)
                c[at(kFlagMeasure[k], r.group)] += r.flag[static_cast<std::size_t>(k)] * s;
        c[kPpPlacAt] += r.flag[kPpPlac] * s;
        c[kPpServiceAt] += r.flag[kPpService] * s;
        if (r.band >= 0) c[at(mIdaciA + r.band, r.group)] += s;
        if (r.mobile) c[at(mMobility, r.group)] += s;
    }

    // Takes a duplicate row out of the counts and of the summary's notes.
    void remove(const PupilRow& r) {
        add(r, -1);
        --sum_.counted;
        sum_.no_lsoa -= r.no_lsoa;
        sum_.above_band_f -= r.above_f;
        sum_.entry_after_census -= r.after_census;
        sum_.fsm_not_fsm6 -= fsm_not_fsm6(r);
    }

    const std::uint32_t* counts(std::size_t school) const { return counts_.data() + school * kCounters; }

  private:
    enum class LsoaState : std::uint8_t { blank, found, unknown };

    int fsm_not_fsm6(const PupilRow& r) const {
        return cols_->flag[kFsm] >= 0 && cols_->flag[kFsm6] >= 0 && r.flag[kFsm] && !r.flag[kFsm6] ? 1 : 0;
    }

    // Out of line and marked cold: bad rows are rare, and keeping the message building out of cell()
    // keeps the per-cell call cheap.
    [[gnu::cold, gnu::noinline]] void problem(SetAsideReason reason, const char* column,
                                              std::string_view value, bool show, const char* detail);
    [[gnu::cold, gnu::noinline]] void problem(SetAsideReason reason, const char* column,
                                              std::string_view value, bool show, std::string detail);

    [[gnu::always_inline]] RowKind finish(std::size_t cells) {
        if (cells != cols_->count) {
            bad_ = true;
            problem_ = {SetAsideReason::ragged_row, "", "", "", false};
            problem_.detail = ragged_row_detail(cells, cols_->count);
            return RowKind::bad;
        }
        if (bad_) return RowKind::bad;
        // Only Reception to Year 11 on a C or M enrolment count (docs/interfaces.md §4); the others are
        // reported and skipped, and the lookups below matter only for pupils that count.
        if (nursery_) return RowKind::nursery;
        if (year_ >= 12) return RowKind::post16;
        if (enrol_ == 'S') return RowKind::subsidiary;
        if (enrol_ == 'G') return RowKind::guest;
        if (last_school_ < 0) {
            problem(SetAsideReason::unknown_school, "urn", trimmed(last_urn_text_), true,
                    "is not in the school file " + opt_.schools);
            return RowKind::bad;
        }
        row_.school = last_school_;
        row_.year = year_;
        row_.group = year_ <= 6 ? 0 : 1;
        row_.band = -1;
        row_.no_lsoa = row_.above_f = false;
        if (lsoa_ != nullptr) {
            if (lsoa_state_ == LsoaState::unknown) {
                problem(SetAsideReason::unknown_lsoa, "lsoa", unknown_lsoa_, true,
                        "is not in the LSOA lookup " + opt_.idaci);
                return RowKind::bad;
            }
            // No matched home postcode: no IDACI band (docs/funding-model.md §2 and docs/interfaces.md §4);
            // reported in the summary.
            row_.no_lsoa = lsoa_state_ == LsoaState::blank;
            if (lsoa_band_ == IdaciBands::kNone)
                row_.above_f = true;
            else
                row_.band = lsoa_band_;
        }
        // Mobility (docs/interfaces.md §4, docs/interfaces.md §4): joined within the three years up to the
        // census date, in a month other than August or September; a Reception pupil joining in January is a
        // usual start.
        row_.mobile = row_.after_census = false;
        if (cols_->entry_date >= 0) {
            const int month = (entry_ / 100) % 100;
            row_.after_census = entry_ > opt_.census_date;
            row_.mobile = entry_ > three_years_before_ && entry_ <= opt_.census_date && month != 8 &&
                          month != 9 && !(year_ == 0 && month == 1);
        }
        return RowKind::counted;
    }

    const IngestOptions& opt_;
    const SchoolTable& schools_;
    IngestSummary& sum_;
    Mode mode_;
    const PupilColumns* cols_ = nullptr;
    const Role* role_ = nullptr;  // cols_->role's, and its size: 0 until start()
    const std::uint8_t* flag_of_ = nullptr;
    std::size_t columns_ = 0;
    const LsoaTable* lsoa_ = nullptr;
    std::vector<std::string> header_;
    std::vector<std::uint32_t> counts_;
    std::int32_t three_years_before_ = 0;

    // The row being read.
    bool bad_ = false;
    Problem problem_;
    std::uint64_t hash_ = 0;
    std::string upn_;  // kept only while looking for suspects (pass 2), for the exact comparison
    int year_ = 0;
    bool nursery_ = false;
    char enrol_ = 'C';
    std::int32_t entry_ = 0;
    LsoaState lsoa_state_ = LsoaState::blank;
    int lsoa_band_ = -1;
    std::string unknown_lsoa_;
    PupilRow row_;

    std::string last_urn_text_;
    bool have_last_urn_ = false;
    std::int32_t last_school_ = -1;
};

// The columns the output gets from the pupil file, given which pupil columns exist (all of them if
// `cols` is null: the columns the school file may not have).
std::vector<std::string> computed_columns(const PupilColumns* cols);

// The roles of the pupil file's columns from its header: upn, urn and nc_year required, the others
// optional; each optional measure that is absent is noted in `sum` (its output columns are not written).
PupilColumns pupil_columns(const CsvHeader& h, IngestSummary& sum);

}  // namespace fundsim::ingest_detail
