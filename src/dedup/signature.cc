#include "dedup/signature.h"

#include <xxhash.h>

#include <algorithm>
#include <boost/sort/pdqsort/pdqsort.hpp>
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

// The signature of a text whose shingle hashes are `shingles`, in text
// order. MinHash minima do not depend on order, so nothing is sorted but
// the sampled fingerprints.
Signature SignatureOfShingles(std::span<const uint64_t> word_hashes,
                              std::span<const uint64_t> shingles,
                              const DedupOptions& options) {
  Signature signature;
  // The whole word sequence; word hashes are fixed-size, so no separator
  // is needed between them.
  signature.exact = XXH3_64bits_withSeed(
      word_hashes.data(), word_hashes.size() * sizeof(uint64_t), options.seed);
  signature.shingles = static_cast<uint32_t>(shingles.size());
  signature.minhash.assign(std::max(1, options.minhash_size),
                           std::numeric_limits<uint32_t>::max());
  FillBins(shingles, signature.minhash);
  const auto mod = static_cast<uint64_t>(options.fingerprint_mod);
  for (const uint64_t shingle : shingles) {
    if (shingle % mod == 0) signature.fingerprints.push_back(shingle);
  }
  auto& fingerprints = signature.fingerprints;
  std::sort(fingerprints.begin(), fingerprints.end());
  fingerprints.erase(std::unique(fingerprints.begin(), fingerprints.end()),
                     fingerprints.end());
  return signature;
}

template <typename Hash>
ShingleOverlap OverlapOfSortedLists(std::span<const Hash> a,
                                    std::span<const Hash> b) {
  ShingleOverlap overlap{0, a.size(), b.size()};
  // Branchless merge: which list advances is unpredictable for hashes.
  size_t i = 0, j = 0, common = 0;
  while (i < a.size() && j < b.size()) {
    const Hash x = a[i], y = b[j];
    common += x == y;
    i += x <= y;
    j += y <= x;
  }
  overlap.common = common;
  return overlap;
}

void HashTokensInto(std::span<const text::Token> tokens, uint64_t seed,
                    HashedWords& words) {
  words.hashes.clear();
  words.spans.clear();
  for (const auto& token : tokens) {
    words.hashes.push_back(
        XXH3_64bits_withSeed(token.norm.data(), token.norm.size(), seed));
    words.spans.push_back(token.span);
  }
}

void HashTextInto(std::string_view text, text::Tokenizer& tokenizer,
                  uint64_t seed, HashedWords& words, std::string& folded) {
  tokenizer.WordSpans(text, words.spans);
  words.hashes.clear();
  for (const Span& span : words.spans) {
    text::FoldCaseInto(text.substr(span.begin, span.end - span.begin), folded);
    words.hashes.push_back(
        XXH3_64bits_withSeed(folded.data(), folded.size(), seed));
  }
}

void ShingleHashesInto(std::span<const uint64_t> word_hashes, int k,
                       uint64_t seed, std::vector<uint64_t>& shingles) {
  shingles.clear();
  if (word_hashes.empty()) return;
  const size_t width = std::min<size_t>(std::max(k, 1), word_hashes.size());
  for (size_t i = 0; i + width <= word_hashes.size(); ++i) {
    shingles.push_back(
        XXH3_64bits_withSeed(&word_hashes[i], width * sizeof(uint64_t), seed));
  }
}

}  // namespace

HashedWords HashWords(std::span<const text::Token> tokens, uint64_t seed) {
  HashedWords words;
  HashTokensInto(tokens, seed, words);
  return words;
}

HashedWords HashWords(std::string_view text, text::Tokenizer& tokenizer,
                      uint64_t seed) {
  HashedWords words;
  std::string folded;
  HashTextInto(text, tokenizer, seed, words, folded);
  return words;
}

std::vector<uint64_t> ShingleHashes(std::span<const uint64_t> word_hashes,
                                    int k, uint64_t seed) {
  std::vector<uint64_t> shingles;
  ShingleHashesInto(word_hashes, k, seed, shingles);
  return shingles;
}

Signature ComputeSignature(std::span<const uint64_t> word_hashes,
                           const DedupOptions& options) {
  const std::vector<uint64_t> shingles =
      ShingleHashes(word_hashes, options.shingle_tokens, options.seed);
  return SignatureOfShingles(word_hashes, shingles, options);
}

