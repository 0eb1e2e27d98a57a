// The comparison (engine/compare/compare.cpp) and its writers (reports/comparison_*.cpp): every identity of
// the Forum pack on five schools worked by hand, attribution to the penny, a do-nothing scenario, the
// workbook.
#include "engine/compare/compare.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>

#include "engine/synth/synth.hpp"
#include "reports/comparison_writers.hpp"
#include "reports/output_file.hpp"
#include "reports/writers.hpp"
#include "tests/support.hpp"

namespace compare_compare_test {  // each file's names kept apart in the unity build

using namespace fundsim;

namespace {

// The five schools of tests/cases/run_protections (worked there by hand), with last year's budgets added:
// Castle is new (no MFG baseline, no prior-year budget).
const char* kCensus =
    "urn,laestab,name,area,phase,status,nor_primary,nor_ks3,nor_ks4,fsm_primary,fsm_secondary,mfg_baseline_"
    "pupils,"
    "mfg_baseline_funding,prior_year_budget\n"
    "100001,8812001,Ashby Primary,North,primary,maintained,200,0,0,40,0,195,624000,750000\n"
    "100002,8812002,Brook Primary,North,primary,academy,300,0,0,180,0,290,870000,1000000\n"
    "100003,8812003,Castle Primary,South,primary,maintained,250,0,0,10,0,,,\n"
    "100004,8814001,Dale High,South,secondary,maintained,0,450,300,0,100,740,3330000,3530000\n"
    "100005,8814002,Elm Academy,North,secondary,academy,0,300,200,0,50,500,2350000,2500000\n";

// run_protections' formula: MFG -0.5% (lump sum excluded), cap 2% scaling 0.5, no budget.
std::string formula_json(const std::string& name, double mfg, int primary_lump) {
    char b[1024];
    std::snprintf(b, sizeof b, R"({"name":"%s","factors":{
      "basic_entitlement":{"kind":"per_pupil","rate":{"primary":3000,"ks3":4200,"ks4":4800}},
      "fsm":{"kind":"per_unit","measure":"fsm","rate":{"primary":500,"secondary":800}},
      "lump_sum":{"kind":"lump_sum","rate":{"primary":%d,"secondary":120000}}},
      "mppl":{"level":{"primary":3500,"ks3":4500,"ks4":5000}},
      "mfg":{"percent":%g,"excludes":["lump_sum"]},"capping":{"cap":0.02,"scaling":0.5}})",
                  name.c_str(), primary_lump, mfg);
    return b;
}

// Baseline (run_protections): budget shares Ashby 736,800, Brook 1,054,000, Castle 875,000, Dale 3,530,000,
// Elm 2,458,250; total 8,654,050. Option B (run_scenario): MFG 0%, primary lump sum 120,000: Ashby 760,000,
// Brook 1,074,000, Castle 875,000, Dale 3,530,000, Elm 2,470,000; total 8,709,000.
struct Fixture {
    Census census;
    Comparison cmp;
    explicit Fixture(bool prior_year) {
        census = census_from_csv_text(kCensus, "census.csv");
        std::vector<std::pair<std::string, Formula>> options = {
            {"b.json", test::formula_from(formula_json("Option B: MFG 0%, lump sum 120k", 0.0, 120000))}};
        std::optional<Formula> base;
        if (!prior_year) base = test::formula_from(formula_json("Baseline", -0.005, 100000));
        cmp = compare(census, base, prior_year ? "prior year" : "Baseline", options);
    }
};

double part(const ScenarioResult& s, const std::string& label, Eigen::Index i) {
    for (std::size_t p = 0; p < s.attribution.labels.size(); ++p)
        if (s.attribution.labels[p] == label) return s.attribution.parts[p][i];
    FAIL("no attribution part " << label);
    return 0;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// One member of a zip file (an .xlsx), through unzip or, failing that, Python's zipfile (both Debian's).
std::string zip_member(const std::string& zip, const std::string& member) {
    const std::string cmd = "unzip -p '" + zip + "' '" + member +
                            "' 2>/dev/null || python3 -c 'import sys,zipfile; "
                            "sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' '" +
                            zip + "' '" + member + "'";
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::string out;
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
    return out;
}

}  // namespace

