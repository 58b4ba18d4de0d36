// The whole engine in one call: articles in, stories out.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "storyline/errors.h"
#include "storyline/ingest.h"
#include "storyline/options.h"
#include "storyline/story.h"
#include "storyline/types.h"

namespace storyline {

struct PipelineTimings {
  double clean_s = 0, analyze_s = 0, dedup_s = 0, cluster_s = 0, story_s = 0;
};

struct PipelineResult {
  std::vector<Document> docs;  // sorted by id; all indices below refer here
  std::vector<CopyPair> copies;
  std::vector<Event> events;
  std::vector<Cluster> clusters;  // the stories' memberships
  std::vector<Story> stories;     // parallel to `clusters` when synthesized
  PipelineTimings timings;
};

// Cleans, analyses, deduplicates and clusters `articles`, then tells each
// story. Articles that cannot be used (empty, duplicate id) are reported to
// `errors` and left out. The result does not depend on input order or on
// the number of threads.
PipelineResult RunPipeline(std::vector<Article> articles,
                           const PipelineOptions& options, ErrorSink& errors);

// Corpora larger than memory. Articles are read as a stream, cleaned and
// analysed once, and kept on disk in `spill_dir`; only a small index entry
// per article stays in memory. They are then clustered in date order
// (undated first), a segment of about `segment_articles` at a time, with
// the articles of the stories still open. A story whose newest article is
// more than `horizon_days` before the next segment's first day is closed:
// told, handed to the StorySink and dropped. An open story's events that
// are that old go back to disk; the story keeps them and is told with
// them. Undated articles stay open until a story with dated articles
// closes over them.
//
// When everything fits in one segment the result is RunPipeline's. Beyond
// that it differs: articles more than `horizon_days` apart in different
// segments are never compared; a story is joined by what its recent events
// are about; past a segment's worth of open articles, the stories with the
// oldest news are closed; the repeated-line rule sees one segment at a
// time.
struct BoundedOptions {
  std::string spill_dir;  // must exist; the files in it are removed after
  // Peak memory grows with this: about 20 KB an article clustered at once.
  size_t segment_articles = 100000;
  int horizon_days = 30;
  size_t read_batch_bytes = size_t{64} << 20;  // input read at a time
};

// Takes the stories closed after each segment. `segment` holds that
// segment's documents, copies and events (the indices of its clusters
// refer to them); its `clusters` are the stories closed now, and `stories`
// their tellings (parallel; empty when stories are not told).
class StorySink {
 public:
  virtual ~StorySink() = default;
  virtual absl::Status Take(const PipelineResult& segment) = 0;
};

struct BoundedSummary {
  size_t articles = 0, events = 0, stories = 0, segments = 0;
  uint64_t spilled_bytes = 0;
  PipelineTimings timings;
};

// Fails only when the spill folder or the sink does; bad input is
// reported to `errors` and skipped, as in RunPipeline.
absl::StatusOr<BoundedSummary> RunBoundedPipeline(
    const std::vector<std::string>& inputs, const IngestOptions& ingest,
    const PipelineOptions& options, const BoundedOptions& bounded,
    ErrorSink& errors, StorySink& sink);

}  // namespace storyline
