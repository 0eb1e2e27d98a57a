// The synthetic early years market (engine/synth/synth_early_years.hpp). The shape, per provider type, is
// what an LA's termly headcount looks like (docs/early-years.md §7): children by entitlement, the share of
// 3- and 4-year-olds also taking the additional 15 hours, take-up below the full entitlement, more 3- and
// 4-year-olds in the summer term than in the autumn, EYPP on the first 15 hours, DAF children few.
#include "engine/synth/synth_early_years.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

#include "engine/synth/rng.hpp"

namespace fundsim {

namespace {

const char* const kAreas[] = {"Cluster North", "Cluster South", "Cluster East", "Cluster West",
                              "Town Centre"};
const char* const kPlaces[] = {"Oak",     "Willow", "Meadow", "Riverside", "Hillside", "Orchard", "Brook",
                               "Bramble", "Heath",  "Mill",   "Church",    "Station",  "Park",    "Abbey"};
const char* const kPviKinds[] = {"Day Nursery", "Pre-school", "Playgroup", "Nursery", "Little Learners"};

// The weeks of each term (summer, autumn, spring: 13 + 14 + 11 = 38) the hours are drawn over; an LA's
// own calendar may differ by a week.
constexpr double kWeeks[3] = {13, 14, 11};
// The 3- and 4-year-olds on roll by term relative to spring: the most in summer (those who turned 3 during
// the year), the fewest in autumn (the oldest have left for reception).
constexpr double kTermRoll34[3] = {1.10, 0.80, 1.0};

enum Type { kNurserySchool, kSchool, kPvi, kChildminder };
const char* const kTypeNames[] = {"nursery_school", "school", "pvi", "childminder"};

struct Provider {
    std::string id, name, area;
    Type type;
    double quality = 0;
    double deprivation = 0;             // share of hours from the most deprived areas
    std::array<double, 3> base_roll{};  // children: three_four, two, u2 (spring term)
};

std::size_t scaled(std::size_t schools, double per_550) {
    return std::max<std::size_t>(
        1, static_cast<std::size_t>(std::llround(per_550 * static_cast<double>(schools) / 550.0)));
}

// A whole number near `mean` (never negative).
double children_near(Rng& rng, double mean) {
    return std::max(0.0, std::round(mean * rng.uniform(0.85, 1.15)));
}

// Each child's hours in a term: `per_week` × weeks × take-up, in half hours (claims are in half hours).
double hours_for(Rng& rng, double children, double per_week, double weeks) {
    if (children <= 0) return 0;
    const double takeup = rng.uniform(0.86, 0.99);
    return std::round(children * per_week * weeks * takeup * 2.0) / 2.0;
}

double binomial(Rng& rng, double n, double p) {
    double k = 0;
    for (int i = 0; i < static_cast<int>(n); ++i) k += rng.chance(p) ? 1 : 0;
    return k;
}

std::string money_text(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.0f", v);
    return b;
}

std::string hours_text(double v) {
    char b[32];
    std::snprintf(b, sizeof b, v == std::floor(v) ? "%.0f" : "%.1f", v);
    return b;
}

}  // namespace

SynthEarlyYearsCounts synth_early_years_counts(std::size_t schools) {
    return {scaled(schools, 4), scaled(schools, 180), scaled(schools, 600), scaled(schools, 600)};
}

SynthEarlyYearsFiles synth_early_years(const SynthEarlyYearsOptions& opt) {
    Rng rng(opt.seed * 0x2545f4914f6cdd1dULL + 0x45a1);
    const SynthEarlyYearsCounts n = synth_early_years_counts(opt.schools);
    std::vector<Provider> providers;
    const std::size_t counts[4] = {n.nursery_school, n.school, n.pvi, n.childminder};
    for (int t = 0; t < 4; ++t)
        for (std::size_t k = 0; k < counts[t]; ++k) {
            Provider p;
            p.type = static_cast<Type>(t);
            char id[16];
            std::snprintf(id, sizeof id, "EY%05zu", providers.size() + 1);
            p.id = id;
            const std::string place = kPlaces[rng.below(std::size(kPlaces))];
            p.area = kAreas[rng.below(std::size(kAreas))];
            // Deprivation: most settings serve few children from the most deprived areas, town centres more.
            p.deprivation = std::min(0.9, std::pow(rng.uniform(), 2.2) * 0.6 +
                                              (p.area == std::string("Town Centre") ? 0.15 : 0.0));
            switch (p.type) {
                case kNurserySchool:  // large: 80-120 three- and four-year-olds, some 2s, no babies
                    p.name = place + " Nursery School";
                    p.base_roll = {rng.uniform(80, 120), rng.uniform(8, 20), 0};
                    p.quality = 0;  // its nursery school supplement pays for its teachers
                    break;
                case kSchool:  // a nursery class of 26 places, a few with a 2-year-old room
                    p.name = place + " Primary School Nursery";
                    p.base_roll = {rng.uniform(16, 36), rng.chance(0.3) ? rng.uniform(4, 10) : 0, 0};
                    p.quality = rng.chance(0.5) ? 1500 : 0;
                    break;
                case kPvi:
                    p.name = place + " " + kPviKinds[rng.below(std::size(kPviKinds))];
                    p.base_roll = {rng.uniform(12, 50), rng.uniform(4, 24), rng.uniform(0, 18)};
                    p.quality = rng.chance(0.3) ? std::round(rng.uniform(1000, 2500) / 100) * 100 : 0;
                    break;
                case kChildminder:
                    p.name = "Childminder " + std::to_string(k + 1) + " (" + place + ")";
                    p.base_roll = {rng.uniform(0, 3), rng.uniform(0, 2), rng.uniform(0, 2)};
                    p.quality = 0;
                    break;
            }
            providers.push_back(p);
        }

    SynthEarlyYearsFiles out;
    out.providers = providers.size();
    std::string& pc = out.providers_csv;
    pc = "provider,name,type,area,quality_lump\n";
    for (const Provider& p : providers)
        pc += p.id + "," + p.name + "," + kTypeNames[p.type] + "," + p.area + "," + money_text(p.quality) +
              "\n";

    std::string& hc = out.hours_csv;
    hc = "provider,term,entitlement,children,hours,deprivation_hours,eypp_children,eypp_hours,daf_children\n";
    const char* const terms[3] = {"summer", "autumn", "spring"};
    for (const Provider& p : providers)
        for (int t = 0; t < 3; ++t) {
            const double w = kWeeks[t];
            const double c34 = children_near(rng, p.base_roll[0] * kTermRoll34[t]);
            const double c2 = children_near(rng, p.base_roll[1]);
            const double cu2 = children_near(rng, p.base_roll[2] * (0.8 + 0.1 * t));  // growing in the year
            // Entitlement: children, hours a week, the share with EYPP.
            struct Claim {
                const char* entitlement;
                double children, per_week, eypp;
            };
            const double working_share = rng.uniform(0.45, 0.65);  // of 3s and 4s, and of 2s
            const double c2_support = std::round(c2 * (1 - working_share));
            const Claim claims[5] = {
                {"u2_working", cu2, 30, 0.05},
                {"two_support", c2_support, 15, 0.6},  // families receiving additional support
                {"two_working", c2 - c2_support, 30, 0.05},
                {"three_four_universal", c34, 15, 0.12 + p.deprivation * 0.4},
                // The additional 15 hours: EYPP is paid on the first 15 hours only, so on the universal row.
                {"three_four_additional", std::round(c34 * working_share), 15, 0},
            };
            for (const Claim& c : claims) {
                if (c.children <= 0) continue;
                const double hours = hours_for(rng, c.children, c.per_week, w);
                const double dep = std::round(hours * p.deprivation * rng.uniform(0.8, 1.2));
                const double eypp_children = binomial(rng, c.children, std::min(0.9, c.eypp));
                const double eypp_hours = hours_for(rng, eypp_children, 15, w);
                // DAF: a child on Disability Living Allowance, claimed once a year (most in the autumn).
                const double daf = binomial(rng, c.children, t == 1 ? 0.012 : 0.003);
                hc += p.id + "," + terms[t] + "," + c.entitlement + "," + hours_text(c.children) + "," +
                      hours_text(hours) + "," + hours_text(std::min(dep, hours)) + "," +
                      hours_text(eypp_children) + "," + hours_text(eypp_hours) + "," + hours_text(daf) + "\n";
                ++out.rows;
            }
        }
    return out;
}

}  // namespace fundsim
