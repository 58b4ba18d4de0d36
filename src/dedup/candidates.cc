#include <xxhash.h>

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "base/parallel.h"
#include "dedup/copies.h"

namespace storyline::dedup {
namespace {

// Pairs among the documents of one bucket. A bucket larger than `cap` is a
// stock text (an empty page, a standard notice) and pairs only neighbours,
// which still links all its members through the verified chain.
void PairBucket(const std::vector<int>& docs, size_t cap,
                std::vector<Candidate>& out) {
  if (docs.size() < 2) return;
  if (docs.size() > cap) {
    for (size_t i = 1; i < docs.size(); ++i) {
      out.push_back({docs[i - 1], docs[i]});
    }
    return;
  }
  for (size_t i = 0; i < docs.size(); ++i) {
    for (size_t j = i + 1; j < docs.size(); ++j) {
      out.push_back({docs[i], docs[j]});
    }
  }
}

// Documents sharing enough passage fingerprints. Every (fingerprint,
// document) entry is sorted once, so a fingerprint's documents are one run
// in document order; each document then counts, on its own thread, the
// fingerprints it shares with every later document.
std::vector<Candidate> SharedFingerprints(std::span<const Signature> signatures,
                                          const DedupOptions& options,
                                          int threads) {
  const int n = static_cast<int>(signatures.size());
  const size_t cap = static_cast<size_t>(options.max_fingerprint_docs);
  std::vector<std::pair<uint64_t, int>> entries;
  for (int i = 0; i < n; ++i) {
    for (const uint64_t fp : signatures[i].fingerprints) {
      entries.push_back({fp, i});
    }
  }
  std::sort(entries.begin(), entries.end());
  std::vector<uint64_t> run_fp;
  std::vector<size_t> run_begin;
  for (size_t k = 0; k < entries.size(); ++k) {
    if (k == 0 || entries[k].first != entries[k - 1].first) {
      run_fp.push_back(entries[k].first);
      run_begin.push_back(k);
    }
  }
  run_begin.push_back(entries.size());

  const int workers = ResolveThreads(threads);
  struct Scratch {
    std::vector<int> count, touched;
  };
  std::vector<Scratch> scratch(workers);
  std::vector<std::vector<Candidate>> found(n);
  ParallelFor(n, workers, 64, [&](int worker, int i) {
    Scratch& s = scratch[worker];
    if (s.count.empty()) s.count.assign(n, 0);
    for (const uint64_t fp : signatures[i].fingerprints) {
      const size_t r =
          std::lower_bound(run_fp.begin(), run_fp.end(), fp) - run_fp.begin();
      const size_t begin = run_begin[r], end = run_begin[r + 1];
      if (end - begin < 2 || end - begin > cap) continue;
      for (size_t k = begin; k < end; ++k) {
        const int j = entries[k].second;
        if (j <= i) continue;
        if (s.count[j]++ == 0) s.touched.push_back(j);
      }
    }
    std::sort(s.touched.begin(), s.touched.end());
    for (const int j : s.touched) {
      // Fingerprints sample one shingle in fingerprint_mod, so the shared
      // share of the smaller side estimates its containment; far below the
      // partial-reuse bar, verification would reject the pair anyway.
      const size_t smaller = std::min(signatures[i].fingerprints.size(),
                                      signatures[j].fingerprints.size());
      const double needed = 0.5 * options.min_containment * smaller;
      const int count = s.count[j];
      if (count >= options.min_shared_fingerprints && count >= needed) {
        found[i].push_back({i, j});
      }
      s.count[j] = 0;
    }
    s.touched.clear();
  });
  std::vector<Candidate> out;
  for (auto& list : found) out.insert(out.end(), list.begin(), list.end());
  return out;
}

}  // namespace

std::vector<Candidate> FindCandidates(std::span<const Signature> signatures,
                                      const DedupOptions& options,
                                      int threads) {
  const int n = static_cast<int>(signatures.size());
  const size_t cap = static_cast<size_t>(options.max_fingerprint_docs);
  // Exact duplicates share the whole-text hash; LSH candidates agree on a
  // whole band. One job per band, plus one for the exact hashes.
  const int bands = std::max(1, options.bands);
  std::vector<std::vector<Candidate>> found(bands + 1);
  ParallelFor(bands + 1, threads, 1, [&](int, int job) {
    absl::flat_hash_map<uint64_t, std::vector<int>> buckets;
    const int band = job - 1;
    for (int i = 0; i < n; ++i) {
      const Signature& sig = signatures[i];
      if (sig.shingles == 0) continue;
      if (band < 0) {
        buckets[sig.exact].push_back(i);
        continue;
      }
      const size_t rows = sig.minhash.size() / bands;
      if (rows == 0) continue;
      buckets[XXH3_64bits_withSeed(&sig.minhash[band * rows],
                                   rows * sizeof(uint32_t), band)]
          .push_back(i);
    }
    for (const auto& [key, docs] : buckets) PairBucket(docs, cap, found[job]);
  });
  std::vector<Candidate> out = SharedFingerprints(signatures, options, threads);
  for (const auto& list : found)
    out.insert(out.end(), list.begin(), list.end());
  for (auto& c : out) {
    if (c.a > c.b) std::swap(c.a, c.b);
  }
  // Hash-map iteration order varies: sorting makes the output deterministic.
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace storyline::dedup
