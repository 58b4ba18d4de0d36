// Clustering a changing corpus. What costs most per article (tokenizing,
// stemming, term counts, copy signatures, the story stage's stems) is
// computed once, when the article arrives, and kept; what depends on the
// whole corpus (IDF weights, copy candidates, events, stories) is computed
// from those cached analyses, either for the whole corpus (Recluster) or
// for the few stories a change touches (ClusterAnalysed on a subset).
//
// Only Recluster is exact: every vector depends on the corpus IDF, which
// moves with each added or deleted article, so any edge and any
// average-link merge may change. Recluster applies exactly the batch
// pipeline's corpus-level steps to the cached analyses, so the result
// equals RunPipeline on the current set.
#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "cluster/nearest.h"
#include "cluster/vectors.h"
#include "dedup/signature.h"
#include "story/corpus.h"
#include "storyline/options.h"
#include "storyline/pipeline.h"
#include "storyline/types.h"
#include "text/analyzer.h"

namespace storyline::pipeline {

// One article's corpus-independent analysis, as RunPipeline computes it.
struct AnalyzedDoc {
  Document doc;
  cluster::SparseVector counts;  // empty when clustering is off
  dedup::Signature signature;    // empty when copies are off
  // Distinct content stems (story::ContentStemKeys) of the body; empty
  // unless stories are told.
  std::vector<uint64_t> content_stems;
};

// Pure apart from `analyzer` (one per thread).
AnalyzedDoc AnalyzeDocument(Document doc, text::Analyzer& analyzer,
                            const PipelineOptions& options);

// AnalyzeDocument on each of `docs`, in parallel; the result is in order.
std::vector<AnalyzedDoc> AnalyzeEach(std::vector<Document> docs,
                                     const PipelineOptions& options,
                                     int threads);

// Adds `delta` to the frequency of each of a document's stems; stems no
// document has any more leave the table.
void CountStems(const AnalyzedDoc& doc, int delta, story::StemDf& stem_df);

// The corpus as a set of analysed documents, keyed (and so sorted) by id,
// as RunPipeline orders its documents, with the story stage's stem
// document frequencies over them. Values are shared, immutable: a copy of
// the index for a background recluster is cheap.
class IncrementalIndex {
 public:
  using Entries = std::map<std::string, std::shared_ptr<const AnalyzedDoc>>;

  // Adds or replaces the document with this id.
  void Upsert(std::shared_ptr<const AnalyzedDoc> doc);
  // False when absent.
  bool Remove(const std::string& id);
  bool Contains(const std::string& id) const { return entries_.count(id); }
  // Null when absent.
  std::shared_ptr<const AnalyzedDoc> Find(const std::string& id) const;
  size_t size() const { return entries_.size(); }
  const Entries& entries() const { return entries_; }
  const story::StemDf& stem_df() const { return stem_df_; }

 private:
  void Count(const AnalyzedDoc& doc, int delta);

  Entries entries_;
  story::StemDf stem_df_;
};

// The batch's corpus-level cleaning on `entries`: lines a source repeats
// across its articles are dropped (extract::RemoveRepeatedLines), and the
// documents that changed are analysed again, with `stem_df` (when given)
// following. An article arrives cleaned on its own, since what a source
// repeats shows only across the corpus.
void DropRepeatedLines(IncrementalIndex::Entries& entries,
                       story::StemDf* stem_df, const PipelineOptions& options,
                       int threads);

// Copies, events and clusters of `analysed` (sorted by id; indices refer to
// positions in it), with `docs` their documents and `vectors` their
// weighted vectors, as part of a corpus of `corpus_size` articles (0: just
// these). Stories are left for the caller to tell; the result's `docs` is
// left empty.
PipelineResult ClusterAnalysed(std::span<const AnalyzedDoc* const> analysed,
                               std::span<const Document> docs,
                               std::span<const cluster::SparseVector> vectors,
                               const PipelineOptions& options, int threads,
                               size_t corpus_size = 0);

// ClusterAnalysed on vectors weighted under `idf`, with the result's `docs`
// filled in. With `vectors`, the weighted vectors are left there.
PipelineResult ClusterUnderIdf(
    std::span<const AnalyzedDoc* const> analysed, const cluster::IdfTable& idf,
    const PipelineOptions& options, int threads, size_t corpus_size = 0,
    std::vector<cluster::SparseVector>* vectors = nullptr);

// Documents, copies, events and clusters of `entries` (stories are left
// empty for the caller to tell): equal to RunPipeline on the articles the
// entries were analysed from. With `nearest`, also what finds the stored
// articles a new one is most like, under this run's IDF.
PipelineResult Recluster(
    const IncrementalIndex::Entries& entries, const PipelineOptions& options,
    int threads, std::shared_ptr<cluster::NearestArticles>* nearest = nullptr);

}  // namespace storyline::pipeline
