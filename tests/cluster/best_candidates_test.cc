#include "cluster/best_candidates.h"

#include <algorithm>
#include <random>

#include "gtest/gtest.h"

namespace storyline::cluster {
namespace {

// The `keep` best by a full sort: higher score first, then smaller item.
std::vector<int> BestBySorting(const std::vector<int>& touched,
                               const std::vector<float>& score, size_t keep) {
  std::vector<int> order = touched;
  std::sort(order.begin(), order.end(), [&](int x, int y) {
    return score[x] != score[y] ? score[x] > score[y] : x < y;
  });
  order.resize(std::min(keep, order.size()));
  std::sort(order.begin(), order.end());
  return order;
}

// Scores like the candidate search's: most candidates share one light term,
// a few share several heavy ones; `levels` > 0 rounds them to that many
// values, so that many tie.
void ExpectSameAsSorting(int items, size_t keep, int levels, unsigned seed) {
  std::mt19937 rng(seed);
  std::exponential_distribution<float> heavy_tail(8.0f);
  std::vector<float> score(items + 10, 0.0f);
  std::vector<int> touched;
  for (int item = 0; item < items; ++item) {
    if (rng() % 3 == 0) continue;  // not every item is a candidate
    float s = 0.01f + heavy_tail(rng);
    if (levels > 0) s = std::ceil(s * levels) / levels;
    score[item] = s;
    touched.push_back(item);
  }
  std::shuffle(touched.begin(), touched.end(), rng);
  const std::vector<int> expected = BestBySorting(touched, score, keep);

  KeepBestCandidates(touched, score, keep);
  std::sort(touched.begin(), touched.end());
  EXPECT_EQ(touched, expected) << items << " items, keep " << keep;
  EXPECT_TRUE(std::all_of(score.begin(), score.end(), [](float s) {
    return s == 0;
  })) << "every touched score is reset";
}

TEST(KeepBestCandidatesTest, SameChoiceAsSortingByScoreThenItem) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    ExpectSameAsSorting(5000, 128, 0, seed);
  }
}

TEST(KeepBestCandidatesTest, TiesGoToTheSmallerItem) {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    ExpectSameAsSorting(3000, 128, 4, seed);  // a handful of distinct scores
    ExpectSameAsSorting(3000, 128, 1, seed);  // nearly all equal
  }
}

TEST(KeepBestCandidatesTest, FewerCandidatesThanKeptAreAllKept) {
  ExpectSameAsSorting(100, 128, 0, 7);
  ExpectSameAsSorting(192, 128, 0, 7);  // about as many as kept
}

TEST(KeepBestCandidatesTest, OneOutlierDoesNotHideTheRest) {
  // A near-copy scores far above the rest, which all fall in the lowest
  // buckets: the choice among them must still be exact.
  std::vector<float> score(1000, 0.0f);
  std::vector<int> touched;
  for (int item = 0; item < 1000; ++item) {
    score[item] = item == 500 ? 100.0f : 0.001f * static_cast<float>(item % 97);
    if (score[item] > 0) touched.push_back(item);
  }
  const std::vector<int> expected = BestBySorting(touched, score, 10);
  KeepBestCandidates(touched, score, 10);
  std::sort(touched.begin(), touched.end());
  EXPECT_EQ(touched, expected);
  EXPECT_NE(std::find(touched.begin(), touched.end(), 500), touched.end());
}

}  // namespace
}  // namespace storyline::cluster
