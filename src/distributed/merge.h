// Corpus statistics counted on each rank and merged on all: the wire form
// of each, and its merge.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "cluster/vectors.h"
#include "distributed/comm.h"
#include "extract/boilerplate.h"
#include "story/corpus.h"

namespace storyline::distributed {

// Stem document frequencies, as the story stage counts them.
struct StemFrequencies {
  story::StemDf df;
  int documents = 0;
};

// Replaces `mine` with the sum over all ranks of what DropRepeatedLines
// needs under `options`: every source's document count and the lines
// repeated enough to drop (RepeatedLineCounts::Prune). Collective.
void MergeAcrossRanks(const Comm& comm, extract::RepeatedLineCounts& mine,
                      const CleanOptions& options);
// Each replaces `mine` with the sum over all ranks. Collective.
void MergeAcrossRanks(const Comm& comm, cluster::IdfTable& mine);
void MergeAcrossRanks(const Comm& comm, StemFrequencies& mine);

}  // namespace storyline::distributed
