// The only part of the library that reads files.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "base/strings.h"
#include "base/strings.h"
#include "simdjson.h"
#include "storyline/ingest.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

enum class FileKind { kText, kJsonl, kHtml };

FileKind KindByExtension(const fs::path& path) {
  std::string ext = AsciiLower(path.extension().string());
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") {
    return FileKind::kJsonl;
  }
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return FileKind::kHtml;
  return FileKind::kText;
}

FileKind KindByContent(std::string_view content) {
  const std::string_view head = StripLeadingSpace(
      content.substr(0, std::min<size_t>(content.size(), 4096)));
  if (!head.empty() && head[0] == '{') return FileKind::kJsonl;
  if (!head.empty() && head[0] == '<') return FileKind::kHtml;
  return FileKind::kText;
}

bool ValidUtf8(std::string_view s) {
  return simdjson::validate_utf8(s.data(), s.size());
}

// Articles from one file's (or stdin's) content. `name` is the file path,
// `stem` the id prefix.
void ParseContent(std::string_view content, FileKind kind,
                  const std::string& name, const std::string& stem,
                  const IngestOptions& options, ErrorSink& errors,
                  std::vector<Article>& out) {
  if (kind == FileKind::kHtml) {
    // The charset is read from the page when it is cleaned.
    if (StripSpace(content).empty()) {
      errors.Report({name, "empty HTML page, skipped"});
      return;
    }
    Article article;
    article.id = stem;
    article.body = std::string(content);
    article.format = Format::kHtml;
    out.push_back(std::move(article));
    return;
  }
  if (kind == FileKind::kText) {
    if (!ValidUtf8(content)) {
      errors.Report({name, "invalid UTF-8, file skipped"});
      return;
    }
    auto article = ParseTextArticle(content, stem);
    if (!article.ok()) {
      errors.Report({name, std::string(MessageOf(article.status()))});
      return;
    }
    out.push_back(*std::move(article));
    return;
  }
  JsonlParser parser;
  size_t line_no = 0, pos = 0;
  while (pos < content.size()) {
    ++line_no;
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    const std::string where = StrCat(name, ":", line_no);
    if (StripSpace(line).empty()) continue;
    if (line.size() > options.max_line_bytes) {
      errors.Report({where, StrCat("line of ", line.size(),
                                         " bytes is over the limit of ",
                                         options.max_line_bytes, ", skipped")});
      continue;
    }
    std::vector<std::string> warnings;
    auto article = parser.Parse(line, StrCat(stem, ":", line_no), &warnings);
    for (auto& warning : warnings) errors.Report({where, std::move(warning)});
    if (!article.ok()) {
      errors.Report({where, StrCat(MessageOf(article.status()),
                                         ", line skipped")});
      continue;
    }
    out.push_back(*std::move(article));
  }
}

void ReadFile(const fs::path& path, const IngestOptions& options,
              ErrorSink& errors, std::vector<Article>& out) {
  const std::string name = path.string();
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) {
    errors.Report({name, StrCat("cannot read: ", ec.message())});
    return;
  }
  if (size > options.max_file_bytes) {
    errors.Report({name, StrCat("file of ", size,
                                      " bytes is over the limit of ",
                                      options.max_file_bytes, ", skipped")});
    return;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors.Report({name, "cannot open file, skipped"});
    return;
  }
  std::string content(size, '\0');
  in.read(content.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size)) {
    errors.Report({name, "read error, file skipped"});
    return;
  }
  if (content.find('\0') != std::string::npos &&
      KindByExtension(path) != FileKind::kHtml) {
    errors.Report({name, "binary file (NUL bytes), skipped"});
    return;
  }
  ParseContent(content, KindByExtension(path), name, path.stem().string(),
               options, errors, out);
}

bool Hidden(const fs::path& path) {
  const std::string file = path.filename().string();
  return !file.empty() && file[0] == '.';
}

}  // namespace

std::vector<Article> ReadArticlesFromStream(std::istream& in,
                                            std::string_view name,
                                            const IngestOptions& options,
                                            ErrorSink& errors) {
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string content = buffer.str();
  std::vector<Article> out;
  ParseContent(content, KindByContent(content), std::string(name),
               std::string(name), options, errors, out);
  return out;
}

std::vector<Article> ReadArticles(const std::vector<std::string>& inputs,
                                  const IngestOptions& options,
                                  ErrorSink& errors) {
  std::vector<Article> out;
  for (const std::string& input : inputs) {
    if (input == "-") {
      auto articles = ReadArticlesFromStream(std::cin, "stdin", options, errors);
      std::move(articles.begin(), articles.end(), std::back_inserter(out));
      continue;
    }
    const fs::path path(input);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      fs::recursive_directory_iterator it(
          path, fs::directory_options::skip_permission_denied, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        if (Hidden(it->path())) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file()) files.push_back(it->path());
      }
      if (ec) errors.Report({input, StrCat("cannot list: ", ec.message())});
      std::sort(files.begin(), files.end());
      for (const auto& file : files) ReadFile(file, options, errors, out);
    } else if (fs::exists(path, ec)) {
      ReadFile(path, options, errors, out);
    } else {
      errors.Report({input, "no such file or folder"});
    }
  }
  return out;
}

}  // namespace storyline
