// ROUGE-1/2 on hand-counted examples.
#include "eval/rouge.h"

#include "gtest/gtest.h"

namespace storyline::eval {
namespace {

TEST(Rouge, CountsClippedUnigramsAndBigrams) {
  RougeScorer scorer;
  const RougeResult r =
      scorer.Score("The cat sat on the mat.", {"the cat was on the mat"});
  // Unigrams: the x2, cat, on, mat of 6; bigrams: the cat, on the, the mat
  // of 5.
  EXPECT_DOUBLE_EQ(r.rouge1.recall, 5.0 / 6);
  EXPECT_DOUBLE_EQ(r.rouge1.precision, 5.0 / 6);
  EXPECT_DOUBLE_EQ(r.rouge2.recall, 3.0 / 5);
  EXPECT_DOUBLE_EQ(r.rouge2.f1, 3.0 / 5);
}

TEST(Rouge, PoolsSeveralReferences) {
  RougeScorer scorer;
  const RougeResult r = scorer.Score("the cat sat on the mat",
                                     {"the cat was on the mat", "a dog"});
  EXPECT_DOUBLE_EQ(r.rouge1.recall, 5.0 / 8);
  EXPECT_DOUBLE_EQ(r.rouge1.precision, 5.0 / 12);
}

TEST(Rouge, StemsAndSplitsLikeRouge) {
  RougeScorer scorer;
  EXPECT_EQ(scorer.Words("Cats, U.S. talks"),
            (std::vector<std::string>{"cat", "u", "s", "talk"}));
  const RougeResult r = scorer.Score("talks", {"talk"});
  EXPECT_DOUBLE_EQ(r.rouge1.recall, 1.0);
  EXPECT_DOUBLE_EQ(r.rouge2.recall, 0.0);  // no bigram in either
}

TEST(Rouge, EmptyTextScoresZero) {
  RougeScorer scorer;
  const RougeResult r = scorer.Score("", {"some words here"});
  EXPECT_EQ(r.rouge1.recall, 0);
  EXPECT_EQ(r.rouge1.f1, 0);
}

TEST(Rouge, CutsAtWords) {
  EXPECT_EQ(FirstWords("a b  c\nd e", 3), "a b c");
  EXPECT_EQ(FirstWords("a b", 10), "a b");
}

}  // namespace
}  // namespace storyline::eval
