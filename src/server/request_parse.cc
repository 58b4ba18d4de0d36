#include "server/request_parse.h"

#include <simdjson.h>

#include "base/strings.h"
#include "text/unicode.h"

namespace storyline::server {
namespace {

constexpr size_t kMaxIdBytes = 512;

void AddObject(std::string_view json, int index, JsonlParser& parser,
               ParsedBody& out) {
  auto article = parser.Parse(json, "");
  if (!article.ok()) {
    out.errors.push_back({index, MessageOf(article.status())});
    return;
  }
  if (article->id.empty()) {
    out.errors.push_back({index, "missing field \"id\""});
    return;
  }
  if (article->id.size() > kMaxIdBytes) {
    out.errors.push_back({index, "\"id\" is longer than 512 bytes"});
    return;
  }
  out.articles.push_back(*std::move(article));
}

absl::StatusOr<ParsedBody> ParseArray(std::string_view body,
                                      JsonlParser& parser,
                                      const BodyLimits& limits) {
  simdjson::dom::parser dom;
  simdjson::dom::array array;
  const simdjson::padded_string padded(body);
  if (const auto error = dom.parse(padded).get(array); error) {
    return absl::InvalidArgumentError(
        StrCat("malformed JSON array: ", simdjson::error_message(error)));
  }
  ParsedBody out;
  int index = 0;
  for (const simdjson::dom::element element : array) {
    if (static_cast<size_t>(index) >= limits.max_articles) {
      return absl::InvalidArgumentError(StrCat(
          "more than ", limits.max_articles, " articles in one request"));
    }
    if (!element.is_object()) {
      out.errors.push_back({index++, "a JSON object was expected"});
      continue;
    }
    AddObject(simdjson::to_string(element), index++, parser, out);
  }
  return out;
}

}  // namespace

absl::StatusOr<ParsedBody> ParseArticleBody(std::string_view body,
                                            JsonlParser& parser,
                                            const BodyLimits& limits) {
  if (!text::IsValidUtf8(body)) {
    return absl::InvalidArgumentError("request body is not valid UTF-8");
  }
  const std::string_view trimmed = StripSpace(body);
  if (trimmed.empty()) return absl::InvalidArgumentError("empty request body");
  if (trimmed.front() == '[') return ParseArray(trimmed, parser, limits);
  if (trimmed.front() != '{') {
    return absl::InvalidArgumentError(
        "expected a JSON object, an array of objects or JSONL");
  }
  // One object, possibly spread over lines; else one object per line.
  ParsedBody out;
  if (trimmed.find('\n') == std::string_view::npos ||
      parser.Parse(trimmed, "").ok()) {
    AddObject(trimmed, 0, parser, out);
    return out;
  }
  int index = 0;
  size_t pos = 0;
  while (pos <= trimmed.size()) {
    size_t end = trimmed.find('\n', pos);
    if (end == std::string_view::npos) end = trimmed.size();
    const std::string_view line = StripSpace(trimmed.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) continue;
    if (static_cast<size_t>(index) >= limits.max_articles) {
      return absl::InvalidArgumentError(StrCat(
          "more than ", limits.max_articles, " articles in one request"));
    }
    AddObject(line, index++, parser, out);
  }
  return out;
}

}  // namespace storyline::server
