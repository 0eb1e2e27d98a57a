// comparison.xlsx of `compare` via libxlsxwriter: the workbook finance officers work in. Every number is
// stored as a number (never as text) with a £, % or count format; each sheet has a frozen header row
// and an autofilter, so it sorts and filters as it opens.
#include <xlsxwriter.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <map>
#include <memory>

#include "engine/core/error.hpp"
#include "engine/core/money.hpp"
#include "engine/core/number.hpp"
#include "reports/comparison_writers.hpp"

namespace fundsim {

namespace {

// Excel counts a sheet name's length in characters: cut whole UTF-8 sequences only.
std::string utf8_prefix(const std::string& s, std::size_t max_chars) {
    std::size_t chars = 0, i = 0;
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80         ? 1
                                : (c >> 5) == 6  ? 2
                                : (c >> 4) == 14 ? 3
                                : (c >> 3) == 30 ? 4
                                                 : 1;
        if (chars == max_chars) break;
        i += len;
        ++chars;
    }
    return s.substr(0, std::min(i, s.size()));
}

std::string lower_ascii(std::string s) {
    for (auto& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

std::string trim_name(std::string s) {
    auto bad = [](char c) { return c == ' ' || c == '\''; };
    while (!s.empty() && bad(s.back())) s.pop_back();
    std::size_t a = 0;
    while (a < s.size() && bad(s[a])) ++a;
    return s.substr(a);
}

enum class Fmt { text, integer, count, money, percent, decimal };

struct Col {
    std::string header;
    Fmt fmt;
    double width;
};

class Book {
  public:
    explicit Book(const std::string& path) : path_(path) {
        lxw_workbook_options opt = {LXW_FALSE, nullptr, LXW_FALSE};
        wb_ = workbook_new_opt(path.c_str(), &opt);
        if (!wb_) fail(path + ": cannot create the workbook");
        // A fixed creation date: the same inputs give the same bytes (docs/funding-model.md §7). Excel shows
        // it as the file's "created" property only.
        lxw_doc_properties props{};
        props.title = const_cast<char*>("Schools Forum comparison");
        props.comments = const_cast<char*>("Written by fundsim compare");
        props.created = 946684800;  // 2000-01-01T00:00:00Z
        workbook_set_properties(wb_, &props);
        header_ = workbook_add_format(wb_);
        format_set_bold(header_);
        format_set_text_wrap(header_);
        format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
        format_set_bottom(header_, LXW_BORDER_THIN);
        fmt_[Fmt::money] = number_format("£#,##0.00;[Red]-£#,##0.00");
        fmt_[Fmt::percent] = number_format("0.00%;[Red]-0.00%");
        fmt_[Fmt::integer] = number_format("0");
        fmt_[Fmt::count] = number_format("#,##0");
        fmt_[Fmt::decimal] = number_format("0.000000");
        fmt_[Fmt::text] = nullptr;
    }
    ~Book() {
        if (wb_) workbook_close(wb_);  // only on an error path: close() below hands it over
    }
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;

    lxw_worksheet* sheet(const std::string& name, const std::vector<Col>& cols) {
        lxw_worksheet* ws = workbook_add_worksheet(wb_, name.c_str());
        if (!ws) fail(path_ + ": cannot add a sheet named \"" + name + "\"");
        for (std::size_t c = 0; c < cols.size(); ++c) {
            worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), cols[c].width,
                                 nullptr);
            worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), cols[c].header.c_str(), header_);
        }
        worksheet_freeze_panes(ws, 1, 0);
        cols_[ws] = cols;
        return ws;
    }
    // The autofilter spans the header and every data row.
    void finish(lxw_worksheet* ws, std::size_t rows) {
        const auto& cols = cols_[ws];
        worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows), static_cast<lxw_col_t>(cols.size() - 1));
    }
    // A number in column c with that column's format; NaN (unknown) is left blank, never written as text.
    void number(lxw_worksheet* ws, std::size_t r, std::size_t c, double v) {
        const Fmt f = cols_[ws][c].fmt;
        if (!std::isfinite(v)) return;
        if (f == Fmt::money) v = round_penny(v);
        if (v == 0) v = 0.0;  // never -0
        check(worksheet_write_number(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), v, fmt_[f]));
    }
    void text(lxw_worksheet* ws, std::size_t r, std::size_t c, const std::string& s) {
        if (s.empty()) return;
        check(worksheet_write_string(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), s.c_str(),
                                     nullptr));
    }
    // An identifier such as a LAESTAB: a number when it is one (so lookups match), else text.
    void id(lxw_worksheet* ws, std::size_t r, std::size_t c, const std::string& s) {
        std::int64_t v;
        if (parse_integer(s, v) && std::llabs(v) < (1LL << 53)) {
            check(worksheet_write_number(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                         static_cast<double>(v), fmt_[Fmt::integer]));
        } else {
            text(ws, r, c, s);
        }
    }
    void close() {
        lxw_workbook* wb = wb_;
        wb_ = nullptr;
        const lxw_error e = workbook_close(wb);
        if (e != LXW_NO_ERROR) fail(path_ + ": cannot write the workbook: " + lxw_strerror(e));
    }

  private:
    lxw_format* number_format(const char* code) {
        lxw_format* f = workbook_add_format(wb_);
        format_set_num_format(f, code);
        return f;
    }
    void check(lxw_error e) {
        if (e != LXW_NO_ERROR) fail(path_ + ": cannot write a cell: " + lxw_strerror(e));
    }
    std::string path_;
    lxw_workbook* wb_ = nullptr;
    lxw_format* header_ = nullptr;
    std::map<Fmt, lxw_format*> fmt_;
    std::map<lxw_worksheet*, std::vector<Col>> cols_;
};

