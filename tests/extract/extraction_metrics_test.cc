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

TEST(ExtractionMetricsTest, AveragesAsTheBenchmarkDoes) {
  ExtractionAverage average;
  average.Add(ScoreExtraction("a b c d e", "a b c d e").shingles);
  // Predicted nothing: no precision to average, recall 0.
  average.Add(ScoreExtraction("", "a b c d e").shingles);
  // Half of the prediction is extra: precision 0.5, recall 1.
  average.Add(ScoreExtraction("a b c d e x y", "a b c d e").shingles);
  const Prf mean = average.Benchmark();
  EXPECT_DOUBLE_EQ(mean.precision, (1 + 0.5) / 2);
  EXPECT_DOUBLE_EQ(mean.recall, (1 + 0 + 1) / 3.0);
  EXPECT_DOUBLE_EQ(mean.f1, 2 * mean.precision * mean.recall /
                                (mean.precision + mean.recall));
  EXPECT_DOUBLE_EQ(average.MeanF1(), (1 + 0 + 2 * 0.5 / 1.5) / 3);
  EXPECT_EQ(average.pages(), 3);
}

}  // namespace
}  // namespace storyline::eval
