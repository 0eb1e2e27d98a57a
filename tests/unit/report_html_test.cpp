// report.html (reports/html/forum_report.cpp): self-contained (no external reference), well-formed, escaped,
// and carrying the numbers of a four-school comparison worked out by hand.
#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "engine/compare/compare.hpp"
#include "reports/format.hpp"
#include "reports/html/forum_report.hpp"
#include "reports/html/html.hpp"
#include "reports/labels.hpp"
#include "tests/support.hpp"

namespace report_html_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// Four schools, one basic entitlement factor. Baseline rates 3000 / 4000 / 5000, so the baseline
// budget shares are 101: 200 × 3000 = 600,000; 102: 300,000; 103: 900,000;
// 104: 600 × 4000 + 400 × 5000 = 4,400,000; total 6,200,000.
const char* kCensus =
    "urn,laestab,name,area,phase,status,nor_primary,nor_ks3,nor_ks4\n"
    "101,8812001,\"St Mary's & <Test> \"\"School\"\"\",North,primary,maintained,200,0,0\n"
    "102,8812002,Hill Primary,North,primary,academy,100,0,0\n"
    "103,8812003,Vale Primary,South,primary,maintained,300,0,0\n"
    "104,8814001,Town Secondary,South,secondary,academy,0,600,400\n";

std::string formula(const std::string& name, int primary, int ks4) {
    return R"({"name":")" + name +
           R"(","factors":{"basic_entitlement":{"kind":"per_pupil","rate":{"primary":)" +
           std::to_string(primary) + R"(,"ks3":4000,"ks4":)" + std::to_string(ks4) + "}}}}";
}

struct Fixture {
    Census census;
    Comparison cmp;
    std::string html;
    explicit Fixture(const std::string& baseline_name = "Test baseline") {
        census = census_from_csv_text(kCensus, "census.csv");
        // Option A: primary +1% (3030): 101 +6,000, 102 +3,000, 103 +9,000; total 6,218,000.
        // Option B: KS4 4900: 104 loses 400 × 100 = 40,000 (-0.909%); total 6,160,000.
        std::vector<std::pair<std::string, Formula>> options = {
            {"a.json", test::formula_from(formula("Option A", 3030, 5000))},
            {"b.json", test::formula_from(formula("Option B", 3000, 4900))}};
        cmp = compare(census, test::formula_from(formula(baseline_name, 3000, 5000)), baseline_name, options);
        html = report_html(cmp);
    }
};

std::size_t occurrences(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
    return n;
}

// Checks that elements nest properly: every start tag is closed in order, except HTML's void elements
// and SVG's self-closed ones. Returns the first problem, or "" if none.
std::string nesting_problem(const std::string& h) {
    static const std::set<std::string> kVoid = {"meta", "br", "hr", "img", "input", "link", "col", "wbr"};
    std::vector<std::string> open;
    std::size_t p = 0;
    while ((p = h.find('<', p)) != std::string::npos) {
        const std::size_t e = h.find('>', p);
        if (e == std::string::npos) return "unterminated tag at " + std::to_string(p);
        std::string tag = h.substr(p + 1, e - p - 1);
        p = e + 1;
        if (tag.empty() || tag[0] == '!') continue;  // <!DOCTYPE html>
        const bool closing = tag[0] == '/', self_closed = tag.back() == '/';
        std::string name = tag.substr(closing ? 1 : 0);
        name = name.substr(0, name.find_first_of(" \t\n/"));
        if (closing) {
            if (open.empty() || open.back() != name)
                return "</" + name + "> closes <" + (open.empty() ? "nothing" : open.back()) + ">";
            open.pop_back();
        } else if (!self_closed && !kVoid.count(name)) {
            open.push_back(name);
        }
    }
    return open.empty() ? "" : "<" + open.back() + "> is never closed";
}

}  // namespace

TEST_CASE("report.html refers to nothing outside itself", "[report]") {
    Fixture f;
    const std::string& h = f.html;
    CHECK(h.find("http:") == std::string::npos);
    CHECK(h.find("https:") == std::string::npos);
    CHECK(h.find("//") == std::string::npos);  // no protocol-relative address either
    CHECK(h.find("<link") == std::string::npos);
    CHECK(h.find("@import") == std::string::npos);
    CHECK(h.find("<script") == std::string::npos);
    CHECK(h.find("src=") == std::string::npos);
    CHECK(h.find("url(") == std::string::npos);
    CHECK(h.find("@font-face") == std::string::npos);
    CHECK(h.find("@page { size: A4 landscape") != std::string::npos);
}

