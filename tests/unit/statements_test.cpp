// Budget statements (reports/html/statement_model.cpp, statement_html.cpp): every line adds up to the
// penny, the numbers of three schools worked out by hand, academies show no de-delegation, and the HTML
// shows every line.
#include <catch2/catch.hpp>

#include "engine/compare/compare.hpp"
#include "engine/core/money.hpp"
#include "reports/html/statement_html.hpp"
#include "tests/support.hpp"

namespace statements_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

const char* kCensus =
    "urn,laestab,name,area,phase,status,nor_primary,nor_ks3,nor_ks4,fsm_primary,fsm_secondary,mfg_baseline_"
    "pupils,"
    "mfg_baseline_funding,prior_year_budget,pp_ever6_primary,pp_ever6_secondary\n"
    "201,8812101,\"Oak & Ash <Primary> \"\"St "
    "Mary's\"\"\",North,primary,maintained,210,0,0,30.5,0,210,640000,700000,40,0\n"
    "202,8814101,Beech Academy,South,secondary,academy,0,300,200,0,50,,,2300000,0,80\n"
    "203,8813101,Elm "
    "All-through,South,all_through,maintained,100,90,60,12.345,10.001,250,1000000,1200000,20,15\n";

const char* kFormula = R"({"name":"Statement test","year":"2025-26",
  "factors":{"basic_entitlement":{"kind":"per_pupil","rate":{"primary":3000,"ks3":4000,"ks4":5000}},
             "fsm":{"kind":"per_unit","measure":"fsm","rate":{"primary":495,"secondary":495}},
             "lump_sum":{"kind":"lump_sum","rate":{"primary":100000,"secondary":100000}}},
  "mppl":{"level":{"primary":3000,"ks3":4000,"ks4":5000}},
  "mfg":{"percent":0.0,"excludes":["lump_sum"]},
  "capping":{"cap":0.005,"scaling":0.5},
  "de_delegation":{"contingency":{"kind":"per_pupil","rate":{"primary":10,"ks3":8,"ks4":8}}},
  "grants":{"pupil_premium":{"ever6":{"kind":"per_unit","measure":"pp_ever6","rate":{"primary":1500,"secondary":1000}}}},
  "notional_sen":{"basic_entitlement":0.05,"fsm":0.5}})";

struct Fixture {
    Census census;
    Comparison cmp;
    StatementChange change;
    Fixture() {
        census = census_from_csv_text(kCensus, "census.csv");
        cmp = compare(census, std::nullopt, "last year", {{"f.json", test::formula_from(kFormula)}});
        change.against = "last year's budget share";
        change.baseline = &cmp.baseline;
        change.option = &cmp.scenarios[0];
    }
    const Result& result() const { return cmp.scenarios[0].result; }
    Statement statement(std::size_t s) const { return build_statement(result(), s, &change); }
};

const StatementSection* section(const Statement& st, const std::string& title_start) {
    for (const auto& s : st.sections)
        if (s.title.rfind(title_start, 0) == 0) return &s;
    return nullptr;
}

// The amount of the first line of a section whose label starts with `label`; NaN if there is none.
double amount(const Statement& st, const std::string& sec, const std::string& label) {
    const StatementSection* s = section(st, sec);
    if (!s) return NAN;
    for (const auto& l : s->lines)
        if (l.kind != StatementLine::Kind::info && l.label.rfind(label, 0) == 0) return l.amount;
    return NAN;
}

const StatementLine* find_line(const Statement& st, const std::string& sec, const std::string& label) {
    const StatementSection* s = section(st, sec);
    if (!s) return nullptr;
    for (const auto& l : s->lines)
        if (l.label.rfind(label, 0) == 0) return &l;
    return nullptr;
}

}  // namespace

TEST_CASE("statement of a maintained primary school, worked by hand", "[statements]") {
    Fixture f;
    const Statement st = f.statement(0);
    CHECK(statement_sum_errors(st).empty());
    // Factors: 3,000 × 210 = 630,000; 495 × 30.5 = 15,097.50; lump sum 100,000; total 745,097.50.
    const StatementLine* basic = find_line(st, "A.", "Basic entitlement");
    REQUIRE(basic);
    CHECK(basic->amount == 630000.0);
    CHECK(basic->rate == "£3,000.00");
    CHECK(basic->count == "210");
    CHECK(amount(st, "A.", "Free school meals") == 15097.50);
    CHECK(amount(st, "A.", "Lump sum") == 100000.0);
    CHECK(amount(st, "A.", "Formula total") == 745097.50);
    // MFG: pp0 = 640,000 / 210; this year (less the lump sum) 645,097.50, a gain of 0.80%: no top-up.
    CHECK(amount(st, "C.", "MFG top-up") == 0.0);
    // Capping: excess = 645,097.50 - 1.005 × 640,000 = 1,897.50; half of it taken back = 948.75.
    CHECK(amount(st, "D.", "Capping deduction") == 948.75);
    // Budget share 745,097.50 - 948.75 = 744,148.75; less contingency 10 × 210 = 2,100 → 742,048.75.
    CHECK(amount(st, "E.", "Budget share") == 744148.75);
    CHECK(amount(st, "E.", "Capping and scaling deduction") == -948.75);
    CHECK(amount(st, "F.", "Less Contingency") == -2100.0);
    CHECK(amount(st, "F.", "Delegated budget") == 742048.75);
    // Pupil premium 1,500 × 40 = 60,000. Notional SEN 5% × 630,000 + 50% × 15,097.50 = 39,048.75.
    CHECK(amount(st, "G.", "Total grants") == 60000.0);
    CHECK(amount(st, "H.", "Basic entitlement") == 31500.0);
    CHECK(amount(st, "H.", "Notional SEN budget") == 39048.75);
    // Against last year's 700,000: +44,148.75 = formula +45,097.50, capping -948.75.
    CHECK(amount(st, "I.", "Formula funding against last year") == 45097.50);
    CHECK(amount(st, "I.", "Capping and scaling deduction") == -948.75);
    CHECK(amount(st, "I.", "Change in budget share") == 44148.75);
    CHECK(std::isnan(amount(st, "I.", "MFG top-up")));  // unchanged parts are left out
}

