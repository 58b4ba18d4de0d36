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

// Each replaces `mine` with the sum over all ranks. Collective.
void MergeAcrossRanks(const Comm& comm, extract::RepeatedLineCounts& mine);
void MergeAcrossRanks(const Comm& comm, cluster::IdfTable& mine);
void MergeAcrossRanks(const Comm& comm, StemFrequencies& mine);

}  // namespace storyline::distributed
