// The values in force of a result for report.html's factor table (reports/html/params.hpp).
#include "reports/html/params.hpp"

#include <cctype>
#include <cmath>

#include "reports/format.hpp"
#include "reports/labels.hpp"

namespace fundsim {

std::vector<Param> params_of(const Result& r) {
    std::vector<Param> out;
    const Formula& f = *r.formula;
    auto add = [&](const std::string& key, const std::string& label, double v, ParamUnit u) {
        out.push_back({key, label, v, u});
    };
    static const char* phase_ids[4] = {"primary", "secondary", "middle", "all_through"};
    for (std::size_t k = 0; k < f.factors.size(); ++k) {
        const Factor& x = f.factors[k];
        const double m = r.factors.scaled.size() > k && r.factors.scaled[k] ? r.multiplier : 1.0;
        const std::string id = x.id, name = factor_label(x.id);
        switch (x.kind) {
            case FactorKind::per_pupil:
                add(id + "/primary", name + ": primary", x.rate_primary * m, ParamUnit::money);
                add(id + "/ks3", name + ": KS3", x.rate_ks3 * m, ParamUnit::money);
                add(id + "/ks4", name + ": KS4", x.rate_ks4 * m, ParamUnit::money);
                break;
            case FactorKind::per_unit:
                add(id + "/primary", name + ": primary", x.rate_primary * m, ParamUnit::money);
                add(id + "/secondary", name + ": secondary", x.rate_secondary * m, ParamUnit::money);
                break;
            case FactorKind::banded:
                for (const auto& b : x.bands) {
                    std::string band = b.name;
                    for (char& ch : band)
                        ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
                    add(id + "/" + b.name + "/primary", name + ": band " + band + " primary", b.primary * m,
                        ParamUnit::money);
                    add(id + "/" + b.name + "/secondary", name + ": band " + band + " secondary",
                        b.secondary * m, ParamUnit::money);
                }
                break;
            case FactorKind::per_unit_above_threshold:
                add(id + "/primary", name + ": primary", x.rate_primary * m, ParamUnit::money);
                add(id + "/secondary", name + ": secondary", x.rate_secondary * m, ParamUnit::money);
                add(id + "/threshold", name + ": threshold", x.threshold, ParamUnit::fraction);
                break;
            case FactorKind::lump_sum:
                for (int p = 0; p < 4; ++p)
                    if (x.lump.given[static_cast<std::size_t>(p)])
                        add(id + "/" + phase_ids[p], name + ": " + phase_label(static_cast<Phase>(p)),
                            x.lump.value[static_cast<std::size_t>(p)] * m, ParamUnit::money);
                break;
            case FactorKind::sparsity:
                for (int p = 0; p < 4; ++p) {
                    const std::size_t q = static_cast<std::size_t>(p);
                    const std::string ph = phase_label(static_cast<Phase>(p));
                    if (x.maximum.given[q])
                        add(id + "/maximum/" + phase_ids[p], name + ": maximum, " + ph,
                            x.maximum.value[q] * m, ParamUnit::money);
                    if (x.distance_threshold.given[q])
                        add(id + "/distance/" + phase_ids[p], name + ": distance threshold, " + ph,
                            x.distance_threshold.value[q], ParamUnit::miles);
                    if (x.year_group_threshold.given[q])
                        add(id + "/year_group/" + phase_ids[p], name + ": year-group threshold, " + ph,
                            x.year_group_threshold.value[q], ParamUnit::number);
                }
                break;
            case FactorKind::actual:
                break;  // passed through from the census: no rate
            case FactorKind::per_column:
                for (const auto& [col, rate] : x.column_rates)
                    add(id + "/" + col, name + ": " + factor_label(col), rate * m, ParamUnit::money);
                break;
            case FactorKind::allocation:
                add(id + "/pot", name + ": pot", x.pot * m, ParamUnit::money);
                break;
            case FactorKind::london_fringe:
                add(id + "/multiplier", name + ": multiplier", x.multiplier, ParamUnit::number);
                break;
        }
    }
    if (f.mppl) {
        add("mppl/primary", "Minimum per-pupil level: primary", f.mppl->primary, ParamUnit::money);
        add("mppl/ks3", "Minimum per-pupil level: KS3", f.mppl->ks3, ParamUnit::money);
        add("mppl/ks4", "Minimum per-pupil level: KS4", f.mppl->ks4, ParamUnit::money);
    }
    if (f.mfg) add("mfg/percent", "Minimum funding guarantee", f.mfg->percent, ParamUnit::fraction);
    add("capping/cap", "Cap on gains (in force)", r.cap, ParamUnit::fraction);
    add("capping/scaling", "Scaling of gains above the cap (in force)", r.scaling, ParamUnit::fraction);
    if (f.budget && f.budget->solve_for == Lever::factor_multiplier)
        add("budget/k", "Factor multiplier k (solved)", r.multiplier, ParamUnit::number);
    return out;
}

std::string param_text(double v, ParamUnit u) {
    switch (u) {
        case ParamUnit::money:
            return std::fabs(v - std::round(v)) < 0.005 ? pounds_whole(v) : pounds(v);
        case ParamUnit::fraction:
            return percent_text(v, 4);
        case ParamUnit::miles:
            return number_text("%g", v) + " miles";
        case ParamUnit::number:
            return number_text("%.6g", v);
    }
    return "";
}

}  // namespace fundsim
