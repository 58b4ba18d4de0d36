// RunBoundedPipeline: the batch pipeline over a corpus kept on disk,
// clustered a date-ordered segment at a time.
#include <algorithm>
#include <chrono>
#include <climits>
#include <map>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "base/parallel.h"
#include "cluster/clusterer.h"
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

// A document of a story still open, kept in memory for the next segment.
struct Carried {
  DocPtr doc;
  int entry = 0;
  int story = 0;  // index into BoundedRun::open_
};

// An event of an open story that can gain no more articles: only its
// members' entries stay in memory, until the story is told.
struct RetiredEvent {
  std::string id;
  std::vector<int> entries;
};

struct OpenStory {
  std::vector<RetiredEvent> retired;
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
  absl::Status DropRepeatedLines(std::vector<Carried>& fresh);
  absl::Status Segment(std::span<const int> fresh,
                       std::optional<int32_t> next_day);
  absl::Status Tell(PipelineResult& result);
  absl::Status TellWithRetired(const PipelineResult& segment,
                               std::span<const int> entry_of,
                               std::vector<Cluster> stories,
                               std::vector<std::vector<RetiredEvent>> retired);

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
  std::vector<Carried> carried_;
  std::vector<OpenStory> open_;
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

int32_t NewestDay(std::span<const int> members,
                  std::span<const Document> docs) {
  int32_t newest = kUndated;
  for (const int d : members) {
    if (docs[d].published) {
      newest = std::max<int32_t>(newest, cluster::DayNumber(*docs[d].published));
    }
  }
  return newest;
}

// Largest first, then by smallest member: the order RunPipeline lists
// stories in (members are in id order).
void SortStories(std::vector<Cluster>& stories) {
  std::stable_sort(stories.begin(), stories.end(),
                   [](const auto& a, const auto& b) {
                     if (a.docs.size() != b.docs.size()) {
                       return a.docs.size() > b.docs.size();
                     }
                     return a.docs.front() < b.docs.front();
                   });
}

// The repeated-line rule on a segment's new articles. The corpus
// statistics follow the documents it changes, and the changed documents
// are spilled again, so that a story told later reads them cleaned.
absl::Status BoundedRun::DropRepeatedLines(std::vector<Carried>& fresh) {
  pipeline::IncrementalIndex::Entries by_id;
  absl::flat_hash_map<std::string_view, size_t> position;
  for (size_t i = 0; i < fresh.size(); ++i) {
    by_id.emplace(fresh[i].doc->doc.id, fresh[i].doc);
    position[fresh[i].doc->doc.id] = i;
  }
  pipeline::DropRepeatedLines(by_id, stem_df_, options_, threads_);
  for (auto& [id, doc] : by_id) {
    Carried& slot = fresh[position.at(id)];
    if (doc == slot.doc) continue;
    idf_.Remove(slot.doc->counts);
    idf_.Add(doc->counts);
    auto place = spill_.Append(*doc);
    if (!place.ok()) return place.status();
    entries_[slot.entry].place = *place;
    slot.doc = std::move(doc);
  }
  return absl::OkStatus();
}

absl::Status BoundedRun::Tell(PipelineResult& result) {
  if (options_.synthesize) {
    result.stories = story::TellStories(
        {.docs = result.docs, .copies = result.copies, .events = result.events},
        stem_df_, static_cast<int>(kept_), result.clusters, options_.story,
        threads_);
  }
  for (const Cluster& story : result.clusters) {
    summary_.events += story.events.size();
    summary_.articles += story.docs.size();
  }
  summary_.stories += result.clusters.size();
  return sink_.Take(result);
}

// Stories with retired events: their members from this segment and from
// the spill, with the copies among them found again, told together.
absl::Status BoundedRun::TellWithRetired(
    const PipelineResult& segment, std::span<const int> entry_of,
    std::vector<Cluster> stories,
    std::vector<std::vector<RetiredEvent>> retired) {
  if (stories.empty()) return absl::OkStatus();
  // Every member as (entry, event id); events listed by their members.
  std::vector<std::pair<int, std::string>> members;
  for (size_t s = 0; s < stories.size(); ++s) {
    for (const int e : stories[s].events) {
      for (const int d : segment.events[e].docs) {
        members.emplace_back(entry_of[d], segment.events[e].id);
      }
    }
    for (const RetiredEvent& event : retired[s]) {
      for (const int entry : event.entries) {
        members.emplace_back(entry, event.id);
      }
    }
  }
  std::vector<int> wanted;
  for (const auto& [entry, event] : members) wanted.push_back(entry);
  auto loaded = Load(wanted);
  if (!loaded.ok()) return loaded.status();
  std::vector<int> order(members.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return (*loaded)[a]->doc.id < (*loaded)[b]->doc.id;
  });
  PipelineResult told;
  std::vector<const AnalyzedDoc*> analysed;
  absl::flat_hash_map<int, int> index_of_entry;
  for (const int i : order) {
    index_of_entry[members[i].first] = static_cast<int>(told.docs.size());
    analysed.push_back((*loaded)[i].get());
    told.docs.push_back((*loaded)[i]->doc);
  }
  if (options_.find_copies) {
    PipelineOptions copies_only = options_;
    copies_only.run_clustering = false;
    told.copies = pipeline::ClusterAnalysed(analysed, told.docs, {},
                                            copies_only, threads_)
                      .copies;
  }
  // Events by smallest member, as the clusterer orders them.
  std::map<std::string, std::vector<int>> event_docs;
  for (const auto& [entry, event] : members) {
    event_docs[event].push_back(index_of_entry.at(entry));
  }
  std::vector<std::pair<int, std::string>> by_first;
  for (auto& [id, docs] : event_docs) {
    std::sort(docs.begin(), docs.end());
    by_first.emplace_back(docs.front(), id);
  }
  std::sort(by_first.begin(), by_first.end());
  absl::flat_hash_map<std::string, int> event_index;
  for (auto& [first, id] : by_first) {
    event_index[id] = static_cast<int>(told.events.size());
    told.events.push_back({id, std::move(event_docs[id])});
  }
  // Members were listed story by story: each story's run of them.
  size_t at = 0;
  for (size_t s = 0; s < stories.size(); ++s) {
    size_t count = 0;
    for (const int e : stories[s].events) count += segment.events[e].docs.size();
    for (const RetiredEvent& event : retired[s]) count += event.entries.size();
    Cluster story;
    std::set<int> events;
    for (size_t i = at; i < at + count; ++i) {
      story.docs.push_back(index_of_entry.at(members[i].first));
      events.insert(event_index.at(members[i].second));
    }
    at += count;
    std::sort(story.docs.begin(), story.docs.end());
    story.events.assign(events.begin(), events.end());
    story.id = cluster::ClusterId('s', told.docs[story.docs.front()].id);
    told.clusters.push_back(std::move(story));
  }
  SortStories(told.clusters);
  return Tell(told);
}

