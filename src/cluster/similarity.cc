#include "cluster/similarity.h"

#include <algorithm>
#include <boost/sort/block_indirect_sort/block_indirect_sort.hpp>
#include <cmath>
#include <limits>
#include <span>
#include <tuple>

#include "base/parallel.h"

namespace storyline::cluster {
namespace {

// One item in a term's posting list, as the candidate search reads it.
struct Posting {
  int day;  // first day; 0 when undated
  int item;
  float weight;
};

// A term's postings in the flat posting array: dated ones sorted by first
// day (then item), then undated ones by item.
struct TermPostings {
  size_t dated_begin, undated_begin, end;
  std::span<const Posting> Dated(const std::vector<Posting>& all) const {
    return std::span(all).subspan(dated_begin, undated_begin - dated_begin);
  }
  std::span<const Posting> Undated(const std::vector<Posting>& all) const {
    return std::span(all).subspan(undated_begin, end - undated_begin);
  }
};

}  // namespace

int DayNumber(absl::CivilDay day) {
  return static_cast<int>(day - absl::CivilDay(1970, 1, 1));
}

int MaxPostings(int max_term_docs, double max_df_ratio, size_t items) {
  return std::max(
      2, std::min(max_term_docs, static_cast<int>(max_df_ratio * items)));
}

namespace {

// Days between two dated ranges; 0 when they overlap.
int GapDays(const DateRange& a, const DateRange& b) {
  const auto a_last = a.last.value_or(*a.first);
  const auto b_last = b.last.value_or(*b.first);
  if (a_last < *b.first) return static_cast<int>(*b.first - a_last);
  if (b_last < *a.first) return static_cast<int>(*a.first - b_last);
  return 0;
}

double FactorOfGap(int gap, const SimilarityParams& params) {
  if (gap <= params.window_days) return 1;
  const double decay =
      std::exp(-(gap - params.window_days) / std::max(params.decay_days, 1e-3));
  return params.floor + (1 - params.floor) * decay;
}

}  // namespace

double TimeFactor(const DateRange& a, const DateRange& b,
                  const SimilarityParams& params) {
  if (!a.first || !b.first || params.floor >= 1) return 1;
  return FactorOfGap(GapDays(a, b), params);
}

TimeDiscount::TimeDiscount(std::span<const DateRange> dates,
                           const SimilarityParams& params)
    : params_(params), first_(dates.size()), last_(dates.size()) {
  int earliest = 0, latest = -1;
  for (size_t i = 0; i < dates.size(); ++i) {
    if (!dates[i].first) {
      first_[i] = last_[i] = kUndated;
      continue;
    }
    first_[i] = DayNumber(*dates[i].first);
    last_[i] = DayNumber(dates[i].last.value_or(*dates[i].first));
    if (latest < earliest) {
      earliest = first_[i], latest = last_[i];
    } else {
      earliest = std::min(earliest, first_[i]);
      latest = std::max(latest, last_[i]);
    }
  }
  if (latest < earliest || params.floor >= 1) return;
  by_gap_.resize(static_cast<size_t>(latest - earliest) + 1);
  for (size_t gap = 0; gap < by_gap_.size(); ++gap) {
    by_gap_[gap] = FactorOfGap(static_cast<int>(gap), params);
  }
}

double TimeDiscount::Between(int a, int b) const {
  if (first_[a] == kUndated || first_[b] == kUndated || params_.floor >= 1) {
    return 1;
  }
  const int gap = std::max({0, first_[b] - last_[a], first_[a] - last_[b]});
  return static_cast<size_t>(gap) < by_gap_.size() ? by_gap_[gap]
                                                   : FactorOfGap(gap, params_);
}

std::vector<Edge> SimilarPairs(std::span<const SparseVector> vectors,
                               std::span<const DateRange> dates,
                               const SimilarityParams& params, int threads,
                               RowShare rows) {
  const int n = static_cast<int>(vectors.size());
  // Each item's indexed terms: its heaviest `candidate_terms`.
  std::vector<std::vector<int>> indexed(n);
  ParallelFor(n, threads, 256, [&](int, int i) {
    indexed[i] = HeaviestTerms(vectors[i], params.candidate_terms);
  });
  // Every (term, item) pair of the indexed terms, sorted into each term's
  // posting list (dated by first day then item, then undated by item), on
  // all threads; the keys are distinct, so any sort gives this order.
  struct Key {
    Term term;
    uint32_t undated;
    int day, item, slot;
    auto Tie() const { return std::tie(term, undated, day, item); }
  };
  std::vector<size_t> offset(n + 1, 0);
  for (int i = 0; i < n; ++i) offset[i + 1] = offset[i] + indexed[i].size();
  std::vector<Key> keys(offset[n]);
  int max_span = 0;
  for (int i = 0; i < n; ++i) {
    if (dates[i].first && dates[i].last) {
      max_span = std::max(max_span,
                          static_cast<int>(*dates[i].last - *dates[i].first));
    }
  }
  ParallelFor(n, threads, 256, [&](int, int i) {
    const bool dated = dates[i].first.has_value();
    const int day = dated ? DayNumber(*dates[i].first) : 0;
    for (size_t slot = 0; slot < indexed[i].size(); ++slot) {
      keys[offset[i] + slot] = {vectors[i].terms[indexed[i][slot]],
                                dated ? 0u : 1u, day, i,
                                static_cast<int>(slot)};
    }
  });
  boost::sort::block_indirect_sort(
      keys.begin(), keys.end(),
      [](const Key& x, const Key& y) { return x.Tie() < y.Tie(); },
      static_cast<uint32_t>(ResolveThreads(threads)));
  // A term is indexed when at least two items and at most max_df have it
  // among their heaviest. Each item's slot then knows its term's list and
  // its own place in it, so that it visits only the blocks next to its own
  // (see `block` below).
  const int max_df =
      MaxPostings(params.max_term_docs, params.max_df_ratio,
                  std::max(static_cast<size_t>(n), params.corpus_size));
  std::vector<Posting> postings(keys.size());
  std::vector<TermPostings> lists;
  std::vector<std::vector<int>> list_of(n), position(n);
  for (int i = 0; i < n; ++i) {
    list_of[i].assign(indexed[i].size(), -1);
    position[i].assign(indexed[i].size(), -1);
  }
  for (size_t b = 0; b < keys.size();) {
    size_t e = b + 1;
    while (e < keys.size() && keys[e].term == keys[b].term) ++e;
    const size_t df = e - b;
    if (df >= 2 && df <= static_cast<size_t>(max_df)) {
      size_t u = b;
      while (u < e && keys[u].undated == 0) ++u;
      const int list = static_cast<int>(lists.size());
      lists.push_back({b, u, e});
      for (size_t k = b; k < e; ++k) {
        const Key& key = keys[k];
        list_of[key.item][key.slot] = list;
        position[key.item][key.slot] = static_cast<int>(k < u ? k - b : k - u);
        postings[k] = {key.day, key.item,
                       vectors[key.item].weights[indexed[key.item][key.slot]]};
      }
    }
    b = e;
  }
  keys = {};
  // A long posting list is cut into blocks of `block` postings (in date
  // order, or input order for undated items) and an item visits only its
  // own block and the two beside it: a symmetric rule, so each pair is
  // still seen from its smaller side, and the work per item is bounded
  // however large the corpus grows. Lists of up to two blocks are visited
  // whole.
  const int block = std::max(1, params.posting_block);
  auto window = [block](int at, size_t size) {
    const int b = at / block;
    const size_t begin = static_cast<size_t>(std::max(0, (b - 1) * block));
    const size_t end = std::min(size, static_cast<size_t>(b + 2) * block);
    return std::pair(begin, end);
  };
  // Beyond this gap the decay is below e^-6: without a floor, never an edge.
  const int horizon =
      params.floor > 0
          ? std::numeric_limits<int>::max() / 4
          : params.window_days + static_cast<int>(6 * params.decay_days) + 1;

  const int workers = ResolveThreads(threads);
  const PackedVectors packed(vectors, workers);
  std::vector<std::vector<Edge>> found(n);
  struct Scratch {
    std::vector<float> score;
    std::vector<int> touched;
    DotWith dot;
  };
  std::vector<Scratch> scratch(workers);
  ParallelFor(n, workers, RowShare::kBlock, [&](int worker, int i) {
    if (!rows.HasRow(i)) return;
    Scratch& s = scratch[worker];
    if (s.score.empty()) s.score.assign(n, 0);
    auto visit = [&](const Posting& p, float weight) {
      if (p.item <= i) return;  // each pair once, from its smaller side
      if (s.score[p.item] == 0) s.touched.push_back(p.item);
      s.score[p.item] += weight * p.weight;
    };
    for (size_t slot = 0; slot < indexed[i].size(); ++slot) {
      const int list = list_of[i][slot];
      if (list < 0) continue;
      const float weight = vectors[i].weights[indexed[i][slot]];
      const std::span<const Posting> dated = lists[list].Dated(postings);
      const std::span<const Posting> undated = lists[list].Undated(postings);
      const int at = position[i][slot];
      if (dates[i].first) {
        const auto [from, to] = window(at, dated.size());
        const int lo = DayNumber(*dates[i].first) - horizon - max_span;
        const int hi =
            DayNumber(dates[i].last.value_or(*dates[i].first)) + horizon;
        auto begin = std::lower_bound(
            dated.begin() + from, dated.begin() + to, lo,
            [](const Posting& x, int day) { return x.day < day; });
        for (auto p = begin; p != dated.begin() + to && p->day <= hi; ++p) {
          visit(*p, weight);
        }
        for (const Posting& p : undated) visit(p, weight);
      } else {
        for (const Posting& p : dated) visit(p, weight);
        const auto [from, to] = window(at, undated.size());
        for (size_t k = from; k < to; ++k) visit(undated[k], weight);
      }
    }
    // The most promising candidates get an exact cosine.
    auto& touched = s.touched;
    if (static_cast<int>(touched.size()) > params.max_candidates) {
      std::nth_element(touched.begin(), touched.begin() + params.max_candidates,
                       touched.end(), [&](int x, int y) {
                         if (s.score[x] != s.score[y]) {
                           return s.score[x] > s.score[y];
                         }
                         return x < y;
                       });
      for (size_t k = params.max_candidates; k < touched.size(); ++k) {
        s.score[touched[k]] = 0;
      }
      touched.resize(params.max_candidates);
    }
    std::sort(touched.begin(), touched.end());
    if (!touched.empty()) s.dot.Load(vectors[i]);
    for (size_t k = 0; k < touched.size(); ++k) {
      const int j = touched[k];
      // The candidates lie all over memory: ask for the next ones' terms
      // while this one is computed.
      if (k + 2 < touched.size()) Prefetch(packed[touched[k + 2]]);
      s.score[j] = 0;
      const double cosine = s.dot(packed[j]);
      const double similarity = cosine * TimeFactor(dates[i], dates[j], params);
      if (similarity >= params.min_similarity) {
        found[i].push_back(
            {i, j, static_cast<float>(similarity), static_cast<float>(cosine)});
      }
    }
    touched.clear();
  });
  std::vector<Edge> edges;
  AppendInOrder(edges, found);
  return edges;
}

}  // namespace storyline::cluster
