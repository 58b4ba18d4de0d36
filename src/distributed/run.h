// The pipeline spread over the ranks of an MPI job, with the same result as
// RunPipeline in one process on the same input.
//
// Each rank reads its share of the input (whole text and HTML files round
// robin, every JSONL file cut into equal byte ranges at line starts),
// cleans and analyses it. Corpus statistics are merged across ranks: which
// copy of a repeated id wins, each source's repeated lines, and document
// frequencies. Copy candidates are found and verified where their keys and
// pairs are owned, over documents fetched from the ranks that read them.
// Rank 0 gathers each document's id, date and vector (never its text) and
// clusters; then the stories are dealt out to all ranks (largest first, to
// the least loaded), each rank fetches the documents its stories need,
// tells and renders them, and rank 0 collects them in order.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "distributed/comm.h"
#include "storyline/errors.h"
#include "storyline/options.h"
#include "storyline/pipeline.h"
#include "storyline/story.h"

namespace storyline::distributed {

// Renders one story; `result` holds the documents, events and copies its
// indices refer to (a subset of the whole, in the same relative order).
using StoryRenderer =
    std::function<std::string(const Story&, const PipelineResult&)>;

// What a rank sends to the others, by what it is for (CommStep order).
enum class CommStep {
  kClean,    // ids and body hashes, repeated-line counts
  kAnalyze,  // term and stem document frequencies
  kCopies,   // copy keys, shared-fingerprint counts, texts to verify, copies
  kVectors,  // every document's id, date and vector, to every rank
  kEdges,    // similarity edges, to rank 0
  kStories,  // story jobs, texts of their documents, rendered stories
};
inline constexpr std::array<const char*, 6> kCommStepNames = {
    "clean", "analyze", "copies", "vectors", "edges", "stories"};

struct RankReport {
  size_t articles = 0;       // read by this rank
  double seconds = 0;        // wall time of the whole run
  uint64_t peak_rss_kb = 0;  // VmHWM
  std::array<uint64_t, kCommStepNames.size()> bytes_sent{};  // by CommStep
};

struct DistributedResult {
  // On rank 0: copies, events and clusters as RunPipeline gives them, and
  // the docs with their ids and dates only (the rest stays on the rank that
  // read them); `stories` stays empty (they are rendered where they are
  // told).
  PipelineResult result;
  std::vector<std::string> rendered;  // rank 0: one per cluster, in order
  std::vector<InputError> errors;     // rank 0: every rank's, in rank order
  std::vector<RankReport> ranks;      // rank 0: one per rank
  // Rank 0: of timings.cluster_s, the two linkages over the joined edges,
  // which run on rank 0 alone.
  double linkage_s = 0;
};

// Collective: every rank calls it with the same arguments. Stories are told
// only when `options.synthesize` and `render` is set.
DistributedResult RunDistributed(const Comm& comm,
                                 const std::vector<std::string>& inputs,
                                 const PipelineOptions& options,
                                 const StoryRenderer& render);

}  // namespace storyline::distributed
