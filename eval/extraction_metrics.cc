#include "eval/extraction_metrics.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <fstream>

#include "absl/container/flat_hash_map.h"
#include "base/strings.h"
#include "simdjson.h"

namespace storyline::eval {
namespace {

using Bag = absl::flat_hash_map<std::string, int>;

Bag Shingles(const std::vector<std::string>& tokens, int n) {
  Bag bag;
  if (static_cast<int>(tokens.size()) < n) {
    // Shorter than one shingle: the whole text is its only shingle, as
    // evaluate.py does, so tiny texts still score.
    std::string key;
    for (const auto& t : tokens) StrAppend(&key, key.empty() ? "" : " ", t);
    if (!key.empty()) ++bag[key];
    return bag;
  }
  for (size_t i = 0; i + n <= tokens.size(); ++i) {
    std::string key = tokens[i];
    for (int k = 1; k < n; ++k) StrAppend(&key, " ", tokens[i + k]);
    ++bag[key];
  }
  return bag;
}

Prf Compare(const Bag& predicted, const Bag& gold) {
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [key, count] : predicted) {
    const auto it = gold.find(key);
    const int g = it == gold.end() ? 0 : it->second;
    tp += std::min(count, g);
    fp += std::max(0, count - g);
  }
  for (const auto& [key, count] : gold) {
    const auto it = predicted.find(key);
    fn += std::max(0, count - (it == predicted.end() ? 0 : it->second));
  }
  Prf prf;
  prf.has_precision = tp + fp > 0;
  prf.has_recall = tp + fn > 0;
  if (tp + fp + fn == 0) {
    prf.precision = prf.recall = prf.f1 = 1;
    return prf;
  }
  prf.precision = prf.has_precision ? tp / (tp + fp) : 0;
  prf.recall = prf.has_recall ? tp / (tp + fn) : 0;
  const double sum = prf.precision + prf.recall;
  prf.f1 = sum > 0 ? 2 * prf.precision * prf.recall / sum : 0;
  return prf;
}

}  // namespace

std::vector<std::string> WordTokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string current;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0 && (u_isalnum(c) || c == '_')) {
      current.append(text.substr(start, i - start));
    } else if (!current.empty()) {
      tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

ExtractionScore ScoreExtraction(std::string_view predicted,
                                std::string_view gold, int shingle_size) {
  const auto p = WordTokens(predicted);
  const auto g = WordTokens(gold);
  ExtractionScore score;
  score.shingles =
      Compare(Shingles(p, shingle_size), Shingles(g, shingle_size));
  score.tokens = Compare(Shingles(p, 1), Shingles(g, 1));
  return score;
}

void ExtractionAverage::Add(const Prf& page) {
  ++pages_;
  f1_ += page.f1;
  if (page.has_precision) {
    precision_ += page.precision;
    ++precision_pages_;
  }
  if (page.has_recall) {
    recall_ += page.recall;
    ++recall_pages_;
  }
}

Prf ExtractionAverage::Benchmark() const {
  Prf mean;
  mean.precision = precision_pages_ > 0 ? precision_ / precision_pages_ : 0;
  mean.recall = recall_pages_ > 0 ? recall_ / recall_pages_ : 0;
  const double sum = mean.precision + mean.recall;
  mean.f1 = sum > 0 ? 2 * mean.precision * mean.recall / sum : 0;
  return mean;
}

double ExtractionAverage::MeanF1() const {
  return pages_ > 0 ? f1_ / pages_ : 0;
}

absl::StatusOr<std::vector<GoldPage>> ReadExtractionGold(
    const std::string& dir) {
  const std::string path = dir + "/gold.jsonl";
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(StrCat("cannot read ", path));
  std::vector<GoldPage> pages;
  simdjson::dom::parser parser;  // reused: one allocation for all lines
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (StripSpace(line).empty()) continue;
    simdjson::dom::element record;
    std::string_view id, body;
    if (parser.parse(line).get(record) || record["id"].get(id)) {
      return absl::InvalidArgumentError(
          StrCat(path, ":", line_no, ": not a gold record"));
    }
    if (record["articleBody"].get(body)) body = {};
    pages.push_back({std::string(id), std::string(body)});
  }
  return pages;
}

}  // namespace storyline::eval
