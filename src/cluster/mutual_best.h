// The parallel opening of average linkage: rounds that merge, all at once,
// every pair of clusters that are each other's most similar neighbour.
//
// Average linkage is reducible: a merged cluster is never more similar to a
// third one than the closer of its two halves was. Hence (Bruynooghe's
// reciprocal-nearest-neighbour theorem) merging mutual best pairs in any
// order builds the same hierarchy as merging the single best pair each
// time, and a cluster whose best average is below the threshold can never
// merge again. Rounds need no priority queue, touch memory in order, and
// split over threads; on news streams, where one connected component can
// hold most of the corpus, they do most of the merging. When a round merges
// too few pairs to pay for its pass over the graph, the rest is left to the
// priority-queue algorithm.
#pragma once

#include <span>
#include <vector>

#include "cluster/similarity.h"

namespace storyline::cluster {

// For each item, the smallest item with its label: a cluster id that
// breaks ties the way both linkage algorithms do.
std::vector<int> SmallestOfLabel(std::span<const int> labels);

struct MutualBestResult {
  // A cluster id per item: the smallest item of its cluster.
  std::vector<int> labels;
  // The input edges between clusters that may still merge; every other
  // cluster is final.
  std::vector<Edge> open_edges;
};

// Starts from `initial` (a label per item; any numbering) and merges while
// rounds stay productive: rounds stop once one merges fewer than one open
// cluster in `unproductive_share` (0: run until every cluster is final).
// Ties go to the pair with the smaller smallest members, as in
// AverageLinkFrom. Independent of `threads`.
MutualBestResult MergeMutualBest(std::span<const int> initial,
                                 std::span<const Edge> edges, double threshold,
                                 int threads, int unproductive_share = 40);

}  // namespace storyline::cluster
