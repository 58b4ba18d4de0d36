// JSONL records, parsed with simdjson's DOM parser (reused across lines).
#include "base/strings.h"
#include "simdjson.h"
#include "storyline/ingest.h"

namespace storyline {

struct JsonlParser::Impl {
  simdjson::dom::parser parser;
};

JsonlParser::JsonlParser() : impl_(std::make_unique<Impl>()) {}
JsonlParser::~JsonlParser() = default;

namespace {

// The string field `key`, "" when absent; an error when of another type.
absl::StatusOr<std::string_view> StringField(simdjson::dom::object object,
                                             std::string_view key) {
  simdjson::dom::element element;
  if (object[key].get(element) != simdjson::SUCCESS) return "";
  if (element.is_null()) return "";
  std::string_view value;
  if (element.get(value) == simdjson::SUCCESS) return value;
  int64_t number = 0;
  if (key == "id" && element.get(number) == simdjson::SUCCESS) {
    return "";  // numeric ids are handled by the caller
  }
  return absl::InvalidArgumentError(
      StrCat("field \"", key, "\" must be a string"));
}

}  // namespace

absl::StatusOr<Article> JsonlParser::Parse(std::string_view line,
                                           std::string_view fallback_id,
                                           std::vector<std::string>* warnings) {
  simdjson::padded_string padded(line);
  simdjson::dom::element root;
  if (const auto error = impl_->parser.parse(padded).get(root); error) {
    return absl::InvalidArgumentError(
        StrCat("malformed JSON: ", simdjson::error_message(error)));
  }
  simdjson::dom::object object;
  if (root.get(object) != simdjson::SUCCESS) {
    return absl::InvalidArgumentError("a JSON object was expected");
  }
  Article article;
  std::string html, date, lang;
  const std::pair<std::string_view, std::string*> fields[] = {
      {"id", &article.id},     {"title", &article.title},
      {"text", &article.body}, {"source", &article.source},
      {"url", &article.url},   {"html", &html},
      {"date", &date},         {"lang", &lang}};
  for (const auto& [key, target] : fields) {
    const absl::StatusOr<std::string_view> value = StringField(object, key);
    if (!value.ok()) return value.status();
    *target = std::string(*value);
  }
  if (article.id.empty()) {
    int64_t number = 0;
    if (object["id"].get(number) == simdjson::SUCCESS) {
      article.id = StrCat(number);
    } else {
      article.id = std::string(fallback_id);
    }
  }
  if (article.body.empty() && !html.empty()) {
    article.body = std::move(html);
    article.format = Format::kHtml;
  }
  if (!date.empty()) {
    article.published = ParseIsoDate(date);
    if (!article.published && warnings != nullptr) {
      warnings->push_back(StrCat("unreadable date \"", date,
                                 "\" (YYYY-MM-DD expected), article kept undated"));
    }
  }
  article.lang = LangFromCode(lang);
  if (article.body.empty() && article.title.empty()) {
    return absl::InvalidArgumentError("empty article: no title and no text");
  }
  return article;
}

}  // namespace storyline
