// The plain implementation: each rule of docs/funding-model.md §3–§7 written out for one school with doubles
// and loops, in the order and with the formulas the spec states, so that it can be read against the spec line
// by line.
#include "tests/property/plain_engine.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>

#include "engine/core/money.hpp"
#include "engine/core/number.hpp"

namespace fundsim::plain {

namespace {

// §7: every reported line is rounded half away from zero to the penny. money.hpp's round_penny is the
// project's statement of that rule (it clears binary noise so that a decimal half penny rounds up).
double penny(double x) { return round_penny(x); }

long long to_pence(double pounds) { return std::llround(pounds * 100.0); }

// Text of one census cell, or nullptr when the census has no such column.
std::optional<std::string_view> cell(const Census& c, const std::string& column, std::size_t row) {
    for (std::size_t k = 0; k < c.columns.size(); ++k)
        if (c.columns[k] == column) return c.cells[k][row];
    return std::nullopt;
}

// A cell as a number; `fallback` when the column is absent or the cell blank.
double number_or(const Census& c, const std::string& column, std::size_t row, double fallback) {
    const auto t = cell(c, column, row);
    double v = 0;
    if (!t || !parse_number(*t, v)) return fallback;
    return v;
}

bool passes_filters(const Factor& f, const School& s) {
    return f.phases[static_cast<int>(s.phase)] && f.status[static_cast<int>(s.status)];
}

// §3.1 sparsity, as the spec's pseudo-code reads.
double sparsity(const Factor& f, const School& s) {
    const int p = static_cast<int>(s.phase);
    const double M = f.maximum.value[p], T = f.distance_threshold.value[p],
                 B = f.year_group_threshold.value[p];
    const double D = s.value("sparsity_distance");
    const double A = s.nor / s.yg;  // average year-group size
    bool eligible = A < B;
    if (f.distance_taper)
        eligible = eligible && D > 0.8 * T;
    else
        eligible = eligible && D >= T;
    if (!eligible) return 0.0;
    double distance_weight = 1.0;
    if (D < T) distance_weight = (D - 0.8 * T) / (0.2 * T);  // only reached with the distance taper
    double year_weight = 1.0;
    if (f.year_group_taper == YearGroupTaper::linear) {
        year_weight = 1.0 - A / B;
    } else if (f.year_group_taper == YearGroupTaper::nff) {
        if (s.phase == Phase::primary)
            year_weight = A < B / 2 ? 1.0 : (B - A) / (B / 2);
        else
            year_weight = 1.0 - A / B;
    }
    return M * year_weight * distance_weight;
}

// §3 table: one school's amount of one factor (not allocation or london_fringe, which need other
// schools or other factors). `uplift`: add the January Reception pupils to primary pupils (§2).
double amount(const Factor& f, const School& s, bool uplift) {
    if (!passes_filters(f, s)) return 0.0;
    switch (f.kind) {
        case FactorKind::per_pupil: {
            double primary = s.nor_primary;
            if (uplift) primary = primary + s.reception_uplift;
            return f.rate_primary * primary + f.rate_ks3 * s.nor_ks3 + f.rate_ks4 * s.nor_ks4;
        }
        case FactorKind::per_pupil_by_year_group: {
            // §3: rate × pupils of each named year group (census nor_r ... nor_y11); the January Reception
            // starters count as Reception pupils where the uplift counts them for per_pupil (§2).
            double total = 0;
            for (const auto& [year_group, rate] : f.year_group_rates) {
                double pupils = s.value("nor_" + year_group);
                if (year_group == "r" && uplift) pupils = pupils + s.reception_uplift;
                total += rate * pupils;
            }
            return total;
        }
        case FactorKind::per_unit:
            return f.rate_primary * s.value(f.measure + "_primary") +
                   f.rate_secondary * s.value(f.measure + "_secondary");
        case FactorKind::banded: {
            double total = 0;
            for (const Band& b : f.bands)
                total += b.primary * s.value(f.measure + "_" + b.name + "_primary") +
                         b.secondary * s.value(f.measure + "_" + b.name + "_secondary");
            return total;
        }
        case FactorKind::per_unit_above_threshold: {
            // Mobility: units above threshold × group pupils are funded, per group.
            double funded_primary = s.value(f.measure + "_primary") - f.threshold * s.nor_primary;
            double funded_secondary =
                s.value(f.measure + "_secondary") - f.threshold * (s.nor_ks3 + s.nor_ks4);
            if (funded_primary < 0) funded_primary = 0;
            if (funded_secondary < 0) funded_secondary = 0;
            return f.rate_primary * funded_primary + f.rate_secondary * funded_secondary;
        }
        case FactorKind::lump_sum: {
            const auto& rate = f.lump.value;
            const auto& given = f.lump.given;
            switch (s.phase) {
                case Phase::primary:
                    return rate[0];
                case Phase::secondary:
                    return rate[1];
                case Phase::middle:
                    // A middle school without its own rate: the year-group-weighted mix (a 2+2 school
                    // with £110k/£170k gets £140k, docs/funding-model.md §3).
                    if (given[2]) return rate[2];
                    return (s.yg_primary * rate[0] + (s.yg_ks3 + s.yg_ks4) * rate[1]) / s.yg;
                case Phase::all_through:
                    if (given[3]) return rate[3];
                    return rate[1];
            }
            return 0.0;
        }
        case FactorKind::sparsity:
            return sparsity(f, s);
        case FactorKind::actual:
            return s.value(f.column);
        case FactorKind::per_column: {
            double total = 0;
            for (const auto& [column, rate] : f.column_rates) total += rate * s.value(column);
            return total;
        }
        case FactorKind::allocation:
        case FactorKind::london_fringe:
            break;
    }
    throw std::logic_error("plain: factor " + f.id + " needs the whole LA");
}

// §3 allocation: the pot in whole pennies shared in proportion to the basis among the schools that pass
// its filters; the pennies left after flooring each share go one each to the largest remainders (the
// earlier school first on a tie), so the shares add up to the pot exactly (engine/factors/factors.cpp's
// rule). `only_maintained`: a de-delegation item, which academies never pay (docs/funding-model.md §6).
std::vector<double> allocation(const Factor& f, const std::vector<School>& schools, bool only_maintained) {
    const std::size_t n = schools.size();
    std::vector<double> weight(n, 0.0);
    double total_weight = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const School& s = schools[i];
        bool in = passes_filters(f, s);
        if (only_maintained && s.status != Status::maintained) in = false;
        if (!f.urns.empty() && std::find(f.urns.begin(), f.urns.end(), s.urn) == f.urns.end()) in = false;
        if (!f.areas.empty() && std::find(f.areas.begin(), f.areas.end(), s.area) == f.areas.end())
            in = false;
        if (!in) continue;
        if (f.basis == "nor")
            weight[i] = s.nor;
        else if (f.basis == "school")
            weight[i] = 1.0;
        else
            weight[i] = s.value(f.basis);
        total_weight += weight[i];
    }
    if (!(total_weight > 0)) throw NoEligibleSchool("allocation " + f.id + ": no school passes its filters");
    const double pot_pence = std::round(f.pot * 100.0);
    std::vector<double> exact(n, 0.0), pence(n, 0.0);
    double given = 0;
    for (std::size_t i = 0; i < n; ++i) {
        exact[i] = weight[i] / total_weight * pot_pence;
        pence[i] = std::floor(exact[i]);
        given += pence[i];
    }
    long long left = std::llround(pot_pence - given);
    // Pick the largest remainder among schools with a share, the earliest on a tie, one penny at a time.
    std::vector<bool> topped(n, false);
    while (left > 0) {
        std::size_t best = n;
        for (std::size_t i = 0; i < n; ++i) {
            if (weight[i] <= 0 || topped[i]) continue;
            if (best == n || exact[i] - pence[i] > exact[best] - pence[best]) best = i;
        }
        if (best == n) break;
        topped[best] = true;
        pence[best] += 1;
        --left;
    }
    std::vector<double> out(n);
    for (std::size_t i = 0; i < n; ++i) out[i] = pence[i] / 100.0;
    return out;
}

std::vector<School> read_schools(const Census& c) {
    std::vector<School> out(c.size);
    static const char* const kYears[12] = {"nor_r",  "nor_y1", "nor_y2", "nor_y3", "nor_y4",  "nor_y5",
                                           "nor_y6", "nor_y7", "nor_y8", "nor_y9", "nor_y10", "nor_y11"};
    for (std::size_t i = 0; i < c.size; ++i) {
        School& s = out[i];
        s.urn = c.urn[i];
        s.area = c.area[i];
        s.phase = c.phase[i];
        s.status = c.status[i];
        // Every numeric cell of the row, by column name.
        for (std::size_t k = 0; k < c.columns.size(); ++k) {
            double v = 0;
            if (parse_number(c.cells[k][i], v)) s.column[c.columns[k]] = v;
        }
        // §2: pupils by key stage, given directly or as year-group columns (R–Y6, Y7–9, Y10–11).
        if (cell(c, "nor_primary", i)) {
            s.nor_primary = number_or(c, "nor_primary", i, 0);
            s.nor_ks3 = number_or(c, "nor_ks3", i, 0);
            s.nor_ks4 = number_or(c, "nor_ks4", i, 0);
        } else {
            for (int y = 0; y < 12; ++y) {
                const double v = number_or(c, kYears[y], i, 0);
                if (y <= 6)
                    s.nor_primary += v;
                else if (y <= 9)
                    s.nor_ks3 += v;
                else
                    s.nor_ks4 += v;
            }
        }
        s.nor = s.nor_primary + s.nor_ks3 + s.nor_ks4;
        s.column["nor_primary"] = s.nor_primary;
        s.column["nor_ks3"] = s.nor_ks3;
        s.column["nor_ks4"] = s.nor_ks4;
        s.column["nor_secondary"] = s.nor_ks3 + s.nor_ks4;
        s.column["nor"] = s.nor;
        // §2: year groups present, defaults by phase (primary 7/0/0, secondary 0/3/2, all-through 7/3/2);
        // a middle school states its own (the loader has refused one that does not).
        double def[3] = {0, 0, 0};
        if (s.phase == Phase::primary) def[0] = 7;
        if (s.phase == Phase::secondary) def[1] = 3, def[2] = 2;
        if (s.phase == Phase::all_through) def[0] = 7, def[1] = 3, def[2] = 2;
        s.yg_primary = number_or(c, "primary_year_groups", i, def[0]);
        s.yg_ks3 = number_or(c, "ks3_year_groups", i, def[1]);
        s.yg_ks4 = number_or(c, "ks4_year_groups", i, def[2]);
        s.yg = s.yg_primary + s.yg_ks3 + s.yg_ks4;
        // §4.2: a school with no baseline (blank or zero) is new.
        s.baseline_pupils = number_or(c, "mfg_baseline_pupils", i, 0);
        s.baseline_funding = number_or(c, "mfg_baseline_funding", i, 0);
        s.has_baseline = s.baseline_pupils > 0 && s.baseline_funding > 0;
        s.growing = number_or(c, "growing", i, 0) == 1;
        s.reception_uplift = number_or(c, "reception_uplift", i, 0);
        if (!s.column.count("london_fringe")) s.column["london_fringe"] = 0;
    }
    return out;
}

// Σ of the listed factors' amounts for one school (the MPPL and MFG exclusions).
double sum_listed(const Formula& f, const std::vector<std::string>& ids, const std::vector<double>& amounts) {
    double total = 0;
    for (const auto& id : ids) total += amounts[static_cast<std::size_t>(f.factor_index(id))];
    return total;
}

}  // namespace

