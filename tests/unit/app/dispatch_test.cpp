// The dispatcher's exit codes (app/dispatch.hpp): each kind of error a command can throw becomes its exit
// code and message; fundsim's own faults exit 3 and say they are not the user's.
#include "app/dispatch.hpp"

#include <catch2/catch.hpp>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/commands.hpp"
#include "engine/core/error.hpp"
#include "engine/core/version.hpp"

namespace app_dispatch_test {  // each file's names kept apart in the unity build

using namespace fundsim;
using namespace fundsim::app;

namespace {

struct Outcome {
    int code;
    std::string err;
};

// Runs a command that does `body` through the dispatcher, as `fundsim test`.
template <class F>
Outcome dispatch(F body) {
    std::ostringstream err;
    const int code = run_command(
        "test",
        [&](const std::vector<std::string>&) -> int {
            body();
            return kOk;
        },
        {}, err);
    return {code, err.str()};
}

Where census_line_3() {
    Where w;
    w.file = "census.csv";
    w.line = 3;
    return w;
}

std::string fault_note(const std::string& kind) {
    return "This is a fault in fundsim (" + kind + "), not in your files. Please report it";
}

}  // namespace

TEST_CASE("dispatch: a command's own exit code and arguments pass through", "[app][dispatch]") {
    std::ostringstream err;
    std::vector<std::string> seen;
    const Command cmd = [&](const std::vector<std::string>& args) {
        seen = args;
        return 7;
    };
    CHECK(run_command("test", cmd, {"--census", "c.csv"}, err) == 7);
    CHECK(seen == std::vector<std::string>{"--census", "c.csv"});
    CHECK(err.str().empty());
    CHECK(dispatch([] {}).code == kOk);
}

TEST_CASE("dispatch: the user's errors (bad input, bad formula, unaffordable) exit 1", "[app][dispatch]") {
    for (ErrorKind kind : {ErrorKind::input, ErrorKind::formula, ErrorKind::unaffordable}) {
        CAPTURE(kind_text(kind));
        const Outcome o = dispatch([&] { throw Error(census_line_3(), "is not a number", kind); });
        CHECK(o.code == 1);
        CHECK(o.err == "fundsim test: error: census.csv:3: is not a number\n");
    }
}

TEST_CASE("dispatch: an invariant broken or an internal error exits 3, as fundsim's fault",
          "[app][dispatch]") {
    const Outcome inv =
        dispatch([] { throw Error(Where{}, "the result breaks an invariant", ErrorKind::invariant); });
    CHECK(inv.code == 3);
    CHECK(inv.err.rfind(
              "fundsim test: error: the result breaks an invariant\n" + fault_note("invariant broken"), 0) ==
          0);
    CHECK(inv.err.find(std::string("(fundsim ") + fundsim_version() + ")") != std::string::npos);

    const Outcome in = dispatch([] { fail_internal("census column fsm was not prepared"); });
    CHECK(in.code == 3);
    CHECK(in.err.rfind("fundsim test: error: internal: census column fsm was not prepared\n" +
                           fault_note("internal error"),
                       0) == 0);

    // The context chain is kept in the message.
    const Outcome ctx =
        dispatch([] { with_context("while checking the result", [] { fail_internal("a total is NaN"); }); });
    CHECK(ctx.code == 3);
    CHECK(ctx.err.rfind("fundsim test: error: while checking the result:\n  internal: a total is NaN\n" +
                            fault_note("internal error"),
                        0) == 0);
}

TEST_CASE("dispatch: any other std::exception escaping a command is internal: exit 3", "[app][dispatch]") {
    const Outcome logic = dispatch([] { throw std::logic_error("statement: the pieces do not add up"); });
    CHECK(logic.code == 3);
    CHECK(logic.err.rfind(
              "fundsim test: error: statement: the pieces do not add up\n" + fault_note("internal error"),
              0) == 0);

    const Outcome range = dispatch([] { (void)std::vector<int>{}.at(1); });
    CHECK(range.code == 3);
    CHECK(range.err.find(fault_note("internal error")) != std::string::npos);

    const Outcome other = dispatch([] { throw 42; });
    CHECK(other.code == 3);
    CHECK(other.err.rfind("fundsim test: error: an exception that is not a std::exception\n" +
                              fault_note("internal error"),
                          0) == 0);
}

TEST_CASE("dispatch: out of memory is bad input (exit 1), a usage error exit 2", "[app][dispatch]") {
    const Outcome mem = dispatch([] { throw std::bad_alloc(); });
    CHECK(mem.code == 1);
    CHECK(mem.err == "fundsim test: error: out of memory (is an input file far larger than expected?)\n");

    const Outcome usage = dispatch([] { throw UsageError("give --formula F (or --scenario S)"); });
    CHECK(usage.code == 2);
    CHECK(usage.err == "fundsim test: give --formula F (or --scenario S)\n");
}

}  // namespace app_dispatch_test
