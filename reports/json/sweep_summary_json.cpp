// The summary of a sweep kept by the run ledger (reports/comparison_writers.hpp, docs/ledger.md §2).
#include "engine/core/sha256.hpp"
#include "reports/comparison_writers.hpp"

namespace fundsim {

nlohmann::ordered_json sweep_summary_json(const Sweep& s, const std::string& csv) {
    nlohmann::ordered_json j;
    j["formula"] = s.formula_name;
    j["combinations"] = s.rows.size();
    for (SweepStatus status :
         {SweepStatus::ok, SweepStatus::lever_at_limit, SweepStatus::cannot_balance, SweepStatus::invalid}) {
        std::size_t n = 0;
        for (const auto& r : s.rows) n += r.status == status;
        j[to_string(status)] = n;
    }
    j["sweep_csv_sha256"] = sha256_hex(csv);
    return j;
}

}  // namespace fundsim
