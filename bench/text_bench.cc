// Tokenizing: ICU word segmentation alone, and with stems and stopwords.
#include <benchmark/benchmark.h>

#include "bench_data.h"
#include "text/analyzer.h"
#include "text/tokenizer.h"

namespace storyline::bench {
namespace {

void BM_TokenizerWords(benchmark::State& state) {
  const auto& docs = RealDocuments();
  text::Tokenizer tokenizer;
  size_t i = 0, words = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    const Document& doc = docs[i++ % docs.size()];
    auto tokens = tokenizer.Words(doc.text);
    words += tokens.size();
    bytes += doc.text.size();
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(bytes);
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TokenizerWords);

void BM_AnalyzerWords(benchmark::State& state) {
  const auto& docs = RealDocuments();
  text::Analyzer analyzer;
  size_t i = 0, words = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    const Document& doc = docs[i++ % docs.size()];
    auto tokens = analyzer.Words(doc.text, doc.lang);
    words += tokens.size();
    bytes += doc.text.size();
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(bytes);
  state.counters["words/s"] = benchmark::Counter(static_cast<double>(words),
                                                 benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnalyzerWords);

}  // namespace
}  // namespace storyline::bench

BENCHMARK_MAIN();
