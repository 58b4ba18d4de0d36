// Documents stay on the rank that read them; a rank that needs another
// rank's documents (to verify a copy, to tell a story) fetches them by
// global index. No rank ever holds every text of the job.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "distributed/comm.h"
#include "storyline/types.h"

namespace storyline::distributed {

// This rank's documents and where every document of the job lives.
struct Holdings {
  std::vector<Document> docs;   // this rank's, in global order
  std::vector<uint32_t> index;  // global index of each, ascending
  std::vector<int> rank_of;     // the rank holding each global index

  // Position of global index `global` in `docs`; it must be held here.
  size_t Local(uint32_t global) const;
};

struct Fetched {
  std::vector<Document> docs;  // in the order asked for
  std::vector<uint64_t> tags;  // the holder's tag of each, when tags are sent
};

// Collective: every rank asks for the documents `wanted` (global indices,
// any rank's) and gets them in that order. `tags[i]`, when given, travels
// with the holder's document i (e.g. its whole-text hash).
Fetched FetchDocuments(const Comm& comm, const Holdings& holdings,
                       std::span<const uint32_t> wanted,
                       std::span<const uint64_t> tags = {});

}  // namespace storyline::distributed
