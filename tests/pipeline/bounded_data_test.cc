// The memory-bounded pipeline on real articles: the seeds still tell one
// story when every segment holds two of them, and a development set split
// into segments scores close to the in-memory run.
#include <algorithm>
#include <sstream>

#include "eval/clustering_metrics.h"
#include "eval/labeled_data.h"
#include "gtest/gtest.h"
#include "output/story_spool.h"
#include "storyline/pipeline.h"
#include "testing.h"

namespace storyline {
namespace {

// Each article's event and story id, segment by segment.
class Assignments : public StorySink {
 public:
  absl::Status Take(const PipelineResult& segment) override {
    for (size_t s = 0; s < segment.clusters.size(); ++s) {
      const Cluster& story = segment.clusters[s];
      for (const int e : story.events) {
        for (const int d : segment.events[e].docs) {
          event_of[segment.docs[d].id] = segment.events[e].id;
          story_of[segment.docs[d].id] = story.id;
        }
      }
      if (!segment.stories.empty()) told.push_back(segment.stories[s]);
    }
    return absl::OkStatus();
  }
  std::map<std::string, std::string> event_of, story_of;
  std::vector<Story> told;
};

BoundedSummary RunSegmented(const std::string& input, size_t segment_articles,
                            bool tell, Assignments& sink) {
  PipelineOptions options;
  options.synthesize = tell;
  BoundedOptions bounded;
  bounded.spill_dir = ::testing::TempDir();
  bounded.segment_articles = segment_articles;
  CollectingErrorSink errors;
  auto summary = RunBoundedPipeline({input}, IngestOptions{}, options, bounded,
                                    errors, sink);
  EXPECT_TRUE(summary.ok()) << summary.status();
  return *summary;
}

TEST(BoundedSeedsTest, TwoArticlesASegmentStillOneStory) {
  Assignments sink;
  const BoundedSummary summary =
      RunSegmented(testing::SeedsDir(), 2, true, sink);
  EXPECT_GE(summary.segments, 2u);
  ASSERT_EQ(sink.told.size(), 1u);
  EXPECT_EQ(sink.told[0].first_date, absl::CivilDay(2022, 1, 9));
  EXPECT_EQ(sink.story_of.size(), 5u);
  // The reuse found when the story was told, from its spilled articles.
  EXPECT_EQ(sink.told[0].reuse.size(), 1u);
}

TEST(BoundedDevSetTest, SegmentsScoreCloseToInMemory) {
  const std::string path =
      testing::DataDir() + "/g5w1h-newscluster/g5w1h-newscluster.jsonl";
  CollectingErrorSink errors;
  auto corpus = eval::ReadLabeledCorpus(path, errors);
  ASSERT_TRUE(corpus.ok());
  Assignments sink;
  // 383 articles over five years, in four segments.
  const BoundedSummary summary = RunSegmented(path, 100, false, sink);
  EXPECT_GE(summary.segments, 4u);
  std::vector<std::string> gold, predicted;
  for (const auto& [id, event] : sink.event_of) {
    gold.push_back(corpus->label.at(id));
    predicted.push_back(event);
  }
  EXPECT_EQ(gold.size(), corpus->label.size());
  const auto score = eval::ScoreClustering(gold, predicted);
  // In memory: 0.853 / 0.904; measured here 0.848 / 0.888.
  EXPECT_GE(score.pairwise.f1, 0.83);
  EXPECT_GE(score.bcubed.f1, 0.87);
}

}  // namespace
}  // namespace storyline
