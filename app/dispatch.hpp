// The program's entry: argv[1] names the command, and whatever escapes a command becomes an exit code
// and a message on stderr (0 ok, 1 the user's files, 2 the command line, 3 a fault in fundsim).
#pragma once

#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

namespace fundsim::app {

using Command = std::function<int(const std::vector<std::string>& args)>;

// Runs `command` (named `name` in messages) on its arguments and returns its exit code, or the code of
// what escaped it, with the message written to `err`:
//   UsageError                                   2, "fundsim NAME: <message>"
//   Error of kind input, formula or unaffordable 1, "fundsim NAME: error: <message>"
//   std::bad_alloc                               1 (an input far larger than expected)
//   Error of kind invariant or internal          3, "fundsim NAME: error: <message>", then a line saying
//                                                   this is a fault in fundsim (its kind), to be reported
//   any other exception                          3, likewise (a library's or the code's own failure)
int run_command(const std::string& name, const Command& command, const std::vector<std::string>& args,
                std::ostream& err);

// The program: dispatches argv[1] to a command (or prints the help or the version).
int main_entry(int argc, char** argv);

}  // namespace fundsim::app
