#include "server/http_server.h"

#include <chrono>

#include "base/strings.h"
#include "server/http_util.h"

namespace storyline::server {

Handler Instrument(Context& ctx, std::string method, std::string route,
                   Handler fn) {
  return [&ctx, method = std::move(method), route = std::move(route),
          fn = std::move(fn)](const httplib::Request& req,
                              httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
    try {
      fn(req, res);
    } catch (const std::exception& e) {
      SendError(res, 500, StrCat("internal error: ", e.what()));
    }
    ctx.metrics.Record(
        method, route, res.status,
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count());
  };
}

bool RequireReady(Context& ctx, httplib::Response& res) {
  if (ctx.service.ready()) return true;
  res.set_header("Retry-After", "1");
  SendError(res, 503, "stored articles are still being loaded and clustered");
  return false;
}

struct HttpServer::Impl {
  Impl(StoryService& service, ServerOptions opts)
      : options(std::move(opts)), ctx{service, metrics, options} {}
  void Setup();
  bool Authorized(const httplib::Request& req) const;

  ServerOptions options;
  Metrics metrics;
  Context ctx;
  httplib::Server http;
};

bool HttpServer::Impl::Authorized(const httplib::Request& req) const {
  if (options.token.empty()) return true;
  if (req.method != "POST" && req.method != "PUT" && req.method != "DELETE") {
    return true;
  }
  return req.get_header_value("Authorization") ==
         StrCat("Bearer ", options.token);
}

void HttpServer::Impl::Setup() {
  http.set_payload_max_length(options.max_body_bytes);
  http.set_pre_routing_handler(
      [this](const httplib::Request& req, httplib::Response& res) {
        if (Authorized(req)) return httplib::Server::HandlerResponse::Unhandled;
        res.set_header("WWW-Authenticate", "Bearer");
        SendError(res, 401,
                  "writes need the header \"Authorization: Bearer <token>\"");
        metrics.Record(req.method, "unauthorized", 401, 0);
        return httplib::Server::HandlerResponse::Handled;
      });
  http.set_error_handler([this](const httplib::Request& req,
                                httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string message = StrCat("HTTP status ", res.status);
    if (res.status == 400) message = "malformed HTTP request";
    if (res.status == 404)
      message = StrCat("no route for ", req.method, " ", req.path);
    if (res.status == 413) {
      message =
          StrCat("request body larger than ", options.max_body_bytes, " bytes");
      // httplib caps form-encoded bodies (curl -d's default type) at 8 KiB.
      if (req.get_header_value("Content-Type")
              .rfind("application/x-www-form-urlencoded", 0) == 0) {
        message =
            "form-encoded bodies are limited to 8 KiB: send Content-Type: "
            "application/json or application/x-ndjson";
      }
    }
    SendError(res, res.status, message);
    metrics.Record(req.method, "unmatched", res.status, 0);
  });
  http.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        SendError(res, 500, "internal error");
      });
  http.Get("/healthz",
           Instrument(ctx, "GET", "/healthz",
                      [this](const httplib::Request&, httplib::Response& res) {
                        SendJson(
                            res, 200,
                            {{"status", "ok"}, {"ready", ctx.service.ready()}});
                      }));
  http.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    ServiceGauges g;
    g.ready = ctx.service.ready();
    if (const auto snap = ctx.service.snapshot()) {
      g.articles = snap->doc_index.size();
      g.stories = snap->result.stories.size();
      g.events = snap->result.events.size();
      g.cluster_seconds = snap->cluster_seconds;
      g.exact = snap->exact;
      g.changed_since_full = snap->changed_since_full;
    }
    res.set_content(metrics.Render(g), "text/plain; version=0.0.4");
  });
  http.Get("/openapi.json",
           Instrument(ctx, "GET", "/openapi.json",
                      [](const httplib::Request&, httplib::Response& res) {
                        res.set_content(OpenApiJson(), "application/json");
                      }));
  AddArticleRoutes(http, ctx);
  AddStoryRoutes(http, ctx);
  AddTgnewsRoutes(http, ctx);
  AddUiRoutes(http, ctx);
}

HttpServer::HttpServer(StoryService& service, ServerOptions options)
    : impl_(std::make_unique<Impl>(service, std::move(options))) {
  impl_->Setup();
}

HttpServer::~HttpServer() = default;

absl::StatusOr<int> HttpServer::Bind() {
  const auto& o = impl_->options;
  if (o.port == 0) {
    const int port = impl_->http.bind_to_any_port(o.host);
    if (port > 0) return port;
  } else if (impl_->http.bind_to_port(o.host, o.port)) {
    return o.port;
  }
  return absl::UnavailableError(
      StrCat("cannot listen on ", o.host, ":", o.port));
}

void HttpServer::Run() { impl_->http.listen_after_bind(); }

void HttpServer::Stop() { impl_->http.stop(); }

}  // namespace storyline::server
