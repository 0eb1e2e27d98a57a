// The merge patch derived from two documents (app/serve/merge_patch.hpp) turns the one into the other
// when applied (RFC 7386): by hand, and on random documents compared with the target.
#include "app/serve/merge_patch.hpp"

#include <catch2/catch.hpp>
#include <random>

namespace serve_merge_patch_test {  // each file's names kept apart in the unity build

using fundsim::Json;
using fundsim::app::merge_diff;

namespace {

// Applied, and as an unordered document (key order is not the patch's business).
nlohmann::json applied(Json doc, const Json& patch) {
    doc.merge_patch(patch);
    return nlohmann::json::parse(doc.dump());
}
nlohmann::json unordered(const Json& j) { return nlohmann::json::parse(j.dump()); }

// A small random document or patch: objects of up to 3 keys a-c, leaves numbers or (in patches) null.
Json random_json(std::mt19937& rng, int depth, bool patch) {
    std::uniform_int_distribution<int> pick(0, 5);
    Json j = Json::object();
    const int keys = pick(rng) % 4;
    for (int k = 0; k < keys; ++k) {
        const std::string key(1, static_cast<char>('a' + pick(rng) % 3));
        const int what = pick(rng);
        if (depth > 0 && what < 2)
            j[key] = random_json(rng, depth - 1, patch);
        else if (patch && what == 2)
            j[key] = nullptr;
        else
            j[key] = pick(rng);
    }
    return j;
}

}  // namespace

TEST_CASE("merge patches: the derived patch turns one document into the other", "[serve]") {
    const Json from = Json::parse(R"({"a": {"b": 1, "c": 2}, "d": 3})");
    const Json to = Json::parse(R"({"a": {"b": 1, "c": 5}, "e": 4})");
    CHECK(unordered(merge_diff(from, to)) == nlohmann::json::parse(R"({"a": {"c": 5}, "d": null, "e": 4})"));
    CHECK(applied(from, merge_diff(from, to)) == unordered(to));
    CHECK(merge_diff(from, from) == Json::object());
    std::mt19937 rng(7);
    for (int i = 0; i < 2000; ++i) {
        const Json a = random_json(rng, 2, false), b = random_json(rng, 2, false);
        INFO(a.dump() << " " << b.dump());
        REQUIRE(applied(a, merge_diff(a, b)) == unordered(b));
    }
}

}  // namespace serve_merge_patch_test
