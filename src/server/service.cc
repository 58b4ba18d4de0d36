#include "server/service.h"

#include <chrono>

#include "base/parallel.h"
#include "base/strings.h"
#include "cluster/clusterer.h"
#include "pipeline/clean.h"
#include "story/teller.h"

namespace storyline::server {

void IndexSnapshot(Snapshot& snap);  // snapshot.cc

StoryService::StoryService(store::ArticleStore& store, ServiceOptions options)
    : store_(store), options_(std::move(options)) {}

StoryService::~StoryService() {
  {
    absl::MutexLock lock(&mu_);
    stop_ = true;
  }
  if (refresher_.joinable()) refresher_.join();
}

std::vector<std::optional<cluster::AnalyzedDoc>> StoryService::Analyze(
    std::vector<Article>& articles, std::vector<std::string>& errors) {
  const int n = static_cast<int>(articles.size());
  const int threads = std::min(ResolveThreads(options_.threads), 4);
  std::vector<std::unique_ptr<text::Analyzer>> borrowed(threads);
  {
    absl::MutexLock lock(&pool_mu_);
    for (auto& a : borrowed) {
      if (pool_.empty()) continue;
      a = std::move(pool_.back());
      pool_.pop_back();
    }
  }
  std::vector<std::optional<cluster::AnalyzedDoc>> out(n);
  errors.assign(n, "");
  const PipelineOptions& po = options_.pipeline;
  ParallelFor(n, threads, 8, [&](int worker, int i) {
    auto& analyzer = borrowed[worker];
    if (!analyzer) analyzer = std::make_unique<text::Analyzer>();
    auto doc = pipeline::CleanArticle(articles[i], po.clean, po.text);
    if (!doc.ok()) {
      errors[i] = MessageOf(doc.status());
      return;
    }
    out[i] = cluster::AnalyzeDocument(*std::move(doc), *analyzer, po);
  });
  absl::MutexLock lock(&pool_mu_);
  for (auto& a : borrowed) {
    if (a) pool_.push_back(std::move(a));
  }
  return out;
}

absl::Status StoryService::Load() {
  std::vector<Article> batch;
  auto flush = [&] {
    std::vector<std::string> errors;
    auto analysed = Analyze(batch, errors);
    absl::MutexLock lock(&mu_);
    for (auto& a : analysed) {
      if (a) {
        index_.Upsert(
            std::make_shared<const cluster::AnalyzedDoc>(*std::move(a)));
      }
    }
    batch.clear();
  };
  auto status = store_.ForEach([&](Article a) {
    batch.push_back(std::move(a));
    if (batch.size() >= 4096) flush();
  });
  if (!status.ok()) return status;
  flush();
  auto first = Build();
  {
    absl::MutexLock lock(&mu_);
    snapshot_ = std::move(first);
  }
  ready_ = true;
  refresher_ = std::thread([this] { RefreshLoop(); });
  return absl::OkStatus();
}

std::shared_ptr<const Snapshot> StoryService::Build() {
  cluster::IncrementalIndex::Entries entries;
  uint64_t generation = 0;
  {
    absl::MutexLock lock(&mu_);
    entries = index_.entries();  // shared values: copies pointers only
    generation = generation_;
  }
  const auto start = std::chrono::steady_clock::now();
  auto snap = std::make_shared<Snapshot>();
  snap->generation = generation;
  const PipelineOptions& po = options_.pipeline;
  snap->result =
      cluster::Recluster(entries, po, options_.threads, &snap->nearest);
  if (po.run_clustering && po.synthesize) {
    const PipelineResult& r = snap->result;
    snap->result.stories = story::TellStories(
        {.docs = r.docs, .copies = r.copies, .events = r.events}, r.clusters,
        po.story, options_.threads);
  }
  snap->cluster_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  IndexSnapshot(*snap);
  const int top =
      std::min(kPrerenderedStories, static_cast<int>(snap->ranked.size()));
  ParallelFor(top, options_.threads, 1,
              [&](int, int k) { StoryBody(*snap, snap->ranked[k]); });
  return snap;
}

void StoryService::RefreshLoop() {
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      auto stale = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        return stop_ || generation_ > snapshot_->generation;
      };
      mu_.Await(absl::Condition(&stale));
      if (stop_) return;
    }
    // Let a burst of writes land so one run covers them all.
    std::this_thread::sleep_for(
        std::chrono::milliseconds(options_.debounce_ms));
    auto next = Build();
    const double pause_s = options_.backoff * next->cluster_seconds;
    absl::MutexLock lock(&mu_);
    snapshot_ = std::move(next);
    mu_.AwaitWithTimeout(absl::Condition(&stop_), absl::Seconds(pause_s));
  }
}