double School::value(const std::string& name) const {
    auto it = column.find(name);
    if (it == column.end())
        throw std::runtime_error("plain: school " + std::to_string(urn) + " has no value for " + name);
    return it->second;
}

double sum_pennies(const std::vector<double>& values) {
    long long pence = 0;
    for (double v : values) pence += to_pence(v);
    return static_cast<double>(pence) / 100.0;
}

PlainLa::PlainLa(const Census& census, const Formula& formula)
    : schools_(read_schools(census)), formula_(formula) {
    const auto& fs = formula_.factors;
    base_.assign(schools_.size(), std::vector<double>(fs.size(), 0.0));
    for (std::size_t k = 0; k < fs.size(); ++k) {
        if (fs[k].kind == FactorKind::london_fringe) continue;  // follows its factors at run time
        if (fs[k].kind == FactorKind::allocation) {
            std::vector<double> shares = allocation(fs[k], schools_, false);
            for (std::size_t i = 0; i < schools_.size(); ++i) base_[i][k] = shares[i];
            continue;
        }
        for (std::size_t i = 0; i < schools_.size(); ++i)
            base_[i][k] = amount(fs[k], schools_[i], formula_.reception_uplift);
    }
    scaled_.assign(fs.size(), false);
    if (formula_.budget && formula_.budget->solve_for == Lever::factor_multiplier)
        for (const auto& id : formula_.budget->multiplier_factors)
            scaled_[static_cast<std::size_t>(formula_.factor_index(id))] = true;
}

