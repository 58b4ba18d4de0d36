#include "gtest/gtest.h"
#include "storyline/ingest.h"

namespace storyline {
namespace {

TEST(TextArticleTest, DateHeaderOnTheSameLineAsTheText) {
  const auto article = ParseTextArticle(
      " date 2022-01-12 Within the alliance, few are interested.\n\nMore.",
      "000");
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->id, "000");
  ASSERT_TRUE(article->published.has_value());
  EXPECT_EQ(*article->published, absl::CivilDay(2022, 1, 12));
  // A first line ending with a full stop is the lead, not a title.
  EXPECT_EQ(article->title, "");
  EXPECT_EQ(article->body.substr(0, 17), "Within the allian");
}

TEST(TextArticleTest, ShortFirstLineIsTheTitle) {
  const auto article =
      ParseTextArticle("Talks end in Geneva\nThe talks lasted 7.5 hours.", "x");
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->title, "Talks end in Geneva");
  EXPECT_EQ(article->body, "The talks lasted 7.5 hours.");
  EXPECT_FALSE(article->published.has_value());
}

TEST(TextArticleTest, RejectsEmptyAndBadDates) {
  EXPECT_FALSE(ParseTextArticle("   \n  ", "x").ok());
  EXPECT_FALSE(ParseTextArticle(" date 2022-13-45 text", "x").ok());
}

TEST(IsoDateTest, ParsesDatesAndTimestampsOnly) {
  EXPECT_EQ(ParseIsoDate("2014-03-10"), absl::CivilDay(2014, 3, 10));
  EXPECT_EQ(ParseIsoDate("2014-03-10T08:00:00Z"), absl::CivilDay(2014, 3, 10));
  EXPECT_FALSE(ParseIsoDate("1998-30-06").has_value());
  EXPECT_FALSE(ParseIsoDate("2014-02-30").has_value());
  EXPECT_FALSE(ParseIsoDate("10.03.2014").has_value());
  EXPECT_FALSE(ParseIsoDate("").has_value());
}

}  // namespace
}  // namespace storyline
