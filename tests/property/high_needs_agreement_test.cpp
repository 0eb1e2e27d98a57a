// Two implementations agree (conventions, "Tests"), for the high needs block: on random formulas, providers
// and placements the engine (engine/high_needs/) and a plain per-placement implementation written here
// give the same pennies on every line and total; and place funding never moves when placements change
// (docs/high-needs.md §2, §5 check 5); and comparing options (§6) gives each provider the plain difference
// of its totals, and nothing at all for an option equal to the baseline.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "engine/compare/hn_compare.hpp"
#include "engine/core/money.hpp"
#include "engine/high_needs/calculate.hpp"
#include "engine/synth/rng.hpp"
#include "tests/support.hpp"

namespace property_high_needs_agreement_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

const char* const kSettings[] = {"special", "ap",          "sen_unit",  "resourced_provision",
                                 "fe",      "independent", "mainstream"};

struct RProvider {
    long long urn;
    int setting;
    std::string la;
    double before, after;
    bool dfe;
    std::optional<double> baseline;
};
struct RPlacement {
    std::string id;
    long long provider;
    std::string band;
    int start, end;  // yyyymmdd, end 0 = none
    double fte;
    std::optional<double> rate;
};
struct RCase {
    int year;
    bool days;
    std::map<int, double> place_rate;                  // setting -> rate (place-funded settings only)
    std::map<int, std::map<std::string, double>> own;  // setting -> its own band table
    std::map<int, int> alias;                          // setting -> setting whose table it uses
    double ie_rate, imports, exports;
    std::optional<double> mfg;
    std::vector<std::pair<std::string, double>> central;
    std::vector<RProvider> providers;
    std::vector<RPlacement> placements;
};

// An amount with random pennies (so that rounding is exercised), from lo to hi pounds.
double pounds(Rng& rng, double lo, double hi) { return std::round(rng.uniform(lo, hi) * 100) / 100; }

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int month_days(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return d[m - 1] + (m == 2 && is_leap(y) ? 1 : 0);
}
int random_date(Rng& rng, int from_year, int years) {
    const int y = from_year + static_cast<int>(rng.below(static_cast<std::size_t>(years)));
    const int m = 1 + static_cast<int>(rng.below(12));
    const int d = 1 + static_cast<int>(rng.below(static_cast<std::size_t>(month_days(y, m))));
    return y * 10000 + m * 100 + d;
}

const std::map<std::string, double>* table_of(const RCase& c, int s) {
    if (c.own.count(s)) return &c.own.at(s);
    if (c.alias.count(s)) return &c.own.at(c.alias.at(s));
    return nullptr;
}