Levers PlainLa::formula_levers() const {
    Levers l;
    l.cap = formula_.capping.cap;
    l.scaling = formula_.capping.scaling;
    l.multiplier = 1;
    return l;
}

double PlainLa::available() const {
    const Budget& b = *formula_.budget;
    double deducted = 0;
    for (const Deduction& d : b.deductions)
        deducted += penny(d.is_percent ? d.value * b.schools_block : d.value);
    return penny(b.schools_block - deducted);
}

Outcome PlainLa::run(const Levers& lv) const {
    const Formula& f = formula_;
    const auto& fs = f.factors;
    Outcome out;
    out.levers = lv;
    out.schools.resize(schools_.size());
    std::vector<double> shares;
    for (std::size_t i = 0; i < schools_.size(); ++i) {
        const School& s = schools_[i];
        SchoolResult& r = out.schools[i];

        // §3: factor amounts; the multiplier lever multiplies the listed factors (§5).
        r.factor_raw.assign(fs.size(), 0.0);
        for (std::size_t k = 0; k < fs.size(); ++k)
            if (fs[k].kind != FactorKind::london_fringe)
                r.factor_raw[k] = scaled_[k] ? base_[i][k] * lv.multiplier : base_[i][k];
        // London fringe: (multiplier − 1) × Σ of the listed factors' amounts, for fringe schools.
        for (std::size_t k = 0; k < fs.size(); ++k) {
            if (fs[k].kind != FactorKind::london_fringe || !passes_filters(fs[k], s)) continue;
            double listed = 0;
            for (int j : fs[k].fringe_indices) listed += r.factor_raw[static_cast<std::size_t>(j)];
            r.factor_raw[k] = (fs[k].multiplier - 1.0) * listed * s.value("london_fringe");
        }
        r.factor.resize(fs.size());
        r.formula_raw = 0;
        r.formula_total = 0;
        for (std::size_t k = 0; k < fs.size(); ++k) {
            r.factor[k] = penny(r.factor_raw[k]);
            r.formula_raw += r.factor_raw[k];
            r.formula_total += r.factor[k];  // §7: a total is the sum of its rounded lines
        }

        // §4.1 MPPL: level = (Yp L_primary + Y3 L_ks3 + Y4 L_ks4) / Y; counted = F − excluded.
        if (f.mppl) {
            r.mppl_level =
                (s.yg_primary * f.mppl->primary + s.yg_ks3 * f.mppl->ks3 + s.yg_ks4 * f.mppl->ks4) / s.yg;
            r.mppl_counted = r.formula_raw - sum_listed(f, f.mppl->excludes, r.factor_raw);
            r.mppl_raw = std::max(0.0, r.mppl_level * s.nor - r.mppl_counted);
        } else {
            r.mppl_level = 0;
            r.mppl_counted = r.formula_raw;
            r.mppl_raw = 0;
        }
        r.mppl_topup = penny(r.mppl_raw);

        // §4.2 MFG: pp0 = B0 / N0, C1 = F + MPPL − excluded, pp1 = C1 / nor, top-up to pp0 (1 + m).
        const double m = f.mfg ? f.mfg->percent : 0.0;
        const double excluded = f.mfg ? sum_listed(f, f.mfg->excludes, r.factor_raw) : 0.0;
        const double c1 = r.formula_raw + r.mppl_raw - excluded;
        r.pp1 = c1 / s.nor;
        r.pp0 = s.has_baseline ? s.baseline_funding / s.baseline_pupils : 0.0;
        r.gain = s.has_baseline ? r.pp1 / r.pp0 - 1.0 : 0.0;
        r.mfg_raw = 0;
        if (f.mfg && s.has_baseline) r.mfg_raw = std::max(0.0, r.pp0 * (1.0 + m) - r.pp1) * s.nor;
        r.mfg_topup = penny(r.mfg_raw);

        // §4.3 capping: excess = max(0, gain − c) × pp0 × nor for schools with a baseline that are not
        // growing; deduction = min(s × excess, what lies above the MPPL level). A deduction is never
        // negative: a school already at or below its level (or with no formula funding) gives nothing.
        r.excess = 0;
        if (s.has_baseline && !s.growing) r.excess = std::max(0.0, r.gain - lv.cap) * r.pp0 * s.nor;
        r.capping_limit = std::max(0.0, r.mppl_counted + r.mppl_raw - r.mppl_level * s.nor);
        r.capping_raw = std::min(lv.scaling * r.excess, r.capping_limit);
        r.capping_deduction = penny(r.capping_raw);

        // §4.4 from the reported lines.
        r.budget_share = r.formula_total + r.mppl_topup + r.mfg_topup - r.capping_deduction;
        r.budget_share_per_pupil = penny(r.budget_share / s.nor);
    }

    // §6 de-delegation (maintained schools only), per item, from the October count.
    const std::size_t n = schools_.size();
    for (auto& r : out.schools) {
        r.de_delegation.assign(f.de_delegation.size(), 0.0);
        r.delegated_budget = r.budget_share;
    }
    for (std::size_t d = 0; d < f.de_delegation.size(); ++d) {
        const Factor& item = f.de_delegation[d];
        std::vector<double> pot_shares;
        if (item.kind == FactorKind::allocation) pot_shares = allocation(item, schools_, true);
        for (std::size_t i = 0; i < n; ++i) {
            if (schools_[i].status != Status::maintained) continue;
            const double a =
                item.kind == FactorKind::allocation ? pot_shares[i] : amount(item, schools_[i], false);
            out.schools[i].de_delegation[d] = penny(a);
        }
    }
    for (auto& r : out.schools)
        for (double d : r.de_delegation) r.delegated_budget -= d;

    // §6 grants: outside the formula and the protections; a grant is the sum of its rounded parts.
    for (std::size_t i = 0; i < n; ++i) {
        SchoolResult& r = out.schools[i];
        r.grants.assign(f.grants.size(), 0.0);
        for (std::size_t g = 0; g < f.grants.size(); ++g)
            for (const Factor& part : f.grants[g].parts)
                r.grants[g] += penny(amount(part, schools_[i], false));
        // §6 notional SEN: a memo, Σ pct × the factor's reported line.
        double sen = 0;
        for (const auto& [id, pct] : f.notional_sen)
            sen += pct * r.factor[static_cast<std::size_t>(f.factor_index(id))];
        r.notional_sen = penny(sen);
    }

    // §5: the total is the sum of the reported budget shares.
    shares.reserve(n);
    for (const auto& r : out.schools) shares.push_back(r.budget_share);
    out.total = sum_pennies(shares);
    if (f.budget) {
        out.has_budget = true;
        out.available = available();
        out.headroom = static_cast<double>(to_pence(out.available) - to_pence(out.total)) / 100.0;
    }
    return out;
}

