// The school-level census (docs/interfaces.md §1) held column-wise: the key columns parsed and checked on
// load, every other column kept as text and turned into numbers when a formula first asks for it.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace fundsim {

enum class Phase { primary = 0, secondary = 1, middle = 2, all_through = 3 };
enum class Status { maintained = 0, academy = 1 };

const char* to_string(Phase p);
const char* to_string(Status s);
// The phase in people's words for statements, reports and explanations ("All-through").
std::string phase_label(Phase p);
bool parse_phase(std::string_view text, Phase& out);
bool parse_status(std::string_view text, Status& out);

// The year-group pupil-number columns, Reception to Year 11, in year order (also made by ingest).
inline constexpr const char* kYearColumns[12] = {"nor_r",  "nor_y1", "nor_y2",  "nor_y3",
                                                 "nor_y4", "nor_y5", "nor_y6",  "nor_y7",
                                                 "nor_y8", "nor_y9", "nor_y10", "nor_y11"};

// Characteristic measures held per key-stage group (`<measure>_primary`, `<measure>_secondary`):
// a count above its group's pupils is an error.
bool is_characteristic_column(const std::string& column, bool& secondary);

// One census column as text: every cell's bytes end to end in one buffer, and where each ends. A
// national census has about a million cells; one string object each cost more to build and to free
// than the rest of the calculation.
class TextColumn {
  public:
    void push_back(std::string_view cell) {
        bytes_.append(cell);
        end_.push_back(bytes_.size());
    }
    std::string_view operator[](std::size_t row) const {
        const std::size_t begin = row == 0 ? 0 : end_[row - 1];
        return std::string_view(bytes_).substr(begin, end_[row] - begin);
    }
    std::size_t size() const { return end_.size(); }
    void reserve(std::size_t rows, std::size_t bytes) {
        end_.reserve(rows);
        bytes_.reserve(bytes);
    }

  private:
    std::string bytes_;
    std::vector<std::size_t> end_;
};

struct Census {
    std::string file;
    std::size_t size = 0;

    std::vector<std::int64_t> line;  // line of each school's row in the file
    std::vector<std::int64_t> urn;
    std::vector<std::string> laestab, name, area;
    std::vector<Phase> phase;
    std::vector<Status> status;

    Eigen::ArrayXd nor_primary, nor_ks3, nor_ks4, nor;  // nor = primary + ks3 + ks4
    Eigen::ArrayXd yg_primary, yg_ks3, yg_ks4, yg;      // year groups present (docs/funding-model.md §2)

    // MFG basis; has_baseline is 1 where both are given and non-zero (else the school is `new`).
    Eigen::ArrayXd mfg_baseline_pupils, mfg_baseline_funding, has_baseline;
    Eigen::ArrayXd growing;            // 0/1, exempt from capping
    Eigen::ArrayXd reception_uplift;   // 0 when absent
    Eigen::ArrayXd prior_year_budget;  // NaN when absent or blank
    bool has_prior_year_budget = false;

    // All columns of the file, as text, column-major (unknown columns are kept).
    std::vector<std::string> columns;
    std::vector<TextColumn> cells;

    bool has_column(const std::string& name) const;
    // Numeric values of a column, parsed and checked once (blank or non-numeric cells, negative
    // values unless `allow_negative`, characteristic counts above the group's pupils are errors
    // naming file, line, column and value). Not thread-safe: every column is prepared before the census is
    // shared (calculate, compare and sweep take it as shared_ptr<const Census> and read only cached()).
    const Eigen::ArrayXd& numeric(const std::string& column, const std::string& why = "",
                                  bool allow_negative = false);
    // A column already parsed by numeric(); throws if it was not.
    const Eigen::ArrayXd& cached(const std::string& column) const;

    // Index of a school by URN, or -1.
    long index_of(std::int64_t urn) const;

  private:
    std::map<std::string, Eigen::ArrayXd> numeric_;
    std::map<std::int64_t, long> by_urn_;
    friend Census load_census(const std::string& path);
    friend Census census_from_csv_text(const std::string& text, const std::string& name);
    friend void finish_census(Census& c);
};

// Loads and checks a school-level census. Throws InputError (file, line, column, value) on bad input.
Census load_census(const std::string& path);
Census census_from_csv_text(const std::string& text, const std::string& name);

}  // namespace fundsim