RCase random_case(std::uint64_t seed) {
    Rng rng(seed);
    RCase c;
    c.year = 2020 + static_cast<int>(rng.below(10));
    c.days = rng.chance(0.5);
    for (int s = 0; s < 5; ++s)
        c.place_rate[s] =
            rng.chance(0.3) ? pounds(rng, 1000, 20000) : 1000.0 * static_cast<double>(1 + rng.below(15));
    for (int s = 0; s < 7; ++s) {
        if (s > 0 && rng.chance(0.3)) continue;  // decided below: an alias or no table
        std::map<std::string, double> t;
        const std::size_t nb = 1 + rng.below(5);
        for (std::size_t b = 1; b <= nb; ++b)
            t[std::to_string(b)] =
                rng.chance(0.5) ? pounds(rng, 500, 40000) : 500.0 * static_cast<double>(1 + rng.below(60));
        c.own[s] = t;
    }
    for (int s = 0; s < 7; ++s)
        if (!c.own.count(s) && rng.chance(0.7)) c.alias[s] = 0;  // special always has a table of its own
    c.ie_rate = pounds(rng, 0, 9000);
    c.imports = static_cast<double>(rng.below(300));
    c.exports = static_cast<double>(rng.below(300));
    if (rng.chance(0.7)) c.mfg = std::round(rng.uniform(-0.03, 0.03) * 1000) / 1000;
    for (std::size_t k = 0; k < rng.below(4); ++k)
        c.central.emplace_back("line" + std::to_string(k), pounds(rng, 0, 3e6));
    const std::size_t np = 1 + rng.below(25);
    for (std::size_t k = 0; k < np; ++k) {
        RProvider p;
        p.urn = 1000 + static_cast<long long>(k) * 7;
        p.setting = static_cast<int>(rng.below(7));
        p.la = rng.chance(0.7) ? "881" : "900";
        const bool placed = p.setting < 5;
        p.before = placed ? (rng.chance(0.2) ? 0.5 * static_cast<double>(rng.below(400))
                                             : static_cast<double>(rng.below(250)))
                          : 0;
        p.after = placed ? static_cast<double>(rng.below(250)) : 0;
        p.dfe = rng.chance(0.3);
        if (rng.chance(0.5)) p.baseline = pounds(rng, 0, 30000);
        c.providers.push_back(p);
    }
    const std::size_t nm = 1 + rng.below(150);  // a placements file has at least one row
    for (std::size_t j = 0; j < nm; ++j) {
        RPlacement m;
        m.id = "P" + std::to_string(j);
        const RProvider& p = c.providers[rng.below(np)];
        m.provider = p.urn;
        const auto* t = table_of(c, p.setting);
        if (!t || rng.chance(0.15)) {
            m.rate = pounds(rng, 0, 90000);
            if (rng.chance(0.5)) m.band = "x";
        } else {
            auto it = t->begin();
            std::advance(it, static_cast<long>(rng.below(t->size())));
            m.band = it->first;
        }
        m.start = random_date(rng, c.year - 1, 3);
        m.end = rng.chance(0.4) ? 0 : random_date(rng, m.start / 10000, 2);
        if (m.end != 0 && m.end < m.start) std::swap(m.start, m.end);
        m.fte = rng.chance(0.7) ? 1.0 : std::round(rng.uniform(0, 1) * 100) / 100;
        c.placements.push_back(m);
    }
    return c;
}

std::string num(double v) {
    char b[64];
    std::snprintf(b, sizeof b, "%.17g", v);
    return b;
}
std::string date(int d) {
    if (d == 0) return "";
    char b[16];
    std::snprintf(b, sizeof b, "%04d-%02d-%02d", d / 10000, (d / 100) % 100, d % 100);
    return b;
}

std::string formula_json(const RCase& c) {
    std::string j = "{\"name\": \"random\", \"year\": \"" + std::to_string(c.year) + "-" +
                    std::to_string((c.year + 1) % 100 / 10) + std::to_string((c.year + 1) % 10) +
                    "\", \"la\": \"881\", \"place_rates\": {";
    for (const auto& [s, r] : c.place_rate)
        j += std::string(s ? ", " : "") + "\"" + kSettings[s] + "\": " + num(r);
    j += std::string("}, \"proration\": \"") + (c.days ? "days" : "months") + "\", \"bands\": {";
    bool first = true;
    for (const auto& [s, t] : c.own) {
        j += std::string(first ? "" : ", ") + "\"" + kSettings[s] + "\": {";
        first = false;
        bool f2 = true;
        for (const auto& [b, v] : t)
            j += std::string(f2 ? "" : ", ") + "\"" + b + "\": " + num(v), f2 = false;
        j += "}";
    }
    for (const auto& [s, to] : c.alias)
        j += std::string(", \"") + kSettings[s] + "\": \"" + kSettings[to] + "\"";
    j += "}, \"import_export\": {\"rate\": " + num(c.ie_rate) + ", \"imports\": " + num(c.imports) +
         ", \"exports\": " + num(c.exports) + "}, \"central\": {";
    for (std::size_t k = 0; k < c.central.size(); ++k)
        j += (k ? ", \"" : "\"") + c.central[k].first + "\": " + num(c.central[k].second);
    j += "}";
    if (c.mfg) j += ", \"special_mfg\": {\"percent\": " + num(*c.mfg) + "}";
    return j + "}";
}

