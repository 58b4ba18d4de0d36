// Per-document fingerprints for finding copies: an exact hash, a MinHash
// signature over word shingles (near-duplicates) and a sample of shingle
// hashes (reused passages). About 8 bytes per 8 shingles plus the signature.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "storyline/options.h"
#include "text/kept_words.h"
#include "text/tokenizer.h"

namespace storyline::dedup {

// The words of a text as copy detection sees them: a hash of each word's
// normalized (case-folded) form, and where the word is.
struct HashedWords {
  std::vector<uint64_t> hashes;
  std::vector<Span> spans;
};

HashedWords HashWords(std::span<const text::Token> tokens, uint64_t seed);

// The same straight from the text: the same hashes without building a token
// per word, several times faster.
HashedWords HashWords(std::string_view text, text::Tokenizer& tokenizer,
                      uint64_t seed);

// Hash of every window of `k` consecutive words; a text shorter than k
// words gives one shingle of all its words.
std::vector<uint64_t> ShingleHashes(std::span<const uint64_t> word_hashes,
                                    int k, uint64_t seed);

struct Signature {
  uint64_t exact = 0;             // hash of the whole normalized word sequence
  std::vector<uint32_t> minhash;  // DedupOptions::minhash_size values
  std::vector<uint64_t> fingerprints;  // sampled shingles, sorted, unique
  uint32_t shingles = 0;  // shingle windows; 0 only for a text without words
};

// Signature of a text from its word hashes (seeded with options.seed).
// Pure; O(words), plus sorting the sampled fingerprints.
Signature ComputeSignature(std::span<const uint64_t> word_hashes,
                           const DedupOptions& options);

// The same from its tokens.
Signature ComputeSignature(std::span<const text::Token> tokens,
                           const DedupOptions& options);

// What verifying a candidate pair compares of one text. The shingle hashes
// are cut to 32 bits: two texts of n shingles then share a false one with
// probability about n^2 / 2^32, nothing beside the overlaps that matter,
// and a text's shingles take half the memory.
struct ShingledText {
  std::vector<uint32_t> ordered;  // shingle hashes in text order
  std::vector<uint32_t> sorted;   // the same, sorted and unique

  // Where word `i` is, for passages: its first byte, and its length in one
  // byte (kLongWord: look in long_words, by word index). Five bytes a word
  // instead of eight; the kept shingles are a third smaller.
  std::vector<uint32_t> word_begins;
  std::vector<uint8_t> word_lengths;
  std::vector<std::pair<uint32_t, uint32_t>> long_words;  // (index, length)
  static constexpr uint8_t kLongWord = 255;

  size_t words() const { return word_begins.size(); }
  Span WordSpan(size_t i) const;
};

// A text's signature and its shingles, from one pass over its words, so
// that verification need not tokenize the text again.
struct Fingerprinted {
  Signature signature;
  ShingledText shingled;
};

// Signatures and shingles of one text after another, reusing its tokenizer
// and buffers from text to text: one per thread.
class Fingerprinter {
 public:
  explicit Fingerprinter(const DedupOptions& options) : options_(options) {}

  // From the text, tokenized here, or from its tokens.
  Fingerprinted Of(std::string_view text);
  Fingerprinted Of(std::span<const text::Token> tokens);
  // The signature alone.
  Signature SignatureOf(std::string_view text);
  Signature SignatureOf(std::span<const text::Token> tokens);
  // The shingles alone: of the text, or of its words kept by an analysis
  // pass (text/kept_words.h; no tokenizing).
  ShingledText ShinglesOf(std::string_view text);
  ShingledText ShinglesOf(std::string_view text,
                          std::span<const text::KeptWord> words,
                          const text::Lexicon& lexicon);

 private:
  void HashText(std::string_view text);
  void HashTokens(std::span<const text::Token> tokens);
  ShingledText Shingled();  // of words_, after shingles_ are computed

  DedupOptions options_;
  // Made for the first text: fingerprinting tokens needs none (ICU's break
  // iterators are costly to build).
  std::unique_ptr<text::Tokenizer> tokenizer_;
  HashedWords words_;
  std::vector<uint64_t> shingles_;
  std::string folded_;
};

// How much two shingle lists share, counted over distinct shingles.
struct ShingleOverlap {
  size_t common = 0, unique_a = 0, unique_b = 0;
  double Jaccard() const;
  double ContainmentA() const;  // share of a found in b
  double ContainmentB() const;
};

// O(n log n): sorts copies of both lists.
ShingleOverlap Overlap(std::vector<uint64_t> a, std::vector<uint64_t> b);

// O(n) for lists already sorted and unique.
ShingleOverlap OverlapOfSorted(std::span<const uint64_t> a,
                               std::span<const uint64_t> b);
ShingleOverlap OverlapOfSorted(std::span<const uint32_t> a,
                               std::span<const uint32_t> b);

}  // namespace storyline::dedup
