// Test helpers: a census from CSV text, a formula from JSON text, the full pipeline on them, and a
// temporary folder.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>

#include "engine/balance/solve.hpp"
#include "engine/census/census.hpp"
#include "engine/formula/formula.hpp"
#include "engine/formula/needs.hpp"
#include "engine/formula/parse.hpp"
#include "engine/formula/scenario.hpp"
#include "engine/protections/protections.hpp"
#include "engine/run/calculate.hpp"
#include "engine/run/invariants.hpp"

namespace fundsim::test {

inline Formula formula_from(const std::string& json_text) {
    return parse_formula(Json::parse(json_text), "test-formula.json");
}

// A copy of a prepared census, shared read-only as calculate, compare and sweep take it.
inline std::shared_ptr<const Census> shared(const Census& census) {
    return std::make_shared<const Census>(census);
}
// A copy of `census` prepared for `f`, shared read-only.
inline std::shared_ptr<const Census> prepared(Census census, const Formula& f) {
    prepare_census(census, f);
    return std::make_shared<const Census>(std::move(census));
}

// Loads, prepares and calculates; the census is kept alive in `census`.
inline Result run_text(Census& census, const std::string& census_csv, const Formula& f) {
    census = census_from_csv_text(census_csv, "test-census.csv");
    prepare_census(census, f);
    return calculate(std::make_shared<const Census>(census), f);
}

// The five-school LA of docs/worked-examples.md vector 6 (the balancing example), S1..S5: NOR, pp0 (baseline
// per pupil), pp1 (formula less premises) and premises; base = pp1 x NOR, baseline = pp0 x NOR. Uncapped
// total £13,112,500 (MFG 0% top-ups included); at cap 0 the excess over the baseline is 469,500.
inline const char* const kFiveSchools =
    "urn,phase,status,nor_primary,nor_ks3,nor_ks4,base,premises,mfg_baseline_pupils,mfg_baseline_funding\n"
    "1,primary,maintained,210,0,0,1029000,20000,210,1050000\n"
    "2,primary,maintained,420,0,0,2121000,35000,420,2016000\n"
    "3,primary,maintained,105,0,0,635250,15000,105,651000\n"
    "4,primary,maintained,900,0,0,5670000,120000,900,5400000\n"
    "5,primary,maintained,630,0,0,3370500,60000,630,3276000\n";

// The message of the Error f() throws, or "(no error)".
inline std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

inline std::string source_dir() { return FUNDSIM_SOURCE_DIR; }
inline std::string shared_dir() { return FUNDSIM_SHARED_DIR; }

// A folder of its own under the system's temporary folder ("fundsim-NAME-PID"), removed afterwards.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& name)
        : path(std::filesystem::temp_directory_path() /
               ("fundsim-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string operator/(const std::string& name) const { return (path / name).string(); }
    // Writes `text` to NAME in the folder and returns its path.
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
        return (path / name).string();
    }
};

}  // namespace fundsim::test
