// The only part of the library that reads files.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

#include "base/strings.h"
#include "simdjson.h"
#include "storyline/ingest.h"
#include "text/unicode.h"

namespace storyline {
namespace {

namespace fs = std::filesystem;

enum class FileKind { kText, kJsonl, kHtml };

FileKind KindByExtension(const fs::path& path) {
  std::string ext = AsciiLower(path.extension().string());
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") {
    return FileKind::kJsonl;
  }
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml")
    return FileKind::kHtml;
  return FileKind::kText;
}

FileKind KindByContent(std::string_view content) {
  const std::string_view head = StripLeadingSpace(
      content.substr(0, std::min<size_t>(content.size(), 4096)));
  if (!head.empty() && head[0] == '{') return FileKind::kJsonl;
  if (!head.empty() && head[0] == '<') return FileKind::kHtml;
  return FileKind::kText;
}

void ParseJsonlLines(std::string_view content, const std::string& name,
                     const std::string& stem, size_t first_line,
                     const IngestOptions& options, ErrorSink& errors,
                     std::vector<Article>& out);

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
    if (!text::IsValidUtf8(content)) {
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
  ParseJsonlLines(content, name, stem, 1, options, errors, out);
}

// JSONL lines of `content`, the first of which is line `first_line` of the
// file `name`.
void ParseJsonlLines(std::string_view content, const std::string& name,
                     const std::string& stem, size_t first_line,
                     const IngestOptions& options, ErrorSink& errors,
                     std::vector<Article>& out) {
  JsonlParser parser;
  size_t line_no = first_line - 1, pos = 0;
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
      errors.Report(
          {where, StrCat(MessageOf(article.status()), ", line skipped")});
      continue;
    }
    out.push_back(*std::move(article));
  }
}

// JSONL from a stream of any size, a block of whole lines at a time, so a
// feed larger than memory allows as text still streams. `after_block` runs
// after each block's articles are added to `out`.
void ReadJsonlStream(std::istream& in, const std::string& name,
                     const std::string& stem, const IngestOptions& options,
                     ErrorSink& errors, std::vector<Article>& out,
                     const std::function<void()>& after_block = {}) {
  const size_t block_bytes = std::max<size_t>(1, options.jsonl_block_bytes);
  std::string block;
  size_t first_line = 1;
  while (in) {
    block.resize(block_bytes);
    in.read(block.data(), static_cast<std::streamsize>(block_bytes));
    block.resize(static_cast<size_t>(in.gcount()));
    if (block.empty()) break;
    if (block.back() != '\n') {  // finish the line the block cut
      std::string rest;
      std::getline(in, rest);
      block += rest;
    }
    if (block.find('\0') != std::string::npos) {
      errors.Report({name, "binary file (NUL bytes), rest of file skipped"});
      return;
    }
    ParseJsonlLines(block, name, stem, first_line, options, errors, out);
    first_line +=
        static_cast<size_t>(std::count(block.begin(), block.end(), '\n'));
    if (block.back() != '\n') ++first_line;
    if (after_block) after_block();
  }
}

void ReadJsonlFile(const fs::path& path, const IngestOptions& options,
                   ErrorSink& errors, std::vector<Article>& out,
                   const std::function<void()>& after_block = {}) {
  const std::string name = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    errors.Report({name, "cannot open file, skipped"});
    return;
  }
  ReadJsonlStream(in, name, path.stem().string(), options, errors, out,
                  after_block);
}

