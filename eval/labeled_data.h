// Labeled datasets in the common JSONL format (see the README): articles
// plus a gold label per line, or text pairs with a label.
#pragma once

#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "storyline/errors.h"
#include "storyline/types.h"

namespace storyline::eval {

struct LabeledCorpus {
  std::vector<Article> articles;
  absl::flat_hash_map<std::string, std::string> label;  // article id -> label
};

// Reads a clustering dataset: article fields plus "label". Lines without a
// label are reported and skipped.
absl::StatusOr<LabeledCorpus> ReadLabeledCorpus(const std::string& path,
                                                ErrorSink& errors);

struct TextPair {
  std::string id, a, b, label;
  Lang lang = Lang::kUnknown;
};

// Reads a pair dataset: {"id","a","b","label","lang"} per line.
absl::StatusOr<std::vector<TextPair>> ReadPairs(const std::string& path,
                                                ErrorSink& errors);

}  // namespace storyline::eval
