// Extraction quality on the labeled HTML dev sets in ../shared.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "eval/extraction_metrics.h"
#include "extract/html.h"
#include "testing.h"

namespace storyline::extract {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Shingle scores over a dataset: the benchmark's F1 and the mean page F1.
eval::ExtractionAverage Score(const std::string& name) {
  const std::string dir = storyline::testing::DataDir() + "/" + name;
  const auto gold = eval::ReadExtractionGold(dir);
  EXPECT_TRUE(gold.ok()) << gold.status();
  eval::ExtractionAverage average;
  if (!gold.ok()) return average;
  for (const auto& g : *gold) {
    const auto page = ExtractHtml(
        storyline::testing::ReadFile(dir + "/html/" + g.id + ".html"));
    average.Add(
        eval::ScoreExtraction(page.ok() ? page->text : "", g.body).shingles);
  }
  EXPECT_EQ(average.pages(), static_cast<int>(gold->size()));
  return average;
}

constexpr double kScrapinghubMinF1 = 0.965, kScrapinghubMinPageF1 = 0.96;
constexpr double kReadabilityMinF1 = 0.905, kReadabilityMinPageF1 = 0.89;

// Thresholds sit a little below what the extractor measures (see README,
// "Cleaning pages"), so a regression shows while noise does not.
TEST(ExtractionDataTest, ScrapinghubShingleF1) {
  const auto average = Score("scrapinghub-aeb");
  EXPECT_GE(average.Benchmark().f1, kScrapinghubMinF1);
  EXPECT_GE(average.MeanF1(), kScrapinghubMinPageF1);
}

TEST(ExtractionDataTest, ReadabilityTestPagesShingleF1) {
  const auto average = Score("readability-testpages");
  EXPECT_GE(average.Benchmark().f1, kReadabilityMinF1);
  EXPECT_GE(average.MeanF1(), kReadabilityMinPageF1);
}

struct PageCase {
  const char* dataset;
  const char* id;
  std::vector<const char*> present, absent;
};

const PageCase kPages[] = {
    {"scrapinghub-aeb",
     "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856",
     {"Gaming used to be so simple."},
     {"BROWSER UPDATE", "Dow Jones, a News Corp company",
      "Real Time Economics"}},
    {"scrapinghub-aeb",
     "04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34",
     {"Americans have gone to the polls four times this month",
      "under the guise of making America great again."},
     {"Skip to content", "Advertisement", "Continue reading the main story"}},
    {"scrapinghub-aeb",
     "06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85",
     {"is investigating WeWork, according to two people familiar",
      "according to data from MarketAxess."},
     {"Got a news tip?", "Follow VentureBeat on Twitter", "Press Releases"}},
    // Every paragraph in a box of its own: the article is their ancestor.
    {"scrapinghub-aeb",
     "f344ca5fb36e130f4344235fa22726f3367e09c211c120f21d9ae92effe902db",
     {"NASA scientists using a telescope atop Mauna Kea",
      "The find almost certainly means the moon has liquid water",
      "is slightly smaller than Earth"},
     {}},
    // A short post under a long comment thread: the comments stay out.
    {"scrapinghub-aeb",
     "ac3c035520461017a7c5b248d8e39ef063cad4c0c7d7b7ecd68aff8f15099485",
     {"Our goal with hosting quarterly open threads"},
     {"We detailed several considerations", "said:"}},
};

class PageTest : public ::testing::TestWithParam<PageCase> {};

TEST_P(PageTest, KeepsGoldSentencesDropsFurniture) {
  const PageCase& c = GetParam();
  const std::string html =
      storyline::testing::ReadFile(storyline::testing::DataDir() + "/" +
                                   c.dataset + "/html/" + c.id + ".html");
  ASSERT_FALSE(html.empty()) << c.id;
  const auto page = ExtractHtml(html);
  ASSERT_TRUE(page.ok()) << page.status();
  for (const char* s : c.present) EXPECT_THAT(page->text, HasSubstr(s));
  for (const char* s : c.absent) EXPECT_THAT(page->text, Not(HasSubstr(s)));
}

INSTANTIATE_TEST_SUITE_P(Pages, PageTest, ::testing::ValuesIn(kPages));

}  // namespace
}  // namespace storyline::extract
