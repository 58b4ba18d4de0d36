// The memory-bounded pipeline: RunPipeline's output when everything fits
// in one segment; across segments, nothing lost, independent of input
// order, and stories linked only within the horizon.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "output/json.h"
#include "output/story_spool.h"
#include "pipeline/spill.h"
#include "storyline/ingest.h"
#include "storyline/pipeline.h"
#include "testing.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string SampleFile() {
  return testing::SampleDir() + "/ecbplus-sample.jsonl";
}

// The sample's records, dated one day apart in file order.
std::vector<json> DatedSample() {
  std::ifstream in(SampleFile());
  std::vector<json> records;
  int i = 0;
  for (std::string line; std::getline(in, line); ++i) {
    json record = json::parse(line);
    const absl::CivilDay day = absl::CivilDay(2022, 1, 1) + i;
    record["date"] = absl::FormatCivilTime(day);
    records.push_back(std::move(record));
  }
  return records;
}

std::string WriteJsonl(const std::vector<json>& records,
                       const std::string& name) {
  const std::string path = ::testing::TempDir() + "/" + name + ".jsonl";
  std::ofstream out(path);
  for (const json& record : records) out << record.dump() << "\n";
  return path;
}

struct BoundedOutput {
  std::string text;
  BoundedSummary summary;
  std::vector<InputError> errors;
};

BoundedOutput RunBounded(
    const std::vector<std::string>& inputs, BoundedOptions bounded,
    output::SpoolFormat format = output::SpoolFormat::kJson,
    PipelineOptions options = {}) {
  bounded.spill_dir = ::testing::TempDir();
  if (format == output::SpoolFormat::kAssignments) options.synthesize = false;
  auto spool = output::StorySpool::Create(format, bounded.spill_dir);
  EXPECT_TRUE(spool.ok());
  CollectingErrorSink errors;
  auto summary = RunBoundedPipeline(inputs, IngestOptions{}, options, bounded,
                                    errors, **spool);
  EXPECT_TRUE(summary.ok()) << summary.status();
  std::ostringstream out;
  EXPECT_TRUE((*spool)->WriteTo(out, *summary).ok());
  return {out.str(), *summary, errors.errors()};
}

std::string InMemoryJson(const std::string& input) {
  CollectingErrorSink errors;
  const PipelineResult result =
      RunPipeline(ReadArticles({input}, IngestOptions{}, errors),
                  PipelineOptions{}, errors);
  return output::StoriesJson(result).dump(2) + "\n";
}

TEST(SpillTest, RecordsRoundTrip) {
  pipeline::AnalyzedDoc doc;
  doc.doc = {.id = "a1",
             .source = "wire",
             .url = "u",
             .title = "Т",
             .text = "one\ntwo",
             .lang = Lang::kRu,
             .published = absl::CivilDay(2022, 1, 9)};
  doc.counts.terms = {3, 9};
  doc.counts.weights = {1.5f, 2};
  doc.signature.exact = 42;
  doc.signature.minhash = {7, 8};
  doc.signature.fingerprints = {11};
  doc.signature.shingles = 5;
  doc.content_stems = {99, 100};
  const std::string bytes = pipeline::EncodeAnalyzedDoc(doc);
  auto back = pipeline::DecodeAnalyzedDoc(bytes);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->doc.id, "a1");
  EXPECT_EQ(back->doc.text, "one\ntwo");
  EXPECT_EQ(back->doc.lang, Lang::kRu);
  EXPECT_EQ(back->doc.published, doc.doc.published);
  EXPECT_EQ(back->counts.terms, doc.counts.terms);
  EXPECT_EQ(back->counts.weights, doc.counts.weights);
  EXPECT_EQ(back->signature.minhash, doc.signature.minhash);
  EXPECT_EQ(back->signature.fingerprints, doc.signature.fingerprints);
  EXPECT_EQ(back->signature.shingles, 5u);
  EXPECT_EQ(back->content_stems, doc.content_stems);
  // A cut record is refused, not misread.
  EXPECT_FALSE(
      pipeline::DecodeAnalyzedDoc(std::string_view(bytes).substr(0, 20)).ok());
}

// The spill file has no name in its folder while it is written and read,
// so a run killed with SIGKILL leaves nothing behind.
TEST(SpillTest, LeavesNothingInItsFolder) {
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / "spill-unnamed";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto file = pipeline::SpillFile::Create(dir.string(), "docs");
  ASSERT_TRUE(file.ok()) << file.status();
  pipeline::AnalyzedDoc doc;
  doc.doc.id = "a1";
  doc.doc.text = "kept on disk";
  auto place = (*file)->Append(doc);
  ASSERT_TRUE(place.ok());
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  auto back = (*file)->Read(*place);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(back->doc.text, "kept on disk");
  EXPECT_TRUE(std::filesystem::is_empty(dir));
}

