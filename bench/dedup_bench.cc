// Copies: shingling + MinHash per document, and LSH/fingerprint candidate
// search over a corpus.
#include <benchmark/benchmark.h>

#include "bench_data.h"
#include "dedup/copies.h"
#include "dedup/signature.h"
#include "text/analyzer.h"

namespace storyline::bench {
namespace {

std::vector<std::vector<text::Token>> Words(const std::vector<Document>& docs) {
  text::Analyzer analyzer;
  std::vector<std::vector<text::Token>> out;
  out.reserve(docs.size());
  for (const auto& doc : docs) out.push_back(analyzer.PlainWords(doc.text));
  return out;
}

void BM_ComputeSignature(benchmark::State& state) {
  const auto& docs = RealDocuments();
  const auto words = Words(docs);
  const DedupOptions options;
  size_t i = 0;
  int64_t bytes = 0;
  for (auto _ : state) {
    const size_t k = i++ % docs.size();
    auto signature = dedup::ComputeSignature(words[k], options);
    bytes += docs[k].text.size();
    benchmark::DoNotOptimize(signature.minhash.data());
  }
  state.SetBytesProcessed(bytes);
  state.SetItemsProcessed(static_cast<int64_t>(i));
}
BENCHMARK(BM_ComputeSignature);

// Arg: documents; 0 = the real corpus, else the generated stream.
void BM_FindCandidates(benchmark::State& state) {
  const auto docs = state.range(0) == 0 ? RealDocuments()
                                        : GeneratedDocuments(state.range(0));
  const DedupOptions options;
  std::vector<dedup::Signature> signatures;
  for (const auto& words : Words(docs)) {
    signatures.push_back(dedup::ComputeSignature(words, options));
  }
  size_t candidates = 0;
  for (auto _ : state) {
    auto found = dedup::FindCandidates(signatures, options);
    candidates = found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.SetBytesProcessed(state.iterations() * TextBytes(docs));
  state.SetItemsProcessed(state.iterations() * docs.size());
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["candidates"] = static_cast<double>(candidates);
}
BENCHMARK(BM_FindCandidates)
    ->Arg(0)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);

// The whole copies stage on documents (signatures, candidates, verification).
void BM_FindCopies(benchmark::State& state) {
  const auto docs = state.range(0) == 0 ? RealDocuments()
                                        : GeneratedDocuments(state.range(0));
  size_t copies = 0;
  for (auto _ : state) {
    auto found = dedup::FindCopies(docs, DedupOptions{}, 0);
    copies = found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.SetBytesProcessed(state.iterations() * TextBytes(docs));
  state.SetItemsProcessed(state.iterations() * docs.size());
  state.counters["copies"] = static_cast<double>(copies);
}
BENCHMARK(BM_FindCopies)
    ->Arg(0)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace storyline::bench

BENCHMARK_MAIN();
