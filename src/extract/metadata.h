// Page metadata: <meta>, Open Graph, JSON-LD (schema.org NewsArticle) and
// the few DOM elements that carry it (<title>, <html lang>, <time>).
#pragma once

#include <gumbo.h>

#include <optional>
#include <string>

#include "absl/time/civil_time.h"

namespace storyline::extract {

struct PageMetadata {
  std::string title, author, site_name, canonical_url, lang;
  std::optional<absl::CivilDay> published;
};

// Reads metadata from the parsed page. Structured sources win over loose
// ones: JSON-LD, then Open Graph / article:*, then name= metas, then the DOM.
PageMetadata ReadMetadata(const GumboNode* root);

// "2021-03-04T10:00:00Z", "2021-03-04", "2021/03/04" -> the day; nullopt
// for anything else or an impossible date.
std::optional<absl::CivilDay> ParseIsoDay(std::string_view s);

}  // namespace storyline::extract