Signature ComputeSignature(std::span<const text::Token> tokens,
                           const DedupOptions& options) {
  return ComputeSignature(HashWords(tokens, options.seed).hashes, options);
}

// Braced members are initialized in order: the signature's pass fills the
// buffers Shingled() reads.
Fingerprinted Fingerprinter::Of(std::string_view text) {
  return {SignatureOf(text), Shingled()};
}

Fingerprinted Fingerprinter::Of(std::span<const text::Token> tokens) {
  return {SignatureOf(tokens), Shingled()};
}

Signature Fingerprinter::SignatureOf(std::string_view text) {
  HashText(text);
  return SignatureOfShingles(words_.hashes, shingles_, options_);
}

Signature Fingerprinter::SignatureOf(std::span<const text::Token> tokens) {
  HashTokens(tokens);
  return SignatureOfShingles(words_.hashes, shingles_, options_);
}

ShingledText Fingerprinter::ShinglesOf(std::string_view text) {
  HashText(text);
  return Shingled();
}

ShingledText Fingerprinter::ShinglesOf(std::string_view text,
                                       std::span<const text::KeptWord> words,
                                       const text::Lexicon& lexicon) {
  words_.hashes.clear();
  words_.spans.clear();
  text::PrefetchEntries prefetch(words, lexicon);
  for (text::KeptWordReader r(words); r.Next();) {
    prefetch.Next();
    const std::string_view norm = r.Norm(lexicon, text, folded_);
    words_.hashes.push_back(
        XXH3_64bits_withSeed(norm.data(), norm.size(), options_.seed));
    words_.spans.push_back(r.span());
  }
  ShingleHashesInto(words_.hashes, options_.shingle_tokens, options_.seed,
                    shingles_);
  return Shingled();
}

void Fingerprinter::HashText(std::string_view text) {
  if (!tokenizer_) tokenizer_ = std::make_unique<text::Tokenizer>();
  HashTextInto(text, *tokenizer_, options_.seed, words_, folded_);
  ShingleHashesInto(words_.hashes, options_.shingle_tokens, options_.seed,
                    shingles_);
}

void Fingerprinter::HashTokens(std::span<const text::Token> tokens) {
  HashTokensInto(tokens, options_.seed, words_);
  ShingleHashesInto(words_.hashes, options_.shingle_tokens, options_.seed,
                    shingles_);
}

Span ShingledText::WordSpan(size_t i) const {
  uint32_t length = word_lengths[i];
  if (length == kLongWord) {
    const auto it = std::lower_bound(
        long_words.begin(), long_words.end(),
        std::pair<uint32_t, uint32_t>{static_cast<uint32_t>(i), 0});
    length = it->second;
  }
  return {word_begins[i], word_begins[i] + length};
}

ShingledText Fingerprinter::Shingled() {
  ShingledText s;
  s.ordered.reserve(shingles_.size());
  for (const uint64_t h : shingles_) {
    s.ordered.push_back(static_cast<uint32_t>(h));
  }
  s.sorted = s.ordered;
  // Sorting a few hundred random integers is this stage's largest cost:
  // the branchless variant avoids a mispredicted branch per comparison.
  boost::sort::pdqsort_branchless(s.sorted.begin(), s.sorted.end());
  s.sorted.erase(std::unique(s.sorted.begin(), s.sorted.end()), s.sorted.end());
  s.word_begins.reserve(words_.spans.size());
  s.word_lengths.reserve(words_.spans.size());
  for (const Span& span : words_.spans) {
    const uint32_t length = span.end - span.begin;
    s.word_begins.push_back(span.begin);
    if (length < ShingledText::kLongWord) {
      s.word_lengths.push_back(static_cast<uint8_t>(length));
    } else {
      s.word_lengths.push_back(ShingledText::kLongWord);
      s.long_words.push_back(
          {static_cast<uint32_t>(s.word_begins.size() - 1), length});
    }
  }
  return s;
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
  return OverlapOfSortedLists(a, b);
}

ShingleOverlap OverlapOfSorted(std::span<const uint32_t> a,
                               std::span<const uint32_t> b) {
  return OverlapOfSortedLists(a, b);
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
