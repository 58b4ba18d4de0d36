// The HTTP front of StoryService: JSON API, tgnews-compatible endpoints,
// metrics and the embedded web UI.
#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "server/request_parse.h"
#include "server/service.h"

namespace storyline::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;    // 0: any free port (tests)
  std::string token;  // when set, writes need "Authorization: Bearer TOKEN"
  size_t max_body_bytes = size_t{32} << 20;  // larger bodies get 413
  BodyLimits body;
  int max_limit = 100;  // most stories per page of GET /stories
};

class HttpServer {
 public:
  HttpServer(StoryService& service, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the listening socket; returns the port (useful with port 0).
  absl::StatusOr<int> Bind();
  // Serves on the bound socket until Stop(); blocks.
  void Run();
  // Thread-safe; not for a signal handler (use a thread that sigwaits).
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace storyline::server
