#include "extract/boilerplate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "extract/line_rules.h"

namespace storyline::extract {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

struct LineCase {
  const char* line;
  bool caption, prompt, date;
};

// Each line is checked against all three rules, so a rule that grows too
// greedy fails on the article sentences at the bottom.
const LineCase kLines[] = {
    {"© AP Photo / Evan Vucci", true, false, false},
    {"FILE PHOTO: Banners displaying the NATO logo", true, false, false},
    {"Фото: пресс-служба губернатора", true, false, false},
    {"Reagan and Gorbachev - Sputnik International, 1920, 31.01.2020", true,
     false, false},
    {"Soldiers unload tanks. REUTERS/Ints Kalnins", true, false, false},
    {"log in or register", false, true, false},
    {"To participate in the discussion", false, true, false},
    {"Related materials:", false, true, false},
    {"Читайте также", false, true, false},
    {"11.01.2022", false, false, true},
    {"January 11, 2022 10:45 GMT", false, false, true},
    {"Updated: 2022-01-11", false, false, true},
    {"14 сентября 2023", false, false, true},
    {"Smith said the alliance would not register any new members soon.", false,
     false, false},
    {"The talks in Geneva lasted nearly eight hours on January 10, 2022.",
     false, false, false},
    {"\"The doors remain open,\" Smith told CNN.", false, false, false},
    {"The ratio was 3/4, the USA/Canada border stayed shut.", false, false,
     false},
};

TEST(LineRulesTest, ClassifiesLines) {
  for (const LineCase& c : kLines) {
    EXPECT_EQ(IsCaptionOrCredit(c.line), c.caption) << c.line;
    EXPECT_EQ(IsUiPrompt(c.line), c.prompt) << c.line;
    EXPECT_EQ(IsBareDate(c.line), c.date) << c.line;
  }
}

TEST(LineRulesTest, FindsDominantScript) {
  EXPECT_EQ(CountScripts("NATO talks").Dominant(), Script::kLatin);
  EXPECT_EQ(CountScripts("Переговоры НАТО").Dominant(), Script::kCyrillic);
  EXPECT_EQ(CountScripts("2022 - 11").Dominant(), Script::kNone);
}

TEST(RemoveBoilerplateLinesTest, DropsFurnitureKeepsSentences) {
  const std::string text =
      "Talks end without a deal\n"
      "Russian and US officials spoke for eight hours in Geneva.\n"
      "© REUTERS / Denis Balibouse\n"
      "Why the Talks Stalled Again\n"
      "\n"
      "Both sides agreed to meet again next week, diplomats said.\n"
      "To participate in the discussion\n"
      "log in or register\n"
      "Заголовок открываемого материала";
  const std::string out =
      RemoveBoilerplateLines(text, "Talks end without a deal");
  EXPECT_EQ(out,
            "Russian and US officials spoke for eight hours in Geneva.\n"
            "\n"
            "Both sides agreed to meet again next week, diplomats said.");
}

TEST(RemoveBoilerplateLinesTest, KeepsForeignQuotesThatAreSentences) {
  const std::string text =
      "The minister wrote on Telegram in Russian.\n"
      "Мы не собираемся отступать ни на шаг от наших требований, написал "
      "министр в своём канале.";
  EXPECT_EQ(RemoveBoilerplateLines(text, ""), text);
}

Document Doc(std::string id, std::string source, std::string text) {
  Document d;
  d.id = std::move(id);
  d.source = std::move(source);
  d.text = std::move(text);
  return d;
}

TEST(RemoveRepeatedLinesTest, DropsLinesASourceRepeats) {
  std::vector<Document> docs = {
      Doc("1", "a.example", "Story one happened.\nSubscribe to our channel"),
      Doc("2", "a.example", "Story two happened.\nSubscribe to our channel"),
      Doc("3", "a.example", "Story three happened.\nSubscribe to our channel"),
      Doc("4", "b.example", "Subscribe to our channel\nOther news."),
  };
  RemoveRepeatedLines(docs, CleanOptions{.repeated_line_min_docs = 3});
  EXPECT_EQ(docs[0].text, "Story one happened.");
  EXPECT_EQ(docs[2].text, "Story three happened.");
  // Another source said it once: not its furniture.
  EXPECT_THAT(docs[3].text, HasSubstr("Subscribe to our channel"));
}

TEST(RemoveRepeatedLinesTest, KeepsLinesBelowThresholdAndLongLines) {
  const std::string para(200, 'x');
  std::vector<Document> docs = {
      Doc("1", "a", "Short repeated line\n" + para),
      Doc("2", "a", "Short repeated line\n" + para),
      Doc("3", "a", "Something else\n" + para),
  };
  RemoveRepeatedLines(docs, CleanOptions{.repeated_line_min_docs = 3});
  EXPECT_THAT(docs[0].text, HasSubstr("Short repeated line"));
  EXPECT_THAT(docs[2].text, HasSubstr(para));
}

TEST(RemoveRepeatedLinesTest, PrunedCountsDropTheSameLines) {
  // Counted in two parts and merged, as separate processes do, then pruned
  // to the lines worth sending on: the documents come out the same.
  std::vector<Document> docs = {
      Doc("1", "a", "Story one.\nSubscribe now\nFollow us"),
      Doc("2", "a", "Story two.\nSubscribe now"),
      Doc("3", "a", "Story three.\nSubscribe now\nFollow us"),
      Doc("4", "a", "Story four.\nSubscribe now"),
      Doc("5", "b", "Story five.\nFollow us"),
  };
  const CleanOptions options{.repeated_line_min_docs = 3};
  RepeatedLineCounts first, second;
  for (size_t i = 0; i < docs.size(); ++i)
    (i < 2 ? first : second).Add(docs[i]);
  first.Merge(second);
  RepeatedLineCounts pruned = first;
  pruned.Prune(options);
  EXPECT_EQ(pruned.source_docs, first.source_docs);
  EXPECT_THAT(pruned.lines["a"], ::testing::SizeIs(1));  // "subscribe now"
  EXPECT_THAT(pruned.lines["b"], ::testing::IsEmpty());

  std::vector<Document> whole = docs, from_pruned = docs;
  DropRepeatedLines(whole, first, options);
  DropRepeatedLines(from_pruned, pruned, options);
  for (size_t i = 0; i < docs.size(); ++i) {
    EXPECT_EQ(from_pruned[i].text, whole[i].text) << i;
  }
  EXPECT_EQ(whole[0].text, "Story one.\nFollow us");
  EXPECT_EQ(whole[4].text, docs[4].text);
}

}  // namespace
}  // namespace storyline::extract
