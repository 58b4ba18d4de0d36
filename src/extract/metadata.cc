#include "extract/metadata.h"

#include <vector>

#include "absl/container/flat_hash_map.h"
#include "base/strings.h"
#include "extract/dom.h"
#include "extract/jsonld.h"

namespace storyline::extract {
namespace {

// Everything the metadata rules look at, gathered in one walk.
struct Raw {
  absl::flat_hash_map<std::string, std::string> meta;  // lower key -> value
  std::string title, html_lang, canonical, time_datetime;
  JsonLdArticle ld;
};

void NoteMeta(const GumboNode* node, Raw& raw) {
  std::string_view key = Attr(node, "property");
  if (key.empty()) key = Attr(node, "name");
  if (key.empty()) key = Attr(node, "itemprop");
  if (key.empty()) key = Attr(node, "http-equiv");
  const std::string_view content = Attr(node, "content");
  if (key.empty() || content.empty()) return;
  raw.meta.try_emplace(AsciiLower(key), CollapseSpace(content));
}

void Gather(const GumboNode* node, Raw& raw, int depth) {
  if (!IsElement(node) || depth > 256) return;
  switch (TagOf(node)) {
    case GUMBO_TAG_META:
      NoteMeta(node, raw);
      return;
    case GUMBO_TAG_TITLE:
      if (raw.title.empty()) raw.title = TextOfChildren(node);
      return;
    case GUMBO_TAG_LINK:
      if (AsciiLower(Attr(node, "rel")) == "canonical" &&
          raw.canonical.empty()) {
        raw.canonical = std::string(Attr(node, "href"));
      }
      return;
    case GUMBO_TAG_SCRIPT:
      if (AsciiLower(Attr(node, "type")) == "application/ld+json" &&
          ChildrenOf(node).length > 0) {
        const GumboNode* text = ChildAt(node, 0);
        if (text->type == GUMBO_NODE_TEXT)
          ReadJsonLd(text->v.text.text, raw.ld);
      }
      return;
    case GUMBO_TAG_TIME:
      if (raw.time_datetime.empty()) {
        raw.time_datetime = std::string(Attr(node, "datetime"));
      }
      break;
    case GUMBO_TAG_HTML:
      raw.html_lang = std::string(Attr(node, "lang"));
      break;
    default:
      break;
  }
  for (unsigned i = 0; i < ChildrenOf(node).length; ++i) {
    Gather(ChildAt(node, i), raw, depth + 1);
  }
}

std::string First(const Raw& raw, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const auto it = raw.meta.find(key);
    if (it != raw.meta.end() && !it->second.empty()) return it->second;
  }
  return {};
}

std::string Or(std::string a, std::string b) {
  return a.empty() ? std::move(b) : std::move(a);
}

// "en-US", "en_GB", "EN" -> "en".
std::string LangCodeOf(std::string_view tag) {
  std::string code;
  for (const char c : tag) {
    if (c == '-' || c == '_' || code.size() == 3) break;
    code += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return code.size() >= 2 ? code : std::string();
}

bool LooksLikeUrl(std::string_view s) {
  return s.starts_with("http://") || s.starts_with("https://") ||
         s.starts_with("/");
}

}  // namespace

std::optional<absl::CivilDay> ParseIsoDay(std::string_view s) {
  s = StripSpace(s);
  if (s.size() < 10) return std::nullopt;
  int parts[3] = {0, 0, 0};
  const size_t widths[3] = {4, 2, 2};
  size_t pos = 0;
  for (int i = 0; i < 3; ++i) {
    for (size_t k = 0; k < widths[i]; ++k, ++pos) {
      if (s[pos] < '0' || s[pos] > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (s[pos] - '0');
    }
    if (i < 2 && s[pos] != '-' && s[pos] != '/') return std::nullopt;
    if (i < 2) ++pos;
  }
  if (parts[0] < 1900 || parts[1] < 1 || parts[1] > 12 || parts[2] < 1 ||
      parts[2] > 31) {
    return std::nullopt;
  }
  const absl::CivilDay day(parts[0], parts[1], parts[2]);
  if (day.day() != parts[2]) return std::nullopt;  // e.g. Feb 30 normalized
  return day;
}

PageMetadata ReadMetadata(const GumboNode* root) {
  Raw raw;
  Gather(root, raw, 0);
  PageMetadata m;
  m.title = Or(Or(First(raw, {"og:title", "twitter:title"}),
                  CollapseSpace(raw.ld.headline)),
               raw.title);
  std::string author =
      Or(CollapseSpace(raw.ld.author),
         First(raw, {"author", "article:author", "parsely-author", "dc.creator",
                     "sailthru.author"}));
  if (!LooksLikeUrl(author)) m.author = std::move(author);
  m.site_name = Or(First(raw, {"og:site_name", "application-name"}),
                   CollapseSpace(raw.ld.publisher));
  m.canonical_url = Or(Or(raw.canonical, First(raw, {"og:url"})), raw.ld.url);
  m.lang = LangCodeOf(
      Or(Or(raw.html_lang, First(raw, {"content-language", "og:locale"})),
         raw.ld.lang));
  for (const std::string& date :
       {raw.ld.date_published,
        First(raw, {"article:published_time", "datepublished",
                    "og:article:published_time", "pubdate", "publishdate",
                    "date", "dc.date", "dcterms.created", "dc.date.issued",
                    "parsely-pub-date", "sailthru.date"}),
        raw.time_datetime}) {
    if ((m.published = ParseIsoDay(date))) break;
  }
  return m;
}

}  // namespace storyline::extract