// Calls f(kind, label, include) for "all", then each phase, status and area present, in a fixed order.
void for_each_group(const Census& c, const std::function<void(const std::string&, const std::string&,
                                                              const std::function<bool(std::size_t)>&)>& f) {
    f("all", "", [](std::size_t) { return true; });
    for (Phase p : {Phase::primary, Phase::secondary, Phase::middle, Phase::all_through})
        if (std::find(c.phase.begin(), c.phase.end(), p) != c.phase.end())
            f("phase", to_string(p), [&c, p](std::size_t s) { return c.phase[s] == p; });
    for (Status st : {Status::maintained, Status::academy})
        if (std::find(c.status.begin(), c.status.end(), st) != c.status.end())
            f("status", to_string(st), [&c, st](std::size_t s) { return c.status[s] == st; });
    std::map<std::string, int> areas;
    for (const auto& a : c.area) areas[a] = 1;
    for (const auto& [a, one] : areas) {
        const std::string area = a;
        f("area", area.empty() ? "(none)" : area, [&c, area](std::size_t s) { return c.area[s] == area; });
    }
}

enum SummaryCol {
    kOption,
    kSheet,
    kGroup,
    kOf,
    kSchools,
    kTotal,
    kBaseTotal,
    kChange,
    kAvailable,
    kHeadroom,
    kLever,
    kLeverValue,
    kGaining,
    kLosing,
    kUnchanged,
    kNoBaseline,
    kGain,
    kGainPct,
    kGainUrn,
    kLoss,
    kLossPct,
    kLossUrn,
    kMedian,
    kOnMfg,
    kMfgCost,
    kCapped,
    kCapTotal,
    kOnMppl,
    kMpplCost
};

}  // namespace

std::vector<std::string> sheet_names(const std::vector<std::string>& scenario_names) {
    std::vector<std::string> out;
    std::vector<std::string> taken = {"summary", "history"};
    for (std::size_t k = 0; k < scenario_names.size(); ++k) {
        std::string s;
        for (char ch : scenario_names[k]) {
            // Excel refuses []:*?/\ in a sheet name, and control characters make no sense there: each
            // becomes a space, and runs of spaces one ("Option A: MFG 0%" -> "Option A MFG 0%").
            const bool bad = std::string("[]:*?/\\").find(ch) != std::string::npos ||
                             (static_cast<unsigned char>(ch) < 0x20);
            const char kept = bad ? ' ' : ch;
            if (kept == ' ' && (s.empty() || s.back() == ' ')) continue;
            s += kept;
        }
        s = trim_name(utf8_prefix(s, 31));
        if (s.empty()) s = "Option " + std::to_string(k + 1);
        std::string name = s;
        for (int n = 2; std::find(taken.begin(), taken.end(), lower_ascii(name)) != taken.end(); ++n) {
            const std::string suffix = " (" + std::to_string(n) + ")";
            name = trim_name(utf8_prefix(s, 31 - suffix.size())) + suffix;
        }
        taken.push_back(lower_ascii(name));
        out.push_back(name);
    }
    return out;
}

