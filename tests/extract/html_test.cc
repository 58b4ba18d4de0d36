#include "extract/html.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing.h"
#include "text/unicode.h"

namespace storyline::extract {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string Fixture(const std::string& name) {
  return storyline::testing::ReadFile(std::string(STORYLINE_SOURCE_DIR) +
                                      "/tests/extract/testdata/" + name);
}

constexpr char kNewsPage[] = R"(<!doctype html><html lang="en-GB"><head>
<title>Storm closes ports | Coast Daily</title>
<meta property="og:site_name" content="Coast Daily">
<link rel="canonical" href="https://coast.example/storm">
<script type="application/ld+json">{"@context":"https://schema.org",
 "@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle",
 "headline":"Storm closes ports","datePublished":"2021-03-04T08:00:00Z",
 "author":[{"@type":"Person","name":"Jane Roe"}]}]}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="share-bar"><a href="#">Share on Facebook</a></div>
<main><article><h1>Storm closes ports</h1>
<p>A winter storm closed three ports on the north coast on Thursday, the
harbour authority said, stranding dozens of ferries and cargo ships.</p>
<p>Winds of up to 120 km/h were recorded overnight, and forecasters expect
the storm to weaken only by Saturday, according to the weather service.</p>
<ul class="related-links"><li><a href="/a">Ferry strike ends</a></li></ul>
<p>Ferry operators said refunds would be offered to passengers whose
crossings were cancelled, and that timetables would resume gradually.</p>
</article></main>
<div id="comments"><p>Great article, thanks for writing it, really.</p></div>
<footer>Copyright Coast Daily</footer></body></html>)";

TEST(ExtractHtmlTest, KeepsArticleParagraphsAndDropsFurniture) {
  const auto page = ExtractHtml(kNewsPage);
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_THAT(page->text, HasSubstr("A winter storm closed three ports"));
  EXPECT_THAT(page->text, HasSubstr("timetables would resume gradually."));
  EXPECT_THAT(page->text, Not(HasSubstr("Share on Facebook")));
  EXPECT_THAT(page->text, Not(HasSubstr("Great article")));
  EXPECT_THAT(page->text, Not(HasSubstr("Ferry strike ends")));
  EXPECT_THAT(page->text, Not(HasSubstr("Copyright")));
  EXPECT_THAT(page->text, Not(HasSubstr("Home")));
  // One paragraph per line.
  EXPECT_EQ(std::count(page->text.begin(), page->text.end(), '\n'), 2);
}

TEST(ExtractHtmlTest, ReadsMetadataFromJsonLdAndOpenGraph) {
  const auto page = ExtractHtml(kNewsPage);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->title, "Storm closes ports");
  EXPECT_EQ(page->author, "Jane Roe");
  EXPECT_EQ(page->site_name, "Coast Daily");
  EXPECT_EQ(page->canonical_url, "https://coast.example/storm");
  EXPECT_EQ(page->lang, "en");
  ASSERT_TRUE(page->published.has_value());
  EXPECT_EQ(*page->published, absl::CivilDay(2021, 3, 4));
}

void ExpectRussianArticle(const absl::StatusOr<ExtractedPage>& page) {
  ASSERT_TRUE(page.ok()) << page.status();
  EXPECT_EQ(page->title, "В Калуге открыли новый мост через Оку");
  EXPECT_THAT(page->text, HasSubstr("открыли движение по новому мосту"));
  EXPECT_THAT(page->text, HasSubstr("Что изменится для водителей"));
  EXPECT_THAT(page->text, HasSubstr("на капитальный ремонт в следующем году"));
  EXPECT_THAT(page->text, Not(HasSubstr("Экономика")));
  EXPECT_THAT(page->text, Not(HasSubstr("подорожал проезд")));
  EXPECT_THAT(page->text, Not(HasSubstr("войдите или зарегистрируйтесь")));
  EXPECT_THAT(page->text, Not(HasSubstr("пресс-служба")));
  EXPECT_THAT(page->text, Not(HasSubstr("Все права защищены")));
  EXPECT_TRUE(text::IsValidUtf8(page->text));
}

TEST(ExtractHtmlTest, ConvertsDeclaredWindows1251) {
  const auto page = ExtractHtml(Fixture("ru_news_cp1251.html"));
  ExpectRussianArticle(page);
  EXPECT_EQ(page->author, "Мария Петрова");
  EXPECT_EQ(page->site_name, "Калужские вести");
  EXPECT_EQ(page->lang, "ru");
  EXPECT_EQ(page->published, absl::CivilDay(2023, 9, 14));
}

TEST(ExtractHtmlTest, DetectsUndeclaredWindows1251) {
  ExpectRussianArticle(ExtractHtml(Fixture("ru_news_cp1251_undeclared.html")));
}

TEST(ExtractHtmlTest, RejectsEmptyAndBinaryInput) {
  EXPECT_FALSE(ExtractHtml("").ok());
  EXPECT_FALSE(ExtractHtml(" \n\t ").ok());
  EXPECT_FALSE(
      ExtractHtml("<html><body><script>x()</script></body></html>").ok());
  std::string png("\x89PNG\r\n\x1a\n", 8);
  png.append(std::string(64, '\0'));
  png.append("IHDR some binary");
  EXPECT_FALSE(ExtractHtml(png).ok());
}

TEST(ExtractHtmlTest, TruncatedPageGivesBestEffort) {
  const std::string page(kNewsPage);
  const std::string cut = page.substr(0, page.find("Winds of up to") + 40);
  const auto result = ExtractHtml(cut);
  ASSERT_TRUE(result.ok());
  EXPECT_THAT(result->text, HasSubstr("A winter storm closed three ports"));
}

TEST(ExtractHtmlTest, InvalidUtf8BecomesValidOutput) {
  const auto page = ExtractHtml(
      "<meta charset=utf-8><p>Broken \xC3\x28 bytes \xFF in a paragraph "
      "that is long enough to count as the article text here.</p>");
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(text::IsValidUtf8(page->text));
  EXPECT_THAT(page->text, HasSubstr("in a paragraph"));
}

TEST(ExtractHtmlTest, DeepNestingAndHugePagesStayBounded) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>Deep text that sits under one hundred thousand divs.</p>";
  // Markup beyond the nesting bound is cut: no text is left, a clear error.
  const auto deep_page = ExtractHtml(deep);
  ASSERT_FALSE(deep_page.ok());
  EXPECT_THAT(std::string(deep_page.status().message()), HasSubstr("no text"));
  std::string huge = "<html><body>";
  const std::string para =
      "<p>This paragraph repeats to make the page fifty megabytes big, "
      "which is far beyond any real article.</p>\n";
  while (huge.size() < (50u << 20)) huge += para;
  const auto page = ExtractHtml(huge);
  ASSERT_TRUE(page.ok());
  EXPECT_LE(page->text.size(), ExtractOptions{}.max_bytes);
  EXPECT_THAT(page->text, HasSubstr("fifty megabytes"));
}

}  // namespace
}  // namespace storyline::extract
