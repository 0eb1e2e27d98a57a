// Random formulas, census files and budgets for the property tests. Every draw comes from fundsim::Rng
// with the test's seed, so a failing case is reproduced by its seed alone.
#include "tests/property/random_inputs.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "engine/balance/solve.hpp"
#include "engine/formula/parse.hpp"
#include "engine/protections/protections.hpp"
#include "engine/run/calculate.hpp"

namespace fundsim::proptest {

namespace {

double round_to(double v, double step) { return std::round(v / step) * step; }
// Pounds with whole pennies (or whole pounds half the time: rates are usually round numbers).
double money(Rng& rng, double lo, double hi) {
    const double v = rng.uniform(lo, hi);
    return rng.chance(0.5) ? std::round(v) : std::round(v * 100) / 100;
}

const char* const kPhases[4] = {"primary", "secondary", "middle", "all_through"};

// A random phases/status filter on a factor (most factors have none).
void maybe_filters(Rng& rng, Json& factor, double p_phase, double p_status) {
    if (rng.chance(p_phase)) {
        Json list = Json::array();
        for (const char* ph : kPhases)
            if (rng.chance(0.5)) list.push_back(ph);
        if (list.empty()) list.push_back(kPhases[rng.below(4)]);
        factor["phases"] = list;
    }
    if (rng.chance(p_status)) {
        const std::size_t k = rng.below(3);
        if (k == 0)
            factor["status"] = "maintained";
        else if (k == 1)
            factor["status"] = "academy";
        else
            factor["status"] = Json::array({"academy", "maintained"});
    }
}

Json ks_rates(Rng& rng, double p_lo, double p_hi, double s_lo, double s_hi) {
    Json r;
    r["primary"] = money(rng, p_lo, p_hi);
    r["ks3"] = money(rng, s_lo, s_hi);
    r["ks4"] = money(rng, s_lo * 1.1, s_hi * 1.1);
    return r;
}

Json group_rates(Rng& rng, double lo, double hi) {
    Json r;
    r["primary"] = money(rng, lo, hi);
    r["secondary"] = money(rng, lo, hi * 1.4);
    return r;
}

// A random non-empty subset of `ids`, in their order, each kept with probability p.
std::vector<std::string> subset(Rng& rng, const std::vector<std::string>& ids, double p) {
    std::vector<std::string> out;
    for (const auto& id : ids)
        if (rng.chance(p)) out.push_back(id);
    return out;
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

const std::vector<std::string>& area_names() {
    static const std::vector<std::string> a = {"Cluster North", "Cluster South", "Cluster East",
                                               "Cluster West", "Town Centre"};
    return a;
}

std::string random_formula_json(Rng& rng, const CensusInfo& info, Lever lever) {
    Json doc;
    doc["name"] = "random formula";
    doc["year"] = "test";
    if (rng.chance(0.3)) doc["reception_uplift"] = true;

    // Candidate factors, one of each kind (and a second per-pupil one), each drawn with its own chance.
    std::vector<std::pair<std::string, Json>> factors;
    {
        Json f;
        f["kind"] = "per_pupil";
        f["rate"] = ks_rates(rng, 2000, 5000, 3000, 7000);
        maybe_filters(rng, f, 0.1, 0.05);
        factors.emplace_back("basic", f);
    }
    if (rng.chance(0.3)) {
        Json f;
        f["kind"] = "per_pupil";
        f["rate"] = ks_rates(rng, 0, 300, 0, 400);
        maybe_filters(rng, f, 0.6, 0.3);
        factors.emplace_back("basic_extra", f);
    }
    if (info.year_groups && rng.chance(0.7)) {
        // A rate for Reception and/or Year 7 (the usual local choices), now and then another year group.
        Json f;
        f["kind"] = "per_pupil_by_year_group";
        Json rate = Json::object();
        if (rng.chance(0.7)) rate["r"] = money(rng, 0, 600);
        if (rate.empty() || rng.chance(0.6)) rate["y7"] = money(rng, 0, 600);
        if (rng.chance(0.3)) rate["y" + std::to_string(1 + rng.below(11))] = money(rng, 0, 600);
        f["rate"] = rate;
        maybe_filters(rng, f, 0.15, 0.1);
        factors.emplace_back("year_group_starters", f);
    }
    const char* const measures[] = {"fsm", "fsm6", "lpa", "eal3"};
    for (const char* m : measures) {
        if (!rng.chance(0.55)) continue;
        Json f;
        f["kind"] = "per_unit";
        f["measure"] = m;
        f["rate"] = group_rates(rng, 0, 2000);
        maybe_filters(rng, f, 0.15, 0.1);
        factors.emplace_back(std::string(m) == "eal3" ? "eal" : m, f);
    }
    if (rng.chance(0.6)) {
        Json f;
        f["kind"] = "banded";
        f["measure"] = "idaci";
        Json rate = Json::object();
        for (const char* b : {"a", "b", "c", "d", "e", "f"})
            if (rng.chance(0.6)) rate[b] = group_rates(rng, 100, 1000);
        if (rate.empty()) rate["c"] = group_rates(rng, 100, 1000);
        f["rate"] = rate;
        maybe_filters(rng, f, 0.1, 0.1);
        factors.emplace_back("idaci", f);
    }
    if (rng.chance(0.5)) {
        Json f;
        f["kind"] = "per_unit_above_threshold";
        f["measure"] = "mobility";
        f["threshold"] = rng.chance(0.5) ? 0.06 : round_to(rng.uniform(0, 0.2), 0.01);
        f["rate"] = group_rates(rng, 500, 1500);
        maybe_filters(rng, f, 0.1, 0.1);
        factors.emplace_back("mobility", f);
    }
    if (rng.chance(0.75)) {
        Json f;
        f["kind"] = "lump_sum";
        Json rate;
        rate["primary"] = money(rng, 50000, 160000);
        rate["secondary"] = money(rng, 80000, 200000);
        if (rng.chance(0.3)) rate["middle"] = money(rng, 60000, 180000);
        if (rng.chance(0.3)) rate["all_through"] = money(rng, 60000, 220000);
        f["rate"] = rate;
        maybe_filters(rng, f, 0.1, 0.1);
        factors.emplace_back("lump_sum", f);
    }
    if (rng.chance(0.55)) {
        Json f;
        f["kind"] = "sparsity";
        const char* tapers[] = {"nff", "linear", "none"};
        f["year_group_taper"] = tapers[rng.below(3)];
        f["distance_taper"] = rng.chance(0.5);
        // Thresholds from a short list so that census distances land exactly on T and 0.8 T.
        const double distances[] = {1.5, 2, 2.5, 3, 5};
        Json maximum, dist, yg;
        for (const char* ph : kPhases) {
            maximum[ph] = money(rng, 10000, 110000);
            dist[ph] = distances[rng.below(5)];
            yg[ph] = rng.chance(0.5) ? round_to(rng.uniform(15, 130), 0.1) : std::round(rng.uniform(15, 130));
        }
        f["maximum"] = maximum;
        f["distance_threshold"] = dist;
        f["year_group_threshold"] = yg;
        maybe_filters(rng, f, 0.1, 0.1);
        factors.emplace_back("sparsity", f);
    }
    for (const char* col : {"rates", "pfi", "exceptional"}) {
        if (!rng.chance(col == std::string("rates") ? 0.7 : 0.3)) continue;
        Json f;
        f["kind"] = "actual";
        f["column"] = col;
        maybe_filters(rng, f, 0.05, 0.05);
        factors.emplace_back(col, f);
    }
    if (rng.chance(0.35)) {
        Json f;
        f["kind"] = "per_column";
        Json rate = Json::object();
        if (rng.chance(0.8)) rate["split_sites_basic"] = money(rng, 20000, 60000);
        if (rng.chance(0.6)) rate["split_sites_distance"] = money(rng, 10000, 30000);
        if (rng.chance(0.3)) rate["nor_secondary"] = money(rng, 1, 50);
        if (rate.empty()) rate["split_sites_basic"] = money(rng, 20000, 60000);
        f["rate"] = rate;
        factors.emplace_back("split_sites", f);
    }
    if (rng.chance(0.35)) {
        Json f;
        f["kind"] = "allocation";
        f["pot"] = money(rng, 100, 250000);
        const std::size_t basis = rng.below(3);
        f["basis"] = basis == 0 ? "nor" : (basis == 1 ? "school" : "rates");
        const std::size_t filter = rng.below(4);
        if (filter == 0) {
            Json urns = Json::array();
            for (std::size_t k = 0; k < info.schools; ++k)
                if (rng.chance(0.2) || (k == info.schools - 1 && urns.empty()))
                    urns.push_back(info.first_urn + static_cast<std::int64_t>(k));
            f["urns"] = urns;
        } else if (filter == 1) {
            Json areas = Json::array();
            for (const auto& a : area_names())
                if (rng.chance(0.4)) areas.push_back(a);
            if (areas.empty()) areas.push_back(area_names()[rng.below(5)]);
            f["areas"] = areas;
        } else if (filter == 2) {
            maybe_filters(rng, f, 1.0, 0.3);
        }
        factors.emplace_back("cluster", f);
    }
    // Shuffle the file order (reports follow it; the London fringe may come before what it lists).
    for (std::size_t i = factors.size(); i > 1; --i) std::swap(factors[i - 1], factors[rng.below(i)]);
    std::vector<std::string> ids;
    for (const auto& [id, f] : factors) ids.push_back(id);
    if (rng.chance(0.3)) {
        Json f;
        f["kind"] = "london_fringe";
        f["multiplier"] = round_to(rng.uniform(1.0, 1.2), 0.0001);
        std::vector<std::string> listed = subset(rng, ids, 0.5);
        if (listed.empty()) listed.push_back(ids[0]);
        f["factors"] = listed;
        maybe_filters(rng, f, 0.1, 0.1);
        factors.insert(factors.begin() + static_cast<long>(rng.below(factors.size() + 1)), {"fringe", f});
    }
    Json fs = Json::object();
    for (const auto& [id, f] : factors) fs[id] = f;
    doc["factors"] = fs;

    auto present = [&](std::initializer_list<const char*> names) {
        std::vector<std::string> out;
        for (const char* n : names)
            if (std::find(ids.begin(), ids.end(), n) != ids.end()) out.push_back(n);
        return out;
    };
    if (rng.chance(0.5)) {
        Json m;
        Json level;
        level["primary"] = money(rng, 3000, 5200);
        if (rng.chance(0.3)) {
            level["secondary"] = money(rng, 4000, 7000);
        } else {
            level["ks3"] = money(rng, 4000, 6500);
            level["ks4"] = money(rng, 4500, 7200);
        }
        m["level"] = level;
        m["excludes"] =
            subset(rng, present({"rates", "pfi", "exceptional", "split_sites", "sparsity", "fringe"}), 0.7);
        doc["mppl"] = m;
    }
    double m = 0;
    if (rng.chance(0.75)) {
        m = round_to(rng.uniform(-0.015, 0.02), 0.0005);
        Json g;
        g["percent"] = m;
        g["excludes"] =
            subset(rng, present({"lump_sum", "sparsity", "rates", "pfi", "exceptional", "split_sites"}), 0.6);
        doc["mfg"] = g;
    }
    {
        Json c;
        c["cap"] = round_to(std::max(m, 0.0) + rng.uniform(0, 0.04), 0.0005);
        if (rng.chance(0.2)) c["cap"] = m;  // a hard cap at the MFG percent itself
        const std::size_t k = rng.below(4);
        double s = k == 0 ? 0.0 : (k == 1 ? 1.0 : round_to(rng.uniform(0, 1), 0.001));
        if (lever == Lever::cap && !(s > 0)) s = round_to(rng.uniform(0.2, 1), 0.001);
        c["scaling"] = s;
        doc["capping"] = c;
    }
    if (rng.chance(0.5)) {
        Json dd = Json::object();
        if (rng.chance(0.7)) {
            Json f;
            f["kind"] = "per_pupil";
            f["rate"] = ks_rates(rng, 0, 40, 0, 40);
            maybe_filters(rng, f, 0.5, 0.1);
            dd["contingency"] = f;
        }
        if (rng.chance(0.4)) {
            Json f;
            f["kind"] = "per_unit";
            f["measure"] = "fsm";
            f["rate"] = group_rates(rng, 0, 30);
            dd["fsm_admin"] = f;
        }
        if (rng.chance(0.15)) {
            // A pot de-delegated across the maintained schools (academies never pay, filter or not).
            Json f;
            f["kind"] = "allocation";
            f["pot"] = money(rng, 100, 20000);
            f["basis"] = "nor";
            if (rng.chance(0.3)) f["status"] = "maintained";
            dd["licences"] = f;
        }
        if (!dd.empty()) doc["de_delegation"] = dd;
    }
    if (rng.chance(0.7)) {
        Json grants = Json::object();
        Json pp;
        Json ever6;
        ever6["kind"] = "per_unit";
        ever6["measure"] = "pp_ever6";
        ever6["rate"] = {{"primary", money(rng, 400, 1600)}, {"secondary", money(rng, 400, 1200)}};
        pp["ever6"] = ever6;
        if (rng.chance(0.7))
            pp["plac"] = {{"kind", "per_column"}, {"rate", {{"pp_plac", money(rng, 400, 2700)}}}};
        if (rng.chance(0.7))
            pp["service"] = {{"kind", "per_column"}, {"rate", {{"pp_service", money(rng, 200, 350)}}}};
        grants["pupil_premium"] = pp;
        if (rng.chance(0.4)) {
            // A single-factor grant, evaluated outside the formula (no reception uplift, no protection).
            Json sport;
            sport["kind"] = rng.chance(0.5) ? "lump_sum" : "per_pupil";
            if (sport["kind"] == "lump_sum")
                sport["rate"] = {{"primary", money(rng, 10000, 20000)}, {"secondary", 0}};
            else
                sport["rate"] = ks_rates(rng, 5, 15, 0, 5);
            maybe_filters(rng, sport, 0.5, 0.2);
            grants["sports"] = sport;
        }
        doc["grants"] = grants;
    }
    if (rng.chance(0.6)) {
        Json sen = Json::object();
        for (const auto& id : subset(rng, ids, 0.4)) sen[id] = round_to(rng.uniform(0, 1), 0.01);
        if (!sen.empty()) doc["notional_sen"] = sen;
    }
    return doc.dump();
}

std::string random_census_csv(Rng& rng, const CensusInfo& info) {
    // Pupil numbers as key-stage totals, as year-group columns, or both (then they agree); the year-group
    // columns always when the formula may count them.
    const std::size_t layout = info.year_groups ? 1 + rng.below(2) : rng.below(3);
    const bool ks_columns = layout != 1, year_columns = layout != 0;
    const bool crlf = rng.chance(0.2);
    const char* eol = crlf ? "\r\n" : "\n";
    std::ostringstream out;
    out << "urn,laestab,name,area,phase,status";
    if (ks_columns) out << ",nor_primary,nor_ks3,nor_ks4";
    if (year_columns) {
        out << ",nor_r";
        for (int y = 1; y <= 11; ++y) out << ",nor_y" << y;
    }
    out << ",primary_year_groups,ks3_year_groups,ks4_year_groups";
    const char* const measures[] = {"fsm",     "fsm6",    "idaci_a", "idaci_b", "idaci_c",  "idaci_d",
                                    "idaci_e", "idaci_f", "lpa",     "eal3",    "mobility", "pp_ever6"};
    for (const char* m : measures) out << ',' << m << "_primary," << m << "_secondary";
    out << ",sparsity_distance,london_fringe,rates,pfi,exceptional,split_sites_basic,split_sites_distance,"
           "mfg_baseline_pupils,mfg_baseline_funding,growing,reception_uplift,prior_year_budget,pp_plac,pp_"
           "service"
        << eol;

    for (std::size_t k = 0; k < info.schools; ++k) {
        const std::int64_t urn = info.first_urn + static_cast<std::int64_t>(k);
        const double u = rng.uniform();
        const char* phase =
            u < 0.6 ? "primary" : (u < 0.8 ? "secondary" : (u < 0.9 ? "middle" : "all_through"));
        const std::string ph(phase);
        // Year groups: defaults by phase unless stated; a middle school states them; some primaries are
        // infant (3) or junior (4) schools.
        int yg[3] = {0, 0, 0};
        bool state = false;
        if (ph == "primary") {
            yg[0] = 7;
            if (rng.chance(0.1)) {
                yg[0] = rng.chance(0.5) ? 3 : 4;
                state = true;
            }
        } else if (ph == "secondary") {
            yg[1] = 3;
            yg[2] = 2;
            if (rng.chance(0.1)) {
                yg[2] = 0;  // an 11-14 school
                state = true;
            }
        } else if (ph == "all_through") {
            yg[0] = 7;
            yg[1] = 3;
            yg[2] = 2;
        } else {
            static const int middles[6][3] = {{2, 2, 0}, {3, 1, 0}, {1, 3, 0},
                                              {4, 0, 0}, {0, 3, 1}, {2, 3, 0}};
            const int* m = middles[rng.below(6)];
            for (int g = 0; g < 3; ++g) yg[g] = m[g];
            state = true;
        }
        // Size: tiny (1–10 pupils), small, usual or large per year group.
        const double sz = rng.uniform();
        double per_year =
            sz < 0.12 ? rng.uniform(0.15, 1.5) : (sz < 0.4 ? rng.uniform(3, 20) : rng.uniform(20, 240));
        double nor[3];
        for (int g = 0; g < 3; ++g)
            nor[g] = yg[g] > 0 ? std::round(per_year * yg[g] * rng.uniform(0.7, 1.3)) : 0;
        if (nor[0] + nor[1] + nor[2] <= 0) {
            for (int g = 0; g < 3; ++g)
                if (yg[g] > 0) {
                    nor[g] = 1;
                    break;
                }
        }
        // A growing secondary may have no KS4 pupils yet.
        const bool growing = rng.chance(0.1);
        if (growing && ph == "secondary" && rng.chance(0.5)) nor[2] = 0;
        if (nor[0] + nor[1] + nor[2] <= 0) nor[1] = 1;
        const double groups[2] = {nor[0], nor[1] + nor[2]};

        std::string name = "School " + std::to_string(urn);
        if (rng.chance(0.1)) name = "St Mary's, \"Upper\" " + std::to_string(urn);
        if (name.find_first_of(",\"") != std::string::npos) {
            std::string q = "\"";
            for (char c : name) {
                if (c == '"') q += '"';
                q += c;
            }
            name = q + "\"";
        }
        const std::string area = area_names()[rng.below(area_names().size())];
        out << urn << ",881" << (2000 + k % 8000) << ',' << name << ',' << area << ',' << phase << ','
            << (rng.chance(0.5) ? "academy" : "maintained");
        if (ks_columns) out << ',' << fmt(nor[0]) << ',' << fmt(nor[1]) << ',' << fmt(nor[2]);
        if (year_columns) {
            // Spread each key stage's pupils over its year columns (R–Y6, Y7–9, Y10–11).
            double years[12] = {};
            const int first[3] = {0, 7, 10}, count[3] = {7, 3, 2};
            for (int g = 0; g < 3; ++g) {
                double left = nor[g];
                for (int y = 0; y < count[g] - 1 && left > 0; ++y) {
                    const double v = std::round(left * rng.uniform(0, 0.5));
                    years[first[g] + y] = v;
                    left -= v;
                }
                years[first[g] + count[g] - 1] += left;
            }
            for (double v : years) out << ',' << fmt(v);
        }
        if (state || rng.chance(0.1))
            out << ',' << yg[0] << ',' << yg[1] << ',' << yg[2];
        else
            out << ",,,";
        // Characteristics per group: zero, whole or fractional (a proportion × NOR), never above the group.
        const bool none = rng.chance(0.15);
        double idaci_used[2] = {0, 0};
        for (const char* m : measures) {
            const std::string ms(m);
            for (int g = 0; g < 2; ++g) {
                double v = 0;
                if (!none && groups[g] > 0) {
                    const double share = rng.uniform(0, ms.rfind("idaci", 0) == 0 ? 0.12 : 0.5);
                    v = rng.chance(0.3) ? std::round(groups[g] * share * 100) / 100
                                        : std::round(groups[g] * share);
                    if (rng.chance(0.03)) v = groups[g];  // every pupil
                    if (ms.rfind("idaci", 0) == 0) {
                        v = std::min(v, groups[g] - idaci_used[g]);
                        idaci_used[g] += v;
                    }
                    v = std::max(0.0, std::min(v, groups[g]));
                }
                out << ',' << fmt(v);
            }
        }
        // Distances around the sparsity thresholds (1.5, 2, 2.5, 3, 5 and 0.8 of each).
        static const double edges[] = {1.2, 1.5, 1.6, 2, 2.4, 2.5, 3, 4, 5};
        const double distance =
            rng.chance(0.3) ? edges[rng.below(9)] : std::round(rng.uniform(0, 9) * 100) / 100;
        out << ',' << fmt(distance) << ',' << (rng.chance(0.2) ? 1 : 0);
        const double pupils = nor[0] + nor[1] + nor[2];
        out << ',' << fmt(std::round(pupils * rng.uniform(5, 30) + rng.uniform(0, 5000)));
        out << ',' << fmt(rng.chance(0.05) ? std::round(rng.uniform(50000, 300000)) : 0);
        double exceptional = rng.chance(0.05) ? std::round(rng.uniform(5000, 60000)) : 0;
        if (rng.chance(0.03)) exceptional = -std::round(rng.uniform(100, 5000) * 100) / 100;  // a clawback
        out << ',' << fmt(exceptional);
        const int split = rng.chance(0.05) ? 1 : 0;
        out << ',' << split << ',' << (split && rng.chance(0.5) ? 1 : 0);
        // Baseline: blank or zero for a new school; otherwise a per-pupil level drawn widely, so that
        // both the MFG and the cap bind somewhere.
        const double b = rng.uniform();
        if (b < 0.07) {
            out << ",,";
        } else if (b < 0.1) {
            out << ",0,0";
        } else {
            const double bp = std::max(1.0, std::round(pupils * rng.uniform(0.85, 1.15)));
            const double pp0 = rng.uniform(2500, 9500) +
                               (pupils < 40 ? 150000 / std::max(pupils, 1.0) * rng.uniform(0, 1) : 0);
            out << ',' << fmt(bp) << ',' << fmt(std::round(pp0 * bp * 100) / 100);
        }
        out << ',' << (growing ? "1" : (rng.chance(0.5) ? "0" : ""));
        out << ','
            << (nor[0] > 0 && rng.chance(0.3) ? fmt(std::round(rng.uniform(1, 6)))
                                              : (rng.chance(0.5) ? "0" : ""));
        out << ',' << (rng.chance(0.7) ? fmt(std::round(pupils * rng.uniform(4000, 7000))) : "");
        out << ',' << fmt(std::round(pupils * rng.uniform(0, 0.02))) << ','
            << fmt(rng.chance(0.3) ? std::round(pupils * rng.uniform(0, 0.05)) : 0);
        out << eol;
    }
    return out.str();
}

double engine_total(const Census& census, const Formula& formula, Lever lever, double cap, double scaling,
                    double multiplier) {
    Formula f = formula;
    std::vector<std::string> scaled;
    if (f.budget && lever == Lever::factor_multiplier) scaled = f.budget->multiplier_factors;
    f.budget.reset();
    Result r = calculate(std::make_shared<const Census>(census), f);
    if (!scaled.empty()) {
        for (const auto& id : scaled) r.factors.scaled[static_cast<std::size_t>(f.factor_index(id))] = true;
        set_multiplier(r, multiplier);
    }
    protect(r, cap, scaling);
    return r.budget_share.amount.sum();
}

std::pair<double, double> lever_range(const Census& census, const Formula& f, Lever lever,
                                      const std::vector<std::string>& multiplier_factors) {
    const double cap = f.capping.cap, s = f.capping.scaling, m = f.mfg ? f.mfg->percent : 0.0;
    Formula g = f;
    if (lever == Lever::factor_multiplier) {
        Budget b;
        b.solve_for = Lever::factor_multiplier;
        b.multiplier_factors = multiplier_factors;
        g.budget = b;
    }
    switch (lever) {
        case Lever::none: {
            const double t = engine_total(census, g, lever, cap, s, 1);
            return {t, t};
        }
        case Lever::scaling:
            return {engine_total(census, g, lever, cap, 1.0, 1), engine_total(census, g, lever, cap, 0.0, 1)};
        case Lever::cap:
            return {engine_total(census, g, lever, m, s, 1), engine_total(census, g, lever, cap, 0.0, 1)};
        case Lever::factor_multiplier:
            return {engine_total(census, g, lever, cap, s, 0.0), engine_total(census, g, lever, cap, s, 1.0)};
    }
    return {0, 0};
}

Json with_budget(const Json& doc, const Formula& f, const Census& census, Lever lever, BudgetPlace place,
                 Rng& rng, std::pair<double, double>* range) {
    Json out = doc;
    Json budget;
    budget["schools_block"] = 0;
    // Deductions (docs/funding-model.md §5): a high-needs transfer as a percent of the block, a growth fund.
    const double pct = rng.chance(0.5) ? round_to(rng.uniform(0, 0.005), 0.0001) : 0.0;
    const double amount = rng.chance(0.5) ? money(rng, 0, 50000) : 0.0;
    Json ded = Json::object();
    if (pct > 0) ded["high_needs_transfer"] = {{"percent", pct}};
    if (amount > 0) ded["growth_fund"] = {{"amount", amount}};
    if (!ded.empty()) budget["deductions"] = ded;
    budget["solve_for"] = lever == Lever::none ? Json(nullptr) : Json(to_string(lever));
    std::vector<std::string> scaled;
    if (lever == Lever::factor_multiplier && rng.chance(0.5)) {
        for (const auto& fac : f.factors)
            if (rng.chance(0.6)) scaled.push_back(fac.id);
        if (scaled.empty()) scaled.push_back(f.factors[0].id);
        budget["factors"] = scaled;
    }
    out["budget"] = budget;
    // The parser's own default list of multiplied factors, when none is given.
    Formula parsed = parse_formula(out, "budget-draft.json");
    if (lever == Lever::factor_multiplier) scaled = parsed.budget->multiplier_factors;
    const auto [lo, hi] = lever_range(census, f, lever, scaled);
    if (range) *range = {lo, hi};
    double target = 0;
    if (lever == Lever::none)
        target = hi * rng.uniform(0.98, 1.02);
    else if (place == BudgetPlace::binds)
        target = lo + rng.uniform(0.05, 0.95) * (hi - lo);
    else if (place == BudgetPlace::below_reach)
        target = lo - rng.uniform(1, 5000);
    else
        target = hi + rng.uniform(0, 5000);
    target = std::max(target, 0.0);
    // available = block − round(pct × block) − amount ≈ target.
    out["budget"]["schools_block"] = std::round((target + amount) / (1 - pct) * 100) / 100;
    return out;
}

}  // namespace fundsim::proptest
