// Word tables answer exactly for the words listed, whatever their first
// bytes share with other words.
#include "story/word_table.h"

#include "gtest/gtest.h"
#include "story/figures.h"

namespace storyline::story {
namespace {

TEST(WordTableTest, FindsListedWordsOnly) {
  const WordTable table = {"said", "i", "заявил", "sa"};
  EXPECT_TRUE(table.contains("said"));
  EXPECT_TRUE(table.contains("i"));
  EXPECT_TRUE(table.contains("sa"));
  EXPECT_TRUE(table.contains("заявил"));
  // Same first two bytes, other words.
  EXPECT_FALSE(table.contains("sad"));
  EXPECT_FALSE(table.contains("s"));
  EXPECT_FALSE(table.contains("заявила"));
  EXPECT_FALSE(table.contains("is"));
  EXPECT_FALSE(table.contains(""));
}

TEST(WordTableTest, ValuesOfNumberWords) {
  const WordTable numbers = WordTable::Valued({{"two", 2}, {"два", 2}});
  ASSERT_NE(numbers.Find("two"), nullptr);
  EXPECT_EQ(*numbers.Find("два"), 2);
  EXPECT_EQ(numbers.Find("twenty"), nullptr);
  EXPECT_EQ(NumberValue("seven"), 7);
  EXPECT_EQ(NumberValue("восемь"), 8);
  EXPECT_EQ(NumberValue("seventh"), std::nullopt);
  EXPECT_EQ(NumberValue("sevens"), std::nullopt);
}

}  // namespace
}  // namespace storyline::story
