// RunBoundedPipeline: the batch pipeline over a corpus kept on disk,
// clustered a date-ordered segment at a time.
#include <algorithm>
#include <chrono>
#include <climits>
#include <map>

#include "absl/container/flat_hash_map.h"
#include "base/parallel.h"
#include "cluster/similarity.h"
#include "pipeline/incremental.h"
#include "pipeline/spill.h"
#include "pipeline/stages.h"
#include "story/teller.h"
#include "storyline/pipeline.h"
#include "xxhash.h"

namespace storyline {
namespace {

using pipeline::AnalyzedDoc;
using pipeline::SpillFile;
using DocPtr = std::shared_ptr<const AnalyzedDoc>;

constexpr int32_t kUndated = INT32_MIN;

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                       start)
      .count();
}

// What stays in memory of one article id.
struct Entry {
  uint64_t id_hash = 0;
  uint64_t body_hash = 0;
  SpillFile::Place place;  // bytes == 0: no record (skipped or replaced)
  int32_t day = kUndated;
};

class BoundedRun {
 public:
  BoundedRun(const PipelineOptions& options, const BoundedOptions& bounded,
             ErrorSink& errors, StorySink& sink, SpillFile& spill)
      : options_(options),
        bounded_(bounded),
        threads_(ResolveThreads(options.threads)),
        errors_(errors),
        sink_(sink),
        spill_(spill) {}

  absl::Status Ingest(std::vector<Article> batch);
  absl::Status ClusterAll();
  BoundedSummary& summary() { return summary_; }

 private:
  // The entry `article` goes to, or -1 when an earlier copy of its id wins.
  absl::StatusOr<int> Admit(const Article& article);
  absl::StatusOr<std::string> IdOf(int entry) const;
  absl::Status Forget(int entry);
  void Count(const AnalyzedDoc& doc, int delta);
  absl::StatusOr<std::vector<DocPtr>> Load(std::span<const int> entries);
  absl::Status Segment(std::span<const int> fresh, std::vector<DocPtr>& carried,
                       std::optional<int32_t> next_day);

  const PipelineOptions& options_;
  const BoundedOptions& bounded_;
  const int threads_;
  ErrorSink& errors_;
  StorySink& sink_;
  SpillFile& spill_;

  std::vector<Entry> entries_;
  absl::flat_hash_map<uint64_t, int> by_id_hash_;
  std::map<std::string, int> colliding_ids_;  // ids sharing a hash
  absl::flat_hash_map<int, std::string> recordless_ids_;
  size_t kept_ = 0;
  cluster::IdfTable idf_;
  story::StemDf stem_df_;
  BoundedSummary summary_;
};

void BoundedRun::Count(const AnalyzedDoc& doc, int delta) {
  if (delta > 0) {
    idf_.Add(doc.counts);
  } else {
    idf_.Remove(doc.counts);
  }
  for (const uint64_t key : doc.content_stems) {
    auto it = stem_df_.try_emplace(key, 0).first;
    it->second += delta;
    if (it->second == 0) stem_df_.erase(it);
  }
}

absl::StatusOr<std::string> BoundedRun::IdOf(int entry) const {
  if (entries_[entry].place.bytes == 0) return recordless_ids_.at(entry);
  auto doc = spill_.Read(entries_[entry].place);
  if (!doc.ok()) return doc.status();
  return std::move(doc->doc.id);
}

absl::Status BoundedRun::Forget(int entry) {
  Entry& e = entries_[entry];
  if (e.place.bytes != 0) {
    auto doc = spill_.Read(e.place);
    if (!doc.ok()) return doc.status();
    Count(*doc, -1);
    --kept_;
    recordless_ids_[entry] = std::move(doc->doc.id);
  }
  e.place = {};
  return absl::OkStatus();
}

// As SortAndDropRepeatedIds across batches: of several articles with one
// id, the one with the smallest body hash is kept, whatever the order.
absl::StatusOr<int> BoundedRun::Admit(const Article& article) {
  const uint64_t id_hash = XXH3_64bits(article.id.data(), article.id.size());
  const uint64_t body_hash = pipeline::BodyHash(article);
  int found = -1;
  if (auto it = colliding_ids_.find(article.id); it != colliding_ids_.end()) {
    found = it->second;
  } else if (auto jt = by_id_hash_.find(id_hash); jt != by_id_hash_.end()) {
    auto id = IdOf(jt->second);
    if (!id.ok()) return id.status();
    if (*id == article.id) found = jt->second;
  }
  if (found < 0) {
    const int entry = static_cast<int>(entries_.size());
    Entry& added = entries_.emplace_back();
    added.id_hash = id_hash;
    added.body_hash = body_hash;
    recordless_ids_[entry] = article.id;  // until it is spilled
    if (!by_id_hash_.try_emplace(id_hash, entry).second) {
      colliding_ids_[article.id] = entry;
    }
    return entry;
  }
  errors_.Report({article.id, "repeated article id, later copy skipped"});
  if (body_hash >= entries_[found].body_hash) return -1;
  if (auto status = Forget(found); !status.ok()) return status;
  entries_[found].body_hash = body_hash;
  return found;
}

