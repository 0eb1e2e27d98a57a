// The HTTP side of `fundsim serve` (docs/serve.md §1-§2), on cpp-httplib: the routes of the JSON interface,
// the bearer token when one is set, and bodies over 1 MB refused (413) before they are read.
#pragma once

#include <memory>
#include <string>

#include "app/serve/what_if.hpp"

namespace httplib {
class Server;
}

namespace fundsim::app {

// The largest request body read (docs/serve.md §2): 1 MB.
constexpr std::size_t kMaxBody = 1u << 20;
// A body declared longer than this is refused without reading any of it (the connection closed); one
// between kMaxBody and this is read past, unstored, so that the client gets its 413.
constexpr std::size_t kDrainLimit = 16u << 20;

// True for an address that only this machine can reach: 127.0.0.1 (127.x.y.z), ::1, localhost.
bool is_loopback(const std::string& address);

class HttpServer {
  public:
    // `token` empty: no Authorization needed (loopback only: cmd_serve refuses otherwise).
    HttpServer(WhatIf& api, std::string token);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;
    // Binds `address`:`port` (port 0: any free port) and returns the port; an Error if it cannot.
    int bind(const std::string& address, int port);
    // Answers requests until stop() (from another thread).
    void listen();
    void stop();

  private:
    std::unique_ptr<httplib::Server> server_;
};

}  // namespace fundsim::app
