// `fundsim serve`'s school, options, pack and ledger endpoints over HTTP (app/serve/, docs/serve.md §2-§5):
// every answer and error answer, option names that try to leave the folder, the demo LA's saved option run
// through `fundsim run` and `fundsim compare` giving what the page showed, and requests that are not HTTP
// or too big never stopping the server.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "app/replay.hpp"
#include "store/query.hpp"
#include "tests/unit/serve/served.hpp"

namespace serve_options_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::app;
using fundsim::test::failure;
using fundsim::test::Served;
using fundsim::test::status_of;
using OJ = nlohmann::ordered_json;
namespace fs = std::filesystem;

namespace {

OJ body_of(const httplib::Result& res) { return OJ::parse(res->body); }

// The same JSON whatever the order of keys.
bool same(const OJ& a, const OJ& b) {
    return nlohmann::json::parse(a.dump()) == nlohmann::json::parse(b.dump());
}

OJ file_json(const std::string& path) {
    std::ifstream in(path);
    return OJ::parse(std::string((std::istreambuf_iterator<char>(in)), {}));
}

// Sends `bytes` on a new connection to the server and returns what came back (until it closes, or 1 s of
// silence).
std::string raw_exchange(int port, const std::string& bytes) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return "(no connection)";
    }
    timeval tv{1, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    (void)::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    std::string got;
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) got.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return got;
}

const char* const kDemoPatch =
    R"({"mfg": {"percent": -0.005}, "factors": {"lump_sum": {"rate": {"primary": 140000, "secondary": 140000}}}})";

}  // namespace

