// The values in force of a result for report.html's factor table (reports/html/params.hpp).
#include "reports/html/params.hpp"

#include <cctype>
#include <cmath>

#include "engine/factors/rates.hpp"
#include "reports/format.hpp"
#include "reports/labels.hpp"

namespace fundsim {

std::vector<Param> params_of(const Result& r) {
    std::vector<Param> out;
    const Formula& f = *r.formula;
    auto add = [&](const std::string& key, const std::string& label, double v, ParamUnit u) {
        out.push_back({key, label, v, u});
    };
    auto unit_of = [](RateUnit u) {
        switch (u) {
            case RateUnit::money:
                return ParamUnit::money;
            case RateUnit::fraction:
                return ParamUnit::fraction;
            case RateUnit::number:
                return ParamUnit::number;
            case RateUnit::miles:
                return ParamUnit::miles;
        }
        return ParamUnit::number;
    };
    for (std::size_t k = 0; k < f.factors.size(); ++k) {
        const Factor& x = f.factors[k];
        const double m = r.factors.scaled.size() > k && r.factors.scaled[k] ? r.multiplier : 1.0;
        const std::string id = x.id, name = factor_label(x.id);
        // Each kind lists its own rates (engine/factors/rates.hpp); money ones are paid after the multiplier.
        for (const FactorRate& rate : rates_of(x))
            add(id + "/" + rate.key, name + ": " + (rate.column ? factor_label(rate.words) : rate.words),
                rate.unit == RateUnit::money ? rate.value * m : rate.value, unit_of(rate.unit));
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