absl::Status BoundedRun::Ingest(std::vector<Article> batch) {
  auto start = std::chrono::steady_clock::now();
  pipeline::SortAndDropRepeatedIds(batch, errors_);
  std::vector<Article> admitted;
  std::vector<int> slots;
  for (Article& article : batch) {
    auto slot = Admit(article);
    if (!slot.ok()) return slot.status();
    if (*slot < 0) continue;
    slots.push_back(*slot);
    admitted.push_back(std::move(article));
  }
  std::vector<std::string> ids(admitted.size());
  for (size_t i = 0; i < admitted.size(); ++i) ids[i] = admitted[i].id;
  auto docs =
      pipeline::CleanArticles(std::move(admitted), options_, threads_, errors_);
  summary_.timings.clean_s += SecondsSince(start);
  start = std::chrono::steady_clock::now();

  std::vector<std::unique_ptr<text::Analyzer>> analyzers(threads_);
  std::vector<AnalyzedDoc> analysed(docs.size());
  ParallelFor(static_cast<int>(docs.size()), threads_, 16,
              [&](int worker, int i) {
                auto& analyzer = analyzers[worker];
                if (!analyzer) analyzer = std::make_unique<text::Analyzer>();
                analysed[i] = pipeline::AnalyzeDocument(std::move(docs[i]),
                                                        *analyzer, options_);
              });
  // Documents come back in id order, without the ones cleaning skipped.
  size_t next = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    const int slot = slots[i];
    if (next == analysed.size() || analysed[next].doc.id != ids[i]) {
      recordless_ids_[slot] = ids[i];
      continue;
    }
    const AnalyzedDoc& doc = analysed[next++];
    auto place = spill_.Append(doc);
    if (!place.ok()) return place.status();
    recordless_ids_.erase(slot);
    entries_[slot].place = *place;
    entries_[slot].day = doc.doc.published
                             ? cluster::DayNumber(*doc.doc.published)
                             : kUndated;
    Count(doc, +1);
    ++kept_;
  }
  summary_.timings.analyze_s += SecondsSince(start);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<DocPtr>> BoundedRun::Load(
    std::span<const int> entries) {
  std::vector<DocPtr> docs(entries.size());
  std::vector<absl::Status> failures(entries.size());
  ParallelFor(static_cast<int>(entries.size()), threads_, 64,
              [&](int, int i) {
                auto doc = spill_.Read(entries_[entries[i]].place);
                if (doc.ok()) {
                  docs[i] = std::make_shared<const AnalyzedDoc>(*std::move(doc));
                } else {
                  failures[i] = doc.status();
                }
              });
  for (const auto& status : failures) {
    if (!status.ok()) return status;
  }
  return docs;
}

int32_t NewestDay(const Cluster& story, std::span<const Document> docs) {
  int32_t newest = kUndated;
  for (const int d : story.docs) {
    if (docs[d].published) {
      newest = std::max<int32_t>(newest, cluster::DayNumber(*docs[d].published));
    }
  }
  return newest;
}

