#include "pipeline/incremental.h"

#include "base/parallel.h"
#include "cluster/clusterer.h"
#include "dedup/copies.h"
#include "extract/boilerplate.h"

namespace storyline::pipeline {

AnalyzedDoc AnalyzeDocument(Document doc, text::Analyzer& analyzer,
                            const PipelineOptions& options) {
  AnalyzedDoc out;
  if (!options.run_clustering) {  // copies only: no stems needed
    out.signature =
        dedup::ComputeSignature(analyzer.PlainWords(doc.text), options.dedup);
  } else {
    const auto title = analyzer.Words(doc.title, doc.lang);
    const auto body = analyzer.Words(doc.text, doc.lang);
    out.counts = cluster::CountTerms(title, body, options.cluster);
    if (options.find_copies) {
      out.signature = dedup::ComputeSignature(body, options.dedup);
    }
    if (options.synthesize) out.content_stems = story::ContentStemKeys(body);
  }
  out.doc = std::move(doc);
  return out;
}

std::vector<AnalyzedDoc> AnalyzeEach(std::vector<Document> docs,
                                     const PipelineOptions& options,
                                     int threads) {
  const int workers = ResolveThreads(threads);
  PerWorker<text::Analyzer> analyzers(workers);
  std::vector<AnalyzedDoc> out(docs.size());
  ParallelFor(
      static_cast<int>(docs.size()), workers, 4, [&](int worker, int i) {
        out[i] =
            AnalyzeDocument(std::move(docs[i]), analyzers[worker], options);
      });
  return out;
}

void CountStems(const AnalyzedDoc& doc, int delta, story::StemDf& stem_df) {
  for (const uint64_t key : doc.content_stems) {
    auto it = stem_df.try_emplace(key, 0).first;
    it->second += delta;
    if (it->second == 0) stem_df.erase(it);
  }
}

void IncrementalIndex::Count(const AnalyzedDoc& doc, int delta) {
  CountStems(doc, delta, stem_df_);
}

void IncrementalIndex::Upsert(std::shared_ptr<const AnalyzedDoc> doc) {
  Count(*doc, +1);
  auto& slot = entries_[doc->doc.id];
  if (slot) Count(*slot, -1);
  slot = std::move(doc);
}

bool IncrementalIndex::Remove(const std::string& id) {
  const auto it = entries_.find(id);
  if (it == entries_.end()) return false;
  Count(*it->second, -1);
  entries_.erase(it);
  return true;
}

std::shared_ptr<const AnalyzedDoc> IncrementalIndex::Find(
    const std::string& id) const {
  const auto it = entries_.find(id);
  return it == entries_.end() ? nullptr : it->second;
}

void DropRepeatedLines(IncrementalIndex::Entries& entries,
                       story::StemDf* stem_df, const PipelineOptions& options,
                       int threads) {
  if (!options.clean.remove_boilerplate) return;
  std::vector<Document> docs;
  docs.reserve(entries.size());
  for (const auto& [id, doc] : entries) docs.push_back(doc->doc);
  extract::RemoveRepeatedLines(docs, options.clean, threads);
  std::vector<IncrementalIndex::Entries::iterator> changed;
  std::vector<Document> changed_docs;
  int i = 0;
  for (auto it = entries.begin(); it != entries.end(); ++it, ++i) {
    if (docs[i].text == it->second->doc.text) continue;
    changed.push_back(it);
    changed_docs.push_back(std::move(docs[i]));
  }
  std::vector<AnalyzedDoc> redone =
      AnalyzeEach(std::move(changed_docs), options, threads);
  for (size_t k = 0; k < changed.size(); ++k) {
    auto& slot = changed[k]->second;
    auto now = std::make_shared<const AnalyzedDoc>(std::move(redone[k]));
    if (stem_df) {
      CountStems(*slot, -1, *stem_df);
      CountStems(*now, +1, *stem_df);
    }
    slot = std::move(now);
  }
}

PipelineResult ClusterAnalysed(std::span<const AnalyzedDoc* const> analysed,
                               std::span<const Document> docs,
                               std::span<const cluster::SparseVector> vectors,
                               const PipelineOptions& options, int threads,
                               size_t corpus_size) {
  PipelineResult result;
  const int n = static_cast<int>(analysed.size());
  threads = ResolveThreads(threads);
  if (options.find_copies) {
    std::vector<dedup::Signature> signatures(n);
    for (int i = 0; i < n; ++i) signatures[i] = analysed[i]->signature;
    const auto candidates =
        dedup::FindCandidates(signatures, options.dedup, threads);
    result.copies = dedup::VerifyCandidates(docs, signatures, candidates,
                                            options.dedup, threads);
  }
  if (!options.run_clustering) return result;
  std::vector<std::string> ids(n);
  std::vector<std::optional<absl::CivilDay>> dates(n);
  for (int i = 0; i < n; ++i) {
    ids[i] = docs[i].id;
    dates[i] = docs[i].published;
  }
  auto clustering = cluster::ClusterArticles({.ids = ids,
                                              .vectors = vectors,
                                              .dates = dates,
                                              .copies = result.copies,
                                              .corpus_size = corpus_size},
                                             options.cluster, threads);
  result.events = std::move(clustering.events);
  result.clusters = std::move(clustering.stories);
  return result;
}

PipelineResult ClusterUnderIdf(std::span<const AnalyzedDoc* const> analysed,
                               const cluster::IdfTable& idf,
                               const PipelineOptions& options, int threads,
                               size_t corpus_size,
                               std::vector<cluster::SparseVector>* vectors) {
  const int n = static_cast<int>(analysed.size());
  std::vector<cluster::SparseVector> weighted;
  if (options.run_clustering) {
    weighted.resize(n);
    ParallelFor(n, threads, 64, [&](int, int i) {
      weighted[i] = WeightTerms(analysed[i]->counts, idf, options.cluster);
    });
  }
  std::vector<Document> docs;
  docs.reserve(n);
  for (const AnalyzedDoc* a : analysed) docs.push_back(a->doc);
  PipelineResult result =
      ClusterAnalysed(analysed, docs, weighted, options, threads, corpus_size);
  result.docs = std::move(docs);
  if (vectors) *vectors = std::move(weighted);
  return result;
}

PipelineResult Recluster(const IncrementalIndex::Entries& entries,
                         const PipelineOptions& options, int threads,
                         std::shared_ptr<cluster::NearestArticles>* nearest) {
  std::vector<const AnalyzedDoc*> analysed;
  analysed.reserve(entries.size());
  for (const auto& [id, doc] : entries) analysed.push_back(doc.get());
  const int n = static_cast<int>(analysed.size());
  threads = ResolveThreads(threads);

  cluster::IdfTable idf;
  if (options.run_clustering) {
    for (const AnalyzedDoc* a : analysed) idf.Add(a->counts);
  }
  std::vector<cluster::SparseVector> vectors;
  PipelineResult result =
      ClusterUnderIdf(analysed, idf, options, threads, 0, &vectors);
  if (nearest && options.run_clustering) {
    std::vector<std::optional<absl::CivilDay>> dates(n);
    for (int i = 0; i < n; ++i) dates[i] = result.docs[i].published;
    *nearest = std::make_shared<cluster::NearestArticles>(
        std::move(idf), std::move(vectors), dates, options.cluster);
  }
  return result;
}

}  // namespace storyline::pipeline