TEST_CASE("report.html is well formed", "[report]") {
    Fixture f;
    CHECK(nesting_problem(f.html) == "");
    // The checker itself catches a tag left open and one closed out of order.
    CHECK(nesting_problem("<div><svg></div>") == "</div> closes <svg>");
    CHECK(nesting_problem("<table><tr><td>1</td></tr>") == "<table> is never closed");
    CHECK(f.html.rfind("<!DOCTYPE html>", 0) == 0);
    // Charts: 2 histograms, 2 scatters, and a gain/same/lose bar for each option (2) in each row of the
    // phase table (primary, secondary, all) and the area table (North, South, all): 2 + 2 + 2 × 6 = 16.
    CHECK(occurrences(f.html, "<svg") == 16);
    CHECK(occurrences(f.html, "</svg>") == 16);
    // One dot per school with a baseline, per option: 4 × 2.
    CHECK(occurrences(f.html, "<circle") == 8);
}

TEST_CASE("report.html escapes school names", "[report]") {
    Fixture f;
    CHECK(f.html.find("St Mary&#39;s &amp; &lt;Test&gt; &quot;School&quot;") != std::string::npos);
    CHECK(f.html.find("<Test>") == std::string::npos);
    CHECK(f.html.find("St Mary's") == std::string::npos);
    CHECK(html_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
}

TEST_CASE("report.html carries the options' numbers", "[report]") {
    Fixture f;
    const std::string& h = f.html;
    // Totals: baseline 6,200,000; A 6,218,000 (+18,000 = +0.29%); B 6,160,000 (-40,000 = -0.65%).
    CHECK(h.find("£6,200,000") != std::string::npos);
    CHECK(h.find("£6,218,000") != std::string::npos);
    CHECK(h.find("+£18,000 (+0.29%)") != std::string::npos);
    CHECK(h.find("-£40,000 (-0.65%)") != std::string::npos);
    // Largest loss under B: school 104, 40,000 / 4,400,000 = 0.909% of its baseline.
    CHECK(h.find("-£40,000 (-0.91%)<br><span class=\"small\">104 Town Secondary") != std::string::npos);
    // By phase under A: three primaries gain, none lose or stay; net +18,000.
    CHECK(std::regex_search(h, std::regex("<tr><th>Primary</th><td class=\"n\">3</td><td class=\"n gain "
                                          "sep\">3</td><td class=\"n loss\">0</td>"
                                          "<td class=\"n\">0</td>.*?\\+£18,000")));
    // Histogram: A's three +1% schools fall in the bin +1.00% to +1.10% (bins of 0.1 from -1.0%).
    CHECK(h.find("3 schools: +1.00% to +1.10%") != std::string::npos);
    CHECK(h.find("1 school: -1.00% to -0.90%") != std::string::npos);
    // Unchanged schools: 1 under A (104), 3 under B, each in the bin at 0.
    CHECK(h.find("1 school unchanged") != std::string::npos);
    CHECK(h.find("3 schools unchanged") != std::string::npos);
    // Factor values against the baseline: A's primary rate 3030 is +1.00%, B's KS4 4900 is -2.00%.
    CHECK(h.find("£3,030</td><td class=\"n diff\">+1.00%") != std::string::npos);
    CHECK(h.find("£4,900</td><td class=\"n diff\">-2.00%") != std::string::npos);
    CHECK(h.find("<th class=\"n\">Baseline</th>") != std::string::npos);
    // Per school: 103 under A 909,000 (+9,000, +1.00%).
    CHECK(h.find("£909,000</td><td class=\"n gain\">+£9,000</td><td class=\"n gain\">+1.00%") !=
          std::string::npos);
}

TEST_CASE("report.html fits four options with long file paths on the page", "[report]") {
    // A page 1,280 px wide or A4 landscape holds the side-by-side table for four options, but not four
    // options' columns in the tables by phase and area (five each) or of every school (three each): those
    // come two options to a table. Files are shown by name, their paths in full in a title and a footnote.
    Census census = census_from_csv_text(kCensus, "census.csv");
    const std::string dir = "/srv/schools-forum/2025-26/options/";
    // Option C: primary 3060: 101 612,000, 102 306,000, 103 918,000, 104 4,400,000; total 6,236,000,
    // +36,000 = +0.58% of 6,200,000. Option D: KS4 4800: 104 2,400,000 + 1,920,000 = 4,320,000; total
    // 6,120,000, -80,000 = -1.29%.
    std::vector<std::pair<std::string, Formula>> options = {
        {dir + "option-a.json", test::formula_from(formula("Option A", 3030, 5000))},
        {dir + "option-b.json", test::formula_from(formula("Option B", 3000, 4900))},
        {dir + "option-c.json", test::formula_from(formula("Option C", 3060, 5000))},
        {dir + "option-d.json", test::formula_from(formula("Option D", 3000, 4800))}};
    const Formula base = parse_formula(Json::parse(formula("Test baseline", 3000, 5000)),
                                       dir + "base.json (patched ../nff.json)");
    const Comparison cmp = compare(census, base, "Test baseline", options);
    const std::string h = report_html(cmp);
    CHECK(nesting_problem(h) == "");
    CHECK(h.find("+£36,000 (+0.58%)") != std::string::npos);
    CHECK(h.find("-£80,000 (-1.29%)") != std::string::npos);
    // Section 1: one table; section 3: two by phase and two by area; section 5: one; section 6: two parts,
    // each listing every school (school 104's row opens each part once).
    CHECK(occurrences(h, "<table class=\"options\">") == 1);
    CHECK(occurrences(h, "<table class=\"groups\">") == 4);
    CHECK(occurrences(h, "<table class=\"factors\">") == 1);
    CHECK(occurrences(h, "<table class=\"schools\">") == 2);
    CHECK(occurrences(h, "<tr><td>104</td>") == 2);
    CHECK(h.find("<h3>Part 2 of 2</h3>") != std::string::npos);
    // The tables of the second run name options C and D, and repeat the rows' labels.
    const std::size_t second_groups =
        h.find("<table class=\"groups\">", h.find("<table class=\"groups\">") + 1);
    CHECK(h.find("Option C", second_groups) < h.find("Option A", second_groups));
    CHECK(std::regex_search(h.substr(second_groups),
                            std::regex("^<table class=\"groups\"><thead><tr><th rowspan=\"2\">Phase")));
    // Files: the name in the cell, the path in its title and in the footnote.
    CHECK(h.find("<td class=\"n file\" title=\"" + dir + "option-c.json\">option-c.json</td>") !=
          std::string::npos);
    CHECK(h.find("<td class=\"n file\" title=\"" + dir +
                 "base.json (patched ../nff.json)\">base.json (patched "
                 "nff.json)</td>") != std::string::npos);
    CHECK(h.find("Option D: <span class=\"path\">" + dir + "option-d.json</span>") != std::string::npos);
    // Chart titles are HTML above each chart, where they wrap, not SVG text: 4 histograms and 4 scatters.
    CHECK(occurrences(h, "<figcaption class=\"ctitle\">") == 8);
    CHECK(h.find("class=\"ctitle\">Option D</figcaption><svg") != std::string::npos);
    CHECK(std::regex_search(h, std::regex("<text[^>]*>Option")) == false);
}

TEST_CASE("report.html keeps one table each for two options", "[report]") {
    Fixture f;
    CHECK(occurrences(f.html, "<table class=\"options\">") == 1);
    CHECK(occurrences(f.html, "<table class=\"groups\">") == 2);  // by phase, by area
    CHECK(occurrences(f.html, "<table class=\"schools\">") == 1);
    CHECK(f.html.find("Part 1 of") == std::string::npos);
    // Short file names need no footnote.
    CHECK(f.html.find("<td class=\"n file\">a.json</td>") != std::string::npos);
    CHECK(f.html.find("Files in full") == std::string::npos);
}

TEST_CASE("report.html labels an NFF baseline as such", "[report]") {
    Fixture f("National funding formula test");
    CHECK(f.html.find("<th class=\"n\">NFF</th>") != std::string::npos);
    CHECK(f.html.find("Baseline (NFF)") != std::string::npos);
}

TEST_CASE("people's number formats", "[report]") {
    CHECK(pounds_whole(1234567.49) == "£1,234,567");
    CHECK(pounds_whole(-1234.5) == "-£1,235");  // half away from zero
    CHECK(signed_pounds_whole(999.5) == "+£1,000");
    CHECK(signed_pounds_whole(0.004) == "£0");
    CHECK(signed_pounds_whole(0.42) == "+£0.42");  // a gain under £1 is still shown as a gain
    CHECK(percent_text(0.0123) == "1.23%");
    CHECK(percent_text(-0.00004, 2, true) == "0.00%");  // never "-0.00%"
    CHECK(percent_text(0.005, 2, true) == "+0.50%");
    CHECK(factor_label("basic_entitlement") == "Basic entitlement (AWPU)");
    CHECK(factor_label("growth_top_up") == "Growth top up");
}

}  // namespace report_html_test
