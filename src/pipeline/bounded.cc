// RunBoundedPipeline: the batch pipeline over a corpus kept on disk,
// clustered a date-ordered segment at a time.
#include <algorithm>
#include <chrono>
#include <map>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "base/parallel.h"
#include "cluster/clusterer.h"
#include "cluster/similarity.h"
#include "pipeline/incremental.h"
#include "pipeline/spill.h"
#include "pipeline/spilled_corpus.h"
#include "story/teller.h"
#include "storyline/pipeline.h"

namespace storyline {
namespace {

using pipeline::AnalyzedDoc;
using pipeline::SpillFile;
using DocPtr = std::shared_ptr<const AnalyzedDoc>;

constexpr int32_t kUndated = pipeline::kUndatedDay;

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

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
        sink_(sink),
        corpus_(options, errors, spill) {}

  absl::Status Ingest(std::vector<Article> batch) {
    return corpus_.Add(std::move(batch), summary_.timings);
  }
  absl::Status ClusterAll();
  BoundedSummary& summary() { return summary_; }

 private:
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
  StorySink& sink_;
  pipeline::SpilledCorpus corpus_;
  std::vector<Carried> carried_;
  std::vector<OpenStory> open_;
  BoundedSummary summary_;
};

int32_t NewestDay(std::span<const int> members,
                  std::span<const Document> docs) {
  int32_t newest = kUndated;
  for (const int d : members) {
    if (docs[d].published) {
      newest =
          std::max<int32_t>(newest, cluster::DayNumber(*docs[d].published));
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
  // In id order, as the map below iterates: the two walk in step.
  std::sort(fresh.begin(), fresh.end(), [](const Carried& a, const Carried& b) {
    return a.doc->doc.id < b.doc->doc.id;
  });
  pipeline::IncrementalIndex::Entries by_id;
  for (const Carried& slot : fresh) by_id.emplace(slot.doc->doc.id, slot.doc);
  // Not counted here: the corpus follows its statistics in Replace.
  pipeline::DropRepeatedLines(by_id, nullptr, options_, threads_);
  size_t i = 0;
  for (auto& [id, doc] : by_id) {
    Carried& slot = fresh[i++];
    if (doc == slot.doc) continue;
    if (auto status = corpus_.Replace(slot.entry, *slot.doc, *doc);
        !status.ok()) {
      return status;
    }
    slot.doc = std::move(doc);
  }
  return absl::OkStatus();
}

absl::Status BoundedRun::Tell(PipelineResult& result) {
  if (options_.synthesize) {
    result.stories = story::TellStories(
        {.docs = result.docs, .copies = result.copies, .events = result.events},
        corpus_.stem_df(), static_cast<int>(corpus_.kept()), result.clusters,
        options_.story, threads_);
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
  std::vector<size_t> story_end;  // members[story_end[s-1], story_end[s])
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
    story_end.push_back(members.size());
  }
  std::vector<int> wanted;
  for (const auto& [entry, event] : members) wanted.push_back(entry);
  auto loaded = corpus_.Load(wanted);
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
  size_t at = 0;
  for (const size_t end : story_end) {
    Cluster story;
    std::set<int> events;
    for (; at < end; ++at) {
      story.docs.push_back(index_of_entry.at(members[at].first));
      events.insert(event_index.at(members[at].second));
    }
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
  auto loaded = corpus_.Load(fresh);
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
  PipelineResult result = pipeline::ClusterUnderIdf(
      analysed, corpus_.idf(), options_, threads_, corpus_.kept());
  summary_.timings.cluster_s += SecondsSince(start);
  start = std::chrono::steady_clock::now();

  // The retired events of a story open before go to the story that now
  // holds most of its carried documents.
  const size_t stories = result.clusters.size();
  std::vector<int> story_of(n);
  for (size_t c = 0; c < stories; ++c) {
    for (const int d : result.clusters[c].docs)
      story_of[d] = static_cast<int>(c);
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
  std::vector<int32_t> event_newest(result.events.size());
  for (size_t e = 0; e < result.events.size(); ++e) {
    event_newest[e] = NewestDay(result.events[e].docs, result.docs);
    event_open[e] = can_grow(event_newest[e]);
  }
  std::vector<int> open;
  std::vector<int32_t> newest(stories, kUndated);
  std::vector<size_t> recent(stories, 0);  // documents it would carry
  for (size_t c = 0; c < stories; ++c) {
    for (const int e : result.clusters[c].events) {
      newest[c] = std::max(newest[c], event_newest[e]);
    }
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
  if (auto status =
          TellWithRetired(result, entry_of, std::move(closed_with_retired),
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
  // Segments are whole days (unless one day alone is over twice a
  // segment), so the order within a day does not matter.
  const std::vector<int> order = corpus_.InDateOrder();
  const size_t size = std::max<size_t>(1, bounded_.segment_articles);
  if (order.size() <= size) return Segment(order, std::nullopt);
  const std::span<const int> all(order);
  size_t pos = 0;
  while (pos < all.size()) {
    const size_t take =
        std::max(size - std::min(size, carried_.size()), size / 4 + 1);
    size_t end = std::min(all.size(), pos + take);
    while (end < all.size() && end - pos < 2 * size &&
           corpus_.day(all[end]) == corpus_.day(all[end - 1])) {
      ++end;
    }
    std::optional<int32_t> next_day;
    if (end < all.size()) next_day = corpus_.day(all[end]);
    if (auto s = Segment(all.subspan(pos, end - pos), next_day); !s.ok()) {
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
