// Extraction accuracy: extracted main text against a gold article body.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace storyline::eval {

struct Prf {
  double precision = 0, recall = 0, f1 = 0;
  // False when there was nothing to measure it on: no predicted shingle
  // (precision) or no gold shingle (recall).
  bool has_precision = true, has_recall = true;
};

// Scores of one page. Tokens are runs of Unicode letters and digits, as
// `\w+` in the ScrapingHub article-extraction-benchmark's evaluate.py;
// both measures count multisets (a repeated shingle counts each time).
struct ExtractionScore {
  Prf shingles;  // over word 4-gram shingles (the benchmark's measure)
  Prf tokens;    // over single words: token-bag precision/recall
};

// An empty prediction against a non-empty gold scores 0; both empty 1.
ExtractionScore ScoreExtraction(std::string_view predicted,
                                std::string_view gold, int shingle_size = 4);

// Word tokens of `text`, case preserved.
std::vector<std::string> WordTokens(std::string_view text);

// Page scores averaged as the benchmark's evaluate.py does, so figures
// compare with the published ones: precision is the mean over pages that
// predicted something, recall the mean over pages with gold text, and F1
// the harmonic mean of those two means. The mean of per-page F1s, a
// stricter figure, is kept beside it.
class ExtractionAverage {
 public:
  void Add(const Prf& page);
  Prf Benchmark() const;  // the published measure
  double MeanF1() const;  // mean per-page F1
  int pages() const { return pages_; }

 private:
  double precision_ = 0, recall_ = 0, f1_ = 0;
  int precision_pages_ = 0, recall_pages_ = 0, pages_ = 0;
};

struct GoldPage {
  std::string id, body;
};

// Reads DIR/gold.jsonl ({"id", "articleBody"} per line).
absl::StatusOr<std::vector<GoldPage>> ReadExtractionGold(
    const std::string& dir);

}  // namespace storyline::eval
