// Year groups and past censuses for a synthetic LA (engine/synth/synth_history.hpp).
#include "engine/synth/synth_history.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/io/csv_reader.hpp"
#include "engine/synth/rng.hpp"
#include "engine/years/cohort.hpp"

namespace fundsim {

namespace {

// `total` whole pupils over the year groups [first, last] by uneven weights: each group's share floored,
// the pupils left over to the largest remainders, so the groups add up to `total` exactly.
void split(double total, int first, int last, Rng& rng, YearCounts& out) {
    if (last < first) return;
    const auto n = static_cast<std::size_t>(last - first + 1);
    std::vector<double> w(n);
    for (double& x : w) x = std::max(0.5, 1 + 0.05 * rng.normal());
    const double sum = std::accumulate(w.begin(), w.end(), 0.0);
    const auto whole = static_cast<long long>(std::llround(total));
    std::vector<std::pair<double, std::size_t>> rem(n);
    long long given = 0;
    for (std::size_t k = 0; k < n; ++k) {
        const double exact = static_cast<double>(whole) * w[k] / sum;
        const double fl = std::floor(exact);
        out[static_cast<std::size_t>(first) + k] = fl;
        given += static_cast<long long>(fl);
        rem[k] = {exact - fl, k};
    }
    std::sort(rem.begin(), rem.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (std::size_t k = 0; given < whole; ++k, ++given)
        out[static_cast<std::size_t>(first) + rem[k % n].second] += 1;
}

std::string academic_year(int first) {
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d", first, (first + 1) % 100);
    return b;
}

void append_counts(std::string& out, const YearCounts& c) {
    for (double v : c) out += "," + std::to_string(static_cast<long long>(v));
}

}  // namespace

SynthHistory synth_year_groups(const std::string& census_csv, std::uint64_t seed, int years,
                               int census_year) {
    const Census c = census_from_csv_text(census_csv, "synthetic census");
    Rng rng(seed ^ 0x5eed4157021ULL);
    SynthHistory out;
    std::string header;
    for (std::size_t j = 0; j < c.columns.size(); ++j) header += (j ? "," : "") + csv_quote(c.columns[j]);
    for (const char* y : kYearColumns) header += std::string(",") + y;
    out.census_csv = header + "\n";
    out.history_csv = "year,urn";
    for (const char* y : kYearColumns) out.history_csv += std::string(",") + y;
    out.history_csv += "\n";
    std::vector<std::string> history_rows;
    for (std::size_t i = 0; i < c.size; ++i) {
        const auto e = static_cast<Eigen::Index>(i);
        const CohortSpan span = cohort_span(c.yg_primary[e], c.yg_ks3[e], c.yg_ks4[e]);
        YearCounts now{};
        // Primary years are the span's part up to Y6, KS3 up to Y9, KS4 the rest.
        split(c.nor_primary[e], span.first, std::min(span.last, 6), rng, now);
        split(c.nor_ks3[e], std::max(span.first, 7), std::min(span.last, 9), rng, now);
        split(c.nor_ks4[e], std::max(span.first, 10), span.last, rng, now);
        std::string row;
        for (std::size_t j = 0; j < c.columns.size(); ++j) row += (j ? "," : "") + csv_quote(c.cells[j][i]);
        append_counts(row, now);
        out.census_csv += row + "\n";

        // Back in time: a cohort in year group g + 1 a year later was in g, divided by a survival ratio
        // near 1; the entry and last year groups drift a little.
        YearCounts later = now;
        std::vector<std::string> rows{academic_year(census_year) + "," + std::to_string(c.urn[i])};
        append_counts(rows.back(), now);
        for (int k = 1; k <= years; ++k) {
            YearCounts before{};
            for (int g = span.first; g <= span.last; ++g) {
                const auto u = static_cast<std::size_t>(g);
                const double ratio = std::clamp(0.995 + 0.015 * rng.normal(), 0.95, 1.05);
                const double v = g < span.last ? later[u + 1] / ratio : later[u] * (1 + 0.03 * rng.normal());
                before[u] = std::max(0.0, std::round(v));
            }
            rows.push_back(academic_year(census_year - k) + "," + std::to_string(c.urn[i]));
            append_counts(rows.back(), before);
            later = before;
        }
        for (auto it = rows.rbegin(); it != rows.rend(); ++it) history_rows.push_back(*it);
    }
    for (const std::string& r : history_rows) out.history_csv += r + "\n";
    return out;
}

}  // namespace fundsim