std::string providers_csv(const RCase& c) {
    std::string s = "urn,name,setting,la,places_before,places_after,funded_by,topup_baseline_per_pupil\n";
    for (const auto& p : c.providers)
        s += std::to_string(p.urn) + ",P," + kSettings[p.setting] + "," + p.la + "," + num(p.before) + "," +
             num(p.after) + "," + (p.dfe ? "dfe" : "la") + "," + (p.baseline ? num(*p.baseline) : "") + "\n";
    return s;
}
std::string placements_csv(const std::vector<RPlacement>& ms) {
    std::string s = "placement,provider,band,start,end,fte,rate\n";
    for (const auto& m : ms)
        s += m.id + "," + std::to_string(m.provider) + "," + m.band + "," + date(m.start) + "," +
             date(m.end) + "," + num(m.fte) + "," + (m.rate ? num(*m.rate) : "") + "\n";
    return s;
}

// The plain implementation: the rules of docs/high-needs.md §2 read one placement and one provider at a time.
struct Plain {
    std::vector<long long> place, tops, mfg, total;  // pennies per provider
    std::vector<long long> top_up;                   // pennies per placement
    long long la_place = 0, dfe_place = 0, all_tops = 0, all_mfg = 0, central = 0, ie = 0, spend = 0;
};
long long p100(double pounds_) { return std::llround(round_penny(pounds_) * 100); }

// Days on roll: walk the year one day at a time. Months: for each month of the year, on roll on its 1st,
// or started in it on or before the 15th.
double share(const RCase& c, const RPlacement& m) {
    if (c.days) {
        int on = 0, all = 0;
        for (int y = c.year; y <= c.year + 1; ++y)
            for (int mo = 1; mo <= 12; ++mo) {
                if ((y == c.year && mo < 4) || (y == c.year + 1 && mo > 3)) continue;
                for (int d = 1; d <= month_days(y, mo); ++d) {
                    const int t = y * 10000 + mo * 100 + d;
                    ++all;
                    if (m.start <= t && (m.end == 0 || t <= m.end)) ++on;
                }
            }
        return static_cast<double>(on) / all;
    }
    int on = 0;
    for (int k = 0; k < 12; ++k) {
        const int mo = k < 9 ? k + 4 : k - 8, y = k < 9 ? c.year : c.year + 1;
        const int first = y * 10000 + mo * 100 + 1;
        if ((m.start <= first && (m.end == 0 || first <= m.end)) ||
            (m.start / 100 == first / 100 && m.start % 100 <= 15))
            ++on;
    }
    return on / 12.0;
}

Plain plain(const RCase& c, const std::vector<RPlacement>& ms) {
    Plain r;
    const std::size_t np = c.providers.size();
    r.place.assign(np, 0);
    r.tops.assign(np, 0);
    r.mfg.assign(np, 0);
    r.total.assign(np, 0);
    std::vector<double> fte(np, 0);
    for (std::size_t k = 0; k < np; ++k) {
        const auto& p = c.providers[k];
        if (p.setting < 5) r.place[k] = p100(c.place_rate.at(p.setting) * (p.before * 5 + p.after * 7) / 12);
        (p.dfe ? r.dfe_place : r.la_place) += r.place[k];
    }
    for (const auto& m : ms) {
        std::size_t k = 0;
        while (c.providers[k].urn != m.provider) ++k;
        const double annual = m.rate ? *m.rate : table_of(c, c.providers[k].setting)->at(m.band);
        const long long t = p100(annual * m.fte * share(c, m));
        r.top_up.push_back(t);
        r.tops[k] += t;
        fte[k] += m.fte;
        r.all_tops += t;
    }
    for (std::size_t k = 0; k < np; ++k) {
        const auto& p = c.providers[k];
        if (c.mfg && p.baseline && fte[k] > 0) {
            const double guaranteed_pp = *p.baseline * (1 + *c.mfg);
            const double actual_pp = static_cast<double>(r.tops[k]) / 100 / fte[k];
            r.mfg[k] = p100(std::max(0.0, guaranteed_pp - actual_pp) * fte[k]);
        }
        r.all_mfg += r.mfg[k];
        r.total[k] = (p.dfe ? 0 : r.place[k]) + r.tops[k] + r.mfg[k];
    }
    for (const auto& l : c.central) r.central += p100(l.second);
    r.ie = p100(c.ie_rate * (c.imports - c.exports));
    r.spend = r.la_place + r.all_tops + r.all_mfg + r.central;
    return r;
}

