#include "cluster/agglomerative.h"

#include <algorithm>
#include <map>
#include <random>

#include "cluster/mutual_best.h"
#include "gtest/gtest.h"

namespace storyline::cluster {
namespace {

TEST(AverageLinkTest, MergesByAverageNotByBestPair) {
  // 0-1 strongly similar; 2 is close to 1 only. Average of {0,1} to 2 is
  // (0 + 0.5) / 2 = 0.25: below 0.3, so 2 stays apart although 1-2 = 0.5.
  const std::vector<Edge> edges = {{0, 1, 0.9f, 0.9f}, {1, 2, 0.5f, 0.5f}};
  EXPECT_EQ(AverageLink(3, edges, 0.3), (std::vector<int>{0, 0, 1}));
  // At 0.2 the average link admits it.
  EXPECT_EQ(AverageLink(3, edges, 0.2), (std::vector<int>{0, 0, 0}));
}

TEST(AverageLinkTest, LabelsNumberedBySmallestMemberAndIsolatedItemsKept) {
  const std::vector<Edge> edges = {{2, 4, 0.8f, 0.8f}, {1, 3, 0.7f, 0.7f}};
  EXPECT_EQ(AverageLink(5, edges, 0.5), (std::vector<int>{0, 1, 2, 1, 2}));
  EXPECT_EQ(AverageLink(0, {}, 0.5), std::vector<int>{});
}

TEST(AverageLinkTest, EdgeOrderDoesNotMatter) {
  std::vector<Edge> edges = {{0, 1, 0.6f, 0.6f},   {1, 2, 0.6f, 0.6f},
                             {0, 2, 0.6f, 0.6f},   {3, 4, 0.9f, 0.9f},
                             {2, 3, 0.35f, 0.35f}, {0, 4, 0.1f, 0.1f}};
  const auto expected = AverageLink(5, edges, 0.3);
  std::reverse(edges.begin(), edges.end());
  EXPECT_EQ(AverageLink(5, edges, 0.3), expected);
}

// Average linkage the slow, obvious way: every step recomputes every
// cluster pair's average and merges the best (ties to smaller members).
std::vector<int> NaiveAverageLink(std::vector<int> label,
                                  const std::vector<Edge>& edges,
                                  double threshold) {
  const int n = static_cast<int>(label.size());
  while (true) {
    std::map<std::pair<int, int>, double> total;
    std::map<int, int> size;
    for (int i = 0; i < n; ++i) ++size[label[i]];
    for (const Edge& e : edges) {
      const int a = label[e.a], b = label[e.b];
      if (a != b) total[{std::min(a, b), std::max(a, b)}] += e.similarity;
    }
    double best = threshold;
    std::pair<int, int> pick{-1, -1};
    for (const auto& [pair, sum] : total) {
      const double avg = sum / (1.0 * size[pair.first] * size[pair.second]);
      if (avg >= best && (avg > best || pick.first < 0))
        best = avg, pick = pair;
    }
    if (pick.first < 0) break;
    for (int& l : label) {
      if (l == pick.second) l = pick.first;
    }
  }
  // Renumber by smallest member.
  std::map<int, int> renumber;
  for (int& l : label) {
    l = renumber.try_emplace(l, static_cast<int>(renumber.size()))
            .first->second;
  }
  return label;
}

// Items in planted groups: strong edges inside, weak ones across, so that
// components, chains of merges and stale averages all occur.
std::vector<Edge> PlantedGraph(int n, uint32_t seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<float> unit(0, 1);
  std::vector<Edge> edges;
  for (int a = 0; a < n; ++a) {
    for (int b = a + 1; b < n; ++b) {
      const bool same = a / 6 == b / 6;
      const float p = same ? 0.8f : (a / 18 == b / 18 ? 0.15f : 0.01f);
      if (unit(random) < p) {
        const float s = same ? 0.2f + 0.6f * unit(random) : 0.3f * unit(random);
        edges.push_back({a, b, s, s});
      }
    }
  }
  return edges;
}

TEST(AverageLinkTest, SameAsNaiveAverageLinkageOnPlantedGraphs) {
  for (uint32_t seed = 1; seed <= 8; ++seed) {
    const int n = 60;
    const std::vector<Edge> edges = PlantedGraph(n, seed);
    std::vector<int> singletons(n);
    for (int i = 0; i < n; ++i) singletons[i] = i;
    for (const double threshold : {0.1, 0.2, 0.35}) {
      const std::vector<int> expected =
          NaiveAverageLink(singletons, edges, threshold);
      EXPECT_EQ(AverageLink(n, edges, threshold, 1), expected)
          << "seed " << seed << " threshold " << threshold;
      EXPECT_EQ(AverageLink(n, edges, threshold, 2), expected);
    }
    // Rounds of mutual best merges alone, run to the end, are exact too.
    for (const double threshold : {0.1, 0.35}) {
      const MutualBestResult rounds =
          MergeMutualBest(singletons, edges, threshold, 2, 0);
      EXPECT_TRUE(rounds.open_edges.empty());
      EXPECT_EQ(NaiveAverageLink(rounds.labels, {}, threshold),
                NaiveAverageLink(singletons, edges, threshold))
          << "seed " << seed << " threshold " << threshold;
    }
    // Continued from a partition: events into stories.
    const std::vector<int> events = AverageLink(n, edges, 0.35);
    EXPECT_EQ(AverageLinkFrom(events, edges, 0.07, 2),
              NaiveAverageLink(events, edges, 0.07))
        << "seed " << seed;
  }
}

}  // namespace
}  // namespace storyline::cluster