// Clusters the `fresh` entries with the `carried` documents of stories
// still open, hands the stories that can no longer grow to the sink and
// leaves the members of the others in `carried`. Without `next_day`,
// every story closes.
absl::Status BoundedRun::Segment(std::span<const int> fresh,
                                 std::vector<DocPtr>& carried,
                                 std::optional<int32_t> next_day) {
  auto start = std::chrono::steady_clock::now();
  auto loaded = Load(fresh);
  if (!loaded.ok()) return loaded.status();
  pipeline::IncrementalIndex::Entries added;
  for (DocPtr& doc : *loaded) added.emplace(doc->doc.id, std::move(doc));
  loaded->clear();
  // The repeated-line rule, on this segment's new articles; the corpus
  // statistics follow the documents it changes.
  std::vector<DocPtr> before;
  for (const auto& [id, doc] : added) before.push_back(doc);
  pipeline::DropRepeatedLines(added, stem_df_, options_, threads_);
  size_t k = 0;
  for (const auto& [id, doc] : added) {
    if (doc != before[k]) {
      idf_.Remove(before[k]->counts);
      idf_.Add(doc->counts);
    }
    ++k;
  }
  before.clear();
  for (DocPtr& doc : carried) added.emplace(doc->doc.id, std::move(doc));
  carried.clear();

  std::vector<const AnalyzedDoc*> analysed;
  std::vector<DocPtr> owners;
  for (auto& [id, doc] : added) {
    analysed.push_back(doc.get());
    owners.push_back(std::move(doc));
  }
  added.clear();
  const int n = static_cast<int>(analysed.size());
  std::vector<cluster::SparseVector> vectors;
  if (options_.run_clustering) {
    vectors.resize(n);
    ParallelFor(n, threads_, 64, [&](int, int i) {
      vectors[i] = WeightTerms(analysed[i]->counts, idf_, options_.cluster);
    });
  }
  std::vector<Document> docs;
  docs.reserve(n);
  for (const AnalyzedDoc* a : analysed) docs.push_back(a->doc);
  PipelineResult result = pipeline::ClusterAnalysed(
      analysed, docs, vectors, options_, threads_, kept_);
  vectors.clear();
  result.docs = std::move(docs);
  summary_.timings.cluster_s += SecondsSince(start);
  start = std::chrono::steady_clock::now();

  // A story stays open while a later article could still be linked to it.
  std::vector<Cluster> closed, open;
  for (Cluster& story : result.clusters) {
    const int32_t newest = NewestDay(story, result.docs);
    const bool can_grow = next_day && newest != kUndated &&
                          int64_t{newest} + bounded_.horizon_days >= *next_day;
    (can_grow ? open : closed).push_back(std::move(story));
  }
  // A story open for long would hold ever more of memory: past one
  // segment's worth, the open stories whose newest article is oldest are
  // closed.
  std::stable_sort(open.begin(), open.end(), [&](const auto& a, const auto& b) {
    return NewestDay(a, result.docs) > NewestDay(b, result.docs);
  });
  size_t carry = 0, keep = 0;
  for (; keep < open.size(); ++keep) {
    carry += open[keep].docs.size();
    if (carry > bounded_.segment_articles && keep > 0) break;
  }
  for (size_t i = keep; i < open.size(); ++i) {
    closed.push_back(std::move(open[i]));
  }
  open.resize(keep);
  for (const Cluster& story : open) {
    for (const int d : story.docs) carried.push_back(owners[d]);
  }
  owners.clear();
  analysed.clear();
  // The sink sees closed stories in the order RunPipeline lists them.
  std::sort(closed.begin(), closed.end(), [&](const auto& a, const auto& b) {
    if (a.docs.size() != b.docs.size()) return a.docs.size() > b.docs.size();
    return a.docs.front() < b.docs.front();
  });
  if (options_.synthesize) {
    result.stories = story::TellStories(
        {.docs = result.docs, .copies = result.copies, .events = result.events},
        stem_df_, static_cast<int>(kept_), closed, options_.story, threads_);
  }
  for (const Cluster& story : closed) {
    summary_.events += story.events.size();
    summary_.articles += story.docs.size();
  }
  summary_.stories += closed.size();
  ++summary_.segments;
  result.clusters = std::move(closed);
  auto status = sink_.Take(result);
  summary_.timings.story_s += SecondsSince(start);
  return status;
}

absl::Status BoundedRun::ClusterAll() {
  std::vector<int> order;
  order.reserve(kept_);
  for (int i = 0; i < static_cast<int>(entries_.size()); ++i) {
    if (entries_[i].place.bytes != 0) order.push_back(i);
  }
  // Segments are whole days (unless one day alone is over twice a
  // segment), so the order within a day does not matter.
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    if (entries_[a].day != entries_[b].day) {
      return entries_[a].day < entries_[b].day;
    }
    return entries_[a].id_hash < entries_[b].id_hash;
  });
  const size_t size = std::max<size_t>(1, bounded_.segment_articles);
  std::vector<DocPtr> carried;
  if (order.size() <= size) return Segment(order, carried, std::nullopt);
  const std::span<const int> all(order);
  size_t pos = 0;
  // Undated articles cannot be placed in time: among themselves only.
  while (pos < all.size() && entries_[all[pos]].day == kUndated) {
    size_t end = pos;
    while (end < all.size() && end - pos < size &&
           entries_[all[end]].day == kUndated) {
      ++end;
    }
    if (auto s = Segment(all.subspan(pos, end - pos), carried, std::nullopt);
        !s.ok()) {
      return s;
    }
    pos = end;
  }
  while (pos < all.size()) {
    const size_t take = std::max(size - std::min(size, carried.size()),
                                 size / 4 + 1);
    size_t end = std::min(all.size(), pos + take);
    while (end < all.size() && end - pos < 2 * size &&
           entries_[all[end]].day == entries_[all[end - 1]].day) {
      ++end;
    }
    std::optional<int32_t> next_day;
    if (end < all.size()) next_day = entries_[all[end]].day;
    if (auto s = Segment(all.subspan(pos, end - pos), carried, next_day);
        !s.ok()) {
      return s;
    }
    pos = end;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<BoundedSummary> RunBoundedPipeline(
    const std::vector<std::string>& inputs, const IngestOptions& ingest,
    const PipelineOptions& options, const BoundedOptions& bounded,
    ErrorSink& errors, StorySink& sink) {
  auto spill = SpillFile::Create(bounded.spill_dir, "articles");
  if (!spill.ok()) return spill.status();
  BoundedRun run(options, bounded, errors, sink, **spill);
  absl::Status failure;
  StreamArticles(inputs, ingest, errors, bounded.read_batch_bytes,
                 [&](std::vector<Article> batch) {
                   if (failure.ok()) failure = run.Ingest(std::move(batch));
                 });
  if (!failure.ok()) return failure;
  if (auto status = run.ClusterAll(); !status.ok()) return status;
  run.summary().spilled_bytes = (*spill)->size();
  return run.summary();
}

}  // namespace storyline
