// `fundsim ingest`: a pupil-level census extract → the school-level census (docs/interfaces.md §4), with a
// summary of what was counted, skipped and set aside; pupil identifiers never reach any output.
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "app/options.hpp"
#include "engine/ingest/ingest.hpp"
#include "engine/ingest/ingest_summary.hpp"
#include "reports/output_file.hpp"

namespace fundsim::app {

int cmd_ingest(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    desc.add_options()(
        "pupils,p", po::value<std::string>()->required(),
        "pupil-level CSV: upn, urn, nc_year, enrolment, fsm, fsm6, eal3, lpa, pp_ever6, pp_plac, "
        "pp_service, lsoa, entry_date")(
        "schools,s", po::value<std::string>()->required(),
        "school CSV joined on urn: phase, status, name, area, baselines, premises ... (no pupil counts)")(
        "idaci,i", po::value<std::string>()->required(), "LSOA lookup CSV: lsoa,idaci_rank")(
        "bands,b", po::value<std::string>()->required(),
        "IDACI rank cut-offs JSON, e.g. data/lookups/idaci-bands-2025-26.json")(
        "census-date,d", po::value<std::string>()->required(),
        "census day, YYYY-MM-DD (the reference for mobility)")("out,o", po::value<std::string>()->required(),
                                                               "school-level census CSV to write")(
        "set-aside", po::value<std::string>(),
        "write bad pupil rows here (line number and reason, never the UPN) and go on without them; "
        "without it, the first bad row stops the run");
    add_quiet_option(desc);
    po::variables_map vm;
    if (!parse_options(
            "ingest",
            "Turns a pupil-level census into the school-level census: pupils Reception to Year 11 on a C or "
            "M enrolment,\ncounted per school with their FSM, FSM6, IDACI band, LPA, EAL, mobility and "
            "pupil premium flags,\nand year-group numbers; school attributes are joined from --schools.",
            desc, args, vm))
        return kOk;

    IngestOptions opt;
    opt.pupils = vm["pupils"].as<std::string>();
    opt.schools = vm["schools"].as<std::string>();
    opt.idaci = vm["idaci"].as<std::string>();
    const std::string date = vm["census-date"].as<std::string>();
    if (!parse_iso_date(date, opt.census_date))
        throw UsageError("--census-date \"" + date + "\" is not a date: expected YYYY-MM-DD");
    opt.bands = load_idaci_bands(vm["bands"].as<std::string>());
    opt.set_aside = vm.count("set-aside") > 0;

    IngestResult r = ingest_pupil_census(opt);

    // Both files are written under temporary names and renamed only once both are complete.
    const auto [out_dir, out_name] = split_path(vm["out"].as<std::string>());
    OutputSet out(out_dir);
    out.add(out_name, r.census_csv);
    std::unique_ptr<OutputSet> aside;
    if (opt.set_aside) {
        const auto [dir, name] = split_path(vm["set-aside"].as<std::string>());
        aside = std::make_unique<OutputSet>(dir);
        aside->add(name, set_aside_csv(r.summary));
    }
    out.commit();
    if (aside) aside->commit();

    if (!vm["quiet"].as<bool>()) {
        std::cout << ingest_summary_text(r.summary);
        std::cout << "Wrote " << vm["out"].as<std::string>();
        if (aside) std::cout << " and " << vm["set-aside"].as<std::string>();
        std::cout << "\n";
    }
    return kOk;
}

}  // namespace fundsim::app
