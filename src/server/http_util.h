// What the route files share: the context they serve from and JSON
// responses. Internal to src/server.
#pragma once

#include <httplib.h>

#include <functional>
#include <string>

#include "nlohmann/json.hpp"
#include "server/http_server.h"
#include "server/metrics.h"

namespace storyline::server {

struct Context {
  StoryService& service;
  Metrics& metrics;
  const ServerOptions& options;
};

using Handler =
    std::function<void(const httplib::Request&, httplib::Response&)>;

inline void SendJson(httplib::Response& res, int status,
                     const nlohmann::json& body) {
  res.status = status;
  res.set_content(
      body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
      "application/json");
}

// {"error": {"status": N, "message": "..."}}
inline void SendError(httplib::Response& res, int status,
                      const std::string& message) {
  SendJson(res, status,
           {{"error", {{"status", status}, {"message", message}}}});
}

// Wraps a handler: latency and status into the metrics; a thrown
// exception (from a library) becomes a 500 rather than a dead worker.
Handler Instrument(Context& ctx, std::string method, std::string route,
                   Handler fn);

// Sends 503 and returns false while stored articles are still loading.
bool RequireReady(Context& ctx, httplib::Response& res);

void AddArticleRoutes(httplib::Server& http, Context& ctx);
void AddStoryRoutes(httplib::Server& http, Context& ctx);
void AddTgnewsRoutes(httplib::Server& http, Context& ctx);
void AddUiRoutes(httplib::Server& http, Context& ctx);

// The OpenAPI 3 description of every route.
const char* OpenApiJson();

}  // namespace storyline::server
