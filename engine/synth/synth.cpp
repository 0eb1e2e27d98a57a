// Synthetic LA generator. The shape follows an English county: mostly small primaries, ~1,000-pupil
// secondaries, a few middle and all-through schools, rural schools far apart, deprivation clustered.
#include "engine/synth/synth.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <vector>

#include "engine/census/census.hpp"
#include "engine/formula/needs.hpp"
#include "engine/io/csv_reader.hpp"
#include "engine/run/calculate.hpp"
#include "engine/synth/rng.hpp"

namespace fundsim {

namespace {

const char* const kAreas[] = {"Cluster North", "Cluster South", "Cluster East", "Cluster West",
                              "Town Centre"};
const char* const kPlaces[] = {
    "Ashford",  "Brookfield",  "Chapel End", "Dunmow",      "Elmstead",  "Felsted",    "Great Bardfield",
    "Hatfield", "Ingatestone", "Kelvedon",   "Layer",       "Maldon",    "Nazeing",    "Ongar",
    "Pebmarsh", "Rayleigh",    "Stansted",   "Tiptree",     "Upminster", "Wivenhoe",   "Writtle",
    "Boxted",   "Coggeshall",  "Danbury",    "Earls Colne", "Fordham",   "Galleywood", "Heybridge"};
const char* const kKinds[] = {"Primary School", "Church of England Primary School",
                              "Community Primary School", "Infant and Junior School",
                              "St Mary's Catholic Primary School"};

struct School {
    std::int64_t urn;
    std::string laestab, name, area, phase, status;
    double nor[3];
    int yg[3];
    bool middle;
    double deprivation, rurality;
    double fsm[2], fsm6[2], idaci[6][2], lpa[2], eal3[2], mobility[2];
    double sparsity_distance;
    int london_fringe;
    double rates, pfi, exceptional, split_basic, split_distance;
    double reception_uplift;
    double pp_plac, pp_service;
    bool is_new, growing;
    double baseline_pupils = 0, baseline_funding = 0, prior = 0;
};

double clamp(double v, double lo, double hi) { return v < lo ? lo : (v > hi ? hi : v); }

// Counts are whole pupils, as a census count would be.
double share_of(Rng& rng, double pupils, double mean_share) {
    double s = clamp(mean_share * (1.0 + 0.25 * rng.normal()), 0.0, 0.95);
    return std::round(pupils * s);
}

std::string fmt(double v) {
    char b[64];
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        std::snprintf(b, sizeof b, "%.0f", v);
    else
        std::snprintf(b, sizeof b, "%.2f", v);
    return b;
}

}  // namespace

std::string synth_census_csv(const SynthOptions& opt) {
    Rng rng(opt.seed * 0x2545F4914F6CDD1DULL + 17);
    std::vector<School> schools(opt.schools);
    for (std::size_t k = 0; k < opt.schools; ++k) {
        School& s = schools[k];
        s.urn = opt.first_urn + static_cast<std::int64_t>(k);
        char le[32];
        std::snprintf(le, sizeof le, "%d%04d", opt.la_code, static_cast<int>(2000 + k % 8000));
        s.laestab = le;
        s.area = kAreas[rng.below(5)];
        s.rurality = s.area == std::string("Town Centre") ? rng.uniform(0, 0.2) : rng.uniform();
        s.deprivation =
            clamp(std::pow(rng.uniform(), 1.6) + (s.area == std::string("Town Centre") ? 0.2 : 0.0), 0, 1);
        const double u = rng.uniform();
        s.middle = false;
        s.yg[0] = s.yg[1] = s.yg[2] = 0;
        s.nor[0] = s.nor[1] = s.nor[2] = 0;
        const std::string place = kPlaces[rng.below(sizeof kPlaces / sizeof kPlaces[0])];
        if (u < 0.83) {
            s.phase = "primary";
            s.yg[0] = 7;
            // Rural primaries are small; town primaries up to three forms of entry.
            double size = std::exp(std::log(230.0) + 0.55 * rng.normal()) * (1.2 - 0.6 * s.rurality);
            s.nor[0] = std::round(clamp(size, 25, 840));
            s.name = place + " " + kKinds[rng.below(5)];
        } else if (u < 0.965) {
            s.phase = "secondary";
            s.yg[1] = 3;
            s.yg[2] = 2;
            double size = clamp(std::exp(std::log(1050.0) + 0.35 * rng.normal()), 350, 2100);
            s.nor[1] = std::round(size * 0.61);
            s.nor[2] = std::round(size * 0.39);
            s.name = place + (rng.chance(0.5) ? " Academy" : " High School");
        } else if (u < 0.985) {
            s.phase = "all_through";
            s.yg[0] = 7;
            s.yg[1] = 3;
            s.yg[2] = 2;
            s.nor[0] = std::round(rng.uniform(300, 630));
            s.nor[1] = std::round(rng.uniform(400, 700));
            s.nor[2] = std::round(s.nor[1] * rng.uniform(0.6, 0.7));
            s.name = place + " All-Through School";
        } else {
            s.phase = "middle";
            s.middle = true;
            // A 9-13 middle school: Years 5-8, deemed two primary and two KS3 year groups.
            s.yg[0] = 2;
            s.yg[1] = 2;
            s.nor[0] = std::round(rng.uniform(90, 180));
            s.nor[1] = std::round(rng.uniform(90, 180));
            s.name = place + " Middle School";
        }
        // Academies: most secondaries, a good share of primaries.
        s.status = rng.chance(s.phase == "primary" ? 0.42 : 0.82) ? "academy" : "maintained";
        if (k % 97 == 13) s.name += ", " + std::string(kAreas[rng.below(5)]);  // names with commas exist
        const double sec = s.nor[1] + s.nor[2];
        for (int g = 0; g < 2; ++g) {
            const double pupils = g == 0 ? s.nor[0] : sec;
            const double d = s.deprivation;
            s.fsm[g] = share_of(rng, pupils, 0.05 + 0.38 * d);
            s.fsm6[g] = std::min(pupils, std::round(s.fsm[g] * rng.uniform(1.15, 1.45)));
            const double band_share[6] = {0.02 + 0.10 * d * d, 0.04 + 0.08 * d, 0.04 + 0.06 * d,
                                          0.04 + 0.05 * d,     0.08 + 0.04 * d, 0.08 + 0.02 * d};
            double used = 0;
            for (int b = 0; b < 6; ++b) {
                double v = std::min(pupils - used, share_of(rng, pupils, band_share[b]));
                s.idaci[b][g] = std::max(0.0, v);
                used += s.idaci[b][g];
            }
            s.lpa[g] = share_of(rng, pupils, 0.18 + 0.15 * d);
            s.eal3[g] = share_of(rng, pupils, (0.01 + 0.08 * d) * (1.3 - s.rurality));
            s.mobility[g] = share_of(rng, pupils, 0.03 + 0.07 * d);
        }
        s.sparsity_distance =
            std::round(clamp(s.rurality * s.rurality * rng.uniform(0.5, 7.5), 0.1, 12.0) * 100) / 100;
        s.london_fringe = (s.area == std::string("Cluster South") || s.area == std::string("Cluster West")) &&
                                  rng.chance(0.3)
                              ? 1
                              : 0;
        const double pupils_total = s.nor[0] + sec;
        s.rates = std::round(pupils_total * rng.uniform(8, 28) + rng.uniform(0, 6000));
        s.pfi = rng.chance(0.03) ? std::round(rng.uniform(80000, 400000)) : 0;
        s.exceptional = rng.chance(0.02) ? std::round(rng.uniform(10000, 60000)) : 0;
        s.split_basic = rng.chance(0.015) ? 1 : 0;
        s.split_distance = s.split_basic > 0 && rng.chance(0.5) ? 1 : 0;
        s.reception_uplift = s.yg[0] == 7 && rng.chance(0.15) ? std::round(rng.uniform(1, 4)) : 0;
        s.pp_plac = std::round(pupils_total * rng.uniform(0.0, 0.012));
        s.pp_service = rng.chance(0.2) ? std::round(pupils_total * rng.uniform(0.0, 0.06)) : 0;
        // pp_ever6 is written from fsm6 below; a pupil attracts one disadvantage rate, so PLAC are not in it.
        s.is_new = rng.chance(0.01);
        s.growing = s.is_new || rng.chance(0.01);
    }

    std::ostringstream out;
    const char* header =
        "urn,laestab,name,area,phase,status,nor_primary,nor_ks3,nor_ks4,primary_year_groups,ks3_year_groups,"
        "ks4_year_groups,fsm_primary,fsm_secondary,fsm6_primary,fsm6_secondary,idaci_a_primary,idaci_a_"
        "secondary,"
        "idaci_b_primary,idaci_b_secondary,idaci_c_primary,idaci_c_secondary,idaci_d_primary,idaci_d_"
        "secondary,"
        "idaci_e_primary,idaci_e_secondary,idaci_f_primary,idaci_f_secondary,lpa_primary,lpa_secondary,eal3_"
        "primary,"
        "eal3_secondary,mobility_primary,mobility_secondary,sparsity_distance,london_fringe,rates,pfi,"
        "exceptional,"
        "split_sites_basic,split_sites_distance,mfg_baseline_pupils,mfg_baseline_funding,growing,reception_"
        "uplift,"
        "prior_year_budget,pp_ever6_primary,pp_ever6_secondary,pp_plac,pp_service";
    auto row_text = [&](const School& s) {
        std::ostringstream r;
        r << s.urn << ',' << s.laestab << ',' << csv_quote(s.name) << ',' << s.area << ',' << s.phase << ','
          << s.status;
        for (double v : s.nor) r << ',' << fmt(v);
        if (s.middle)
            r << ',' << s.yg[0] << ',' << s.yg[1] << ',' << s.yg[2];
        else
            r << ",,,";
        for (int g = 0; g < 2; ++g) r << ',' << fmt(s.fsm[g]);
        for (int g = 0; g < 2; ++g) r << ',' << fmt(s.fsm6[g]);
        for (int b = 0; b < 6; ++b)
            for (int g = 0; g < 2; ++g) r << ',' << fmt(s.idaci[b][g]);
        for (int g = 0; g < 2; ++g) r << ',' << fmt(s.lpa[g]);
        for (int g = 0; g < 2; ++g) r << ',' << fmt(s.eal3[g]);
        for (int g = 0; g < 2; ++g) r << ',' << fmt(s.mobility[g]);
        r << ',' << fmt(s.sparsity_distance) << ',' << s.london_fringe << ',' << fmt(s.rates) << ','
          << fmt(s.pfi) << ',' << fmt(s.exceptional) << ',' << fmt(s.split_basic) << ','
          << fmt(s.split_distance);
        if (s.is_new)
            r << ",,";
        else
            r << ',' << fmt(s.baseline_pupils) << ',' << fmt(s.baseline_funding);
        r << ',' << (s.growing ? 1 : 0) << ',' << fmt(s.reception_uplift) << ',';
        if (!s.is_new) r << fmt(s.prior);
        r << ',' << fmt(s.fsm6[0]) << ',' << fmt(s.fsm6[1]) << ',' << fmt(s.pp_plac) << ','
          << fmt(s.pp_service);
        return r.str();
    };

    // Baselines: near the formula's own per-pupil value for each school (or a typical level).
    std::vector<double> pp_now(schools.size()), total_now(schools.size());
    if (opt.formula) {
        std::ostringstream draft;
        draft << header << '\n';
        for (auto& s : schools) {
            s.baseline_pupils = s.nor[0] + s.nor[1] + s.nor[2];
            s.baseline_funding = 1;
            s.prior = 1;
            draft << row_text(s) << '\n';
        }
        Census c = census_from_csv_text(draft.str(), "synth");
        Formula f = *opt.formula;
        f.budget.reset();
        f.mfg.reset();
        f.capping = Capping{};
        prepare_census(c, f);
        Result r = calculate(std::make_shared<const Census>(c), f);
        Eigen::ArrayXd excluded = Eigen::ArrayXd::Zero(static_cast<Eigen::Index>(c.size));
        if (opt.formula->mfg)
            for (const auto& id : opt.formula->mfg->excludes)
                excluded += r.factors.amount[static_cast<std::size_t>(f.factor_index(id))];
        for (std::size_t k = 0; k < schools.size(); ++k) {
            const Eigen::Index i = static_cast<Eigen::Index>(k);
            pp_now[k] = (r.budget_share.amount[i] - excluded[i]) / c.nor[i];
            total_now[k] = r.budget_share.amount[i];
        }
    } else {
        for (std::size_t k = 0; k < schools.size(); ++k) {
            const School& s = schools[k];
            const double n = s.nor[0] + s.nor[1] + s.nor[2];
            const double sec_share = (s.nor[1] + s.nor[2]) / n;
            pp_now[k] = (4900 + 1500 * sec_share) * (1 + 0.35 * s.deprivation);
            total_now[k] = pp_now[k] * n + 145000 + s.rates;
        }
    }
    for (std::size_t k = 0; k < schools.size(); ++k) {
        School& s = schools[k];
        const double n = s.nor[0] + s.nor[1] + s.nor[2];
        // Last year's roll within a few per cent; per-pupil funding a little either side of this year's.
        s.baseline_pupils = std::max(1.0, std::round(n * (1 + 0.04 * rng.normal())));
        const double pp0 = pp_now[k] * (1 + clamp(0.025 * rng.normal() - 0.005, -0.09, 0.09));
        s.baseline_funding = std::round(pp0 * s.baseline_pupils * 100) / 100;
        s.prior = std::round(total_now[k] * (1 + clamp(0.02 * rng.normal() - 0.01, -0.08, 0.08)) * 100) / 100;
    }
    out << header << '\n';
    for (const auto& s : schools) out << row_text(s) << '\n';
    return out.str();
}

}  // namespace fundsim
