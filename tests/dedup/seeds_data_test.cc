// The seeds: 000 and 001 share three paragraphs; no other pair is a copy.
#include "dedup/copies.h"
#include "gtest/gtest.h"
#include "pipeline/clean.h"
#include "storyline/ingest.h"
#include "testing.h"

namespace storyline::dedup {
namespace {

TEST(SeedCopiesTest, OnlyTheSharedParagraphPair) {
  CollectingErrorSink errors;
  auto articles = ReadArticles({testing::SeedsDir()}, IngestOptions{}, errors);
  ASSERT_EQ(articles.size(), 5u);
  std::vector<Document> docs;
  for (auto& article : articles) {
    docs.push_back(*pipeline::CleanArticle(std::move(article), {}, {}));
  }
  const auto copies = FindCopies(docs, DedupOptions{}, 2);
  ASSERT_EQ(copies.size(), 1u);
  const CopyPair& pair = copies[0];
  EXPECT_EQ(docs[pair.a].id.substr(0, 3), "000");
  EXPECT_EQ(docs[pair.b].id.substr(0, 3), "001");
  EXPECT_EQ(pair.kind, CopyKind::kPartial);
  EXPECT_GT(pair.containment_a, 0.3);
  EXPECT_GT(pair.containment_b, 0.3);
  const std::string passage = docs[pair.a].text.substr(
      pair.passage_a.begin, pair.passage_a.end - pair.passage_a.begin);
  EXPECT_NE(passage.find("talks between Russia and NATO on security guarantees"),
            std::string::npos);
  const std::string passage_b = docs[pair.b].text.substr(
      pair.passage_b.begin, pair.passage_b.end - pair.passage_b.begin);
  EXPECT_EQ(passage.substr(0, 40), passage_b.substr(0, 40));
}

}  // namespace
}  // namespace storyline::dedup
