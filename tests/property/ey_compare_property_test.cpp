// `compare --early-years` against the plain way to compare (docs/early-years.md §8): on random formulas,
// providers, hours and options (scenario patches, some with their own hours or providers file), each
// option's provider totals are those of calculating that option alone, as `fundsim early-years` would, to
// the penny; each change is the difference of the two totals; the tally counts and sums them; and an option
// compared with itself changes nothing for any provider.
#include <catch2/catch.hpp>
#include <map>

#include "engine/compare/ey_compare.hpp"
#include "engine/synth/rng.hpp"
#include "tests/support.hpp"
#include "tests/unit/ey_compare/loaded_option.hpp"

namespace property_ey_compare_property_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::test;

namespace {

std::string num(double v) {
    char b[64];
    std::snprintf(b, sizeof b, "%.3f", v);
    return b;
}

std::string rate(Rng& rng, std::size_t most_tenths) {
    return num(static_cast<double>(rng.below(most_tenths)) / 1000);
}

const char* kTerms[] = {"summer", "autumn", "spring"};
const char* kEntitlements[] = {"u2_working", "two_support", "two_working", "three_four_universal",
                               "three_four_additional"};
const char* kTypes[] = {"nursery_school", "school", "pvi", "childminder"};

// A formula with the random rates, two per_hour supplements, a per_provider one, EYPP and DAF; the
// three_four rate solved or not.
std::string formula_json(Rng& rng, bool solve) {
    return R"({"name": "base", "base_rate": {"u2": )" + rate(rng, 12000) + R"(, "two": )" + rate(rng, 9000) +
           R"(, "three_four": )" + rate(rng, 7000) + R"(},
      "supplements": {
        "deprivation": {"kind": "per_hour", "column": "deprivation_hours", "rate": )" +
           rate(rng, 500) + R"(, "groups": ["two", "three_four"]},
        "send": {"kind": "per_hour", "column": "hours", "rate": )" +
           rate(rng, 300) + R"(, "groups": ["three_four"]},
        "quality": {"kind": "per_provider", "column": "quality_lump", "rate": 1, "groups": ["three_four"]}},
      "supplement_cap": null, "nursery_school_supplement": )" +
           rate(rng, 5000) + R"(,
      "eypp": {"rate": )" +
           rate(rng, 2000) +
           R"(, "max_hours_per_week": 15}, "daf": {"rate": 975},
      "term_weeks": {"summer": 13, "autumn": 14, "spring": 11}, "pass_through": {"minimum": 0.97},
      "budget": {"allocation": {"u2": 100000, "two": 200000, "three_four": 50000000},
                 "central": {"admin": )" +
           std::to_string(rng.below(50000)) + "}" + (solve ? R"(, "solve_for": "base_rate")" : "") + "}}";
}

std::string providers_csv(Rng& rng, std::size_t n, std::size_t first) {
    std::string out = "provider,name,type,area,quality_lump\n";
    for (std::size_t p = first; p < first + n; ++p)
        out += "P" + std::to_string(p) + ",Provider " + std::to_string(p) + "," + kTypes[rng.below(4)] +
               ",North," + std::to_string(rng.below(2000)) + "\n";
    return out;
}

// Hours rows for providers [first, first + n): provider 0 always has three_four hours (the solver's).
std::string hours_csv(Rng& rng, std::size_t n, std::size_t first) {
    std::string out =
        "provider,term,entitlement,children,hours,deprivation_hours,eypp_children,eypp_hours,daf_children\n";
    const int weeks[] = {13, 14, 11};
    for (std::size_t p = first; p < first + n; ++p)
        for (int t = 0; t < 3; ++t)
            for (int e = 0; e < 5; ++e) {
                const bool anchor = p == first && t == 0 && e == 3;
                if (!anchor && !rng.chance(0.35)) continue;
                const std::size_t children = 1 + rng.below(30);
                const std::size_t most = children * 30 * static_cast<std::size_t>(weeks[t]) * 2;
                const double hours = static_cast<double>(1 + rng.below(most)) / 2;
                const std::size_t eypp = rng.below(children + 1);
                out += "P" + std::to_string(p) + "," + kTerms[t] + "," + kEntitlements[e] + "," +
                       std::to_string(children) + "," + num(hours) + "," +
                       num(std::floor(hours * rng.uniform())) + "," + std::to_string(eypp) + "," +
                       num(static_cast<double>(eypp) * 15 * rng.uniform(0, 30)) + "," +
                       std::to_string(rng.below(2)) + "\n";
            }
    return out;
}

// A random patch of the base: rates, a supplement's rate, the central line, solving on or off.
std::string random_changes(Rng& rng) {
    std::string c = "{";
    auto add = [&](const std::string& kv) { c += (c.size() > 1 ? ", " : "") + kv; };
    if (rng.chance(0.5))
        add(R"("base_rate": {"three_four": )" + rate(rng, 7000) + ", \"two\": " + rate(rng, 9000) + "}");
    if (rng.chance(0.5)) add(R"("supplements": {"deprivation": {"rate": )" + rate(rng, 500) + "}}");
    if (rng.chance(0.3)) add(R"("nursery_school_supplement": )" + rate(rng, 5000));
    if (rng.chance(0.4))
        add(R"("budget": {"central": {"admin": )" + std::to_string(rng.below(80000)) + "}" +
            (rng.chance(0.5) ? R"(, "solve_for": null)" : "") + "}");
    return c + "}";
}

// The plain comparison: each side's year totals by provider id, in pennies, from its own calculation.
std::map<std::string, std::int64_t> totals_alone(const LoadedOption& l) {
    const EyResult r = calculate_early_years(l.source.formula, l.in.providers, l.in.hours);
    std::map<std::string, std::int64_t> out;
    for (std::size_t k = 0; k < r.providers.size(); ++k) out[r.providers.id[k]] = r.providers_year[k].total();
    return out;
}

std::int64_t pennies(double pounds) { return std::llround(pounds * 100); }

}  // namespace