struct Loaded {
    test::TempDir dir;
    hn::HnFormula f;
    hn::Providers ps;
    hn::Placements pl;
    hn::HnResult r;
    Loaded(const RCase& c, const std::vector<RPlacement>& ms, const std::string& name)
        : dir(name),
          f(hn::parse_hn_formula(Json::parse(formula_json(c)), "random.json")),
          ps(hn::load_providers(dir.write("p.csv", providers_csv(c)))),
          pl(hn::load_placements(dir.write("t.csv", placements_csv(ms)))),
          r(hn::calculate_high_needs(f, ps, pl, {1e8, 0})) {}
};

}  // namespace

TEST_CASE("high needs property: the engine and a plain per-placement implementation agree to the penny",
          "[property][high_needs]") {
    std::size_t mismatches = 0, placements = 0, with_mfg = 0, days = 0, part = 0;
    std::string first;
    auto check = [&](bool ok, const std::string& what, std::uint64_t seed) {
        if (ok) return;
        if (mismatches++ == 0) first = "seed " + std::to_string(seed) + ": " + what;
    };
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        const RCase c = random_case(seed);
        const Plain want = plain(c, c.placements);
        const Loaded got(c, c.placements, "hn-prop");
        days += c.days;
        for (std::size_t j = 0; j < c.placements.size(); ++j) {
            const long long t = whole_pennies(got.r.placement_lines[j].top_up);
            check(t == want.top_up[j],
                  "placement " + c.placements[j].id + " top-up " + std::to_string(t) + " vs " +
                      std::to_string(want.top_up[j]),
                  seed);
            ++placements;
            part += want.top_up[j] != 0 &&
                    got.r.placement_lines[j].on_roll.units != got.r.placement_lines[j].on_roll.per_year;
        }
        for (std::size_t k = 0; k < c.providers.size(); ++k) {
            const auto& l = got.r.provider_lines[k];
            check(whole_pennies(l.place_funding) == want.place[k],
                  "place funding of provider " + std::to_string(k), seed);
            check(whole_pennies(l.top_ups) == want.tops[k], "top-ups of provider " + std::to_string(k), seed);
            check(whole_pennies(l.special_mfg) == want.mfg[k],
                  "special MFG of provider " + std::to_string(k) + ": " + std::to_string(l.special_mfg) +
                      " vs " + std::to_string(want.mfg[k]),
                  seed);
            check(whole_pennies(l.total_from_la) == want.total[k], "total of provider " + std::to_string(k),
                  seed);
            with_mfg += want.mfg[k] > 0;
        }
        const auto& pos = got.r.position;
        check(whole_pennies(got.r.place_funding_la_total) == want.la_place, "LA place funding", seed);
        check(whole_pennies(pos.dfe_place_deductions) == want.dfe_place, "direct funding deductions", seed);
        check(whole_pennies(got.r.top_ups_total) == want.all_tops, "top-ups total", seed);
        check(whole_pennies(got.r.special_mfg_total) == want.all_mfg, "special MFG total", seed);
        check(whole_pennies(got.r.central_total) == want.central, "central total", seed);
        check(whole_pennies(pos.import_export) == want.ie, "import/export", seed);
        check(whole_pennies(pos.spend) == want.spend, "spend", seed);
        check(whole_pennies(*pos.in_year) == 10000000000LL + want.ie - want.dfe_place - want.spend, "in-year",
              seed);
    }
    INFO(first);
    CHECK(mismatches == 0);
    // The random cases reach every rule: part-year placements, both prorations, the MFG.
    CHECK(placements > 10000);
    CHECK(part > 1000);
    CHECK(days > 100);
    CHECK(with_mfg > 50);
}

