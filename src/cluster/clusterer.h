// Two levels of clustering: articles into events, events into stories.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "cluster/similarity.h"
#include "cluster/vectors.h"
#include "storyline/options.h"
#include "storyline/types.h"

namespace storyline::cluster {

struct ClusterInput {
  std::span<const std::string> ids;       // article ids, for stable cluster ids
  std::span<const SparseVector> vectors;  // TF-IDF per article
  std::span<const std::optional<absl::CivilDay>> dates;
  std::span<const CopyPair> copies;  // found copies link their articles
  // When the articles are part of a larger corpus, its size (see
  // SimilarityParams::corpus_size).
  size_t corpus_size = 0;
};

struct Clustering {
  std::vector<Event> events;     // ordered by smallest member
  std::vector<Cluster> stories;  // largest first, then by smallest member
};

// Events: average-link over time-discounted cosine of article vectors,
// exact and near-duplicate copies always joined. Stories: the same over
// event centroids with a lower threshold and a wider time window; partial
// reuse between events joins them. Ids derive from the smallest article id
// of each cluster, so they do not depend on input order.
Clustering ClusterArticles(const ClusterInput& input,
                           const ClusterOptions& options, int threads);

// The similarity pass ClusterArticles starts with: the story level's time
// window, edges down to a share of the lower threshold.
SimilarityParams StoryPassParams(const ClusterOptions& options,
                                 size_t corpus_size);

// Each article's day as a range, undated ones empty.
std::vector<DateRange> DayRanges(
    std::span<const std::optional<absl::CivilDay>> dates);

// ClusterArticles after its similarity pass: `story_edges` are what
// SimilarPairs gives over `input` under StoryPassParams (computed
// elsewhere, e.g. split over processes). `input.vectors` is not read.
Clustering ClusterFromEdges(const ClusterInput& input, EdgeList story_edges,
                            const ClusterOptions& options, int threads);

// "e" or "s" + 12 hex digits of a hash of `smallest_member_id`.
std::string ClusterId(char prefix, std::string_view smallest_member_id);

}  // namespace storyline::cluster