TEST_CASE("compare against a formula: change = new - baseline for every school, worked by hand",
          "[compare]") {
    Fixture f(false);
    REQUIRE(f.cmp.scenarios.size() == 1);
    const ScenarioResult& s = f.cmp.scenarios[0];
    const double base[5] = {736800, 1054000, 875000, 3530000, 2458250};
    const double now[5] = {760000, 1074000, 875000, 3530000, 2470000};
    for (Eigen::Index i = 0; i < 5; ++i) {
        CHECK(f.cmp.baseline[i] == base[i]);
        CHECK(s.result.budget_share.amount[i] == now[i]);
        CHECK(s.change[i] == now[i] - base[i]);  // 23,200; 20,000; 0; 0; 11,750
        CHECK(s.change[i] == s.result.budget_share.amount[i] - f.cmp.baseline[i]);
    }
    // Ashby: +23,200 on 736,800 = 3.1488%; 23,200 / 200 pupils = £116 per pupil.
    CHECK(s.change_pct[0] == Approx(23200.0 / 736800.0));
    CHECK(s.change_per_pupil[0] == Approx(116.0));
    CHECK(s.change_per_pupil[4] == Approx(23.5));  // Elm: 11,750 / 500
}

TEST_CASE("compare: totals are the sums over schools and the counts add up", "[compare]") {
    Fixture f(false);
    const ScenarioResult& s = f.cmp.scenarios[0];
    const ChangeStats st = change_stats(s, f.cmp, [](std::size_t) { return true; });
    CHECK(st.schools == 5);
    CHECK(st.total == 8709000.0);           // Σ new budget shares
    CHECK(st.baseline_total == 8654050.0);  // Σ baseline budget shares
    CHECK(st.change_total == 54950.0);      // 23,200 + 20,000 + 11,750
    CHECK(st.total - st.baseline_total == st.change_total);
    // Ashby, Brook, Elm gain; Castle (+20,000 lump sum, -20,000 MPPL) and Dale do not move.
    CHECK(st.gaining == 3);
    CHECK(st.losing == 0);
    CHECK(st.unchanged == 2);
    CHECK(st.gaining + st.losing + st.unchanged + st.no_baseline == st.schools);
    CHECK(st.largest_gain_urn == 100001);
    CHECK(st.largest_gain == 23200.0);
    CHECK(st.largest_loss_urn == 0);
    CHECK(st.median_change_per_pupil == Approx(23.5));  // of 0, 0, 23.5, 66.67, 116
    CHECK(st.on_mfg == 2);                              // Ashby 20,000, Elm 90,000
    CHECK(st.mfg_total == 110000.0);
    CHECK(st.capped == 1);
    CHECK(st.capping_total == 36000.0);  // Brook
    CHECK(st.on_mppl == 0);              // Castle's formula now reaches its MPPL: 875,000

    // By area: North = Ashby + Brook + Elm, South = Castle + Dale; the groups add up to the LA.
    const Census& c = f.census;
    const ChangeStats north = change_stats(s, f.cmp, [&](std::size_t k) { return c.area[k] == "North"; });
    const ChangeStats south = change_stats(s, f.cmp, [&](std::size_t k) { return c.area[k] == "South"; });
    CHECK(north.total == 760000.0 + 1074000.0 + 2470000.0);
    CHECK(north.total + south.total == st.total);
    CHECK(north.gaining + south.gaining == st.gaining);
    CHECK(south.unchanged == 2);
}

TEST_CASE("attribution against a formula: each factor's part, MPPL, MFG and capping, to the penny",
          "[compare]") {
    Fixture f(false);
    const ScenarioResult& s = f.cmp.scenarios[0];
    // Ashby: lump sum +20,000; MFG 16,800 -> 20,000: +3,200; total +23,200.
    CHECK(part(s, "lump_sum", 0) == 20000.0);
    CHECK(part(s, "mfg", 0) == 3200.0);
    CHECK(part(s, "basic_entitlement", 0) == 0.0);
    // Castle: lump sum +20,000, MPPL top-up 20,000 -> 0: -20,000.
    CHECK(part(s, "lump_sum", 2) == 20000.0);
    CHECK(part(s, "mppl", 2) == -20000.0);
    // Elm: only the MFG moves, 78,250 -> 90,000.
    CHECK(part(s, "mfg", 4) == 11750.0);
    CHECK(part(s, "capping", 1) == 0.0);  // Brook: still 36,000 deducted
    for (Eigen::Index i = 0; i < 5; ++i) {
        double sum = 0;
        for (const auto& p : s.attribution.parts) sum += p[i];
        CHECK(std::fabs(sum - s.change[i]) < 0.005);
    }
}

