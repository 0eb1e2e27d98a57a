// Census loading and checking (docs/interfaces.md §1): keys, phases, pupil numbers in either layout, year
// groups, MFG baselines; other columns are converted to numbers when a formula needs them.
#include "engine/census/census.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/core/number.hpp"
#include "engine/io/csv_cell_reader.hpp"
#include "engine/io/csv_reader.hpp"

namespace fundsim {

namespace {

// A school with more pupils than this is a typing or export error, not a school.
constexpr double kMaxPupils = 100000.0;

std::string lower(std::string_view v) {
    std::string s(trim(v));
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

const char* const kCharacteristics[] = {"fsm",     "fsm6",    "idaci_a", "idaci_b", "idaci_c",  "idaci_d",
                                        "idaci_e", "idaci_f", "lpa",     "eal3",    "mobility", "pp_ever6"};

bool is_count_like(const std::string& column) {
    return column.rfind("nor", 0) == 0 || column.find("year_groups") != std::string::npos;
}

}  // namespace

std::string phase_label(Phase p) {
    switch (p) {
        case Phase::primary:
            return "Primary";
        case Phase::secondary:
            return "Secondary";
        case Phase::middle:
            return "Middle";
        case Phase::all_through:
            return "All-through";
    }
    return "";
}

const char* to_string(Phase p) {
    switch (p) {
        case Phase::primary:
            return "primary";
        case Phase::secondary:
            return "secondary";
        case Phase::middle:
            return "middle";
        case Phase::all_through:
            return "all_through";
    }
    return "?";
}

const char* to_string(Status s) { return s == Status::maintained ? "maintained" : "academy"; }

bool parse_phase(std::string_view text, Phase& out) {
    std::string s = lower(text);
    for (auto& c : s)
        if (c == '-' || c == ' ') c = '_';
    if (s == "primary")
        out = Phase::primary;
    else if (s == "secondary")
        out = Phase::secondary;
    else if (s == "middle")
        out = Phase::middle;
    else if (s == "all_through")
        out = Phase::all_through;
    else
        return false;
    return true;
}

bool parse_status(std::string_view text, Status& out) {
    std::string s = lower(text);
    if (s == "maintained")
        out = Status::maintained;
    else if (s == "academy")
        out = Status::academy;
    else
        return false;
    return true;
}

bool is_characteristic_column(const std::string& column, bool& secondary) {
    for (const char* m : kCharacteristics) {
        std::string base(m);
        if (column == base + "_primary") {
            secondary = false;
            return true;
        }
        if (column == base + "_secondary") {
            secondary = true;
            return true;
        }
    }
    return false;
}

bool Census::has_column(const std::string& n) const {
    for (const auto& c : columns)
        if (c == n) return true;
    return false;
}

long Census::index_of(std::int64_t u) const {
    auto it = by_urn_.find(u);
    return it == by_urn_.end() ? -1 : it->second;
}

const Eigen::ArrayXd& Census::cached(const std::string& column) const {
    auto it = numeric_.find(column);
    if (it == numeric_.end()) fail_internal("census column " + column + " was not prepared");
    return it->second;
}

const Eigen::ArrayXd& Census::numeric(const std::string& column, const std::string& why,
                                      bool allow_negative) {
    auto it = numeric_.find(column);
    if (it != numeric_.end()) return it->second;
    std::size_t ci = columns.size();
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == column) ci = i;
    if (ci == columns.size())
        throw Error(Where{.file = file, .line = 1, .column = column},
                    "is missing from the header" + (why.empty() ? std::string() : " (" + why + ")"));
    bool secondary = false;
    const bool characteristic = is_characteristic_column(column, secondary);
    const bool count = characteristic || is_count_like(column);
    Eigen::ArrayXd values(size);
    for (std::size_t r = 0; r < size; ++r) {
        const std::string_view cell = cells[ci][r];
        double v = 0;
        if (!parse_number(cell, v)) {
            fail_at(file, line[r], column, cell,
                    trim(cell).empty()
                        ? "is blank: a number is needed" + (why.empty() ? "" : " (" + why + ")")
                        : "is not a number");
        }
        if (v < 0 && !allow_negative) fail_at(file, line[r], column, cell, "is negative");
        if (count && v > kMaxPupils) fail_at(file, line[r], column, cell, "is not a plausible pupil count");
        if (std::fabs(v) > kMaxMoney) fail_at(file, line[r], column, cell, "is implausibly large");
        if (characteristic) {
            double group = secondary ? nor_ks3[r] + nor_ks4[r] : nor_primary[r];
            if (v > group + 1e-6) {
                std::string g =
                    secondary ? "secondary pupils (nor_ks3 + nor_ks4)" : "primary pupils (nor_primary)";
                fail_at(
                    file, line[r], column, cell, "is more than the school's " + g + " of " + [&] {
                        char b[32];
                        std::snprintf(b, sizeof b, "%g", group);
                        return std::string(b);
                    }());
            }
        }
        values[static_cast<Eigen::Index>(r)] = v;
    }
    return numeric_.emplace(column, std::move(values)).first->second;
}

namespace {

double optional_number(const Census& c, int ci, std::size_t r, const std::string& column, double fallback,
                       bool& blank) {
    blank = true;
    if (ci < 0) return fallback;
    const std::string_view cell = c.cells[static_cast<std::size_t>(ci)][r];
    if (trim(cell).empty()) return fallback;
    double v = 0;
    if (!parse_number(cell, v)) fail_at(c.file, c.line[r], column, cell, "is not a number");
    blank = false;
    return v;
}

int column_index(const Census& c, const std::string& n) {
    for (std::size_t i = 0; i < c.columns.size(); ++i)
        if (c.columns[i] == n) return static_cast<int>(i);
    return -1;
}

}  // namespace

void finish_census(Census& c) {
    const std::size_t n = c.size;
    if (n == 0) fail_line(c.file, 0, "has a header but no schools");
    auto need = [&](const std::string& name) {
        int i = column_index(c, name);
        if (i < 0)
            throw Error(Where{.file = c.file, .line = 1, .column = name},
                        "is missing from the header (every census needs it)");
        return static_cast<std::size_t>(i);
    };
    const std::size_t urn_i = need("urn"), phase_i = need("phase"), status_i = need("status");
    const int laestab_i = column_index(c, "laestab"), name_i = column_index(c, "name"),
              area_i = column_index(c, "area");

    c.urn.resize(n);
    c.phase.resize(n);
    c.status.resize(n);
    c.laestab.assign(n, "");
    c.name.assign(n, "");
    c.area.assign(n, "");
    for (std::size_t r = 0; r < n; ++r) {
        const std::string_view u = c.cells[urn_i][r];
        std::int64_t urn = 0;
        if (!parse_integer(u, urn) || urn <= 0)
            fail_at(c.file, c.line[r], "urn", u, "is not a positive whole number");
        auto [it, fresh] = c.by_urn_.emplace(urn, static_cast<long>(r));
        if (!fresh)
            fail_at(c.file, c.line[r], "urn", u,
                    "is a duplicate: the same URN is on line " +
                        std::to_string(c.line[static_cast<std::size_t>(it->second)]));
        c.urn[r] = urn;
        if (!parse_phase(c.cells[phase_i][r], c.phase[r]))
            fail_at(c.file, c.line[r], "phase", c.cells[phase_i][r],
                    "is not a phase: expected primary, secondary, middle or all_through");
        if (!parse_status(c.cells[status_i][r], c.status[r]))
            fail_at(c.file, c.line[r], "status", c.cells[status_i][r],
                    "is not a status: expected maintained or academy");
        if (laestab_i >= 0) c.laestab[r] = std::string(trim(c.cells[static_cast<std::size_t>(laestab_i)][r]));
        if (name_i >= 0) c.name[r] = std::string(trim(c.cells[static_cast<std::size_t>(name_i)][r]));
        if (area_i >= 0) c.area[r] = std::string(trim(c.cells[static_cast<std::size_t>(area_i)][r]));
    }

    // Pupil numbers: key-stage totals, year-group columns, or both (then they must agree).
    const bool has_ks = c.has_column("nor_primary") || c.has_column("nor_ks3") || c.has_column("nor_ks4");
    bool has_years = false;
    for (const char* y : kYearColumns) has_years = has_years || c.has_column(y);
    if (!has_ks && !has_years)
        throw Error(Where{.file = c.file, .line = 1, .column = "nor_primary"},
                    "is missing from the header: give nor_primary, nor_ks3, nor_ks4 or nor_r ... nor_y11");
    Eigen::ArrayXd ks[3];
    if (has_ks) {
        ks[0] = c.numeric("nor_primary", "pupils R-Y6");
        ks[1] = c.numeric("nor_ks3", "pupils Y7-Y9");
        ks[2] = c.numeric("nor_ks4", "pupils Y10-Y11");
    }
    if (has_years) {
        Eigen::ArrayXd from_years[3] = {Eigen::ArrayXd::Zero(n), Eigen::ArrayXd::Zero(n),
                                        Eigen::ArrayXd::Zero(n)};
        for (int y = 0; y < 12; ++y) {
            const Eigen::ArrayXd& v = c.numeric(kYearColumns[y], "year-group pupil numbers");
            from_years[y <= 6 ? 0 : (y <= 9 ? 1 : 2)] += v;
        }
        if (has_ks) {
            const char* names[3] = {"nor_primary", "nor_ks3", "nor_ks4"};
            for (int k = 0; k < 3; ++k)
                for (std::size_t r = 0; r < n; ++r)
                    if (std::fabs(ks[k][r] - from_years[k][r]) > 1e-6) {
                        char b[64];
                        std::snprintf(b, sizeof b, "%g", from_years[k][r]);
                        fail_at(
                            c.file, c.line[r], names[k],
                            c.cells[static_cast<std::size_t>(column_index(c, names[k]))][r],
                            std::string("does not agree with the sum of its year-group columns (") + b + ")");
                    }
        } else {
            for (int k = 0; k < 3; ++k) ks[k] = from_years[k];
        }
    }
    c.nor_primary = ks[0];
    c.nor_ks3 = ks[1];
    c.nor_ks4 = ks[2];
    c.nor = ks[0] + ks[1] + ks[2];
    // The derived totals are available to formulas under their usual names.
    c.numeric_["nor_primary"] = c.nor_primary;
    c.numeric_["nor_ks3"] = c.nor_ks3;
    c.numeric_["nor_ks4"] = c.nor_ks4;
    c.numeric_["nor"] = c.nor;
    c.numeric_["nor_secondary"] = c.nor_ks3 + c.nor_ks4;

    // Year groups present: defaults by phase (docs/funding-model.md §2); a middle school must state them.
    const int ygi[3] = {column_index(c, "primary_year_groups"), column_index(c, "ks3_year_groups"),
                        column_index(c, "ks4_year_groups")};
    const char* ygn[3] = {"primary_year_groups", "ks3_year_groups", "ks4_year_groups"};
    c.yg_primary.resize(n);
    c.yg_ks3.resize(n);
    c.yg_ks4.resize(n);
    for (std::size_t r = 0; r < n; ++r) {
        double def[3] = {0, 0, 0};
        switch (c.phase[r]) {
            case Phase::primary:
                def[0] = 7;
                break;
            case Phase::secondary:
                def[1] = 3;
                def[2] = 2;
                break;
            case Phase::all_through:
                def[0] = 7;
                def[1] = 3;
                def[2] = 2;
                break;
            case Phase::middle:
                def[0] = def[1] = def[2] = -1;
                break;
        }
        double got[3];
        for (int k = 0; k < 3; ++k) {
            bool blank = true;
            got[k] = optional_number(c, ygi[k], r, ygn[k], def[k], blank);
            if (got[k] < 0) {
                if (blank)
                    fail_at(c.file, c.line[r], ygn[k], "",
                            "is needed for a middle school (its year groups cannot be assumed)");
                fail_at(c.file, c.line[r], ygn[k], c.cells[static_cast<std::size_t>(ygi[k])][r],
                        "is negative");
            }
            const double limit = k == 0 ? 7 : (k == 1 ? 3 : 2);
            if (got[k] > limit || got[k] != std::floor(got[k]))
                fail_at(c.file, c.line[r], ygn[k], c.cells[static_cast<std::size_t>(ygi[k])][r],
                        "is not a whole number of year groups from 0 to " +
                            std::to_string(static_cast<int>(limit)));
        }
        c.yg_primary[r] = got[0];
        c.yg_ks3[r] = got[1];
        c.yg_ks4[r] = got[2];
        if (got[0] + got[1] + got[2] <= 0)
            fail_at(c.file, c.line[r], "phase", to_string(c.phase[r]), "school has no year groups");
        if (c.nor[r] <= 0)
            fail_at(c.file, c.line[r], "nor (nor_primary + nor_ks3 + nor_ks4)", "0",
                    "is not a school's roll: a school needs pupils");
        const double* groups[3] = {&c.nor_primary[r], &c.nor_ks3[r], &c.nor_ks4[r]};
        for (int k = 0; k < 3; ++k)
            if (*groups[k] > 0 && got[k] == 0)
                fail_at(c.file, c.line[r], ygn[k], "0",
                        "says the school has no such year groups, but it has pupils in them");
    }
    c.yg = c.yg_primary + c.yg_ks3 + c.yg_ks4;

    // MFG baseline: both blank or zero means a new school (no MFG, no capping).
    const int bp = column_index(c, "mfg_baseline_pupils"), bf = column_index(c, "mfg_baseline_funding");
    c.mfg_baseline_pupils = Eigen::ArrayXd::Zero(n);
    c.mfg_baseline_funding = Eigen::ArrayXd::Zero(n);
    c.has_baseline = Eigen::ArrayXd::Zero(n);
    for (std::size_t r = 0; r < n; ++r) {
        bool bpb = true, bfb = true;
        double p = optional_number(c, bp, r, "mfg_baseline_pupils", 0, bpb);
        double f = optional_number(c, bf, r, "mfg_baseline_funding", 0, bfb);
        if (p < 0)
            fail_at(c.file, c.line[r], "mfg_baseline_pupils", c.cells[static_cast<std::size_t>(bp)][r],
                    "is negative");
        if (f < 0)
            fail_at(c.file, c.line[r], "mfg_baseline_funding", c.cells[static_cast<std::size_t>(bf)][r],
                    "is negative");
        if (p > kMaxPupils)
            fail_at(c.file, c.line[r], "mfg_baseline_pupils", c.cells[static_cast<std::size_t>(bp)][r],
                    "is not a plausible pupil count");
        if (f > kMaxMoney)
            fail_at(c.file, c.line[r], "mfg_baseline_funding", c.cells[static_cast<std::size_t>(bf)][r],
                    "is implausibly large");
        const bool has_p = p > 0, has_f = f > 0;
        if (has_p != has_f) {
            const char* which = has_p ? "mfg_baseline_funding" : "mfg_baseline_pupils";
            int wi = has_p ? bf : bp;
            fail_at(c.file, c.line[r], which, wi >= 0 ? c.cells[static_cast<std::size_t>(wi)][r] : "",
                    "is blank or zero while the other baseline column is given: give both, or neither for a "
                    "new school");
        }
        c.mfg_baseline_pupils[r] = p;
        c.mfg_baseline_funding[r] = f;
        c.has_baseline[r] = has_p ? 1.0 : 0.0;
    }

    auto flag_column = [&](const std::string& col, Eigen::ArrayXd& out) {
        int i = column_index(c, col);
        out = Eigen::ArrayXd::Zero(n);
        for (std::size_t r = 0; r < n; ++r) {
            bool blank = true;
            double v = optional_number(c, i, r, col, 0, blank);
            if (v != 0 && v != 1)
                fail_at(c.file, c.line[r], col, c.cells[static_cast<std::size_t>(i)][r], "is not 0 or 1");
            out[r] = v;
        }
        if (i >= 0) c.numeric_[col] = out;
    };
    flag_column("growing", c.growing);
    Eigen::ArrayXd fringe;
    flag_column("london_fringe", fringe);

    const int ru = column_index(c, "reception_uplift");
    c.reception_uplift = Eigen::ArrayXd::Zero(n);
    for (std::size_t r = 0; r < n && ru >= 0; ++r) {
        bool blank = true;
        double v = optional_number(c, ru, r, "reception_uplift", 0, blank);
        if (v < 0)
            fail_at(c.file, c.line[r], "reception_uplift", c.cells[static_cast<std::size_t>(ru)][r],
                    "is negative");
        if (v > kMaxPupils)
            fail_at(c.file, c.line[r], "reception_uplift", c.cells[static_cast<std::size_t>(ru)][r],
                    "is not a plausible pupil count");
        c.reception_uplift[r] = v;
    }

    const int py = column_index(c, "prior_year_budget");
    c.has_prior_year_budget = py >= 0;
    c.prior_year_budget = Eigen::ArrayXd::Constant(n, std::nan(""));
    for (std::size_t r = 0; r < n && py >= 0; ++r) {
        bool blank = true;
        double v = optional_number(c, py, r, "prior_year_budget", std::nan(""), blank);
        if (!blank && std::fabs(v) > kMaxMoney)
            fail_at(c.file, c.line[r], "prior_year_budget", c.cells[static_cast<std::size_t>(py)][r],
                    "is implausibly large");
        c.prior_year_budget[r] = v;
    }
}

namespace {

// `bytes` is the size of the whole file: from it and the first school's row, room for every column is
// set aside once instead of growing a million cells piece by piece.
// The census's cells straight into its columns, a sink of the cell reader (csv_cell_reader.hpp): no record
// is gathered first. The header record's cells name the columns; each later record must have as many.
struct CensusSink {
    Census& c;
    std::size_t bytes;  // the file's size, to reserve the columns once the first row shows a row's size
    std::vector<std::string> header;
    bool have_header = false;
    std::int64_t header_line = 0;