TEST_CASE("high needs property: place funding ignores the placements (check 5)", "[property][high_needs]") {
    std::size_t changed_top_ups = 0;
    for (std::uint64_t seed = 1; seed <= 150; ++seed) {
        const RCase c = random_case(seed + 1000);
        // Another set of placements: a random half of these kept, and new ones added at random providers.
        Rng rng(seed);
        std::vector<RPlacement> other;
        for (const auto& m : c.placements)
            if (rng.chance(0.5)) other.push_back(m);
        RCase extra = random_case(seed + 5000);
        for (auto m : extra.placements) {
            const auto& p = c.providers[rng.below(c.providers.size())];
            const auto* t = table_of(c, p.setting);
            m.provider = p.urn;
            m.id = "N" + m.id;
            if (!t) {
                m.rate = 1000;
            } else if (!m.rate) {
                m.band = t->begin()->first;
            }
            other.push_back(m);
        }
        const Loaded a(c, c.placements, "hn-prop-a");
        const Loaded b(c, other, "hn-prop-b");
        for (std::size_t k = 0; k < c.providers.size(); ++k)
            REQUIRE(a.r.provider_lines[k].place_funding == b.r.provider_lines[k].place_funding);
        REQUIRE(a.r.place_funding_la == b.r.place_funding_la);
        REQUIRE(a.r.place_funding_dfe == b.r.place_funding_dfe);
        REQUIRE(a.r.position.dfe_place_deductions == b.r.position.dfe_place_deductions);
        changed_top_ups += a.r.top_ups_total != b.r.top_ups_total;
    }
    CHECK(changed_top_ups > 100);  // the placements did change what they pay
}

TEST_CASE("high needs property: compare gives each provider the plain difference of its totals (§6)",
          "[property][high_needs]") {
    std::size_t gains = 0, losses = 0;
    for (std::uint64_t seed = 1; seed <= 100; ++seed) {
        const RCase c = random_case(seed + 9000);
        // The option: every rate of one band table moved by a random amount, and random places changed.
        Rng rng(seed);
        RCase o = c;
        if (!o.own.empty()) {
            auto it = o.own.begin();
            std::advance(it, static_cast<long>(rng.below(o.own.size())));
            for (auto& [band, rate] : it->second) rate = std::max(0.0, rate + pounds(rng, -2000, 2000));
        }
        for (auto& p : o.providers)
            if (o.place_rate.count(p.setting) && rng.chance(0.3))
                p.after += static_cast<double>(rng.below(20));
        const Plain pb = plain(c, c.placements), po = plain(o, o.placements);
        const Loaded base(c, c.placements, "hn-prop-cb"), same(c, c.placements, "hn-prop-cs"),
            opt(o, o.placements, "hn-prop-co");
        const hn::HnComparison cmp = hn::compare_high_needs(
            {"base", "b", &base.f, &base.ps, &base.pl},
            {{"same", "s", &same.f, &same.ps, &same.pl}, {"option", "o", &opt.f, &opt.ps, &opt.pl}},
            {1e8, 0});
        const hn::HnOptionResult& eq = cmp.options[0];
        REQUIRE(eq.unchanged == c.providers.size());
        REQUIRE(eq.position.spend_change == 0);
        REQUIRE(*eq.position.in_year_change == 0);
        const hn::HnOptionResult& r = cmp.options[1];
        REQUIRE(r.providers.size() == c.providers.size());
        std::size_t gaining = 0, losing = 0;
        for (std::size_t k = 0; k < c.providers.size(); ++k) {
            const long long want = po.total[k] - pb.total[k];
            INFO("seed " << seed << " provider " << k);
            REQUIRE(whole_pennies(r.providers[k].change) == want);
            gaining += want > 0;
            losing += want < 0;
        }
        REQUIRE(r.gaining == gaining);
        REQUIRE(r.losing == losing);
        REQUIRE(whole_pennies(r.position.spend_change) == po.spend - pb.spend);
        REQUIRE(whole_pennies(*r.position.available_change) == -(po.dfe_place - pb.dfe_place));
        gains += gaining;
        losses += losing;
    }
    CHECK(gains > 50);  // the options did move providers both ways
    CHECK(losses > 50);
}

}  // namespace property_high_needs_agreement_test
