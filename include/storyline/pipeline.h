// The whole engine in one call: articles in, stories out.
#pragma once

#include <vector>

#include "absl/status/statusor.h"
#include "storyline/errors.h"
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

}  // namespace storyline