namespace {

// Bisection between a lever value that balances (`good`) and one that does not (`bad`), down to
// neighbouring doubles: returns the last value that balances.
template <class Ok>
double bisect(double good, double bad, Ok ok) {
    for (int i = 0; i < 5000; ++i) {
        const double mid = good + (bad - good) / 2;
        if (mid == good || mid == bad) break;
        if (ok(mid))
            good = mid;
        else
            bad = mid;
    }
    return good;
}

}  // namespace

Outcome PlainLa::solve() const {
    if (!formula_.budget || formula_.budget->solve_for == Lever::none) return run(formula_levers());
    const long long available_pence = to_pence(available());
    Levers lv = formula_levers();
    auto affordable = [&](const Levers& l) { return to_pence(run(l).total) <= available_pence; };
    bool at_limit = false;
    switch (formula_.budget->solve_for) {
        case Lever::none:
            break;
        case Lever::scaling: {
            // The smallest s in [0, 1]: the total falls as s rises.
            auto ok = [&](double s) {
                Levers l = lv;
                l.scaling = s;
                return affordable(l);
            };
            if (ok(0.0)) {
                lv.scaling = 0.0;
                at_limit = true;
            } else if (!ok(1.0)) {
                throw Unaffordable("scaling 1 still overspends");
            } else {
                lv.scaling = bisect(1.0, 0.0, ok);
            }
            break;
        }
        case Lever::cap: {
            // The largest c ≥ m: the total rises with c. Above every school's gain the cap binds nobody.
            if (!(lv.scaling > 0)) throw Unaffordable("scaling is 0: no cap changes the total");
            const double lo = formula_.mfg ? formula_.mfg->percent : 0.0;
            auto ok = [&](double c) {
                Levers l = lv;
                l.cap = c;
                return affordable(l);
            };
            if (!ok(lo)) throw Unaffordable("a cap at the MFG percent still overspends");
            const Outcome at_lo = run([&] {
                Levers l = lv;
                l.cap = lo;
                return l;
            }());
            double hi = lo;
            for (std::size_t i = 0; i < schools_.size(); ++i)
                if (schools_[i].has_baseline && !schools_[i].growing)
                    hi = std::max(hi, at_lo.schools[i].gain);
            if (ok(hi)) {
                lv.cap = hi;
                at_limit = true;
            } else {
                lv.cap = bisect(lo, hi, ok);
            }
            break;
        }
        case Lever::factor_multiplier: {
            // The largest k > 0: the total rises with k.
            auto ok = [&](double k) {
                Levers l = lv;
                l.multiplier = k;
                return affordable(l);
            };
            if (!ok(0.0)) throw Unaffordable("multiplier 0 still overspends");
            double good = 0.0, bad = 1.0;
            while (ok(bad) && bad <= 1e6) {
                good = bad;
                bad *= 2;
            }
            if (ok(bad)) {
                lv.multiplier = bad;
                at_limit = true;
            } else {
                lv.multiplier = bisect(good, bad, ok);
            }
            break;
        }
    }
    Outcome out = run(lv);
    out.at_limit = at_limit;
    return out;
}

}  // namespace fundsim::plain