std::shared_ptr<const Snapshot> StoryService::WaitFor(uint64_t generation) {
  absl::MutexLock lock(&mu_);
  auto done = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return stop_ || (snapshot_ && snapshot_->generation >= generation);
  };
  mu_.Await(absl::Condition(&done));
  return snapshot_;
}

std::shared_ptr<const Snapshot> StoryService::snapshot() const {
  absl::MutexLock lock(&mu_);
  return snapshot_;
}

absl::StatusOr<PutResult> StoryService::Put(std::vector<Article> articles,
                                            bool wait) {
  PutResult out;
  std::vector<std::string> errors;
  auto analysed = Analyze(articles, errors);
  std::vector<Article> usable;
  std::vector<int> positions;
  for (int i = 0; i < static_cast<int>(articles.size()); ++i) {
    if (!analysed[i]) {
      out.rejected.push_back({i, articles[i].id, errors[i]});
      continue;
    }
    usable.push_back(std::move(articles[i]));
    positions.push_back(i);
  }
  if (usable.empty()) return out;
  std::vector<std::shared_ptr<const cluster::AnalyzedDoc>> docs;
  for (const int i : positions) {
    docs.push_back(
        std::make_shared<const cluster::AnalyzedDoc>(*std::move(analysed[i])));
  }
  absl::StatusOr<std::vector<store::PutResult>> stored;
  uint64_t generation = 0;
  {
    absl::MutexLock write_lock(&write_mu_);
    stored = store_.Put(usable);
    if (!stored.ok()) return stored.status();
    absl::MutexLock lock(&mu_);
    for (const auto& doc : docs) index_.Upsert(doc);
    generation = ++generation_;
  }
  for (size_t k = 0; k < usable.size(); ++k) {
    out.stored.push_back(
        {usable[k].id, (*stored)[k] == store::PutResult::kCreated, {}});
  }
  if (!wait) {
    const auto snap = snapshot();
    for (size_t k = 0; k < docs.size(); ++k) {
      ProvisionalStory(*snap, *docs[k], out.stored[k]);
    }
    return out;
  }
  const auto snap = WaitFor(generation);
  for (PutOutcome& o : out.stored) {
    const auto it = snap->doc_index.find(o.id);
    if (it == snap->doc_index.end()) continue;
    const int s = snap->story_of_doc[it->second];
    if (s >= 0) o.story = snap->result.stories[s].id;
  }
  return out;
}

void StoryService::ProvisionalStory(const Snapshot& snap,
                                    const cluster::AnalyzedDoc& doc,
                                    PutOutcome& outcome) const {
  const PipelineOptions& po = options_.pipeline;
  if (!po.run_clustering) return;
  const auto match = snap.nearest.Find(doc.counts, doc.doc.published);
  if (match.doc >= 0 && match.cosine >= po.cluster.event_threshold) {
    const int s = snap.story_of_doc[match.doc];
    if (s >= 0) outcome.story = snap.result.stories[s].id;
  }
  // Nothing close: a story of its own, with the id it keeps as others join.
  if (!outcome.story) outcome.story = cluster::ClusterId('s', doc.doc.id);
  outcome.provisional = true;
}

absl::StatusOr<bool> StoryService::Delete(const std::string& id, bool wait) {
  uint64_t generation = 0;
  {
    absl::MutexLock write_lock(&write_mu_);
    auto deleted = store_.Delete(id);
    if (!deleted.ok() || !*deleted) return deleted;
    absl::MutexLock lock(&mu_);
    index_.Remove(id);
    generation = ++generation_;
  }
  if (wait) WaitFor(generation);
  return true;
}

}  // namespace storyline::server