TEST_CASE("serve: GET and POST /api/school answer a school's statement and explain", "[serve]") {
    Served s("serve-school", "", true);
    auto cli = s.client();
    auto res = cli.Get("/api/school/3");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    OJ j = body_of(res);
    CHECK(j["urn"] == 3);
    CHECK(j["option"].is_null());
    CHECK(j["statement"].get<std::string>().find("<h1>School budget statement") != std::string::npos);
    CHECK(j["explain"].get<std::string>().find("Budget share") != std::string::npos);
    CHECK(j["ledger_run"] == 1);

    // Under a patch: the statement's budget share is /api/run's for that school.
    const std::string patch = R"({"capping": {"cap": 0.01}})";
    res = cli.Post("/api/school/3", patch, "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const OJ run = body_of(cli.Post("/api/run", patch, "application/json"));
    double share = 0;
    for (const auto& school : run["schools"])
        if (school["urn"] == 3) share = school["budget_share"].get<double>();
    REQUIRE(share > 0);
    const std::string statement = body_of(res)["statement"].get<std::string>();
    char pounds[32];
    std::snprintf(pounds, sizeof pounds, "%.2f", share);
    std::string figure = pounds;  // 1,234,567.89 as the statement prints it
    for (auto k = static_cast<long>(figure.find('.')) - 3; k > 0; k -= 3)
        figure.insert(static_cast<std::size_t>(k), ",");
    CHECK(statement.find(figure) != std::string::npos);

    res = cli.Get("/api/school/999");
    REQUIRE(res);
    CHECK(res->status == 404);
    CHECK(body_of(res)["error"].get<std::string>().find("999") != std::string::npos);
    CHECK(status_of(cli.Get("/api/school/3?option=nothing-saved")) == 404);
    CHECK(status_of(cli.Get("/api/school/3?option=..%2Fx")) == 400);
    CHECK(failure(cli.Post("/api/school/3", R"({"mfg": {"percent": "none"}})", "application/json")) ==
          "400 /mfg/percent");
    CHECK(status_of(cli.Get("/api/school/abc")) == 404);
}

TEST_CASE("serve: options saved, listed, reloaded and deleted as scenario files", "[serve]") {
    Served s("serve-options", "", true);
    auto cli = s.client();
    auto res = cli.Get("/api/options");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(body_of(res)["options"].empty());

    const std::string patch = R"({"capping":{"cap":0.01}})";
    res = cli.Post("/api/options", R"({"name": "Cap 1%", "patch": )" + patch + "}", "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(body_of(res)["ledger_run"] == 1);
    const std::string file = s.d / "options/Cap 1%.json";
    REQUIRE(fs::is_regular_file(file));
    const OJ scenario = file_json(file);
    CHECK(scenario["name"] == "Cap 1%");
    CHECK(scenario["base"] == "../formula.json");
    CHECK(same(scenario["changes"], OJ::parse(patch)));
    {
        // Recorded under the option's name, with the option file among its inputs: it replays.
        store::Db db(s.ledger(), store::Db::Mode::read);
        const store::RunRecord run = store::find_run(db, 1);
        CHECK(run.option_name == std::optional<std::string>("Cap 1%"));
        CHECK(replay_run(run, s.ledger()).ok());
    }

    res = cli.Get("/api/options");
    REQUIRE(res);
    const OJ list = body_of(res)["options"];
    REQUIRE(list.size() == 1);
    CHECK(list[0]["name"] == "Cap 1%");
    CHECK(same(list[0]["patch"], OJ::parse(patch)));

    // The option reloaded: its school statement.
    res = cli.Get("/api/school/3?option=Cap%201%25");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(body_of(res)["option"] == "Cap 1%");

    // Saving again replaces it; a bad patch is refused at its path under /patch, and nothing is written.
    CHECK(failure(cli.Post("/api/options", R"({"name": "Bad", "patch": {"mfg": {"percent": "x"}}})",
                           "application/json")) == "400 /patch/mfg/percent");
    CHECK_FALSE(fs::exists(s.d / "options/Bad.json"));
    CHECK(failure(cli.Post("/api/options", R"({"name": "Bad", "patch": 3})", "application/json")) ==
          "400 /patch");
    CHECK(failure(cli.Post("/api/options", R"({"name": "Bad", "patch": {}, "colour": 1})",
                           "application/json")) == "400 /colour");
    CHECK(failure(cli.Post("/api/options", R"({"patch": {}})", "application/json")) == "400 /name");

    CHECK(status_of(cli.Delete("/api/options/Cap%201%25")) == 200);
    CHECK_FALSE(fs::exists(file));
    {
        // The option deleted: its run no longer replays, and the missing file is named.
        store::Db db(s.ledger(), store::Db::Mode::read);
        const ReplayOutcome out = replay_run(store::find_run(db, 1), s.ledger());
        CHECK_FALSE(out.ok());
        REQUIRE(out.changed_inputs.size() == 1);
        CHECK(out.changed_inputs[0].find("Cap 1%.json") != std::string::npos);
    }
    CHECK(status_of(cli.Delete("/api/options/Cap%201%25")) == 404);
}

TEST_CASE("serve: option names that try to leave the options folder are refused", "[serve]") {
    Served s("serve-names", "", false);
    auto cli = s.client();
    s.d.write("keep.json", "{}");
    for (const std::string& name :
         std::vector<std::string>{"../x", "..", "a/b", "/tmp/x", "..\\\\x", ".hidden", "", "a\\u0000b",
                                  "tab\\there", std::string(101, 'n')}) {
        INFO(name);
        const auto res =
            cli.Post("/api/options", R"({"name": ")" + name + R"(", "patch": {}})", "application/json");
        REQUIRE(res);
        CHECK(res->status == 400);
        CHECK(body_of(res)["path"] == "/name");
    }
    CHECK(status_of(cli.Post("/api/options", R"({"name": ")" + std::string(100, 'n') + R"(", "patch": {}})",
                             "application/json")) == 200);
    // Encoded in the address: refused too, and nothing outside the folder is touched.
    for (const char* path :
         {"/api/options/..%2Fkeep", "/api/options/%2E%2E%2Fkeep", "/api/options/..%2F..%2Fx"}) {
        INFO(path);
        CHECK(failure(cli.Delete(path)) == "400 /");  // decoded, then refused as a name
    }
    CHECK(fs::exists(s.d / "keep.json"));
    const auto res = cli.Get("/api/options");
    REQUIRE(res);
    CHECK(body_of(res)["options"].size() == 1);
    // Only the options folder was written.
    std::vector<std::string> top;
    for (const auto& e : fs::directory_iterator(s.d.path)) top.push_back(e.path().filename().string());
    std::sort(top.begin(), top.end());
    CHECK(top == std::vector<std::string>{"census.csv", "formula.json", "keep.json", "options"});
}

TEST_CASE("serve: on the demo LA, a saved option run by fundsim run and compare gives what the page showed",
          "[serve]") {
    Served s("serve-demo", "", true, Served::La::demo);
    auto cli = s.client();
    auto res = cli.Post("/api/run", kDemoPatch, "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const OJ shown = body_of(res);
    REQUIRE(shown["schools"].size() == 550);
    res = cli.Post("/api/options",
                   std::string(R"({"name": "MFG -0.5%, lump sum 140k", "patch": )") + kDemoPatch + "}",
                   "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    res = cli.Post("/api/options", R"({"name": "As served", "patch": {}})", "application/json");
    REQUIRE(res->status == 200);

    // The option file is a scenario on the demo's base formula: the demo's changes, then the patch.
    const std::string option = s.d / "options/MFG -0.5%, lump sum 140k.json";
    const OJ scenario = file_json(option);
    CHECK(scenario["base"] == "../formulas/nff-2025-26.json");
    CHECK(scenario["changes"]["mfg"]["percent"] == -0.005);
    CHECK(scenario["changes"]["budget"]["schools_block"] == 1317100000);
    // Listed with the page's patch again.
    const OJ list = body_of(cli.Get("/api/options"))["options"];
    REQUIRE(list.size() == 2);
    CHECK(list[1]["name"] == "MFG -0.5%, lump sum 140k");
    CHECK(same(list[1]["patch"], OJ::parse(kDemoPatch)));
    CHECK(list[0]["patch"] == OJ::object());

    // fundsim run --scenario on the saved option: the same summary (its name aside: the option's).
    REQUIRE(cmd_run({"--census", s.census, "--scenario", option, "--out", s.d / "run", "--quiet"}) == kOk);
    OJ file = file_json(s.d / "run/summary.json");
    file.erase("manifest");
    OJ page = shown["summary"];
    CHECK(file["formula"] == "MFG -0.5%, lump sum 140k");
    file.erase("formula");
    page.erase("formula");
    CHECK(same(page, file));
    CHECK(page["schools_on_mfg"] == file["schools_on_mfg"]);

    // The pack: fundsim compare of the two options against the served scenario.
    res = cli.Post("/api/pack", R"({"options": ["MFG -0.5%, lump sum 140k", "As served"]})",
                   "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const OJ pack = body_of(res);
    CHECK(pack["address"] == "/pack/report.html");
    CHECK(pack["ledger_run"].is_number());
    res = cli.Get("/pack/report.html");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->get_header_value("Content-Type").find("text/html") == 0);
    CHECK(res->body.find("<h1>Schools funding options compared</h1>") != std::string::npos);
    res = cli.Get("/pack/comparison.xlsx");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(res->body.substr(0, 2) == "PK");
    const OJ summary = file_json(s.d / "options/pack/summary.json");
    REQUIRE(summary["scenarios"].size() == 2);
    // The pack's option total is the page's.
    CHECK(summary["scenarios"][0]["total_budget_share"] == shown["summary"]["total_budget_share"]);
    // The served formula compared with itself moves nobody.
    CHECK(summary["scenarios"][1]["change_total"] == 0.0);
    store::Db db(s.ledger(), store::Db::Mode::read);
    CHECK(store::find_run(db, pack["ledger_run"].get<std::int64_t>()).command == "compare");
}

TEST_CASE("serve: POST /api/pack and GET /pack refuse what is not there", "[serve]") {
    Served s("serve-pack-errors", "", false);
    auto cli = s.client();
    CHECK(status_of(cli.Get("/pack/report.html")) == 404);
    CHECK(status_of(cli.Get("/pack/..%2Fformula.json")) == 404);
    CHECK(failure(cli.Post("/api/pack", R"({"options": []})", "application/json")) == "400 /options");
    CHECK(failure(cli.Post("/api/pack", R"({"options": [7]})", "application/json")) == "400 /options/0");
    CHECK(status_of(cli.Post("/api/pack", R"({"options": ["nothing"]})", "application/json")) == 404);
    CHECK(failure(cli.Post("/api/pack", R"({"options": ["../x"]})", "application/json")) == "400 /options/0");
    CHECK(status_of(cli.Post("/api/pack", "not json", "application/json")) == 400);
    CHECK_FALSE(fs::exists(s.d / "options/pack"));
}

TEST_CASE("serve: GET /api/ledger answers the latest runs", "[serve]") {
    Served s("serve-ledger", "", true);
    auto cli = s.client();
    for (const char* p : {"{}", R"({"capping": {"cap": 0.01}})", R"({"capping": {"cap": 0.02}})"})
        REQUIRE(status_of(cli.Post("/api/run", p, "application/json")) == 200);
    auto res = cli.Get("/api/ledger?limit=2");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    const OJ j = body_of(res);
    CHECK(j["total"] == 3);
    REQUIRE(j["runs"].size() == 2);
    CHECK(j["runs"][0]["id"] == 3);
    CHECK(j["runs"][1]["id"] == 2);
    CHECK(j["runs"][0]["command"] == "serve");
    CHECK(j["runs"][0]["inputs"][0]["role"] == "census");
    CHECK(j["runs"][0]["headline"].get<std::string>().find("total") != std::string::npos);
    CHECK(body_of(cli.Get("/api/ledger"))["runs"].size() == 3);
    for (const char* bad : {"/api/ledger?limit=0", "/api/ledger?limit=abc", "/api/ledger?limit=-1",
                            "/api/ledger?limit=99999999999999999999"}) {
        INFO(bad);
        CHECK(failure(cli.Get(bad)) == "400 /limit");
    }
}

TEST_CASE("serve: without a ledger, /api/ledger says so and runs are not recorded", "[serve]") {
    Served s("serve-no-ledger", "", false);
    auto cli = s.client();
    REQUIRE(status_of(cli.Post("/api/run", "{}", "application/json")) == 200);
    const OJ j = body_of(cli.Get("/api/ledger"));
    CHECK(j["ledger"].is_null());
    CHECK(j["runs"].empty());
}

TEST_CASE("serve: every endpoint needs the token when one is set", "[serve]") {
    Served s("serve-token-all", "s3cret", false);
    auto cli = s.client();
    const httplib::Headers ok = {{"Authorization", "Bearer s3cret"}};
    for (const char* get :
         {"/api/formula", "/api/school/1", "/api/options", "/api/ledger", "/pack/report.html"}) {
        INFO(get);
        auto res = cli.Get(get);
        REQUIRE(res);
        CHECK(res->status == 401);
        CHECK(body_of(res)["error"].get<std::string>().find("Bearer") != std::string::npos);
    }
    for (const char* post : {"/api/run", "/api/school/1", "/api/options", "/api/pack"}) {
        INFO(post);
        CHECK(status_of(cli.Post(post, "{}", "application/json")) == 401);
    }
    CHECK(status_of(cli.Delete("/api/options/x")) == 401);
    // The page holds no figures: served without the token (it asks for it).
    CHECK(status_of(cli.Get("/")) == 200);
    CHECK(status_of(cli.Get("/what-if.js")) == 200);
    CHECK(status_of(cli.Get("/api/school/1", ok)) == 200);
    CHECK(status_of(cli.Get("/api/options", ok)) == 200);
}

TEST_CASE("serve: malformed requests, wrong methods and huge bodies never stop the server", "[serve]") {
    Served s("serve-malformed", "", false);
    auto cli = s.client();
    const auto put = cli.Put("/api/run", "{}", "application/json");
    CHECK((failure(put) == "404 /" || failure(put) == "400 /"));
    CHECK(put->body.find("PUT /api/run") != std::string::npos);
    CHECK(failure(cli.Delete("/api/run")) == "404 /");
    CHECK(status_of(cli.Get("/api/run")) == 404);
    CHECK(status_of(cli.Post("/api/options", std::string(kMaxBody + 10, 'x'), "application/json")) == 413);
    CHECK(status_of(cli.Post("/api/school/1", "\xff\xfe{", "application/json")) == 400);
    CHECK(status_of(cli.Post("/api/run", R"({"mfg": {"percent": 1e400}})", "application/json")) == 400);
    CHECK(status_of(cli.Post("/api/run", std::string(200000, '['), "application/json")) == 400);
    // Not HTTP at all, a lying Content-Length, a header without end: answered or dropped, never fatal.
    const char garbage[] = "\x00\x01\x02garbage\r\n\r\n";  // 14 bytes, NULs included
    raw_exchange(s.port, std::string(garbage, sizeof garbage - 1));
    // Refused from the header, before the body (which never comes) is read.
    const std::string too_big =
        raw_exchange(s.port, "POST /api/run HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\n{}");
    CHECK(too_big.rfind("HTTP/1.1 413", 0) == 0);
    CHECK(raw_exchange(s.port, "POST /api/run HTTP/1.1\r\nHost: x\r\nContent-Length: 1e9\r\n\r\n{}")
              .find(" 413 ") != std::string::npos);
    raw_exchange(s.port, "POST /api/run HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{\"mfg\"");
    raw_exchange(s.port, "GET /api/formula HTTP/1.1\r\nHost: " + std::string(20000, 'h'));
    raw_exchange(s.port, "POST /api/run HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFF\r\nxx");
    CHECK(status_of(cli.Post("/api/run", "{}", "application/json")) == 200);
}

TEST_CASE("serve: 8 clients at once on the demo LA get the answers one client gets", "[serve]") {
    Served s("serve-demo-concurrent", "", true, Served::La::demo);
    const std::vector<std::pair<std::string, std::string>> requests = {
        {"/api/run", kDemoPatch},
        {"/api/run", R"({"mfg": {"percent": -0.0025}})"},
        {"/api/school/100001", kDemoPatch}};
    auto ask = [&](httplib::Client& cli, std::size_t k) {
        const auto res = cli.Post(requests[k].first, requests[k].second, "application/json");
        if (!res || res->status != 200) return std::string("(failed)");
        OJ j = OJ::parse(res->body);
        j.erase("ledger_run");  // each run gets its own id
        return j.dump();
    };
    std::vector<std::string> alone;
    {
        auto cli = s.client();
        for (std::size_t k = 0; k < requests.size(); ++k) alone.push_back(ask(cli, k));
    }
    for (const auto& a : alone) REQUIRE(a != "(failed)");
    std::vector<std::string> got(8 * 3);
    std::vector<std::thread> clients;
    for (std::size_t c = 0; c < 8; ++c)
        clients.emplace_back([&, c] {
            auto cli = s.client();
            for (std::size_t k = 0; k < 3; ++k) got[c * 3 + k] = ask(cli, (c + k) % 3);
        });
    for (auto& t : clients) t.join();
    for (std::size_t c = 0; c < 8; ++c)
        for (std::size_t k = 0; k < 3; ++k) CHECK(got[c * 3 + k] == alone[(c + k) % 3]);
    store::Db db(s.ledger(), store::Db::Mode::read);
    CHECK(store::count_runs(db) == 3 + 24);
}

TEST_CASE("serve: random bytes as bodies and addresses are answered, never a 500, never a stop", "[serve]") {
    Served s("serve-random", "", true);
    auto cli = s.client();
    std::mt19937 rng(16);
    std::uniform_int_distribution<int> byte(0, 255), pick(0, 9);
    const std::vector<std::string> valid = {R"({"mfg": {"percent": -0.005}, "capping": {"cap": 0.01}})",
                                            R"({"name": "A", "patch": {"capping": {"cap": 0.02}}})",
                                            R"({"options": ["A"]})"};
    const std::vector<std::string> posts = {"/api/run", "/api/options", "/api/pack", "/api/school/3"};
    for (int k = 0; k < 400; ++k) {
        // A valid body with a few bytes changed, or bytes at random.
        std::string body = valid[static_cast<std::size_t>(k) % valid.size()];
        if (pick(rng) < 3) {
            body.resize(static_cast<std::size_t>(byte(rng)));
            for (auto& c : body) c = static_cast<char>(byte(rng));
        } else {
            for (int m = pick(rng) % 4; m >= 0; --m)
                body[static_cast<std::size_t>(byte(rng)) % body.size()] = static_cast<char>(byte(rng));
        }
        const std::string& path = posts[static_cast<std::size_t>(k) % posts.size()];
        INFO(path << " " << body);
        const int status = status_of(cli.Post(path, body, "application/json"));
        CHECK((status == 200 || status == 400 || status == 404));
    }
    for (int k = 0; k < 100; ++k) {
        std::string path = "/api/";
        for (int m = pick(rng) + 1; m > 0; --m) {
            const char c = static_cast<char>(byte(rng) % 94 + 33);
            path += c == '?' || c == '#' ? '_' : c;
        }
        INFO(path);
        const int status = status_of(cli.Get(path));
        CHECK((status == 200 || status == 400 || status == 404));
    }
    CHECK(status_of(cli.Post("/api/run", "{}", "application/json")) == 200);
}

}  // namespace serve_options_test
