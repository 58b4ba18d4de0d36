// Stories from awkward input: no dates, no titles, unbalanced quotation
// marks, Russian text, an unsupported language, an empty cluster.
#include "story/teller.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "story/quotes.h"

namespace storyline::story {
namespace {

Document Doc(std::string id, std::string text, Lang lang,
             std::optional<absl::CivilDay> date = std::nullopt) {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  d.lang = lang;
  d.published = date;
  return d;
}

Story Tell(const std::vector<Document>& docs) {
  Cluster cluster{"c", {}, {}};
  for (int d = 0; d < static_cast<int>(docs.size()); ++d)
    cluster.docs.push_back(d);
  return TellStory({docs, {}, {}}, cluster, StoryOptions{});
}

TEST(Teller, UndatedUntitledArticlesStillMakeAStory) {
  const std::vector<Document> docs = {
      Doc("a",
          "The council met on Monday in Vienna to discuss the border. "
          "Ministers said the talks were long and difficult.",
          Lang::kEn),
      Doc("b",
          "Ministers met in Vienna on Monday. The talks on the border "
          "were difficult, officials said.",
          Lang::kEn)};
  const Story story = Tell(docs);
  EXPECT_FALSE(story.headline.empty());
  EXPECT_FALSE(story.summary.empty());
  // No article has a date, so "on Monday" cannot be placed: no guess.
  EXPECT_TRUE(story.timeline.empty());
  ASSERT_EQ(story.sources.size(), 1u);
  EXPECT_EQ(story.sources[0].name, "unknown");
}

TEST(Teller, UnbalancedQuotesDoNotCrash) {
  const std::vector<Document> docs = {
      Doc("a",
          "“This is never closed and goes on and on, he said.\n"
          "\"Straight quotes left open as well\n"
          "«Ёлки, — сказал он. „Вложенная цитата“ без конца\n"
          "” A stray closing mark. “Fine words are said here today,” "
          "Anna Petrova said.",
          Lang::kEn)};
  const Story story = Tell(docs);
  ASSERT_EQ(story.quotes.size(), 1u);
  EXPECT_EQ(story.quotes[0].speaker, "Anna Petrova");
  EXPECT_EQ(story.quotes[0].variants[0].text, "Fine words are said here today");
}

TEST(Teller, FindsQuotedSpansInEveryStyle) {
  const std::string text = "«Раз „два“ три» and “four” and \"five\"";
  const auto spans = FindQuotedSpans(text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(text.substr(spans[1].begin, spans[1].end - spans[1].begin), "four");
  EXPECT_EQ(text.substr(spans[2].begin, spans[2].end - spans[2].begin), "five");
}

TEST(Teller, RussianStory) {
  const absl::CivilDay day(2022, 1, 12);
  const std::vector<Document> docs = {
      Doc("a",
          "10 января в Женеве прошли переговоры России и США. "
          "«Разговор был трудным, но деловым и очень конкретным», — заявил "
          "замминистра иностранных дел Сергей Рябков. На следующий день "
          "Кремль заявил, что не видит оснований для оптимизма.",
          Lang::kRu, day)};
  const Story story = Tell(docs);
  bool next_day = false;
  for (const TimelineEntry& e : story.timeline) {
    next_day |= e.date == absl::CivilDay(2022, 1, 11) &&
                e.text.find("Кремль") != std::string::npos;
  }
  EXPECT_TRUE(next_day);
  ASSERT_FALSE(story.quotes.empty());
  EXPECT_EQ(story.quotes[0].speaker, "Сергей Рябков");
}

TEST(Teller, UnsupportedLanguageAndEmptyCluster) {
  const std::vector<Document> docs = {
      Doc("a", "Der Rat traf sich am Montag in Wien. Die Gespräche waren lang.",
          Lang::kOther),
      Doc("b", "", Lang::kUnknown)};
  EXPECT_NO_FATAL_FAILURE(Tell(docs));
  const Story empty = TellStory({docs, {}, {}}, Cluster{}, StoryOptions{});
  EXPECT_TRUE(empty.summary.empty());
}

}  // namespace
}  // namespace storyline::story
