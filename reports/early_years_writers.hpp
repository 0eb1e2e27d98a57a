// The writers of `fundsim early-years` (docs/early-years.md §3): payments.csv, providers.csv, summary.json,
// the printed summary and the provider statements. Each lives in its format's folder (csv/, json/, text/,
// html/).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/early_years/early_years.hpp"
#include "reports/manifest.hpp"

namespace fundsim {

// payments.csv: one row per provider and term (provider, name, type, term, hours_u2, hours_two,
// hours_three_four, base, one column per supplement, nursery_school_supp, eypp, daf, total), and
// providers.csv: one row per provider, the year's totals of the same columns without term
// (reports/csv/ey_payments_csv.cpp).
std::string ey_payments_csv(const EyResult& r);
std::string ey_providers_csv(const EyResult& r);

// The inputs of a run, hashed (the manifest of summary.json).
struct EyInputs {
    ManifestFile formula, providers, hours;
};

// summary.json: allocation by group, payments by group and line, central lines, pass-through, supplement
// share and cap, the base rate paid (and whether solved), headroom, the section 251 lines, the inputs
// (reports/json/ey_summary_json.cpp).
nlohmann::ordered_json ey_summary_json(const EyResult& r, const EyInputs& inputs);
// Parts of summary.json that `compare --early-years` repeats per option: the base rate paid by group, the
// pass-through test, the supplement share and cap.
nlohmann::ordered_json ey_base_rate_json(const EyResult& r);
nlohmann::ordered_json ey_pass_through_json(const EyPassThrough& pt);
nlohmann::ordered_json ey_supplement_share_json(const EySupplementShare& ss);

// What `fundsim early-years` prints: the rate (solved or given), pass-through pass or fail with the
// shortfall, headroom, supplement share (reports/text/ey_summary_text.cpp).
std::string ey_summary_text(const EyResult& r);

// One provider's statement (hours by term and entitlement group, rates, supplements, EYPP, DAF, total) and
// the index linking them: printable pages in the school statements' style
// (reports/html/ey_statement_html.cpp).
std::string ey_statement_html(const EyResult& r, std::size_t provider);
std::string ey_statements_index_html(const EyResult& r);
// The statement's file name: "<row>-<id>.html", the id's characters other than letters, digits, - and _
// replaced by _ (an id is the user's text; the row number keeps the names apart).
std::string ey_statement_file(const EyResult& r, std::size_t provider);

}  // namespace fundsim
