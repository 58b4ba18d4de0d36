// The seeds' page furniture goes; their article sentences stay.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "base/strings.h"
#include "extract/boilerplate.h"
#include "extract/line_rules.h"
#include "pipeline/clean.h"
#include "storyline/ingest.h"
#include "testing.h"

namespace storyline::extract {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> SeedPaths() {
  std::vector<std::string> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(storyline::testing::SeedsDir())) {
    if (entry.path().extension() == ".txt") paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

Document CleanSeed(const std::string& path) {
  auto article = ParseTextArticle(storyline::testing::ReadFile(path), path);
  EXPECT_TRUE(article.ok()) << article.status();
  auto doc = pipeline::CleanArticle(*std::move(article), CleanOptions{},
                                    TextOptions{});
  EXPECT_TRUE(doc.ok()) << doc.status();
  return doc.ok() ? *std::move(doc) : Document{};
}

TEST(SeedsBoilerplateTest, Seed004LosesCaptionsPromptsAndUiStrings) {
  const auto paths = SeedPaths();
  ASSERT_EQ(paths.size(), 5u);
  const Document doc = CleanSeed(paths[4]);
  for (const char* furniture :
       {"© REUTERS", "FILE PHOTO:", "Sputnik International, 1920",
        "To participate in the discussion", "log in or register",
        "Заголовок открываемого материала"}) {
    EXPECT_THAT(doc.text, Not(HasSubstr(furniture))) << furniture;
  }
  EXPECT_THAT(doc.text, HasSubstr("Russian and US officials spoke for nearly "
                                  "eight hours in Geneva on Monday"));
  EXPECT_THAT(doc.text, HasSubstr("claiming for some time that they were "
                                  "aimed against Iran."));
}

// Every line of every seed that reads as an article sentence (long, ends
// like a sentence, not a caption) survives cleaning unchanged.
TEST(SeedsBoilerplateTest, ArticleSentencesStayIntact) {
  int checked = 0;
  for (const std::string& path : SeedPaths()) {
    const Document doc = CleanSeed(path);
    const std::string raw = storyline::testing::ReadFile(path);
    size_t start = 0;
    while (start < raw.size()) {
      size_t end = raw.find('\n', start);
      if (end == std::string::npos) end = raw.size();
      const std::string_view line =
          StripSpace(std::string_view(raw).substr(start, end - start));
      start = end + 1;
      if (WordCount(line) < 12 || !EndsLikeSentence(line) ||
          IsCaptionOrCredit(line) || line.starts_with("date ")) {
        continue;
      }
      EXPECT_THAT(doc.text, HasSubstr(std::string(line))) << path;
      ++checked;
    }
  }
  EXPECT_GT(checked, 40);
}

}  // namespace
}  // namespace storyline::extract
