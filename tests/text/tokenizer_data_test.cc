// The fast tokenizer against ICU on every string of every development
// dataset, English and Russian: articles, titles, pairs, summaries, gold
// page text.
#include <filesystem>

#include "gtest/gtest.h"
#include "testing.h"
#include "text_testing.h"

namespace storyline::text {
namespace {

TEST(TokenizerData, EveryDatasetSameAsIcu) {
  Tokenizer tokenizer;
  int files = 0, strings = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(testing::DataDir())) {
    if (entry.path().extension() != ".jsonl") continue;
    ++files;
    strings += ForEachJsonlString(entry.path().string(), [&](const std::string& s) {
      ExpectSameAsIcu(tokenizer, s);
    });
  }
  EXPECT_GT(files, 5);
  EXPECT_GT(strings, 10000);
}

}  // namespace
}  // namespace storyline::text
