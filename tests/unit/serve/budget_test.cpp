// `fundsim serve --budget B` (app/serve/served_budget.hpp, docs/serve.md §1): POST /api/run with an empty
// patch gives the schools block of `fundsim budget B` to the penny (its summary and every school's budget
// share), and a patch of the transfer to high needs gives what `budget` gives with that transfer; its runs
// are recorded with the budget file among their inputs.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "app/commands.hpp"
#include "app/replay.hpp"
#include "app/serve/served_budget.hpp"
#include "app/serve/what_if.hpp"
#include "engine/budget/schools_block.hpp"
#include "engine/core/money.hpp"
#include "store/db.hpp"
#include "store/query.hpp"
#include "tests/support.hpp"

namespace serve_budget_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::app;
using OJ = nlohmann::ordered_json;

namespace {

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

// The schools block of `fundsim budget` run on `budget` into `out`: its summary (without the manifest) and
// each school's budget share from allocations.csv, by URN.
struct BudgetSchools {
    OJ summary;
    std::map<std::int64_t, double> share;
};
BudgetSchools budget_schools(const std::string& budget, const std::string& out) {
    REQUIRE(cmd_budget({"--budget", budget, "--out", out, "--quiet"}) == kOk);
    BudgetSchools b;
    b.summary = OJ::parse(file_text(out + "/schools/summary.json"));
    b.summary.erase("manifest");
    std::istringstream csv(file_text(out + "/schools/allocations.csv"));
    std::string line;
    std::getline(csv, line);
    std::vector<std::string> header;
    std::stringstream h(line);
    for (std::string cell; std::getline(h, cell, ',');) header.push_back(cell);
    const auto col = [&](const std::string& name) {
        return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
    };
    const std::size_t urn = col("urn"), share = col("budget_share");
    REQUIRE(share < header.size());
    while (std::getline(csv, line)) {
        std::vector<std::string> cells;
        std::stringstream r(line);
        for (std::string cell; std::getline(r, cell, ',');) cells.push_back(cell);
        b.share[std::stoll(cells.at(urn))] = std::stod(cells.at(share));
    }
    return b;
}

// The what-if interface serving `budget`, as `fundsim serve --budget` builds it (app/cmd_serve.cpp).
// With `ledger`, every run recorded in options/ledger.sqlite.
std::unique_ptr<WhatIf> served(const std::string& budget, const std::string& options, bool ledger = false) {
    const BudgetFile bf = load_budget_file(budget);
    FormulaSource src = served_budget_formula(bf);
    Census census = load_census(bf.census);
    prepare_budget_census(census);
    Manifest m;
    m.census = manifest_file(bf.census);
    m.formula = manifest_formula(src);
    std::filesystem::create_directories(options);
    auto db =
        ledger ? std::make_unique<store::Db>(options + "/ledger.sqlite", store::Db::Mode::record) : nullptr;
    auto api =
        std::make_unique<WhatIf>(std::move(census), std::move(src), std::move(m), std::move(db), options);
    api->served_from_budget(budget);
    return api;
}

void check_same_schools(const OJ& answer, const BudgetSchools& b) {
    CHECK(answer["summary"] == b.summary);
    REQUIRE(answer["schools"].size() == b.share.size());
    for (const auto& school : answer["schools"]) {
        INFO("URN " << school["urn"]);
        CHECK(whole_pennies(school["budget_share"].get<double>()) ==
              whole_pennies(b.share.at(school["urn"].get<std::int64_t>())));
    }
}

}  // namespace

