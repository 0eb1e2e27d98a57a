// `fundsim serve`'s JSON interface over HTTP (app/serve/, docs/serve.md): POST /api/run answers the figures
// `fundsim run --scenario` gives for the same patch, and records the run; the error answers (400 with the
// JSON path, 401, 404, 413); 8 clients at once get the answer one gets.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "app/replay.hpp"
#include "store/query.hpp"
#include "tests/unit/serve/served.hpp"

namespace serve_run_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::app;
using fundsim::test::failure;
using fundsim::test::Served;
using fundsim::test::status_of;
using OJ = nlohmann::ordered_json;

namespace {

OJ without_manifest(OJ j) {
    j.erase("manifest");
    return j;
}

}  // namespace

TEST_CASE("serve: POST /api/run gives the figures of fundsim run --scenario with the same patch", "[serve]") {
    Served s("serve-truth", "", true);
    const std::string patch = R"({"budget": {"schools_block": 12900000}, "capping": {"cap": 0.01}})";
    auto cli = s.client();
    const auto res = cli.Post("/api/run", patch, "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const OJ answer = OJ::parse(res->body);

    // The same patch as a scenario file, through the command.
    s.d.write(
        "scenario.json",
        R"({"name": "Five schools balanced by scaling", "base": "formula.json", "changes": )" + patch + "}");
    REQUIRE(cmd_run({"--census", s.d / "census.csv", "--scenario", s.d / "scenario.json", "--out",
                     s.d / "out", "--quiet"}) == kOk);
    std::ifstream in(s.d / "out/summary.json");
    const OJ file = OJ::parse(std::string((std::istreambuf_iterator<char>(in)), {}));
    CHECK(answer["summary"] == without_manifest(file));
    CHECK(answer["summary"]["total_budget_share"] == 12900000.0);

    // Each school: the served formula's share as the baseline, the patched share, the change.
    REQUIRE(answer["schools"].size() == 5);
    double total = 0;
    for (const auto& school : answer["schools"]) {
        total += school["budget_share"].get<double>();
        CHECK(school["change"].get<double>() ==
              Approx(school["budget_share"].get<double>() - school["baseline"].get<double>()).margin(0.005));
    }
    CHECK(total == Approx(12900000.0).margin(0.001));

    // Recorded in the ledger as run 1, which replays to the same summary.
    CHECK(answer["ledger_run"] == 1);
    store::Db db(s.ledger(), store::Db::Mode::read);
    const store::RunRecord run = store::find_run(db, 1);
    CHECK(run.command == "serve");
    CHECK(replay_run(run, s.ledger()).ok());
}

TEST_CASE("serve: GET /api/formula answers the served formula", "[serve]") {
    Served s("serve-formula", "", false);
    auto cli = s.client();
    const auto res = cli.Get("/api/formula");
    REQUIRE(res);
    CHECK(res->status == 200);
    const OJ j = OJ::parse(res->body);
    CHECK(j["formula"]["budget"]["schools_block"] == 13052500);
    CHECK(j["source"] == "the formula " + s.d / "formula.json");
}

TEST_CASE("serve: a bad patch is a 400 with its JSON path, and the server goes on", "[serve]") {
    Served s("serve-errors", "", false);
    auto cli = s.client();
    auto res = cli.Post("/api/run", R"({"mfg": {"percent": "minus a half"}})", "application/json");
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(OJ::parse(res->body)["path"] == "/mfg/percent");

    res = cli.Post("/api/run", R"({"capping": {"cap": -0.5}})", "application/json");  // a cap below the MFG
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(OJ::parse(res->body)["path"].get<std::string>().rfind("/capping", 0) == 0);

    res = cli.Post("/api/run", "{\"mfg\": ", "application/json");  // broken JSON: line and column
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(OJ::parse(res->body)["error"].get<std::string>().find("the request:1:") != std::string::npos);

    res = cli.Post("/api/run", "[1, 2]", "application/json");
    REQUIRE(res);
    CHECK(res->status == 400);
    CHECK(OJ::parse(res->body)["path"] == "/");

    CHECK(status_of(cli.Get("/api/nothing")) == 404);

    CHECK(status_of(cli.Post("/api/run", std::string(kMaxBody + 1, ' '), "application/json")) == 413);

    res = cli.Post("/api/run", "{}", "application/json");  // still answering
    REQUIRE(res);
    CHECK(res->status == 200);
}

TEST_CASE("serve: with a token, a request without it is a 401", "[serve]") {
    Served s("serve-token", "s3cret", false);
    auto cli = s.client();
    CHECK(status_of(cli.Get("/api/formula")) == 401);
    CHECK(status_of(cli.Get("/api/formula", {{"Authorization", "Bearer wrong"}})) == 401);
    CHECK(status_of(cli.Get("/api/formula", {{"Authorization", "Bearer s3cret"}})) == 200);
    CHECK(is_loopback("127.0.0.1"));
    CHECK(is_loopback("::1"));
    CHECK_FALSE(is_loopback("0.0.0.0"));
    CHECK_FALSE(is_loopback("192.168.1.10"));
}

TEST_CASE("serve: 8 clients at once get the answers one client gets", "[serve]") {
    Served s("serve-concurrent", "", true);
    const std::vector<std::string> patches = {R"({"capping": {"cap": 0.01}})",
                                              R"({"budget": {"schools_block": 12900000}})"};
    std::vector<std::string> alone;
    for (const auto& p : patches) {
        auto cli = s.client();
        const auto res = cli.Post("/api/run", p, "application/json");
        REQUIRE(res);
        OJ j = OJ::parse(res->body);
        j.erase("ledger_run");  // each run gets its own id
        alone.push_back(j.dump());
    }
    std::vector<std::string> got(8 * 4);
    std::vector<std::thread> clients;
    for (int c = 0; c < 8; ++c)
        clients.emplace_back([&, c] {
            auto cli = s.client();
            for (int k = 0; k < 4; ++k) {
                const auto res =
                    cli.Post("/api/run", patches[static_cast<std::size_t>(k % 2)], "application/json");
                if (!res) continue;
                OJ j = OJ::parse(res->body);
                j.erase("ledger_run");
                got[static_cast<std::size_t>(c * 4 + k)] = j.dump();
            }
        });
    for (auto& t : clients) t.join();
    for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i] == alone[i % 2]);
    store::Db db(s.ledger(), store::Db::Mode::read);
    CHECK(store::count_runs(db) == 2 + 32);
}

}  // namespace serve_run_test
