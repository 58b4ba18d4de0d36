// The five seeds tell one story, two days apart and in different wordings.
#include "gtest/gtest.h"
#include "storyline/ingest.h"
#include "storyline/pipeline.h"
#include "testing.h"

namespace storyline {
namespace {

TEST(SeedsTest, FiveArticlesOneStory) {
  CollectingErrorSink errors;
  auto articles = ReadArticles({testing::SeedsDir()}, IngestOptions{}, errors);
  ASSERT_EQ(articles.size(), 5u);
  const PipelineResult result =
      RunPipeline(articles, PipelineOptions{}, errors);
  EXPECT_TRUE(errors.errors().empty());
  ASSERT_EQ(result.clusters.size(), 1u);
  EXPECT_EQ(result.clusters[0].docs.size(), 5u);
  ASSERT_EQ(result.stories.size(), 1u);
  EXPECT_EQ(result.stories[0].first_date, absl::CivilDay(2022, 1, 9));
  // The reused paragraphs are part of the story.
  ASSERT_EQ(result.stories[0].reuse.size(), 1u);
}

}  // namespace
}  // namespace storyline
