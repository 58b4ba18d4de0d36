// Article batches from request bodies: one JSON object, a JSON array of
// objects, or JSONL (one object per line). Pure apart from the parser's
// reused buffers; the fuzz target drives it with arbitrary bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "storyline/ingest.h"
#include "storyline/types.h"

namespace storyline::server {

struct ParsedItemError {
  int index = 0;  // position of the object in the body
  std::string message;
};

struct ParsedBody {
  std::vector<Article> articles;
  std::vector<ParsedItemError> errors;  // objects that are not articles
};

struct BodyLimits {
  size_t max_articles = 10000;  // per request
};

// Fails (the whole body) when it is not UTF-8, holds no object, or has
// more than `limits.max_articles`; objects that are not valid articles
// (no id, wrong field types, no text) are listed in `errors`.
absl::StatusOr<ParsedBody> ParseArticleBody(std::string_view body,
                                            JsonlParser& parser,
                                            const BodyLimits& limits = {});

}  // namespace storyline::server
