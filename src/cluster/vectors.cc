#include "cluster/vectors.h"

#include <algorithm>
#include <boost/sort/pdqsort/pdqsort.hpp>
#include <cmath>
#include <numeric>

#include "base/parallel.h"

namespace storyline::cluster {
namespace {

// A stem's term: the low 32 bits of its hash.
Term TermOf(const text::Token& token) {
  return static_cast<Term>(text::StemHash(token));
}

bool Countable(const text::Token& token) {
  if (token.stopword) return false;
  if (token.is_number) return token.norm.size() >= 3;  // years, figures
  return token.norm.size() >= 2;
}

SparseVector FromMap(const absl::flat_hash_map<Term, float>& map) {
  std::vector<std::pair<Term, float>> items(map.begin(), map.end());
  // Terms are distinct hashes: a branchless sort avoids a mispredicted
  // branch per comparison.
  boost::sort::pdqsort_branchless(
      items.begin(), items.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  SparseVector v;
  v.terms.reserve(items.size());
  v.weights.reserve(items.size());
  for (const auto& [term, weight] : items) {
    v.terms.push_back(term);
    v.weights.push_back(weight);
  }
  return v;
}

// Keeps the `max_terms` heaviest entries, without renormalizing: the
// dropped mass is real dissimilarity.
void KeepHeaviest(SparseVector& v, int max_terms) {
  if (static_cast<int>(v.size()) <= max_terms) return;
  std::vector<int> order = TermsByWeight(v);
  order.resize(max_terms);
  std::sort(order.begin(), order.end());
  SparseVector cut;
  for (const int i : order) {
    cut.terms.push_back(v.terms[i]);
    cut.weights.push_back(v.weights[i]);
  }
  v = std::move(cut);
}

}  // namespace

SparseVector CountTerms(std::span<const text::Token> title,
                        std::span<const text::Token> body,
                        const ClusterOptions& options) {
  absl::flat_hash_map<Term, float> counts;
  counts.reserve(title.size() + body.size());  // no rehashing as it fills
  for (const auto& token : title) {
    if (Countable(token)) {
      counts[TermOf(token)] += static_cast<float>(options.title_weight);
    }
  }
  const bool lead_as_title = title.empty();
  for (const auto& token : body) {
    if (!Countable(token)) continue;
    float weight = 1;
    if (token.upper_initial && !token.sentence_start) {
      weight = static_cast<float>(options.name_weight);
    }
    counts[TermOf(token)] += weight;
  }
  if (lead_as_title) {
    // The lead sentence stands in for a missing title.
    for (size_t i = 0; i < body.size(); ++i) {
      if (i > 0 && body[i].sentence_start) break;
      if (Countable(body[i])) {
        counts[TermOf(body[i])] += static_cast<float>(options.title_weight - 1);
      }
    }
  }
  return FromMap(counts);
}

void IdfTable::Add(const SparseVector& counts) {
  ++documents_;
  for (const uint64_t term : counts.terms) ++df_[term];
}

void IdfTable::Remove(const SparseVector& counts) {
  --documents_;
  for (const uint64_t term : counts.terms) {
    const auto it = df_.find(term);
    if (it != df_.end() && --it->second <= 0) df_.erase(it);
  }
}

void IdfTable::Merge(const IdfTable& other) {
  documents_ += other.documents_;
  for (const auto& [term, df] : other.df_) df_[term] += df;
}

int IdfTable::DocumentFrequency(uint64_t term) const {
  const auto it = df_.find(term);
  return it == df_.end() ? 0 : it->second;
}

double IdfTable::IdfOfDf(int df) const {
  return std::log((1.0 + documents_) / (1.0 + df)) + 1;
}

SparseVector WeightTerms(const SparseVector& counts, const IdfTable& idf,
                         const ClusterOptions& options, int min_df) {
  SparseVector v;
  double norm = 0;
  std::vector<double> weights(counts.size());
  std::vector<int> df(counts.size());
  for (size_t i = 0; i < counts.size(); ++i) {
    df[i] = idf.DocumentFrequency(counts.terms[i]);  // one lookup per term
    weights[i] = (1 + std::log(double{counts.weights[i]})) * idf.IdfOfDf(df[i]);
    norm += weights[i] * weights[i];
  }
  norm = std::sqrt(norm);
  if (norm == 0) return v;
  for (size_t i = 0; i < counts.size(); ++i) {
    if (df[i] < min_df) continue;
    v.terms.push_back(counts.terms[i]);
    v.weights.push_back(static_cast<float>(weights[i] / norm));
  }
  KeepHeaviest(v, options.vector_terms);
  return v;
}

namespace {

// Products are summed in fixed point, 2^-52 units: integer addition is
// associative, so a sum is the same in any order (either side of a pair,
// either algorithm), and it has no chain of floating-point adds for the
// CPU to wait on. Weights are at most 1, so 256 products fit in 60 bits;
// each loses under 2^-52 to truncation.
constexpr double kFixedOne = 0x1p52;

int64_t Fixed(float a, float b) {
  return static_cast<int64_t>(double{a} * b * kFixedOne);
}

double FromFixed(int64_t sum) { return static_cast<double>(sum) / kFixedOne; }

}  // namespace

double Dot(const SparseVector& a, const SparseVector& b) {
  // A branch-free merge: which side advances is data, not control flow, so
  // the CPU does not mispredict on every other term.
  const Term* at = a.terms.data();
  const Term* bt = b.terms.data();
  const float* aw = a.weights.data();
  const float* bw = b.weights.data();
  const size_t na = a.size(), nb = b.size();
  int64_t dot = 0;
  size_t i = 0, j = 0;
  while (i < na && j < nb) {
    const Term x = at[i], y = bt[j];
    dot += x == y ? Fixed(aw[i], bw[j]) : 0;
    i += x <= y;
    j += y <= x;
  }
  return FromFixed(dot);
}

void DotWith::Load(const SparseVector& fixed) {
  fixed_ = &fixed;
  fallback_ = false;
  // At most a quarter full, so that cuckoo placement (each term in one of
  // two slots) nearly always succeeds at once.
  int bits = 4;
  while ((size_t{1} << bits) < 4 * fixed.size()) ++bits;
  shift_ = 32 - bits;
  keys_.assign(size_t{1} << bits, kEmpty);
  weights_.assign(size_t{1} << bits, 0);
  mask_ = static_cast<Term>((size_t{1} << bits) - 1);
  for (size_t k = 0; k < fixed.size(); ++k) {
    Term term = fixed.terms[k];
    float weight = fixed.weights[k];
    if (term == kEmpty) {
      fallback_ = true;
      return;
    }
    // Place it, moving out whichever term holds its slot to that term's
    // other slot, a bounded number of times.
    Term slot = First(term);
    for (int moves = 0;; ++moves) {
      std::swap(term, keys_[slot]);
      std::swap(weight, weights_[slot]);
      if (term == kEmpty) break;
      if (moves == 64) {
        fallback_ = true;
        return;
      }
      slot = slot == First(term) ? Second(term) : First(term);
    }
  }
}

PackedVectors::PackedVectors(std::span<const SparseVector> vectors,
                             int threads) {
  offsets_.resize(vectors.size() + 1, 0);
  for (size_t i = 0; i < vectors.size(); ++i) {
    offsets_[i + 1] = offsets_[i] + vectors[i].size();
  }
  pairs_.resize(offsets_.back());
  ParallelFor(static_cast<int>(vectors.size()), threads, 256, [&](int, int i) {
    TermWeight* out = pairs_.data() + offsets_[i];
    for (size_t k = 0; k < vectors[i].size(); ++k) {
      out[k] = {vectors[i].terms[k], vectors[i].weights[k]};
    }
  });
}

float DotWith::WeightOf(Term term) const {
  // Both candidate slots are read, whatever they hold: no branch to
  // mispredict. A term in neither weighs 0.
  const Term first = First(term), second = Second(term);
  return keys_[first] == term    ? weights_[first]
         : keys_[second] == term ? weights_[second]
                                 : 0.0f;
}

double DotWith::operator()(std::span<const TermWeight> other) const {
  if (fallback_) {
    SparseVector unpacked;
    for (const TermWeight& tw : other) {
      unpacked.terms.push_back(tw.term);
      unpacked.weights.push_back(tw.weight);
    }
    return Dot(*fixed_, unpacked);
  }
  int64_t dot = 0;
  for (const TermWeight& tw : other) dot += Fixed(WeightOf(tw.term), tw.weight);
  return FromFixed(dot);
}

double DotWith::operator()(const SparseVector& other) const {
  if (fallback_) return Dot(*fixed_, other);
  int64_t dot = 0;
  for (size_t k = 0; k < other.size(); ++k) {
    dot += Fixed(WeightOf(other.terms[k]), other.weights[k]);
  }
  return FromFixed(dot);
}

namespace {

// Weight descending, then term: a strict order, since a vector's terms are
// distinct, so every sort by it gives one result.
auto HeavierFirst(const SparseVector& v) {
  return [&v](int x, int y) {
    if (v.weights[x] != v.weights[y]) return v.weights[x] > v.weights[y];
    return v.terms[x] < v.terms[y];
  };
}

}  // namespace

std::vector<int> TermsByWeight(const SparseVector& v) {
  std::vector<int> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), HeavierFirst(v));
  return order;
}

std::vector<int> HeaviestTerms(const SparseVector& v, int count) {
  std::vector<int> order(v.size());
  std::iota(order.begin(), order.end(), 0);
  const size_t kept =
      std::min(order.size(), static_cast<size_t>(std::max(0, count)));
  std::partial_sort(order.begin(), order.begin() + kept, order.end(),
                    HeavierFirst(v));
  order.resize(kept);
  return order;
}

}  // namespace storyline::cluster
