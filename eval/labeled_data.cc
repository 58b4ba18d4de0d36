#include "eval/labeled_data.h"

#include <fstream>
#include <sstream>

#include "base/strings.h"
#include "simdjson.h"
#include "storyline/ingest.h"

namespace storyline::eval {
namespace {

absl::StatusOr<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(StrCat("cannot open ", path));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Calls fn(line_no, line) for each non-empty line.
template <typename Fn>
void ForEachLine(std::string_view content, Fn fn) {
  size_t pos = 0, line_no = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    ++line_no;
    const std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      fn(line_no, line);
    }
  }
}

std::string StringOr(simdjson::dom::element element, std::string_view key) {
  std::string_view value;
  if (element[key].get(value) != simdjson::SUCCESS) return "";
  return std::string(value);
}

}  // namespace

absl::StatusOr<LabeledCorpus> ReadLabeledCorpus(const std::string& path,
                                                ErrorSink& errors) {
  auto content = ReadWhole(path);
  if (!content.ok()) return content.status();
  LabeledCorpus corpus;
  JsonlParser articles;
  simdjson::dom::parser parser;
  ForEachLine(*content, [&](size_t line_no, std::string_view line) {
    const std::string where = StrCat(path, ":", line_no);
    auto article = articles.Parse(line, StrCat("line", line_no));
    if (!article.ok()) {
      errors.Report({where, std::string(MessageOf(article.status()))});
      return;
    }
    simdjson::dom::element root;
    if (parser.parse(line.data(), line.size()).get(root) != simdjson::SUCCESS) {
      return;  // already reported by the article parser
    }
    const std::string label = StringOr(root, "label");
    if (label.empty()) {
      errors.Report({where, "no \"label\", skipped"});
      return;
    }
    corpus.label[article->id] = label;
    corpus.articles.push_back(*std::move(article));
  });
  return corpus;
}

absl::StatusOr<std::vector<TextPair>> ReadPairs(const std::string& path,
                                                ErrorSink& errors) {
  auto content = ReadWhole(path);
  if (!content.ok()) return content.status();
  std::vector<TextPair> pairs;
  simdjson::dom::parser parser;
  ForEachLine(*content, [&](size_t line_no, std::string_view line) {
    simdjson::dom::element root;
    if (parser.parse(line.data(), line.size()).get(root) != simdjson::SUCCESS) {
      errors.Report({StrCat(path, ":", line_no), "malformed JSON"});
      return;
    }
    TextPair pair{StringOr(root, "id"), StringOr(root, "a"),
                  StringOr(root, "b"), StringOr(root, "label"),
                  LangFromCode(StringOr(root, "lang"))};
    if (pair.a.empty() || pair.b.empty() || pair.label.empty()) {
      errors.Report({StrCat(path, ":", line_no),
                     "pair needs \"a\", \"b\" and \"label\", skipped"});
      return;
    }
    pairs.push_back(std::move(pair));
  });
  return pairs;
}

}  // namespace storyline::eval
