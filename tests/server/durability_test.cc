// Kill -9 in the middle of a bulk ingest: every acknowledged article is
// there after a restart, and the SQLite file is intact.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>

#include "nlohmann/json.hpp"
#include "server_testing.h"

namespace storyline::server {
namespace {

using nlohmann::json;

// Runs a server in a child process (so it can be killed outright) and
// returns its pid; the port comes back through a pipe.
pid_t StartChild(const std::string& db, int& port) {
  int fds[2];
  if (pipe(fds) != 0) return -1;
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    auto store = store::ArticleStore::Open(db);  // FULL sync, as served
    if (!store.ok()) _exit(1);
    StoryService service(**store, {});
    ServerOptions options;
    options.port = 0;
    HttpServer http(service, options);
    auto bound = http.Bind();
    if (!bound.ok() || !service.Load().ok()) _exit(1);
    const int p = *bound;
    if (write(fds[1], &p, sizeof p) != sizeof p) _exit(1);
    http.Run();
    _exit(0);
  }
  close(fds[1]);
  if (read(fds[0], &port, sizeof port) != sizeof port) port = 0;
  close(fds[0]);
  return pid;
}

TEST(DurabilityTest, AcknowledgedArticlesSurviveSigkill) {
  const std::string db = TempDb("durability.db");
  const auto lines = SampleLines();
  int port = 0;
  const pid_t pid = StartChild(db, port);
  ASSERT_GT(pid, 0);
  ASSERT_GT(port, 0);

  // Ingest batches of edited copies until the child dies under us.
  std::vector<std::string> acknowledged;
  std::atomic<int> batches{0};
  std::thread killer([&] {
    while (batches.load() < 6)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::this_thread::sleep_for(std::chrono::milliseconds(7));
    kill(pid, SIGKILL);
  });
  httplib::Client client("127.0.0.1", port);
  for (int round = 0; round < 1000; ++round) {
    std::string body;
    for (size_t i = 0; i < 20; ++i) {
      json a = json::parse(lines[(round * 20 + i) % lines.size()]);
      a["id"] = "r" + std::to_string(round) + "-" + a["id"].get<std::string>();
      body += a.dump() + "\n";
    }
    auto res =
        client.Post("/articles?wait=false", body, "application/x-ndjson");
    if (!res) break;  // killed mid-request: not acknowledged
    ASSERT_EQ(res->status, 201) << res->body;
    const json reply = json::parse(res->body);
    for (const json& a : reply["articles"]) {
      acknowledged.push_back(a["id"]);
    }
    ++batches;
  }
  killer.join();
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  ASSERT_GE(acknowledged.size(), 120u);

  // Restart on the same file: everything acknowledged is served.
  auto store = store::ArticleStore::Open(db);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(*(*store)->IntegrityCheck(), "ok");
  EXPECT_GE(*(*store)->Count(), static_cast<int64_t>(acknowledged.size()));
  store->reset();
  TestServer restarted(db);
  auto again = restarted.Client();
  for (const std::string& id : acknowledged) {
    auto res = again.Get("/articles/" + id);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << id;
  }
}

}  // namespace
}  // namespace storyline::server