TEST_CASE("statement of an academy shows no de-delegation", "[statements]") {
    Fixture f;
    const Statement st = f.statement(1);
    CHECK(statement_sum_errors(st).empty());
    CHECK(section(st, "F.") == nullptr);
    const std::string html = statement_html(st);
    CHECK(html.find("elegat") == std::string::npos);  // neither "De-delegated" nor "Delegated budget"
    CHECK(html.find("Contingency") == std::string::npos);
    // New school (no MFG baseline): 4,000 × 300 + 5,000 × 200 + 495 × 50 + 100,000 = 2,324,750, not capped.
    CHECK(amount(st, "E.", "Budget share") == 2324750.0);
    CHECK(amount(st, "C.", "MFG top-up") == 0.0);
    CHECK(find_line(st, "C.", "New school") != nullptr);
    // Pupil premium 1,000 × 80 = 80,000; change +24,750 against 2,300,000.
    CHECK(amount(st, "G.", "Total grants") == 80000.0);
    CHECK(amount(st, "I.", "Change in budget share") == 24750.0);
    // The maintained school of the same census does show its de-delegation.
    CHECK(statement_html(f.statement(0)).find("Less Contingency") != std::string::npos);
}

TEST_CASE("statement of an all-through school: parts add up to their line to the penny", "[statements]") {
    Fixture f;
    const Statement st = f.statement(2);
    CHECK(statement_sum_errors(st).empty());
    // FSM: (12.345 + 10.001) × 495 = 11,061.27, but 12.345 × 495 = 6,110.775 and 10.001 × 495 = 4,950.495
    // round to 6,110.78 + 4,950.50 = 11,061.28: one part gives up a penny so that the parts add up.
    const StatementSection* a = section(st, "A.");
    REQUIRE(a);
    std::vector<double> parts;
    bool in_fsm = false;
    for (const auto& l : a->lines) {
        if (l.kind == StatementLine::Kind::item) in_fsm = l.label.rfind("Free school meals", 0) == 0;
        if (in_fsm && l.kind == StatementLine::Kind::item) CHECK(l.amount == 11061.27);
        if (in_fsm && l.kind == StatementLine::Kind::part) parts.push_back(l.amount);
    }
    REQUIRE(parts.size() == 2);
    CHECK(std::llround((parts[0] + parts[1]) * 100) == 1106127);
    CHECK(std::fabs(parts[0] - 6110.775) < 0.01);
    CHECK(std::fabs(parts[1] - 4950.495) < 0.01);
    // Basic entitlement in three parts: 300,000 + 360,000 + 300,000 = 960,000.
    CHECK(amount(st, "A.", "Basic entitlement") == 960000.0);
    CHECK(amount(st, "A.", "Formula total") == 1071061.27);
    // MFG: pp0 = 1,000,000 / 250 = 4,000; this year less the lump sum 971,061.27: top-up 28,938.73.
    CHECK(amount(st, "C.", "MFG top-up") == 28938.73);
    CHECK(amount(st, "E.", "Budget share") == 1100000.0);
    // Contingency 10 × 100 + 8 × 90 + 8 × 60 = 2,200 → delegated 1,097,800.
    CHECK(amount(st, "F.", "Delegated budget") == 1097800.0);
    // Pupil premium 1,500 × 20 + 1,000 × 15 = 45,000; notional SEN 48,000 + 5,530.635 → 53,530.64.
    CHECK(amount(st, "G.", "Total grants") == 45000.0);
    CHECK(amount(st, "H.", "Notional SEN budget") == 53530.64);
    // Against 1,200,000: -100,000 = formula -128,938.73 + MFG +28,938.73.
    CHECK(amount(st, "I.", "Formula funding against last year") == -128938.73);
    CHECK(amount(st, "I.", "MFG top-up") == 28938.73);
    CHECK(amount(st, "I.", "Change in budget share") == -100000.0);
}

