#include "cluster/clusterer.h"

#include <xxhash.h>

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "fmt/format.h"
#include "cluster/agglomerative.h"
#include "cluster/similarity.h"

namespace storyline::cluster {
namespace {

// Groups items by label; groups ordered by smallest member, members sorted.
std::vector<std::vector<int>> Groups(const std::vector<int>& labels) {
  int count = 0;
  for (const int label : labels) count = std::max(count, label + 1);
  std::vector<std::vector<int>> groups(count);
  for (int i = 0; i < static_cast<int>(labels.size()); ++i) {
    groups[labels[i]].push_back(i);
  }
  return groups;  // AverageLink numbers labels by smallest member
}

// Adds `similarity` on the edge (a, b), keeping the larger value.
void Raise(std::vector<Edge>& edges, int a, int b, float similarity) {
  if (a == b) return;
  if (a > b) std::swap(a, b);
  edges.push_back({a, b, similarity});
}

// Collapses parallel edges to their maximum; sorted by (a, b).
void Dedupe(std::vector<Edge>& edges) {
  std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
    if (x.a != y.a) return x.a < y.a;
    if (x.b != y.b) return x.b < y.b;
    return x.similarity > y.similarity;
  });
  edges.erase(std::unique(edges.begin(), edges.end(),
                          [](const Edge& x, const Edge& y) {
                            return x.a == y.a && x.b == y.b;
                          }),
              edges.end());
}

DateRange RangeOf(std::span<const int> docs,
                  std::span<const std::optional<absl::CivilDay>> dates) {
  DateRange range;
  for (const int d : docs) {
    if (!dates[d]) continue;
    if (!range.first || *dates[d] < *range.first) range.first = dates[d];
    if (!range.last || *dates[d] > *range.last) range.last = dates[d];
  }
  return range;
}

}  // namespace

std::string ClusterId(char prefix, std::string_view smallest_member_id) {
  return fmt::format(
      "{}{:012x}", prefix,
      XXH3_64bits(smallest_member_id.data(), smallest_member_id.size()) &
          0xffffffffffffULL);
}

Clustering ClusterArticles(const ClusterInput& input,
                           const ClusterOptions& options, int threads) {
  const int n = static_cast<int>(input.vectors.size());
  Clustering result;

  // Level 1: events.
  std::vector<DateRange> doc_dates(n);
  for (int i = 0; i < n; ++i) doc_dates[i] = {input.dates[i], input.dates[i]};
  SimilarityParams params;
  params.min_similarity = options.event_threshold * 0.1;
  params.window_days = options.event_window_days;
  params.decay_days = options.event_decay_days;
  params.floor = options.event_time_floor;
  params.candidate_terms = options.candidate_terms;
  params.max_df_ratio = options.max_df_ratio;
  std::vector<Edge> edges =
      SimilarPairs(input.vectors, doc_dates, params, threads);
  for (const CopyPair& copy : input.copies) {
    if (copy.kind != CopyKind::kPartial) Raise(edges, copy.a, copy.b, 1.0f);
  }
  Dedupe(edges);
  const auto event_groups =
      Groups(AverageLink(n, edges, options.event_threshold));
  std::vector<int> event_of(n);
  for (const auto& members : event_groups) {
    Event event;
    event.id = ClusterId('e', input.ids[members.front()]);
    event.docs = members;
    for (const int d : members) {
      event_of[d] = static_cast<int>(result.events.size());
    }
    result.events.push_back(std::move(event));
  }

  // Level 2: stories over event centroids.
  const int m = static_cast<int>(result.events.size());
  std::vector<SparseVector> centroids(m);
  std::vector<DateRange> event_dates(m);
  for (int e = 0; e < m; ++e) {
    std::vector<const SparseVector*> members;
    for (const int d : result.events[e].docs) {
      members.push_back(&input.vectors[d]);
    }
    centroids[e] = Centroid(members, options.vector_terms);
    event_dates[e] = RangeOf(result.events[e].docs, input.dates);
  }
  params.min_similarity = options.story_threshold * 0.1;
  params.window_days = options.story_window_days;
  params.decay_days = options.story_decay_days;
  params.floor = options.story_time_floor;
  std::vector<Edge> story_edges =
      SimilarPairs(centroids, event_dates, params, threads);
  for (const CopyPair& copy : input.copies) {
    Raise(story_edges, event_of[copy.a], event_of[copy.b], 1.0f);
  }
  Dedupe(story_edges);
  const auto story_groups =
      Groups(AverageLink(m, story_edges, options.story_threshold));
  for (const auto& members : story_groups) {
    Cluster story;
    story.events = members;
    for (const int e : members) {
      const auto& docs = result.events[e].docs;
      story.docs.insert(story.docs.end(), docs.begin(), docs.end());
    }
    std::sort(story.docs.begin(), story.docs.end());
    story.id = ClusterId('s', input.ids[story.docs.front()]);
    result.stories.push_back(std::move(story));
  }
  std::stable_sort(result.stories.begin(), result.stories.end(),
                   [](const Cluster& x, const Cluster& y) {
                     return x.docs.size() > y.docs.size();
                   });
  return result;
}

}  // namespace storyline::cluster
