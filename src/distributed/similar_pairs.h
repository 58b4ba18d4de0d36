// The similarity graph computed on every rank: each rank holds all
// vectors, computes the pairs of its share of rows (cluster::RowShare) and
// sends them to rank 0, which joins them in row order.
#pragma once

#include <span>
#include <vector>

#include "cluster/similarity.h"
#include "distributed/comm.h"

namespace storyline::distributed {

// Collective; every rank passes the same vectors and dates. On rank 0
// returns exactly what cluster::SimilarPairs returns; empty elsewhere.
cluster::EdgeList SimilarPairsAcrossRanks(
    const Comm& comm, std::span<const cluster::SparseVector> vectors,
    std::span<const cluster::DateRange> dates,
    const cluster::SimilarityParams& params, int threads);

}  // namespace storyline::distributed
