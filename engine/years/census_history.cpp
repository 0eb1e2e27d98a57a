// Survival ratios from past censuses (engine/years/census_history.hpp; docs/multi-year.md §1).
#include "engine/years/census_history.hpp"

#include <cmath>
#include <limits>
#include <set>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/core/error.hpp"
#include "engine/core/number.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim {

namespace {

// "2023-24" or "2023": the census's academic year by its first calendar year.
bool parse_history_year(std::string_view text, int& year) {
    text = trim(text);
    std::int64_t v = 0;
    if (text.size() == 7 && text[4] == '-') {
        std::int64_t next = 0;
        if (!parse_integer(text.substr(0, 4), v) || !parse_integer(text.substr(5, 2), next) ||
            next != (v + 1) % 100)
            return false;
    } else if (!parse_integer(text, v)) {
        return false;
    }
    if (v < 1900 || v > 2200) return false;
    year = static_cast<int>(v);
    return true;
}

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

}  // namespace

StepRatios CohortRatios::for_school(std::int64_t urn) const {
    StepRatios r = la;
    const auto it = by_school.find(urn);
    if (it == by_school.end()) return r;
    for (std::size_t g = 0; g < r.size(); ++g)
        if (!std::isnan(it->second[g])) r[g] = it->second[g];
    return r;
}

CohortRatios uniform_ratios(double ratio) {
    CohortRatios c;
    c.la.fill(ratio);
    return c;
}

CohortRatios load_census_history(const std::string& path, int mean_of) {
    std::map<std::int64_t, std::map<int, YearCounts>> counts;  // urn → year → pupils by year group
    std::map<std::pair<std::int64_t, int>, std::int64_t> line_of;
    std::size_t year_col = 0, urn_col = 0;
    std::array<std::size_t, 12> cols{};
    read_csv_table(
        path, {"a header year,urn,nor_r,…,nor_y11", "school and year", "schools"},
        [&](const CsvHeader& h, const CsvRecord&) {
            year_col = static_cast<std::size_t>(h.require("year", "the census's year"));
            urn_col = static_cast<std::size_t>(h.require("urn", "the school"));
            for (std::size_t g = 0; g < 12; ++g)
                cols[g] = static_cast<std::size_t>(h.require(kYearColumns[g], "pupils by year group"));
        },
        [&](const CsvRecord& rec) {
            int year = 0;
            if (!parse_history_year(rec.fields[year_col], year))
                fail_at(path, rec.line, "year", rec.fields[year_col],
                        "is not a year such as 2023-24 or 2023");
            std::int64_t urn = 0;
            if (!parse_integer(rec.fields[urn_col], urn) || urn <= 0)
                fail_at(path, rec.line, "urn", rec.fields[urn_col], "is not a positive whole number");
            const auto [it, fresh] = line_of.emplace(std::make_pair(urn, year), rec.line);
            if (!fresh)
                fail_at(path, rec.line, "urn", rec.fields[urn_col],
                        "is given twice for this year: also on line " + std::to_string(it->second));
            YearCounts& yc = counts[urn][year];
            for (std::size_t g = 0; g < 12; ++g) {
                double v = 0;
                if (!parse_number(rec.fields[cols[g]], v) || v < 0 || v > 100000)
                    fail_at(path, rec.line, kYearColumns[g], rec.fields[cols[g]],
                            "is not a pupil count (a number from 0)");
                yc[g] = v;
            }
        });

    // The steps averaged: the last `mean_of` of the file's years, each from the year before.
    std::set<int> years;
    for (const auto& [urn, by_year] : counts)
        for (const auto& [y, c] : by_year) years.insert(y);
    std::set<int> window;  // the later year of each step in the window
    for (auto it = years.rbegin(); it != years.rend() && static_cast<int>(window.size()) < mean_of; ++it)
        window.insert(*it);

    CohortRatios out;
    std::array<double, 11> la_sum{}, la_n{};
    for (const auto& [urn, by_year] : counts) {
        std::array<double, 11> sum{}, n{};
        for (int later : window) {
            const auto a = by_year.find(later - 1), b = by_year.find(later);
            if (a == by_year.end() || b == by_year.end()) continue;
            for (std::size_t g = 0; g < 11; ++g) {
                if (a->second[g] <= 0) continue;
                const double r = b->second[g + 1] / a->second[g];
                sum[g] += r;
                n[g] += 1;
                la_sum[g] += r;
                la_n[g] += 1;
            }
        }
        StepRatios mine;
        for (std::size_t g = 0; g < 11; ++g) mine[g] = n[g] > 0 ? sum[g] / n[g] : kNone;
        out.by_school[urn] = mine;
    }
    for (std::size_t g = 0; g < 11; ++g) out.la[g] = la_n[g] > 0 ? la_sum[g] / la_n[g] : 1.0;
    return out;
}

}  // namespace fundsim
