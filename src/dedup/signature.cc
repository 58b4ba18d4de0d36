#include "dedup/signature.h"

#include <xxhash.h>

#include <algorithm>
#include <limits>
#include <string>

#include "text/unicode.h"

namespace storyline::dedup {
namespace {

// One-permutation MinHash: a shingle's hash picks one of the signature's
// bins (its high half) and competes for that bin's minimum (its low half),
// so a text costs one hash per shingle rather than one per value. Bins no
// shingle fell in (short texts) borrow from the next filled bin to the
// right, salted by the distance ("rotation" densification, Shrivastava and
// Li 2014): two texts then agree on a borrowed value about as often as on
// a filled one.
void FillBins(std::span<const uint64_t> shingles, std::vector<uint32_t>& bins) {
  constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  const uint64_t size = bins.size();
  std::vector<char> filled(size, 0);
  for (const uint64_t h : shingles) {
    const size_t bin = ((h >> 32) * size) >> 32;
    const auto value = static_cast<uint32_t>(h);
    bins[bin] = std::min(bins[bin], value);
    filled[bin] = 1;
  }
  if (shingles.empty()) return;
  constexpr uint32_t kSalt = 0x9E3779B1u;  // odd: distances stay distinct
  for (size_t k = 0; k < size; ++k) {
    if (filled[k]) continue;
    size_t t = 1;
    while (!filled[(k + t) % size]) ++t;
    bins[k] = bins[(k + t) % size] + static_cast<uint32_t>(t) * kSalt;
    if (bins[k] == kEmpty) --bins[k];  // keep "empty" for no shingles at all
  }
}

}  // namespace

HashedWords HashWords(std::span<const text::Token> tokens, uint64_t seed) {
  HashedWords words;
  words.hashes.reserve(tokens.size());
  words.spans.reserve(tokens.size());
  for (const auto& token : tokens) {
    words.hashes.push_back(
        XXH3_64bits_withSeed(token.norm.data(), token.norm.size(), seed));
    words.spans.push_back(token.span);
  }
  return words;
}

HashedWords HashWords(std::string_view text, text::Tokenizer& tokenizer,
                      uint64_t seed) {
  HashedWords words;
  tokenizer.WordSpans(text, words.spans);
  words.hashes.reserve(words.spans.size());
  std::string folded;
  for (const Span& span : words.spans) {
    text::FoldCaseInto(text.substr(span.begin, span.end - span.begin), folded);
    words.hashes.push_back(
        XXH3_64bits_withSeed(folded.data(), folded.size(), seed));
  }
  return words;
}

std::vector<uint64_t> ShingleHashes(std::span<const uint64_t> word_hashes,
                                    int k, uint64_t seed) {
  std::vector<uint64_t> shingles;
  if (word_hashes.empty()) return shingles;
  const size_t width = std::min<size_t>(std::max(k, 1), word_hashes.size());
  shingles.reserve(word_hashes.size() - width + 1);
  for (size_t i = 0; i + width <= word_hashes.size(); ++i) {
    shingles.push_back(
        XXH3_64bits_withSeed(&word_hashes[i], width * sizeof(uint64_t), seed));
  }
  return shingles;
}

Signature ComputeSignature(std::span<const uint64_t> word_hashes,
                           const DedupOptions& options) {
  Signature signature;
  std::vector<uint64_t> shingles =
      ShingleHashes(word_hashes, options.shingle_tokens, options.seed);
  // The whole word sequence; word hashes are fixed-size, so no separator
  // is needed between them.
  signature.exact = XXH3_64bits_withSeed(
      word_hashes.data(), word_hashes.size() * sizeof(uint64_t), options.seed);
  std::sort(shingles.begin(), shingles.end());
  shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
  signature.shingles = static_cast<uint32_t>(shingles.size());
  signature.minhash.assign(std::max(1, options.minhash_size),
                           std::numeric_limits<uint32_t>::max());
  FillBins(shingles, signature.minhash);
  for (const uint64_t shingle : shingles) {
    if (shingle % static_cast<uint64_t>(options.fingerprint_mod) == 0) {
      signature.fingerprints.push_back(shingle);  // already sorted, unique
    }
  }
  return signature;
}

Signature ComputeSignature(std::span<const text::Token> tokens,
                           const DedupOptions& options) {
  return ComputeSignature(HashWords(tokens, options.seed).hashes, options);
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
