// Clustering a changing corpus. What costs most per article (tokenizing,
// stemming, term counts, copy signatures) is computed once, when the
// article arrives, and kept; what depends on the whole corpus (IDF weights,
// copy candidates, events, stories) is recomputed from those cached
// analyses by Recluster.
//
// Why not patch clusters in place: every vector depends on the corpus IDF,
// which moves with each added or deleted article, so any edge and any
// average-link merge may change; patching would drift away from what
// `storyline stories` gives on the same set. Recluster applies exactly the
// batch pipeline's corpus-level steps to the cached analyses, so the result
// equals RunPipeline on the current set, while skipping the per-article
// work that dominates a batch run.
#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "cluster/nearest.h"
#include "cluster/vectors.h"
#include "dedup/signature.h"
#include "storyline/options.h"
#include "storyline/pipeline.h"
#include "storyline/types.h"
#include "text/analyzer.h"

namespace storyline::cluster {

// One article's corpus-independent analysis, as RunPipeline computes it.
struct AnalyzedDoc {
  Document doc;
  SparseVector counts;         // empty when clustering is off
  dedup::Signature signature;  // empty when copies are off
};

// Pure apart from `analyzer` (one per thread).
AnalyzedDoc AnalyzeDocument(Document doc, text::Analyzer& analyzer,
                            const PipelineOptions& options);

// The corpus as a set of analysed documents, keyed (and so sorted) by id,
// as RunPipeline orders its documents. Values are shared, immutable: a
// copy of the index for a background recluster is cheap.
class IncrementalIndex {
 public:
  using Entries = std::map<std::string, std::shared_ptr<const AnalyzedDoc>>;

  // Adds or replaces the document with this id.
  void Upsert(std::shared_ptr<const AnalyzedDoc> doc);
  // False when absent.
  bool Remove(const std::string& id);
  bool Contains(const std::string& id) const { return entries_.count(id); }
  size_t size() const { return entries_.size(); }
  const Entries& entries() const { return entries_; }

 private:
  Entries entries_;
};

// Documents, copies, events and clusters of `entries` (stories are left
// empty for the caller to tell): equal to RunPipeline on the articles the
// entries were analysed from. With `nearest`, also what finds the stored
// article a new one is most like until the next run.
PipelineResult Recluster(const IncrementalIndex::Entries& entries,
                         const PipelineOptions& options, int threads,
                         NearestArticles* nearest = nullptr);

}  // namespace storyline::cluster
