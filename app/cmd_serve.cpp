// `fundsim serve`: the what-if server for a Schools Forum meeting (docs/serve.md): the JSON interface on
// the loopback address (another address needs --token), each calculation recorded in the ledger when one
// is given; Ctrl-C stops it cleanly.
#include <pthread.h>
#include <signal.h>

#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "app/options.hpp"
#include "app/run_checked.hpp"
#include "app/serve/served_budget.hpp"
#include "app/serve/server.hpp"
#include "app/serve/what_if.hpp"
#include "engine/budget/schools_block.hpp"
#include "engine/core/error.hpp"

namespace fundsim::app {

int cmd_serve(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    desc.add_options()("budget,b", po::value<std::string>(),
                       "an LA budget file (docs/la-budget.md): serve its schools block, its census and "
                       "formula, as fundsim budget runs it")(
        "census,c", po::value<std::string>(), "school-level census CSV (with --formula or --scenario)");
    add_formula_options(desc);
    desc.add_options()("bind", po::value<std::string>()->default_value("127.0.0.1"),
                       "address to listen on (another than the loopback needs --token)")(
        "port", po::value<int>()->default_value(8080), "port to listen on (0: any free port)")(
        "token", po::value<std::string>(), "every request must carry Authorization: Bearer TOKEN")(
        "options", po::value<std::string>(),
        "folder of the saved options and the Forum pack (default: options/ beside the census)");
    desc.add_options()(
        "ledger", po::value<std::string>(),
        "run ledger (SQLite) recording every calculation (default: fundsim-ledger.sqlite in the "
        "options folder)");
    po::variables_map vm;
    if (!parse_options("serve",
                       "Serves the what-if page for a Schools Forum meeting and its JSON interface: POST "
                       "/api/run with a "
                       "merge patch over\nthe formula answers every school's budget "
                       "(docs/serve.md). Runs until interrupted (Ctrl-C).\n"
                       "Give --census C with --formula F or --scenario S, or --budget B (the schools block "
                       "of an LA budget).",
                       desc, args, vm))
        return kOk;
    const std::string bind = vm["bind"].as<std::string>();
    const std::string token = vm.count("token") ? vm["token"].as<std::string>() : "";
    if (!is_loopback(bind) && token.empty())
        throw UsageError(
            "--bind " + bind +
            " is reachable from other machines: give --token T too (every request must then carry "
            "Authorization: Bearer T)");
    const int port = vm["port"].as<int>();
    if (port < 0 || port > 65535) throw UsageError("--port must be 0 to 65535");

    // docs/serve.md §1: the census and the formula read, and the formula run, before anything is written,
    // so a bad input leaves no options folder or ledger behind. With --budget, the budget's (§1).
    const bool budget = vm.count("budget") > 0;
    if (budget && (vm.count("census") || vm.count("formula") || vm.count("scenario")))
        throw UsageError("give --budget B, or --census C with --formula F or --scenario S, not both");
    if (!budget && !vm.count("census"))
        throw UsageError("give --census C with --formula F or --scenario S, or --budget B");
    const std::optional<BudgetFile> bf =
        budget ? std::optional<BudgetFile>(load_budget_file(vm["budget"].as<std::string>())) : std::nullopt;
    const std::string census_path = bf ? bf->census : vm["census"].as<std::string>();
    FormulaSource source = bf ? served_budget_formula(*bf) : formula_from_options(vm);
    Census census = load_census(census_path);
    if (bf) prepare_budget_census(census);  // refused as `fundsim budget` refuses it
    (void)run_checked(census, source.formula);
    Manifest manifest;
    manifest.census = manifest_file(census_path);
    manifest.formula = manifest_formula(source);

    // The options folder beside the census (or the budget file), the ledger in it, unless given.
    std::string options_dir = vm.count("options") ? vm["options"].as<std::string>() : "";
    if (options_dir.empty()) {
        const std::string parent = std::filesystem::path(bf ? bf->file : census_path).parent_path().string();
        options_dir = parent.empty() ? "options" : parent + "/options";
    }
    std::error_code ec;
    std::filesystem::create_directories(options_dir, ec);
    if (!std::filesystem::is_directory(options_dir))
        fail(options_dir + ": cannot make the options folder" + (ec ? ": " + ec.message() : ""));
    const std::string ledger_path =
        vm.count("ledger") ? vm["ledger"].as<std::string>() : options_dir + "/fundsim-ledger.sqlite";
    auto ledger = std::make_unique<store::Db>(ledger_path, store::Db::Mode::record);
    WhatIf api(std::move(census), std::move(source), std::move(manifest), std::move(ledger), options_dir);
    if (bf) api.served_from_budget(bf->file);

    // Ctrl-C and SIGTERM are taken by one thread that stops the server (a signal handler may not): blocked
    // here before any thread starts, so every thread inherits the mask.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    HttpServer server(api, token);
    const int bound = server.bind(bind, port);
    std::thread watcher([&] {
        int sig = 0;
        sigwait(&stop_signals, &sig);
        server.stop();
    });
    std::cout << "fundsim serve: listening on http://"
              << (bind.find(':') != std::string::npos ? "[" + bind + "]" : bind) << ":" << bound
              << "/ (Ctrl-C stops it)\n"
              << "  saved options and the Forum pack: " << options_dir << "/\n"
              << "  every calculation recorded in the ledger " << ledger_path << std::endl;
    server.listen();
    pthread_kill(watcher.native_handle(), SIGTERM);  // wakes the watcher if listen ended otherwise
    watcher.join();
    std::cout << "fundsim serve: stopped" << std::endl;
    return kOk;
}

}  // namespace fundsim::app
