// `fundsim synth`: a realistic synthetic LA census, deterministic per seed.
#include <iostream>

#include "commands.hpp"
#include "output_file.hpp"
#include "synth.hpp"

namespace fundsim::app {

int cmd_synth(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    desc.add_options()("schools,n", po::value<std::size_t>()->default_value(550), "number of schools")(
        "seed,k", po::value<std::uint64_t>()->default_value(1), "random seed (same seed, same file)")(
        "out,o", po::value<std::string>()->required(), "census CSV to write")(
        "formula,f", po::value<std::string>(), "draw MFG baselines and prior-year budgets near this formula's values")(
        "first-urn", po::value<long long>()->default_value(100001), "URN of the first school")(
        "la-code", po::value<int>()->default_value(881), "3-digit LA code used in LAESTABs");
    po::variables_map vm;
    if (!parse_options("synth", "Writes a realistic synthetic LA census (phases, sizes, deprivation, premises, baselines).", desc,
                       args, vm))
        return kOk;
    SynthOptions opt;
    opt.schools = vm["schools"].as<std::size_t>();
    if (opt.schools == 0 || opt.schools > 1000000) throw UsageError("--schools must be from 1 to 1,000,000");
    opt.seed = vm["seed"].as<std::uint64_t>();
    opt.first_urn = vm["first-urn"].as<long long>();
    opt.la_code = vm["la-code"].as<int>();
    Formula formula;
    if (vm.count("formula")) {
        formula = load_formula(vm["formula"].as<std::string>());
        opt.formula = &formula;
    }
    const std::string path = vm["out"].as<std::string>();
    write_file_atomic(path, synth_census_csv(opt));
    std::cerr << "Wrote " << opt.schools << " schools to " << path << "\n";
    return kOk;
}

}  // namespace fundsim::app
