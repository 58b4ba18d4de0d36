#include <xxhash.h>

#include <algorithm>

#include "absl/container/flat_hash_map.h"
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

}  // namespace

std::vector<Candidate> FindCandidates(std::span<const Signature> signatures,
                                      const DedupOptions& options) {
  std::vector<Candidate> out;
  const int n = static_cast<int>(signatures.size());
  const size_t cap = static_cast<size_t>(options.max_fingerprint_docs);

  // Exact duplicates share the whole-text hash.
  {
    absl::flat_hash_map<uint64_t, std::vector<int>> groups;
    for (int i = 0; i < n; ++i) {
      if (signatures[i].shingles > 0) groups[signatures[i].exact].push_back(i);
    }
    for (const auto& [hash, docs] : groups) PairBucket(docs, cap, out);
  }
  // LSH: documents whose signatures agree on a whole band.
  const int bands = std::max(1, options.bands);
  for (int band = 0; band < bands; ++band) {
    absl::flat_hash_map<uint64_t, std::vector<int>> buckets;
    for (int i = 0; i < n; ++i) {
      const auto& minhash = signatures[i].minhash;
      const size_t rows = minhash.size() / bands;
      if (rows == 0 || signatures[i].shingles == 0) continue;
      const uint64_t key = XXH3_64bits_withSeed(&minhash[band * rows],
                                                rows * sizeof(uint32_t), band);
      buckets[key].push_back(i);
    }
    for (const auto& [key, docs] : buckets) PairBucket(docs, cap, out);
  }
  // Shared passage fingerprints: count per pair, keep pairs with enough.
  {
    absl::flat_hash_map<uint64_t, std::vector<int>> postings;
    for (int i = 0; i < n; ++i) {
      for (const uint64_t fp : signatures[i].fingerprints) {
        postings[fp].push_back(i);
      }
    }
    absl::flat_hash_map<uint64_t, int> shared;
    for (const auto& [fp, docs] : postings) {
      if (docs.size() < 2 || docs.size() > cap) continue;
      for (size_t i = 0; i < docs.size(); ++i) {
        for (size_t j = i + 1; j < docs.size(); ++j) {
          ++shared[(uint64_t(docs[i]) << 32) | uint32_t(docs[j])];
        }
      }
    }
    for (const auto& [key, count] : shared) {
      // Fingerprints sample one shingle in fingerprint_mod, so the shared
      // share of the smaller side estimates its containment; far below the
      // partial-reuse bar, verification would reject the pair anyway.
      const size_t smaller =
          std::min(signatures[key >> 32].fingerprints.size(),
                   signatures[key & 0xffffffffu].fingerprints.size());
      const double needed = 0.5 * options.min_containment * smaller;
      if (count >= options.min_shared_fingerprints && count >= needed) {
        out.push_back(
            {static_cast<int>(key >> 32), static_cast<int>(key & 0xffffffffu)});
      }
    }
  }
  for (auto& c : out) {
    if (c.a > c.b) std::swap(c.a, c.b);
  }
  // Hash-map iteration order varies: sorting makes the output deterministic.
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace storyline::dedup