TEST_CASE(
    "ey compare property: option totals are the option run alone; an option against itself changes "
    "nothing",
    "[ey_compare][property]") {
    Rng rng(20261207);
    const TempDir dir("ey-compare-property");
    int compared = 0;
    for (int iter = 0; iter < 40; ++iter) {
        INFO("iteration " << iter);
        const std::size_t n = 1 + rng.below(12);
        const std::string base = dir.write("base.json", formula_json(rng, rng.chance(0.6)));
        const std::string prov = dir.write("providers.csv", providers_csv(rng, n, 0));
        const std::string hours = dir.write("hours.csv", hours_csv(rng, n, 0));
        // Own files: other hours for the same providers, or a market that overlaps the base's.
        const std::size_t shift = rng.below(n + 1), m = 1 + rng.below(12);
        dir.write("own-hours.csv", hours_csv(rng, n, 0));
        dir.write("own-providers.csv", providers_csv(rng, m, shift));
        dir.write("own-market-hours.csv", hours_csv(rng, m, shift));
        std::vector<std::string> paths;
        const std::size_t options = 1 + rng.below(4);
        for (std::size_t k = 0; k < options; ++k) {
            const std::size_t files = rng.below(3);
            const std::string own =
                files == 1   ? R"("hours": "own-hours.csv", )"
                : files == 2 ? R"("providers": "own-providers.csv", "hours": "own-market-hours.csv", )"
                             : "";
            paths.push_back(dir.write("o" + std::to_string(k) + ".json",
                                      R"({"name": "o)" + std::to_string(k) + R"(", "base": "base.json", )" +
                                          own + R"("changes": )" + random_changes(rng) + "}"));
        }
        std::vector<LoadedOption> loaded;
        loaded.reserve(paths.size());
        for (const auto& p : paths) loaded.emplace_back(p, prov, hours);
        const LoadedOption b(base, prov, hours);
        std::vector<EyCase> cases;
        for (const auto& l : loaded) cases.push_back(l.as_case(l.source.path));
        EyComparison c;
        try {
            c = compare_early_years(b.as_case(base), cases);
        } catch (const Error& e) {
            // A patch may leave nothing to solve on, or more central than the allocation: the engine's own
            // refusal, the same as early-years on that option alone.
            INFO(e.what());
            CHECK((e.kind() == ErrorKind::unaffordable || e.kind() == ErrorKind::input));
            continue;
        }
        ++compared;
        const auto base_alone = totals_alone(b);
        for (std::size_t k = 0; k < loaded.size(); ++k) {
            const auto alone = totals_alone(loaded[k]);
            const EyOptionResult& o = c.options[k];
            std::int64_t sum = 0;
            std::size_t gaining = 0, losing = 0, unchanged = 0;
            for (const auto& r : o.providers) {
                const std::int64_t bt = r.in_baseline ? base_alone.at(r.provider) : 0;
                const std::int64_t ot = r.in_option ? alone.at(r.provider) : 0;
                CHECK(r.in_baseline == (base_alone.count(r.provider) == 1));
                CHECK(r.in_option == (alone.count(r.provider) == 1));
                CHECK(pennies(r.baseline) == bt);
                CHECK(pennies(r.option) == ot);
                CHECK(pennies(r.change) == ot - bt);
                sum += ot - bt;
                (ot > bt ? gaining : ot < bt ? losing : unchanged) += 1;
            }
            // Every provider of either side is a row, once.
            std::map<std::string, int> seen;
            for (const auto& r : o.providers) ++seen[r.provider];
            for (const auto& [id, t] : base_alone) CHECK(seen[id] == 1);
            for (const auto& [id, t] : alone) CHECK(seen[id] == 1);
            CHECK(seen.size() == o.providers.size());
            CHECK(o.tally.total_pennies == sum);
            CHECK(o.tally.gaining == gaining);
            CHECK(o.tally.losing == losing);
            CHECK(o.tally.unchanged == unchanged);

            // The option against itself: no provider changes.
            const EyComparison self =
                compare_early_years(loaded[k].as_case("self"), {loaded[k].as_case("self")});
            for (const auto& r : self.options[0].providers) {
                CHECK(r.in_baseline);
                CHECK(r.in_option);
                CHECK(r.change == 0);
            }
            CHECK(self.options[0].tally.unchanged == self.options[0].providers.size());
            CHECK(self.options[0].payments_change == 0);
            CHECK(self.options[0].headroom_change == 0);
        }
    }
    // The refusals above are the exception: most cases are compared.
    CHECK(compared >= 30);
}

}  // namespace property_ey_compare_property_test
