#include "pipeline/spilled_corpus.h"

#include <algorithm>
#include <chrono>

#include "base/parallel.h"
#include "cluster/similarity.h"
#include "pipeline/stages.h"
#include "text/analyzer.h"
#include "xxhash.h"

namespace storyline::pipeline {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

SpilledCorpus::SpilledCorpus(const PipelineOptions& options, ErrorSink& errors,
                             SpillFile& spill)
    : options_(options),
      threads_(ResolveThreads(options.threads)),
      errors_(errors),
      spill_(spill) {}

void SpilledCorpus::Count(const AnalyzedDoc& doc, int delta) {
  if (delta > 0) {
    idf_.Add(doc.counts);
  } else {
    idf_.Remove(doc.counts);
  }
  CountStems(doc, delta, stem_df_);
}

absl::StatusOr<std::string> SpilledCorpus::IdOf(int entry) const {
  if (entries_[entry].place.bytes == 0) return recordless_ids_.at(entry);
  auto doc = spill_.Read(entries_[entry].place);
  if (!doc.ok()) return doc.status();
  return std::move(doc->doc.id);
}

absl::Status SpilledCorpus::Forget(int entry) {
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
absl::StatusOr<int> SpilledCorpus::Admit(const Article& article) {
  const uint64_t id_hash = XXH3_64bits(article.id.data(), article.id.size());
  const uint64_t body_hash = BodyHash(article);
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

absl::Status SpilledCorpus::Add(std::vector<Article> batch,
                                PipelineTimings& timings) {
  auto start = std::chrono::steady_clock::now();
  SortAndDropRepeatedIds(batch, errors_);
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
  auto docs = CleanArticles(std::move(admitted), options_, threads_, errors_);
  timings.clean_s += SecondsSince(start);
  start = std::chrono::steady_clock::now();

  const std::vector<AnalyzedDoc> analysed =
      AnalyzeEach(std::move(docs), options_, threads_);
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
                             : kUndatedDay;
    Count(doc, +1);
    ++kept_;
  }
  timings.analyze_s += SecondsSince(start);
  return absl::OkStatus();
}

absl::StatusOr<std::vector<SpilledCorpus::DocPtr>> SpilledCorpus::Load(
    std::span<const int> entries) const {
  std::vector<DocPtr> docs(entries.size());
  std::vector<absl::Status> failures(entries.size());
  ParallelFor(static_cast<int>(entries.size()), threads_, 64, [&](int, int i) {
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

std::vector<int> SpilledCorpus::InDateOrder() const {
  std::vector<int> order;
  order.reserve(kept_);
  for (int i = 0; i < static_cast<int>(entries_.size()); ++i) {
    if (entries_[i].place.bytes != 0) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    if (entries_[a].day != entries_[b].day) {
      return entries_[a].day < entries_[b].day;
    }
    return entries_[a].id_hash < entries_[b].id_hash;
  });
  return order;
}

absl::Status SpilledCorpus::Replace(int entry, const AnalyzedDoc& was,
                                    const AnalyzedDoc& now) {
  auto place = spill_.Append(now);
  if (!place.ok()) return place.status();
  entries_[entry].place = *place;
  Count(was, -1);
  Count(now, +1);
  return absl::OkStatus();
}

}  // namespace storyline::pipeline
