// TF-IDF vectors of stems: what clustering compares.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/time/civil_time.h"
#include "base/uninitialized.h"
#include "storyline/options.h"
#include "text/tokenizer.h"

namespace storyline::cluster {

// A term is a 32-bit hash of a stem: no shared dictionary, so documents are
// analysed on any thread, or any machine, independently. Two stems share a
// hash about once per 4 billion pairs: among a million distinct stems, a
// hundred or so pairs, each a tiny, fixed change to some cosines; 32 bits
// instead of 64 take a third off every vector.
using Term = uint32_t;

// Sorted by term.
struct SparseVector {
  std::vector<Term> terms;
  std::vector<float> weights;
  size_t size() const { return terms.size(); }
};

// Weighted term frequencies of one article: title (or, without one, the
// lead sentence) terms count `title_weight`, capitalized words inside a
// sentence (names) count `name_weight`, stopwords and one-letter words
// nothing. Pure.
SparseVector CountTerms(std::span<const text::Token> title,
                        std::span<const text::Token> body,
                        const ClusterOptions& options);

// Document frequencies over a corpus.
class IdfTable {
 public:
  void Add(const SparseVector& counts);
  // Takes back an Add of the same counts.
  void Remove(const SparseVector& counts);
  void Merge(const IdfTable& other);
  int documents() const { return documents_; }
  int DocumentFrequency(uint64_t term) const;
  // Smoothed idf: ln((1 + N) / (1 + df)) + 1.
  double Idf(uint64_t term) const { return IdfOfDf(DocumentFrequency(term)); }
  double IdfOfDf(int df) const;

  // For tables counted apart (on other machines) and merged by hand.
  const absl::flat_hash_map<uint64_t, int>& frequencies() const { return df_; }
  void AddDocuments(int documents) { documents_ += documents; }
  void AddTermDocuments(uint64_t term, int df) { df_[term] += df; }

 private:
  absl::flat_hash_map<uint64_t, int> df_;
  int documents_ = 0;
};

// Sublinear TF-IDF, L2-normalized over all terms, then cut to the
// `options.vector_terms` heaviest terms found in at least `min_df`
// documents (in a fixed corpus, terms of one document can never match).
// Pure.
SparseVector WeightTerms(const SparseVector& counts, const IdfTable& idf,
                         const ClusterOptions& options, int min_df = 2);

// Summed in fixed point: the same value whichever side comes first, and
// whichever of Dot or DotWith computes it.
double Dot(const SparseVector& a, const SparseVector& b);

// A vector's terms and weights side by side, as a dot product reads them.
struct TermWeight {
  Term term;
  float weight;
};

// Many vectors in one array, each one's (term, weight) pairs after the
// previous one's: a dot product reads one stream instead of two, and
// vectors next to each other in the list are next to each other in memory.
class PackedVectors {
 public:
  PackedVectors(std::span<const SparseVector> vectors, int threads);
  std::span<const TermWeight> operator[](size_t i) const {
    return std::span(pairs_).subspan(offsets_[i],
                                     offsets_[i + 1] - offsets_[i]);
  }
  // Starts loading where vector `i` lies, for an operator[] soon after.
  void PrefetchPlace(size_t i) const { __builtin_prefetch(&offsets_[i]); }

 private:
  UninitializedVector<TermWeight> pairs_;  // first written by the workers
  std::vector<size_t> offsets_;            // one more than vectors
};

// Dot products of one vector with many: the fixed side's terms go into a
// small cuckoo table (in L1 cache), so each product costs two loads per
// term of the other side, with no merge's chain of dependent loads and no
// branch. The results are Dot's, bit for bit. Load() again to reuse the
// table's memory.
class DotWith {
 public:
  DotWith() = default;
  explicit DotWith(const SparseVector& fixed) { Load(fixed); }
  void Load(const SparseVector& fixed);
  double operator()(const SparseVector& other) const;
  double operator()(std::span<const TermWeight> other) const;

 private:
  static constexpr Term kEmpty = ~Term{0};
  // A term's two possible slots: low bits, and high bits of a product
  // (terms are hashes already, so both are as good as any).
  Term First(Term term) const { return term & mask_; }
  Term Second(Term term) const { return (term * 0x9E3779B1u) >> shift_; }
  // The fixed side's weight of `term`; 0 when it has none.
  float WeightOf(Term term) const;

  const SparseVector* fixed_ = nullptr;
  std::vector<Term> keys_;
  std::vector<float> weights_;
  Term mask_ = 0;
  int shift_ = 28;
  // `fixed` holds kEmpty itself, or could not be placed: plain Dot.
  bool fallback_ = false;
};

// Starts loading `v`'s terms and weights into cache, for a dot product
// soon after: in a large corpus they are rarely there already.
inline void Prefetch(std::span<const TermWeight> v) {
  for (size_t line = 0; line * 8 < v.size(); ++line) {
    __builtin_prefetch(v.data() + line * 8);
  }
}

// Heaviest terms first (weight desc, then term): for candidate generation.
std::vector<int> TermsByWeight(const SparseVector& v);

// The first `count` of TermsByWeight(v): the terms a vector is indexed by.
std::vector<int> HeaviestTerms(const SparseVector& v, int count);

}  // namespace storyline::cluster
