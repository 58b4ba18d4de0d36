#include "pipeline/stages.h"

#include <xxhash.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "base/parallel.h"
#include "base/strings.h"
#include "cluster/clusterer.h"
#include "dedup/copies.h"
#include "pipeline/clean.h"
#include "story/corpus.h"
#include "text/analyzer.h"

namespace storyline::pipeline {

uint64_t BodyHash(const Article& article) {
  return XXH3_64bits(article.body.data(), article.body.size());
}

void SortAndDropRepeatedIds(std::vector<Article>& articles, ErrorSink& errors,
                            int threads) {
  const size_t n = articles.size();
  std::vector<std::pair<uint64_t, size_t>> order(n);
  ParallelFor(static_cast<int>(n), threads, 1024, [&](int, int i) {
    order[i] = {BodyHash(articles[i]), i};
  });
  std::sort(order.begin(), order.end(), [&](const auto& x, const auto& y) {
    const Article& a = articles[x.second];
    const Article& b = articles[y.second];
    if (a.id != b.id) return a.id < b.id;
    if (x.first != y.first) return x.first < y.first;
    return a.body < b.body;
  });
  // Into that order in place, one cycle of the permutation at a time:
  // position k takes the article at order[k]. No second array of articles.
  std::vector<bool> placed(n, false);
  for (size_t start = 0; start < n; ++start) {
    if (placed[start]) continue;
    Article held = std::move(articles[start]);
    for (size_t k = start;;) {
      placed[k] = true;
      const size_t from = order[k].second;
      if (from == start) {
        articles[k] = std::move(held);
        break;
      }
      articles[k] = std::move(articles[from]);
      k = from;
    }
  }
  size_t kept = 0;
  for (size_t k = 0; k < n; ++k) {
    if (kept > 0 && articles[kept - 1].id == articles[k].id) {
      errors.Report(
          {articles[k].id, "repeated article id, later copy skipped"});
      continue;
    }
    if (kept != k) articles[kept] = std::move(articles[k]);
    ++kept;
  }
  articles.erase(articles.begin() + kept, articles.end());
}

std::vector<Document> CleanArticles(std::vector<Article> articles,
                                    const PipelineOptions& options, int threads,
                                    ErrorSink& errors) {
  const int n = static_cast<int>(articles.size());
  std::vector<Document> docs(n);
  std::vector<char> ok(n, 0);
  ParallelFor(n, threads, 16, [&](int, int i) {
    const std::string id = articles[i].id;
    auto doc =
        CleanArticle(std::move(articles[i]), options.clean, options.text);
    if (!doc.ok()) {
      errors.Report({id, StrCat(MessageOf(doc.status()), ", skipped")});
      return;
    }
    docs[i] = *std::move(doc);
    ok[i] = 1;
  });
  // The skipped ones closed up in place, in order.
  int kept = 0;
  for (int i = 0; i < n; ++i) {
    if (!ok[i]) continue;
    if (kept != i) docs[kept] = std::move(docs[i]);
    ++kept;
  }
  docs.erase(docs.begin() + kept, docs.end());
  return docs;
}

Analysis AnalyzeDocuments(std::span<const Document> docs,
                          const PipelineOptions& options, int threads,
                          AnalysisNeeds needs) {
  const int n = static_cast<int>(docs.size());
  Analysis analysis;
  std::vector<story::StemDf> stem_df(needs.stem_df ? threads : 0);
  if (options.run_clustering) analysis.counts.resize(n);
  if (options.find_copies) {
    analysis.signatures.resize(n);
    if (needs.shingles) analysis.shingled.resize(n);
  }
  const bool keep = needs.kept_words && options.run_clustering;
  if (keep) analysis.kept.docs.resize(n);
  PerWorker<text::Analyzer> analyzers(threads);
  PerWorker<dedup::Fingerprinter> fingerprinters(threads, options.dedup);
  ParallelFor(n, threads, 16, [&](int worker, int i) {
    const Document& doc = docs[i];
    std::vector<text::Token> body;
    if (options.run_clustering) {
      text::Analyzer& analyzer = analyzers[worker];
      std::vector<text::Token> title;
      if (keep) {
        std::vector<uint32_t> title_entries, body_entries;
        title = analyzer.Words(doc.title, doc.lang, title_entries);
        body = analyzer.Words(doc.text, doc.lang, body_entries);
        text::KeptTexts::Doc& kept = analysis.kept.docs[i];
        text::KeepWords(title, title_entries, kept.title);
        text::KeepWords(body, body_entries, kept.body);
        kept.lexicon = worker;
      } else {
        title = analyzer.Words(doc.title, doc.lang);
        body = analyzer.Words(doc.text, doc.lang);
      }
      analysis.counts[i] = cluster::CountTerms(title, body, options.cluster);
      if (needs.stem_df) story::CountContentStems(body, stem_df[worker]);
    }
    if (!options.find_copies) return;
    dedup::Fingerprinter& fingerprinter = fingerprinters[worker];
    // Copies alone need no stems: the plain words will do.
    const bool from_body = options.run_clustering;
    if (!needs.shingles) {
      analysis.signatures[i] = from_body ? fingerprinter.SignatureOf(body)
                                         : fingerprinter.SignatureOf(doc.text);
      return;
    }
    auto [signature, shingled] =
        from_body ? fingerprinter.Of(body) : fingerprinter.Of(doc.text);
    analysis.signatures[i] = std::move(signature);
    analysis.shingled[i] = std::move(shingled);
  });
  for (const auto& part : stem_df) {
    for (const auto& [stem, df] : part) analysis.stem_df[stem] += df;
  }
  if (keep) {
    for (int w = 0; w < ResolveThreads(threads); ++w) {
      analysis.kept.lexicons.push_back(analyzers[w].TakeLexicon());
    }
  }
  return analysis;
}

cluster::IdfTable CountDocumentFrequencies(
    std::span<const cluster::SparseVector> counts, int threads) {
  // A table per range of documents, merged: counts add up in any order.
  const int workers = ResolveThreads(threads);
  std::vector<cluster::IdfTable> tables(workers);
  ParallelRanges(static_cast<int>(counts.size()), workers,
                 [&](int worker, int begin, int end) {
                   for (int i = begin; i < end; ++i)
                     tables[worker].Add(counts[i]);
                 });
  for (int w = 1; w < workers; ++w) tables[0].Merge(tables[w]);
  return std::move(tables[0]);
}

std::vector<cluster::SparseVector> WeightVectors(
    std::vector<cluster::SparseVector>& counts, const cluster::IdfTable& idf,
    const ClusterOptions& options, int threads) {
  const int n = static_cast<int>(counts.size());
  std::vector<cluster::SparseVector> vectors(n);
  ParallelFor(n, threads, 64, [&](int, int i) {
    vectors[i] = cluster::WeightTerms(counts[i], idf, options);
    counts[i] = {};
  });
  return vectors;
}

void FindCopies(PipelineResult& result, const Analysis& analysis,
                const PipelineOptions& options, int threads) {
  const auto candidates =
      dedup::FindCandidates(analysis.signatures, options.dedup, threads);
  result.copies = analysis.shingled.empty()
                      ? dedup::VerifyCandidates(
                            result.docs, analysis.signatures, candidates,
                            options.dedup, threads, &analysis.kept)
                      : dedup::VerifyCandidates(
                            result.docs, analysis.signatures, analysis.shingled,
                            candidates, options.dedup, threads);
}

namespace {

// Clusters `result.docs` with `cluster(input)`, given their ids and dates.
template <typename Cluster>
void ClusterDocumentsWith(PipelineResult& result, const Cluster& cluster) {
  const size_t n = result.docs.size();
  std::vector<std::string> ids(n);
  std::vector<std::optional<absl::CivilDay>> dates(n);
  for (size_t i = 0; i < n; ++i) {
    ids[i] = result.docs[i].id;
    dates[i] = result.docs[i].published;
  }
  auto clustering = cluster(
      {.ids = ids, .vectors = {}, .dates = dates, .copies = result.copies});
  result.events = std::move(clustering.events);
  result.clusters = std::move(clustering.stories);
}

}  // namespace

void ClusterDocuments(PipelineResult& result,
                      std::span<const cluster::SparseVector> vectors,
                      const PipelineOptions& options, int threads) {
  ClusterDocumentsWith(result, [&](cluster::ClusterInput input) {
    input.vectors = vectors;
    return cluster::ClusterArticles(input, options.cluster, threads);
  });
}

void ClusterDocumentsFromEdges(PipelineResult& result,
                               cluster::EdgeList story_edges,
                               const PipelineOptions& options, int threads) {
  ClusterDocumentsWith(result, [&](const cluster::ClusterInput& input) {
    return cluster::ClusterFromEdges(input, std::move(story_edges),
                                     options.cluster, threads);
  });
}

}  // namespace storyline::pipeline
