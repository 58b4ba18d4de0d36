// storyline serve: the long-running HTTP service over a SQLite store.
#include <pthread.h>
#include <signal.h>

#include <cstddef>
#include <cstdio>
#include <thread>

#include "base/strings.h"
#include "cli/common.h"
#include "server/http_server.h"
#include "store/store.h"

namespace storyline::cli {
namespace {

struct ServeFlags {
  std::string db, host = "127.0.0.1", token;
  int port = 8080;
  int threads = 0;
  size_t max_body_mb = 32;
  bool sync_full = true;
  int settle_ms = server::ServiceOptions{}.settle_ms;
  double full_share = server::ServiceOptions{}.full_share;
};

int Serve(const ServeFlags& flags) {
  // Signals are taken by sigwait below, not by a handler: blocked here,
  // before any thread starts, so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto store =
      store::ArticleStore::Open(flags.db, {.sync_full = flags.sync_full});
  if (!store.ok()) {
    std::fprintf(stderr, "storyline: %s\n", MessageOf(store.status()).c_str());
    return kFailed;
  }
  server::ServiceOptions service_options;
  service_options.threads = flags.threads;
  service_options.settle_ms = flags.settle_ms;
  service_options.full_share = flags.full_share;
  server::StoryService service(**store, service_options);
  server::ServerOptions server_options;
  server_options.host = flags.host;
  server_options.port = flags.port;
  server_options.token = flags.token;
  server_options.max_body_bytes = flags.max_body_mb << 20;
  server::HttpServer http(service, server_options);
  const auto port = http.Bind();
  if (!port.ok()) {
    std::fprintf(stderr, "storyline: %s\n", MessageOf(port.status()).c_str());
    return kFailed;
  }
  std::printf("storyline: serving http://%s:%d/\n", flags.host.c_str(), *port);
  std::fflush(stdout);
  std::thread serving([&http] { http.Run(); });
  std::thread loading([&service] {
    if (auto s = service.Load(); !s.ok()) {
      std::fprintf(stderr, "storyline: loading failed: %s\n",
                   MessageOf(s).c_str());
    }
  });
  int signal = 0;
  sigwait(&signals, &signal);
  std::fprintf(stderr, "storyline: signal %d, stopping\n", signal);
  http.Stop();
  serving.join();
  loading.join();
  return kOk;
}

}  // namespace

Command AddServeCommand(CLI::App& root) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* app = root.add_subcommand(
      "serve", "Serve stories over HTTP from a SQLite store (web UI at /)");
  app->footer(
      "Examples:\n"
      "  storyline serve --db news.db\n"
      "  storyline serve --db news.db --port 9000 --token s3cret\n"
      "Stops cleanly on SIGINT or SIGTERM; every acknowledged write is "
      "committed.");
  app->add_option("--db", flags->db, "SQLite file (created if missing)")
      ->required();
  app->add_option("--host", flags->host, "Address to listen on")
      ->capture_default_str();
  app->add_option("--port", flags->port, "Port; 0 picks a free one")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  app->add_option("--token", flags->token,
                  "Require 'Authorization: Bearer TOKEN' for writes");
  app->add_option("--threads", flags->threads, "Worker threads; 0 = all cores");
  app->add_option("--max-body-mb", flags->max_body_mb,
                  "Larger request bodies get 413")
      ->capture_default_str();
  app->add_option("--settle-ms", flags->settle_ms,
                  "Writes are applied to the stories they touch at once; "
                  "after this long without writes, a full recluster makes "
                  "the stories exactly what 'storyline stories' gives")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app->add_option("--full-share", flags->full_share,
                  "Also recluster fully once this share of the articles "
                  "has changed since the last full recluster")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app->add_flag("!--no-sync", flags->sync_full,
                "Do not fsync each commit (survives a process crash, not a "
                "power loss)");
  return {app, [flags] { return Serve(*flags); }};
}

}  // namespace storyline::cli
