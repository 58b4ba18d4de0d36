#include <xxhash.h>

#include <algorithm>
#include <boost/sort/block_indirect_sort/block_indirect_sort.hpp>
#include <boost/sort/pdqsort/pdqsort.hpp>

#include "base/parallel.h"
#include "base/uninitialized.h"
#include "dedup/copies.h"

namespace storyline::dedup {
namespace {

// Documents sharing enough passage fingerprints. Every (fingerprint,
// document) entry is sorted once, so a fingerprint's documents are one run
// in document order; each document then counts, on its own thread, the
// fingerprints it shares with every later document.
std::vector<Candidate> SharedFingerprints(std::span<const Signature> signatures,
                                          const DedupOptions& options,
                                          int threads) {
  const int n = static_cast<int>(signatures.size());
  const size_t cap = static_cast<size_t>(options.max_fingerprint_docs);
  const int workers = ResolveThreads(threads);
  // Laid out at each document's offset and filled on all threads: at a
  // million documents this is most of a gigabyte, and growing it on one
  // thread had that thread wait for every fresh page.
  struct Entry {
    uint64_t fingerprint;
    int doc;
    auto operator<=>(const Entry&) const = default;
  };
  std::vector<size_t> offset(n + 1, 0);
  for (int i = 0; i < n; ++i) {
    offset[i + 1] = offset[i] + signatures[i].fingerprints.size();
  }
  UninitializedVector<Entry> entries;
  entries.resize(offset[n]);
  ParallelFor(n, workers, 1024, [&](int, int i) {
    size_t at = offset[i];
    for (const uint64_t fp : signatures[i].fingerprints)
      entries[at++] = {fp, i};
  });
  offset = {};
  boost::sort::block_indirect_sort(entries.begin(), entries.end(),
                                   static_cast<uint32_t>(workers));
  // The runs worth pairing (2..cap documents), and each document's list of
  // them: no lookup per fingerprint afterwards.
  std::vector<int> members;
  members.reserve(entries.size());  // address space; pages as they fill
  std::vector<size_t> run_start = {0};
  for (size_t k = 0; k < entries.size();) {
    size_t end = k + 1;
    while (end < entries.size() &&
           entries[end].fingerprint == entries[k].fingerprint) {
      ++end;
    }
    if (end - k >= 2 && end - k <= cap) {
      for (size_t m = k; m < end; ++m) members.push_back(entries[m].doc);
      run_start.push_back(members.size());
    }
    k = end;
  }
  entries = {};
  const size_t runs = run_start.size() - 1;
  std::vector<size_t> doc_begin(n + 1, 0);
  for (const int doc : members) ++doc_begin[doc + 1];
  for (int i = 0; i < n; ++i) doc_begin[i + 1] += doc_begin[i];
  std::vector<uint32_t> doc_runs(members.size());
  {
    std::vector<size_t> cursor(doc_begin.begin(), doc_begin.end() - 1);
    for (size_t r = 0; r < runs; ++r) {
      for (size_t m = run_start[r]; m < run_start[r + 1]; ++m) {
        doc_runs[cursor[members[m]]++] = static_cast<uint32_t>(r);
      }
    }
  }

  struct Scratch {
    std::vector<int> count, touched;
  };
  std::vector<Scratch> scratch(workers);
  std::vector<std::vector<Candidate>> found(n);
  ParallelFor(n, workers, 64, [&](int worker, int i) {
    Scratch& s = scratch[worker];
    if (s.count.empty()) s.count.assign(n, 0);
    for (size_t k = doc_begin[i]; k < doc_begin[i + 1]; ++k) {
      const size_t r = doc_runs[k];
      for (size_t m = run_start[r]; m < run_start[r + 1]; ++m) {
        const int j = members[m];
        if (j <= i) continue;
        if (s.count[j]++ == 0) s.touched.push_back(j);
      }
    }
    std::sort(s.touched.begin(), s.touched.end());
    for (const int j : s.touched) {
      if (EnoughSharedFingerprints(
              s.count[j], signatures[i].fingerprints.size(),
              signatures[j].fingerprints.size(), options)) {
        found[i].push_back({i, j});
      }
      s.count[j] = 0;
    }
    s.touched.clear();
  });
  std::vector<Candidate> out;
  AppendInOrder(out, found);
  return out;
}

}  // namespace

uint64_t BandKey(const Signature& signature, int band, int bands) {
  const size_t rows = signature.minhash.size() / bands;
  return XXH3_64bits_withSeed(&signature.minhash[band * rows],
                              rows * sizeof(uint32_t), band);
}

// A bucket larger than `cap` is a stock text (an empty page, a standard
// notice) and pairs only neighbours, which still links all its members
// through the verified chain.
void AppendBucketPairs(const std::vector<int>& docs, size_t cap,
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

bool EnoughSharedFingerprints(int shared, size_t fingerprints_a,
                              size_t fingerprints_b,
                              const DedupOptions& options) {
  // Fingerprints sample one shingle in fingerprint_mod, so the shared share
  // of the smaller side estimates its containment; far below the
  // partial-reuse bar, verification would reject the pair anyway.
  const double needed =
      0.5 * options.min_containment * std::min(fingerprints_a, fingerprints_b);
  return shared >= options.min_shared_fingerprints && shared >= needed;
}

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
    // (key, document), sorted: a bucket is a run of equal keys, its
    // documents in order.
    std::vector<std::pair<uint64_t, int>> keyed;
    keyed.reserve(n);
    const int band = job - 1;
    for (int i = 0; i < n; ++i) {
      const Signature& sig = signatures[i];
      if (sig.shingles == 0) continue;
      if (band < 0) {
        keyed.push_back({sig.exact, i});
        continue;
      }
      if (sig.minhash.size() < static_cast<size_t>(bands)) continue;
      keyed.push_back({BandKey(sig, band, bands), i});
    }
    boost::sort::pdqsort_branchless(keyed.begin(), keyed.end());
    std::vector<int> bucket;
    for (size_t k = 0; k < keyed.size();) {
      bucket.clear();
      const uint64_t key = keyed[k].first;
      for (; k < keyed.size() && keyed[k].first == key; ++k) {
        bucket.push_back(keyed[k].second);
      }
      AppendBucketPairs(bucket, cap, found[job]);
    }
  });
  std::vector<Candidate> out = SharedFingerprints(signatures, options, threads);
  AppendInOrder(out, found);
  for (auto& c : out) {
    if (c.a > c.b) std::swap(c.a, c.b);
  }
  // Sorted by pair, whatever the order the jobs found them in.
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace storyline::dedup