TEST(BoundedTest, OneSegmentIsTheInMemoryRun) {
  const BoundedOutput bounded = RunBounded({SampleFile()}, {});
  EXPECT_EQ(bounded.summary.segments, 1u);
  EXPECT_EQ(bounded.text, InMemoryJson(SampleFile()));
}

TEST(BoundedTest, SegmentsLoseNothingAndIgnoreInputOrder) {
  std::vector<json> records = DatedSample();
  const std::string ordered = WriteJsonl(records, "ordered");
  std::shuffle(records.begin(), records.end(), std::mt19937(7));
  const std::string shuffled = WriteJsonl(records, "shuffled");
  // Small read batches: repeated ids and corpus counts cross batches.
  const BoundedOptions options{
      .spill_dir = "", .segment_articles = 30, .read_batch_bytes = 4096};
  const BoundedOutput a =
      RunBounded({ordered}, options, output::SpoolFormat::kAssignments);
  const BoundedOutput b =
      RunBounded({shuffled}, options, output::SpoolFormat::kAssignments);
  EXPECT_GT(a.summary.segments, 3u);
  EXPECT_EQ(a.text, b.text);
  // Every article exactly once.
  std::istringstream lines(a.text);
  std::vector<std::string> ids;
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line))
    ids.push_back(line.substr(0, line.find('\t')));
  EXPECT_EQ(ids.size(), records.size());
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::unique(ids.begin(), ids.end()), ids.end());
  EXPECT_EQ(a.summary.articles, records.size());
}

TEST(BoundedTest, RepeatedIdsKeepTheSameCopyAsInMemory) {
  std::vector<json> records = DatedSample();
  json twin = records[5];
  twin["text"] = records[9]["text"];  // same id, another body
  records.push_back(twin);
  const std::string path = WriteJsonl(records, "repeated");
  const BoundedOutput bounded =
      RunBounded({path}, {.spill_dir = "", .read_batch_bytes = 1024});
  EXPECT_EQ(bounded.text, InMemoryJson(path));
  ASSERT_EQ(bounded.errors.size(), 1u);
  EXPECT_EQ(bounded.errors[0].where, records[5]["id"].get<std::string>());
}

TEST(BoundedTest, BadLinesAreReportedAndSkipped) {
  const std::vector<json> records = DatedSample();
  const std::string path = ::testing::TempDir() + "/bad.jsonl";
  {
    std::ofstream out(path);
    out << records[0].dump() << "\n{not json\n" << records[1].dump() << "\n";
  }
  const BoundedOutput bounded = RunBounded({path}, {});
  EXPECT_EQ(bounded.summary.articles, 2u);
  ASSERT_EQ(bounded.errors.size(), 1u);
  EXPECT_EQ(bounded.errors[0].where, path + ":2");
}

// The first article and its reprint five months later: joined while the
// first one's story is open, kept apart once it has closed.
TEST(BoundedTest, StoriesStayOpenForTheHorizon) {
  std::vector<json> records = DatedSample();
  json reprint = records[0];
  reprint["id"] = "reprint";
  reprint["date"] = absl::FormatCivilTime(absl::CivilDay(2022, 6, 1));
  records.push_back(reprint);
  const std::string path = WriteJsonl(records, "reprint");
  const auto story_of = [&](const std::string& tsv, const std::string& id) {
    const size_t at = tsv.find("\n" + id + "\t");
    EXPECT_NE(at, std::string::npos) << id;
    const size_t end = tsv.find('\n', at + 1);
    return tsv.substr(tsv.rfind('\t', end) + 1, end - tsv.rfind('\t', end) - 1);
  };
  const std::string first = records[0]["id"];
  const BoundedOutput near = RunBounded(
      {path}, {.spill_dir = "", .segment_articles = 150, .horizon_days = 30},
      output::SpoolFormat::kAssignments);
  const BoundedOutput far = RunBounded(
      {path}, {.spill_dir = "", .segment_articles = 150, .horizon_days = 400},
      output::SpoolFormat::kAssignments);
  EXPECT_GT(near.summary.segments, 1u);
  EXPECT_NE(story_of(near.text, first), story_of(near.text, "reprint"));
  EXPECT_EQ(story_of(far.text, first), story_of(far.text, "reprint"));
}

TEST(BoundedTest, MissingSpillFolderIsAnError) {
  BoundedOptions bounded;
  bounded.spill_dir = ::testing::TempDir() + "/no/such/folder";
  CollectingErrorSink errors;
  class NoSink : public StorySink {
    absl::Status Take(const PipelineResult&) override {
      return absl::OkStatus();
    }
  } sink;
  EXPECT_FALSE(RunBoundedPipeline({SampleFile()}, IngestOptions{},
                                  PipelineOptions{}, bounded, errors, sink)
                   .ok());
}

}  // namespace
}  // namespace storyline