TEST_CASE("serve --budget: an empty patch gives the budget's schools block, to the penny", "[serve]") {
    test::TempDir d("serve-budget");
    for (const auto& e :
         std::filesystem::directory_iterator(test::source_dir() + "/tests/cases/budget_all_blocks"))
        if (e.is_regular_file()) std::filesystem::copy_file(e.path(), d / e.path().filename().string());
    const BudgetSchools expected = budget_schools(d / "budget.json", d / "out");
    auto api = served(d / "budget.json", d / "options");
    const ApiAnswer res = api->run("{}");
    REQUIRE(res.status == 200);
    const OJ answer = OJ::parse(res.body);
    check_same_schools(answer, expected);
    // The transfer to high needs is one of the served deductions (a control of the page).
    const OJ formula = OJ::parse(api->formula().body);
    CHECK(formula["formula"]["budget"]["deductions"]["high_needs_transfer"]["percent"] == 0.006);
    CHECK(formula["source"] ==
          "the schools block of the budget " + d / "budget.json" + ": the formula " + d / "formula.json");

    // The transfer patched to 0.4%: the available money and every school as `budget` gives them with
    // the formula's transfer at 0.4%.
    const ApiAnswer patched =
        api->run(R"({"budget": {"deductions": {"high_needs_transfer": {"percent": 0.004}}}})");
    REQUIRE(patched.status == 200);
    const OJ now = OJ::parse(patched.body);
    OJ doc = OJ::parse(file_text(d / "formula.json"));
    doc["budget"]["deductions"]["high_needs_transfer"]["percent"] = 0.004;
    std::ofstream(d / "formula.json", std::ios::trunc) << doc.dump(2);
    const BudgetSchools with_transfer = budget_schools(d / "budget.json", d / "out2");
    check_same_schools(now, with_transfer);
    CHECK(now["summary"]["available"].get<double>() > answer["summary"]["available"].get<double>());
    // The budget's own transfer line is the deduction the page shows.
    const OJ dsg = OJ::parse(file_text(d / "out2/summary.json"));
    CHECK(dsg["transfers"][0]["id"] == "high_needs_transfer");
    CHECK(dsg["transfers"][0]["amount"] == now["summary"]["deductions"]["high_needs_transfer"]);
}

TEST_CASE("serve --budget: a budget whose formula has no budget section is served with the DSG's",
          "[serve]") {
    test::TempDir d("serve-budget-fit");
    for (const auto& e :
         std::filesystem::directory_iterator(test::source_dir() + "/tests/cases/budget_all_blocks"))
        if (e.is_regular_file()) std::filesystem::copy_file(e.path(), d / e.path().filename().string());
    OJ doc = OJ::parse(file_text(d / "formula.json"));
    doc.erase("budget");
    std::ofstream(d / "formula.json", std::ios::trunc) << doc.dump(2);
    const BudgetSchools expected = budget_schools(d / "budget.json", d / "out");
    auto api = served(d / "budget.json", d / "options", true);
    check_same_schools(OJ::parse(api->run("{}").body), expected);
    // Recorded with the budget file first among its inputs, and replayed (as a run) to the same summary.
    {
        store::Db db(d / "options/ledger.sqlite", store::Db::Mode::read);
        const store::RunRecord run = store::find_run(db, 1);
        REQUIRE(run.inputs.size() == 3);
        CHECK(run.inputs[0].role == "budget");
        CHECK(run.inputs[0].located == "../budget.json");
        CHECK(run.inputs[1].role == "census");
        CHECK(replay_run(run, d / "options/ledger.sqlite").ok());
    }
    // A patch keeps the budget the DSG gave (it is in the served document).
    const OJ patched = OJ::parse(api->run(R"({"mfg": {"percent": 0}})").body);
    CHECK(patched["summary"]["schools_block"] == 7000000.0);
    // The pack: its baseline is the formula the page served (with the DSG's budget), not the formula file
    // alone, and an option saved as served moves nobody against it.
    const OJ shown = OJ::parse(api->run("{}").body);
    REQUIRE(api->save_option(R"({"name": "As served", "patch": {}})").status == 200);
    REQUIRE(api->pack(R"({"options": ["As served"]})").status == 200);
    const OJ pack = OJ::parse(file_text(d / "options/pack/summary.json"));
    CHECK(pack["baseline"]["schools_block"] == 7000000.0);
    CHECK(pack["baseline"]["total_budget_share"] == shown["summary"]["total_budget_share"]);
    CHECK(pack["scenarios"][0]["change_total"] == 0.0);
}

}  // namespace serve_budget_test
