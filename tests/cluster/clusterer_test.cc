#include "cluster/clusterer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace storyline::cluster {
namespace {

struct Articles {
  std::vector<std::string> ids;
  std::vector<std::optional<absl::CivilDay>> dates;
  std::vector<CopyPair> copies;
  ClusterInput Input() const {
    return {.ids = ids, .vectors = {}, .dates = dates, .copies = copies};
  }
};

Articles EightArticlesOneDay() {
  Articles s;
  for (int i = 0; i < 8; ++i) {
    s.ids.push_back("doc" + std::to_string(i));
    s.dates.push_back(absl::CivilDay(2022, 1, 10));
  }
  return s;
}

CopyPair Copy(int a, int b, CopyKind kind) {
  CopyPair pair;
  pair.a = a;
  pair.b = b;
  pair.kind = kind;
  return pair;
}

std::vector<std::vector<int>> EventMembers(const Clustering& clustering) {
  std::vector<std::vector<int>> members;
  for (const Event& e : clustering.events) members.push_back(e.docs);
  return members;
}

TEST(ClusterFromEdgesTest, CopiesJoinWhetherOrNotTheGraphHasTheirPair) {
  Articles s = EightArticlesOneDay();
  // 2-3 are weakly similar, 4-5 not at all; both pairs are copies. 6-7 share
  // a passage only (partial reuse): no event, but one story.
  s.copies = {Copy(2, 3, CopyKind::kExact),
              Copy(4, 5, CopyKind::kNearDuplicate),
              Copy(6, 7, CopyKind::kPartial)};
  const EdgeList edges = {{0, 1, 0.9f, 0.9f}, {2, 3, 0.03f, 0.03f}};
  const Clustering clustering =
      ClusterFromEdges(s.Input(), edges, ClusterOptions{}, 1);
  EXPECT_EQ(EventMembers(clustering),
            (std::vector<std::vector<int>>{{0, 1}, {2, 3}, {4, 5}, {6}, {7}}));
  int story_of_6 = -1, story_of_7 = -2;
  for (size_t k = 0; k < clustering.stories.size(); ++k) {
    const auto& docs = clustering.stories[k].docs;
    if (std::find(docs.begin(), docs.end(), 6) != docs.end()) story_of_6 = k;
    if (std::find(docs.begin(), docs.end(), 7) != docs.end()) story_of_7 = k;
  }
  EXPECT_EQ(story_of_6, story_of_7);
}

TEST(ClusterFromEdgesTest, SameClustersWhateverTheEdgeOrderAndRepeats) {
  Articles s = EightArticlesOneDay();
  s.copies = {Copy(5, 6, CopyKind::kExact), Copy(0, 7, CopyKind::kPartial)};
  EdgeList sorted = {{0, 1, 0.5f, 0.5f},   {0, 2, 0.3f, 0.3f},
                     {1, 2, 0.25f, 0.25f}, {2, 3, 0.12f, 0.12f},
                     {3, 4, 0.6f, 0.6f},   {4, 5, 0.1f, 0.1f},
                     {5, 6, 0.08f, 0.08f}, {6, 7, 0.2f, 0.2f}};
  const Clustering expected =
      ClusterFromEdges(s.Input(), sorted, ClusterOptions{}, 1);
  // A repeated pair with a lower similarity must not count, whether it
  // comes after the sorted list or anywhere in a shuffled one.
  EdgeList repeated = sorted;
  repeated.push_back({0, 1, 0.1f, 0.1f});
  EXPECT_EQ(
      EventMembers(ClusterFromEdges(s.Input(), repeated, ClusterOptions{}, 1)),
      EventMembers(expected));
  std::mt19937 random(7);
  for (int round = 0; round < 5; ++round) {
    EdgeList shuffled = repeated;
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    const Clustering got =
        ClusterFromEdges(s.Input(), shuffled, ClusterOptions{}, 2);
    EXPECT_EQ(EventMembers(got), EventMembers(expected)) << round;
    ASSERT_EQ(got.stories.size(), expected.stories.size()) << round;
    for (size_t k = 0; k < got.stories.size(); ++k) {
      EXPECT_EQ(got.stories[k].docs, expected.stories[k].docs) << round;
    }
  }
}

}  // namespace
}  // namespace storyline::cluster
