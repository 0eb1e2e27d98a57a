// Rolling a census forward a year (engine/years/project_census.hpp; docs/multi-year.md §1-§2).
#include "engine/years/project_census.hpp"

#include <charconv>
#include <cmath>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/core/number.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim {

namespace {

int column_of(const Census& c, const std::string& name) {
    for (std::size_t j = 0; j < c.columns.size(); ++j)
        if (c.columns[j] == name) return static_cast<int>(j);
    return -1;
}

// Shortest text that reads back as the same double ("30", "29.7", "4384.2364532019704").
void append_number(std::string& out, double v) {
    if (v == 0) v = 0;  // never "-0"
    char b[64];
    const auto res = std::to_chars(b, b + sizeof b, v);
    out.append(b, res.ptr);
}

bool ends_with(const std::string& s, const char* suffix) {
    const std::string t(suffix);
    return s.size() > t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

double ratio_or_zero(double next, double now) { return now > 0 ? next / now : 0; }

// The default year groups of a new school by phase (docs/funding-model.md §2); a middle school's must
// be given in the intake file.
CohortSpan new_school_span(Phase ph, const IntakeRow& row, const std::string& file) {
    double yg[3] = {0, 0, 0};
    switch (ph) {
        case Phase::primary:
            yg[0] = 7;
            break;
        case Phase::secondary:
            yg[1] = 3, yg[2] = 2;
            break;
        case Phase::all_through:
            yg[0] = 7, yg[1] = 3, yg[2] = 2;
            break;
        case Phase::middle:
            yg[0] = yg[1] = yg[2] = -1;
            break;
    }
    const char* names[3] = {"primary_year_groups", "ks3_year_groups", "ks4_year_groups"};
    for (const auto& [col, text] : row.attributes)
        for (int k = 0; k < 3; ++k)
            if (col == names[k] && !parse_number(text, yg[k]))
                fail_at(file, row.line, col, text, "is not a whole number of year groups");
    for (int k = 0; k < 3; ++k)
        if (yg[k] < 0)
            fail_at(file, row.line, names[k], "",
                    "is needed for a new middle school (its year groups cannot be assumed)");
    return cohort_span(yg[0], yg[1], yg[2]);
}

}  // namespace

Projection project_pupils(const Census& c, const ProjectionRule& rule, const std::string& year) {
    int col[12];
    for (std::size_t g = 0; g < 12; ++g) {
        col[g] = column_of(c, kYearColumns[g]);
        if (col[g] < 0)
            throw Error(Where{.file = c.file, .line = 1, .column = kYearColumns[g]},
                        "is missing from the header: projecting the census cohort by cohort needs pupils by "
                        "year group, nor_r … nor_y11");
    }
    Projection p;
    p.year = year;
    for (std::size_t i = 0; i < c.size; ++i) {
        const auto e = static_cast<Eigen::Index>(i);
        YearCounts now{};
        for (std::size_t g = 0; g < 12; ++g) {
            const std::string_view cell = c.cells[static_cast<std::size_t>(col[g])][i];
            if (!parse_number(cell, now[g]) || now[g] < 0)
                fail_at(c.file, c.line[i], kYearColumns[g], cell, "is not a pupil count (a number from 0)");
        }
        const CohortSpan span = cohort_span_of(now, c.yg_primary[e], c.yg_ks3[e], c.yg_ks4[e]);
        const IntakeRow* given = rule.intakes ? rule.intakes->find(year, c.urn[i]) : nullptr;
        const double intake =
            given ? given->intake : now[static_cast<std::size_t>(span.first)] * (1 + rule.intake_change);
        ProjectedSchool s;
        s.source = static_cast<long>(i);
        s.urn = c.urn[i];
        s.phase = c.phase[i];
        s.pupils = roll_cohorts(now, span, rule.ratios->for_school(c.urn[i]), intake);
        double total = 0;
        for (double v : s.pupils) total += v;
        if (total <= 0) {
            p.closed.push_back(s.urn);
            continue;
        }
        p.pupils += total;
        p.schools.push_back(s);
    }
    // Schools opening: an intake row for a URN the census does not hold, with its phase.
    if (rule.intakes) {
        const auto y = rule.intakes->by_year.find(year);
        if (y != rule.intakes->by_year.end())
            for (const auto& [urn, row] : y->second) {
                if (c.index_of(urn) >= 0) continue;
                std::string phase_text;
                for (const auto& [k, v] : row.attributes)
                    if (k == "phase") phase_text = v;
                ProjectedSchool s;
                if (phase_text.empty() || !parse_phase(phase_text, s.phase))
                    fail_at(rule.intakes->file, row.line, "phase", phase_text,
                            "is needed: URN " + std::to_string(urn) +
                                " is not in the census, so it opens in " + year +
                                " and needs its phase (primary, secondary, middle or all_through)");
                for (const auto& [k, v] : row.attributes)
                    if (column_of(c, k) < 0)
                        fail_at(
                            rule.intakes->file, row.line, k, v,
                            "is not a column of the census: a new school's attributes are census columns");
                const CohortSpan span = new_school_span(s.phase, row, rule.intakes->file);
                s.urn = urn;
                s.opening = &row;
                s.pupils[static_cast<std::size_t>(span.first)] = row.intake;
                if (row.intake <= 0)
                    fail_at(rule.intakes->file, row.line, "intake", "0",
                            "is 0: a school opening needs pupils");
                p.pupils += row.intake;
                p.schools.push_back(s);
            }
    }
    return p;
}

double chained_baseline_funding(const Result& r, std::size_t i, const BaselineRule& b) {
    const auto e = static_cast<Eigen::Index>(i);
    double funding = r.budget_share.amount[e];
    for (const std::string& id : b.excludes) {
        const int f = r.formula->factor_index(id);
        if (f >= 0) funding -= r.factors.amount[static_cast<std::size_t>(f)][e];
    }
    const Census& c = *r.census;
    funding += b.addition_primary * c.nor_primary[e] + b.addition_secondary * (c.nor_ks3[e] + c.nor_ks4[e]);
    return funding;
}

std::string projected_census_csv(const Result& r, const Projection& p, const BaselineRule& b) {
    const Census& c = *r.census;
    std::vector<std::string> header = c.columns;
    for (const char* add : {"mfg_baseline_pupils", "mfg_baseline_funding", "prior_year_budget"})
        if (column_of(c, add) < 0) header.emplace_back(add);

    std::string out;
    out.reserve(c.size * 256 + 1024);
    for (std::size_t j = 0; j < header.size(); ++j) {
        if (j) out += ',';
        out += csv_quote(header[j]);
    }
    out += '\n';

    // What each column does, decided once from its name (a national census has a million cells).
    enum class Role {
        keep,
        year_group,
        urn,
        phase,
        status,
        nor_ks,
        baseline_pupils,
        baseline_funding,
        prior_budget,
        growing,
        group_share,
        all_pupils_share,
        reception_share,
        premises,
        label
    };
    std::vector<Role> role(header.size(), Role::keep);
    std::vector<int> index(header.size(), 0);  // the year group, or the key stage (0 primary, 1 KS3, 2 KS4)
    std::vector<bool> secondary(header.size(), false);
    int nor_r = -1;
    for (std::size_t j = 0; j < header.size(); ++j) {
        const std::string& name = header[j];
        for (int g = 0; g < 12; ++g)
            if (name == kYearColumns[g]) role[j] = Role::year_group, index[j] = g;
        if (name == "nor_r") nor_r = static_cast<int>(j);
        if (role[j] == Role::year_group) continue;
        if (name == "urn")
            role[j] = Role::urn;
        else if (name == "phase")
            role[j] = Role::phase;
        else if (name == "status")
            role[j] = Role::status;
        else if (name == "nor_primary" || name == "nor_ks3" || name == "nor_ks4")
            role[j] = Role::nor_ks, index[j] = name == "nor_primary" ? 0 : name == "nor_ks3" ? 1 : 2;
        else if (name == "mfg_baseline_pupils")
            role[j] = Role::baseline_pupils;
        else if (name == "mfg_baseline_funding")
            role[j] = Role::baseline_funding;
        else if (name == "prior_year_budget")
            role[j] = Role::prior_budget;
        else if (name == "growing")
            role[j] = Role::growing;
        else if (ends_with(name, "_primary") || ends_with(name, "_secondary"))
            role[j] = Role::group_share, secondary[j] = ends_with(name, "_secondary");
        else if (name == "pp_plac" || name == "pp_service")
            role[j] = Role::all_pupils_share;
        else if (name == "reception_uplift")
            role[j] = Role::reception_share;
        else if (name == "rates" || name == "pfi" || name == "exceptional")
            role[j] = Role::premises;
        else if (name == "laestab" || name == "name" || name == "area" || name == "primary_year_groups" ||
                 name == "ks3_year_groups" || name == "ks4_year_groups")
            role[j] = Role::label;
    }

    for (const ProjectedSchool& s : p.schools) {
        const bool fresh = s.source < 0;
        const auto i = static_cast<std::size_t>(fresh ? 0 : s.source);
        const auto e = static_cast<Eigen::Index>(i);
        double ks[3] = {0, 0, 0};
        for (std::size_t g = 0; g < 12; ++g) ks[g < 7 ? 0 : g < 10 ? 1 : 2] += s.pupils[g];
        const double nor = ks[0] + ks[1] + ks[2];
        for (std::size_t j = 0; j < header.size(); ++j) {
            if (j) out += ',';
            // The cell this year (blank for a column added above or for a new school).
            std::string_view now;
            if (!fresh && j < c.columns.size()) now = c.cells[j][i];
            if (fresh && s.opening)
                for (const auto& [k, v] : s.opening->attributes)
                    if (k == header[j]) now = v;
            const Role ro = role[j];
            if (ro == Role::year_group) {
                append_number(out, s.pupils[static_cast<std::size_t>(index[j])]);
            } else if (ro == Role::urn) {
                out += std::to_string(s.urn);
            } else if (ro == Role::phase && fresh) {
                out += to_string(s.phase);
            } else if (ro == Role::status && !fresh && b.academies && b.academies->count(s.urn)) {
                out += "academy";  // converted: an academy from the start of the year (docs/multi-year.md §1)
            } else if (ro == Role::status && fresh && trim(now).empty()) {
                out += "academy";  // a school opening now is a free school: an academy (docs/multi-year.md)
            } else if (ro == Role::nor_ks) {
                append_number(out, ks[index[j]]);
            } else if (ro == Role::baseline_pupils) {
                if (!fresh) append_number(out, c.nor[e]);
            } else if (ro == Role::baseline_funding) {
                if (!fresh) append_number(out, chained_baseline_funding(r, i, b));
            } else if (ro == Role::prior_budget) {
                if (!fresh) append_number(out, r.budget_share.amount[e]);
            } else if (ro == Role::growing && fresh && trim(now).empty()) {
                out += '1';  // a new school fills its year groups: not capped while it grows
            } else if (fresh) {
                // A new school's other cells: as its intake row gives them, else 0 for numbers and blank for
                // the labels.
                if (!trim(now).empty())
                    out += csv_quote(now);
                else if (ro != Role::label)
                    out += '0';
            } else {
                double v = 0;
                const bool number = ro != Role::keep && ro != Role::label && parse_number(now, v);
                if (number && ro == Role::group_share) {
                    // A characteristic keeps its share of its group's pupils (docs/multi-year.md §1).
                    append_number(
                        out, v * (secondary[j] ? ratio_or_zero(ks[1] + ks[2], c.nor_ks3[e] + c.nor_ks4[e])
                                               : ratio_or_zero(ks[0], c.nor_primary[e])));
                } else if (number && ro == Role::all_pupils_share) {
                    append_number(out, v * ratio_or_zero(nor, c.nor[e]));
                } else if (number && ro == Role::reception_share) {
                    double r_now = 0;
                    parse_number(c.cells[static_cast<std::size_t>(nor_r)][i], r_now);
                    append_number(out, v * ratio_or_zero(s.pupils[0], r_now));
                } else if (number && ro == Role::premises) {
                    append_number(out, round_penny(v * (1 + b.premises)));
                } else {
                    out += csv_quote(now);
                }
            }
        }
        out += '\n';
    }
    return out;
}

}  // namespace fundsim
