// allocations.csv (docs/interfaces.md §6): one row per school, its reported lines (Result::lines) in the
// contract's order. Every text cell from the inputs (ids, LAESTAB, name, area) goes through csv_text, so that
// a spreadsheet never runs it.
#include "reports/csv/csv_text.hpp"
#include "reports/format.hpp"
#include "reports/writers.hpp"

namespace fundsim {

std::string allocations_csv(const Result& r) {
    const Census& c = *r.census;
    const std::vector<ReportedLine> lines = r.lines();
    std::string out;
    out.reserve(c.size * 400);
    out += "urn,laestab,name,phase,status,area,nor";
    for (const auto& line : lines) out += "," + csv_text(line.id);
    out += ",flags\n";
    // Appended in place: a national file is a million cells, and a temporary string per cell cost more
    // than the calculation.
    for (std::size_t s = 0; s < c.size; ++s) {
        const Eigen::Index i = static_cast<Eigen::Index>(s);
        const bool base = c.has_baseline[i] > 0;
        out += std::to_string(c.urn[s]);
        out += ',';
        out += csv_text(c.laestab[s]);
        out += ',';
        out += csv_text(c.name[s]);
        out += ',';
        out += to_string(c.phase[s]);  // phase, status and flags are fundsim's own words, never input text
        out += ',';
        out += to_string(c.status[s]);
        out += ',';
        out += csv_text(c.area[s]);
        out += ',';
        out += count(c.nor[i]);
        for (const auto& line : lines) {
            out += ',';
            const double v = (*line.values)[i];
            switch (line.value) {
                case LineValue::money:
                    append_money(out, v);
                    break;
                case LineValue::money_if_baseline:
                    if (base) append_money(out, v);
                    break;
                case LineValue::fraction_if_baseline:
                    if (base) out += fraction6(v);
                    break;
            }
        }
        out += ',';
        out += r.flags(s);
        out += '\n';
    }
    return out;
}

}  // namespace fundsim
