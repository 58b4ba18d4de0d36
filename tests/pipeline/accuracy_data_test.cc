// Guards the measured clustering accuracy on the development sets against
// regression. Floors sit a little below what the README reports.
#include "eval/clustering_metrics.h"
#include "eval/labeled_data.h"
#include "gtest/gtest.h"
#include "storyline/pipeline.h"
#include "testing.h"

namespace storyline {
namespace {

struct Case {
  const char* dataset;
  bool story_level;
  double min_pairwise_f1, min_bcubed_f1;
};

eval::ClusteringScore Score(const Case& c) {
  const std::string path =
      testing::DataDir() + "/" + c.dataset + "/" + c.dataset + ".jsonl";
  CollectingErrorSink errors;
  auto corpus = eval::ReadLabeledCorpus(path, errors);
  EXPECT_TRUE(corpus.ok()) << path;
  PipelineOptions options;
  options.synthesize = false;
  const PipelineResult result =
      RunPipeline(std::move(corpus->articles), options, errors);
  std::vector<std::string> predicted(result.docs.size()), gold;
  if (c.story_level) {
    for (const Cluster& s : result.clusters) {
      for (const int d : s.docs) predicted[d] = s.id;
    }
  } else {
    for (const Event& e : result.events) {
      for (const int d : e.docs) predicted[d] = e.id;
    }
  }
  for (const Document& doc : result.docs) gold.push_back(corpus->label[doc.id]);
  return eval::ScoreClustering(gold, predicted);
}

class AccuracyTest : public ::testing::TestWithParam<Case> {};

TEST_P(AccuracyTest, StaysAboveMeasuredFloor) {
  const Case c = GetParam();
  const auto score = Score(c);
  EXPECT_GE(score.pairwise.f1, c.min_pairwise_f1) << c.dataset;
  EXPECT_GE(score.bcubed.f1, c.min_bcubed_f1) << c.dataset;
}

INSTANTIATE_TEST_SUITE_P(
    DevSets, AccuracyTest,
    ::testing::Values(Case{"ecbplus", false, 0.82, 0.875},
                      Case{"g5w1h-newscluster", false, 0.845, 0.90},
                      Case{"newswcl50", false, 0.96, 0.97},
                      Case{"duc2006-dev", true, 0.85, 0.85},
                      Case{"uci-news-partial", true, 0.67, 0.68}),
    [](const auto& test_param) {
      std::string name = test_param.param.dataset;
      for (char& ch : name) {
        if (ch == '-') ch = '_';
      }
      return name;
    });

}  // namespace
}  // namespace storyline
