#include "extract/jsonld.h"

#include <simdjson.h>

namespace storyline::extract {
namespace {

using simdjson::dom::element;

bool IsArticleType(element obj) {
  auto check = [](std::string_view t) {
    return t.find("Article") != std::string_view::npos || t == "BlogPosting" ||
           t == "Report" || t == "LiveBlogPosting";
  };
  element type;
  if (obj["@type"].get(type)) return false;
  std::string_view name;
  if (!type.get(name)) return check(name);
  simdjson::dom::array types;
  if (type.get(types)) return false;
  for (element t : types) {
    if (!t.get(name) && check(name)) return true;
  }
  return false;
}

// A name out of a string, {"name": ...} or the first of an array of those.
std::string NameOf(element e) {
  std::string_view s;
  if (!e.get(s)) return std::string(s);
  simdjson::dom::array items;
  if (!e.get(items)) {
    for (element item : items) {
      std::string name = NameOf(item);
      if (!name.empty()) return name;
    }
    return {};
  }
  if (e.is_object() && !e["name"].get(s)) return std::string(s);
  return {};
}

void SetIfEmpty(std::string& field, element obj, const char* key) {
  if (!field.empty()) return;
  element value;
  if (!obj[key].get(value)) field = NameOf(value);
}

void Fill(element obj, JsonLdArticle& out) {
  SetIfEmpty(out.headline, obj, "headline");
  SetIfEmpty(out.author, obj, "author");
  SetIfEmpty(out.date_published, obj, "datePublished");
  SetIfEmpty(out.publisher, obj, "publisher");
  SetIfEmpty(out.url, obj, "url");
  SetIfEmpty(out.lang, obj, "inLanguage");
}

bool Search(element e, JsonLdArticle& out, int depth) {
  if (depth > 8) return false;
  simdjson::dom::array items;
  if (!e.get(items)) {
    for (element item : items) {
      if (Search(item, out, depth + 1)) return true;
    }
    return false;
  }
  if (!e.is_object()) return false;
  if (IsArticleType(e)) {
    Fill(e, out);
    return true;
  }
  element graph;
  return !e["@graph"].get(graph) && Search(graph, out, depth + 1);
}

}  // namespace

void ReadJsonLd(std::string_view json, JsonLdArticle& out) {
  // One parser per call: JSON-LD blocks are small and this keeps the
  // function thread-safe without shared state.
  simdjson::dom::parser parser;
  const simdjson::padded_string padded(json);
  element root;
  if (parser.parse(padded).get(root)) return;
  Search(root, out, 0);
}

}  // namespace storyline::extract