void write_comparison_xlsx(const Comparison& c, const std::string& path) {
    const Census& cen = *c.census;
    Book book(path);
    std::vector<std::string> names;
    for (const auto& s : c.scenarios) names.push_back(s.name);
    const std::vector<std::string> sheets = sheet_names(names);

    // Summary: one row per option (the baseline first) and group: "all", then by phase, status, area.
    const std::vector<Col> scols = {{"Option", Fmt::text, 40},
                                    {"Sheet", Fmt::text, 20},
                                    {"Group", Fmt::text, 8},
                                    {"Of", Fmt::text, 16},
                                    {"Schools", Fmt::count, 9},
                                    {"Total budget share", Fmt::money, 18},
                                    {"Baseline total", Fmt::money, 18},
                                    {"Change", Fmt::money, 16},
                                    {"Available", Fmt::money, 18},
                                    {"Headroom", Fmt::money, 12},
                                    {"Lever", Fmt::text, 16},
                                    {"Lever value", Fmt::decimal, 11},
                                    {"Gaining", Fmt::count, 9},
                                    {"Losing", Fmt::count, 9},
                                    {"Unchanged", Fmt::count, 10},
                                    {"Without baseline", Fmt::count, 10},
                                    {"Largest gain", Fmt::money, 14},
                                    {"Largest gain %", Fmt::percent, 10},
                                    {"Largest gain URN", Fmt::integer, 10},
                                    {"Largest loss", Fmt::money, 14},
                                    {"Largest loss %", Fmt::percent, 10},
                                    {"Largest loss URN", Fmt::integer, 10},
                                    {"Median change per pupil", Fmt::money, 12},
                                    {"On MFG", Fmt::count, 8},
                                    {"MFG cost", Fmt::money, 14},
                                    {"Capped", Fmt::count, 8},
                                    {"Capping total", Fmt::money, 14},
                                    {"On MPPL", Fmt::count, 8},
                                    {"MPPL cost", Fmt::money, 14}};
    lxw_worksheet* sum = book.sheet("Summary", scols);
    std::size_t row = 0;
    auto budget_cells = [&](const Result& r) {
        if (!r.budget) return;
        book.number(sum, row, kAvailable, r.budget->available);
        book.number(sum, row, kHeadroom, r.budget->headroom);
        if (r.budget->lever != Lever::none) {
            book.text(sum, row, kLever, to_string(r.budget->lever));
            book.number(sum, row, kLeverValue, r.budget->lever_value);
        }
    };
    for_each_group(cen, [&](const std::string& kind, const std::string& label,
                            const std::function<bool(std::size_t)>& inc) {
        ++row;
        book.text(sum, row, kOption, "Baseline: " + c.baseline_name);
        book.text(sum, row, kGroup, kind);
        book.text(sum, row, kOf, label);
        std::size_t schools = 0, without = 0, mfg = 0, capped = 0, mppl = 0;
        double total = 0, mfg_cost = 0, cap_total = 0, mppl_cost = 0;
        for (std::size_t s = 0; s < cen.size; ++s) {
            if (!inc(s)) continue;
            const Eigen::Index i = static_cast<Eigen::Index>(s);
            ++schools;
            if (std::isfinite(c.baseline[i]))
                total += c.baseline[i];
            else
                ++without;
            if (c.baseline_result) {
                const Result& b = *c.baseline_result;
                mfg += b.on_mfg(s);
                capped += b.capped(s);
                mppl += b.on_mppl(s);
                mfg_cost += b.mfg.topup[i];
                cap_total += b.capping.deduction[i];
                mppl_cost += b.mppl.topup[i];
            }
        }
        book.number(sum, row, kSchools, static_cast<double>(schools));
        book.number(sum, row, kTotal, total);
        book.number(sum, row, kNoBaseline, static_cast<double>(without));
        if (c.baseline_result) {
            if (kind == "all") budget_cells(*c.baseline_result);
            book.number(sum, row, kOnMfg, static_cast<double>(mfg));
            book.number(sum, row, kMfgCost, mfg_cost);
            book.number(sum, row, kCapped, static_cast<double>(capped));
            book.number(sum, row, kCapTotal, cap_total);
            book.number(sum, row, kOnMppl, static_cast<double>(mppl));
            book.number(sum, row, kMpplCost, mppl_cost);
        }
    });
    for (std::size_t k = 0; k < c.scenarios.size(); ++k) {
        const ScenarioResult& s = c.scenarios[k];
        for_each_group(cen, [&](const std::string& kind, const std::string& label,
                                const std::function<bool(std::size_t)>& inc) {
            const ChangeStats st = change_stats(s, c, inc);
            ++row;
            book.text(sum, row, kOption, s.name);
            book.text(sum, row, kSheet, sheets[k]);
            book.text(sum, row, kGroup, kind);
            book.text(sum, row, kOf, label);
            book.number(sum, row, kSchools, static_cast<double>(st.schools));
            book.number(sum, row, kTotal, st.total);
            book.number(sum, row, kBaseTotal, st.baseline_total);
            book.number(sum, row, kChange, st.change_total);
            if (kind == "all") budget_cells(s.result);
            book.number(sum, row, kGaining, static_cast<double>(st.gaining));
            book.number(sum, row, kLosing, static_cast<double>(st.losing));
            book.number(sum, row, kUnchanged, static_cast<double>(st.unchanged));
            book.number(sum, row, kNoBaseline, static_cast<double>(st.no_baseline));
            if (st.largest_gain_urn) {
                book.number(sum, row, kGain, st.largest_gain);
                book.number(sum, row, kGainPct, st.largest_gain_pct);
                book.number(sum, row, kGainUrn, static_cast<double>(st.largest_gain_urn));
            }
            if (st.largest_loss_urn) {
                book.number(sum, row, kLoss, st.largest_loss);
                book.number(sum, row, kLossPct, st.largest_loss_pct);
                book.number(sum, row, kLossUrn, static_cast<double>(st.largest_loss_urn));
            }
            book.number(sum, row, kMedian, st.median_change_per_pupil);
            book.number(sum, row, kOnMfg, static_cast<double>(st.on_mfg));
            book.number(sum, row, kMfgCost, st.mfg_total);
            book.number(sum, row, kCapped, static_cast<double>(st.capped));
            book.number(sum, row, kCapTotal, st.capping_total);
            book.number(sum, row, kOnMppl, static_cast<double>(st.on_mppl));
            book.number(sum, row, kMpplCost, st.mppl_total);
        });
    }
    book.finish(sum, row);

    // One sheet per option: every school, comparison.csv's columns, then why the budget moved.
    for (std::size_t k = 0; k < c.scenarios.size(); ++k) {
        const ScenarioResult& s = c.scenarios[k];
        const Result& r = s.result;
        std::vector<Col> cols = {{"URN", Fmt::integer, 9},
                                 {"LAESTAB", Fmt::integer, 9},
                                 {"Name", Fmt::text, 32},
                                 {"Phase", Fmt::text, 10},
                                 {"Status", Fmt::text, 11},
                                 {"Area", Fmt::text, 14},
                                 {"NOR", Fmt::count, 7},
                                 {"Baseline", Fmt::money, 15},
                                 {"Budget share", Fmt::money, 15},
                                 {"Change", Fmt::money, 13},
                                 {"Change %", Fmt::percent, 9},
                                 {"Change per pupil", Fmt::money, 11},
                                 {"MFG top-up", Fmt::money, 13},
                                 {"Capping deduction", Fmt::money, 13},
                                 {"MPPL top-up", Fmt::money, 13},
                                 {"Baseline per pupil", Fmt::money, 11},
                                 {"Budget share per pupil", Fmt::money, 11},
                                 {"Flags", Fmt::text, 12}};
        const std::size_t first_part = cols.size();
        std::vector<std::size_t> parts;  // attribution parts that are not zero for every school
        for (std::size_t p = 0; p < s.attribution.parts.size(); ++p) {
            if ((s.attribution.parts[p] != 0).any()) {
                parts.push_back(p);
                cols.push_back({"Why: " + s.attribution.labels[p], Fmt::money, 13});
            }
        }
        lxw_worksheet* ws = book.sheet(sheets[k], cols);
        for (std::size_t q = 0; q < cen.size; ++q) {
            const Eigen::Index i = static_cast<Eigen::Index>(q);
            const std::size_t rr = q + 1;
            book.number(ws, rr, 0, static_cast<double>(cen.urn[q]));
            book.id(ws, rr, 1, cen.laestab[q]);
            book.text(ws, rr, 2, cen.name[q]);
            book.text(ws, rr, 3, to_string(cen.phase[q]));
            book.text(ws, rr, 4, to_string(cen.status[q]));
            book.text(ws, rr, 5, cen.area[q]);
            book.number(ws, rr, 6, cen.nor[i]);
            book.number(ws, rr, 7, c.baseline[i]);
            book.number(ws, rr, 8, r.budget_share.amount[i]);
            book.number(ws, rr, 9, s.change[i]);
            book.number(ws, rr, 10, s.change_pct[i]);
            book.number(ws, rr, 11, s.change_per_pupil[i]);
            book.number(ws, rr, 12, r.mfg.topup[i]);
            book.number(ws, rr, 13, r.capping.deduction[i]);
            book.number(ws, rr, 14, r.mppl.topup[i]);
            book.number(ws, rr, 15, c.baseline[i] / cen.nor[i]);
            book.number(ws, rr, 16, r.budget_share.per_pupil[i]);
            book.text(ws, rr, 17, r.flags(q));
            for (std::size_t p = 0; p < parts.size(); ++p)
                book.number(ws, rr, first_part + p, s.attribution.parts[parts[p]][i]);
        }
        book.finish(ws, cen.size);
    }
    book.close();
}

}  // namespace fundsim
