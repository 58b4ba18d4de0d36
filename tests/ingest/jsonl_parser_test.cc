#include "gtest/gtest.h"
#include "storyline/ingest.h"

namespace storyline {
namespace {

TEST(JsonlParserTest, ReadsAllFields) {
  JsonlParser parser;
  const auto article = parser.Parse(
      R"({"id":"a1","title":"Заголовок","text":"Текст новости.","date":"2020-05-25",)"
      R"("source":"ria.ru","url":"https://ria.ru/1","lang":"ru"})",
      "fallback");
  ASSERT_TRUE(article.ok()) << article.status();
  EXPECT_EQ(article->id, "a1");
  EXPECT_EQ(article->title, "Заголовок");
  EXPECT_EQ(article->body, "Текст новости.");
  EXPECT_EQ(article->published, absl::CivilDay(2020, 5, 25));
  EXPECT_EQ(article->source, "ria.ru");
  EXPECT_EQ(article->lang, Lang::kRu);
  EXPECT_EQ(article->format, Format::kText);
}

TEST(JsonlParserTest, HtmlFieldAndNumericIdAndFallbackId) {
  JsonlParser parser;
  auto article = parser.Parse(R"({"id":42,"html":"<p>Hi there</p>"})", "f");
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->id, "42");
  EXPECT_EQ(article->format, Format::kHtml);
  article = parser.Parse(R"({"title":"Only a title"})", "file:7");
  ASSERT_TRUE(article.ok());
  EXPECT_EQ(article->id, "file:7");
}

TEST(JsonlParserTest, ExplainsWhatIsWrong) {
  JsonlParser parser;
  const auto not_json = parser.Parse("{\"id\": \"x\", ", "f");
  ASSERT_FALSE(not_json.ok());
  EXPECT_NE(not_json.status().message().find("malformed JSON"),
            absl::string_view::npos);
  const auto wrong_type = parser.Parse(R"({"id":"x","title":["a"]})", "f");
  ASSERT_FALSE(wrong_type.ok());
  EXPECT_NE(wrong_type.status().message().find("title"), absl::string_view::npos);
  EXPECT_FALSE(parser.Parse(R"({"id":"x"})", "f").ok());  // empty article
  EXPECT_FALSE(parser.Parse("[1,2]", "f").ok());
}

}  // namespace
}  // namespace storyline
