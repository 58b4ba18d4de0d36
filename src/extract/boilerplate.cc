#include "extract/boilerplate.h"

#include <xxhash.h>

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "base/parallel.h"
#include "base/strings.h"
#include "extract/line_rules.h"

namespace storyline::extract {
namespace {

// Lines up to this many bytes may count as a source's repeated furniture.
constexpr size_t kMaxRepeatedLineBytes = 160;
// A short line in another script than the article is UI ("Заголовок
// открываемого материала" in an English story); longer ones may be quotes.
constexpr int kMaxForeignUiWords = 8;

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Title-case teaser without final punctuation: a related-article headline.
bool LooksLikeTeaser(std::string_view line) {
  const int words = WordCount(line, 20);
  return words >= 3 && words <= 20 && !EndsLikeSentence(line);
}

bool IsForeignUi(std::string_view line, Script article_script) {
  if (article_script == Script::kNone ||
      WordCount(line, kMaxForeignUiWords) > kMaxForeignUiWords ||
      EndsLikeSentence(line)) {
    return false;
  }
  const Script script = CountScripts(line).Dominant();
  return script != Script::kNone && script != article_script;
}

std::string Key(std::string_view line) { return AsciiLower(StripSpace(line)); }

// A line as the repeated-line rule counts it: a 64-bit hash of its Key(),
// made in `scratch`. Distinct lines of one source share a hash with odds of
// about n^2 / 2^65, and tables of integers cost no string per line.
uint64_t LineHash(std::string_view line, std::string& scratch) {
  AsciiLowerInto(StripSpace(line), scratch);
  return XXH3_64bits(scratch.data(), scratch.size());
}

// Documents of a source of `source_docs` that must hold a line for it to be
// the source's furniture rather than its news.
int NeededDocs(int source_docs, const CleanOptions& options) {
  return std::max(options.repeated_line_min_docs, (source_docs + 2) / 3);
}

}  // namespace

std::string RemoveBoilerplateLines(std::string_view text,
                                   std::string_view title) {
  const Script script = CountScripts(text).Dominant();
  const std::string title_key = Key(title);
  std::string out;
  bool after_caption = false;
  for (const std::string_view raw : SplitLines(text)) {
    const std::string_view line = StripSpace(raw);
    if (line.empty()) {  // kept: blank lines mark paragraphs in plain text
      out += '\n';
      continue;
    }
    const bool caption = IsCaptionOrCredit(line);
    // A caption card is often followed by the teaser headline it links to.
    const bool teaser = after_caption && LooksLikeTeaser(line);
    after_caption = caption;
    if (caption || teaser || IsUiPrompt(line) || IsBareDate(line) ||
        IsForeignUi(line, script) ||
        // Lower-casing keeps the length: most lines are ruled out by it.
        (!title_key.empty() && line.size() == title_key.size() &&
         Key(line) == title_key)) {
      continue;
    }
    StrAppend(&out, line, "\n");
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

void RepeatedLineCounts::Add(const Document& doc) {
  if (doc.source.empty()) return;
  ++source_docs[doc.source];
  std::vector<uint64_t> keys;  // each line once per document
  std::string scratch;
  for (const std::string_view line : SplitLines(doc.text)) {
    if (line.size() <= kMaxRepeatedLineBytes && !StripSpace(line).empty()) {
      keys.push_back(LineHash(line, scratch));
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  auto& counts = lines[doc.source];
  for (const uint64_t key : keys) ++counts[key];
}

void RepeatedLineCounts::Merge(const RepeatedLineCounts& other) {
  Merge({&other, 1});
}

void RepeatedLineCounts::Merge(std::span<const RepeatedLineCounts> parts,
                               int threads) {
  // Every source's table is made first, so that none moves while the
  // sources are summed, each by one worker.
  for (const RepeatedLineCounts& part : parts) {
    for (const auto& [source, n] : part.source_docs) source_docs[source] += n;
    for (const auto& [source, counts] : part.lines) lines[source];
  }
  std::vector<
      std::pair<const std::string*, absl::flat_hash_map<uint64_t, int>*>>
      tables;
  for (auto& [source, counts] : lines) tables.push_back({&source, &counts});
  ParallelFor(static_cast<int>(tables.size()), threads, 1, [&](int, int t) {
    for (const RepeatedLineCounts& part : parts) {
      const auto from = part.lines.find(*tables[t].first);
      if (from == part.lines.end()) continue;
      for (const auto& [key, n] : from->second) (*tables[t].second)[key] += n;
    }
  });
}

void RepeatedLineCounts::Prune(const CleanOptions& options) {
  for (auto& [source, counts] : lines) {
    const auto docs = source_docs.find(source);
    const int needed =
        NeededDocs(docs == source_docs.end() ? 0 : docs->second, options);
    absl::erase_if(counts,
                   [&](const auto& line) { return line.second < needed; });
  }
}

void DropRepeatedLines(std::vector<Document>& docs,
                       const RepeatedLineCounts& counts,
                       const CleanOptions& options, int threads) {
  if (options.repeated_line_min_docs <= 1) return;
  ParallelFor(static_cast<int>(docs.size()), threads, 64, [&](int, int i) {
    Document& doc = docs[i];
    const auto source = counts.source_docs.find(doc.source);
    const auto lines = counts.lines.find(doc.source);
    if (doc.source.empty() || source == counts.source_docs.end() ||
        lines == counts.lines.end()) {
      return;
    }
    const int needed = NeededDocs(source->second, options);
    std::string scratch;
    auto repeated = [&](std::string_view line) {
      if (line.size() > kMaxRepeatedLineBytes) return false;
      const auto it = lines->second.find(LineHash(line, scratch));
      return it != lines->second.end() && it->second >= needed;
    };
    const std::vector<std::string_view> split = SplitLines(doc.text);
    // Most articles keep every line: their text stays as it is (joining
    // the lines again would give it back, leading blank lines apart).
    if (!doc.text.starts_with('\n') &&
        std::none_of(split.begin(), split.end(), repeated)) {
      return;
    }
    std::string out;
    for (const std::string_view line : split) {
      if (repeated(line)) continue;
      if (!out.empty()) out += '\n';
      out += line;
    }
    doc.text = std::move(out);
  });
}

void RemoveRepeatedLines(std::vector<Document>& docs,
                         const CleanOptions& options, int threads) {
  if (options.repeated_line_min_docs <= 1) return;
  // Counted in a table per worker, then summed: sums do not depend on
  // which worker counted what.
  std::vector<RepeatedLineCounts> parts(ResolveThreads(threads));
  ParallelFor(static_cast<int>(docs.size()), threads, 64,
              [&](int worker, int i) { parts[worker].Add(docs[i]); });
  RepeatedLineCounts counts = std::move(parts[0]);
  counts.Merge(std::span(parts).subspan(1), threads);
  parts.clear();
  DropRepeatedLines(docs, counts, options, threads);
}

}  // namespace storyline::extract
