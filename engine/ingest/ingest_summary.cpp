// The ingest summary as text (counts with thousands separators) and the set-aside rows as CSV.
#include "engine/ingest/ingest_summary.hpp"

#include "engine/io/csv_reader.hpp"

namespace fundsim {

namespace {

std::string with_commas(std::int64_t v) {
    std::string d = std::to_string(v < 0 ? -v : v), out;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (i > 0 && (d.size() - i) % 3 == 0) out += ',';
        out += d[i];
    }
    return (v < 0 ? "-" : "") + out;
}

}  // namespace

std::string set_aside_csv(const IngestSummary& s) {
    std::string out = "line,reason,detail\n";
    for (const auto& r : s.set_aside) {
        out +=
            std::to_string(r.line) + ',' + csv_quote(to_string(r.reason)) + ',' + csv_quote(r.detail) + '\n';
    }
    return out;
}

std::string ingest_summary_text(const IngestSummary& s) {
    std::string t;
    auto line = [&t](const std::string& label, std::int64_t v) { t += label + ": " + with_commas(v) + "\n"; };
    line("Pupil rows read (" + s.pupils_file + ")", s.rows_read);
    line("Counted (Reception to Year 11, enrolment C or M)", s.counted);
    t += "Skipped (not funded through the schools block):\n";
    line("  nursery, N1 and N2", s.skipped_nursery);
    line("  Years 12 to 14", s.skipped_post16);
    line("  subsidiary dual registrations (S)", s.skipped_subsidiary);
    line("  guest enrolments (G)", s.skipped_guest);
    line("Set aside (bad rows, listed by line number)", static_cast<std::int64_t>(s.set_aside.size()));
    for (int r = 0; r < kSetAsideReasons; ++r)
        if (s.set_aside_by_reason[static_cast<std::size_t>(r)] > 0)
            line(std::string("  ") + to_string(static_cast<SetAsideReason>(r)),
                 s.set_aside_by_reason[static_cast<std::size_t>(r)]);
    if (s.no_lsoa > 0) line("Counted pupils with no LSOA (no IDACI band)", s.no_lsoa);
    if (s.above_band_f > 0)
        line("Counted pupils in LSOAs ranked above band F (no IDACI band)", s.above_band_f);
    if (s.entry_after_census > 0)
        line("Counted pupils with an entry date after the census date (not mobile)", s.entry_after_census);
    if (s.fsm_not_fsm6 > 0) line("Counted pupils with fsm 1 but fsm6 0 (counted as given)", s.fsm_not_fsm6);
    for (const auto& m : s.measures_not_written) t += "Not in the pupil file, so not written: " + m + "\n";
    t += "Schools: " + with_commas(static_cast<std::int64_t>(s.schools_in_file)) + " in " + s.schools_file +
         ", " + with_commas(static_cast<std::int64_t>(s.schools_written)) + " written";
    if (!s.schools_without_pupils.empty()) {
        t += "; " + with_commas(static_cast<std::int64_t>(s.schools_without_pupils.size())) +
             " with no counted pupils not written (URN";
        for (std::size_t i = 0; i < s.schools_without_pupils.size() && i < 10; ++i)
            t += (i == 0 ? " " : ", ") + std::to_string(s.schools_without_pupils[i]);
        if (s.schools_without_pupils.size() > 10) t += ", ...";
        t += ")";
    }
    t += "\n";
    return t;
}

}  // namespace fundsim