TEST_CASE("compare against prior_year_budget: changes, a school without one, attribution", "[compare]") {
    Fixture f(true);
    const ScenarioResult& s = f.cmp.scenarios[0];
    REQUIRE(f.cmp.baseline_is_prior_year);
    // Ashby 760,000 - 750,000 = +10,000: formula 740,000 - 750,000 = -10,000, MFG +20,000.
    CHECK(s.change[0] == 10000.0);
    CHECK(part(s, "formula_vs_prior_year", 0) == -10000.0);
    CHECK(part(s, "mfg", 0) == 20000.0);
    // Brook 1,074,000 - 1,000,000 = +74,000: formula 1,110,000 - 1,000,000 = +110,000, capping -36,000.
    CHECK(s.change[1] == 74000.0);
    CHECK(part(s, "capping", 1) == -36000.0);
    CHECK(std::isnan(s.change[2]));  // Castle: no prior-year budget
    CHECK(std::isnan(s.change_pct[2]));
    CHECK(s.change[4] == -30000.0);  // Elm: 2,470,000 - 2,500,000
    const ChangeStats st = change_stats(s, f.cmp, [](std::size_t) { return true; });
    CHECK(st.gaining == 2);
    CHECK(st.losing == 1);
    CHECK(st.unchanged == 1);
    CHECK(st.no_baseline == 1);
    CHECK(st.gaining + st.losing + st.unchanged + st.no_baseline == st.schools);
    CHECK(st.baseline_total == 7780000.0);  // 750,000 + 1,000,000 + 3,530,000 + 2,500,000
    CHECK(st.change_total == 54000.0);      // 10,000 + 74,000 + 0 - 30,000
    CHECK(st.largest_loss_urn == 100005);
    CHECK(st.largest_loss_pct == Approx(-30000.0 / 2500000.0));
    for (Eigen::Index i : {0, 1, 3, 4}) {
        double sum = 0;
        for (const auto& p : s.attribution.parts) sum += p[i];
        CHECK(std::fabs(sum - s.change[i]) < 0.005);
    }
}

TEST_CASE("attribution adds up to the penny for every school of a synthetic LA (both baselines)",
          "[compare]") {
    Formula nff = load_formula(test::source_dir() + "/formulas/nff-2025-26.json");
    SynthOptions opt;
    opt.schools = 120;
    opt.seed = 11;
    opt.formula = &nff;
    Census census = census_from_csv_text(synth_census_csv(opt), "synth.csv");
    // Options that move factors, protections and the lever: MFG 0% with a scaled cap, and a lump sum cut.
    Json a = nff.doc, b = nff.doc;
    a["name"] = "A";
    a["mfg"]["percent"] = 0.0;
    a["capping"] = {{"cap", 0.0}, {"scaling", 0.5}};
    b["name"] = "B";
    b["factors"]["lump_sum"]["rate"]["primary"] = 120000;
    b["factors"]["fsm"]["rate"]["primary"] = 505.55;
    std::vector<std::pair<std::string, Formula>> options = {{"a", parse_formula(a, "a")},
                                                            {"b", parse_formula(b, "b")}};
    for (bool prior : {false, true}) {
        std::optional<Formula> base;
        if (!prior) base = nff;
        const Comparison cmp = compare(census, base, "base", options);
        std::size_t checked = 0;
        for (const auto& s : cmp.scenarios) {
            for (std::size_t k = 0; k < census.size; ++k) {
                const Eigen::Index i = static_cast<Eigen::Index>(k);
                if (!std::isfinite(s.change[i])) continue;
                double sum = 0;
                for (const auto& p : s.attribution.parts) sum += p[i];
                if (std::fabs(sum - s.change[i]) >= 0.005)
                    FAIL("school " << census.urn[k] << ": parts " << sum << " change " << s.change[i]);
                ++checked;
            }
        }
        CHECK(checked > 200);  // 2 options x 120 schools, less any without a prior-year budget
    }
}

