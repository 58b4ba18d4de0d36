// Kept words: what one analysis pass keeps, a later one restores exactly
// as the analyzer gave it.
#include "text/kept_words.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "testing.h"
#include "text/analyzer.h"
#include "text_testing.h"

namespace storyline::text {
namespace {

void ExpectSameTokens(const std::vector<Token>& restored,
                      const std::vector<Token>& analysed) {
  ASSERT_EQ(restored.size(), analysed.size());
  for (size_t i = 0; i < analysed.size(); ++i) {
    const Token& a = restored[i];
    const Token& b = analysed[i];
    ASSERT_EQ(a.span.begin, b.span.begin) << b.norm;
    ASSERT_EQ(a.span.end, b.span.end) << b.norm;
    EXPECT_EQ(a.norm, b.norm);
    EXPECT_EQ(a.stem, b.stem) << b.norm;
    EXPECT_EQ(a.stem_hash, b.stem_hash) << b.norm;
    EXPECT_EQ(a.stopword, b.stopword) << b.norm;
    EXPECT_EQ(a.is_number, b.is_number) << b.norm;
    EXPECT_EQ(a.upper_initial, b.upper_initial) << b.norm;
    EXPECT_EQ(a.sentence_start, b.sentence_start) << b.norm;
  }
}

// Keeps the words of every text with one analyzer, then restores them all:
// the entries must still be valid after many texts.
void ExpectRoundTrip(const std::vector<std::string>& texts, Lang lang) {
  Analyzer keeper, plain;
  std::vector<std::vector<KeptWord>> kept(texts.size());
  std::vector<uint32_t> entries;
  for (size_t i = 0; i < texts.size(); ++i) {
    const std::vector<Token> words = keeper.Words(texts[i], lang, entries);
    KeepWords(words, entries, kept[i]);
  }
  const Lexicon lexicon = keeper.TakeLexicon();
  for (size_t i = 0; i < texts.size(); ++i) {
    ExpectSameTokens(RestoreWords(kept[i], lexicon, texts[i]),
                     plain.Words(texts[i], lang));
  }
}

TEST(KeptWords, RestoreWhatTheAnalyzerGave) {
  ExpectRoundTrip(
      {"Talks ended. Then 12 envoys left!\nNext, 7.5 hours of talks.",
       "Замминистра Сергей Рябков заявил: «Переговоры закончились».",
       // A gap and a word too long for a code's fields, and the end.
       "Gap" + std::string(300, ' ') + "after " + std::string(70, 'x') +
           " then 1,000,000.",
       ""},
      Lang::kEn);
}

TEST(KeptWords, FourBytesForMostWords) {
  const std::string text = "The envoy said the talks would go on next week.";
  Analyzer analyzer;
  std::vector<uint32_t> entries;
  const std::vector<Token> words = analyzer.Words(text, Lang::kEn, entries);
  std::vector<KeptWord> kept;
  KeepWords(words, entries, kept);
  EXPECT_EQ(kept.size(), words.size());
  // One entry per distinct word form: "the" twice is one entry.
  EXPECT_EQ(entries[0], entries[3]);
  EXPECT_EQ(analyzer.TakeLexicon().size(), words.size() - 1);
}

TEST(KeptWords, RestoreTheShippedSample) {
  std::vector<std::string> texts;
  ForEachJsonlString(testing::SampleDir() + "/ecbplus-sample.jsonl",
                     [&](const std::string& s) { texts.push_back(s); });
  ASSERT_GT(texts.size(), 100u);
  ExpectRoundTrip(texts, Lang::kEn);
}

}  // namespace
}  // namespace storyline::text
