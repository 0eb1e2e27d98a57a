// The run manifest of summary.json (reports/manifest.hpp).
#include "reports/manifest.hpp"

#include "engine/core/sha256.hpp"

namespace fundsim {

using OJson = nlohmann::ordered_json;

namespace {

OJson file_json(const ManifestFile& f) { return OJson{{"path", f.path}, {"sha256", f.sha256}}; }

OJson formula_json(const ManifestFormula& f) {
    OJson j;
    j["kind"] = f.is_scenario ? "scenario" : "formula";
    j["path"] = f.file.path;
    j["sha256"] = f.file.sha256;
    if (f.base) {
        j["base"] = file_json(*f.base);
        if (f.base_from_formula_option) j["base_given_by"] = "--formula";
    }
    return j;
}

}  // namespace

ManifestFile manifest_file(const std::string& path) { return {path, sha256_file_hex(path)}; }

OJson manifest_json(const Manifest& m) {
    OJson j;
    j["fundsim_version"] = m.version;
    j["census"] = file_json(m.census);
    if (m.formula) j["formula"] = formula_json(*m.formula);
    if (m.comparison)
        j["baseline"] = m.baseline ? formula_json(*m.baseline) : OJson{{"kind", "prior_year_budget"}};
    if (!m.options.empty()) {
        OJson options = OJson::array();
        for (const auto& o : m.options) options.push_back(formula_json(o));
        j["options"] = options;
    }
    return j;
}

}  // namespace fundsim
