#include "cluster/nearest.h"

#include <algorithm>

namespace storyline::cluster {
namespace {

// Exact cosines per query, as many as the batch search computes.
constexpr size_t kMaxCandidates = 200;

std::vector<int> HeaviestTerms(const SparseVector& v, int count) {
  std::vector<int> order = TermsByWeight(v);
  if (static_cast<int>(order.size()) > count) order.resize(count);
  return order;
}

}  // namespace

NearestArticles::NearestArticles(IdfTable idf,
                                 std::vector<SparseVector> vectors,
                                 const ClusterOptions& options)
    : idf_(std::move(idf)), vectors_(std::move(vectors)), options_(options) {
  const int limit = std::max(
      2, std::min(options.max_term_docs,
                  static_cast<int>(options.max_df_ratio * vectors_.size())));
  for (int d = 0; d < static_cast<int>(vectors_.size()); ++d) {
    for (const int t : HeaviestTerms(vectors_[d], options.candidate_terms)) {
      postings_[vectors_[d].terms[t]].push_back({d, vectors_[d].weights[t]});
    }
  }
  // Terms in very many articles propose nothing useful, as in the batch
  // search.
  absl::erase_if(postings_, [&](const auto& entry) {
    return static_cast<int>(entry.second.size()) > limit;
  });
}

NearestArticles::Match NearestArticles::Find(const SparseVector& counts) const {
  Match best;
  if (vectors_.empty()) return best;
  const SparseVector v = WeightTerms(counts, idf_, options_);
  // Shared heavy terms give each candidate a partial score; the most
  // promising get an exact cosine, as in the batch search.
  std::vector<std::pair<int, float>> partial;
  for (const int t : HeaviestTerms(v, options_.candidate_terms)) {
    const auto it = postings_.find(v.terms[t]);
    if (it == postings_.end()) continue;
    for (const auto& [d, weight] : it->second) {
      partial.push_back({d, v.weights[t] * weight});
    }
  }
  std::sort(partial.begin(), partial.end());
  std::vector<std::pair<float, int>> scored;  // (-score, doc)
  for (size_t k = 0; k < partial.size();) {
    float score = 0;
    size_t end = k;
    for (; end < partial.size() && partial[end].first == partial[k].first;
         ++end) {
      score += partial[end].second;
    }
    scored.push_back({-score, partial[k].first});
    k = end;
  }
  const size_t keep = std::min<size_t>(scored.size(), kMaxCandidates);
  std::partial_sort(scored.begin(), scored.begin() + keep, scored.end());
  std::vector<int> candidates;
  for (size_t k = 0; k < keep; ++k) candidates.push_back(scored[k].second);
  std::sort(candidates.begin(), candidates.end());
  for (const int d : candidates) {
    const double cosine = Dot(v, vectors_[d]);
    if (cosine > best.cosine) best = {d, cosine};
  }
  return best;
}

}  // namespace storyline::cluster
