// The plain data types that flow through the pipeline, one way:
// Article (as ingested) -> Document (cleaned) -> Event -> Story.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/time/civil_time.h"

namespace storyline {

enum class Format { kText, kHtml };

enum class Lang { kUnknown, kEn, kRu, kOther };

// "en", "ru", "" for kUnknown and "xx" for kOther.
std::string_view LangCode(Lang lang);
// Inverse of LangCode; any other non-empty code maps to kOther.
Lang LangFromCode(std::string_view code);

// An article as ingested: nothing is inferred yet.
struct Article {
  std::string id, source, url, title;
  std::string body;  // plain text or HTML, see `format`
  Format format = Format::kText;
  std::optional<absl::CivilDay> published;
  Lang lang = Lang::kUnknown;  // as declared by the input; kUnknown = detect
};

// An article after cleaning: main text only, language known.
struct Document {
  std::string id, source, url, title;
  std::string text;  // main text; paragraphs separated by '\n'
  Lang lang = Lang::kUnknown;
  std::optional<absl::CivilDay> published;
};

// Byte range [begin, end) in a Document's text.
struct Span {
  uint32_t begin = 0, end = 0;
  bool operator==(const Span&) const = default;
};

enum class CopyKind { kExact, kNearDuplicate, kPartial };
std::string_view CopyKindName(CopyKind kind);

// Two documents that share text. `a` and `b` index the document list the
// pair was computed from; a < b.
struct CopyPair {
  int a = 0, b = 0;
  CopyKind kind = CopyKind::kPartial;
  double jaccard = 0;        // |A∩B| / |A∪B| over word shingles
  double containment_a = 0;  // |A∩B| / |A|: how much of a is found in b
  double containment_b = 0;  // |A∩B| / |B|
  Span passage_a, passage_b;  // the longest shared passage, in each text
  // Which side is the earlier source: -1 unknown, else a or b.
  int source = -1;
  std::string direction_basis;  // "date", "containment" or ""
};

// Articles reporting the same happening. Indices into the document list.
struct Event {
  std::string id;
  std::vector<int> docs;  // sorted
};

// Events about the same developing matter, possibly spanning days.
struct Cluster {
  std::string id;
  std::vector<int> events;  // indices into the event list, sorted
  std::vector<int> docs;    // all member documents, sorted
};

}  // namespace storyline
