// The commands of the fundsim program (docs/interfaces.md §5) and their exit codes (0 ok, 1 bad input, 2
// usage, 3 a fault in fundsim); the options they share are in app/options.hpp, the dispatcher in
// app/dispatch.hpp.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace fundsim::app {

// Exit codes: kBadInput for the user's files (bad input, bad formula, unaffordable), kUsage for the command
// line, kFault for fundsim's own bugs (an invariant broken, an internal error): never the user's fault.
constexpr int kOk = 0, kBadInput = 1, kUsage = 2, kFault = 3;

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

int cmd_run(const std::vector<std::string>& args);
int cmd_validate(const std::vector<std::string>& args);
int cmd_explain(const std::vector<std::string>& args);
int cmd_synth(const std::vector<std::string>& args);
int cmd_ingest(const std::vector<std::string>& args);
int cmd_compare(const std::vector<std::string>& args);
int cmd_sweep(const std::vector<std::string>& args);
int cmd_statements(const std::vector<std::string>& args);
// `statements --plan DIR`: a column per year of a plan (app/cmd_statements_plan.cpp).
int cmd_statements_plan(const std::vector<std::string>& args);
int cmd_plan(const std::vector<std::string>& args);
int cmd_high_needs(const std::vector<std::string>& args);
int cmd_early_years(const std::vector<std::string>& args);
int cmd_budget(const std::vector<std::string>& args);
// compare --high-needs (docs/high-needs.md §6), reached through cmd_compare.
int cmd_compare_high_needs(const std::vector<std::string>& args);
// compare --early-years (docs/early-years.md §8), reached through cmd_compare.
int cmd_compare_early_years(const std::vector<std::string>& args);
int cmd_ledger(const std::vector<std::string>& args);
int cmd_serve(const std::vector<std::string>& args);

}  // namespace fundsim::app
