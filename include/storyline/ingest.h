// Reading articles: plain text, JSONL and HTML, from files, folders or stdin.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "storyline/errors.h"
#include "storyline/options.h"
#include "storyline/types.h"

namespace storyline {

// Parses the plain-text form: an optional leading ` date YYYY-MM-DD`, then
// the text. The first line is the title when it reads like one (short, no
// final full stop); otherwise it stays in the body. Pure.
absl::StatusOr<Article> ParseTextArticle(std::string_view content,
                                         std::string_view id);

// Parses one JSONL record: {"id","title","text","date","source","url",
// "lang"}; "html" instead of "text" gives an HTML article. Thread-compatible:
// one parser per thread (it reuses its buffers across lines).
class JsonlParser {
 public:
  JsonlParser();
  ~JsonlParser();
  JsonlParser(const JsonlParser&) = delete;
  JsonlParser& operator=(const JsonlParser&) = delete;

  // `fallback_id` is used when the record has no id. Problems that do not
  // cost the article (an unreadable date, which is then dropped) are added
  // to `warnings` when given.
  absl::StatusOr<Article> Parse(std::string_view line,
                                std::string_view fallback_id,
                                std::vector<std::string>* warnings = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses "YYYY-MM-DD", optionally followed by a time ("2022-01-12T10:00Z").
std::optional<absl::CivilDay> ParseIsoDate(std::string_view s);

// Reads every input: a file (format by extension: .jsonl/.ndjson, .html/.htm,
// anything else plain text), a folder (recursively, in sorted order, hidden
// entries skipped) or "-" for standard input (format sniffed). Bad files and
// lines are reported to `errors` with their place and skipped.
std::vector<Article> ReadArticles(const std::vector<std::string>& inputs,
                                  const IngestOptions& options,
                                  ErrorSink& errors);

// Reads every input as ReadArticles does, but hands the articles to
// `consume` in input order, in batches of about `batch_bytes` of bodies: a
// JSONL file (or JSONL on stdin) is read a block at a time, so input larger
// than memory streams. Other files are read whole, one article each.
void StreamArticles(const std::vector<std::string>& inputs,
                    const IngestOptions& options, ErrorSink& errors,
                    size_t batch_bytes,
                    const std::function<void(std::vector<Article>)>& consume);

// Reads articles from a stream whose content is sniffed; `name` is used in
// error reports and ids.
std::vector<Article> ReadArticlesFromStream(std::istream& in,
                                            std::string_view name,
                                            const IngestOptions& options,
                                            ErrorSink& errors);

// The files `inputs` name, expanded as ReadArticles expands them; "-"
// stays "-". Missing inputs are reported.
std::vector<std::string> ListInputFiles(const std::vector<std::string>& inputs,
                                        ErrorSink& errors);

// The articles of one file from ListInputFiles (or "-" for stdin).
std::vector<Article> ReadInputFile(const std::string& path,
                                   const IngestOptions& options,
                                   ErrorSink& errors);

// Whether a path is read as JSONL (by its extension).
bool IsJsonlPath(std::string_view path);

// Part of a JSONL file for one of several readers: the lines that start at
// byte offsets in [begin, end), whole. Splitting a file at any offsets
// gives every line to exactly one part.
struct JsonlChunk {
  std::string path;
  std::string content;
  size_t lines = 0;  // lines in `content`, blank ones included
};
absl::StatusOr<JsonlChunk> ReadJsonlChunk(const std::string& path,
                                          uint64_t begin, uint64_t end,
                                          const IngestOptions& options);

// Parses a chunk whose first line is line `first_line` (1-based) of its
// file, so reports and fallback ids match a whole-file read.
void ParseJsonlChunk(const JsonlChunk& chunk, size_t first_line,
                     const IngestOptions& options, ErrorSink& errors,
                     std::vector<Article>& out);

}  // namespace storyline
