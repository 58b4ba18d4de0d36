// `storyline serve` under load, over loopback: ingest rate in batches,
// GET /stories and GET /stories/{id} latency percentiles, memory per
// stored article. Bounded: a fixed number of articles and queries, and a
// time limit on ingest.
//
//   server_bench [--articles 100000] [--batch 1000] [--queries 2000]
//                [--single 50] [--db /tmp/x.db] [--data FILE.jsonl]...
//
// The last `single` articles are held back and written one at a time,
// waited for, after a full recluster: the latency of a local update.
//
// Articles are real dev-set articles replayed with edits (corpus_gen.h).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include "corpus.h"
#include "corpus_gen.h"
#include "fmt/format.h"
#include "httplib.h"
#include "nlohmann/json.hpp"
#include "server/http_server.h"

namespace storyline::bench {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Flags {
  size_t articles = 100000, batch = 1000, queries = 2000, single = 50;
  double max_ingest_seconds = 600;
  std::string db = "/tmp/storyline_server_bench.db";
  std::vector<std::string> data;
};

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Resident memory in bytes (VmRSS).
size_t RssBytes() {
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  }
  return 0;
}

std::string ArticleLine(const Article& a) {
  json j = {{"id", a.id},
            {"title", a.title},
            {"text", a.body},
            {"source", a.source},
            {"url", a.url}};
  if (a.published) {
    j["date"] = fmt::format("{:04d}-{:02d}-{:02d}", a.published->year(),
                            a.published->month(), a.published->day());
  }
  return j.dump() + "\n";
}

// p50 and p99 of `ms`, in milliseconds.
std::pair<double, double> Percentiles(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  if (ms.empty()) return {0, 0};
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]};
}

template <typename Fn>
std::vector<double> Time(size_t n, Fn fn) {
  std::vector<double> ms;
  for (size_t i = 0; i < n; ++i) {
    const auto start = Clock::now();
    fn(i);
    ms.push_back(Seconds(start) * 1000);
  }
  return ms;
}

// Batches of JSONL lines from the generated stream.
std::vector<std::string> MakeBatches(const Flags& flags) {
  const auto files =
      flags.data.empty()
          ? DefaultCorpusFiles(STORYLINE_SHARED_DIR, STORYLINE_SOURCE_DIR)
          : flags.data;
  CorpusGenerator generator(LoadLabeledArticles(files), GeneratorOptions{});
  std::vector<std::string> batches(1);
  size_t in_batch = 0;
  generator.Generate(flags.articles, [&](GeneratedArticle g) {
    if (in_batch == flags.batch) {
      batches.emplace_back();
      in_batch = 0;
    }
    batches.back() += ArticleLine(g.article);
    ++in_batch;
  });
  return batches;
}

// POSTs every batch from two client threads; returns articles stored.
size_t Ingest(int port, const std::vector<std::string>& batches,
              double max_seconds) {
  std::atomic<size_t> next{0}, stored{0};
  const auto start = Clock::now();
  auto worker = [&] {
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(120);
    for (size_t b;
         (b = next++) < batches.size() && Seconds(start) < max_seconds;) {
      auto res = client.Post("/articles?wait=false", batches[b],
                             "application/x-ndjson");
      if (!res || res->status != 201) {
        std::fprintf(stderr, "batch %zu failed: %s\n", b,
                     res ? res->body.substr(0, 200).c_str() : "no response");
        continue;
      }
      stored += json::parse(res->body)["articles"].size();
    }
  };
  std::thread a(worker), b(worker);
  a.join();
  b.join();
  return stored;
}

void Queries(int port, const Flags& flags) {
  httplib::Client client("127.0.0.1", port);
  auto first = client.Get("/stories?limit=100");
  if (!first || first->status != 200) {
    std::fprintf(stderr, "GET /stories failed\n");
    return;
  }
  const json top = json::parse(first->body);
  std::vector<std::string> ids, words;
  if (top["stories"].empty()) return;
  for (const json& s : top["stories"]) {
    ids.push_back(s["id"]);
    const std::string h = s["headline"];
    words.push_back(h.substr(0, h.find(' ')));
  }
  const char* kLists[] = {"/stories?limit=20", "/stories?limit=20&cursor=20",
                          "/stories?limit=50&lang=en",
                          "/stories?limit=20&since=2015-01-10"};
  auto list = Percentiles(Time(flags.queries, [&](size_t i) {
    std::string path = kLists[i % 4];
    if (i % 5 == 4) path = "/stories?limit=20&q=" + words[i % words.size()];
    auto res = client.Get(path);
    if (!res || res->status != 200)
      std::fprintf(stderr, "GET %s failed\n", path.c_str());
  }));
  std::mt19937 rng(1);
  auto one = Percentiles(Time(flags.queries, [&](size_t) {
    auto res = client.Get("/stories/" + ids[rng() % ids.size()]);
    if (!res || res->status != 200) std::fprintf(stderr, "GET story failed\n");
  }));
  std::printf("GET /stories        p50 %.2f ms  p99 %.2f ms  (%zu requests)\n",
              list.first, list.second, flags.queries);
  std::printf("GET /stories/{id}   p50 %.2f ms  p99 %.2f ms  (%zu requests)\n",
              one.first, one.second, flags.queries);
}

