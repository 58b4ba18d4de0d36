// HTML page -> article: main text, title and metadata.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"

namespace storyline::extract {

struct ExtractedPage {
  std::string title;
  std::string text;  // main text, paragraphs separated by '\n'
  std::string author, site_name, canonical_url, lang;
  std::optional<absl::CivilDay> published;
};

// Extracts the main text of a page. Thread-safe. Fails on input that holds
// no text at all (empty or binary).
absl::StatusOr<ExtractedPage> ExtractHtml(std::string_view html);

}  // namespace storyline::extract