// Clusters the `fresh` entries with the carried documents of stories still
// open, tells the stories that can no longer grow and carries the recent
// events of the others over. Without `next_day`, every story closes.
absl::Status BoundedRun::Segment(std::span<const int> fresh,
                                 std::optional<int32_t> next_day) {
  auto start = std::chrono::steady_clock::now();
  auto loaded = Load(fresh);
  if (!loaded.ok()) return loaded.status();
  std::vector<Carried> all(fresh.size());
  for (size_t i = 0; i < fresh.size(); ++i) {
    all[i] = {std::move((*loaded)[i]), fresh[i], -1};
  }
  loaded->clear();
  if (options_.clean.remove_boilerplate) {
    if (auto status = DropRepeatedLines(all); !status.ok()) return status;
  }
  std::move(carried_.begin(), carried_.end(), std::back_inserter(all));
  carried_.clear();
  std::sort(all.begin(), all.end(), [](const Carried& a, const Carried& b) {
    return a.doc->doc.id < b.doc->doc.id;
  });
  const int n = static_cast<int>(all.size());
  std::vector<const AnalyzedDoc*> analysed(n);
  std::vector<int> entry_of(n);
  for (int i = 0; i < n; ++i) {
    analysed[i] = all[i].doc.get();
    entry_of[i] = all[i].entry;
  }
  PipelineResult result = pipeline::ClusterUnderIdf(analysed, idf_, options_,
                                                    threads_, kept_);
  summary_.timings.cluster_s += SecondsSince(start);
  start = std::chrono::steady_clock::now();

  // The retired events of a story open before go to the story that now
  // holds most of its carried documents.
  const size_t stories = result.clusters.size();
  std::vector<int> story_of(n);
  for (size_t c = 0; c < stories; ++c) {
    for (const int d : result.clusters[c].docs) story_of[d] = static_cast<int>(c);
  }
  std::vector<absl::flat_hash_map<int, int>> votes(open_.size());
  for (int d = 0; d < n; ++d) {
    if (all[d].story >= 0) ++votes[all[d].story][story_of[d]];
  }
  std::vector<std::vector<RetiredEvent>> retired(stories);
  for (size_t o = 0; o < open_.size(); ++o) {
    int best = -1, most = 0;
    for (const auto& [c, count] : votes[o]) {
      if (count > most || (count == most && c < best)) best = c, most = count;
    }
    for (RetiredEvent& event : open_[o].retired) {
      retired[best].push_back(std::move(event));
    }
  }
  open_.clear();

  // A story or event stays open while a later article could still be
  // linked to it.
  // Undated articles cannot be placed in time: they stay open to every
  // later segment until a story with dated articles closes over them.
  const auto can_grow = [&](int32_t newest) {
    return next_day && (newest == kUndated ||
                        int64_t{newest} + bounded_.horizon_days >= *next_day);
  };
  std::vector<bool> event_open(result.events.size());
  for (size_t e = 0; e < result.events.size(); ++e) {
    event_open[e] = can_grow(NewestDay(result.events[e].docs, result.docs));
  }
  std::vector<int> open;
  std::vector<int32_t> newest(stories);
  std::vector<size_t> recent(stories, 0);  // documents it would carry
  for (size_t c = 0; c < stories; ++c) {
    newest[c] = NewestDay(result.clusters[c].docs, result.docs);
    if (!can_grow(newest[c])) continue;
    open.push_back(static_cast<int>(c));
    for (const int e : result.clusters[c].events) {
      if (event_open[e]) recent[c] += result.events[e].docs.size();
    }
  }
  // Past a segment's worth of carried documents, the open stories whose
  // newest article is oldest are closed: memory stays bounded.
  std::stable_sort(open.begin(), open.end(),
                   [&](int a, int b) { return newest[a] > newest[b]; });
  std::vector<bool> stays(stories, false);
  size_t carry = 0;
  for (const int c : open) {
    carry += recent[c];
    if (carry > bounded_.segment_articles && c != open.front()) break;
    stays[c] = true;
  }
  std::vector<Cluster> closed, closed_with_retired;
  std::vector<std::vector<RetiredEvent>> their_retired;
  for (size_t c = 0; c < stories; ++c) {
    Cluster& story = result.clusters[c];
    if (!stays[c]) {
      if (retired[c].empty()) {
        closed.push_back(std::move(story));
      } else {
        closed_with_retired.push_back(std::move(story));
        their_retired.push_back(std::move(retired[c]));
      }
      continue;
    }
    // Open: events that can still grow stay in memory, the others retire.
    const int index = static_cast<int>(open_.size());
    OpenStory& kept = open_.emplace_back();
    kept.retired = std::move(retired[c]);
    for (const int e : story.events) {
      const Event& event = result.events[e];
      if (event_open[e]) {
        for (const int d : event.docs) {
          carried_.push_back({std::move(all[d].doc), all[d].entry, index});
        }
      } else {
        RetiredEvent& gone = kept.retired.emplace_back();
        gone.id = event.id;
        for (const int d : event.docs) gone.entries.push_back(all[d].entry);
      }
    }
  }
  all.clear();
  analysed.clear();
  ++summary_.segments;
  if (auto status = TellWithRetired(result, entry_of,
                                    std::move(closed_with_retired),
                                    std::move(their_retired));
      !status.ok()) {
    return status;
  }
  SortStories(closed);
  result.clusters = std::move(closed);
  auto status = Tell(result);
  summary_.timings.story_s += SecondsSince(start);
  return status;
}

