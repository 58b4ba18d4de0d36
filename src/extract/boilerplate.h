// Plain-text page furniture: caption and credit lines, login and
// subscription prompts, share/related-link lines, bare date stamps, repeated
// headlines, UI strings in a foreign script, and lines a source repeats in
// many of its articles.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "storyline/options.h"
#include "storyline/types.h"

namespace storyline::extract {

// Per-document rules; the article's own sentences pass unchanged. `title`
// (may be empty) is dropped where the body repeats it. Paragraphs stay
// separated by '\n'. Thread-safe, O(text).
std::string RemoveBoilerplateLines(std::string_view text,
                                   std::string_view title);

// Corpus rule: a short line found in at least `repeated_line_min_docs`
// documents of one source, and in at least a third of that source's
// documents, is that site's furniture ("Related materials:", a footer), not
// news: it is removed from all of them. Long lines are kept even when
// repeated, because republished paragraphs are what copy detection looks
// for. Documents with an empty source form no group. Deterministic; O(total
// text), on `threads` workers (0: all cores).
void RemoveRepeatedLines(std::vector<Document>& docs,
                         const CleanOptions& options, int threads = 1);

// The counts behind RemoveRepeatedLines, for corpora split across
// processes: count each part, merge, then drop from each part.
struct RepeatedLineCounts {
  absl::flat_hash_map<std::string, int> source_docs;  // source -> documents
  // source -> line (a hash of it, lower-cased and trimmed) -> documents
  // holding the line (once per document)
  absl::flat_hash_map<std::string, absl::flat_hash_map<uint64_t, int>> lines;

  void Add(const Document& doc);
  void Merge(const RepeatedLineCounts& other);
  // Adds every part, source by source on `threads` workers (0: all cores).
  void Merge(std::span<const RepeatedLineCounts> parts, int threads = 1);
  // Keeps only the lines DropRepeatedLines would remove, once every part
  // is merged in: what a process sends on can then be small.
  void Prune(const CleanOptions& options);
};
void DropRepeatedLines(std::vector<Document>& docs,
                       const RepeatedLineCounts& counts,
                       const CleanOptions& options, int threads = 1);

}  // namespace storyline::extract
