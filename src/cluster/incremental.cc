#include "cluster/incremental.h"

#include "base/parallel.h"
#include "cluster/clusterer.h"
#include "dedup/copies.h"

namespace storyline::cluster {

AnalyzedDoc AnalyzeDocument(Document doc, text::Analyzer& analyzer,
                            const PipelineOptions& options) {
  AnalyzedDoc out;
  if (!options.run_clustering) {  // copies only: no stems needed
    out.signature =
        dedup::ComputeSignature(analyzer.PlainWords(doc.text), options.dedup);
  } else {
    const auto title = analyzer.Words(doc.title, doc.lang);
    const auto body = analyzer.Words(doc.text, doc.lang);
    out.counts = CountTerms(title, body, options.cluster);
    if (options.find_copies) {
      out.signature = dedup::ComputeSignature(body, options.dedup);
    }
  }
  out.doc = std::move(doc);
  return out;
}

void IncrementalIndex::Upsert(std::shared_ptr<const AnalyzedDoc> doc) {
  std::string id = doc->doc.id;
  entries_[std::move(id)] = std::move(doc);
}

bool IncrementalIndex::Remove(const std::string& id) {
  return entries_.erase(id) > 0;
}

PipelineResult Recluster(const IncrementalIndex::Entries& entries,
                         const PipelineOptions& options, int threads,
                         NearestArticles* nearest) {
  PipelineResult result;
  std::vector<const AnalyzedDoc*> analysed;
  analysed.reserve(entries.size());
  for (const auto& [id, doc] : entries) {
    analysed.push_back(doc.get());
    result.docs.push_back(doc->doc);
  }
  const int n = static_cast<int>(analysed.size());
  threads = ResolveThreads(threads);

  if (options.find_copies) {
    std::vector<dedup::Signature> signatures(n);
    for (int i = 0; i < n; ++i) signatures[i] = analysed[i]->signature;
    const auto candidates =
        dedup::FindCandidates(signatures, options.dedup, threads);
    result.copies = dedup::VerifyCandidates(result.docs, signatures, candidates,
                                            options.dedup, threads);
  }
  if (!options.run_clustering) return result;

  IdfTable idf;
  for (const AnalyzedDoc* a : analysed) idf.Add(a->counts);
  std::vector<SparseVector> vectors(n);
  ParallelFor(n, threads, 64, [&](int, int i) {
    vectors[i] = WeightTerms(analysed[i]->counts, idf, options.cluster);
  });
  std::vector<std::string> ids(n);
  std::vector<std::optional<absl::CivilDay>> dates(n);
  for (int i = 0; i < n; ++i) {
    ids[i] = result.docs[i].id;
    dates[i] = result.docs[i].published;
  }
  auto clustering = ClusterArticles(
      {.ids = ids, .vectors = vectors, .dates = dates, .copies = result.copies},
      options.cluster, threads);
  result.events = std::move(clustering.events);
  result.clusters = std::move(clustering.stories);
  if (nearest) {
    *nearest = NearestArticles(std::move(idf), std::move(vectors), dates,
                               options.cluster);
  }
  return result;
}

}  // namespace storyline::cluster
