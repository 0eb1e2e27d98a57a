// A high needs formula file (docs/high-needs.md §1) as plain data: place rates by setting, proration, top-up
// bands by setting, import/export, central lines and the special schools MFG; and its strict parser.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/formula/formula.hpp"
#include "engine/high_needs/financial_year.hpp"
#include "engine/high_needs/proration.hpp"
#include "engine/high_needs/setting.hpp"
#include "engine/io/json_reader.hpp"

namespace fundsim::hn {

// One table of top-up bands: band name -> annual top-up, in file order.
struct BandTable {
    std::string path;  // its JSON path ("/bands/special"), for messages
    std::vector<std::pair<std::string, double>> rates;
    const double* find(std::string_view band) const {
        for (const auto& r : rates)
            if (r.first == band) return &r.second;
        return nullptr;
    }
};

struct ImportExport {
    double rate = 0, imports = 0, exports = 0;
};

struct HnFormula {
    std::string file;                    // where it came from (for messages)
    std::string name, year, source, la;  // la: the LA's own code ("" if not given)
    FinancialYear fy;
    std::array<std::optional<double>, kSettings> place_rates{};
    Proration proration = Proration::months;
    std::vector<BandTable> tables;
    std::array<int, kSettings> band_table{};  // index into tables, -1 when the setting has no bands
    std::optional<ImportExport> import_export;
    std::vector<std::pair<std::string, double>> central;  // in file order
    std::optional<double> special_mfg_percent;
    std::vector<Provisional> provisional;
    Json doc;

    const BandTable* bands_of(Setting s) const {
        const int t = band_table[index_of(s)];
        return t < 0 ? nullptr : &tables[static_cast<std::size_t>(t)];
    }
};

// Parses and checks a high needs formula document; `file` is used in messages (errors of kind formula,
// each with its JSON path).
HnFormula parse_hn_formula(const Json& doc, const std::string& file);
// read_json_file, then parse_hn_formula.
HnFormula load_hn_formula(const std::string& path);

}  // namespace fundsim::hn
