// The serving engine without HTTP: stored articles, their cached analyses,
// and the current stories as an immutable snapshot. Writers commit to the
// store first (nothing is acknowledged before), then update the index; a
// background thread reclusters after a short quiet period, coalescing a
// burst of writes into one run, and swaps the snapshot in, so readers never
// wait for clustering.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "cluster/incremental.h"
#include "server/story_bodies.h"
#include "store/store.h"
#include "storyline/options.h"
#include "storyline/pipeline.h"
#include "text/analyzer.h"

namespace storyline::server {

struct ServiceOptions {
  PipelineOptions pipeline;
  int threads = 0;  // for analysis and clustering; 0 = all cores
  // Wait this long after a write for more before reclustering: larger
  // batches fewer runs, at the cost of staleness.
  int debounce_ms = 20;
  // After a recluster that took T seconds, wait `backoff * T` before the
  // next: under a steady write stream reclustering then takes at most
  // 1 / (1 + backoff) of the time, leaving the rest to ingest.
  double backoff = 1.0;
};

// The stories at one point of the article stream. Immutable once built.
struct Snapshot {
  uint64_t generation = 0;  // every write up to this one is included
  PipelineResult result;    // stories parallel to result.clusters
  absl::flat_hash_map<std::string, int> doc_index;    // article id -> doc
  absl::flat_hash_map<std::string, int> story_index;  // story id -> story
  std::vector<int> story_of_doc;         // doc -> story, -1 when none
  std::vector<int> ranked;               // stories by importance, best first
  std::vector<double> importance;        // per story
  std::vector<uint32_t> languages;       // per story: bit per Lang value
  std::vector<std::string> search_text;  // per story: lower-case headline
  double cluster_seconds = 0;            // time the recluster took
  StoryBodies bodies;                    // GET /stories/{id}, per story
  cluster::NearestArticles nearest;      // for writes not waited for
};

// Stories at the top of the ranking whose bodies are rendered with the
// snapshot: what a front page lists.
inline constexpr int kPrerenderedStories = 128;

// GET /stories/{id}'s JSON for story `s`, rendered on first use.
StoryBodies::Body StoryBody(const Snapshot& snap, int s);

// Outcome for one article of a write.
struct PutOutcome {
  std::string id;
  bool created = false;              // else replaced an existing one
  std::optional<std::string> story;  // the story it joined
  // The story is the one of the most similar stored article (or a story of
  // its own), not yet placed by a recluster: the caller did not wait.
  bool provisional = false;
};

// A write rejected as a whole, or per article.
struct ItemError {
  int index = 0;  // position in the request
  std::string id;
  std::string message;
};

struct PutResult {
  std::vector<PutOutcome> stored;
  std::vector<ItemError> rejected;  // unusable articles: nothing stored
};

class StoryService {
 public:
  StoryService(store::ArticleStore& store, ServiceOptions options);
  ~StoryService();
  StoryService(const StoryService&) = delete;
  StoryService& operator=(const StoryService&) = delete;

  // Analyses every stored article and builds the first snapshot; until it
  // returns, ready() is false. Starts the recluster thread.
  absl::Status Load();
  bool ready() const { return ready_.load(); }

  // Stores the usable articles in one transaction, then indexes them. With
  // `wait`, returns once a snapshot includes them, with their stories;
  // without, at once, with provisional stories (PutOutcome::provisional).
  absl::StatusOr<PutResult> Put(std::vector<Article> articles, bool wait);

  // False when there was no such article.
  absl::StatusOr<bool> Delete(const std::string& id, bool wait);

  // Null until Load has finished.
  std::shared_ptr<const Snapshot> snapshot() const;

  store::ArticleStore& store() { return store_; }

 private:
  std::vector<std::optional<cluster::AnalyzedDoc>> Analyze(
      std::vector<Article>& articles, std::vector<std::string>& errors);
  void RefreshLoop();
  std::shared_ptr<const Snapshot> Build();
  std::shared_ptr<const Snapshot> WaitFor(uint64_t generation);
  void ProvisionalStory(const Snapshot& snap, const cluster::AnalyzedDoc& doc,
                        PutOutcome& outcome) const;
  uint64_t Publish(absl::FunctionRef<void(cluster::IncrementalIndex&)> fn);

  store::ArticleStore& store_;
  const ServiceOptions options_;
  // Held from store commit to index update, so both see writes of one id
  // in the same order.
  absl::Mutex write_mu_;
  std::atomic<bool> ready_{false};

  mutable absl::Mutex mu_;
  cluster::IncrementalIndex index_ ABSL_GUARDED_BY(mu_);
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;  // last write
  std::shared_ptr<const Snapshot> snapshot_ ABSL_GUARDED_BY(mu_);
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  std::thread refresher_;

  // Analyzers are not thread-safe; HTTP workers borrow one from here.
  absl::Mutex pool_mu_;
  std::vector<std::unique_ptr<text::Analyzer>> pool_ ABSL_GUARDED_BY(pool_mu_);
};

// Importance of a story: more sources, more articles and more recent (in
// days before `newest`, the latest date in the corpus) rank higher.
double Importance(const Story& story, std::optional<absl::CivilDay> newest);

}  // namespace storyline::server