TEST_CASE("a scenario that changes nothing reproduces its base: allocations.csv byte for byte", "[compare]") {
    // docs/funding-model.md §8.6. The scenario sets its own name, so summary.json's "formula" differs and
    // nothing else.
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("fundsim-compare-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string nff_path = test::source_dir() + "/formulas/nff-2025-26.json";
    write_file_atomic((dir / "same.json").string(),
                      R"({"name": "Same as the NFF", "base": ")" + nff_path + R"(", "changes": {}})");
    Formula nff = load_formula(nff_path);
    Scenario same = load_scenario((dir / "same.json").string());
    fs::remove_all(dir);
    SynthOptions opt;
    opt.schools = 60;
    opt.seed = 5;
    opt.formula = &nff;
    Census census = census_from_csv_text(synth_census_csv(opt), "synth.csv");
    prepare_census(census, nff);
    const Result r1 = calculate(test::shared(census), nff),
                 r2 = calculate(test::shared(census), same.formula);
    CHECK(allocations_csv(r1) == allocations_csv(r2));
    auto j1 = summary_json(r1), j2 = summary_json(r2);
    CHECK(j1["formula"] != j2["formula"]);
    CHECK(j2["formula"] == "Same as the NFF");
    j2["formula"] = j1["formula"];
    CHECK(j1.dump() == j2.dump());
    // And as an option against its base, every school is unchanged with no attribution.
    const Comparison cmp = compare(census, nff, "NFF", {{"same", same.formula}});
    const ChangeStats st = change_stats(cmp.scenarios[0], cmp, [](std::size_t) { return true; });
    CHECK(st.unchanged == 60);
    for (const auto& p : cmp.scenarios[0].attribution.parts) CHECK((p == 0).all());
}

TEST_CASE("comparison.csv: the contract's columns in order, blanks where there is no baseline", "[compare]") {
    Fixture f(true);
    const std::string csv = comparison_csv(f.cmp);
    const std::string header = csv.substr(0, csv.find('\n'));
    CHECK(header.rfind("scenario,urn,name,phase,status,area,nor,baseline,budget_share,change,change_pct,"
                       "change_per_pupil,mfg_topup,"
                       "capping_deduction,mppl_topup",
                       0) == 0);
    // Ashby: 750,000 -> 760,000, +10,000 = 1.3333% (6 decimals), £50 per pupil, MFG top-up 20,000.
    // The option's name has a comma: quoted.
    CHECK(csv.find("\n\"Option B: MFG 0%, lump sum 120k\",100001,Ashby "
                   "Primary,primary,maintained,North,200,750000.00,760000.00,"
                   "10000.00,0.013333,50.00,20000.00,0.00,0.00,3750.00,3800.00,mfg\n") != std::string::npos);
    // Castle has no baseline: blank baseline, change, change_pct, change_per_pupil and baseline_per_pupil.
    CHECK(csv.find("\"Option B: MFG 0%, lump sum 120k\",100003,Castle "
                   "Primary,primary,maintained,South,250,,875000.00,,,,0.00,0.00,0.00,,3500.00,new\n") !=
          std::string::npos);
    const std::string attr = attribution_csv(f.cmp);
    CHECK(attr.rfind("scenario,urn,part,amount\n", 0) == 0);
    CHECK(attr.find(",100002,capping,-36000.00\n") != std::string::npos);
    CHECK(attr.find(",100002,formula_vs_prior_year,110000.00\n") != std::string::npos);
}

TEST_CASE("summary.json of compare: totals, counts and extremes per option and by group", "[compare]") {
    Fixture f(false);
    const auto j = comparison_summary_json(f.cmp);
    CHECK(j["baseline"]["kind"] == "formula");
    CHECK(j["baseline"]["total_budget_share"].get<double>() == 8654050.0);
    const auto& s = j["scenarios"][0];
    CHECK(s["name"] == "Option B: MFG 0%, lump sum 120k");
    CHECK(s["total_budget_share"].get<double>() == 8709000.0);
    CHECK(s["change_total"].get<double>() == 54950.0);
    CHECK(s["schools_gaining"] == 3);
    CHECK(s["schools_unchanged"] == 2);
    CHECK(s["largest_gain"]["urn"] == 100001);
    CHECK(s["largest_gain"]["amount"].get<double>() == 23200.0);
    CHECK(s["largest_gain"]["fraction"].get<double>() == 0.031488);  // 23,200 / 736,800 to 6 decimals
    CHECK(s["largest_loss"].is_null());
    CHECK(s["median_change_per_pupil"].get<double>() == 23.5);
    CHECK(s["area"]["North"]["total_budget_share"].get<double>() ==
          4304000.0);                                       // 760,000 + 1,074,000 + 2,470,000
    CHECK(s["phase"]["secondary"]["schools_on_mfg"] == 1);  // Elm
    CHECK(s["status"]["academy"]["capping_total"].get<double>() == 36000.0);  // Brook
    CHECK(s["available"].is_null());
    CHECK(s["lever"].is_null());
}

TEST_CASE("sheet names: at most 31 characters, no []:*?/\\, unique ignoring case", "[compare]") {
    const auto n = sheet_names(
        {"Option A: MFG 0% [draft]", "A very long option name that goes on and on and on", "summary",
         "option a: mfg 0% [draft]", "'quoted'", "", "Ünïcödé option name with many letters ok"});
    CHECK(n[0] == "Option A MFG 0% draft");
    CHECK(n[1] == "A very long option name that go");  // 31 characters
    CHECK(n[2] == "summary (2)");                      // "Summary" is the summary sheet
    CHECK(n[3] == "option a mfg 0% draft (2)");        // same as n[0] ignoring case
    CHECK(n[4] == "quoted");                           // no leading or trailing apostrophe
    CHECK(n[5] == "Option 6");
    CHECK(n[6] == "Ünïcödé option name with many l");  // 31 characters, not 31 bytes
}

TEST_CASE("comparison.xlsx: cells read back as numbers with £ and % formats", "[compare]") {
    Fixture f(false);
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("fundsim-xlsx-test-" + std::to_string(::getpid()));
    {
        OutputSet out(dir.string());
        out.add_with("comparison.xlsx", [&](const std::string& tmp) { write_comparison_xlsx(f.cmp, tmp); });
        out.commit();
    }
    const std::string path = (dir / "comparison.xlsx").string();
    const std::string sheet = zip_member(path, "xl/worksheets/sheet2.xml");  // the option's sheet
    const std::string styles = zip_member(path, "xl/styles.xml");
    const std::string workbook = zip_member(path, "xl/workbook.xml");
    fs::remove_all(dir);
    REQUIRE(!sheet.empty());
    // The option's name has a colon, which Excel refuses in a sheet name.
    CHECK(workbook.find("<sheet name=\"Option B MFG 0%, lump sum 120k\"") != std::string::npos);
    CHECK(sheet.find("state=\"frozen\"") != std::string::npos);
    CHECK(sheet.find("<autoFilter ref=\"A1:") != std::string::npos);
    // The format code of a cell's style: cellXfs[s].numFmtId -> numFmt formatCode.
    auto format_of = [&](int s) -> std::string {
        const auto xfs = styles.find("<cellXfs");
        std::size_t pos = xfs;
        for (int k = 0; k <= s; ++k) pos = styles.find("<xf ", pos + 1);
        std::smatch m;
        const std::string xf = styles.substr(pos, styles.find('>', pos) - pos);
        if (!std::regex_search(xf, m, std::regex("numFmtId=\"(\\d+)\""))) return "";
        std::smatch f2;
        const std::regex code("<numFmt numFmtId=\"" + m[1].str() + "\" formatCode=\"([^\"]*)\"");
        return std::regex_search(styles, f2, code) ? f2[1].str() : "";
    };
    // A numeric cell: <c r="I2" s="N"><v>760000</v></c>, no t="s" (a shared string) or t="str".
    auto cell = [&](const std::string& ref, double& value, std::string& format) {
        std::smatch m;
        const std::regex re("<c r=\"" + ref + "\" s=\"(\\d+)\"><v>([^<]*)</v></c>");
        if (!std::regex_search(sheet, m, re)) return false;
        value = std::stod(m[2].str());
        format = format_of(std::stoi(m[1].str()));
        return true;
    };
    double v = 0;
    std::string fmt;
    REQUIRE(cell("I2", v, fmt));  // Ashby's budget share
    CHECK(v == 760000.0);
    CHECK(fmt == "£#,##0.00;[Red]-£#,##0.00");
    REQUIRE(cell("J2", v, fmt));  // Ashby's change
    CHECK(v == 23200.0);
    REQUIRE(cell("K2", v, fmt));  // Ashby's change as a fraction, shown as a percentage
    CHECK(v == Approx(23200.0 / 736800.0));
    CHECK(fmt == "0.00%;[Red]-0.00%");
    REQUIRE(cell("A2", v, fmt));  // URN
    CHECK(v == 100001.0);
    REQUIRE(cell("G6", v, fmt));  // Elm's pupils
    CHECK(v == 500.0);
}

TEST_CASE("comparison.xlsx: the same inputs give the same bytes", "[compare]") {
    Fixture f(true);
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("fundsim-xlsx-same-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    write_comparison_xlsx(f.cmp, (dir / "a.xlsx").string());
    write_comparison_xlsx(f.cmp, (dir / "b.xlsx").string());
    const std::string a = read_file((dir / "a.xlsx").string()), b = read_file((dir / "b.xlsx").string());
    fs::remove_all(dir);
    CHECK(a.size() > 1000);
    CHECK(a == b);
}

}  // namespace compare_compare_test
