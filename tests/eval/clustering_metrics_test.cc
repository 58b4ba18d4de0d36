#include "eval/clustering_metrics.h"

#include "gtest/gtest.h"

namespace storyline::eval {
namespace {

TEST(ClusteringMetricsTest, PerfectAndSplitClusterings) {
  const std::vector<std::string> gold = {"a", "a", "a", "b", "b"};
  const auto perfect = ScoreClustering(gold, {"x", "x", "x", "y", "y"});
  EXPECT_DOUBLE_EQ(perfect.pairwise.f1, 1.0);
  EXPECT_DOUBLE_EQ(perfect.bcubed.f1, 1.0);
  EXPECT_EQ(perfect.predicted_clusters, 2);

  // {a,a} {a} {b,b}: pairs predicted together 2, both correct; gold pairs 4.
  const auto split = ScoreClustering(gold, {"x", "x", "z", "y", "y"});
  EXPECT_DOUBLE_EQ(split.pairwise.precision, 1.0);
  EXPECT_DOUBLE_EQ(split.pairwise.recall, 0.5);
  // B-cubed recall: a-items 2/3, 2/3, 1/3; b-items 1, 1 -> 11/15.
  EXPECT_DOUBLE_EQ(split.bcubed.recall, 11.0 / 15.0);
  EXPECT_DOUBLE_EQ(split.bcubed.precision, 1.0);
}

TEST(ClusteringMetricsTest, EverythingInOneCluster) {
  const std::vector<std::string> gold = {"a", "a", "b", "b"};
  const auto merged = ScoreClustering(gold, {"x", "x", "x", "x"});
  EXPECT_DOUBLE_EQ(merged.pairwise.precision, 2.0 / 6.0);
  EXPECT_DOUBLE_EQ(merged.pairwise.recall, 1.0);
  EXPECT_DOUBLE_EQ(merged.bcubed.precision, 0.5);
  EXPECT_DOUBLE_EQ(merged.bcubed.recall, 1.0);
}

}  // namespace
}  // namespace storyline::eval
