#include "cluster/similarity.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "base/parallel.h"
#include "cluster/best_candidates.h"
#include "cluster/posting_index.h"

namespace storyline::cluster {

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
  // The floor first: with no discount at all (stories), no day is read.
  if (params_.floor >= 1 || first_[a] == kUndated || first_[b] == kUndated) {
    return 1;
  }
  const int gap = std::max({0, first_[b] - last_[a], first_[a] - last_[b]});
  return static_cast<size_t>(gap) < by_gap_.size() ? by_gap_[gap]
                                                   : FactorOfGap(gap, params_);
}

EdgeList SimilarPairs(std::span<const SparseVector> vectors,
                      std::span<const DateRange> dates,
                      const SimilarityParams& params, int threads,
                      RowShare rows) {
  const int n = static_cast<int>(vectors.size());
  // Each item's indexed terms: its heaviest `candidate_terms`.
  std::vector<std::vector<int>> indexed(n);
  ParallelFor(n, threads, 256, [&](int, int i) {
    indexed[i] = HeaviestTerms(vectors[i], params.candidate_terms);
  });
  int max_span = 0;
  for (int i = 0; i < n; ++i) {
    if (dates[i].first && dates[i].last) {
      max_span = std::max(max_span,
                          static_cast<int>(*dates[i].last - *dates[i].first));
    }
  }
  const PostingIndex index(
      vectors, dates, indexed,
      MaxPostings(params.max_term_docs, params.max_df_ratio,
                  std::max(static_cast<size_t>(n), params.corpus_size)),
      threads);
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
  // With a floor there is no such gap, and no need to look for it.
  const bool bounded = params.floor <= 0;
  const int horizon =
      params.window_days + static_cast<int>(6 * params.decay_days) + 1;

  const int workers = ResolveThreads(threads);
  const PackedVectors packed(vectors, workers);
  const TimeDiscount discount(dates, params);
  // A row has at most max_candidates edges, so each block of rows this call
  // computes gets that much room in one array, in block order; a worker
  // takes a block whole and writes its edges in row order. The blocks are
  // closed up afterwards: no edge is copied into a second list.
  const int blocks = RowShare::Blocks(n);
  const size_t room = static_cast<size_t>(RowShare::kBlock) *
                      std::clamp(params.max_candidates, 0, std::max(0, n - 1));
  std::vector<size_t> start(blocks, 0), count(blocks, 0);
  size_t rooms = 0;
  for (int b = 0; b < blocks; ++b) {
    start[b] = room * rooms;
    if (rows.HasBlock(b)) ++rooms;
  }
  EdgeList edges;
  edges.resize(room * rooms + params.spare_edges);
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
      if (!index.Has(i, slot)) continue;
      const float weight = vectors[i].weights[indexed[i][slot]];
      const std::span<const Posting> dated = index.Dated(i, slot);
      const std::span<const Posting> undated = index.Undated(i, slot);
      const int at = index.Position(i, slot);
      if (dates[i].first) {
        const auto [from, to] = window(at, dated.size());
        auto begin = dated.begin() + from, end = dated.begin() + to;
        if (bounded) {
          const int lo = DayNumber(*dates[i].first) - horizon - max_span;
          const int hi =
              DayNumber(dates[i].last.value_or(*dates[i].first)) + horizon;
          auto day_before = [](const Posting& x, int day) {
            return x.day < day;
          };
          begin = std::lower_bound(begin, end, lo, day_before);
          end = std::lower_bound(begin, end, hi + 1, day_before);
        }
        for (auto p = begin; p != end; ++p) visit(*p, weight);
        for (const Posting& p : undated) visit(p, weight);
      } else {
        for (const Posting& p : dated) visit(p, weight);
        const auto [from, to] = window(at, undated.size());
        for (size_t k = from; k < to; ++k) visit(undated[k], weight);
      }
    }
    // The most promising candidates get an exact cosine.
    auto& touched = s.touched;
    KeepBestCandidates(touched, s.score, params.max_candidates);
    std::sort(touched.begin(), touched.end());
    if (!touched.empty()) s.dot.Load(vectors[i]);
    for (size_t k = 0; k < touched.size(); ++k) {
      const int j = touched[k];
      // The candidates lie all over memory: ask for where the next ones'
      // terms are, and for the terms themselves, while this one is computed.
      if (k + 8 < touched.size()) packed.PrefetchPlace(touched[k + 8]);
      if (k + 2 < touched.size()) Prefetch(packed[touched[k + 2]]);
      const double cosine = s.dot(packed[j]);
      const double similarity = cosine * discount.Between(i, j);
      if (similarity >= params.min_similarity) {
        const int b = i / RowShare::kBlock;
        edges[start[b] + count[b]++] = {i, j, static_cast<float>(similarity),
                                        static_cast<float>(cosine)};
      }
    }
    touched.clear();
  });
  edges.resize(CloseUp<Edge>(edges, start, count));
  return edges;
}

}  // namespace storyline::cluster
