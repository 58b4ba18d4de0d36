#include "cluster/posting_index.h"

#include <vector>

#include "gtest/gtest.h"

namespace storyline::cluster {
namespace {

// Items of terms 7 (every item), 8 (items 0 and 2) and 9 (item 1 alone),
// with dates out of order and one undated item.
struct Corpus {
  std::vector<SparseVector> vectors = {
      {{7, 8}, {0.6f, 0.8f}},
      {{7, 9}, {0.8f, 0.6f}},
      {{7, 8}, {0.5f, 0.5f}},
      {{7}, {1.0f}},
  };
  std::vector<DateRange> dates = {
      {absl::CivilDay(2022, 1, 12), absl::CivilDay(2022, 1, 12)},
      {absl::CivilDay(2022, 1, 10), absl::CivilDay(2022, 1, 10)},
      {std::nullopt, std::nullopt},
      {absl::CivilDay(2022, 1, 11), absl::CivilDay(2022, 1, 11)},
  };
  // Every term of every vector is indexed.
  std::vector<std::vector<int>> indexed = {{0, 1}, {0, 1}, {0, 1}, {0}};
};

std::vector<int> Items(std::span<const Posting> postings) {
  std::vector<int> items;
  for (const Posting& p : postings) items.push_back(p.item);
  return items;
}

TEST(PostingIndexTest, ListsInDateOrderWithUndatedApart) {
  const Corpus c;
  for (const int threads : {1, 2}) {
    const PostingIndex index(c.vectors, c.dates, c.indexed, 10, threads);
    // Term 7, seen from item 0's first slot: dated by day, then undated.
    EXPECT_EQ(Items(index.Dated(0, 0)), (std::vector<int>{1, 3, 0}));
    EXPECT_EQ(Items(index.Undated(0, 0)), (std::vector<int>{2}));
    EXPECT_EQ(index.Dated(0, 0)[0].weight, 0.8f);
    EXPECT_EQ(index.Position(0, 0), 2);  // third in the dated list
    EXPECT_EQ(index.Position(2, 0), 0);  // first in the undated list
    EXPECT_EQ(index.Position(3, 0), 1);
    // Term 8: items 0 and 2.
    EXPECT_EQ(Items(index.Dated(2, 1)), (std::vector<int>{0}));
    EXPECT_EQ(Items(index.Undated(2, 1)), (std::vector<int>{2}));
    // Term 9 has one item: it proposes no pair and is not indexed.
    EXPECT_FALSE(index.Has(1, 1));
    EXPECT_TRUE(index.Has(1, 0));
  }
}

TEST(PostingIndexTest, TermsInMoreThanMaxDfItemsAreNotIndexed) {
  const Corpus c;
  const PostingIndex index(c.vectors, c.dates, c.indexed, 3, 1);
  EXPECT_FALSE(index.Has(0, 0));  // term 7 is in four items
  EXPECT_TRUE(index.Has(0, 1));   // term 8 in two
}

}  // namespace
}  // namespace storyline::cluster
