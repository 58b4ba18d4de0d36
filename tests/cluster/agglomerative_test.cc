#include "cluster/agglomerative.h"

#include "gtest/gtest.h"

namespace storyline::cluster {
namespace {

TEST(AverageLinkTest, MergesByAverageNotByBestPair) {
  // 0-1 strongly similar; 2 is close to 1 only. Average of {0,1} to 2 is
  // (0 + 0.5) / 2 = 0.25: below 0.3, so 2 stays apart although 1-2 = 0.5.
  const std::vector<Edge> edges = {{0, 1, 0.9f}, {1, 2, 0.5f}};
  EXPECT_EQ(AverageLink(3, edges, 0.3), (std::vector<int>{0, 0, 1}));
  // At 0.2 the average link admits it.
  EXPECT_EQ(AverageLink(3, edges, 0.2), (std::vector<int>{0, 0, 0}));
}

TEST(AverageLinkTest, LabelsNumberedBySmallestMemberAndIsolatedItemsKept) {
  const std::vector<Edge> edges = {{2, 4, 0.8f}, {1, 3, 0.7f}};
  EXPECT_EQ(AverageLink(5, edges, 0.5), (std::vector<int>{0, 1, 2, 1, 2}));
  EXPECT_EQ(AverageLink(0, {}, 0.5), std::vector<int>{});
}

TEST(AverageLinkTest, EdgeOrderDoesNotMatter) {
  std::vector<Edge> edges = {{0, 1, 0.6f}, {1, 2, 0.6f},  {0, 2, 0.6f},
                             {3, 4, 0.9f}, {2, 3, 0.35f}, {0, 4, 0.1f}};
  const auto expected = AverageLink(5, edges, 0.3);
  std::reverse(edges.begin(), edges.end());
  EXPECT_EQ(AverageLink(5, edges, 0.3), expected);
}

}  // namespace
}  // namespace storyline::cluster
