// The pupil sink's cold paths: a bad row's problem (a UPN-shaped value withheld), the roles of the pupil
// file's columns from its header, and the output columns they give.
#include "engine/ingest/pupil_sink.hpp"

namespace fundsim::ingest_detail {

Where where_of(const std::string& file, std::int64_t line, const Problem& p) {
    Where w;
    w.file = file;
    w.line = line;
    w.column = p.column;
    w.value = p.value;
    w.has_value = p.has_value;
    return w;
}

void PupilSink::problem(SetAsideReason reason, const char* column, std::string_view value, bool show,
                        const char* detail) {
    problem(reason, column, value, show, std::string(detail));
}

void PupilSink::problem(SetAsideReason reason, const char* column, std::string_view value, bool show,
                        std::string detail) {
    bad_ = true;
    problem_.reason = reason;
    problem_.column = column;
    // A value shaped like a UPN is withheld whatever its column (a file with swapped columns).
    problem_.has_value = show && !looks_like_upn(value);
    problem_.value = problem_.has_value ? std::string(value) : std::string();
    problem_.detail = std::move(detail);
    if (show && !problem_.has_value) problem_.detail += " (value withheld: it has the shape of a UPN)";
}

PupilColumns pupil_columns(const CsvHeader& h, IngestSummary& sum) {
    PupilColumns cols;
    cols.upn = h.require("upn", "the pupil identifier, used only to check that no pupil is counted twice");
    cols.urn = h.require("urn", "the pupil's school");
    cols.nc_year = h.require("nc_year", "N1, N2, R, 1 ... 14");
    cols.enrolment = h.find("enrolment");
    cols.lsoa = h.find("lsoa");
    cols.entry_date = h.find("entry_date");
    for (int k = 0; k < kFlags; ++k) cols.flag[static_cast<std::size_t>(k)] = h.find(kFlagNames[k]);
    cols.count = h.size();
    cols.role.assign(cols.count, Role::none);
    cols.flag_of.assign(cols.count, 0);
    cols.role[static_cast<std::size_t>(cols.upn)] = Role::upn;
    cols.role[static_cast<std::size_t>(cols.urn)] = Role::urn;
    cols.role[static_cast<std::size_t>(cols.nc_year)] = Role::nc_year;
    if (cols.enrolment >= 0) cols.role[static_cast<std::size_t>(cols.enrolment)] = Role::enrolment;
    if (cols.lsoa >= 0) cols.role[static_cast<std::size_t>(cols.lsoa)] = Role::lsoa;
    if (cols.entry_date >= 0) cols.role[static_cast<std::size_t>(cols.entry_date)] = Role::entry_date;
    for (int k = 0; k < kFlags; ++k) {
        const int ci = cols.flag[static_cast<std::size_t>(k)];
        if (ci < 0) {
            sum.measures_not_written.emplace_back(kFlagNames[k]);
            continue;
        }
        cols.role[static_cast<std::size_t>(ci)] = Role::flag;
        cols.flag_of[static_cast<std::size_t>(ci)] = static_cast<std::uint8_t>(k);
    }
    if (cols.lsoa < 0) sum.measures_not_written.emplace_back("lsoa (idaci_a ... idaci_f)");
    if (cols.entry_date < 0) sum.measures_not_written.emplace_back("entry_date (mobility)");
    return cols;
}

std::vector<std::string> computed_columns(const PupilColumns* cols) {
    std::vector<std::string> out = {"nor_primary", "nor_ks3", "nor_ks4"};
    for (const char* y : kYearColumns) out.emplace_back(y);
    auto pair = [&out](const std::string& m) {
        out.push_back(m + "_primary");
        out.push_back(m + "_secondary");
    };
    const bool all = cols == nullptr;
    if (all || cols->flag[kFsm] >= 0) pair("fsm");
    if (all || cols->flag[kFsm6] >= 0) pair("fsm6");
    if (all || cols->lsoa >= 0)
        for (char b = 'a'; b <= 'f'; ++b) pair(std::string("idaci_") + b);
    if (all || cols->flag[kLpa] >= 0) pair("lpa");
    if (all || cols->flag[kEal3] >= 0) pair("eal3");
    if (all || cols->entry_date >= 0) pair("mobility");
    if (all || cols->flag[kPpEver6] >= 0) pair("pp_ever6");
    if (all || cols->flag[kPpPlac] >= 0) out.emplace_back("pp_plac");
    if (all || cols->flag[kPpService] >= 0) out.emplace_back("pp_service");
    return out;
}

}  // namespace fundsim::ingest_detail
