// Test helpers: a census from CSV text, a formula from JSON text, the full pipeline on them, and a
// temporary folder.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "calculate.hpp"
#include "census.hpp"
#include "formula.hpp"

namespace fundsim::test {

inline Formula formula_from(const std::string& json_text) {
    return parse_formula(Json::parse(json_text), "test-formula.json");
}

// Loads, prepares and calculates; the census is kept alive in `census`.
inline Result run_text(Census& census, const std::string& census_csv, const Formula& f) {
    census = census_from_csv_text(census_csv, "test-census.csv");
    prepare_census(census, f);
    return calculate(census, f);
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
