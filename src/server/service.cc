#include "server/service.h"

#include <chrono>
#include <utility>

#include "base/parallel.h"
#include "base/strings.h"
#include "cluster/clusterer.h"
#include "pipeline/clean.h"
#include "server/local_update.h"
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
  if (updater_.joinable()) updater_.join();
  if (rebuilder_.joinable()) rebuilder_.join();
}

std::vector<std::optional<pipeline::AnalyzedDoc>> StoryService::Analyze(
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
  std::vector<std::optional<pipeline::AnalyzedDoc>> out(n);
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
    out[i] = pipeline::AnalyzeDocument(*std::move(doc), *analyzer, po);
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
            std::make_shared<const pipeline::AnalyzedDoc>(*std::move(a)));
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
  {
    absl::MutexLock lock(&mu_);
    auto first = Build(index_.entries(), index_.stem_df(), generation_);
    Finish(*first, nullptr);
    snapshot_ = std::move(first);
    last_write_ = next_full_ = absl::Now();
  }
  ready_ = true;
  updater_ = std::thread([this] { UpdateLoop(); });
  if (LocalUpdates()) rebuilder_ = std::thread([this] { RebuildLoop(); });
  return absl::OkStatus();
}

bool StoryService::LocalUpdates() const {
  const PipelineOptions& po = options_.pipeline;
  return po.run_clustering && po.synthesize;
}

std::shared_ptr<Snapshot> StoryService::Build(
    pipeline::IncrementalIndex::Entries entries, story::StemDf stem_df,
    uint64_t generation) const {
  const auto start = std::chrono::steady_clock::now();
  pipeline::DropRepeatedLines(entries, &stem_df, options_.pipeline,
                              options_.threads);
  auto snap = std::make_shared<Snapshot>();
  snap->generation = generation;
  const PipelineOptions& po = options_.pipeline;
  snap->result =
      pipeline::Recluster(entries, po, options_.threads, &snap->nearest);
  if (LocalUpdates()) {
    const PipelineResult& r = snap->result;
    snap->result.stories = story::TellStories(
        {.docs = r.docs, .copies = r.copies, .events = r.events}, stem_df,
        static_cast<int>(r.docs.size()), r.clusters, po.story,
        options_.threads);
  }
  for (const auto& [id, doc] : entries) snap->analysed.push_back(doc);
  snap->full_size = entries.size();
  snap->cluster_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return snap;
}

void StoryService::Finish(Snapshot& snap, const Snapshot* previous) const {
  IndexSnapshot(snap);
  // A carried-over story's body is the same unless its importance moved
  // with the newest date.
  if (previous && previous->newest == snap.newest) {
    for (int s = 0; s < static_cast<int>(snap.carried_from.size()); ++s) {
      if (snap.carried_from[s] < 0) continue;
      snap.bodies.Store(s, previous->bodies.Cached(snap.carried_from[s]));
    }
  }
  const int top =
      std::min(kPrerenderedStories, static_cast<int>(snap.ranked.size()));
  ParallelFor(top, options_.threads, 1,
              [&](int, int k) { StoryBody(snap, snap.ranked[k]); });
}

void StoryService::Changed(const std::string& id,
                           std::shared_ptr<const pipeline::AnalyzedDoc> doc) {
  pending_[id] = std::move(doc);
  since_full_.insert(id);
  last_write_ = absl::Now();
}

namespace {

// So many changes that clustering everything costs less than clustering
// the stories they touch.
bool TooManyToUpdate(size_t changes, size_t articles) {
  return changes >= articles / 8;
}

}  // namespace

bool StoryService::WholeRecluster() const {
  return !LocalUpdates() ||
         TooManyToUpdate(pending_.size(), snapshot_->doc_index.size());
}

