// A stream of adds, replacements and deletes ends in the same stories as a
// batch run over the final set of articles, and so does a restart.
#include <algorithm>
#include <map>
#include <random>

#include "output/json.h"
#include "server/service.h"
#include "server_testing.h"
#include "storyline/pipeline.h"

namespace storyline::server {
namespace {

std::string BatchStories(const std::map<std::string, Article>& final_set) {
  std::vector<Article> articles;
  for (const auto& [id, a] : final_set) articles.push_back(a);
  CollectingErrorSink errors;
  PipelineOptions options;
  options.threads = 2;
  return output::StoriesJson(RunPipeline(articles, options, errors)).dump(1);
}

std::string ServedStories(StoryService& service) {
  return output::StoriesJson(service.snapshot()->result).dump(1);
}

// The sample sorted by id, split into the articles of its last topic
// (ECB+ ids start with "topic_"), held back, and all others.
struct HeldTopic {
  std::vector<Article> all, stored, held;
};
HeldTopic HoldLastTopic() {
  HeldTopic t;
  t.all = SampleArticles();
  std::sort(t.all.begin(), t.all.end(),
            [](const Article& a, const Article& b) { return a.id < b.id; });
  const std::string& last = t.all.back().id;
  const std::string topic = last.substr(0, last.find('_') + 1);
  for (const Article& a : t.all) {
    (a.id.rfind(topic, 0) == 0 ? t.held : t.stored).push_back(a);
  }
  return t;
}

TEST(IncrementalTest, StreamOfChangesEqualsBatchOnFinalSet) {
  const std::string db = TempDb("incremental.db");
  auto articles = SampleArticles();
  ASSERT_GT(articles.size(), 100u);
  std::mt19937 rng(7);
  std::shuffle(articles.begin(), articles.end(), rng);

  auto store = store::ArticleStore::Open(db, {.sync_full = false});
  ASSERT_TRUE(store.ok());
  ServiceOptions options;
  options.threads = 2;
  options.debounce_ms = 1;
  std::map<std::string, Article> final_set;
  {
    StoryService service(**store, options);
    ASSERT_TRUE(service.Load().ok());
    for (size_t i = 0; i < articles.size(); i += 17) {
      std::vector<Article> batch(
          articles.begin() + i,
          articles.begin() + std::min(articles.size(), i + 17));
      for (const Article& a : batch) final_set[a.id] = a;
      ASSERT_TRUE(service.Put(std::move(batch), /*wait=*/i % 2 == 0).ok());
      // Delete one article from this batch and correct another.
      const Article& gone = articles[i];
      ASSERT_TRUE(*service.Delete(gone.id, false));
      final_set.erase(gone.id);
      if (i + 1 < articles.size()) {
        Article fixed = articles[i + 1];
        fixed.title = "Correction: " + fixed.title;
        fixed.body = fixed.body.substr(0, fixed.body.size() * 2 / 3);
        final_set[fixed.id] = fixed;
        auto put = service.Put({fixed}, false);
        ASSERT_TRUE(put.ok());
        EXPECT_FALSE(put->stored[0].created);
      }
    }
    // Bring one deleted article back; wait so the snapshot is current.
    final_set[articles[0].id] = articles[0];
    auto put = service.Put({articles[0]}, /*wait=*/true);
    ASSERT_TRUE(put.ok());
    ASSERT_TRUE(put->stored[0].story.has_value());

    // Writes were applied locally; a full recluster makes them exact.
    const std::string want = BatchStories(final_set);
    const auto settled = service.Settle();
    ASSERT_TRUE(settled->exact);
    EXPECT_GT(settled->result.stories.size(), 5u);
    EXPECT_EQ(ServedStories(service), want);
  }
  // A restart rebuilds the same stories from the store alone.
  StoryService restarted(**store, options);
  ASSERT_TRUE(restarted.Load().ok());
  EXPECT_EQ(ServedStories(restarted), BatchStories(final_set));
}

TEST(IncrementalTest, StoryIdStaysWhenLaterArticlesJoin) {
  auto store =
      store::ArticleStore::Open(TempDb("ids.db"), {.sync_full = false});
  ASSERT_TRUE(store.ok());
  StoryService service(**store, {});
  ASSERT_TRUE(service.Load().ok());
  auto articles = SampleArticles();
  std::sort(articles.begin(), articles.end(),
            [](const Article& a, const Article& b) { return a.id < b.id; });
  auto first = service.Put({articles[0]}, true);
  ASSERT_TRUE(first.ok() && first->stored[0].story);
  // A reprint with a larger id joins the same story under the same id.
  Article reprint = articles[0];
  reprint.id = articles[0].id + "-reprint";
  reprint.source = "another outlet";
  auto second = service.Put({reprint}, true);
  ASSERT_TRUE(second.ok() && second->stored[0].story);
  EXPECT_EQ(*second->stored[0].story, *first->stored[0].story);
}

// A write not waited for is answered at once with the story of the most
// similar stored article, or a story of its own; a recluster then places it
// where the provisional answer said.
TEST(IncrementalTest, WriteNotWaitedForGetsAProvisionalStory) {
  auto store =
      store::ArticleStore::Open(TempDb("provisional.db"), {.sync_full = false});
  ASSERT_TRUE(store.ok());
  ServiceOptions options;
  options.threads = 2;
  StoryService service(**store, options);
  ASSERT_TRUE(service.Load().ok());
  const auto [articles, stored, held] = HoldLastTopic();
  ASSERT_FALSE(held.empty());
  ASSERT_TRUE(service.Put(stored, true).ok());
  const auto before = service.snapshot();

  // A reprint of a stored article: that article's story, at once.
  const Article& original = stored[stored.size() / 2];
  Article reprint = original;
  reprint.id = original.id + "-reprint";
  reprint.source = "another outlet";
  auto quick = service.Put({reprint}, /*wait=*/false);
  ASSERT_TRUE(quick.ok());
  ASSERT_TRUE(quick->stored[0].story.has_value());
  EXPECT_TRUE(quick->stored[0].provisional);
  const int original_story =
      before->story_of_doc[before->doc_index.at(original.id)];
  EXPECT_EQ(*quick->stored[0].story, before->result.stories[original_story].id);

  // An article of a topic nothing stored is about: a story of its own,
  // under the id a recluster gives it.
  auto alone = service.Put({held.front()}, /*wait=*/false);
  ASSERT_TRUE(alone.ok());
  EXPECT_TRUE(alone->stored[0].provisional);
  ASSERT_TRUE(alone->stored[0].story.has_value());
  EXPECT_EQ(before->story_index.count(*alone->stored[0].story), 0u);
  auto placed = service.Put({held.front()}, /*wait=*/true);
  ASSERT_TRUE(placed.ok());
  EXPECT_FALSE(placed->stored[0].provisional);
  EXPECT_EQ(alone->stored[0].story, placed->stored[0].story);
}

// Between full reclusters a write retells only the stories it touches:
// every other story is carried over as it was, and the new articles land
// with the articles a batch run puts them with.
TEST(IncrementalTest, SmallWritesRetellOnlyTheStoriesTheyTouch) {
  auto store =
      store::ArticleStore::Open(TempDb("local.db"), {.sync_full = false});
  ASSERT_TRUE(store.ok());
  ServiceOptions options;
  options.threads = 2;
  options.settle_ms = 600000;  // no full recluster unless asked
  options.full_share = 100;
  StoryService service(**store, options);
  ASSERT_TRUE(service.Load().ok());
  const auto [articles, stored, held] = HoldLastTopic();
  ASSERT_GE(held.size(), 3u);
  ASSERT_TRUE(service.Put(stored, true).ok());
  const auto before = service.Settle();
  ASSERT_TRUE(before->exact);

  // One article of the held topic: every story it does not touch is
  // carried over unchanged.
  ASSERT_TRUE(service.Put({held.front()}, true).ok());
  const auto first = service.snapshot();
  EXPECT_FALSE(first->exact);
  int carried = 0;
  for (int s = 0; s < static_cast<int>(first->result.stories.size()); ++s) {
    const int from = first->carried_from[s];
    if (from < 0) continue;
    ++carried;
    EXPECT_EQ(output::StoryJson(first->result.stories[s], first->result),
              output::StoryJson(before->result.stories[from], before->result));
  }
  EXPECT_GE(carried, static_cast<int>(before->result.stories.size()) - 4);

  // The rest of the topic, one article at a time.
  for (size_t i = 1; i < held.size(); ++i) {
    ASSERT_TRUE(service.Put({held[i]}, true).ok());
  }
  const auto after = service.snapshot();
  EXPECT_FALSE(after->exact);

  // Co-membership of the held articles: as a batch run on the same set.
  std::map<std::string, Article> final_set;
  for (const Article& a : articles) final_set[a.id] = a;
  CollectingErrorSink errors;
  PipelineOptions batch_options;
  batch_options.threads = 2;
  const PipelineResult batch =
      RunPipeline(std::vector<Article>(articles), batch_options, errors);
  std::map<std::string, int> batch_story;
  for (int s = 0; s < static_cast<int>(batch.stories.size()); ++s) {
    for (const int d : batch.stories[s].docs) {
      batch_story[batch.docs[d].id] = s;
    }
  }
  auto local_story = [&](const std::string& id) {
    return after->story_of_doc[after->doc_index.at(id)];
  };
  int pairs = 0, agree = 0;
  for (size_t i = 0; i < held.size(); ++i) {
    for (size_t j = i + 1; j < held.size(); ++j) {
      ++pairs;
      agree += (local_story(held[i].id) == local_story(held[j].id)) ==
               (batch_story[held[i].id] == batch_story[held[j].id]);
    }
  }
  EXPECT_GE(agree, pairs * 9 / 10) << agree << " of " << pairs;

  // A delete takes the article out of its story at once.
  ASSERT_TRUE(*service.Delete(held.front().id, true));
  EXPECT_EQ(service.snapshot()->doc_index.count(held.front().id), 0u);
  final_set.erase(held.front().id);
  // A full recluster then gives exactly the batch result.
  service.Settle();
  EXPECT_EQ(ServedStories(service), BatchStories(final_set));
}

}  // namespace
}  // namespace storyline::server
