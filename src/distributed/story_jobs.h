// Telling stories on every rank: rank 0 deals the clusters out and sends
// each rank the events and copies its clusters need; each rank fetches
// their documents from the ranks that hold them; rank 0 collects the
// rendered stories.
#pragma once

#include <string>
#include <vector>

#include "distributed/comm.h"
#include "distributed/holdings.h"
#include "distributed/merge.h"
#include "distributed/run.h"
#include "storyline/options.h"
#include "storyline/pipeline.h"

namespace storyline::distributed {

// Which rank tells each cluster: largest first (clusters come that way), to
// the rank with the fewest documents so far.
std::vector<int> DealClusters(const std::vector<Cluster>& clusters, int ranks);

// Collective. `whole` (copies, events, clusters; of the docs only their
// number) is read on rank 0;
// `background` (stem document frequencies of the whole corpus) on every
// rank. Returns, on rank 0, one rendered story per cluster, in order.
std::vector<std::string> TellStoriesAcrossRanks(
    const Comm& comm, const Holdings& holdings, const PipelineResult& whole,
    const StemFrequencies& background, const StoryOptions& options, int threads,
    const StoryRenderer& render);

}  // namespace storyline::distributed
