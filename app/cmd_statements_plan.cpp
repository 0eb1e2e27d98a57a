// `fundsim statements --plan DIR`: each school's budget statement with a column per year of a plan
// (docs/multi-year.md §3), from the folder `fundsim plan` wrote, and an index page linking them.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "engine/core/error.hpp"
#include "engine/years/plan_folder.hpp"
#include "reports/html/plan_statement_html.hpp"
#include "reports/output_file.hpp"

namespace fundsim::app {

namespace {

// The plan's name from its summary.json, else the folder's name.
std::string plan_name(const std::string& dir) {
    std::ifstream in(std::filesystem::path(dir) / "summary.json");
    const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_object() && j.contains("name") && j["name"].is_string()) return j["name"].get<std::string>();
    return std::filesystem::path(dir).lexically_normal().filename().string();
}

}  // namespace

int cmd_statements_plan(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    desc.add_options()("plan,p", po::value<std::string>()->required(),
                       "the folder `fundsim plan --out` wrote for one plan (its plan.csv and year folders)");
    add_statements_output_options(desc);
    po::variables_map vm;
    if (!parse_options(
            "statements --plan",
            "Writes each school's budget statement with a column per year of a plan, DIR/<urn>.html, "
            "and DIR/index.html linking them, from the plan's own outputs.",
            desc, args, vm))
        return kOk;
    const std::string dir = vm["plan"].as<std::string>();
    const PlanFolder pf = read_plan_folder(dir);
    const std::string name = plan_name(dir);
    std::vector<std::size_t> schools;
    for (std::size_t k = 0; k < pf.schools.size(); ++k)
        if (!vm.count("school") || pf.schools[k].urn == vm["school"].as<long long>()) schools.push_back(k);
    if (vm.count("school") && schools.empty())
        fail("--school " + std::to_string(vm["school"].as<long long>()) + ": no school with this URN in " +
             dir + "/plan.csv");
    OutputSet out(vm["out"].as<std::string>());
    for (std::size_t k : schools)
        out.add(std::to_string(pf.schools[k].urn) + ".html", plan_statement_html(pf, pf.schools[k], name));
    out.add("index.html", plan_statements_index_html(pf, schools, name));
    out.commit();
    if (!vm["quiet"].as<bool>())
        std::cout << "Read the plan \"" << name << "\" (" << pf.years.front() << " to " << pf.years.back()
                  << ") from " << dir << "\nWrote " << schools.size() << " budget statement"
                  << (schools.size() == 1 ? "" : "s") << " with a column per year and the index "
                  << out.path_of("index.html") << "\n";
    return kOk;
}

}  // namespace fundsim::app