void ReadFile(const fs::path& path, const IngestOptions& options,
              ErrorSink& errors, std::vector<Article>& out,
              const std::function<void()>& after_block = {}) {
  const std::string name = path.string();
  std::error_code ec;
  const auto size = fs::file_size(path, ec);
  if (ec) {
    errors.Report({name, StrCat("cannot read: ", ec.message())});
    return;
  }
  if (KindByExtension(path) == FileKind::kJsonl) {
    ReadJsonlFile(path, options, errors, out, after_block);
    return;
  }
  if (size > options.max_file_bytes) {
    errors.Report(
        {name, StrCat("file of ", size, " bytes is over the limit of ",
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

std::vector<std::string> ListInputFiles(const std::vector<std::string>& inputs,
                                        ErrorSink& errors) {
  std::vector<std::string> out;
  for (const std::string& input : inputs) {
    if (input == "-") {
      out.push_back(input);
      continue;
    }
    const fs::path path(input);
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<fs::path> files;
      fs::recursive_directory_iterator it(
          path, fs::directory_options::skip_permission_denied, ec),
          end;
      for (; !ec && it != end; it.increment(ec)) {
        if (Hidden(it->path())) {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file()) files.push_back(it->path());
      }
      if (ec) errors.Report({input, StrCat("cannot list: ", ec.message())});
      std::sort(files.begin(), files.end());
      for (const auto& file : files) out.push_back(file.string());
    } else if (fs::exists(path, ec)) {
      out.push_back(input);
    } else {
      errors.Report({input, "no such file or folder"});
    }
  }
  return out;
}

bool IsJsonlPath(std::string_view path) {
  return KindByExtension(fs::path(path)) == FileKind::kJsonl;
}

std::vector<Article> ReadInputFile(const std::string& path,
                                   const IngestOptions& options,
                                   ErrorSink& errors) {
  if (path == "-")
    return ReadArticlesFromStream(std::cin, "stdin", options, errors);
  std::vector<Article> out;
  ReadFile(path, options, errors, out);
  return out;
}

std::vector<Article> ReadArticles(const std::vector<std::string>& inputs,
                                  const IngestOptions& options,
                                  ErrorSink& errors) {
  std::vector<Article> out;
  for (const std::string& input : inputs) {  // reports stay in input order
    for (const std::string& file : ListInputFiles({input}, errors)) {
      auto articles = ReadInputFile(file, options, errors);
      std::move(articles.begin(), articles.end(), std::back_inserter(out));
    }
  }
  return out;
}

void StreamArticles(const std::vector<std::string>& inputs,
                    const IngestOptions& options, ErrorSink& errors,
                    size_t batch_bytes,
                    const std::function<void(std::vector<Article>)>& consume) {
  std::vector<Article> pending;
  size_t pending_bytes = 0, counted = 0;
  const auto flush_if_full = [&] {
    for (; counted < pending.size(); ++counted) {
      pending_bytes += pending[counted].body.size();
    }
    if (pending_bytes < batch_bytes) return;
    consume(std::move(pending));
    pending.clear();
    pending_bytes = counted = 0;
  };
  for (const std::string& input : inputs) {
    for (const std::string& file : ListInputFiles({input}, errors)) {
      if (file != "-") {
        ReadFile(file, options, errors, pending, flush_if_full);
      } else if (std::cin >> std::ws; std::cin.peek() == '{') {
        ReadJsonlStream(std::cin, "stdin", "stdin", options, errors, pending,
                        flush_if_full);
      } else {
        auto articles = ReadArticlesFromStream(std::cin, "stdin", options,
                                               errors);
        std::move(articles.begin(), articles.end(),
                  std::back_inserter(pending));
      }
      flush_if_full();
    }
  }
  if (!pending.empty()) consume(std::move(pending));
}

absl::StatusOr<JsonlChunk> ReadJsonlChunk(const std::string& path,
                                          uint64_t begin, uint64_t end,
                                          const IngestOptions&) {
  std::error_code ec;
  const uint64_t size = fs::file_size(path, ec);
  if (ec) return absl::NotFoundError(StrCat("cannot read: ", ec.message()));
  end = std::min(end, size);
  JsonlChunk chunk;
  chunk.path = path;
  if (begin >= end) return chunk;
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError("cannot open file");
  // The line that starts at or after `begin`: skip the tail of a line that
  // began before it (the previous share reads that one).
  uint64_t start = begin;
  if (begin > 0) {
    in.seekg(static_cast<std::streamoff>(begin - 1));
    std::string skipped;
    std::getline(in, skipped);
    if (!in) return chunk;  // no line starts in the range
    start = begin - 1 + skipped.size() + 1;
  }
  if (start >= end) return chunk;
  // Read up to `end`, then finish the last line that started before it.
  in.seekg(static_cast<std::streamoff>(start));
  chunk.content.resize(end - start);
  in.read(chunk.content.data(), static_cast<std::streamsize>(end - start));
  chunk.content.resize(static_cast<size_t>(in.gcount()));
  if (!chunk.content.empty() && chunk.content.back() != '\n') {
    std::string rest;
    std::getline(in, rest);
    chunk.content += rest;
  }
  chunk.lines = static_cast<size_t>(
      std::count(chunk.content.begin(), chunk.content.end(), '\n'));
  if (!chunk.content.empty() && chunk.content.back() != '\n') ++chunk.lines;
  return chunk;
}

void ParseJsonlChunk(const JsonlChunk& chunk, size_t first_line,
                     const IngestOptions& options, ErrorSink& errors,
                     std::vector<Article>& out) {
  if (chunk.content.find('\0') != std::string::npos) {
    errors.Report({chunk.path, "binary file (NUL bytes), share skipped"});
    return;
  }
  ParseJsonlLines(chunk.content, chunk.path,
                  fs::path(chunk.path).stem().string(), first_line, options,
                  errors, out);
}

}  // namespace storyline
