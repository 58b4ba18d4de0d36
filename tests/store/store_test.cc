#include "store/store.h"

#include <unistd.h>

#include <filesystem>

#include "gtest/gtest.h"
#include "storyline/ingest.h"
#include "testing.h"

namespace storyline::store {
namespace {

std::string TempDb(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("storyline_store_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
  return path.string();
}

std::vector<Article> SampleArticles() {
  CollectingErrorSink errors;
  return ReadArticles({testing::SampleDir() + "/ecbplus-sample.jsonl"}, {},
                      errors);
}

TEST(ArticleStoreTest, KeepsEveryFieldAcrossReopen) {
  const std::string path = TempDb("fields.db");
  const auto articles = SampleArticles();
  ASSERT_GT(articles.size(), 100u);
  {
    auto store = ArticleStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status();
    auto put = (*store)->Put(articles);
    ASSERT_TRUE(put.ok()) << put.status();
    for (const PutResult r : *put) EXPECT_EQ(r, PutResult::kCreated);
  }
  auto store = ArticleStore::Open(path);
  ASSERT_TRUE(store.ok());
  EXPECT_EQ(*(*store)->Count(), static_cast<int64_t>(articles.size()));
  for (const Article& want : articles) {
    auto got = (*store)->Get(want.id);
    ASSERT_TRUE(got.ok() && got->has_value()) << want.id;
    const Article& a = **got;
    EXPECT_EQ(a.title, want.title);
    EXPECT_EQ(a.body, want.body);
    EXPECT_EQ(a.source, want.source);
    EXPECT_EQ(a.url, want.url);
    EXPECT_EQ(a.published, want.published);
    EXPECT_EQ(a.lang, want.lang);
    EXPECT_EQ(a.format, want.format);
  }
  EXPECT_EQ(*(*store)->IntegrityCheck(), "ok");
}

TEST(ArticleStoreTest, ReplacesDeletesAndScansInIdOrder) {
  auto store = ArticleStore::Open(TempDb("ops.db"));
  ASSERT_TRUE(store.ok());
  auto articles = SampleArticles();
  articles.resize(10);
  ASSERT_TRUE((*store)->Put(articles).ok());
  Article edited = articles[3];
  edited.title = "Corrected: " + edited.title;
  edited.format = Format::kHtml;
  auto put = (*store)->Put({&edited, 1});
  ASSERT_TRUE(put.ok());
  EXPECT_EQ((*put)[0], PutResult::kReplaced);
  EXPECT_EQ((**(*store)->Get(edited.id)).title, edited.title);
  EXPECT_EQ((**(*store)->Get(edited.id)).format, Format::kHtml);

  EXPECT_TRUE(*(*store)->Delete(articles[5].id));
  EXPECT_FALSE(*(*store)->Delete(articles[5].id));
  EXPECT_FALSE((*store)->Get(articles[5].id)->has_value());

  std::vector<std::string> ids;
  ASSERT_TRUE((*store)->ForEach([&](Article a) { ids.push_back(a.id); }).ok());
  EXPECT_EQ(ids.size(), 9u);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
}

TEST(ArticleStoreTest, OpenFailsOnUnwritablePath) {
  auto store = ArticleStore::Open("/nonexistent-dir/x/y.db");
  EXPECT_FALSE(store.ok());
}

}  // namespace
}  // namespace storyline::store
