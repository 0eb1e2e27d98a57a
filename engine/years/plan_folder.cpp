// Reading a plan's outputs back (engine/years/plan_folder.hpp; docs/multi-year.md §3).
#include "engine/years/plan_folder.hpp"

#include <algorithm>
#include <filesystem>

#include "engine/core/error.hpp"
#include "engine/core/number.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim {

namespace {

namespace fs = std::filesystem;

// plan.csv's columns that are figures (docs/multi-year.md §3); a blank cell (a first year's change, a new
// school's baseline) is no figure.
const char* const kPlanFigures[] = {"nor",
                                    "formula_total",
                                    "mppl_topup",
                                    "mfg_topup",
                                    "capping_deduction",
                                    "budget_share",
                                    "budget_share_per_pupil",
                                    "change",
                                    "change_per_pupil",
                                    "mfg_baseline_pupils",
                                    "mfg_baseline_funding"};

// allocations.csv's columns that are text, not figures.
bool text_column(const std::string& name) {
    return name == "urn" || name == "laestab" || name == "name" || name == "phase" || name == "status" ||
           name == "area" || name == "flags";
}

void put_figure(std::map<std::string, double>& values, const std::string& file, std::int64_t line,
                const std::string& column, std::string_view cell) {
    if (trim(cell).empty()) return;
    double v = 0;
    if (!parse_number(cell, v)) fail_at(file, line, column, cell, "is not a number");
    values.emplace(column, v);  // plan.csv's figure, read first, stands
}

// A plan year as plan.csv names it, "2026-27": it becomes a folder name, so nothing else is taken.
bool plan_year(std::string_view y) {
    if (y.size() != 7 || y[4] != '-') return false;
    for (std::size_t k = 0; k < y.size(); ++k)
        if (k != 4 && (y[k] < '0' || y[k] > '9')) return false;
    return true;
}

void add_ids(std::vector<std::string>& to, const std::vector<std::string>& names, int from, int to_end) {
    for (int c = from; c < to_end; ++c)
        if (std::find(to.begin(), to.end(), names[static_cast<std::size_t>(c)]) == to.end())
            to.push_back(names[static_cast<std::size_t>(c)]);
}

std::string plans_inside(const std::string& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_directory() && fs::exists(e.path() / "plan.csv"))
            names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

void read_plan_csv(PlanFolder& pf, std::map<std::int64_t, std::size_t>& row_of) {
    const std::string file = (fs::path(pf.dir) / "plan.csv").string();
    if (!fs::exists(file)) {
        const std::string inside = plans_inside(pf.dir);
        if (!inside.empty())
            fail(pf.dir + " has no plan.csv but holds the plans " + inside +
                 ": give the folder of one, e.g. --plan " +
                 (fs::path(pf.dir) / inside.substr(0, inside.find(','))).string());
        fail_line(file, 0, "is missing: --plan takes the folder `fundsim plan --out` wrote");
    }
    struct Columns {
        int year = 0, urn = 0, name = 0, phase = 0, status = 0, flags = 0;
        std::vector<std::pair<std::string, int>> figures;
    } col;
    read_csv_table(
        file, {"plan.csv's header", "school and year", "rows"},
        [&](const CsvHeader& h, const CsvRecord&) {
            col.year = h.require("year");
            col.urn = h.require("urn");
            col.name = h.require("name");
            col.phase = h.require("phase");
            col.status = h.require("status");
            col.flags = h.require("flags");
            for (const char* f : kPlanFigures) col.figures.emplace_back(f, h.require(f));
        },
        [&](const CsvRecord& rec) {
            auto cell = [&](int c) { return rec.fields[static_cast<std::size_t>(c)]; };
            const std::string_view year = trim(cell(col.year));
            if (!plan_year(year))
                fail_at(file, rec.line, "year", cell(col.year), "is not a plan year (2026-27)");
            auto y = std::find(pf.years.begin(), pf.years.end(), year);
            if (y == pf.years.end()) {
                pf.years.emplace_back(year);
                for (PlanSchool& s : pf.schools) s.years.emplace_back();
                y = pf.years.end() - 1;
            }
            std::int64_t urn = 0;
            if (!parse_integer(cell(col.urn), urn) || urn <= 0)
                fail_at(file, rec.line, "urn", cell(col.urn), "is not a positive whole number");
            auto [it, fresh] = row_of.emplace(urn, pf.schools.size());
            if (fresh) {
                pf.schools.emplace_back();
                pf.schools.back().urn = urn;
                pf.schools.back().years.resize(pf.years.size());
            }
            PlanSchool& s = pf.schools[it->second];
            PlanSchoolYear& sy = s.years[static_cast<std::size_t>(y - pf.years.begin())];
            if (sy.present)
                fail_at(file, rec.line, "urn", cell(col.urn), "is given twice for " + std::string(year));
            sy.present = true;
            s.name = std::string(cell(col.name));  // the latest year's: rows come year by year
            if (!parse_phase(cell(col.phase), sy.phase))
                fail_at(file, rec.line, "phase", cell(col.phase), "is not a phase fundsim writes");
            if (!parse_status(cell(col.status), sy.status))
                fail_at(file, rec.line, "status", cell(col.status), "is not a status fundsim writes");
            sy.flags = std::string(trim(cell(col.flags)));
            for (const auto& [name, c] : col.figures) put_figure(sy.value, file, rec.line, name, cell(c));
            for (const char* must : {"nor", "formula_total", "budget_share", "budget_share_per_pupil"})
                if (!sy.value.count(must))
                    fail_at(file, rec.line, must, "", "is blank: every school and year of a plan has it");
        });
}

std::string allocations_of(const std::string& dir, const std::string& year) {
    const fs::path alone = fs::path(dir) / year / "allocations.csv";
    if (fs::exists(alone)) return alone.string();
    const fs::path in_budget = fs::path(dir) / year / "schools" / "allocations.csv";
    if (fs::exists(in_budget)) return in_budget.string();
    fail_line(
        alone.string(), 0,
        "is missing (nor is " + in_budget.string() + "): the plan's year " + year + " has no allocations");
}

void read_year(PlanFolder& pf, std::size_t t, const std::map<std::int64_t, std::size_t>& row_of) {
    const std::string file = allocations_of(pf.dir, pf.years[t]);
    std::vector<std::string> names;
    int urn_col = 0;
    read_csv_table(
        file, {"allocations.csv's header", "school", "schools"},
        [&](const CsvHeader& h, const CsvRecord&) {
            names = h.names();
            urn_col = h.require("urn");
            const int nor = h.require("nor"), total = h.require("formula_total");
            const int per_pupil = h.require("budget_share_per_pupil"), flags = h.require("flags");
            const int delegated = h.require("delegated_budget");
            const int sen = h.find("notional_sen") >= 0 ? h.find("notional_sen") : flags;
            add_ids(pf.ids.factors, names, nor + 1, total);
            add_ids(pf.ids.de_delegation, names, per_pupil + 1, delegated);
            add_ids(pf.ids.grants, names, delegated + 1, sen);
        },
        [&](const CsvRecord& rec) {
            const std::string_view u = rec.fields[static_cast<std::size_t>(urn_col)];
            std::int64_t urn = 0;
            if (!parse_integer(u, urn) || urn <= 0)
                fail_at(file, rec.line, "urn", u, "is not a positive whole number");
            const auto r = row_of.find(urn);
            if (r == row_of.end() || !pf.schools[r->second].years[t].present)
                fail_at(file, rec.line, "urn", u, "has no row for " + pf.years[t] + " in plan.csv");
            std::map<std::string, double>& values = pf.schools[r->second].years[t].value;
            for (std::size_t c = 0; c < names.size(); ++c)
                if (!text_column(names[c])) put_figure(values, file, rec.line, names[c], rec.fields[c]);
        });
}

}  // namespace

PlanFolder read_plan_folder(const std::string& dir) {
    PlanFolder pf;
    pf.dir = dir;
    std::map<std::int64_t, std::size_t> row_of;
    read_plan_csv(pf, row_of);
    for (std::size_t t = 0; t < pf.years.size(); ++t) read_year(pf, t, row_of);
    std::sort(pf.schools.begin(), pf.schools.end(),
              [](const PlanSchool& a, const PlanSchool& b) { return a.urn < b.urn; });
    return pf;
}

}  // namespace fundsim