TEST_CASE("statement HTML shows every line's amount, escaped names, and the index links them",
          "[statements]") {
    Fixture f;
    std::vector<std::size_t> all;
    for (std::size_t s = 0; s < f.census.size; ++s) {
        all.push_back(s);
        const Statement st = f.statement(s);
        const std::string html = statement_html(st);
        for (const auto& sec : st.sections)
            for (const auto& l : sec.lines)
                if (l.kind != StatementLine::Kind::info) {
                    INFO(sec.title << ": " << l.label);
                    CHECK(html.find(statement_amount(l.amount)) != std::string::npos);
                }
        CHECK(html.find("http") == std::string::npos);
        CHECK(html.find("@page { size: A4") != std::string::npos);
    }
    const std::string first = statement_html(f.statement(0));
    CHECK(first.find("Oak &amp; Ash &lt;Primary&gt; &quot;St Mary&#39;s&quot;") != std::string::npos);
    CHECK(first.find("<Primary>") == std::string::npos);
    CHECK(first.find("£742,048.75") != std::string::npos);
    const std::string index = statements_index_html(f.result(), all, &f.change);
    CHECK(index.find("<a href=\"201.html\">201</a>") != std::string::npos);
    CHECK(index.find("<a href=\"203.html\">Elm All-through</a>") != std::string::npos);
    // Total of the budget shares: 744,148.75 + 2,324,750 + 1,100,000 = 4,168,898.75.
    CHECK(index.find("£4,168,898.75") != std::string::npos);
}

TEST_CASE("the adding-up check catches a line a penny out", "[statements]") {
    Fixture f;
    Statement st = f.statement(2);
    REQUIRE(statement_sum_errors(st).empty());
    for (auto& sec : st.sections)
        if (sec.title.rfind("A.", 0) == 0)
            for (auto& l : sec.lines)
                if (l.kind == StatementLine::Kind::part) {
                    l.amount += 0.01;
                    break;
                }
    const auto bad = statement_sum_errors(st);
    REQUIRE(bad.size() == 1);
    CHECK(
        bad[0] ==
        "A. Formula funding: the parts of \"Basic entitlement (AWPU)\" come to £960,000.01, not £960,000.00");
}

TEST_CASE("a statement without a baseline has no change block", "[statements]") {
    Census c;
    Result r = test::run_text(c, kCensus, test::formula_from(kFormula));
    const Statement st = build_statement(r, 0, nullptr);
    CHECK(section(st, "I.") == nullptr);
    CHECK(amount(st, "E.", "Budget share") == 744148.75);
}

TEST_CASE("a de-delegated pot is shared among maintained schools only", "[statements]") {
    // Pot 3,000 by pupils among the maintained schools 201 (210) and 203 (250), not academy 202:
    // 201: 3,000 × 210 / 460 = 1,369.565... and 203: 1,630.434...; the odd penny goes to the larger
    // remainder (201's .52 of a penny): 1,369.57 + 1,630.43 = 3,000.00.
    std::string text = kFormula;
    const std::string at = "\"de_delegation\":{";
    text.insert(text.find(at) + at.size(),
                R"("improvement":{"kind":"allocation","pot":3000,"basis":"nor"},)");
    Census c;
    Result r = test::run_text(c, kCensus, test::formula_from(text));
    const Statement oak = build_statement(r, 0, nullptr), elm = build_statement(r, 2, nullptr);
    CHECK(statement_sum_errors(oak).empty());
    CHECK(statement_sum_errors(elm).empty());
    CHECK(amount(oak, "F.", "Less Improvement") == -1369.57);
    CHECK(amount(elm, "F.", "Less Improvement") == -1630.43);
    // 744,148.75 - 1,369.57 - 2,100 = 740,679.18.
    CHECK(amount(oak, "F.", "Delegated budget") == 740679.18);
    CHECK(find_line(oak, "F.",
                    "Share of a pot of £3,000.00 by nor among 2 schools: this school 210 of 460") != nullptr);
    CHECK(section(build_statement(r, 1, nullptr), "F.") == nullptr);
}

TEST_CASE("apportion: the parts shown add up to the line, odd pennies to the largest remainders",
          "[statements]") {
    // 1.004 + 1.004 + 1.002 = 3.01: each rounds to 1.00, so one penny is left over; it goes to the first
    // of the two largest remainders (0.4p), not to the 0.2p one.
    CHECK(apportion({1.004, 1.004, 1.002}, 3.01) == std::vector<double>{1.01, 1.00, 1.00});
    // 3 × 0.336 = 1.008 shown as 1.00: each rounds up to 0.34 (1.02), so two pennies come off, from the
    // smallest remainders (all equal here: the first two).
    CHECK(apportion({0.336, 0.336, 0.336}, 1.00) == std::vector<double>{0.33, 0.33, 0.34});
    // Negative parts (de-delegation lines) share out the same way.
    CHECK(apportion({-1.004, -1.004, -1.002}, -3.01) == std::vector<double>{-1.01, -1.00, -1.00});
    CHECK(apportion({}, 0).empty());
}

}  // namespace statements_test
