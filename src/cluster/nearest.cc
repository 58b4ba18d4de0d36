#include "cluster/nearest.h"

#include <algorithm>

#include "cluster/similarity.h"

namespace storyline::cluster {
namespace {

// Exact cosines per query. A write waits for them, and the best match is
// nearly always among the few that share most heavy terms; the batch
// search, which needs every edge, computes 200.
constexpr size_t kMaxCandidates = 32;

int DayOrUndated(std::optional<absl::CivilDay> day) {
  return day ? DayNumber(*day) : std::numeric_limits<int>::min();
}

}  // namespace

NearestArticles::NearestArticles(
    IdfTable idf, std::vector<SparseVector> vectors,
    std::span<const std::optional<absl::CivilDay>> dates,
    const ClusterOptions& options)
    : idf_(std::move(idf)), vectors_(std::move(vectors)), options_(options) {
  const int limit =
      MaxPostings(options.max_term_docs, options.max_df_ratio, vectors_.size());
  for (int d = 0; d < static_cast<int>(vectors_.size()); ++d) {
    for (const int t : HeaviestTerms(vectors_[d], options.candidate_terms)) {
      postings_[vectors_[d].terms[t]].push_back(
          {DayOrUndated(dates[d]), d, vectors_[d].weights[t]});
    }
  }
  for (auto& [term, list] : postings_) {
    std::sort(list.begin(), list.end(), [](const Posting& x, const Posting& y) {
      return x.day != y.day ? x.day < y.day : x.doc < y.doc;
    });
  }
  // Terms in very many articles propose nothing useful, as in the batch
  // search.
  absl::erase_if(postings_, [&](const auto& entry) {
    return static_cast<int>(entry.second.size()) > limit;
  });
}

NearestArticles::Match NearestArticles::Find(
    const SparseVector& counts, std::optional<absl::CivilDay> day) const {
  Match best;
  if (vectors_.empty()) return best;
  const SparseVector v = WeightTerms(counts, idf_, options_);
  // Shared heavy terms give each candidate a partial score; the most
  // promising get an exact cosine, as in the batch search.
  thread_local std::vector<float> score;
  thread_local std::vector<int> touched;
  score.resize(std::max(score.size(), vectors_.size()), 0.0f);
  touched.clear();
  for (const int t : HeaviestTerms(v, options_.candidate_terms)) {
    const auto it = postings_.find(v.terms[t]);
    if (it == postings_.end()) continue;
    const std::vector<Posting>& list = it->second;
    const size_t at =
        day ? std::lower_bound(
                  list.begin(), list.end(), DayNumber(*day),
                  [](const Posting& p, int d) { return p.day < d; }) -
                  list.begin()
            : list.size();
    const size_t half = 3 * static_cast<size_t>(options_.posting_block) / 2;
    const size_t from = at > half ? at - half : 0;
    const size_t to = std::min(list.size(), from + 2 * half);
    for (size_t k = from; k < to; ++k) {
      const Posting& p = list[k];
      if (score[p.doc] == 0) touched.push_back(p.doc);
      score[p.doc] += v.weights[t] * p.weight;
    }
  }
  auto better = [&](int x, int y) {
    return score[x] != score[y] ? score[x] > score[y] : x < y;
  };
  if (touched.size() > kMaxCandidates) {
    std::nth_element(touched.begin(), touched.begin() + kMaxCandidates,
                     touched.end(), better);
  }
  std::vector<int> candidates(
      touched.begin(),
      touched.begin() + std::min(touched.size(), kMaxCandidates));
  for (const int d : touched) score[d] = 0;
  std::sort(candidates.begin(), candidates.end());
  for (const int d : candidates) {
    const double cosine = Dot(v, vectors_[d]);
    if (cosine > best.cosine) best = {d, cosine};
  }
  return best;
}

}  // namespace storyline::cluster