// Writes of one article each, waited for: the time until the stories
// include it, by a local update of the stories it touches.
void SingleWrites(int port, const std::vector<std::string>& lines,
                  server::StoryService& service) {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(600);
  std::vector<double> ms;
  double retold = 0;
  for (const std::string& line : lines) {
    const auto start = Clock::now();
    auto res = client.Post("/articles?wait=true", line, "application/x-ndjson");
    ms.push_back(Seconds(start) * 1000);
    if (!res || res->status != 201) {
      std::fprintf(stderr, "single write failed\n");
      return;
    }
    const auto snap = service.snapshot();
    for (const int from : snap->carried_from) retold += from < 0;
  }
  if (ms.empty()) return;
  const auto [p50, p99] = Percentiles(ms);
  std::printf(
      "single write, wait=true  p50 %.1f ms  p99 %.1f ms  (%zu writes, %.1f "
      "stories retold per write)\n",
      p50, p99, ms.size(), retold / ms.size());
}

int Run(const Flags& flags) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(flags.db + suffix);
  }
  const size_t rss_start = RssBytes();
  auto batches = MakeBatches(flags);
  auto store = store::ArticleStore::Open(flags.db);
  if (!store.ok()) return 1;
  server::StoryService service(**store, {});
  server::ServerOptions options;
  options.port = 0;
  server::HttpServer http(service, options);
  const int port = *http.Bind();
  std::thread serving([&] { http.Run(); });
  if (!service.Load().ok()) return 1;

  // The newest articles are held back, to be written one by one later.
  std::vector<std::string> held;
  {
    std::string last = std::move(batches.back());
    batches.pop_back();
    for (size_t at = 0; at < last.size() && held.size() < flags.single;) {
      const size_t end = last.find('\n', at);
      held.push_back(last.substr(at, end - at + 1));
      at = end + 1;
    }
  }
  std::fprintf(stderr, "generated %zu batches; ingesting\n", batches.size());
  const auto start = Clock::now();
  const size_t stored = Ingest(port, batches, flags.max_ingest_seconds);
  const double ingest_s = Seconds(start);
  // Re-sent at the end with wait=true (a replacement: same id).
  const std::string batches_first_line =
      batches.front().substr(0, batches.front().find('\n') + 1);
  batches = {};
  std::fprintf(stderr, "ingested %zu in %.1f s; waiting for clustering\n",
               stored, ingest_s);
  {
    // A waiting write returns once a snapshot includes every earlier one.
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(600);
    const std::string line = batches_first_line;
    auto done =
        client.Post("/articles?wait=true", line, "application/x-ndjson");
    if (!done || done->status >= 300) {
      std::fprintf(stderr, "final write failed\n");
      return 1;
    }
  }
  std::printf(
      "ingest: %zu articles in %.1f s = %.0f articles/s (batches of %zu, "
      "fsync per batch)\n",
      stored, ingest_s, stored / ingest_s, flags.batch);
  std::printf(
      "all written articles in the stories %.1f s after the first "
      "write (last update %.3f s)\n",
      Seconds(start), service.snapshot()->cluster_seconds);
  const auto snap = service.Settle();
  std::printf(
      "full recluster + story telling: %.1f s; %zu stories, %zu "
      "events\n",
      snap->cluster_seconds, snap->result.stories.size(),
      snap->result.events.size());
  Queries(port, flags);
  SingleWrites(port, held, service);
  const size_t rss = RssBytes();
  std::printf("memory: %.1f MB resident, %.0f bytes per stored article\n",
              rss / 1e6, static_cast<double>(rss - rss_start) / stored);
  http.Stop();
  serving.join();
  return 0;
}

}  // namespace
}  // namespace storyline::bench

int main(int argc, char** argv) {
  storyline::bench::Flags flags;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i], value = argv[i + 1];
    if (key == "--articles")
      flags.articles = std::stoull(value);
    else if (key == "--batch")
      flags.batch = std::stoull(value);
    else if (key == "--queries")
      flags.queries = std::stoull(value);
    else if (key == "--single")
      flags.single = std::stoull(value);
    else if (key == "--db")
      flags.db = value;
    else if (key == "--data")
      flags.data.push_back(value);
    else {
      std::fprintf(stderr, "unknown flag %s\n", key.c_str());
      return 2;
    }
  }
  return storyline::bench::Run(flags);
}
