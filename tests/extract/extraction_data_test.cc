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

double MacroF1(const std::string& name) {
  const std::string dir = storyline::testing::DataDir() + "/" + name;
  const auto gold = eval::ReadExtractionGold(dir);
  EXPECT_TRUE(gold.ok()) << gold.status();
  if (!gold.ok() || gold->empty()) return 0;
  double sum = 0;
  for (const auto& g : *gold) {
    const auto page = ExtractHtml(
        storyline::testing::ReadFile(dir + "/html/" + g.id + ".html"));
    sum +=
        eval::ScoreExtraction(page.ok() ? page->text : "", g.body).shingles.f1;
  }
  return sum / gold->size();
}

constexpr double kScrapinghubMinF1 = 0.94;
constexpr double kReadabilityMinF1 = 0.86;

// Thresholds sit a little below what the extractor measures (see README,
// "Cleaning pages"), so a regression shows while noise does not.
TEST(ExtractionDataTest, ScrapinghubShingleF1) {
  EXPECT_GE(MacroF1("scrapinghub-aeb"), kScrapinghubMinF1);
}

TEST(ExtractionDataTest, ReadabilityTestPagesShingleF1) {
  EXPECT_GE(MacroF1("readability-testpages"), kReadabilityMinF1);
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
