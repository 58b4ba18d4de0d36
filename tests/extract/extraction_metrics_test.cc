#include "eval/extraction_metrics.h"

#include <gtest/gtest.h>

namespace storyline::eval {
namespace {

TEST(ExtractionMetricsTest, TokensAreWordRuns) {
  EXPECT_EQ(WordTokens("It's 4:30, Москва-2!"),
            (std::vector<std::string>{"It", "s", "4", "30", "Москва", "2"}));
}

TEST(ExtractionMetricsTest, ScoresShinglesAndTokens) {
  const auto same = ScoreExtraction("a b c d e", "a b c d e");
  EXPECT_DOUBLE_EQ(same.shingles.f1, 1.0);
  // Extra text halves precision of shingles: 2 of 4 predicted match.
  const auto extra = ScoreExtraction("a b c d e x y", "a b c d e");
  EXPECT_DOUBLE_EQ(extra.shingles.precision, 0.5);
  EXPECT_DOUBLE_EQ(extra.shingles.recall, 1.0);
  EXPECT_NEAR(extra.tokens.precision, 5.0 / 7, 1e-12);
  const auto none = ScoreExtraction("", "a b c d e");
  EXPECT_DOUBLE_EQ(none.shingles.f1, 0.0);
}

}  // namespace
}  // namespace storyline::eval
