// One census shared by several calculations (engine/run/result.hpp): results own it read-only, runs on
// several threads at once give exactly the single-threaded result, and a calculation never fills the column
// cache.
#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "engine/synth/synth.hpp"
#include "reports/writers.hpp"
#include "tests/support.hpp"

namespace run_shared_census_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// The census's column cache is filled only through a non-const Census: a shared, const census cannot fill it.
template <typename C>
concept can_fill_cache = requires(C& c) {
    c.numeric(std::string("x"));
};
static_assert(can_fill_cache<Census>);
static_assert(!can_fill_cache<const Census>);

// The demo scenario at a few MFG values, each balanced by scaling over the demo LA's 550 schools.
std::vector<Formula> variants(const Formula& base) {
    std::vector<Formula> out;
    for (const double m : {-0.0045, -0.003, -0.0015, 0.0}) {
        Json doc = base.doc;
        doc["mfg"]["percent"] = m;
        out.push_back(parse_formula(doc, base.file));
    }
    return out;
}

}  // namespace

TEST_CASE("several threads calculating on one shared census match the single-threaded results exactly",
          "[run][threads]") {
    Formula nff = load_formula(test::source_dir() + "/formulas/nff-2025-26.json");
    SynthOptions opt;
    opt.schools = 550;
    opt.seed = 2025;
    opt.formula = &nff;
    const Formula base = load_formula_or_scenario(test::source_dir() + "/scenarios/demo-2025-26.json");
    const std::vector<Formula> formulas = variants(base);
    Census loaded = census_from_csv_text(synth_census_csv(opt), "demo-census.csv");
    for (const auto& f : formulas) prepare_census(loaded, f);
    const std::shared_ptr<const Census> census = std::make_shared<const Census>(std::move(loaded));

    std::vector<std::string> expected;
    for (const auto& f : formulas) {
        const Result r = calculate(census, f);
        REQUIRE(r.census == census);  // shared, not copied
        expected.push_back(allocations_csv(r) + summary_json(r).dump());
    }

    constexpr std::size_t kThreads = 4, kRounds = 3;
    std::vector<std::vector<std::string>> got(kThreads);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < kThreads; ++t)
        threads.emplace_back([&, t] {
            // Each thread starts at a different formula, so different calculations overlap.
            for (std::size_t k = 0; k < kRounds * formulas.size(); ++k) {
                const Formula& f = formulas[(k + t) % formulas.size()];
                const Result r = calculate(census, f);
                got[t].push_back(allocations_csv(r) + summary_json(r).dump());
            }
        });
    for (auto& th : threads) th.join();
    for (std::size_t t = 0; t < kThreads; ++t) {
        REQUIRE(got[t].size() == kRounds * formulas.size());
        for (std::size_t k = 0; k < got[t].size(); ++k)
            CHECK(got[t][k] == expected[(k + t) % formulas.size()]);
    }
    CHECK(census.use_count() == 1);  // every result has let go of it
}

TEST_CASE("a calculation reads only prepared columns: it never fills the census's cache", "[run]") {
    // A formula reading a column the census was not prepared for is fundsim's own fault (prepare_census
    // was skipped), not a lazily parsed column that would race between threads.
    const Formula five = test::formula_from(R"({"name":"five","factors":{
        "base":{"kind":"actual","column":"base"},"premises":{"kind":"actual","column":"premises"}}})");
    const Formula base_only = test::formula_from(R"({"name":"base","factors":{
        "base":{"kind":"actual","column":"base"}}})");
    const auto census = test::prepared(census_from_csv_text(test::kFiveSchools, "five.csv"), base_only);
    CHECK_NOTHROW(calculate(census, base_only));
    try {
        (void)calculate(census, five);
        FAIL("calculated with a column that was not prepared");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::internal);
        CHECK_THAT(e.what(), Catch::Contains("census column premises was not prepared"));
    }
}

}  // namespace run_shared_census_test
