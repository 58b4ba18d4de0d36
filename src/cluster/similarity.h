// Similar pairs without comparing all pairs: an inverted index over each
// vector's heaviest terms proposes candidates, exact cosine decides.
#pragma once

#include <limits>
#include <optional>
#include <span>
#include <type_traits>
#include <vector>

#include "absl/time/civil_time.h"
#include "base/uninitialized.h"
#include "cluster/vectors.h"

namespace storyline::cluster {

// No default member values: an EdgeList of a hundred million edges grows
// without being written, and its workers touch its memory first. Write
// `Edge{}` for a zeroed one.
struct Edge {
  int a, b;          // a < b
  float similarity;  // cosine times the time discount
  float cosine;      // before the discount
  bool operator==(const Edge&) const = default;
};
static_assert(std::is_trivially_default_constructible_v<Edge>);

using EdgeList = UninitializedVector<Edge>;

// Days an item covers; both empty when undated.
struct DateRange {
  std::optional<absl::CivilDay> first, last;
};

struct SimilarityParams {
  double min_similarity = 0.1;  // edges below are dropped
  int window_days = 3;          // no discount up to this gap
  double decay_days = 2;        // e-fold discount per day beyond the window
  double floor = 0;             // the discount never goes below this
  int candidate_terms = 16;     // indexed terms per vector
  int max_candidates = 128;     // exact cosine for at most this many per item
  double max_df_ratio = 0.2;    // more common indexed terms are skipped
  int max_term_docs = 5000;     // likewise, in absolute terms
  int posting_block = 256;      // an item visits 3 blocks of a term's list
  // Items of the corpus the inputs are part of, for max_df_ratio: a subset
  // of it must skip the terms the whole would. 0 for the inputs alone.
  size_t corpus_size = 0;
  // Room left after the returned edges for this many more (a caller's own
  // edges), so that adding them does not move the list.
  size_t spare_edges = 0;
};

// Days since 1970-01-01: the order postings are kept in.
int DayNumber(absl::CivilDay day);

// How many items a term may be indexed for before it is too common to
// propose candidates: `max_df_ratio` of `items`, at most `max_term_docs`.
int MaxPostings(int max_term_docs, double max_df_ratio, size_t items);

// 1 within the window; beyond it decays as exp(-(gap - window) / decay)
// towards `floor`; 1 when either side is undated.
double TimeFactor(const DateRange& a, const DateRange& b,
                  const SimilarityParams& params);

// TimeFactor for the pairs of one set of items, by item number: days kept
// as integers and the discount of each gap worked out once, so a pair
// costs a subtraction and a table lookup instead of calendar arithmetic
// and an exp.
class TimeDiscount {
 public:
  TimeDiscount(std::span<const DateRange> dates,
               const SimilarityParams& params);
  // TimeFactor(dates[a], dates[b], params).
  double Between(int a, int b) const;

 private:
  static constexpr int kUndated = std::numeric_limits<int>::min();
  SimilarityParams params_;
  std::vector<int> first_, last_;  // DayNumber of each item's range
  std::vector<double> by_gap_;     // up to the days the dates span
};

// Which rows a call computes, a row being an item on the smaller side of
// its pairs: blocks of kBlock consecutive items are dealt round robin to
// `parts` callers (processes), this one being `part`. Round robin, because
// small items have more pairs to look at than large ones.
struct RowShare {
  static constexpr int kBlock = 64;
  int part = 0, parts = 1;  // the default: every row

  bool HasBlock(int block) const { return block % parts == part; }
  bool HasRow(int row) const { return HasBlock(row / kBlock); }
  static int Blocks(int items) { return (items + kBlock - 1) / kBlock; }
};

// All pairs whose time-discounted cosine is at least min_similarity, as far
// as candidates find them, of the rows in `rows`. Sorted by (a, b).
// Independent of thread count; the shares of every part of a RowShare,
// interleaved block by block, are exactly the pairs of one call with all
// rows.
EdgeList SimilarPairs(std::span<const SparseVector> vectors,
                      std::span<const DateRange> dates,
                      const SimilarityParams& params, int threads,
                      RowShare rows = {});

}  // namespace storyline::cluster