void StoryService::UpdateLoop() {
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      auto work = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        return stop_ || !pending_.empty() || full_result_ != nullptr;
      };
      mu_.Await(absl::Condition(&work));
      if (stop_) return;
    }
    // Let a burst of writes land so one update covers them all.
    std::this_thread::sleep_for(
        std::chrono::milliseconds(options_.debounce_ms));
    {
      // A burst too large to update in place waits until the last whole
      // recluster's pause is over: under bulk ingest reclustering then
      // takes at most 1 / (1 + backoff) of the time.
      // One that arrives while a full recluster runs waits for it rather
      // than run a second one beside it.
      absl::MutexLock lock(&mu_);
      if (!full_result_ && WholeRecluster()) {
        if (full_running_) {
          auto done = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
            return stop_ || !full_running_;
          };
          mu_.Await(absl::Condition(&done));
          continue;
        }
        if (absl::Now() < next_whole_) {
          mu_.AwaitWithTimeout(absl::Condition(&stop_),
                               next_whole_ - absl::Now());
          continue;
        }
      }
    }
    std::shared_ptr<const Snapshot> base;
    std::shared_ptr<Snapshot> full;
    Changes changes;
    pipeline::IncrementalIndex::Entries entries;  // for a whole recluster
    story::StemDf stem_df;
    int documents = 0;
    uint64_t generation = 0;
    bool whole = false;
    {
      absl::MutexLock lock(&mu_);
      generation = generation_;
      if (full_result_) {
        // Everything changed since the full recluster began goes on top.
        full = std::move(full_result_);
        for (const std::string& id : since_full_) changes[id] = index_.Find(id);
        pending_.clear();
        whole = TooManyToUpdate(changes.size(), full->doc_index.size());
      } else {
        whole = WholeRecluster();
        changes.swap(pending_);
      }
      if (whole) {  // what changed is too much to update in place
        full = nullptr;
        changes.clear();
        entries = index_.entries();
        whole_running_ = true;
      }
      stem_df = index_.stem_df();
      documents = static_cast<int>(index_.size());
      base = full ? full : snapshot_;
    }
    std::shared_ptr<Snapshot> next;
    if (whole) {
      next = Build(std::move(entries), std::move(stem_df), generation);
      Finish(*next, nullptr);
    } else if (full && changes.empty()) {
      next = std::move(full);  // finished by the rebuilder
    } else {
      const auto start = std::chrono::steady_clock::now();
      next = UpdateLocally(*base, changes, stem_df, documents,
                           options_.pipeline, options_.threads);
      next->cluster_seconds = std::chrono::duration<double>(
                                  std::chrono::steady_clock::now() - start)
                                  .count();
      Finish(*next, full ? nullptr : base.get());
    }
    next->generation = generation;
    absl::MutexLock lock(&mu_);
    const double share =
        static_cast<double>(next->changed_since_full) /
        static_cast<double>(std::max<size_t>(next->full_size, 1000));
    if (share >= options_.full_share) full_requested_ = true;
    if (whole) {
      whole_running_ = false;
      full_requested_ = false;  // this one is exact
      next_whole_ =
          absl::Now() + absl::Seconds(options_.backoff * next->cluster_seconds);
    }
    // The old snapshot is freed after the lock is released, so waiting
    // writers are answered first.
    base = std::exchange(snapshot_, std::move(next));
  }
}

void StoryService::RebuildLoop() {
  while (true) {
    pipeline::IncrementalIndex::Entries entries;
    story::StemDf stem_df;
    uint64_t generation = 0;
    {
      absl::MutexLock lock(&mu_);
      auto due = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
        if (stop_) return true;
        if (full_result_ || whole_running_ || absl::Now() < next_full_) {
          return false;
        }
        if (full_requested_) return true;
        const bool quiet =
            absl::Now() - last_write_ >= absl::Milliseconds(options_.settle_ms);
        return quiet && pending_.empty() && !snapshot_->exact;
      };
      // Quiet periods end by the clock, not by a write: look again often.
      while (!mu_.AwaitWithTimeout(absl::Condition(&due),
                                   absl::Milliseconds(50))) {
      }
      if (stop_) return;
      full_requested_ = false;
      full_running_ = true;
      since_full_.clear();
      entries = index_.entries();  // shared values: copies pointers only
      stem_df = index_.stem_df();
      generation = generation_;
    }
    auto full = Build(std::move(entries), std::move(stem_df), generation);
    Finish(*full, nullptr);
    absl::MutexLock lock(&mu_);
    next_full_ =
        absl::Now() + absl::Seconds(options_.backoff * full->cluster_seconds);
    full_result_ = std::move(full);
    full_running_ = false;
  }
}

std::shared_ptr<const Snapshot> StoryService::Settle() {
  absl::MutexLock lock(&mu_);
  if (!snapshot_) return nullptr;
  const uint64_t generation = generation_;
  if (snapshot_->exact && snapshot_->generation >= generation) {
    return snapshot_;
  }
  if (LocalUpdates()) full_requested_ = true;
  next_full_ = absl::Now();
  auto done = [&]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return stop_ || (snapshot_->exact && snapshot_->generation >= generation);
  };
  mu_.Await(absl::Condition(&done));
  return snapshot_;
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
  std::vector<std::shared_ptr<const pipeline::AnalyzedDoc>> docs;
  for (const int i : positions) {
    docs.push_back(
        std::make_shared<const pipeline::AnalyzedDoc>(*std::move(analysed[i])));
  }
  absl::StatusOr<std::vector<store::PutResult>> stored;
  uint64_t generation = 0;
  {
    absl::MutexLock write_lock(&write_mu_);
    stored = store_.Put(usable);
    if (!stored.ok()) return stored.status();
    absl::MutexLock lock(&mu_);
    for (const auto& doc : docs) {
      index_.Upsert(doc);
      Changed(doc->doc.id, doc);
    }
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
                                    const pipeline::AnalyzedDoc& doc,
                                    PutOutcome& outcome) const {
  const PipelineOptions& po = options_.pipeline;
  if (!po.run_clustering) return;
  if (!snap.nearest) return;
  const auto match =
      snap.nearest->Find(doc.counts, doc.doc.published, [&](int d) {
        return d < static_cast<int>(snap.analysed.size()) && snap.analysed[d];
      });
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
    Changed(id, nullptr);
    generation = ++generation_;
  }
  if (wait) WaitFor(generation);
  return true;
}

}  // namespace storyline::server
