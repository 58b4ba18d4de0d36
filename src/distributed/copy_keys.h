// Copy candidates found where their keys live, with an all-to-all
// exchange instead of every signature on one rank.
//
// Every rank sends each of its documents' keys (whole-text hash, LSH band
// keys, passage fingerprints) to the rank that owns the key by hash. An
// owner pairs the documents of each bucket as dedup::FindCandidates does,
// and counts, for each pair, the fingerprints it shares among the keys it
// owns; those partial counts go to the rank that owns the pair, which sums
// them and keeps the pairs that share enough. Every candidate ends on the
// rank that owns its pair, which verifies it. Per article, the exchange moves
// 17 keys plus one per fingerprint (about 1 in 8 shingles), 16 bytes each, and
// then the candidate pairs.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "dedup/copies.h"
#include "distributed/comm.h"
#include "distributed/holdings.h"
#include "storyline/options.h"

namespace storyline::distributed {

// Collective. `global_index[i]` is the global number of this rank's
// document i, `signatures[i]` its signature. Returns this rank's share of
// what dedup::FindCandidates returns over all documents in global order:
// sorted, and each candidate on exactly one rank.
std::vector<dedup::Candidate> FindCandidatesByKey(
    const Comm& comm, std::span<const uint32_t> global_index,
    std::span<const dedup::Signature> signatures, const DedupOptions& options);

// Collective. Verifies this rank's `candidates` (global indices, as
// FindCandidatesByKey gives them) over their documents, fetched from the
// ranks that hold them; `signatures[i]` is that of `holdings.docs[i]`. On
// rank 0 returns every copy of the job, as dedup::VerifyCandidates gives
// them over all documents; empty elsewhere.
std::vector<CopyPair> VerifyCandidatesWhereOwned(
    const Comm& comm, const Holdings& holdings,
    std::span<const dedup::Signature> signatures,
    std::span<const dedup::Candidate> candidates, const DedupOptions& options,
    int threads);

}  // namespace storyline::distributed
