// Average-linkage agglomerative clustering over a sparse similarity graph.
#pragma once

#include <span>
#include <vector>

#include "cluster/similarity.h"

namespace storyline::cluster {

// Merges, best first, the two clusters with the highest average pairwise
// similarity while it is at least `threshold`; pairs without an edge count
// as similarity 0. Returns a cluster label per item (0..k-1, numbered by
// smallest member). Parallel rounds of mutual-best merges (mutual_best.h)
// do most of the work, a priority queue with lazily updated averages the
// rest; deterministic: ties go to the smaller ids, and the result does not
// depend on `threads`.
std::vector<int> AverageLink(int n, std::span<const Edge> edges,
                             double threshold, int threads = 1);

// The same, starting from the clusters in `initial` (a label per item)
// instead of singletons: group-average linkage continued at a lower
// threshold, e.g. events into stories. Edges inside an initial cluster are
// ignored.
std::vector<int> AverageLinkFrom(std::span<const int> initial,
                                 std::span<const Edge> edges, double threshold,
                                 int threads = 1);

}  // namespace storyline::cluster
