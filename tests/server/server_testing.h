// Shared by the server tests: temporary stores, sample articles and an
// in-process server on an ephemeral loopback port.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <memory>
#include <thread>

#include "gtest/gtest.h"
#include "httplib.h"
#include "server/http_server.h"
#include "storyline/ingest.h"
#include "testing.h"

namespace storyline::server {

inline std::string TempDb(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("storyline_server_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / name).string();
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path + suffix);
  }
  return path;
}

inline std::vector<Article> SampleArticles() {
  CollectingErrorSink errors;
  return ReadArticles({testing::SampleDir() + "/ecbplus-sample.jsonl"}, {},
                      errors);
}

// The sample file's lines, one JSON object each.
inline std::vector<std::string> SampleLines() {
  std::vector<std::string> lines;
  std::istringstream in(
      testing::ReadFile(testing::SampleDir() + "/ecbplus-sample.jsonl"));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

// Store + service + HTTP server on 127.0.0.1:<free port>, loaded.
class TestServer {
 public:
  explicit TestServer(const std::string& db, ServerOptions options = {}) {
    auto store = store::ArticleStore::Open(db, {.sync_full = false});
    EXPECT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    ServiceOptions service_options;
    service_options.threads = 2;
    service_options.debounce_ms = 1;
    service_ = std::make_unique<StoryService>(*store_, service_options);
    options.port = 0;
    http_ = std::make_unique<HttpServer>(*service_, options);
    auto port = http_->Bind();
    EXPECT_TRUE(port.ok());
    port_ = *port;
    thread_ = std::thread([this] { http_->Run(); });
    EXPECT_TRUE(service_->Load().ok());
  }
  ~TestServer() {
    http_->Stop();
    thread_.join();
  }
  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30);
    return client;
  }
  StoryService& service() { return *service_; }

 private:
  std::unique_ptr<store::ArticleStore> store_;
  std::unique_ptr<StoryService> service_;
  std::unique_ptr<HttpServer> http_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace storyline::server
