// Extraction accuracy: extracted main text against a gold article body.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace storyline::eval {

struct Prf {
  double precision = 0, recall = 0, f1 = 0;
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

struct GoldPage {
  std::string id, body;
};

// Reads DIR/gold.jsonl ({"id", "articleBody"} per line).
absl::StatusOr<std::vector<GoldPage>> ReadExtractionGold(
    const std::string& dir);

}  // namespace storyline::eval
