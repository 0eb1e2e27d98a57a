// The effective formula of a ledger row, written and read back (app/ledger_formula.hpp).
#include "app/ledger_formula.hpp"

#include "engine/formula/parse.hpp"
#include "engine/io/json_reader.hpp"

namespace fundsim::app {

Json run_formula_record(const Formula& f) { return f.doc; }

Json compare_formula_record(const std::optional<Formula>& baseline, const std::string& baseline_name,
                            const std::vector<std::pair<std::string, Formula>>& options) {
    Json j;
    j["baseline"] = baseline ? baseline->doc : Json(nullptr);
    j["baseline_name"] = baseline_name;
    Json list = Json::array();
    for (const auto& [file, f] : options) list.push_back(Json{{"file", file}, {"formula", f.doc}});
    j["options"] = list;
    return j;
}

Json sweep_formula_record(const Formula& f, const std::vector<std::string>& vary) {
    return Json{{"formula", f.doc}, {"vary", vary}};
}

Formula formula_from_record(const Json& record, const std::string& label) {
    return parse_formula(record, label);
}

CompareFormulas compare_formulas_from_record(const Json& record, const std::string& label) {
    CompareFormulas c;
    Obj o(record, "", label);
    const Json& base = o.at("baseline");
    if (!base.is_null()) c.baseline = parse_formula(base, label + " at /baseline");
    c.baseline_name = o.string("baseline_name");
    const Json& options = o.at("options");
    if (!options.is_array()) fail_json(label, "/options", "expected a list");
    o.done();
    for (std::size_t k = 0; k < options.size(); ++k) {
        Obj option(options[k], "/options/" + std::to_string(k), label);
        const std::string file = option.string("file");
        const std::string at = label + " at " + option.child("formula");
        c.options.emplace_back(file, parse_formula(option.at("formula"), at));
        option.done();
    }
    return c;
}

SweepFormula sweep_formula_from_record(const Json& record, const std::string& label) {
    Obj o(record, "", label);
    SweepFormula s{parse_formula(o.at("formula"), label + " at /formula"), {}};
    for (const std::string& spec : o.strings("vary")) s.axes.push_back(parse_sweep_axis(spec));
    o.done();
    return s;
}

}  // namespace fundsim::app
