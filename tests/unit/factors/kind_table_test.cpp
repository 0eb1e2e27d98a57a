// The kind table (engine/factors/kind_table.hpp): every FactorKind has its row, found by its name, listed in
// the "not a factor kind" message, and every rate a kind lists points at its value in the formula.
#include "engine/factors/kind_table.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "engine/factors/rates.hpp"
#include "tests/support.hpp"

namespace factors_kind_table_test {  // each file's names kept apart in the unity build

using namespace fundsim;

TEST_CASE("kind table: every factor kind is found by its name and listed", "[factors]") {
    const std::string list = factor_kind_list();
    // The enum's first to last kind: a kind added to the enum but not to the table fails here.
    for (int k = static_cast<int>(FactorKind::per_pupil); k <= static_cast<int>(FactorKind::london_fringe);
         ++k) {
        const FactorKind kind = static_cast<FactorKind>(k);
        INFO(to_string(kind));
        FactorKind found = FactorKind::london_fringe;
        CHECK(factor_kind_named(to_string(kind), found));
        CHECK(found == kind);
        CHECK(list.find(to_string(kind)) != std::string::npos);
    }
    FactorKind unused;
    CHECK_FALSE(factor_kind_named("lumpsum", unused));
    CHECK(list.rfind(" or london_fringe") == list.size() - std::string(" or london_fringe").size());
}

TEST_CASE("kind table: each kind's rates, their keys, words, units and paths", "[factors]") {
    Formula f = test::formula_from(R"({"name":"t","factors":{
      "idaci":{"kind":"banded","measure":"idaci","rate":{"a":{"primary":680,"secondary":945}}},
      "mobility":{"kind":"per_unit_above_threshold","measure":"mobility","threshold":0.06,
                  "rate":{"primary":945,"secondary":1360}},
      "rates":{"kind":"actual","column":"rates"},
      "split/sites":{"kind":"per_column","rate":{"split_sites_basic":55000}}}})");
    const auto banded = rates_of(f.factors[0]);
    REQUIRE(banded.size() == 2);
    CHECK(banded[1].key == "a/secondary");
    CHECK(banded[1].words == "band A secondary");
    CHECK(banded[1].path == "/factors/idaci/rate/a/secondary");
    const auto mobility = rates_of(f.factors[1]);
    REQUIRE(mobility.size() == 3);
    CHECK(mobility[2].key == "threshold");
    CHECK(mobility[2].unit == RateUnit::fraction);
    CHECK(mobility[2].path == "/factors/mobility/threshold");
    CHECK(rates_of(f.factors[2]).empty());  // passed through at cost: no rate
    const auto split = rates_of(f.factors[3]);
    REQUIRE(split.size() == 1);
    CHECK(split[0].column);
    CHECK(split[0].words == "split_sites_basic");
    CHECK(split[0].path == "/factors/split~1sites/rate/split_sites_basic");  // the id's "/" escaped
}

}  // namespace factors_kind_table_test
