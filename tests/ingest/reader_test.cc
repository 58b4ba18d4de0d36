#include <filesystem>
#include <fstream>

#include "gtest/gtest.h"
#include "storyline/ingest.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

class ReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("storyline_reader_" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "nested");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& content) {
    std::ofstream(dir_ / name, std::ios::binary) << content;
  }
  fs::path dir_;
};

// A JSONL feed is read a block at a time whatever its size; a line cut by
// a block boundary is finished, and bad lines keep their numbers.
TEST_F(ReaderTest, JsonlOfAnySizeStreamsInBlocks) {
  std::string feed;
  for (int i = 1; i <= 300; ++i) {
    feed += i == 150 ? std::string("{\"id\": broken\n")
                     : "{\"id\":\"a" + std::to_string(i) +
                           "\",\"text\":\"Talks resumed in Geneva.\"}\n";
  }
  Write("feed.jsonl", feed);
  IngestOptions options;
  options.max_file_bytes = 1000;  // far below the file: JSONL is not capped
  options.jsonl_block_bytes = 777;  // cuts lines mid-way
  CollectingErrorSink errors;
  const auto articles =
      ReadArticles({(dir_ / "feed.jsonl").string()}, options, errors);
  ASSERT_EQ(articles.size(), 299u);
  EXPECT_EQ(articles.front().id, "a1");
  EXPECT_EQ(articles.back().id, "a300");
  const auto reported = errors.errors();
  ASSERT_EQ(reported.size(), 1u);
  EXPECT_EQ(reported[0].where, (dir_ / "feed.jsonl").string() + ":150");
}

// StreamArticles hands over what ReadArticles returns, in order, in
// batches that stay near the asked size, and reports the same bad lines.
TEST_F(ReaderTest, StreamsTheSameArticlesInBatches) {
  std::string feed;
  for (int i = 1; i <= 200; ++i) {
    feed += i == 70 ? std::string("not json\n")
                    : "{\"id\":\"b" + std::to_string(i) +
                          "\",\"text\":\"Talks resumed in Geneva.\"}\n";
  }
  Write("feed.jsonl", feed);
  Write("nested/one.txt", "Talks\nThey resumed.\n");
  IngestOptions options;
  options.jsonl_block_bytes = 500;
  const std::vector<std::string> inputs = {dir_.string()};
  CollectingErrorSink read_errors, stream_errors;
  const auto whole = ReadArticles(inputs, options, read_errors);
  std::vector<std::string> streamed;
  size_t batches = 0;
  StreamArticles(inputs, options, stream_errors, 1000,
                 [&](std::vector<Article> batch) {
                   ++batches;
                   EXPECT_FALSE(batch.empty());
                   for (const Article& a : batch) streamed.push_back(a.id);
                 });
  ASSERT_EQ(streamed.size(), whole.size());
  for (size_t i = 0; i < whole.size(); ++i) EXPECT_EQ(streamed[i], whole[i].id);
  EXPECT_GT(batches, 3u);
  ASSERT_EQ(stream_errors.errors().size(), 1u);
  EXPECT_EQ(stream_errors.errors()[0].where, read_errors.errors()[0].where);
}

TEST_F(ReaderTest, ReadsFoldersRecursivelyAndReportsBadInputWithItsPlace) {
  Write("a.txt", " date 2022-01-09 Talks opened in Geneva on Sunday.");
  Write("nested/b.jsonl",
        "{\"id\":\"b1\",\"text\":\"First.\"}\n"
        "{\"id\":\"b2\",\"text\":\n"  // malformed: line 2
        "\n"
        "{\"id\":\"b3\",\"text\":\"Third.\",\"date\":\"2022-31-01\"}\n");
  Write("bad.txt", std::string("caf\xC3", 4) + "\xFF invalid");
  Write("empty.txt", "  \n");
  Write(".hidden.txt", "never read");
  Write("nested/page.html", "<html><body><p>Hello</p></body></html>");
  CollectingErrorSink errors;
  const auto articles = ReadArticles({dir_.string()}, IngestOptions{}, errors);
  std::vector<std::string> ids;
  for (const auto& a : articles) ids.push_back(a.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b1", "b3", "page"}));
  EXPECT_EQ(articles[3].format, Format::kHtml);
  EXPECT_FALSE(articles[2].published.has_value());  // bad date dropped

  const auto reported = errors.errors();
  auto reported_at = [&](const std::string& where_suffix) {
    for (const auto& e : reported) {
      if (e.where.size() >= where_suffix.size() &&
          e.where.compare(e.where.size() - where_suffix.size(),
                          where_suffix.size(), where_suffix) == 0) {
        return e.message;
      }
    }
    return std::string();
  };
  EXPECT_NE(reported_at("b.jsonl:2").find("malformed JSON"), std::string::npos);
  EXPECT_NE(reported_at("b.jsonl:4").find("date"), std::string::npos);
  EXPECT_NE(reported_at("bad.txt").find("UTF-8"), std::string::npos);
  EXPECT_NE(reported_at("empty.txt").find("empty"), std::string::npos);
  EXPECT_EQ(reported.size(), 4u);
}

TEST_F(ReaderTest, HugeLinesAndMissingPathsAreReported) {
  Write("big.jsonl", "{\"id\":\"x\",\"text\":\"" + std::string(5000, 'a') +
                         "\"}\n{\"id\":\"y\",\"text\":\"ok\"}\n");
  IngestOptions options;
  options.max_line_bytes = 1000;
  CollectingErrorSink errors;
  const auto articles = ReadArticles(
      {(dir_ / "big.jsonl").string(), (dir_ / "missing").string()}, options,
      errors);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].id, "y");
  ASSERT_EQ(errors.errors().size(), 2u);
  EXPECT_NE(errors.errors()[0].where.find("big.jsonl:1"), std::string::npos);
  EXPECT_NE(errors.errors()[1].message.find("no such file"), std::string::npos);
}

TEST(StreamTest, SniffsJsonlOnStandardInput) {
  std::istringstream in("{\"id\":\"s1\",\"text\":\"From a pipe.\"}\n");
  CollectingErrorSink errors;
  const auto articles =
      ReadArticlesFromStream(in, "stdin", IngestOptions{}, errors);
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].id, "s1");
  EXPECT_TRUE(errors.errors().empty());
}

}  // namespace
}  // namespace storyline
