// The commands of the fundsim program (interfaces §5), their exit codes (0 ok, 1 bad input, 2 usage) and
// the dispatcher; the options they share are in app/options.hpp.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace fundsim::app {

constexpr int kOk = 0, kBadInput = 1, kUsage = 2;

struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The program: dispatches argv[1] to a command and maps errors to exit codes.
int main_entry(int argc, char** argv);

int cmd_run(const std::vector<std::string>& args);
int cmd_validate(const std::vector<std::string>& args);
int cmd_explain(const std::vector<std::string>& args);
int cmd_synth(const std::vector<std::string>& args);
int cmd_ingest(const std::vector<std::string>& args);
int cmd_compare(const std::vector<std::string>& args);
int cmd_sweep(const std::vector<std::string>& args);
int cmd_statements(const std::vector<std::string>& args);

}  // namespace fundsim::app