    void cell(std::size_t index, std::string_view v) {
        if (!have_header)
            header.emplace_back(v);
        else if (index < c.columns.size())  // a ragged row is refused at its end
            c.cells[index].push_back(v);
    }
    void end(std::int64_t line, std::size_t cells) {
        if (!have_header) {
            CsvRecord rec;
            rec.line = header_line = line;
            for (const auto& h : header) rec.fields.emplace_back(h);
            c.columns = CsvHeader(rec, c.file).names();
            c.cells.assign(c.columns.size(), {});
            have_header = true;
            return;
        }
        if (cells != c.columns.size()) fail_line(c.file, line, ragged_row_detail(cells, c.columns.size()));
        if (c.size == 0) {
            std::size_t row_bytes = cells;  // separators and the line end
            for (const auto& col : c.cells) row_bytes += col[0].size();
            const std::size_t rows = std::min<std::size_t>(bytes / row_bytes + 1, 10'000'000);
            for (auto& col : c.cells) {
                const std::size_t cell_bytes = col[0].size();
                col.reserve(rows, rows * (cell_bytes + cell_bytes / 4 + 1));
            }
            c.line.reserve(rows);
        }
        c.line.push_back(line);
        ++c.size;
    }
};

// A census from `read`, which runs a cell reader over the file or text named `name` of `bytes` bytes.
template <class Read>
Census read_into(const std::string& name, std::size_t bytes, Read read) {
    Census c;
    c.file = name;
    CensusSink sink{c, bytes, {}};
    read(sink);
    if (!sink.have_header) fail_line(name, 1, "is empty: expected a header row and one row per school");
    if (c.size == 0)
        fail_line(name, sink.header_line + 1,
                  "has a header (line " + std::to_string(sink.header_line) +
                      ") but no schools: expected one row per school after it");
    finish_census(c);
    return c;
}

}  // namespace

Census load_census(const std::string& path) {
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(path, ec);  // a failure is reported by the reader
    return read_into(path, ec ? 0 : static_cast<std::size_t>(bytes),
                     [&](CensusSink& sink) { CsvCellReader<CensusSink>(path, sink).read_file(); });
}

Census census_from_csv_text(const std::string& text, const std::string& name) {
    return read_into(name, text.size(),
                     [&](CensusSink& sink) { CsvCellReader<CensusSink>(name, sink).read_buffer(text); });
}

}  // namespace fundsim
