// What a reader gets for each story. Every statement points back to the
// article (index into the document list) and the byte span it came from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "storyline/types.h"

namespace storyline {

struct Citation {
  int doc = 0;  // index into the document list
  Span span;    // in that document's text
};

struct SummarySentence {
  std::string text;
  Citation cite;
};

struct TimelineEntry {
  absl::CivilDay date;
  std::string text;             // a short sentence about what happened
  std::string expression;       // the date words it was resolved from
  std::vector<Citation> cites;  // every article that supports it
  // "day", "week", "part of month", "month", "part of year" or "year": how
  // much of `date` is meant ("mid-December" is the 15th, "part of month").
  std::string precision = "day";
};

enum class EntityKind { kPerson, kOrganization, kPlace, kOther };
std::string_view EntityKindName(EntityKind kind);

struct Entity {
  std::string name;                   // the longest variant seen
  EntityKind kind = EntityKind::kOther;
  std::vector<std::string> variants;  // other surface forms merged into it
  int mentions = 0;
  std::vector<int> docs;  // sorted
  std::string role;       // title seen before a person, e.g. "Deputy Foreign Minister"
};

struct QuoteVariant {
  std::string text;
  Citation cite;
};

struct Quote {
  std::string speaker;                 // "" when unattributed
  std::vector<QuoteVariant> variants;  // first = earliest article
};

struct SourceInfo {
  std::string name;
  std::vector<int> docs;
  std::optional<absl::CivilDay> first_seen;
};

struct Claim {
  std::string text;  // the figure as written, e.g. "7.5 hours"
  Citation cite;
};

// Sources stating different values for the same quantity.
struct Disagreement {
  std::string topic;  // what the values measure, e.g. "hours"
  std::vector<Claim> claims;
};

struct Story {
  std::string id;
  std::string headline;
  double headline_score = 0;  // centrality of the chosen headline
  int headline_doc = -1;
  std::string headline_basis;  // "title" or "lead": where it was taken from
  std::vector<SummarySentence> summary;
  std::vector<TimelineEntry> timeline;
  std::vector<Entity> entities;
  std::vector<Quote> quotes;
  std::vector<SourceInfo> sources;
  std::vector<int> reuse;  // indices into the copy-pair list inside the story
  std::vector<Disagreement> disagreements;
  std::vector<std::string> top_terms;
  std::vector<int> events;  // indices into the event list
  std::vector<int> docs;    // sorted
  std::optional<absl::CivilDay> first_date, last_date;
};

}  // namespace storyline
