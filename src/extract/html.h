// HTML page -> article: main text, title and metadata.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"

namespace storyline::extract {

struct ExtractedPage {
  std::string title;
  std::string text;  // main text, paragraphs separated by '\n'
  std::string author, site_name, canonical_url;
  std::string lang;  // ISO 639-1 as the page declares it ("en"), or ""
  std::optional<absl::CivilDay> published;
};

struct ExtractOptions {
  // Bytes beyond this are cut before parsing (best effort on huge pages):
  // gumbo's tree costs ~10x the input in memory. Real articles are < 2 MB.
  size_t max_bytes = 8 << 20;
  // Markup nested deeper than this (open minus closed tags) is cut off, best
  // effort: parse time grows with the square of nesting depth.
  int max_depth = 2000;
  // Below this many characters of main text, extract again ignoring class
  // and id names, and keep the result if it is much longer.
  size_t retry_below_chars = 1000;
  // Below this many characters of main text, fall back to every prose-like
  // block of the page: the scorer found no container worth the name.
  size_t min_main_chars = 200;
};

// Extracts the main text and metadata of a page in any charset (see
// ToUtf8). Thread-safe. Fails on input that holds no text at all (empty,
// binary, or markup only). Output is valid UTF-8.
absl::StatusOr<ExtractedPage> ExtractHtml(std::string_view html,
                                          const ExtractOptions& options);
absl::StatusOr<ExtractedPage> ExtractHtml(std::string_view html);

}  // namespace storyline::extract
