// A corpus analysed once and kept on disk, for RunBoundedPipeline: memory
// holds an index entry per article and the corpus statistics, the spill
// file holds everything else.
#pragma once

#include <climits>
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "cluster/vectors.h"
#include "pipeline/incremental.h"
#include "pipeline/spill.h"
#include "story/corpus.h"
#include "storyline/errors.h"
#include "storyline/options.h"
#include "storyline/pipeline.h"

namespace storyline::pipeline {

inline constexpr int32_t kUndatedDay = INT32_MIN;

class SpilledCorpus {
 public:
  using DocPtr = std::shared_ptr<const AnalyzedDoc>;

  SpilledCorpus(const PipelineOptions& options, ErrorSink& errors,
                SpillFile& spill);

  // Cleans, analyses and spills a batch. Of several articles with one id,
  // in this batch or an earlier one, the one with the smallest body hash
  // is kept, as SortAndDropRepeatedIds keeps it, whatever the order.
  absl::Status Add(std::vector<Article> batch, PipelineTimings& timings);

  // Entries of the kept articles: undated first, then by day (then by id
  // hash, an order that does not depend on the input's).
  std::vector<int> InDateOrder() const;
  // Days since 1970-01-01, or kUndatedDay.
  int32_t day(int entry) const { return entries_[entry].day; }
  absl::StatusOr<std::vector<DocPtr>> Load(std::span<const int> entries) const;
  // Puts `now` in place of `was` as the document of `entry` (the
  // repeated-line rule cleaned it further); the statistics follow.
  absl::Status Replace(int entry, const AnalyzedDoc& was,
                       const AnalyzedDoc& now);

  size_t kept() const { return kept_; }
  const cluster::IdfTable& idf() const { return idf_; }
  story::StemDf& stem_df() { return stem_df_; }

 private:
  // What stays in memory of one article id.
  struct Entry {
    uint64_t id_hash = 0;
    uint64_t body_hash = 0;
    SpillFile::Place place;  // bytes == 0: no record (skipped or replaced)
    int32_t day = kUndatedDay;
  };

  // The entry `article` goes to, or -1 when an earlier copy of its id wins.
  absl::StatusOr<int> Admit(const Article& article);
  absl::StatusOr<std::string> IdOf(int entry) const;
  absl::Status Forget(int entry);
  void Count(const AnalyzedDoc& doc, int delta);

  const PipelineOptions& options_;
  const int threads_;
  ErrorSink& errors_;
  SpillFile& spill_;

  std::vector<Entry> entries_;
  absl::flat_hash_map<uint64_t, int> by_id_hash_;
  std::map<std::string, int> colliding_ids_;  // ids sharing a hash
  absl::flat_hash_map<int, std::string> recordless_ids_;
  size_t kept_ = 0;
  cluster::IdfTable idf_;
  story::StemDf stem_df_;
};

}  // namespace storyline::pipeline