absl::Status BoundedRun::ClusterAll() {
  std::vector<int> order;
  order.reserve(kept_);
  for (int i = 0; i < static_cast<int>(entries_.size()); ++i) {
    if (entries_[i].place.bytes != 0) order.push_back(i);
  }
  // Undated articles first, then by day. Segments are whole days (unless
  // one day alone is over twice a segment), so the order within a day
  // does not matter.
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    if (entries_[a].day != entries_[b].day) {
      return entries_[a].day < entries_[b].day;
    }
    return entries_[a].id_hash < entries_[b].id_hash;
  });
  const size_t size = std::max<size_t>(1, bounded_.segment_articles);
  if (order.size() <= size) return Segment(order, std::nullopt);
  const std::span<const int> all(order);
  size_t pos = 0;
  while (pos < all.size()) {
    const size_t take = std::max(size - std::min(size, carried_.size()),
                                 size / 4 + 1);
    size_t end = std::min(all.size(), pos + take);
    while (end < all.size() && end - pos < 2 * size &&
           entries_[all[end]].day == entries_[all[end - 1]].day) {
      ++end;
    }
    std::optional<int32_t> next_day;
    if (end < all.size()) next_day = entries_[all[end]].day;
    if (auto s = Segment(all.subspan(pos, end - pos), next_day);
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
