#include "cluster/similarity.h"

#include <algorithm>
#include <random>

#include "gtest/gtest.h"

namespace storyline::cluster {
namespace {

// `n` unit vectors over a small vocabulary, so that many share terms, on
// days spread over a month; one in ten undated.
struct Corpus {
  std::vector<SparseVector> vectors;
  std::vector<DateRange> dates;
};

Corpus RandomCorpus(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<Term> term(0, 299);
  std::uniform_real_distribution<float> weight(0.1f, 1.0f);
  std::uniform_int_distribution<int> day(0, 30), undated(0, 9);
  Corpus corpus;
  for (int i = 0; i < n; ++i) {
    std::vector<Term> terms;
    while (terms.size() < 20) terms.push_back(term(rng));
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    SparseVector v;
    v.terms = terms;
    double norm = 0;
    for (size_t k = 0; k < terms.size(); ++k) {
      v.weights.push_back(weight(rng));
      norm += v.weights.back() * v.weights.back();
    }
    for (float& w : v.weights) w = static_cast<float>(w / std::sqrt(norm));
    corpus.vectors.push_back(std::move(v));
    if (undated(rng) == 0) {
      corpus.dates.push_back({});
    } else {
      const absl::CivilDay d = absl::CivilDay(2022, 1, 1) + day(rng);
      corpus.dates.push_back({d, d});
    }
  }
  return corpus;
}

TEST(SimilarPairsTest, SharesOfRowsJoinToTheWholeGraph) {
  const Corpus corpus = RandomCorpus(700, 5);
  SimilarityParams params;
  params.min_similarity = 0.05;
  params.posting_block = 64;  // long lists cut into blocks, as at scale
  const EdgeList whole = SimilarPairs(corpus.vectors, corpus.dates, params, 2);
  ASSERT_GT(whole.size(), 1000u);
  for (const int parts : {2, 3, 5}) {
    EdgeList joined;
    for (int part = 0; part < parts; ++part) {
      const RowShare rows{.part = part, .parts = parts};
      const EdgeList share =
          SimilarPairs(corpus.vectors, corpus.dates, params, 1, rows);
      EXPECT_FALSE(share.empty()) << part << "/" << parts;
      for (const Edge& e : share) {
        ASSERT_TRUE(rows.HasRow(e.a)) << e.a << " in " << part << "/" << parts;
      }
      joined.insert(joined.end(), share.begin(), share.end());
    }
    std::sort(joined.begin(), joined.end(), [](const Edge& x, const Edge& y) {
      return x.a != y.a ? x.a < y.a : x.b < y.b;
    });
    EXPECT_EQ(joined, whole) << parts << " parts";
  }
}

TEST(TimeDiscountTest, SameAsTimeFactorForEveryPair) {
  const absl::CivilDay day(2022, 1, 10);
  const std::vector<DateRange> dates = {{day, day},
                                        {day + 1, day + 1},
                                        {day + 5, day + 9},
                                        {day + 40, day + 40},
                                        {day - 300, day - 300},
                                        {std::nullopt, std::nullopt},
                                        {day + 7, std::nullopt}};
  for (const double floor : {0.0, 0.7, 1.0}) {
    SimilarityParams params;
    params.window_days = 2;
    params.decay_days = 30;
    params.floor = floor;
    const TimeDiscount discount(dates, params);
    for (int a = 0; a < static_cast<int>(dates.size()); ++a) {
      for (int b = 0; b < static_cast<int>(dates.size()); ++b) {
        EXPECT_EQ(discount.Between(a, b),
                  TimeFactor(dates[a], dates[b], params))
            << a << " " << b;
      }
    }
  }
}

}  // namespace
}  // namespace storyline::cluster
