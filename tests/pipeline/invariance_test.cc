// The result depends only on the set of articles: not on their order, not
// on the number of threads.
#include <algorithm>
#include <random>

#include "gtest/gtest.h"
#include "pipeline/stages.h"
#include "storyline/ingest.h"
#include "storyline/pipeline.h"
#include "testing.h"

namespace storyline {
namespace {

// Story id -> sorted article ids, and event id -> article ids.
std::vector<std::pair<std::string, std::vector<std::string>>> Memberships(
    const PipelineResult& result) {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const Cluster& story : result.clusters) {
    std::vector<std::string> ids;
    for (const int d : story.docs) ids.push_back(result.docs[d].id);
    out.push_back({story.id, ids});
  }
  for (const Event& event : result.events) {
    std::vector<std::string> ids;
    for (const int d : event.docs) ids.push_back(result.docs[d].id);
    out.push_back({event.id, ids});
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Article> Sample() {
  CollectingErrorSink errors;
  return ReadArticles({testing::SampleDir()}, IngestOptions{}, errors);
}

TEST(InvarianceTest, ShuffledInputGivesTheSameStories) {
  std::vector<Article> articles = Sample();
  ASSERT_GT(articles.size(), 100u);
  PipelineOptions options;
  options.synthesize = false;
  CollectingErrorSink errors;
  const auto expected = Memberships(RunPipeline(articles, options, errors));
  std::mt19937 rng(7);
  std::shuffle(articles.begin(), articles.end(), rng);
  EXPECT_EQ(Memberships(RunPipeline(articles, options, errors)), expected);
  EXPECT_TRUE(errors.errors().empty());
}

TEST(InvarianceTest, OneThreadAndFourThreadsAgree) {
  const std::vector<Article> articles = Sample();
  PipelineOptions options;
  options.synthesize = false;
  CollectingErrorSink errors;
  options.threads = 1;
  const PipelineResult one = RunPipeline(articles, options, errors);
  options.threads = 4;
  const PipelineResult four = RunPipeline(articles, options, errors);
  EXPECT_EQ(Memberships(one), Memberships(four));
  ASSERT_EQ(one.copies.size(), four.copies.size());
  for (size_t i = 0; i < one.copies.size(); ++i) {
    EXPECT_EQ(one.copies[i].a, four.copies[i].a);
    EXPECT_EQ(one.copies[i].b, four.copies[i].b);
  }
}

TEST(InvarianceTest, RepeatedIdsAreReportedAndKeptOnce) {
  std::vector<Article> articles = Sample();
  articles.push_back(articles.front());
  PipelineOptions options;
  options.synthesize = false;
  CollectingErrorSink errors;
  const PipelineResult result = RunPipeline(articles, options, errors);
  EXPECT_EQ(result.docs.size(), articles.size() - 1);
  ASSERT_EQ(errors.errors().size(), 1u);
  EXPECT_EQ(errors.errors()[0].where, articles.front().id);
}

TEST(InvarianceTest, ArticlesSortedByIdInPlaceEachKeptWhole) {
  // Ids and bodies that tell which article is which, in a shuffled order,
  // with three ids given twice (different bodies).
  std::vector<Article> articles;
  for (int i = 0; i < 500; ++i) {
    Article a;
    a.id = "id" + std::to_string(i % 497);
    a.body = "body of article " + std::to_string(i);
    a.title = a.id + " / " + a.body;
    articles.push_back(a);
  }
  std::shuffle(articles.begin(), articles.end(), std::mt19937(3));
  CollectingErrorSink errors;
  pipeline::SortAndDropRepeatedIds(articles, errors, 2);
  ASSERT_EQ(articles.size(), 497u);
  EXPECT_EQ(errors.errors().size(), 3u);
  for (size_t k = 0; k < articles.size(); ++k) {
    EXPECT_EQ(articles[k].title, articles[k].id + " / " + articles[k].body);
    if (k > 0) {
      EXPECT_LT(articles[k - 1].id, articles[k].id);
    }
  }
  // Of a repeated id, the article with the smaller body hash stays.
  for (const int i : {0, 1, 2}) {
    const std::string id = "id" + std::to_string(i);
    const std::string first = "body of article " + std::to_string(i);
    const std::string second = "body of article " + std::to_string(i + 497);
    const auto it = std::find_if(articles.begin(), articles.end(),
                                 [&](const Article& a) { return a.id == id; });
    ASSERT_NE(it, articles.end());
    Article a, b;
    a.body = first;
    b.body = second;
    EXPECT_EQ(it->body,
              pipeline::BodyHash(a) < pipeline::BodyHash(b) ? first : second);
  }
}

}  // namespace
}  // namespace storyline
