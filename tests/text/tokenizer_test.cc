// Word segmentation, case folding and stemming: the fast paths give what
// ICU and Snowball give, and words carry the flags later stages rely on.
#include "text/tokenizer.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "testing.h"
#include "text/analyzer.h"
#include "text/unicode.h"
#include "text/word_scanner.h"
#include "text_testing.h"

namespace storyline::text {
namespace {

std::vector<std::string> Norms(const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) out.push_back(t.norm);
  return out;
}

TEST(Tokenizer, JoinsWhatUax29Joins) {
  Tokenizer tokenizer;
  const std::string text =
      "The U.S. envoy didn’t say 7.5 hours; 3,000 troops, G20 and 5G. "
      "Foo:bar co-operation «Рябков» Ёлка ЙОД l'Europe";
  const std::vector<std::string> expected = {
      "the",   "u.s",       "envoy",  "didn’t", "say", "7.5",     "hours",
      "3,000", "troops",    "g20",    "and",    "5g",  "foo",     "bar",
      "co",    "operation", "рябков", "ёлка",   "йод", "l'europe"};
  EXPECT_EQ(Norms(tokenizer.Words(text)), expected);
  ExpectSameAsIcu(tokenizer, text);
}

TEST(Tokenizer, FlagsNumbersCapitalsAndSentenceStarts) {
  Tokenizer tokenizer;
  const auto t = tokenizer.Words("Talks ended. Then 12 envoys left!\nNext");
  ASSERT_EQ(t.size(), 7u);
  EXPECT_TRUE(t[0].sentence_start && t[0].upper_initial);
  EXPECT_FALSE(t[1].sentence_start || t[1].upper_initial);
  EXPECT_TRUE(t[2].sentence_start);
  EXPECT_TRUE(t[3].is_number);
  EXPECT_FALSE(t[4].is_number);
  EXPECT_TRUE(t[6].sentence_start);
  EXPECT_EQ(t[3].span.begin, 18u);
  EXPECT_EQ(t[3].span.end, 20u);
}

TEST(Tokenizer, MarksFormatCharactersAndUnderscoresTakeTheFastPath) {
  Tokenizer tokenizer;
  // Combining accents, soft hyphens, zero-width characters, underscores
  // alone and in words and numbers.
  for (const std::string text :
       {"cafe\xCC\x81 open", "co\xC2\xADoperation",
        "\xC2\xAD"
        "a.\xC2\xAD"
        "b 3\xC2\xAD"
        "4 x\xC2\xAD.y",
        "ab\xE2\x80\x8B"
        "cd e\xE2\x80\x8Dz \xE2\x80\x8E"
        "left",
        "\xD0\xB2\xD0\xBE\xCC\x81\xD0\xB4\xD0\xB0 Bo\xCC\x88hm",
        "snake_case 12_000",
        "a\xEF\xBF\xBD"
        "b \xEF\xBF\xBD"
        "c",
        "_ __ 1_ 1__ a_1 _a _1 a_ a_.b 1_.2 x__y"}) {
    EXPECT_TRUE(ScansAlone(text)) << text;
    ExpectSameAsIcu(tokenizer, text);
  }
}

TEST(Tokenizer, OtherScriptsAndEmojiGoThroughIcu) {
  Tokenizer tokenizer;
  for (const std::string text :
       {"北京 talks 会谈", "deal \xF0\x9F\x91\x8D done", "שלום 2022",
        "Talks ended. 北京 Then", "U.S.北京 talks",
        "ab\xE2\x97\x8F"
        "cd ef",
        "3,\xE2\x97\x8F 4", "_\xE2\x97\x8F _x", "end.\n\xD9\x85\xD8\xA7 Next",
        "x \xE2\x80\x8D\xF0\x9F\x91\x8D y", "tail 会谈"}) {
    EXPECT_FALSE(ScansAlone(text)) << text;
    ExpectSameAsIcu(tokenizer, text);
    EXPECT_FALSE(tokenizer.Words(text).empty()) << text;
  }
}

// Only the stretch around a foreign character goes to ICU; the words are
// those of segmenting the whole text with ICU, wherever the character is.
TEST(Tokenizer, ForeignCharactersInRealTextSameAsIcu) {
  Tokenizer tokenizer;
  const std::vector<std::string> foreign = {
      "\xE2\x97\x8F", "北京", "\xF0\x9F\x91\x8D", "\xD9\x85\xD8\xA7", "שלום"};
  int checked = 0;
  ForEachJsonlString(
      testing::SampleDir() + "/ecbplus-sample.jsonl",
      [&](const std::string& s) {
        if (s.size() < 40 || checked >= 60) return;
        for (size_t at = 7, k = 0; at < s.size(); at += 37, ++k) {
          while (at < s.size() && (s[at] & 0xC0) == 0x80) ++at;  // a boundary
          const std::string text =
              s.substr(0, at) + foreign[k % foreign.size()] + s.substr(at);
          ExpectSameAsIcu(tokenizer, text);
          ++checked;
        }
      });
  EXPECT_GE(checked, 60);
}

TEST(NormalizeNfc, ComposesOnlyWhatIsNotComposed) {
  EXPECT_EQ(NormalizeNfc("cafe\xCC\x81 open"), "caf\xC3\xA9 open");
  EXPECT_EQ(NormalizeNfc("\xD0\x99\xD0\xBE\xD0\xB4 \xE2\x80\x9Cq\xE2\x80\x9D"),
            "\xD0\x99\xD0\xBE\xD0\xB4 \xE2\x80\x9Cq\xE2\x80\x9D");
  // "И" + combining breve is "Й".
  EXPECT_EQ(NormalizeNfc("\xD0\x98\xCC\x86"), "\xD0\x99");
  EXPECT_EQ(NormalizeNfc("plain ascii"), "plain ascii");
}

TEST(FoldCase, FastPathMatchesIcu) {
  for (const std::string word :
       {"NATO", "Straße", "ＮＡＴＯ", "ЁЛКА", "Ѐже", "Йошкар-Ола", "Ωμέγα",
        "İstanbul", "ǅemal", "ﬁnance", "Рябков", "abc123"}) {
    EXPECT_EQ(FoldCase(word), FoldCaseWithIcu(word)) << word;
  }
}

TEST(Analyzer, StemsRepeatedWordsAlike) {
  Analyzer analyzer;
  const auto first = analyzer.Words("Talks talked talking", Lang::kEn);
  const auto again = analyzer.Words("talking Talks", Lang::kEn);
  ASSERT_EQ(first.size(), 3u);
  EXPECT_EQ(first[0].stem, "talk");
  EXPECT_EQ(first[2].stem, "talk");
  EXPECT_EQ(again[0].stem, first[2].stem);
  const auto ru = analyzer.Words("переговоры переговоров", Lang::kRu);
  ASSERT_EQ(ru.size(), 2u);
  EXPECT_EQ(ru[0].stem, ru[1].stem);
}

// The shipped sample corpus, word for word.
TEST(Tokenizer, SampleCorpusSameAsIcu) {
  Tokenizer tokenizer;
  const int strings = ForEachJsonlString(
      testing::SampleDir() + "/ecbplus-sample.jsonl",
      [&](const std::string& s) { ExpectSameAsIcu(tokenizer, s); });
  EXPECT_GT(strings, 100);
}

}  // namespace
}  // namespace storyline::text
