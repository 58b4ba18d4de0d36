#include "cluster/nearest.h"

#include <algorithm>

#include "cluster/best_candidates.h"
#include "cluster/similarity.h"

namespace storyline::cluster {
namespace {

// Exact cosines per query. A write waits for them, and the best matches
// are nearly always among the few that share most heavy terms; the batch
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
    : options_(options) {
  absl::MutexLock lock(&mu_);
  idf_ = std::move(idf);
  vectors_ = std::move(vectors);
  const int max_postings =
      MaxPostings(options.max_term_docs, options.max_df_ratio, vectors_.size());
  for (int d = 0; d < static_cast<int>(vectors_.size()); ++d) {
    for (const int t : HeaviestTerms(vectors_[d], options.candidate_terms)) {
      postings_[vectors_[d].terms[t]].push_back(
          {DayOrUndated(dates[d]), d, vectors_[d].weights[t]});
    }
  }
  for (auto& [term, list] : postings_) {
    std::sort(list.begin(), list.end(), Earlier);
  }
  absl::erase_if(postings_, [&](const auto& entry) {
    if (static_cast<int>(entry.second.size()) <= max_postings) return false;
    common_.insert(entry.first);
    return true;
  });
}

// Terms common at the last full build stay out; others grow without a cap
// until the next: a small corpus would otherwise, while it grows, shut out
// every term it starts with, and the window around a day bounds the cost.
void NearestArticles::Index(int doc, int day) {
  const SparseVector& v = vectors_[doc];
  for (const int t : HeaviestTerms(v, options_.candidate_terms)) {
    const Term term = v.terms[t];
    if (common_.contains(term)) continue;
    std::vector<Posting>& list = postings_[term];
    const Posting posting{day, doc, v.weights[t]};
    list.insert(std::upper_bound(list.begin(), list.end(), posting, Earlier),
                posting);
  }
}

int NearestArticles::Add(const SparseVector& counts,
                         std::optional<absl::CivilDay> day) {
  absl::MutexLock lock(&mu_);
  idf_.Add(counts);
  // Terms of this article alone count too: they are what its next copies
  // will share with it.
  vectors_.push_back(WeightTerms(counts, idf_, options_, /*min_df=*/1));
  const int doc = static_cast<int>(vectors_.size()) - 1;
  Index(doc, DayOrUndated(day));
  return doc;
}

void NearestArticles::Remove(const SparseVector& counts) {
  absl::MutexLock lock(&mu_);
  idf_.Remove(counts);
}

std::vector<NearestArticles::Match> NearestArticles::Neighbors(
    const SparseVector& v, std::optional<absl::CivilDay> day,
    const std::function<bool(int)>& usable, size_t max) const {
  absl::ReaderMutexLock lock(&mu_);
  std::vector<Match> out;
  if (vectors_.empty()) return out;
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
    auto first_of_day = [&](int d) {
      return static_cast<size_t>(
          std::lower_bound(list.begin(), list.end(), d,
                           [](const Posting& p, int x) { return p.day < x; }) -
          list.begin());
    };
    auto visit = [&](size_t from, size_t to) {
      for (size_t k = from; k < to; ++k) {
        const Posting& p = list[k];
        if (score[p.doc] == 0) {
          if (!usable(p.doc)) continue;
          touched.push_back(p.doc);
        }
        score[p.doc] += v.weights[t] * p.weight;
      }
    };
    // As in the batch search, undated articles meet every article of the
    // term, dated or not; dated ones meet those of nearby days.
    if (!day) {
      visit(0, list.size());
      continue;
    }
    const size_t undated = first_of_day(DayOrUndated(std::nullopt) + 1);
    const size_t at = first_of_day(DayNumber(*day));
    const size_t half = 3 * static_cast<size_t>(options_.posting_block) / 2;
    const size_t from = std::max(undated, at > half ? at - half : 0);
    const size_t to = std::min(list.size(), from + 2 * half);
    visit(0, undated);
    visit(from, to);
  }
  const size_t keep = std::min(touched.size(), std::max(max, kMaxCandidates));
  KeepBestCandidates(touched, score, keep);
  const DotWith dot(v);
  for (size_t k = 0; k < keep; ++k) {
    out.push_back({touched[k], dot(vectors_[touched[k]])});
  }
  std::sort(out.begin(), out.end(), [](const Match& x, const Match& y) {
    return x.cosine != y.cosine ? x.cosine > y.cosine : x.doc < y.doc;
  });
  if (out.size() > max) out.resize(max);
  return out;
}

NearestArticles::Match NearestArticles::Find(
    const SparseVector& counts, std::optional<absl::CivilDay> day,
    const std::function<bool(int)>& usable) const {
  const auto best = Neighbors(Weigh(counts), day, usable, 1);
  return best.empty() || best[0].cosine <= 0 ? Match{} : best[0];
}

SparseVector NearestArticles::Weigh(const SparseVector& counts) const {
  absl::ReaderMutexLock lock(&mu_);
  return WeightTerms(counts, idf_, options_);
}

SparseVector NearestArticles::VectorOf(int doc) const {
  absl::ReaderMutexLock lock(&mu_);
  return vectors_[doc];
}

}  // namespace storyline::cluster
