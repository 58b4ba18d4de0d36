// schema.org JSON-LD blocks (<script type="application/ld+json">).
#pragma once

#include <string>
#include <string_view>

namespace storyline::extract {

struct JsonLdArticle {
  std::string headline, author, date_published, publisher, url, lang;
};

// Merges what the JSON-LD block says about the page's article (the first
// object typed *Article / BlogPosting / Report, searched through arrays and
// @graph) into `out`, keeping fields already set. Malformed JSON is ignored:
// pages often ship broken JSON-LD and the DOM still has the rest.
void ReadJsonLd(std::string_view json, JsonLdArticle& out);

}  // namespace storyline::extract
