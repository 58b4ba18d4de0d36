// The pipeline's stages one by one, for runners that place them themselves
// (RunPipeline in one process; the distributed runner across processes).
// Each stage is deterministic and its output does not depend on `threads`.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "cluster/similarity.h"
#include "cluster/vectors.h"
#include "dedup/signature.h"
#include "story/corpus.h"
#include "storyline/errors.h"
#include "storyline/options.h"
#include "storyline/pipeline.h"
#include "storyline/types.h"
#include "text/kept_words.h"

namespace storyline::pipeline {

// Hash of an article's raw body: the tie-break between articles with the
// same id, which a process can share without the body itself.
uint64_t BodyHash(const Article& article);

// Sorts by id and drops repeated ids (the copy with the smaller body hash
// is kept; the others are reported), so that everything after depends only
// on the set of articles, not their order.
void SortAndDropRepeatedIds(std::vector<Article>& articles, ErrorSink& errors,
                            int threads = 1);

// Cleans each article (in order; failures are reported and left out). The
// corpus-level repeated-line rule is not applied here.
std::vector<Document> CleanArticles(std::vector<Article> articles,
                                    const PipelineOptions& options, int threads,
                                    ErrorSink& errors);

// Term counts, copy signatures and shingles, one pass over each
// document's words.
struct Analysis {
  std::vector<cluster::SparseVector> counts;  // empty unless clustering
  std::vector<dedup::Signature> signatures;   // empty unless finding copies
  std::vector<dedup::ShingledText> shingled;  // empty unless asked for
  story::StemDf stem_df;                      // empty unless asked for
  text::KeptTexts kept;                       // empty unless asked for
};
struct AnalysisNeeds {
  // The story stage's stem document frequencies (what story::BuildCorpus
  // counts), from the same pass over the words.
  bool stem_df = false;
  // Every document's shingles, so that copy verification need not
  // tokenize again (about 4 KB per document while they are kept).
  bool shingles = false;
  // Every document's words in kept form (about 4 bytes a word), so that
  // copy verification and the story stage need not tokenize them again.
  bool kept_words = false;
};
Analysis AnalyzeDocuments(std::span<const Document> docs,
                          const PipelineOptions& options, int threads,
                          AnalysisNeeds needs = {});

// Document frequencies of the counted terms.
cluster::IdfTable CountDocumentFrequencies(
    std::span<const cluster::SparseVector> counts, int threads);

// TF-IDF vectors from counts (which are released as they are used).
std::vector<cluster::SparseVector> WeightVectors(
    std::vector<cluster::SparseVector>& counts, const cluster::IdfTable& idf,
    const ClusterOptions& options, int threads);

// Copies among `result.docs` (set, sorted by id) from their analysis.
void FindCopies(PipelineResult& result, const Analysis& analysis,
                const PipelineOptions& options, int threads);

// Events and story memberships of `result.docs` (copies found first).
void ClusterDocuments(PipelineResult& result,
                      std::span<const cluster::SparseVector> vectors,
                      const PipelineOptions& options, int threads);

// The same from the story level's similar pairs, computed elsewhere (see
// cluster::ClusterFromEdges); only the documents' ids and dates are read.
void ClusterDocumentsFromEdges(PipelineResult& result,
                               cluster::EdgeList story_edges,
                               const PipelineOptions& options, int threads);

}  // namespace storyline::pipeline
