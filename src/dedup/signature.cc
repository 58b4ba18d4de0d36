#include "dedup/signature.h"

#include <xxhash.h>

#include <algorithm>
#include <limits>

namespace storyline::dedup {
namespace {

// Odd multipliers for the universal hash family h_i(x) = (a_i*x + b_i) >> 32,
// drawn once from a fixed seed so signatures are comparable across runs.
struct HashFamily {
  std::vector<uint64_t> a, b;
  HashFamily(int size, uint64_t seed) {
    uint64_t state = seed;
    auto next = [&state] {  // splitmix64
      uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
      return z ^ (z >> 31);
    };
    for (int i = 0; i < size; ++i) {
      a.push_back(next() | 1);
      b.push_back(next());
    }
  }
};

}  // namespace

std::vector<uint64_t> ShingleHashes(std::span<const text::Token> tokens, int k,
                                    uint64_t seed) {
  std::vector<uint64_t> word_hashes;
  word_hashes.reserve(tokens.size());
  for (const auto& token : tokens) {
    word_hashes.push_back(
        XXH3_64bits_withSeed(token.norm.data(), token.norm.size(), seed));
  }
  std::vector<uint64_t> shingles;
  if (word_hashes.empty()) return shingles;
  const size_t width = std::min<size_t>(k, word_hashes.size());
  shingles.reserve(word_hashes.size() - width + 1);
  for (size_t i = 0; i + width <= word_hashes.size(); ++i) {
    shingles.push_back(
        XXH3_64bits_withSeed(&word_hashes[i], width * sizeof(uint64_t), seed));
  }
  return shingles;
}

Signature ComputeSignature(std::span<const text::Token> tokens,
                           const DedupOptions& options) {
  Signature signature;
  std::vector<uint64_t> shingles =
      ShingleHashes(tokens, options.shingle_tokens, options.seed);
  {
    XXH3_state_t* state = XXH3_createState();
    XXH3_64bits_reset_withSeed(state, options.seed);
    for (const auto& token : tokens) {
      XXH3_64bits_update(state, token.norm.data(), token.norm.size() + 1);
    }
    signature.exact = XXH3_64bits_digest(state);
    XXH3_freeState(state);
  }
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  signature.shingles = static_cast<uint32_t>(shingles.size());

  const int size = std::max(1, options.minhash_size);
  const HashFamily family(size, options.seed);  // ~1 us; no shared state
  signature.minhash.assign(size, std::numeric_limits<uint32_t>::max());
  for (const uint64_t shingle : shingles) {
    for (int i = 0; i < size; ++i) {
      const auto h =
          static_cast<uint32_t>((family.a[i] * shingle + family.b[i]) >> 32);
      signature.minhash[i] = std::min(signature.minhash[i], h);
    }
    if (shingle % static_cast<uint64_t>(options.fingerprint_mod) == 0) {
      signature.fingerprints.push_back(shingle);  // already sorted, unique
    }
  }
  return signature;
}

ShingleOverlap Overlap(std::vector<uint64_t> a, std::vector<uint64_t> b) {
  std::sort(a.begin(), a.end());
  a.erase(std::unique(a.begin(), a.end()), a.end());
  std::sort(b.begin(), b.end());
  b.erase(std::unique(b.begin(), b.end()), b.end());
  return OverlapOfSorted(a, b);
}

ShingleOverlap OverlapOfSorted(std::span<const uint64_t> a,
                               std::span<const uint64_t> b) {
  ShingleOverlap overlap{0, a.size(), b.size()};
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++overlap.common, ++i, ++j;
    }
  }
  return overlap;
}

double ShingleOverlap::Jaccard() const {
  const size_t total = unique_a + unique_b - common;
  return total == 0 ? 0 : static_cast<double>(common) / total;
}
double ShingleOverlap::ContainmentA() const {
  return unique_a == 0 ? 0 : static_cast<double>(common) / unique_a;
}
double ShingleOverlap::ContainmentB() const {
  return unique_b == 0 ? 0 : static_cast<double>(common) / unique_b;
}

}  // namespace storyline::dedup
