// A `fundsim serve` started in the test's process on a free loopback port (app/serve/), on the five-school
// LA balanced by scaling (tests/cases/sweep_balanced, served as a formula) or on the demo LA (synth 550
// schools, seed 2025, served as the scenario scenarios/demo-2025-26.json, as scripts/demo.sh does).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "app/serve/server.hpp"
#include "app/serve/what_if.hpp"
#include "tests/support.hpp"

// After the headers above: glibc's <resolv.h>, which httplib.h includes, defines a macro _res, a
// parameter name in Eigen's headers.
#include <httplib.h>
#undef _res

namespace fundsim::test {

struct Served {
    enum class La { five_schools, demo };
    TempDir d;
    std::string census, served;  // the files served
    std::unique_ptr<app::WhatIf> api;
    std::unique_ptr<app::HttpServer> server;
    std::thread thread;
    int port = 0;

    Served(const std::string& name, const std::string& token, bool with_ledger, La la = La::five_schools)
        : d(name) {
        namespace fs = std::filesystem;
        if (la == La::five_schools) {
            const std::string from = source_dir() + "/tests/cases/sweep_balanced/";
            for (const char* f : {"census.csv", "formula.json"}) fs::copy_file(from + f, d / f);
            served = d / "formula.json";
        } else {
            fs::create_directories(d.path / "formulas");
            fs::create_directories(d.path / "scenarios");
            fs::copy_file(source_dir() + "/formulas/nff-2025-26.json", d / "formulas/nff-2025-26.json");
            fs::copy_file(source_dir() + "/scenarios/demo-2025-26.json", d / "scenarios/demo-2025-26.json");
            if (app::cmd_synth({"--schools", "550", "--seed", "2025", "--formula",
                                d / "formulas/nff-2025-26.json", "--out", d / "census.csv"}) != 0)
                throw std::runtime_error("fundsim synth failed");
            served = d / "scenarios/demo-2025-26.json";
        }
        census = d / "census.csv";
        app::FormulaSource src = app::load_formula_source(served);
        Manifest m;
        m.census = manifest_file(census);
        m.formula = app::manifest_formula(src);
        fs::create_directories(d.path / "options");
        auto ledger = with_ledger ? std::make_unique<store::Db>(d / "options/fundsim-ledger.sqlite",
                                                                store::Db::Mode::record)
                                  : nullptr;
        api = std::make_unique<app::WhatIf>(load_census(census), std::move(src), std::move(m),
                                            std::move(ledger), d / "options");
        server = std::make_unique<app::HttpServer>(*api, token);
        port = server->bind("127.0.0.1", 0);
        thread = std::thread([this] { server->listen(); });
    }
    ~Served() {
        server->stop();
        thread.join();
    }
    Served(const Served&) = delete;
    Served& operator=(const Served&) = delete;
    // A client that waits long enough for the demo LA's pack under a sanitizer or valgrind (httplib's
    // default is 5 s).
    httplib::Client client() const {
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(300, 0);
        c.set_write_timeout(300, 0);
        return c;
    }
    std::string ledger() const { return d / "options/fundsim-ledger.sqlite"; }
};

// A response's status, -1 when there was none (the connection failed).
inline int status_of(const httplib::Result& res) { return res ? res->status : -1; }

// An error answer as "STATUS PATH" ("400 /mfg/percent"), to compare in one line; "(no answer)" when the
// connection failed, "STATUS (not JSON)" when the body is not an error object.
inline std::string failure(const httplib::Result& res) {
    if (!res) return "(no answer)";
    try {
        return std::to_string(res->status) + " " +
               nlohmann::json::parse(res->body).at("path").get<std::string>();
    } catch (const std::exception&) {
        return std::to_string(res->status) + " (not JSON)";
    }
}

}  // namespace fundsim::test
