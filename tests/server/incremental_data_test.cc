// On a development set streamed into the service one small batch at a time
// (adds, corrections, deletes), the stories kept current by local updates
// cluster the articles nearly as well as a batch run, and a full recluster
// then gives exactly the batch result.
#include <algorithm>
#include <map>
#include <random>

#include "eval/clustering_metrics.h"
#include "eval/labeled_data.h"
#include "output/json.h"
#include "server/service.h"
#include "server_testing.h"
#include "storyline/pipeline.h"

namespace storyline::server {
namespace {

// Event-level pairwise F1 of `result` against the gold labels.
double EventF1(const PipelineResult& result,
               const absl::flat_hash_map<std::string, std::string>& label,
               const std::vector<std::shared_ptr<const pipeline::AnalyzedDoc>>*
                   live = nullptr) {
  std::vector<std::string> gold, predicted;
  for (const Event& e : result.events) {
    for (const int d : e.docs) {
      if (live && !(*live)[d]) continue;
      gold.push_back(label.at(result.docs[d].id));
      predicted.push_back(e.id);
    }
  }
  return eval::ScoreClustering(gold, predicted).pairwise.f1;
}

TEST(IncrementalDataTest, LocalUpdatesClusterADevSetLikeTheBatch) {
  const std::string path =
      testing::DataDir() + "/g5w1h-newscluster/g5w1h-newscluster.jsonl";
  CollectingErrorSink errors;
  auto corpus = eval::ReadLabeledCorpus(path, errors);
  ASSERT_TRUE(corpus.ok()) << path;
  std::vector<Article> articles = corpus->articles;
  std::shuffle(articles.begin(), articles.end(), std::mt19937(11));

  auto store = store::ArticleStore::Open(TempDb("incremental_data.db"),
                                         {.sync_full = false});
  ASSERT_TRUE(store.ok());
  ServiceOptions options;
  options.threads = 2;
  options.debounce_ms = 1;
  options.settle_ms = 600000;  // no full recluster unless asked
  options.full_share = 100;
  StoryService service(**store, options);
  ASSERT_TRUE(service.Load().ok());
  std::map<std::string, Article> final_set;
  // A first quarter in bulk, then batches of 5, each waited for.
  const size_t bulk = articles.size() / 4;
  ASSERT_TRUE(service
                  .Put({articles.begin(), articles.begin() + bulk},
                       /*wait=*/true)
                  .ok());
  for (size_t i = 0; i < bulk; ++i) final_set[articles[i].id] = articles[i];
  for (size_t i = bulk; i < articles.size(); i += 5) {
    std::vector<Article> batch(
        articles.begin() + i,
        articles.begin() + std::min(articles.size(), i + 5));
    for (const Article& a : batch) final_set[a.id] = a;
    ASSERT_TRUE(service.Put(std::move(batch), /*wait=*/true).ok());
    if (i % 40 == 0) {  // now and then one goes away again
      ASSERT_TRUE(*service.Delete(articles[i].id, /*wait=*/true));
      final_set.erase(articles[i].id);
    }
  }
  const auto local = service.snapshot();
  ASSERT_FALSE(local->exact);

  std::vector<Article> remaining;
  for (const auto& [id, a] : final_set) remaining.push_back(a);
  PipelineOptions batch_options;
  batch_options.threads = 2;
  const PipelineResult batch = RunPipeline(remaining, batch_options, errors);
  const double batch_f1 = EventF1(batch, corpus->label);
  const double local_f1 =
      EventF1(local->result, corpus->label, &local->analysed);
  EXPECT_GT(batch_f1, 0.8);
  EXPECT_GE(local_f1, batch_f1 - 0.05) << "batch " << batch_f1;
  RecordProperty("local_f1", std::to_string(local_f1));
  RecordProperty("batch_f1", std::to_string(batch_f1));

  const auto settled = service.Settle();
  ASSERT_TRUE(settled->exact);
  EXPECT_EQ(output::StoriesJson(settled->result).dump(),
            output::StoriesJson(batch).dump());
}

}  // namespace
}  // namespace storyline::server
