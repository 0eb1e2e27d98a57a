// `fundsim serve`: the what-if server for a Schools Forum meeting (docs/serve.md): the JSON interface on
// the loopback address (another address needs --token), each calculation recorded in the ledger when one
// is given; Ctrl-C stops it cleanly.
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "app/commands.hpp"
#include "app/formula_source.hpp"
#include "app/ledger_option.hpp"
#include "app/options.hpp"
#include "app/serve/server.hpp"
#include "app/serve/what_if.hpp"

namespace fundsim::app {

int cmd_serve(const std::vector<std::string>& args) {
    po::options_description desc("Options");
    add_census_option(desc);
    add_formula_options(desc);
    desc.add_options()("bind", po::value<std::string>()->default_value("127.0.0.1"),
                       "address to listen on (another than the loopback needs --token)")(
        "port", po::value<int>()->default_value(8080), "port to listen on (0: any free port)")(
        "token", po::value<std::string>(), "every request must carry Authorization: Bearer TOKEN");
    add_ledger_option(desc);
    po::variables_map vm;
    if (!parse_options("serve",
                       "Serves the what-if interface: POST /api/run with a merge patch over the formula "
                       "answers every school's budget\n"
                       "(docs/serve.md). Runs until interrupted (Ctrl-C).",
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

    auto ledger = open_ledger_option(vm);
    FormulaSource source = formula_from_options(vm);
    Manifest manifest;
    manifest.census = manifest_file(vm["census"].as<std::string>());
    manifest.formula = manifest_formula(source);
    WhatIf api(load_census(vm["census"].as<std::string>()), std::move(source), std::move(manifest),
               std::move(ledger));

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
              << "/ (Ctrl-C stops it)" << std::endl;
    server.listen();
    pthread_kill(watcher.native_handle(), SIGTERM);  // wakes the watcher if listen ended otherwise
    watcher.join();
    std::cout << "fundsim serve: stopped" << std::endl;
    return kOk;
}

}  // namespace fundsim::app
