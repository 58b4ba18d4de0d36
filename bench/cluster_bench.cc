// Clustering: term counting, TF-IDF weighting, similar-pair search and
// average-link merging, with the parameters the event level uses.
#include <benchmark/benchmark.h>

#include "bench_data.h"
#include "cluster/agglomerative.h"
#include "cluster/similarity.h"
#include "cluster/vectors.h"
#include "text/analyzer.h"

namespace storyline::bench {
namespace {

struct Analysed {
  std::vector<std::vector<text::Token>> titles, bodies;
};

Analysed Analyse(const std::vector<Document>& docs) {
  text::Analyzer analyzer;
  Analysed out;
  for (const auto& doc : docs) {
    out.titles.push_back(analyzer.Words(doc.title, doc.lang));
    out.bodies.push_back(analyzer.Words(doc.text, doc.lang));
  }
  return out;
}

std::vector<cluster::SparseVector> Counts(const Analysed& a,
                                          const ClusterOptions& options) {
  std::vector<cluster::SparseVector> out;
  for (size_t i = 0; i < a.bodies.size(); ++i) {
    out.push_back(cluster::CountTerms(a.titles[i], a.bodies[i], options));
  }
  return out;
}

cluster::IdfTable Idf(const std::vector<cluster::SparseVector>& counts) {
  cluster::IdfTable idf;
  for (const auto& c : counts) idf.Add(c);
  return idf;
}

// What the event level of the clusterer compares.
struct Prepared {
  std::vector<cluster::SparseVector> vectors;
  std::vector<cluster::DateRange> dates;
  cluster::SimilarityParams params;
  int64_t bytes = 0;
};

Prepared Prepare(int64_t n) {
  const auto docs = n == 0 ? RealDocuments() : GeneratedDocuments(n);
  const ClusterOptions options;
  const auto counts = Counts(Analyse(docs), options);
  const auto idf = Idf(counts);
  Prepared p;
  for (size_t i = 0; i < docs.size(); ++i) {
    p.vectors.push_back(cluster::WeightTerms(counts[i], idf, options));
    p.dates.push_back({docs[i].published, docs[i].published});
  }
  p.params.min_similarity = options.event_threshold * 0.25;
  p.params.window_days = options.event_window_days;
  p.params.decay_days = options.event_decay_days;
  p.params.candidate_terms = options.candidate_terms;
  p.params.max_df_ratio = options.max_df_ratio;
  p.bytes = TextBytes(docs);
  return p;
}

void BM_CountTerms(benchmark::State& state) {
  const auto& docs = RealDocuments();
  const auto analysed = Analyse(docs);
  const ClusterOptions options;
  size_t i = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    const size_t k = i++ % docs.size();
    auto counts =
        cluster::CountTerms(analysed.titles[k], analysed.bodies[k], options);
    bytes += docs[k].title.size() + docs[k].text.size();
    benchmark::DoNotOptimize(counts.terms.data());
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(static_cast<int64_t>(i));
}
BENCHMARK(BM_CountTerms);

void BM_WeightTerms(benchmark::State& state) {
  const auto& docs = RealDocuments();
  const ClusterOptions options;
  const auto counts = Counts(Analyse(docs), options);
  const auto idf = Idf(counts);
  size_t i = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    const size_t k = i++ % docs.size();
    auto v = cluster::WeightTerms(counts[k], idf, options);
    bytes += docs[k].title.size() + docs[k].text.size();
    benchmark::DoNotOptimize(v.terms.data());
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(static_cast<int64_t>(i));
}
BENCHMARK(BM_WeightTerms);

// Arg: documents; 0 = the real corpus, else the generated stream.
void BM_SimilarPairs(benchmark::State& state) {
  const Prepared p = Prepare(state.range(0));
  size_t edges = 0;
  for (auto _ : state) {
    auto found = cluster::SimilarPairs(p.vectors, p.dates, p.params, 0);
    edges = found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.SetBytesProcessed(state.iterations() * p.bytes);
  state.SetItemsProcessed(state.iterations() * p.vectors.size());
  state.counters["edges"] = static_cast<double>(edges);
}
BENCHMARK(BM_SimilarPairs)
    ->Arg(0)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_AverageLink(benchmark::State& state) {
  const Prepared p = Prepare(state.range(0));
  const auto edges = cluster::SimilarPairs(p.vectors, p.dates, p.params, 0);
  const int n = static_cast<int>(p.vectors.size());
  const double threshold = ClusterOptions{}.event_threshold;
  size_t clusters = 0;
  for (auto _ : state) {
    auto labels = cluster::AverageLink(n, edges, threshold, 2);
    clusters = labels.empty()
                   ? 0
                   : 1 + *std::max_element(labels.begin(), labels.end());
    benchmark::DoNotOptimize(labels.data());
  }
  state.SetBytesProcessed(state.iterations() * p.bytes);
  state.SetItemsProcessed(state.iterations() * n);
  state.counters["edges"] = static_cast<double>(edges.size());
  state.counters["clusters"] = static_cast<double>(clusters);
}
BENCHMARK(BM_AverageLink)
    ->Arg(0)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace storyline::bench

BENCHMARK_MAIN();
