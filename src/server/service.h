// The serving engine without HTTP: stored articles, their cached analyses,
// and the current stories as an immutable snapshot. Writers commit to the
// store first (nothing is acknowledged before), then update the index.
// Two background threads keep the stories current, so readers never wait
// for clustering:
//  - the updater applies each burst of writes to the latest snapshot,
//    clustering again and retelling only the stories the changed articles
//    belong to or may join (local_update.h): milliseconds, not a recluster;
//  - the rebuilder reclusters the whole corpus once writes have been quiet
//    for a while, or once a large share of it has changed: that result is
//    exact (what `storyline stories` gives on the same articles), and the
//    updater applies whatever arrived meanwhile on top of it.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "pipeline/incremental.h"
#include "server/story_bodies.h"
#include "store/store.h"
#include "storyline/options.h"
#include "storyline/pipeline.h"
#include "text/analyzer.h"

namespace storyline::server {

struct ServiceOptions {
  PipelineOptions pipeline;
  int threads = 0;  // for analysis and clustering; 0 = all cores
  // Wait this long after a write for more before updating the stories:
  // larger batches fewer runs, at the cost of staleness.
  int debounce_ms = 20;
  // A full recluster starts once writes have been quiet this long, or once
  // this share of the articles has changed since the last one (every
  // weight drifts with the corpus)...
  int settle_ms = 2000;
  double full_share = 0.25;
  // ... but no sooner than `backoff * T` after the last, which took T
  // seconds: under a steady write stream full reclusters then take at most
  // 1 / (1 + backoff) of the time.
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
  std::optional<absl::CivilDay> newest;  // latest article date
  double cluster_seconds = 0;            // time the last update took
  StoryBodies bodies;                    // GET /stories/{id}, per story
  // Parallel to result.docs: each article's analysis, null in the slot of
  // an article deleted or replaced since the last full recluster.
  std::vector<std::shared_ptr<const pipeline::AnalyzedDoc>> analysed;
  // The articles' vectors, shared with the snapshots updated from this one.
  std::shared_ptr<cluster::NearestArticles> nearest;
  // True when made by a full recluster, with nothing changed since.
  bool exact = true;
  size_t full_size = 0;           // articles at the last full recluster
  size_t changed_since_full = 0;  // article changes applied since
  // Per story, its index in the snapshot it was carried over from, -1 when
  // told for this one.
  std::vector<int> carried_from;
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

  // Unless the stories are exact already, starts a full recluster now and
  // returns once a snapshot made by one, with nothing changed since, is
  // served (or the service stops).
  std::shared_ptr<const Snapshot> Settle();

  store::ArticleStore& store() { return store_; }

 private:
  std::vector<std::optional<pipeline::AnalyzedDoc>> Analyze(
      std::vector<Article>& articles, std::vector<std::string>& errors);
  // Records a change of `id` (null `doc` for a delete) for the updater.
  void Changed(const std::string& id,
               std::shared_ptr<const pipeline::AnalyzedDoc> doc)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void UpdateLoop();
  void RebuildLoop();
  bool LocalUpdates() const;
  bool WholeRecluster() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // The exact stories of `entries`, as a full recluster makes them.
  std::shared_ptr<Snapshot> Build(pipeline::IncrementalIndex::Entries entries,
                                  story::StemDf stem_df,
                                  uint64_t generation) const;
  // Indexes a snapshot for reading and renders the top stories' bodies,
  // reusing those of `previous` that are unchanged.
  void Finish(Snapshot& snap, const Snapshot* previous) const;
  std::shared_ptr<const Snapshot> WaitFor(uint64_t generation);
  void ProvisionalStory(const Snapshot& snap, const pipeline::AnalyzedDoc& doc,
                        PutOutcome& outcome) const;

  store::ArticleStore& store_;
  const ServiceOptions options_;
  // Held from store commit to index update, so both see writes of one id
  // in the same order.
  absl::Mutex write_mu_;
  std::atomic<bool> ready_{false};

  mutable absl::Mutex mu_;
  pipeline::IncrementalIndex index_ ABSL_GUARDED_BY(mu_);
  uint64_t generation_ ABSL_GUARDED_BY(mu_) = 0;  // last write
  std::shared_ptr<const Snapshot> snapshot_ ABSL_GUARDED_BY(mu_);
  bool stop_ ABSL_GUARDED_BY(mu_) = false;
  // Ids changed since the snapshot, for the updater.
  std::map<std::string, std::shared_ptr<const pipeline::AnalyzedDoc>> pending_
      ABSL_GUARDED_BY(mu_);
  // Ids changed since the running (or last) full recluster began.
  absl::flat_hash_set<std::string> since_full_ ABSL_GUARDED_BY(mu_);
  // A finished full recluster, for the updater to bring up to date.
  std::shared_ptr<Snapshot> full_result_ ABSL_GUARDED_BY(mu_);
  bool full_requested_ ABSL_GUARDED_BY(mu_) = false;
  // At most one recluster of everything at a time: the rebuilder's full one
  // or the updater's whole one.
  bool full_running_ ABSL_GUARDED_BY(mu_) = false;
  bool whole_running_ ABSL_GUARDED_BY(mu_) = false;
  absl::Time last_write_ ABSL_GUARDED_BY(mu_);
  absl::Time next_full_ ABSL_GUARDED_BY(mu_);   // earliest start of the next
  absl::Time next_whole_ ABSL_GUARDED_BY(mu_);  // likewise, by the updater
  std::thread updater_, rebuilder_;

  // Analyzers are not thread-safe; HTTP workers borrow one from here.
  absl::Mutex pool_mu_;
  std::vector<std::unique_ptr<text::Analyzer>> pool_ ABSL_GUARDED_BY(pool_mu_);
};

// Importance of a story: more sources, more articles and more recent (in
// days before `newest`, the latest date in the corpus) rank higher.
double Importance(const Story& story, std::optional<absl::CivilDay> newest);

}  // namespace storyline::server
